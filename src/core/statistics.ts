import { badInput } from '../errors.js';
import { at } from './numpyMath.js';
import { orderStatistics } from './select.js';

/** Summary statistics of the values a histogram counted. */
export interface Statistics {
  count: number;
  sum: number;
  min: number;
  max: number;
  mean: number;
  /** numpy.percentile(values, 50) (the default 'linear' method). */
  median: number;
  /** numpy.percentile(values, 25). */
  q1: number;
  /** numpy.percentile(values, 75). */
  q3: number;
  /** q3 − q1. */
  iqr: number;
  /** Sample variance (ddof = 1); 0 for a single value. */
  variance: number;
  /** Sample standard deviation (ddof = 1); 0 for a single value. */
  stddev: number;
  /** scipy.stats.skew defaults (biased); null for fewer than two values or zero variance. */
  skewness: number | null;
  /** scipy.stats.kurtosis defaults (Fisher's excess, biased); null like skewness. */
  kurtosis: number | null;
}

/** numpy.percentile at 25, 50 and 75 (the default 'linear' method). */
export interface Quartiles {
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
}

/**
 * Finite values in their original order (numpy's pairwise sums depend on it, so nothing reorders
 * them), with their extent, and their quartiles found once for whoever needs them first: the FD
 * and AUTO rules and the statistics share them.
 */
export interface Sample {
  readonly values: Float64Array;
  readonly min: number;
  readonly max: number;
  /** Found by selection on a copy on the first call (O(n), no sort), then remembered. */
  quartiles(): Quartiles;
}

/** A sample of `values`, which the caller must no longer modify; `extent` saves a scan. */
export function sampleOf(
  values: Float64Array,
  extent: { readonly min: number; readonly max: number } = extentOf(values),
): Sample {
  let quartiles: Quartiles | undefined;
  return {
    values,
    min: extent.min,
    max: extent.max,
    quartiles: () => (quartiles ??= quartilesOf(values)),
  };
}

/**
 * A sample of a copy of `data`, checked in the same pass: throws `badInput(param, …)` at the
 * first value that is not a finite number. Empty data gives an empty sample (min > max).
 */
export function finiteSample(data: ArrayLike<number>, param = 'data'): Sample {
  const values = new Float64Array(data.length);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v === undefined || !Number.isFinite(v)) {
      throw badInput(param, `${param} item ${i + 1} is not a finite number (${String(v)})`);
    }
    values[i] = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return sampleOf(values, { min, max });
}

/**
 * Statistics of any finite numbers (copied here; `values` is not modified).
 * Throws `badInput('data', …)` for empty input, a non-finite value, or statistics a double cannot
 * hold (a sum or variance beyond ±1.8e308).
 */
export function statistics(values: ArrayLike<number>): Statistics {
  return statisticsOf(finiteSample(values));
}

/**
 * Statistics of a sample (the histogram passes the values it counted). Nothing is sorted: the
 * quartiles come from `sample.quartiles()`, everything else from linear passes.
 *
 * Sums are Neumaier-compensated, so they are within a few ulps of the exact sum whatever the order
 * or count. Central moments are taken in a second pass around the mean, after dividing the
 * deviations by a power of two near the largest one: the division is exact, so results are those
 * of the plain formulas, but squares and fourth powers can neither overflow (values near 1e300)
 * nor underflow to zero (values near 1e-300), where numpy returns inf or 0.
 */
export function statisticsOf(sample: Sample): Statistics {
  const { values, min, max } = sample;
  const n = values.length;
  if (n === 0) throw badInput('data', 'no values were given; at least one number is needed');
  if (!Number.isFinite(max - min)) {
    throw badInput(
      'data',
      `the values span ${min} to ${max}, a spread larger than the largest double (about 1.8e308)`,
    );
  }
  const sum = compensatedSum(values);
  if (!Number.isFinite(sum)) {
    throw badInput(
      'data',
      'the sum of the values overflows a double (about 1.8e308); rescale them',
    );
  }
  // Rounding can put sum / n just outside [min, max] (e.g. three copies of 0.1); the mean cannot be.
  const mean = Math.min(max, Math.max(min, sum / n));
  const { q1, median, q3 } = sample.quartiles();
  const base = { count: n, sum, min, max, mean, median, q1, q3, iqr: q3 - q1 };
  if (min === max) {
    return { ...base, variance: 0, stddev: 0, skewness: null, kurtosis: null };
  }

  const scale = powerOfTwoNear(Math.max(max - mean, mean - min));
  const { sumSquares, sumCubes, sumFourths } = centralSums(values, mean, scale);
  const sampleVarianceScaled = sumSquares / (n - 1);
  const variance = scale * (scale * sampleVarianceScaled);
  if (!Number.isFinite(variance)) {
    throw badInput(
      'data',
      `the variance of these values (about ${(scale * Math.sqrt(sampleVarianceScaled)).toPrecision(3)}²) ` +
        'is larger than the largest double (about 1.8e308); rescale the values (e.g. divide by 1e200)',
    );
  }
  const stddev = scale * Math.sqrt(sampleVarianceScaled);

  const m2 = sumSquares / n;
  const m3 = sumCubes / n;
  const m4 = sumFourths / n;
  // scipy's test for a variance that is only rounding noise: m2 <= (eps * mean)**2, in scaled units.
  const zeroVariance = m2 <= ((Number.EPSILON * Math.abs(mean)) / scale) ** 2;
  return {
    ...base,
    variance,
    stddev,
    skewness: zeroVariance ? null : m3 / m2 ** 1.5,
    kurtosis: zeroVariance ? null : m4 / m2 ** 2 - 3,
  };
}

