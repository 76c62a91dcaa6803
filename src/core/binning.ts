/**
 * Bin edges and bin counts, ported from numpy 2.4's `numpy/lib/_histograms_impl.py` in numpy's
 * order of floating-point operations, so that edges and counts match `np.histogram` on float64
 * data (test/fixtures/numpy-histograms.json is produced by numpy). Bin widths (`kind: 'width'`),
 * the INTEGER rule, the default and the limits are this service's own, documented at `planBins`.
 */
import { badInput } from '../errors.js';
import { MAX_BINS } from './limits.js';
import { finiteSample, sampleOf } from './statistics.js';
import type { Sample } from './statistics.js';
import {
  at,
  countEdges,
  countUniform,
  cubeRounded,
  linspace,
  numpyStd,
  pairwiseSum,
  powMinusOneThird,
  powOneThird,
} from './numpyMath.js';

export const BIN_RULES = [
  'AUTO',
  'FD',
  'DOANE',
  'SCOTT',
  'STONE',
  'RICE',
  'STURGES',
  'SQRT',
  'INTEGER',
] as const;
export type BinRule = (typeof BIN_RULES)[number];

/** How to bin: a bin count, a bin width, explicit edges, or a rule that picks the width. */
export type BinsSpec =
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'width'; readonly width: number }
  | { readonly kind: 'edges'; readonly edges: readonly number[] }
  | { readonly kind: 'rule'; readonly rule: BinRule };

/** Only values in [min, max] are counted. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

/** The bins chosen for some data, and which values fall inside them. */
export interface BinPlan {
  /** Strictly increasing, at least two. */
  readonly edges: Float64Array;
  /** Edges are numpy's equal-width `linspace` edges and are counted with numpy's fast path. */
  readonly uniform: boolean;
  /** The rule used (INTEGER or AUTO when `bins` was undefined), or null for count/width/edges. */
  readonly rule: BinRule | null;
  /** The common width of the bins, or null when the edges are uneven. */
  readonly binWidth: number | null;
  /**
   * The width numpy's estimator gave for `rule` before it became a whole number of bins (0 for
   * one bin); null for INTEGER, count, width and edges.
   */
  readonly estimatedWidth: number | null;
  /** The values counted, in their original order: those inside the range and the outer edges. */
  readonly inside: Sample;
}

/** Most bins the default (bins undefined) spends on one-per-integer bins before using AUTO. */
const DEFAULT_MAX_INTEGER_BINS = 200;
/** Above 2^52, k ± 0.5 is no longer exact, so integer-centred edges would collide. */
const MAX_INTEGER_EDGE = 2 ** 52;

/** Validates the data (non-empty, finite) and copies it, with its min and max, in one pass. */
export function prepareValues(data: ArrayLike<number>): Sample {
  if (data.length === 0) {
    throw badInput('data', 'no values were given; at least one number is needed');
  }
  return finiteSample(data);
}

/**
 * Chooses the bins for `bins` (see `BinsSpec`) over the values inside `range` (all when absent).
 *
 * - count: numpy's `bins=<int>`: equal-width over [min, max] of the data or over the range; all
 *   equal values are widened to [v − 0.5, v + 0.5].
 * - width: edges are the multiples k·w of the width, for k from the largest with k·w ≤ lo to the
 *   smallest with k·w ≥ hi (lo, hi: the range if given, else the data's min and max). If that
 *   makes no bin (lo = hi on a multiple), the one bin is [k·w, (k + 1)·w]. Each edge is computed
 *   as k·w, never by accumulating.
 * - edges: used as given (checked: finite, strictly increasing, at least two). With a range, only
 *   values inside both the range and the edges are counted.
 * - rule INTEGER: one bin per integer k from ⌈lo⌉ to ⌊hi⌋, with edges k ± 0.5; the values inside
 *   the range must all be integers.
 * - other rules: numpy's estimators (`bins='auto'` etc.) on the values inside the range.
 * - undefined: INTEGER when the values are all integers and need at most 200 bins, else AUTO.
 *
 * Throws `badInput` ('data', 'range' or 'bins') rather than ever returning non-finite edges or
 * more than MAX_BINS bins (checked before anything is allocated).
 */
