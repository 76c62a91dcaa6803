/**
 * Reads test/fixtures/numpy-histograms.json (written by scripts/gen-fixtures.py from numpy and
 * scipy) and rebuilds its datasets, including the 100,000-value one the file stores as a formula.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { BinRule, BinsSpec, Range } from '../../src/core/binning.js';
import type { Statistics } from '../../src/core/statistics.js';
import { assertClose } from '../support/assertClose.js';

export { assertClose };

export type Param = 'data' | 'range' | 'bins';

export interface ExpectedHistogram {
  edges: number[];
  counts: number[];
  density: number[];
  rule: BinRule | null;
  binWidth: number | null;
  excluded: number;
  /** Absent when a statistic overflows a double (`statsError`). */
  stats?: Statistics;
  exactSum?: number;
  statsError?: Param;
  /** numpy's statistics on the raw values where they over- or underflowed ("inf", "nan"). */
  numpyRaw?: Partial<Record<keyof Statistics, number | string>>;
}

export interface FixtureCase {
  name: string;
  dataset: string;
  bins: BinsSpec | null;
  range?: Range;
  /** True when the case is plain `np.histogram` (a count, a numpy rule, edges without range). */
  numpyNative: boolean;
  expect: ExpectedHistogram | { error: Param; numpyBins?: number; numpyError?: string };
  warnings?: string[];
}

export interface DatasetReference {
  /** `np.sum` and `np.std` of the dataset in its stored order ("inf" when numpy overflowed). */
  npSum: number;
  npStd: number | string;
  stats?: Statistics;
  exactSum?: number;
  statsError?: Param;
  numpyRaw?: Partial<Record<keyof Statistics, number | string>>;
}

interface FormulaDataset {
  formula: 'irwinHall';
  seed: number;
  n: number;
  first: number[];
  fsum: number;
}

interface FixtureFile {
  numpy: string;
  scipy: string;
  datasets: Record<string, number[] | FormulaDataset>;
  reference: Record<string, DatasetReference>;
  cases: FixtureCase[];
}

/** The same numbers as `irwin_hall` in scripts/gen-fixtures.py: xorshift32, 12 uniforms each. */
export function irwinHall(seed: number, n: number): number[] {
  let state = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let total = 0.0;
    for (let k = 0; k < 12; k++) {
      state = (state ^ (state << 13)) >>> 0;
      state = (state ^ (state >>> 17)) >>> 0;
      state = (state ^ (state << 5)) >>> 0;
      total += state / 4294967296.0;
    }
    out.push((total - 6.0) * 15.0 + 100.0);
  }
  return out;
}

const file = JSON.parse(
  readFileSync(new URL('../fixtures/numpy-histograms.json', import.meta.url), 'utf8'),
) as FixtureFile;

const cache = new Map<string, number[]>();

/** The values of a dataset, in the order numpy saw them. */
export function dataset(name: string): number[] {
  const cached = cache.get(name);
  if (cached) return cached;
  const stored = file.datasets[name];
  if (stored === undefined) throw new Error(`no dataset ${name} in the fixtures`);
  const values = Array.isArray(stored) ? stored : irwinHall(stored.seed, stored.n);
  cache.set(name, values);
  return values;
}

export function formulaDataset(name: string): FormulaDataset {
  const stored = file.datasets[name];
  if (stored === undefined || Array.isArray(stored)) throw new Error(`${name} is not a formula`);
  return stored;
}

export const fixtureCases: readonly FixtureCase[] = file.cases;
export const datasetNames: readonly string[] = Object.keys(file.datasets);
export const references: Readonly<Record<string, DatasetReference>> = file.reference;
export const versions = { numpy: file.numpy, scipy: file.scipy };

export function isError(
  expect: FixtureCase['expect'],
): expect is { error: Param; numpyBins?: number; numpyError?: string } {
  return 'error' in expect;
}

const EPS = Number.EPSILON;

/**
 * Compares statistics with numpy/scipy's. The target is 1e-12 relative; the only looser bounds
 * are where numpy itself is not that accurate, and they are derived, not tuned:
 *
 * - sum and mean: numpy's pairwise sum may be off by about (16 + log2 n)·eps·Σ|x| (sixteen
 *   sequential additions per accumulator, then a binary tree), which is far more than 1e-12 of
 *   the sum when positive and negative values cancel (a normal sample centred on 0). Ours is
 *   Neumaier-compensated, so it is also checked against the exact sum (math.fsum) to 4 ulps.
 * - variance and stddev: numpy's mean error δ shifts the second moment by δ² (ours is exactly 0
 *   for equal values, numpy's can be 2.9e-34 for three copies of 0.1).
 * - skewness and kurtosis: standardised moments are O(1) sums of signed terms (kurtosis then
 *   subtracts 3), so near zero only an absolute bound means anything: 1e-12, plus the effect of
 *   numpy's mean error, about 4·δ/σ.
 */
export function assertStatsClose(
  actual: Statistics,
  expected: Statistics,
  values: ArrayLike<number>,
  exactSum: number | undefined,
  what: string,
): void {
  const n = expected.count;
  let sumAbs = 0;
  for (let i = 0; i < values.length; i++) sumAbs += Math.abs(values[i] ?? NaN);
  const sumError = (16 + Math.log2(n)) * EPS * sumAbs;
  const meanError = sumError / n;
  assert.equal(actual.count, n, `${what}: count`);
  assert.equal(actual.min, expected.min, `${what}: min`);
  assert.equal(actual.max, expected.max, `${what}: max`);
  assertClose(actual.sum, expected.sum, 1e-12, sumError, `${what}: sum`);
  if (exactSum !== undefined) {
    assertClose(actual.sum, exactSum, 4 * EPS, 0, `${what}: sum vs the exact sum`);
  }
  assertClose(actual.mean, expected.mean, 1e-12, meanError, `${what}: mean`);
  for (const key of ['median', 'q1', 'q3', 'iqr'] as const) {
    assertClose(actual[key], expected[key], 1e-12, 0, `${what}: ${key}`);
  }
  const varianceShift = (meanError * meanError * n) / Math.max(1, n - 1);
  assertClose(actual.variance, expected.variance, 1e-12, varianceShift, `${what}: variance`);
  assertClose(actual.stddev, expected.stddev, 1e-12, Math.sqrt(varianceShift), `${what}: stddev`);
  const sigma = expected.stddev > 0 ? expected.stddev : Infinity;
  const shapeError = 1e-12 + (4 * meanError) / sigma;
  assertClose(actual.skewness, expected.skewness, 1e-12, shapeError, `${what}: skewness`);
  assertClose(actual.kurtosis, expected.kurtosis, 1e-12, shapeError, `${what}: kurtosis`);
}
