import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { LIMITS } from '../../src/core/limits.js';
import { scatterStatistics } from '../../src/core/scatterStatistics.js';
import type { ScatterStatistics } from '../../src/core/scatterStatistics.js';
import { assertBadInput } from '../support/assertBadInput.js';
import { assertClose } from '../support/assertClose.js';

type Key = Exclude<keyof ScatterStatistics, 'n'>;

interface ScatterCase {
  name: string;
  x: number[];
  y: number[];
  /** scipy's values; null where scipy gives nan or raises. */
  expect: Record<Key, number | null>;
  /** The same statistics in exact rational arithmetic, rounded once. */
  exact: Record<Key, number | null>;
  /** linregress on the raw values where it differs from `expect` ("nan" for nan). */
  scipyRaw?: Partial<Record<Key, number | string | null>>;
}

interface FixtureFile {
  numpy: string;
  scipy: string;
  cases: ScatterCase[];
}

// Written by scripts/gen-scatter-fixtures.py.
const fixtures = JSON.parse(
  readFileSync(new URL('../fixtures/scipy-scatter.json', import.meta.url), 'utf8'),
) as FixtureFile;

function fixture(name: string): ScatterCase {
  const found = fixtures.cases.find((c) => c.name === name);
  if (!found) throw new Error(`no case "${name}" in scipy-scatter.json`);
  return found;
}

function maxAbs(values: readonly number[]): number {
  return values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
}

/**
 * 1e-12 relative, and 1e-14 absolute in each statistic's own units: correlations and r² are
 * unitless; a slope near 0 is measured against max|y| / max|x|, an intercept near 0 against
 * max|y| (scipy's is 1.3e-33, ours 0, for a constant y of 0.1 whose np.mean rounds).
 */
function assertMatchesScipy(actual: ScatterStatistics, c: ScatterCase): void {
  assert.equal(actual.n, c.x.length, `${c.name}: n`);
  const yScale = maxAbs(c.y);
  const slopeScale = yScale / maxAbs(c.x);
  assertClose(actual.pearson, c.expect.pearson, 1e-12, 1e-14, `${c.name}: pearson`);
  assertClose(actual.spearman, c.expect.spearman, 1e-12, 1e-14, `${c.name}: spearman`);
  assertClose(actual.rSquared, c.expect.rSquared, 1e-12, 1e-14, `${c.name}: rSquared`);
  assertClose(actual.slope, c.expect.slope, 1e-12, 1e-14 * slopeScale, `${c.name}: slope`);
  assertClose(actual.intercept, c.expect.intercept, 1e-12, 1e-14 * yScale, `${c.name}: intercept`);
}

/** √Σ(v − mean)² and the mean, after dividing by max|v| so that nothing over- or underflows. */
function spread(values: readonly number[]): { mean: number; root: number } {
  const scale = maxAbs(values) || 1;
  const scaled = values.map((v) => v / scale);
  const mean = scaled.reduce((s, v) => s + v, 0) / scaled.length;
  const squares = scaled.reduce((s, v) => s + (v - mean) ** 2, 0);
  return { mean: mean * scale, root: Math.sqrt(squares) * scale };
}

const EPS = Number.EPSILON;

/**
 * Against the exact values, bounds derived from the algorithm rather than tuned: deviations,
 * products and the final division and square root each round once (sums are compensated, and the
 * means' rounding is corrected), so r is off by at most a few ε plus a few ε of Σ|dx·dy| /
 * √(Σdx²·Σdy²) ≤ 1: 4ε + 4ε·|r|. The slope inherits that in units of σy/σx, and the intercept
 * ȳ − b·x̄ rounds its two terms and carries the slope's error times |x̄|.
 */
function assertNearExact(actual: ScatterStatistics, c: ScatterCase): void {
  const x = spread(c.x);
  const y = spread(c.y);
  const slopeTolerance = 4 * EPS * (Math.abs(c.exact.slope ?? 0) + y.root / x.root);
  const interceptTolerance =
    4 * EPS * (Math.abs(y.mean) + Math.abs((c.exact.slope ?? 0) * x.mean)) +
    slopeTolerance * Math.abs(x.mean);
  for (const key of ['pearson', 'spearman', 'rSquared'] as const) {
    assertClose(actual[key], c.exact[key], 4 * EPS, 4 * EPS, `${c.name}: ${key} vs exact`);
  }
  assertClose(actual.slope, c.exact.slope, 0, slopeTolerance, `${c.name}: slope vs exact`);
  assertClose(
    actual.intercept,
    c.exact.intercept,
    0,
    interceptTolerance,
    `${c.name}: intercept vs exact`,
  );
}