export function planBins(
  input: Sample,
  bins: BinsSpec | undefined,
  range: Range | undefined,
): BinPlan {
  checkRange(range);
  if (bins === undefined) return planDefault(input, range);
  switch (bins.kind) {
    case 'count':
      return planCount(input, bins.count, range);
    case 'width':
      return planWidth(input, bins.width, range);
    case 'edges':
      return planEdges(input, bins.edges, range);
    case 'rule':
      return bins.rule === 'INTEGER'
        ? planInteger(input, range)
        : planRule(input, bins.rule, range);
    default:
      return unreachable(bins);
  }
}

/**
 * Counts per bin of the values `plan` selected (`plan.inside`), in one pass over them: numpy's
 * fast path for uniform edges, a binary search among the edges otherwise.
 */
export function countValues(plan: BinPlan): number[] {
  const { values } = plan.inside;
  if (plan.uniform) {
    return countUniform(
      values,
      plan.edges,
      at(plan.edges, 0),
      at(plan.edges, plan.edges.length - 1),
    );
  }
  return countEdges(values, plan.edges);
}

function planDefault(input: Sample, range: Range | undefined): BinPlan {
  const [lo, hi] = dataWindow(input, range);
  const binsNeeded = Math.floor(hi) - Math.ceil(lo) + 1;
  if (
    binsNeeded <= DEFAULT_MAX_INTEGER_BINS &&
    Math.max(Math.abs(lo), Math.abs(hi)) < MAX_INTEGER_EDGE &&
    onlyIntegersInside(input.values, lo, hi)
  ) {
    return planInteger(input, range);
  }
  return planRule(input, 'AUTO', range);
}

function planCount(input: Sample, count: number, range: Range | undefined): BinPlan {
  if (!Number.isInteger(count) || count < 1 || count > MAX_BINS) {
    throw badInput(
      'bins',
      `the bin count must be a whole number from 1 to ${MAX_BINS}; got ${String(count)}`,
    );
  }
  const { first, last, inside } = estimatorWindow(input, range);
  return uniformPlan(first, last, count, null, null, inside, range);
}

/** The rules numpy estimates a width for: all but INTEGER. */
export type EstimatorRule = Exclude<BinRule, 'INTEGER'>;

function planRule(input: Sample, rule: EstimatorRule, range: Range | undefined): BinPlan {
  const { first, last, inside } = estimatorWindow(input, range);
  const width = ruleWidth(rule, inside, first, last);
  const bins = binsForWidth(width, first, last);
  switch (bins.problem) {
    case null:
      return uniformPlan(first, last, bins.count, rule, width, inside, range);
    case 'width':
      // numpy's `if width:` is true for NaN and ±inf; numpy then fails obscurely, so explain here.
      throw badInput(
        'bins',
        `the ${rule} rule gives a bin width of ${width} for these values (they are too large for ` +
          'it); pass a bin count instead',
      );
    case 'tooManyBins':
      throw badInput(
        'bins',
        `the ${rule} rule would make ${bins.count ?? 'over 1e308'} ` +
          `bins for these values; at most ` +
          `${MAX_BINS} are allowed — pass a bin count (e.g. { count: 100 }) or a bin width of at ` +
          `least ${(last - first) / MAX_BINS}`,
      );
    default:
      return unreachable(bins);
  }
}

/** The bins numpy makes for an estimator's width, or why this service refuses them. */
export type WidthBins =
  | { readonly problem: null; readonly count: number }
  /** The width is NaN, infinite or negative. */
  | { readonly problem: 'width' }
  /** More than MAX_BINS bins; `count` is null when even that is beyond a double (over 1e308). */
  | { readonly problem: 'tooManyBins'; readonly count: number | null };

