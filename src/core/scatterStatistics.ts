import { badInput } from '../errors.js';
import { finiteSample, type Sample } from './statistics.js';
import { LIMITS } from './limits.js';
import { at } from './numpyMath.js';

/** Correlation and least-squares line of paired values, as scipy.stats computes them. */
export interface ScatterStatistics {
  /** Number of (x, y) points. */
  n: number;
  /** `scipy.stats.pearsonr(x, y).statistic`; null for one point or a constant x or y. */
  pearson: number | null;
  /** `scipy.stats.spearmanr(x, y).statistic` (Pearson's r of average ranks); null like pearson. */
  spearman: number | null;
  /** `scipy.stats.linregress(x, y).slope`; null for one point or a constant x. */
  slope: number | null;
  /** `linregress(x, y).intercept`; null like slope. */
  intercept: number | null;
  /** `linregress(x, y).rvalue ** 2`; null like pearson (r is 0/0 when y is constant). */
  rSquared: number | null;
}

/**
 * Pearson's and Spearman's correlations and the least-squares line y = slope·x + intercept, as
 * scipy computes them and usually closer to the exact values (within a few ulps). Throws
 * `badInput` ('x' or 'y') unless x and y pair up, hold 1 to `LIMITS.maxValues` points, and are
 * all finite.
 *
 * Sums are taken around the means in a second pass, Neumaier-compensated, so values near 1e9
 * with a spread of 1 lose nothing (Σxy − n·x̄ȳ would lose everything). Each variable is first
 * divided by a power of two near its largest magnitude: the division is exact, and nothing
 * overflows near 1e300 or underflows near 1e-300, where scipy's linregress gives nan. A slope or
 * intercept beyond the range of a double is null.
 */
export function scatterStatistics(x: ArrayLike<number>, y: ArrayLike<number>): ScatterStatistics {
  const n = x.length;
  if (y.length !== n) {
    throw badInput('y', `x has ${n} values but y has ${y.length}; they must pair up`);
  }
  if (n === 0) throw badInput('x', 'no points were given; at least one (x, y) pair is needed');
  if (n > LIMITS.maxValues) {
    throw badInput('x', `x has ${n} values; at most ${LIMITS.maxValues} are allowed per request`);
  }
  const xs = finiteSample(x, 'x');
  const ys = finiteSample(y, 'y');
  const none = { n, pearson: null, spearman: null, slope: null, intercept: null, rSquared: null };
  // scipy: pearsonr raises for n < 2, spearmanr and linregress give nan; linregress raises for a
  // constant x; with a constant y the line is flat and r is 0/0 (nan).
  if (n < 2 || xs.min === xs.max) return none;
  if (ys.min === ys.max) return { ...none, slope: 0, intercept: ys.min };

  const cx = centred(xs);
  const cy = centred(ys);
  const sums = centredSums(cx.deviations, cy.deviations);
  const pearson = n === 2 ? twoPointCorrelation(xs.values, ys.values) : correlation(sums);
  const slope = finiteOrNull(timesPowerOfTwo(sums.xy / sums.xx, cy.exponent - cx.exponent));
  // The means, corrected by the mean deviation (Σdx is not exactly 0 after rounding).
  const meanX = (cx.mean + sums.x / n) * 2 ** cx.exponent;
  const meanY = (cy.mean + sums.y / n) * 2 ** cy.exponent;
  return {
    n,
    pearson,
    spearman: correlation(centredSums(ranks(xs.values), ranks(ys.values))),
    slope,
    intercept: slope === null ? null : finiteOrNull(meanY - slope * meanX),
    rSquared: pearson * pearson,
  };
}

interface Centred {
  /** value / 2^exponent − mean, for each value. */
  deviations: Float64Array;
  /** The largest |value| / 2^exponent is within a factor of √2 of 1. */
  exponent: number;
  /** The compensated mean of value / 2^exponent. */
  mean: number;
}

/**
 * Deviations from the mean after an exact division by a power of two. For a variable that is not
 * constant, the largest deviation is then at least 2^-54 (the value nearest ±1 differs from
 * another by an ulp or more), so the squares that matter cannot underflow, nor overflow.
 */
