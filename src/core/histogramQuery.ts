import { badInput } from '../errors.js';
import { BIN_RULES, type BinRule } from './binning.js';
import {
  SERIES_LAYOUTS,
  type ArgPath,
  type BinsArgs,
  type HistogramArgs,
  type ParamNamer,
} from './histogramSpec.js';
import {
  decodeName,
  decodeSeriesEntries,
  imageArgsFromQuery,
  queryBoolean,
  queryText,
} from './queryParams.js';
import { LIMITS } from './limits.js';
import { parseDecimal, parseDecimalList, parseWholeNumber, quote } from './parseNumbers.js';

/** The query parameters `GET /histogram` understands; any other parameter is ignored. */
export const HISTOGRAM_QUERY_PARAMS = [
  'data',
  'series',
  'layout',
  'legend',
  'title',
  'xlabel',
  'ylabel',
  'bins',
  'binWidth',
  'range',
  'width',
  'height',
  'format',
  'devicePixelRatio',
  'theme',
  'palette',
  'density',
  'cumulative',
  'logY',
  'meanLine',
  'medianLine',
  'normalCurve',
] as const;

type QueryParam = (typeof HISTOGRAM_QUERY_PARAMS)[number];

/**
 * Names the arguments of the shared parser as `GET /histogram` spells them, so its errors name the
 * query parameter at fault (`width`, not `image.width`).
 */
export const restParamName: ParamNamer = (path) => REST_PARAM_NAMES[path] ?? path;

const REST_PARAM_NAMES: Partial<Record<ArgPath, QueryParam>> = {
  'bins.count': 'bins',
  'bins.edges': 'bins',
  'bins.rule': 'bins',
  'bins.width': 'binWidth',
  'image.width': 'width',
  'image.height': 'height',
  'image.devicePixelRatio': 'devicePixelRatio',
  'image.palette': 'palette',
};

/**
 * Decodes `GET /histogram` query parameters into histogram arguments. It only decodes text into
 * numbers and shapes; the limits are checked by the shared parser afterwards.
 */
export function histogramArgsFromQuery(query: Readonly<Record<string, unknown>>): HistogramArgs {
  const text = (param: QueryParam): string | undefined => queryText(query, param);
  const data = text('data');
  const series = text('series');
  if (series === undefined && (data === undefined || data.trim() === '')) {
    throw badInput('data', 'data is required: comma-separated numbers such as data=1,2,2,3');
  }
  const layout = text('layout');
  const bins = decodeBins(text('bins'), text('binWidth'));
  const range = text('range');
  return {
    data: data === undefined ? undefined : parseDecimalList(data, 'data', LIMITS.maxValues),
    series: series === undefined ? undefined : decodeSeries(series),
    layout: layout === undefined ? undefined : decodeName(layout, 'layout', SERIES_LAYOUTS),
    legend: queryBoolean(query, 'legend'),
    title: text('title'),
    xlabel: text('xlabel'),
    ylabel: text('ylabel'),
    bins,
    range: range === undefined ? undefined : decodeRange(range),
    image: imageArgsFromQuery(query),
    density: queryBoolean(query, 'density'),
    cumulative: queryBoolean(query, 'cumulative'),
    logY: queryBoolean(query, 'logY'),
    meanLine: queryBoolean(query, 'meanLine'),
    medianLine: queryBoolean(query, 'medianLine'),
    normalCurve: queryBoolean(query, 'normalCurve'),
  };
}

const RULE_BY_NAME = new Map<string, BinRule>(BIN_RULES.map((rule) => [rule.toLowerCase(), rule]));

/**
 * `bins` is a bin count (`bins=10`), a rule name in any case (`bins=fd`) or comma-separated edges
 * (`bins=0,1,2.5,10`); `binWidth` is a bin width. Giving both is left to the shared parser,
 * which rejects more than one way of binning.
 */
function decodeBins(bins: string | undefined, binWidth: string | undefined): BinsArgs | undefined {
  if (bins === undefined && binWidth === undefined) return undefined;
  const args: BinsArgs = {};
  if (binWidth !== undefined) args.width = parseDecimal(binWidth, 'binWidth');
  if (bins !== undefined) {
    const trimmed = bins.trim();
    const rule = RULE_BY_NAME.get(trimmed.toLowerCase());
    if (rule !== undefined) {
      args.rule = rule;
    } else if (trimmed.includes(',')) {
      args.edges = parseDecimalList(trimmed, 'bins', LIMITS.maxBins + 1);
    } else if (/^\d+$/.test(trimmed)) {
      args.count = parseWholeNumber(trimmed, 'bins');
    } else {
      throw badInput(
        'bins',
        `bins (${quote(trimmed)}) must be a bin count, a rule (${[...RULE_BY_NAME.keys()].join(', ')}) or comma-separated edges`,
      );
    }
  }
  return args;
}

function decodeRange(range: string): { min: number; max: number } {
  const parts = range.split(',');
  if (parts.length !== 2) {
    throw badInput('range', 'range must be two comma-separated numbers: range=lo,hi');
  }
  const [min, max] = parts.map((part, i) => parseDecimal(part, 'range', `range item ${i + 1}`));
  return { min: min as number, max: max as number };
}

/** `series=Men:1,2,3|Women:2,3,4`: see {@link decodeSeriesEntries} for the syntax. */
export function decodeSeries(text: string): { label: string; data: number[] }[] {
  return decodeSeriesEntries(text).map(({ label, values }) => ({
    label,
    data: parseDecimalList(values, 'series', LIMITS.maxValues),
  }));
}
