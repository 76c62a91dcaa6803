import { badInput } from '../errors.js';
import type { BinRule, BinsSpec, Range } from './binning.js';
import { LIMITS } from './limits.js';
import { cleanText } from './text.js';

export type Optional<T> = T | null | undefined;

/** Bins as a client gives them: exactly one field must be set. */
export interface BinsArgs {
  count?: Optional<number>;
  width?: Optional<number>;
  edges?: Optional<readonly number[]>;
  rule?: Optional<BinRule>;
}

/** Image options as a client gives them. */
export interface ImageArgs {
  width?: Optional<number>;
  height?: Optional<number>;
  format?: Optional<ImageFormat>;
  devicePixelRatio?: Optional<number>;
  theme?: Optional<Theme>;
  palette?: Optional<readonly string[]>;
}

/**
 * The arguments of a histogram request, in the shape of the GraphQL arguments. The REST route
 * decodes its query string into this shape, so both go through {@link parseHistogramArgs}.
 */
export interface HistogramArgs {
  /** The values; exactly one of `data` and `series` is given. */
  data?: Optional<readonly number[]>;
  /** Several labelled sets of values sharing one set of bins. */
  series?: Optional<readonly { label: string; data: readonly number[] }[]>;
  /** How several series are drawn. */
  layout?: Optional<SeriesLayout>;
  /** Show a legend; on by default for several series. */
  legend?: Optional<boolean>;
  title?: Optional<string>;
  xlabel?: Optional<string>;
  ylabel?: Optional<string>;
  bins?: Optional<BinsArgs>;
  range?: Optional<{ min: number; max: number }>;
  image?: Optional<ImageArgs>;
  /** Bars show numpy's density (count / (total · width)) instead of counts. */
  density?: Optional<boolean>;
  /** Bars show running totals. */
  cumulative?: Optional<boolean>;
  /** A logarithmic y axis. */
  logY?: Optional<boolean>;
  /** A vertical line at the mean. */
  meanLine?: Optional<boolean>;
  /** A vertical line at the median. */
  medianLine?: Optional<boolean>;
  /** A normal curve with the data's mean and standard deviation over the bars. */
  normalCurve?: Optional<boolean>;
}

export const SERIES_LAYOUTS = ['overlay', 'stacked', 'sideBySide'] as const;
export type SeriesLayout = (typeof SERIES_LAYOUTS)[number];

/** Most series one histogram may hold. */
export const MAX_SERIES = 16;

/** One labelled set of values of a histogram. */
export interface SeriesSpec {
  readonly label: string;
  readonly data: readonly number[];
}

/** How a histogram is drawn; none of it changes the bins or the statistics. */
export interface HistogramDisplay {
  readonly density: boolean;
  readonly cumulative: boolean;
  readonly logY: boolean;
  readonly meanLine: boolean;
  readonly medianLine: boolean;
  readonly normalCurve: boolean;
}

export interface ImageSpec {
  readonly width: number;
  readonly height: number;
  readonly format: ImageFormat;
  readonly devicePixelRatio: number;
  readonly theme: Theme;
  readonly palette: readonly string[];
}

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Colours a palette may hold: #rgb or #rrggbb, so nothing but a colour reaches the renderer. */
const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const MAX_PALETTE = 16;
const MAX_PIXEL_RATIO = 3;