describe('scatterStatistics against scipy (test/fixtures/scipy-scatter.json)', () => {
  test('the fixtures hold every kind of case', () => {
    assert.equal(fixtures.cases.length, 19);
    assert.ok(fixtures.cases.some((c) => c.x.length === 10_000));
    assert.ok(fixtures.cases.some((c) => c.x.length === 1));
  });

  for (const c of fixtures.cases) {
    test(`${c.name} (n = ${c.x.length})`, () => {
      const actual = scatterStatistics(c.x, c.y);
      assertMatchesScipy(actual, c);
      assertNearExact(actual, c);
    });
  }

  test('near 1e-200 and 1e200 scipy’s linregress gives nan; the scaled values are expected', () => {
    for (const name of ['tiny magnitudes (1e-200)', 'huge magnitudes (1e200)']) {
      const c = fixture(name);
      assert.deepEqual(c.scipyRaw, { slope: 'nan', intercept: 'nan', rSquared: 'nan' }, name);
      const actual = scatterStatistics(c.x, c.y);
      assert.ok(actual.slope !== null && actual.intercept !== null, name);
    }
  });

  test('a constant y is r = 0/0 (null), where scipy’s rounded mean of 0.1s gives r ≈ 1e-16', () => {
    const c = fixture('constant y of 0.1 (np.mean rounds)');
    assert.equal(typeof c.scipyRaw?.rSquared, 'number');
    assert.equal(c.expect.intercept, 0.10000000000000002);
    // The mean of three copies of 0.1 is 0.1 here, so the intercept is too.
    assert.deepEqual(scatterStatistics(c.x, c.y), {
      n: 3,
      pearson: null,
      spearman: null,
      slope: 0,
      intercept: 0.1,
      rSquared: null,
    });
  });

  test('values near 1e9 defeat the naive formula; scipy is 1e-13 off, the centred sums are not', () => {
    const c = fixture('large offsets: 1e9 plus a spread of 1');
    const n = c.x.length;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      const xi = c.x[i] ?? NaN;
      const yi = c.y[i] ?? NaN;
      sx += xi;
      sy += yi;
      sxx += xi * xi;
      syy += yi * yi;
      sxy += xi * yi;
    }
    const naive = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    const expected = c.expect.pearson ?? NaN;
    assert.ok(
      !(Math.abs(naive - expected) < 0.01),
      `the naive r ${naive} should be far from ${expected}`,
    );
    const exact = c.exact.pearson ?? NaN;
    assert.ok(Math.abs(expected - exact) > 1e-14, `scipy ${expected}, exact ${exact}`);
    assertClose(scatterStatistics(c.x, c.y).pearson, exact, EPS, 0, 'pearson');
  });
});

