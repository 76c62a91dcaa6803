import { createCanvas, type Canvas } from 'canvas';
import { Chart, registerables, type ChartConfiguration, type ChartItem } from 'chart.js';
import { MIME_TYPES, type ChartRenderer, type ChartSpec, type RenderedImage } from './chartSpec.js';
import { encodePng } from './encodePng.js';
import { escapeXml } from './escapeXml.js';
import {
  METADATA_KEYWORDS,
  withPngMetadata,
  withSvgMetadata,
  type ImageMetadata,
} from './imageMetadata.js';
import { registerFonts } from './fonts.js';
import { histogramChartConfig } from './histogramChartConfig.js';
import { messageChartConfig } from './messageChartConfig.js';
import { pieChartConfig } from './pieChartConfig.js';
import { scatterChartConfig } from './scatterChartConfig.js';

Chart.register(...registerables);

/** How many canvas sizes are kept for reuse; the least recently used one is dropped first. */
const MAX_CANVASES = 8;

/**
 * Renders charts in this process with Chart.js on node-canvas. PNG canvases are reused, one per
 * size: a new canvas per render keeps about 2 MB of native memory each. Renders run one at a
 * time, so a canvas is never drawn on while it is being encoded.
 */
export class CanvasRenderer implements ChartRenderer {
  private readonly canvases = new Map<string, Canvas>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor() {
    registerFonts();
  }

  render(spec: ChartSpec): Promise<RenderedImage> {
    const result = this.queue.then(() => this.draw(spec));
    this.queue = result.catch(() => undefined);
    return result;
  }

  close(): Promise<void> {
    this.canvases.clear();
    return Promise.resolve();
  }

  private async draw(spec: ChartSpec): Promise<RenderedImage> {
    // An SVG surface is finished by toBuffer(), so each SVG gets its own; it holds no pixels.
    const canvas =
      spec.format === 'svg'
        ? createCanvas(spec.width, spec.height, 'svg')
        : this.canvasFor(spec.width, spec.height, spec.devicePixelRatio);
    // Chart.js only reads a context from a canvas-like object; node-canvas provides one.
    const chart = new Chart(canvas as unknown as ChartItem, chartConfig(spec));
    try {
      const bytes =
        spec.format === 'svg'
          ? describedSvg(canvas, spec)
          : withPngMetadata(await encodePng(canvas), imageMetadata(spec));
      // Chart.js has scaled the canvas to the pixel ratio: the image is the canvas's size.
      return {
        bytes,
        mimeType: MIME_TYPES[spec.format],
        width: canvas.width,
        height: canvas.height,
      };
    } finally {
      chart.destroy();
    }
  }

  /**
   * The canvas for a size and pixel ratio. Chart.js reads the chart's size from the canvas and
   * then scales the canvas by the pixel ratio, so a scaled canvas is set back to the chart's size
   * before reuse (only ratios other than 1 ever need it).
   */
  private canvasFor(width: number, height: number, ratio: number): Canvas {
    const key = `${width}x${height}@${ratio}`;
    let canvas = this.canvases.get(key);
    if (canvas !== undefined && (canvas.width !== width || canvas.height !== height)) {
      canvas.width = width;
      canvas.height = height;
    }
    if (canvas === undefined) {
      canvas = createCanvas(width, height);
      if (this.canvases.size >= MAX_CANVASES) {
        const oldest = this.canvases.keys().next().value;
        if (oldest !== undefined) this.canvases.delete(oldest);
      }
    } else {
      this.canvases.delete(key);
    }
    this.canvases.set(key, canvas);
    return canvas;
  }
}

/** The Chart.js configuration of any kind of chart. */
function chartConfig(spec: ChartSpec): ChartConfiguration {
  switch (spec.kind) {
    case 'histogram':
      return histogramChartConfig(spec);
    case 'scatter':
      return scatterChartConfig(spec);
    case 'pie':
      return pieChartConfig(spec);
    case 'message':
      return messageChartConfig(spec);
    default: {
      const unknown: never = spec;
      throw new Error(`no chart configuration for ${JSON.stringify(unknown)}`);
    }
  }
}

const KIND_NAMES = {
  histogram: 'Histogram',
  scatter: 'Scatter chart',
  pie: 'Pie chart',
  message: 'Message',
} as const;

/**
 * The SVG with a `<title>` and a `<desc>` (the alt text) right after the opening tag, so screen
 * readers and file browsers can tell what it shows. Cairo draws text as glyph outlines, so the
 * user's text appears only here, escaped.
 */
function describedSvg(canvas: Canvas, spec: ChartSpec): Buffer {
  const svg = canvas.toBuffer().toString('utf8');
  const open = svg.indexOf('<svg');
  const end = svg.indexOf('>', open) + 1;
  const title = spec.title === '' ? KIND_NAMES[spec.kind] : spec.title;
  const described = `<title>${escapeXml(title)}</title><desc>${escapeXml(spec.altText)}</desc>`;
  return Buffer.from(
    withSvgMetadata(svg.slice(0, end) + described + svg.slice(end), imageMetadata(spec)),
  );
}

/** What an image records about itself, so a saved chart can be traced back to its data. */
function imageMetadata(spec: ChartSpec): ImageMetadata {
  return {
    [METADATA_KEYWORDS.title]: spec.title === '' ? KIND_NAMES[spec.kind] : spec.title,
    [METADATA_KEYWORDS.description]: spec.altText,
    [METADATA_KEYWORDS.software]: 'chartql',
    [METADATA_KEYWORDS.request]: spec.metadata.request,
    [METADATA_KEYWORDS.statistics]: spec.metadata.statistics,
  };
}