/** Image formats the service produces. */
export const IMAGE_FORMATS = ['png', 'svg'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** A validated histogram request: every limit has been checked. */
export interface HistogramSpec {
  /** Every value, of all series together: what the bins and top-level statistics describe. */
  readonly data: readonly number[];
  /** The series, or none when plain `data` was given. */
  readonly series: readonly SeriesSpec[];
  readonly layout: SeriesLayout;
  readonly legend: boolean;
  readonly title: string;
  readonly xlabel: string;
  readonly ylabel: string;
  readonly bins: BinsSpec | undefined;
  readonly range: Range | undefined;
  readonly image: ImageSpec;
  readonly display: HistogramDisplay;
}

export const DEFAULT_IMAGE_SIZE = { width: 800, height: 600 } as const;

/** The argument paths the parser reports errors against. */
export type ArgPath =
  | 'data'
  | 'series'
  | 'title'
  | 'xlabel'
  | 'ylabel'
  | 'bins'
  | 'bins.count'
  | 'bins.width'
  | 'bins.edges'
  | 'bins.rule'
  | 'range'
  | 'image.width'
  | 'image.height'
  | 'image.devicePixelRatio'
  | 'image.palette'
  | 'x'
  | 'y'
  | 'labels'
  | 'values';

/** Names an argument for error messages and `param`: REST and GraphQL spell some differently. */
export type ParamNamer = (path: ArgPath) => string;

/**
 * The one input parser: turns client arguments (from GraphQL or REST) into a validated spec.
 * Every limit of the service is enforced here and only here. Errors name the argument at fault
 * with the name `name` gives its path (by default the GraphQL path, such as
 * `image.width`; REST passes its own parameter names).
 */
export function parseHistogramArgs(
  args: HistogramArgs,
  name: ParamNamer = (path) => path,
): HistogramSpec {
  const series = parseSeries(args, name);
  return {
    data: series.length === 0 ? parseData(args.data ?? [], name) : allValues(series, name),
    series,
    layout: args.layout ?? 'overlay',
    legend: args.legend ?? series.length > 1,
    title: parseText(args.title, name('title')),
    xlabel: parseText(args.xlabel, name('xlabel')),
    ylabel: parseText(args.ylabel, name('ylabel')),
    bins: args.bins == null ? undefined : parseBins(args.bins, name),
    range: args.range == null ? undefined : parseRange(args.range, name),
    image: parseImage(args.image ?? {}, name),
    display: {
      density: args.density ?? false,
      cumulative: args.cumulative ?? false,
      logY: args.logY ?? false,
      meanLine: args.meanLine ?? false,
      medianLine: args.medianLine ?? false,
      normalCurve: args.normalCurve ?? false,
    },
  };
}

/** Series, checked: exactly one of data and series, labelled, within the limits. */
function parseSeries(args: HistogramArgs, name: ParamNamer): SeriesSpec[] {
  const param = name('series');
  if (args.series == null) {
    if (args.data == null) {
      throw badInput(name('data'), `give ${name('data')} or ${param}: the values to bin`);
    }
    return [];
  }
  if (args.data != null) {
    throw badInput(param, `give ${name('data')} or ${param}, not both`);
  }
  checkSeriesCount(args.series.length, param);
  return args.series.map((series, i) => {
    const what = `${param} item ${i + 1}`;
    const label = parseText(series.label, param, `${what}'s label`);
    if (series.data.length === 0) throw badInput(param, `${what} has no values`);
    const bad = series.data.findIndex((value) => !Number.isFinite(value));
    if (bad !== -1) throw badInput(param, `${what} value ${bad + 1} is not a finite number`);
    return { label, data: series.data };
  });
}

/** The values of every series together, within the per-request limit. */
function allValues(series: readonly SeriesSpec[], name: ParamNamer): number[] {
  const total = series.reduce((sum, { data }) => sum + data.length, 0);
  if (total > LIMITS.maxValues) {
    const param = name('series');
    throw badInput(
      param,
      `${param} hold ${total} values together; at most ${LIMITS.maxValues} are allowed per request`,
    );
  }
  return series.flatMap(({ data }) => data);
}

function parseData(data: readonly number[], name: ParamNamer): readonly number[] {
  const param = name('data');
  if (data.length === 0) {
    throw badInput(param, `${param} is empty; give at least one number`);
  }
  if (data.length > LIMITS.maxValues) {
    throw badInput(
      param,
      `${param} has ${data.length} values; at most ${LIMITS.maxValues} are allowed per request`,
    );
  }
  const bad = data.findIndex((value) => !Number.isFinite(value));
  if (bad !== -1) {
    throw badInput(param, `${param} item ${bad + 1} is not a finite number`);
  }
  return data;
}

/** Cleans a title or label and checks its length; '' when none was given. */
export function parseText(text: Optional<string>, param: string, what: string = param): string {
  if (text == null) return '';
  const cleaned = cleanText(text);
  const length = codePointCount(cleaned);
  if (length > LIMITS.maxTextLength) {
    throw badInput(
      param,
      `${what} has ${length} characters; at most ${LIMITS.maxTextLength} are allowed`,
    );
  }
  return cleaned;
}

function parseBins(bins: BinsArgs, name: ParamNamer): BinsSpec {
  const given = (['count', 'width', 'edges', 'rule'] as const).filter((key) => bins[key] != null);
  if (given.length !== 1) {
    throw badInput(
      name('bins'),
      given.length === 0
        ? 'bins needs exactly one of count, width, edges or rule'
        : `give exactly one way of binning, not ${given.map((key) => name(`bins.${key}` as ArgPath)).join(' and ')}`,
    );
  }
  const { count, width, edges, rule } = bins;
  if (count != null) {
    if (!Number.isInteger(count) || count < 1 || count > LIMITS.maxBins) {
      const param = name('bins.count');
      throw badInput(
        param,
        `${param} must be a whole number of bins from 1 to ${LIMITS.maxBins}, not ${count}`,
      );
    }
    return { kind: 'count', count };
  }
  if (width != null) {
    if (!Number.isFinite(width) || width <= 0) {
      const param = name('bins.width');
      throw badInput(param, `${param} must be a positive number, not ${width}`);
    }
    return { kind: 'width', width };
  }
  if (edges != null) return { kind: 'edges', edges: parseEdges(edges, name('bins.edges')) };
  if (rule != null) return { kind: 'rule', rule };
  throw badInput(name('bins'), 'bins needs exactly one of count, width, edges or rule');
}

function parseEdges(edges: readonly number[], param: string): readonly number[] {
  if (edges.length < 2 || edges.length > LIMITS.maxBins + 1) {
    throw badInput(
      param,
      `${param} needs from 2 to ${LIMITS.maxBins + 1} edges, not ${edges.length}`,
    );
  }
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i] as number;
    if (!Number.isFinite(edge)) {
      throw badInput(param, `${param} item ${i + 1} is not a finite number`);
    }
    if (i > 0 && edge <= (edges[i - 1] as number)) {
      throw badInput(param, `${param} must increase strictly; item ${i + 1} does not`);
    }
  }
  return edges;
}