describe('scatterStatistics: literal reference tables', () => {
  const none = { pearson: null, spearman: null, slope: null, intercept: null, rSquared: null };
  const exact: [string, number[], number[], ScatterStatistics][] = [
    ['one point (pearsonr raises, linregress nan)', [3], [4], { n: 1, ...none }],
    ['constant x (linregress raises)', [2, 2, 2], [1, 5, 3], { n: 3, ...none }],
    ['0 and −0 are the same x', [0, -0], [1, 2], { n: 2, ...none }],
    [
      'constant y: a flat line, r undefined',
      [1, 3, 2],
      [5, 5, 5],
      { n: 3, pearson: null, spearman: null, slope: 0, intercept: 5, rSquared: null },
    ],
    [
      'two points: exactly ±1, like scipy',
      [0.1, 0.7],
      [0.3, 0.2],
      {
        n: 2,
        pearson: -1,
        spearman: -1, // scipy: -0.9999999999999999 (np.corrcoef of the ranks)
        slope: -0.16666666666666666,
        intercept: 0.31666666666666665,
        rSquared: 1,
      },
    ],
    [
      'three points (scipy pearson 0.4999999999999999)',
      [1, 2, 3],
      [1, 3, 2],
      { n: 3, pearson: 0.5, spearman: 0.5, slope: 0.5, intercept: 1, rSquared: 0.25 },
    ],
    [
      // The spread, 2e308, is beyond the largest double; scipy's linregress gives nan.
      'values near ±1e308',
      [-1e308, 0, 1e308],
      [1e308, 0, -1e308],
      { n: 3, pearson: -1, spearman: -1, slope: -1, intercept: 0, rSquared: 1 },
    ],
    [
      // Squares of subnormals are 0; scipy's linregress gives nan.
      'subnormal values',
      [0, 5e-324, 1e-323],
      [0, 1e-323, 2e-323],
      { n: 3, pearson: 1, spearman: 1, slope: 2, intercept: 0, rSquared: 1 },
    ],
    [
      // The slope is 1e600; scipy answers slope inf, intercept -inf and r = 0.
      'a slope beyond the largest double is null',
      [0, 1e-300, 2e-300],
      [0, 1e300, 2e300],
      { n: 3, pearson: 1, spearman: 1, slope: null, intercept: null, rSquared: 1 },
    ],
  ];
  for (const [name, x, y, expected] of exact) {
    test(name, () => {
      assert.deepEqual(scatterStatistics(x, y), expected);
    });
  }

  test('ties share their average rank (scipy.stats.rankdata)', () => {
    // Ranks of x: 1, 2.5, 2.5, 4; Spearman's r = 4.5 / √(4.5·5) = 3/√10.
    const stats = scatterStatistics([1, 2, 2, 3], [1, 2, 3, 4]);
    assertClose(stats.spearman, 3 / Math.sqrt(10), 2 ** -52, 0, 'spearman');
    assertClose(stats.pearson, 0.9486832980505138, 2 ** -52, 0, 'pearson');
    assert.equal(stats.slope, 1.5);
    assert.equal(stats.intercept, -0.5);
  });

  test('two points give exactly ±1 where the sums give 0.9999999999999999 (scipy rounds too)', () => {
    const stats = scatterStatistics([4.15, 2.98], [8.4, 6.01]);
    assert.equal(stats.pearson, 1);
    assert.equal(stats.rSquared, 1);
    assert.equal(scatterStatistics([0.64, 6.18], [4.96, 2.04]).pearson, -1); // sums: −1.0000000000000002
  });

  test('r is clipped to [−1, 1], like scipy’s', () => {
    // y = 0.7x + 0.3 rounded: the sums give r = 1.0000000000000002.
    const stats = scatterStatistics([4.95, 3.94, 7.86], [3.7649999999999997, 3.058, 5.802]);
    assert.equal(stats.pearson, 1);
    assert.equal(stats.rSquared, 1);
    assertClose(stats.slope, 0.7, 2 * EPS, 0, 'slope');
  });

  test('a monotone curve has Spearman 1 and Pearson below 1', () => {
    const x = [1, 2, 3, 4, 5];
    const stats = scatterStatistics(
      x,
      x.map((v) => v ** 3),
    );
    assert.equal(stats.spearman, 1);
    assert.ok(stats.pearson !== null && stats.pearson < 0.99, String(stats.pearson));
  });

  test('typed arrays are read and not modified', () => {
    const x = new Float64Array([3, 1, 2]);
    const y = new Float64Array([6, 2, 4]);
    assert.deepEqual(scatterStatistics(x, y), {
      n: 3,
      pearson: 1,
      spearman: 1,
      slope: 2,
      intercept: 0,
      rSquared: 1,
    });
    assert.deepEqual([...x, ...y], [3, 1, 2, 6, 2, 4]);
  });

  test(`${LIMITS.maxValues} points are accepted`, () => {
    const x = Array.from({ length: LIMITS.maxValues }, (_, i) => i % 1000);
    const stats = scatterStatistics(x, x);
    assert.equal(stats.n, LIMITS.maxValues);
    assert.equal(stats.spearman, 1);
    assert.equal(stats.slope, 1);
  });
});

describe('scatterStatistics: bad input', () => {
  test('x and y must pair up', () => {
    assertBadInput(
      () => scatterStatistics([1, 2, 3, 4, 5], [1, 2, 3, 4]),
      'y',
      /^x has 5 values but y has 4; they must pair up$/,
    );
    assertBadInput(() => scatterStatistics([], [1]), 'y', /x has 0 values but y has 1/);
  });

  test('at least one point', () => {
    assertBadInput(() => scatterStatistics([], []), 'x', /no points were given/);
  });

  test(`at most ${LIMITS.maxValues} points`, () => {
    const x = new Float64Array(LIMITS.maxValues + 1);
    assertBadInput(
      () => scatterStatistics(x, x),
      'x',
      /^x has 100001 values; at most 100000 are allowed per request$/,
    );
  });

  const notFinite: [string, number[], number[], 'x' | 'y', RegExp][] = [
    ['NaN in x', [1, 2, NaN], [1, 2, 3], 'x', /^x item 3 is not a finite number \(NaN\)$/],
    ['Infinity in y', [1, 2, 3], [Infinity, 2, 3], 'y', /^y item 1 is not a finite number/],
    ['−Infinity in y', [1, 2], [1, -Infinity], 'y', /y item 2 .*\(-Infinity\)/],
  ];
  for (const [name, x, y, param, message] of notFinite) {
    test(name, () => {
      assertBadInput(() => scatterStatistics(x, y), param, message);
    });
  }
});