/**
 * numpy's `_get_bin_edges` for an estimated `width` over [first, last]: ⌈(last − first) / width⌉
 * bins (at least one), or one bin for a zero width (e.g. zero IQR for FD).
 */
export function binsForWidth(width: number, first: number, last: number): WidthBins {
  if (!Number.isFinite(width) || width < 0) return { problem: 'width' };
  if (width === 0) return { problem: null, count: 1 };
  const ratio = (last - first) / width;
  if (!(ratio <= MAX_BINS)) {
    return { problem: 'tooManyBins', count: Number.isFinite(ratio) ? Math.ceil(ratio) : null };
  }
  return { problem: null, count: Math.max(1, Math.ceil(ratio)) };
}

/**
 * What numpy bins for a count or a rule, and what its estimators see: the outer edges (see
 * `outerEdges`) and the values inside them, in their order. `known` (a plan's `inside`) is
 * returned when it holds exactly those values, so that its memoised quartiles serve again.
 * Throws like `outerEdges`, or when no value lies inside.
 */
export function estimatorWindow(
  input: Sample,
  range: Range | undefined,
  known?: Sample,
): { first: number; last: number; inside: Sample } {
  const [first, last] = outerEdges(input, range);
  const inside =
    known !== undefined && holdsAllInside(known, input, first, last)
      ? known
      : valuesInside(input, first, last, range, 'range');
  return { first, last, inside };
}

/** The range, or the data's min and max: the span INTEGER bins, bin widths and the default cover. */
export function dataWindow(input: Sample, range: Range | undefined): [number, number] {
  return range ? [range.min, range.max] : [input.min, input.max];
}

/**
 * numpy's equal-width edges (`linspace`) for `count` bins over [first, last], or null when doubles
 * are too coarse there for them to be strictly increasing.
 */
export function uniformEdges(first: number, last: number, count: number): Float64Array | null {
  const edges = linspace(first, last, count + 1);
  return strictlyIncreasing(edges) ? edges : null;
}

function uniformPlan(
  first: number,
  last: number,
  count: number,
  rule: BinRule | null,
  estimatedWidth: number | null,
  inside: Sample,
  range: Range | undefined,
): BinPlan {
  const edges = uniformEdges(first, last, count);
  if (edges === null) {
    throw badInput(
      count > 1 ? 'bins' : range ? 'range' : 'data',
      `cannot make ${count} bin${count === 1 ? '' : 's'} of nonzero width between ${first} and ` +
        `${last}: doubles are too coarse there` +
        (count === 1 ? '; give a range' : '; use fewer bins'),
    );
  }
  return { edges, uniform: true, rule, binWidth: (last - first) / count, estimatedWidth, inside };
}

function planWidth(input: Sample, width: number, range: Range | undefined): BinPlan {
  if (!Number.isFinite(width) || width <= 0) {
    throw badInput('bins', `the bin width must be a positive finite number; got ${String(width)}`);
  }
  const [lo, hi] = dataWindow(input, range);
  const inside = valuesInside(input, lo, hi, range, 'range');
  let kLo = Math.floor(lo / width);
  let kHi = Math.ceil(hi / width);
  // Beyond 2^53 consecutive k are no longer distinct doubles (and k -= 1 would loop forever).
  if (!Number.isSafeInteger(kLo) || !Number.isSafeInteger(kHi)) {
    throw badInput(
      'bins',
      `a bin width of ${width} is too small for values as large as ` +
        `${Math.max(Math.abs(lo), Math.abs(hi))}; use a wider bin width or a bin count`,
    );
  }
  if (kHi - kLo > MAX_BINS + 2) throw tooManyWidthBins(width, kHi - kLo, lo, hi);
  // ⌊lo / w⌋ rounds the quotient first, so it can be one off; settle on the edges themselves.
  while (kLo * width > lo) kLo -= 1;
  while ((kLo + 1) * width <= lo) kLo += 1;
  while (kHi * width < hi) kHi += 1;
  while ((kHi - 1) * width >= hi) kHi -= 1;
  const count = Math.max(1, kHi - kLo);
  if (count > MAX_BINS) throw tooManyWidthBins(width, count, lo, hi);
  const edges = new Float64Array(count + 1);
  for (let j = 0; j <= count; j++) edges[j] = (kLo + j) * width;
  if (!strictlyIncreasing(edges) || !Number.isFinite(at(edges, count))) {
    throw badInput(
      'bins',
      `a bin width of ${width} cannot make distinct finite edges around ${lo}…${hi}; ` +
        'use a wider bin width or a bin count',
    );
  }
  return { edges, uniform: false, rule: null, binWidth: width, estimatedWidth: null, inside };
}