function parseRange(range: { min: number; max: number }, name: ParamNamer): Range {
  const { min, max } = range;
  const param = name('range');
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    throw badInput(param, `${param} must be two finite numbers`);
  }
  if (min > max) {
    throw badInput(param, `${param}: the minimum (${min}) is greater than the maximum (${max})`);
  }
  if (!Number.isFinite(max - min)) {
    throw badInput(param, `${param} is too wide: its maximum minus its minimum overflows`);
  }
  return { min, max };
}

/** Image size and format with their defaults, each checked against the limits. */
export function parseImage(image: ImageArgs, name: ParamNamer): ImageSpec {
  const format = image.format ?? 'png';
  const ratio = image.devicePixelRatio ?? 1;
  const ratioParam = name('image.devicePixelRatio');
  if (!Number.isFinite(ratio) || ratio < 1 || ratio > MAX_PIXEL_RATIO) {
    throw badInput(ratioParam, `${ratioParam} must be from 1 to ${MAX_PIXEL_RATIO}, not ${ratio}`);
  }
  // A vector image has no pixels to multiply; one ratio keeps one cache entry.
  const devicePixelRatio = format === 'svg' ? 1 : ratio;
  const width = parseSize(
    image.width,
    name('image.width'),
    DEFAULT_IMAGE_SIZE.width,
    devicePixelRatio,
  );
  const height = parseSize(
    image.height,
    name('image.height'),
    DEFAULT_IMAGE_SIZE.height,
    devicePixelRatio,
  );
  return {
    width,
    height,
    format,
    devicePixelRatio,
    theme: image.theme ?? 'light',
    palette: parsePalette(image.palette ?? [], name('image.palette')),
  };
}

function parsePalette(palette: readonly string[], param: string): readonly string[] {
  if (palette.length > MAX_PALETTE) {
    throw badInput(
      param,
      `${param} has ${palette.length} colours; at most ${MAX_PALETTE} are allowed`,
    );
  }
  const bad = palette.findIndex((colour) => !HEX_COLOUR.test(colour));
  if (bad !== -1) {
    throw badInput(param, `${param} item ${bad + 1} must be a colour like #1f77b4 or #f80`);
  }
  // #rgb becomes #rrggbb: one spelling per colour, for renderers and cache keys alike.
  return palette.map((colour) =>
    (colour.length === 4
      ? colour.replace(/[0-9a-f]/gi, (digit) => digit + digit)
      : colour
    ).toLowerCase(),
  );
}

/** A size in CSS pixels; times the pixel ratio it must still be within the limits. */
function parseSize(size: Optional<number>, param: string, fallback: number, ratio: number): number {
  const value = size ?? fallback;
  if (!Number.isInteger(value) || value < LIMITS.minSize || value > LIMITS.maxSize) {
    throw badInput(
      param,
      `${param} must be a whole number of pixels from ${LIMITS.minSize} to ${LIMITS.maxSize}, not ${value}`,
    );
  }
  if (value * ratio > LIMITS.maxSize) {
    throw badInput(
      param,
      `${param} ${value} at pixel ratio ${ratio} is ${Math.round(value * ratio)} pixels; at most ${LIMITS.maxSize} are allowed`,
    );
  }
  return value;
}

/** Characters as a person counts them closely enough: Unicode code points, not UTF-16 units. */
function codePointCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** Charts hold from 1 to MAX_SERIES series. */
export function checkSeriesCount(count: number, param: string): void {
  if (count === 0 || count > MAX_SERIES) {
    throw badInput(param, `${param} needs from 1 to ${MAX_SERIES} series, not ${count}`);
  }
}