/**
 * Σd², Σd³ and Σd⁴ of the deviations d = (x − mean) / scale, Neumaier-compensated. A function of
 * its own so that V8 optimises this loop, which runs over up to a million values, on its own.
 */
function centralSums(values: Float64Array, mean: number, scale: number) {
  let s2 = 0;
  let c2 = 0;
  let s3 = 0;
  let c3 = 0;
  let s4 = 0;
  let c4 = 0;
  for (let i = 0; i < values.length; i++) {
    const d = (at(values, i) - mean) / scale;
    const d2 = d * d;
    const d3 = d2 * d;
    const d4 = d2 * d2;
    // Neumaier steps, inlined.
    let t = s2 + d2;
    c2 += Math.abs(s2) >= Math.abs(d2) ? s2 - t + d2 : d2 - t + s2;
    s2 = t;
    t = s3 + d3;
    c3 += Math.abs(s3) >= Math.abs(d3) ? s3 - t + d3 : d3 - t + s3;
    s3 = t;
    t = s4 + d4;
    c4 += Math.abs(s4) >= Math.abs(d4) ? s4 - t + d4 : d4 - t + s4;
    s4 = t;
  }
  return { sumSquares: s2 + c2, sumCubes: s3 + c3, sumFourths: s4 + c4 };
}

/**
 * numpy.percentile(sorted, q) with the default 'linear' method, in numpy's order of operations:
 * virtual index (n − 1)·(q / 100), then numpy's `_lerp`, which interpolates from the upper
 * neighbour (`b − (b − a)·(1 − t)`) when t ≥ 0.5. `sorted` must be ascending and non-empty.
 */
export function percentileSorted(sorted: ArrayLike<number>, q: number): number {
  const { previous, next, gamma } = percentilePosition(sorted.length, q);
  return lerp(item(sorted, previous), item(sorted, next), gamma);
}

/**
 * numpy.percentile(values, q) for each q, as `percentileSorted` computes it on a sorted copy, but
 * by selecting the order statistics needed from one copy instead: `values` keeps its order.
 */
export function percentiles(values: Float64Array, qs: readonly number[]): number[] {
  const positions = qs.map((q) => percentilePosition(values.length, q));
  const neighbours = orderStatistics(
    values,
    positions.flatMap((p) => [p.previous, p.next]),
  );
  return positions.map((p, i) => lerp(at(neighbours, 2 * i), at(neighbours, 2 * i + 1), p.gamma));
}

function quartilesOf(values: Float64Array): Quartiles {
  const [q1, median, q3] = percentiles(values, [25, 50, 75]);
  if (q1 === undefined || median === undefined || q3 === undefined) {
    throw new Error('three percentiles were asked for');
  }
  return { q1, median, q3 };
}

interface PercentilePosition {
  /** Sorted positions of the two values to interpolate between, and the weight of `next`. */
  previous: number;
  next: number;
  gamma: number;
}

function percentilePosition(n: number, q: number): PercentilePosition {
  if (n === 0 || !(q >= 0 && q <= 100)) {
    throw new RangeError(`percentile ${q} of ${n} values is undefined`);
  }
  const virtualIndex = (n - 1) * (q / 100);
  if (virtualIndex >= n - 1) {
    // numpy points both neighbours at index -1 (the last value); gamma is then virtualIndex + 1.
    return { previous: n - 1, next: n - 1, gamma: virtualIndex + 1 };
  }
  const previous = Math.floor(virtualIndex);
  return { previous, next: previous + 1, gamma: virtualIndex - previous };
}

/** numpy's `_lerp`. */
function lerp(a: number, b: number, gamma: number): number {
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/** Neumaier's compensated sum: within a few ulps of the exact sum for any order and length. */
export function compensatedSum(values: Float64Array): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const v = at(values, i);
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + compensation;
}

function extentOf(values: Float64Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = at(values, i);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** A power of two within a factor of √2 of x (x > 0, finite); dividing by it is exact. */
function powerOfTwoNear(x: number): number {
  const k = Math.min(1023, Math.max(-1074, Math.round(Math.log2(x))));
  return 2 ** k;
}

function item(values: ArrayLike<number>, i: number): number {
  const v = values[i];
  if (v === undefined) throw new RangeError(`index ${i} is outside 0..${values.length - 1}`);
  return v;
}