function tooManyWidthBins(width: number, count: number, lo: number, hi: number) {
  return badInput(
    'bins',
    `a bin width of ${width} would make ${count} bins between ${lo} and ${hi}; at most ` +
      `${MAX_BINS} are allowed — use a bin width of at least ${(hi - lo) / MAX_BINS} or a bin count`,
  );
}

function planEdges(input: Sample, given: readonly number[], range: Range | undefined): BinPlan {
  if (given.length < 2 || given.length - 1 > MAX_BINS) {
    throw badInput(
      'bins',
      `between 2 and ${MAX_BINS + 1} bin edges are needed (1 to ${MAX_BINS} bins); got ${given.length}`,
    );
  }
  const edges = Float64Array.from(given);
  for (const [i, e] of edges.entries()) {
    if (!Number.isFinite(e)) throw badInput('bins', `edge ${i} is ${e}; edges must be finite`);
  }
  if (!strictlyIncreasing(edges)) {
    throw badInput('bins', 'the bin edges must be strictly increasing');
  }
  const first = at(edges, 0);
  const last = at(edges, edges.length - 1);
  if (!Number.isFinite(last - first)) {
    throw badInput('bins', `the bin edges span ${first} to ${last}, wider than the largest double`);
  }
  const lo = range ? Math.max(first, range.min) : first;
  const hi = range ? Math.min(last, range.max) : last;
  if (lo > hi) {
    throw badInput(
      'range',
      `the range [${String(range?.min)}, ${String(range?.max)}] and the bin edges ` +
        `[${first}, ${last}] do not overlap`,
    );
  }
  if (range && countInside(input.values, range.min, range.max) === 0) {
    throw nothingInside(input, range.min, range.max, range, 'range');
  }
  const inside = valuesInside(input, lo, hi, range, 'bins');
  const width = (last - first) / (edges.length - 1);
  let even = true;
  for (let i = 1; i < edges.length; i++) {
    const w = at(edges, i) - at(edges, i - 1);
    // Edges such as [0, 0.1, 0.2, 0.3] differ in the last bits: call them even to 1e-9.
    if (Math.abs(w - width) > 1e-9 * width) even = false;
  }
  const binWidth = even ? width : null;
  return { edges, uniform: false, rule: null, binWidth, estimatedWidth: null, inside };
}

function planInteger(input: Sample, range: Range | undefined): BinPlan {
  const [lo, hi] = dataWindow(input, range);
  const inside = valuesInside(input, lo, hi, range, 'range');
  const bins = integerBins(inside.values, lo, hi);
  switch (bins.problem) {
    case null: {
      const edges = new Float64Array(bins.count + 1);
      for (let j = 0; j <= bins.count; j++) edges[j] = bins.kLo + j - 0.5;
      return { edges, uniform: false, rule: 'INTEGER', binWidth: 1, estimatedWidth: null, inside };
    }
    case 'noValues':
      throw nothingInside(input, lo, hi, range, 'range'); // valuesInside has thrown already
    case 'notInteger':
      throw badInput(
        'bins',
        `INTEGER bins need whole numbers, but ${bins.value} is not one; use AUTO, a bin count or ` +
          'a width',
      );
    case 'tooLarge':
      throw badInput('bins', 'INTEGER bins need values below 2^52 in magnitude; use a bin count');
    case 'tooManyBins':
      throw badInput(
        'bins',
        `INTEGER bins would make ${bins.count} bins (one per whole number from ${bins.kLo} to ` +
          `${bins.kLo + bins.count - 1}); at most ${MAX_BINS} are allowed — pass a bin count or ` +
          `a bin width of at least ${Math.ceil(bins.count / MAX_BINS)}`,
      );
    default:
      return unreachable(bins);
  }
}

