import type { ImageFormat } from '../core/histogramSpec.js';

export const MIME_TYPES = {
  png: 'image/png',
  svg: 'image/svg+xml',
} as const satisfies Record<ImageFormat, string>;

export type ImageMimeType = (typeof MIME_TYPES)[ImageFormat];

/**
 * What a renderer needs to draw a chart: plain data, already binned and validated. Renderers
 * receive nothing else, so the same spec can cross a process boundary or key a cache.
 */
export interface HistogramChartSpec {
  readonly kind: 'histogram';
  readonly title: string;
  readonly xlabel: string;
  readonly ylabel: string;
  readonly edges: readonly number[];
  readonly counts: readonly number[];
  /** Bins are one unit wide and centred on integers: ticks go on integers. */
  readonly integerBins: boolean;
  readonly width: number;
  readonly height: number;
  readonly format: ImageFormat;
  /** A description for screen readers; SVG output carries it in `<desc>`. */
  readonly altText: string;
}

/** One set of points of a scatter chart. */
export interface ScatterSeriesSpec {
  readonly label: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
}

export interface ScatterChartSpec {
  readonly kind: 'scatter';
  readonly title: string;
  readonly xlabel: string;
  readonly ylabel: string;
  readonly series: readonly ScatterSeriesSpec[];
  /** The least-squares line over all points, drawn across the x range when present. */
  readonly trendline: { readonly slope: number; readonly intercept: number } | null;
  /** Show a legend with the series labels. */
  readonly legend: boolean;
  readonly width: number;
  readonly height: number;
  readonly format: ImageFormat;
  readonly altText: string;
}

export interface PieChartSpec {
  readonly kind: 'pie';
  readonly title: string;
  /** Slices in the order given; values are non-negative and not all zero. */
  readonly slices: readonly { readonly label: string; readonly value: number }[];
  readonly legend: boolean;
  readonly width: number;
  readonly height: number;
  readonly format: ImageFormat;
  readonly altText: string;
}

/** Every kind of chart a renderer can draw. */
export type ChartSpec = HistogramChartSpec | ScatterChartSpec | PieChartSpec;

export interface RenderedImage {
  readonly bytes: Buffer;
  readonly mimeType: ImageMimeType;
  readonly width: number;
  readonly height: number;
}

/** Draws charts. Implementations hide the canvas, the encoder and where the work runs. */
export interface ChartRenderer {
  render(spec: ChartSpec): Promise<RenderedImage>;
  /** Releases what the renderer holds (canvases, processes). */
  close(): Promise<void>;
}