function centred({ values, min, max }: Pick<Sample, 'values' | 'min' | 'max'>): Centred {
  const n = values.length;
  const exponent = Math.min(1023, Math.max(-1074, Math.round(Math.log2(Math.max(-min, max)))));
  const scale = 2 ** exponent;
  const sum = new Neumaier();
  for (let i = 0; i < n; i++) sum.add(at(values, i) / scale);
  const mean = sum.total() / n;
  const deviations = new Float64Array(n);
  for (let i = 0; i < n; i++) deviations[i] = at(values, i) / scale - mean;
  return { deviations, exponent, mean };
}

interface Sums {
  /** Σdx and Σdy. */
  x: number;
  y: number;
  /** Σ(dx − δx)², Σ(dy − δy)², Σ(dx − δx)(dy − δy), at δ = the mean deviation. */
  xx: number;
  yy: number;
  xy: number;
}

/**
 * Compensated sums of squares and products, less the part due to the rounding of the means: Σdx
 * is not exactly 0, and Σ(dx − δ)² = Σdx² − n·δ² at δ = Σdx / n (the corrected two-pass
 * algorithm of Chan, Golub and LeVeque). Near 1e9 with a spread of 1, the mean's rounding is 1e-7
 * of the spread, and the correction takes r from 1e-14 off the exact value to an ulp or two.
 */
function centredSums(dx: Float64Array, dy: Float64Array): Sums {
  const n = dx.length;
  const x = new Neumaier();
  const y = new Neumaier();
  const xx = new Neumaier();
  const yy = new Neumaier();
  const xy = new Neumaier();
  for (let i = 0; i < n; i++) {
    const a = at(dx, i);
    const b = at(dy, i);
    x.add(a);
    y.add(b);
    xx.add(a * a);
    yy.add(b * b);
    xy.add(a * b);
  }
  const sx = x.total();
  const sy = y.total();
  return {
    x: sx,
    y: sy,
    xx: xx.total() - (sx * sx) / n,
    yy: yy.total() - (sy * sy) / n,
    xy: xy.total() - (sx * sy) / n,
  };
}

/** A running sum with Neumaier's compensation: within a few ulps of the exact sum. */
class Neumaier {
  private sum = 0;
  private compensation = 0;

  add(v: number): void {
    const t = this.sum + v;
    this.compensation += Math.abs(this.sum) >= Math.abs(v) ? this.sum - t + v : v - t + this.sum;
    this.sum = t;
  }

  total(): number {
    return this.sum + this.compensation;
  }
}

/** r = Σdx·dy / √(Σdx²·Σdy²), clipped to [−1, 1] like scipy's. */
function correlation({ xx, yy, xy }: Sums): number {
  return Math.min(1, Math.max(-1, xy / Math.sqrt(xx * yy)));
}

/** Two distinct points lie on a line: scipy's pearsonr answers exactly ±1. */
function twoPointCorrelation(x: Float64Array, y: Float64Array): number {
  return at(x, 1) > at(x, 0) === at(y, 1) > at(y, 0) ? 1 : -1;
}

/**
 * Centred ranks, `scipy.stats.rankdata(values) − (n + 1) / 2`: tied values share the average of
 * their ranks. Ranks are multiples of ½, so these, their products and their sums (below 2^53 for
 * n ≤ 10^5) are exact, and Spearman's r is as exact as a division and a square root allow.
 */
function ranks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => at(values, a) - at(values, b));
  const centredRanks = new Float64Array(n);
  const middle = (n + 1) / 2;
  let start = 0;
  while (start < n) {
    const value = at(values, index(order, start));
    let end = start + 1;
    while (end < n && at(values, index(order, end)) === value) end++;
    // Sorted positions start..end−1 hold ranks start+1..end; their average is (start + end + 1)/2.
    const rank = (start + end + 1) / 2 - middle;
    for (let k = start; k < end; k++) centredRanks[index(order, k)] = rank;
    start = end;
  }
  return centredRanks;
}

function index(order: Uint32Array, k: number): number {
  const i = order[k];
  if (i === undefined) throw new RangeError(`position ${k} is outside 0..${order.length - 1}`);
  return i;
}

/** v·2^k for any integer k, in steps that each stay within the exponent range of a double. */
function timesPowerOfTwo(v: number, k: number): number {
  let result = v;
  let rest = k;
  while (rest > 1023) {
    result *= 2 ** 1023;
    rest -= 1023;
  }
  while (rest < -1022) {
    result *= 2 ** -1022;
    rest += 1022;
  }
  return result * 2 ** rest;
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