/** INTEGER bins for the values in [lo, hi], or why there can be none. */
export type IntegerBins =
  /** One bin per whole number from `kLo`, `count` of them. */
  | { readonly problem: null; readonly kLo: number; readonly count: number }
  | { readonly problem: 'noValues' }
  /** `value` is the smallest value in [lo, hi] that is not a whole number. */
  | { readonly problem: 'notInteger'; readonly value: number }
  /** Whole numbers from 2^52 up in magnitude: k ± 0.5 would not be exact. */
  | { readonly problem: 'tooLarge' }
  | { readonly problem: 'tooManyBins'; readonly kLo: number; readonly count: number };

/**
 * One bin per whole number from ⌈lo⌉ to ⌊hi⌋ for the values of `values` inside [lo, hi] (one pass,
 * no copy), checked as `planBins` checks INTEGER bins.
 */
export function integerBins(values: Float64Array, lo: number, hi: number): IntegerBins {
  let found = false;
  let smallest: number | undefined;
  for (let i = 0; i < values.length; i++) {
    const v = at(values, i);
    if (v >= lo && v <= hi) {
      found = true;
      if (!Number.isInteger(v) && (smallest === undefined || v < smallest)) smallest = v;
    }
  }
  if (!found) return { problem: 'noValues' };
  if (smallest !== undefined) return { problem: 'notInteger', value: smallest };
  const kLo = Math.ceil(lo);
  const kHi = Math.floor(hi);
  if (Math.max(Math.abs(kLo), Math.abs(kHi)) >= MAX_INTEGER_EDGE) return { problem: 'tooLarge' };
  const count = kHi - kLo + 1;
  if (count > MAX_BINS) return { problem: 'tooManyBins', kLo, count };
  return { problem: null, kLo, count };
}

/**
 * numpy's `_get_outer_edges`: the range, or the data's min and max; when they are equal, widened
 * by ±0.5. Throws when the span overflows or the widening is lost to rounding.
 */
export function outerEdges(input: Sample, range: Range | undefined): [number, number] {
  let first = range ? range.min : input.min;
  let last = range ? range.max : input.max;
  if (first === last) {
    first = first - 0.5;
    last = last + 0.5;
  }
  const param = range ? 'range' : 'data';
  if (!Number.isFinite(last - first)) {
    throw badInput(
      param,
      `the ${range ? 'range' : 'values'} span ${first} to ${last}, a spread larger than the ` +
        'largest double (about 1.8e308); give a narrower range',
    );
  }
  if (first === last) {
    throw badInput(
      param,
      `all values equal ${first}, too large for the ±0.5 that makes a bin around them; give a range`,
    );
  }
  return [first, last];
}

/** The bin width numpy's `_hist_bin_<rule>` estimator gives; 0 means "use one bin". */
export function ruleWidth(rule: EstimatorRule, x: Sample, first: number, last: number): number {
  const n = x.values.length;
  const ptp = x.max - x.min;
  switch (rule) {
    case 'SQRT':
      return sqrtWidth(ptp, n);
    case 'STURGES':
      return sturgesWidth(ptp, n);
    case 'RICE':
      return ptp / (2.0 * powOneThird(n));
    case 'SCOTT':
      return powOneThird((24.0 * SQRT_PI) / n) * stdOf(x);
    case 'FD':
      return fdWidth(x, n);
    case 'AUTO':
      return autoWidth(autoEstimates(x));
    case 'DOANE':
      return doaneWidth(x, ptp);
    case 'STONE':
      return stoneWidth(x.values, ptp, first, last);
    default:
      return unreachable(rule);
  }
}

