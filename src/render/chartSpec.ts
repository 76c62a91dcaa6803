import type { ImageFormat, Theme } from '../core/histogramSpec.js';

export const MIME_TYPES = {
  png: 'image/png',
  svg: 'image/svg+xml',
} as const satisfies Record<ImageFormat, string>;

export type ImageMimeType = (typeof MIME_TYPES)[ImageFormat];

/** What every chart spec holds besides its data: the image it becomes. */
export interface ChartFrame {
  /** Size in CSS pixels; the image has `devicePixelRatio` times as many pixels each way. */
  readonly width: number;
  readonly height: number;
  readonly devicePixelRatio: number;
  readonly format: ImageFormat;
  readonly theme: Theme;
  /** Series and slice colours in order; empty for the default palette. */
  readonly palette: readonly string[];
  /** A description for screen readers; SVG output carries it in `<desc>`. */
  readonly altText: string;
  /** What the image records about itself: the canonical request and the results, as JSON. */
  readonly metadata: ChartMetadata;
}

export interface ChartMetadata {
  readonly request: string;
  readonly statistics: string;
}

/** Requests with more values than this record their size instead of every value in images. */
const MAX_RECORDED_VALUES = 10_000;

/** The canonical request and the results as JSON, for the image to carry. */
export function chartMetadata(request: Record<string, unknown>, results: unknown): ChartMetadata {
  const recorded = Object.fromEntries(
    Object.entries(request).map(([key, value]) =>
      Array.isArray(value) && value.length > MAX_RECORDED_VALUES
        ? [key, { omitted: `${value.length} values` }]
        : [key, value],
    ),
  );
  return { request: JSON.stringify(recorded), statistics: JSON.stringify(results) };
}

/** A vertical line across a histogram, such as the mean. */
export interface ChartMarker {
  readonly label: string;
  readonly value: number;
}

/**
 * What a renderer needs to draw a chart: plain data, already binned and validated. Renderers
 * receive nothing else, so the same spec can cross a process boundary or key a cache.
 */
export interface HistogramChartSpec extends ChartFrame {
  readonly kind: 'histogram';
  readonly title: string;
  readonly xlabel: string;
  readonly ylabel: string;
  readonly edges: readonly number[];
  /** One or more series of bar heights, one per bin: counts, densities, or their running sums. */
  readonly series: readonly { readonly label: string; readonly heights: readonly number[] }[];
  readonly layout: 'overlay' | 'stacked' | 'sideBySide';
  readonly legend: boolean;
  /** Bins are one unit wide and centred on integers: ticks go on integers. */
  readonly integerBins: boolean;
  readonly logY: boolean;
  /** Whole-number heights (counts) get whole-number ticks. */
  readonly wholeHeights: boolean;
  readonly markers: readonly ChartMarker[];
  /** A fitted curve over the bars (e.g. a normal density), as points; empty for none. */
  readonly curve: readonly { readonly x: number; readonly y: number }[];
}

/** One set of points of a scatter chart. */
export interface ScatterSeriesSpec {
  readonly label: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
}

export interface ScatterChartSpec extends ChartFrame {
  readonly kind: 'scatter';
  readonly title: string;
  readonly xlabel: string;
  readonly ylabel: string;
  readonly series: readonly ScatterSeriesSpec[];
  /** The least-squares line over all points, drawn across the x range when present. */
  readonly trendline: { readonly slope: number; readonly intercept: number } | null;
  /** Show a legend with the series labels. */
  readonly legend: boolean;
}

export interface PieChartSpec extends ChartFrame {
  readonly kind: 'pie';
  readonly title: string;
  /** Slices in the order given; values are non-negative and not all zero. */
  readonly slices: readonly { readonly label: string; readonly value: number }[];
  readonly legend: boolean;
}

/** Not a chart: a short text drawn as an image, such as an error shown in an `<img>` tag. */
export interface MessageChartSpec extends ChartFrame {
  readonly kind: 'message';
  readonly title: string;
  /** Already wrapped to fit the width. */
  readonly lines: readonly string[];
}

/** Every kind of chart a renderer can draw. */
export type ChartSpec = HistogramChartSpec | ScatterChartSpec | PieChartSpec | MessageChartSpec;

export interface RenderedImage {
  readonly bytes: Buffer;
  readonly mimeType: ImageMimeType;
  readonly width: number;
  readonly height: number;
}

/** Draws charts. Implementations hide the canvas, the encoder and where the work runs. */
export interface ChartRenderer {
  render(spec: ChartSpec): Promise<RenderedImage>;
  /**
   * True when a render asked for now would be refused at once (every renderer busy, queue
   * full), so callers can refuse before doing the work of preparing it. Absent: never.
   */
  saturated?(): boolean;
  /** Releases what the renderer holds (canvases, processes). */
  close(): Promise<void>;
}

/** The frame of a chart from its parsed image options. */
export function frameOf(
  image: {
    width: number;
    height: number;
    devicePixelRatio: number;
    format: ImageFormat;
    theme: Theme;
    palette: readonly string[];
  },
  altText: string,
  metadata: ChartMetadata,
): ChartFrame {
  const { width, height, devicePixelRatio, format, theme, palette } = image;
  return { width, height, devicePixelRatio, format, theme, palette, altText, metadata };
}
