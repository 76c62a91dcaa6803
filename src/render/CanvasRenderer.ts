import { createCanvas, type Canvas } from 'canvas';
import { Chart, registerables, type ChartItem } from 'chart.js';
import type { ChartRenderer, ChartSpec, RenderedImage } from './chartSpec.js';
import { registerFonts } from './fonts.js';
import { histogramChartConfig } from './histogramChartConfig.js';

Chart.register(...registerables);

/** How many canvas sizes are kept for reuse; the least recently used one is dropped first. */
const MAX_CANVASES = 8;

/**
 * Renders charts in this process with Chart.js on node-canvas. Canvases are reused, one per
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
    const canvas = this.canvasFor(spec.width, spec.height);
    const config = chartConfig(spec);
    // Chart.js only reads a context from a canvas-like object; node-canvas provides one.
    const chart = new Chart(canvas as unknown as ChartItem, config);
    try {
      const bytes = await encodePng(canvas);
      return { bytes, mimeType: 'image/png', width: spec.width, height: spec.height };
    } finally {
      chart.destroy();
    }
  }

  private canvasFor(width: number, height: number): Canvas {
    const key = `${width}x${height}`;
    let canvas = this.canvases.get(key);
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

/** The Chart.js configuration of a chart; a switch over `spec.kind` once there are several. */
function chartConfig(spec: ChartSpec) {
  return histogramChartConfig(spec);
}

function encodePng(canvas: Canvas): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    canvas.toBuffer((error, bytes) => {
      if (error) reject(error);
      else resolve(bytes);
    }, 'image/png');
  });
}