/** Python's `np.pi ** 0.5`, which is also `Math.sqrt(Math.PI)`. */
const SQRT_PI = 1.7724538509055159;

/** The widths numpy's AUTO rule chooses from: min(max(fd, sqrt / 2), sturges). */
export interface AutoEstimates {
  readonly fd: number;
  readonly sturges: number;
  readonly sqrt: number;
}

/** The estimate AUTO's width comes from; SQRT means the floor sqrt / 2. */
export type AutoEstimator = 'FD' | 'STURGES' | 'SQRT';

/** numpy's FD, STURGES and SQRT widths of `x` (its quartiles are memoised, so this is cheap). */
export function autoEstimates(x: Sample): AutoEstimates {
  const n = x.values.length;
  const ptp = x.max - x.min;
  return { fd: fdWidth(x, n), sturges: sturgesWidth(ptp, n), sqrt: sqrtWidth(ptp, n) };
}

/**
 * Which estimate numpy's `_hist_bin_auto` returns. It uses Python's `max` and `min`, which keep
 * their first argument on a tie: `max(fd, sqrt / 2)` is fd unless sqrt / 2 is larger, and
 * `min(that, sturges)` keeps it unless sturges is smaller.
 */
export function autoEstimator(e: AutoEstimates): AutoEstimator {
  const floorWins = e.sqrt / 2 > e.fd;
  const corrected = floorWins ? e.sqrt / 2 : e.fd;
  if (e.sturges < corrected) return 'STURGES';
  return floorWins ? 'SQRT' : 'FD';
}

function autoWidth(e: AutoEstimates): number {
  const estimator = autoEstimator(e);
  switch (estimator) {
    case 'FD':
      return e.fd;
    case 'SQRT':
      return e.sqrt / 2;
    case 'STURGES':
      return e.sturges;
    default:
      return unreachable(estimator);
  }
}

function sqrtWidth(ptp: number, n: number): number {
  return ptp / Math.sqrt(n);
}

function sturgesWidth(ptp: number, n: number): number {
  return ptp / (Math.log2(n) + 1.0);
}

/** 2 · IQR · n^(−1/3), the IQR being numpy's `np.subtract(*np.percentile(x, [75, 25]))`. */
function fdWidth(x: Sample, n: number): number {
  const { q1, q3 } = x.quartiles();
  return 2.0 * (q3 - q1) * powMinusOneThird(n);
}

/** numpy's `np.std` of a sample, remembered: SCOTT and DOANE both need it. */
const stds = new WeakMap<Sample, number>();

function stdOf(sample: Sample): number {
  let std = stds.get(sample);
  if (std === undefined) {
    std = numpyStd(sample.values);
    stds.set(sample, std);
  }
  return std;
}

function doaneWidth(sample: Sample, ptp: number): number {
  const x = sample.values;
  const n = x.length;
  if (n <= 2) return 0.0;
  const sg1 = Math.sqrt((6.0 * (n - 2)) / ((n + 1.0) * (n + 3)));
  const sigma = stdOf(sample);
  if (!(sigma > 0.0)) return 0.0;
  const mean = pairwiseSum(x, 0, n) / n;
  const cubes = new Float64Array(n);
  for (let i = 0; i < n; i++) cubes[i] = cubeRounded((at(x, i) - mean) / sigma);
  const g1 = pairwiseSum(cubes, 0, n) / n;
  return ptp / (1.0 + Math.log2(n) + Math.log2(1.0 + Math.abs(g1) / sg1));
}

/**
 * Stone's rule: the bin count from 1 to max(100, ⌊√n⌋) that minimises the cross-validation
 * estimate of the integrated squared error (the first minimum wins, as in Python's `min`).
 * One histogram per candidate: O(n·√n), slow on purpose as in numpy.
 */
function stoneWidth(x: Float64Array, ptp: number, first: number, last: number): number {
  const n = x.length;
  if (n <= 1 || ptp === 0) return 0;
  const upper = Math.max(100, Math.trunc(Math.sqrt(n)));
  let best = 1;
  let bestValue = Infinity;
  for (let nbins = 1; nbins <= upper; nbins++) {
    const hh = ptp / nbins;
    const edges = linspace(first, last, nbins + 1);
    if (!strictlyIncreasing(edges)) {
      throw badInput('bins', `the STONE rule cannot make ${nbins} bins in this range`);
    }
    const counts = countUniform(x, edges, first, last);
    let dot = 0;
    for (const c of counts) {
      const p = c / n;
      dot += p * p;
    }
    const value = (2 - (n + 1) * dot) / hh;
    if (value < bestValue) {
      bestValue = value;
      best = nbins;
    }
  }
  return ptp / best;
}

function checkRange(range: Range | undefined): void {
  if (range === undefined) return;
  if (!Number.isFinite(range.min) || !Number.isFinite(range.max)) {
    throw badInput('range', `the range [${range.min}, ${range.max}] is not finite`);
  }
  if (range.min > range.max) {
    throw badInput('range', `range.min (${range.min}) is greater than range.max (${range.max})`);
  }
}

/**
 * The values inside [lo, hi], in their order: `input` itself when it has no others, else a copy
 * made in a linear pass. Throws when there are none.
 */
function valuesInside(
  input: Sample,
  lo: number,
  hi: number,
  range: Range | undefined,
  param: 'range' | 'bins',
): Sample {
  if (lo <= input.min && input.max <= hi) return input;
  const count = countInside(input.values, lo, hi);
  if (count === 0) throw nothingInside(input, lo, hi, range, param);
  const kept = new Float64Array(count);
  let min = Infinity;
  let max = -Infinity;
  let k = 0;
  for (let i = 0; i < input.values.length; i++) {
    const v = at(input.values, i);
    if (v >= lo && v <= hi) {
      kept[k++] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return sampleOf(kept, { min, max });
}

/**
 * `known` holds exactly the values of `input` inside [lo, hi]: it always holds some of them in
 * their order (every plan's `inside` does), so it holds all when none of its values is outside
 * and it has as many.
 */
function holdsAllInside(known: Sample, input: Sample, lo: number, hi: number): boolean {
  if (!(known.min >= lo && known.max <= hi)) return false;
  const n = known.values.length;
  return n === input.values.length || n === countInside(input.values, lo, hi);
}

function countInside(values: Float64Array, lo: number, hi: number): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = at(values, i);
    if (v >= lo && v <= hi) count++;
  }
  return count;
}

function nothingInside(
  input: Sample,
  lo: number,
  hi: number,
  range: Range | undefined,
  param: 'range' | 'bins',
) {
  const span = `the values lie between ${input.min} and ${input.max}`;
  if (param === 'range' && range) {
    return badInput(
      'range',
      `no value lies inside the range [${range.min}, ${range.max}]; ${span}`,
    );
  }
  return badInput('bins', `no value lies inside the bin edges [${lo}, ${hi}]; ${span}`);
}

/** At least one value lies in [lo, hi], and all of those are whole numbers. */
function onlyIntegersInside(values: Float64Array, lo: number, hi: number): boolean {
  let found = false;
  for (let i = 0; i < values.length; i++) {
    const v = at(values, i);
    if (v >= lo && v <= hi) {
      if (!Number.isInteger(v)) return false;
      found = true;
    }
  }
  return found;
}

function strictlyIncreasing(edges: Float64Array): boolean {
  for (let i = 1; i < edges.length; i++) if (!(at(edges, i) > at(edges, i - 1))) return false;
  return true;
}

function unreachable(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}`);
}
