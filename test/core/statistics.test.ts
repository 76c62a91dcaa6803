import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  compensatedSum,
  percentileSorted,
  percentiles,
  sampleOf,
  statistics,
  statisticsOf,
} from '../../src/core/statistics.js';
import type { Statistics } from '../../src/core/statistics.js';
import { ChartqlError } from '../../src/errors.js';
import {
  assertClose,
  assertStatsClose,
  dataset,
  formulaDataset,
  irwinHall,
  references,
} from './numpyFixtures.js';

function assertBadData(fn: () => unknown, message: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof ChartqlError, String(error));
    assert.equal(error.param, 'data');
    assert.match(error.message, message);
    return true;
  });
}

describe('statistics of every fixture dataset against numpy/scipy', () => {
  for (const [name, ref] of Object.entries(references)) {
    test(name, () => {
      const values = dataset(name);
      if (ref.statsError !== undefined) {
        assertBadData(() => statistics(values), /larger than the largest double/);
        return;
      }
      assert.ok(ref.stats);
      assertStatsClose(statistics(values), ref.stats, values, ref.exactSum, name);
    });
  }

  test('where numpy over- or underflows, the values are the rescaled numpy ones', () => {
    // Values near 1e-300: numpy squares the deviations to 0, so its stddev is 0 and scipy's
    // skewness nan; the statistics here are numpy's on the values times 2^k, divided back.
    const tiny = references['tiny-1e-300'];
    assert.equal(tiny?.numpyRaw?.stddev, 0);
    assert.equal(tiny.numpyRaw.skewness, 'nan');
    const stats = statistics(dataset('tiny-1e-300'));
    assert.ok(stats.stddev > 1e-300, `stddev ${stats.stddev}`);
    assert.equal(typeof stats.skewness, 'number');
    // Values near 1e150: variance 1e300 is fine, but scipy's third moment overflows to nan.
    assert.equal(references['large-1e150']?.numpyRaw?.skewness, 'nan');
    assert.equal(typeof statistics(dataset('large-1e150')).skewness, 'number');
  });
});

describe('statistics: literal reference tables', () => {
  const table: [string, number[], Partial<Statistics>][] = [
    [
      'one value',
      [42],
      {
        count: 1,
        sum: 42,
        mean: 42,
        median: 42,
        q1: 42,
        q3: 42,
        iqr: 0,
        variance: 0,
        stddev: 0,
        skewness: null,
        kurtosis: null,
      },
    ],
    [
      'two values (scipy: skew 0, excess kurtosis −2)',
      [2, 1],
      {
        min: 1,
        max: 2,
        mean: 1.5,
        median: 1.5,
        q1: 1.25,
        q3: 1.75,
        iqr: 0.5,
        variance: 0.5,
        stddev: Math.SQRT1_2,
        skewness: 0,
        kurtosis: -2,
      },
    ],
    [
      'four values',
      [4, 1, 3, 2],
      {
        sum: 10,
        mean: 2.5,
        median: 2.5,
        q1: 1.75,
        q3: 3.25,
        variance: 5 / 3,
        skewness: 0,
        kurtosis: -1.36,
      },
    ],
    [
      // numpy: mean 0.10000000000000002, variance 2.9e-34 (rounding noise), scipy skew nan.
      'three copies of 0.1: exactly 0.1 and 0 here',
      [0.1, 0.1, 0.1],
      { mean: 0.1, median: 0.1, variance: 0, stddev: 0, skewness: null, kurtosis: null },
    ],
    [
      // scipy's noise test m2 <= (eps·mean)²: two values one ulp apart have no skewness.
      'values one ulp apart',
      [1, 1 + 2 ** -52],
      { mean: 1, variance: 2 ** -105, skewness: null, kurtosis: null },
    ],
    [
      'negative values',
      [-3, -1, -2],
      { sum: -6, mean: -2, min: -3, max: -1, variance: 1, skewness: 0, kurtosis: -1.5 },
    ],
    [
      // numpy's _lerp takes b − (b − a)(1 − t) when t ≥ 0.5: 0.325, where a + (b − a)t gives
      // 0.32500000000000007 (np.percentile([0.1, 0.4], 75)).
      'percentiles from the upper neighbour',
      [0.1, 0.4],
      { q3: 0.325, q1: 0.17500000000000002 },
    ],
  ];
  // Exact comparisons, except stddev (a square root) and the shape statistics, to 1e-15.
  const approximate = new Set(['stddev', 'skewness', 'kurtosis', 'variance']);
  for (const [name, values, expected] of table) {
    test(name, () => {
      const stats = statistics(values);
      for (const [key, value] of Object.entries(expected)) {
        const actual = stats[key as keyof Statistics];
        if (value === null || !approximate.has(key)) assert.equal(actual, value, key);
        else assertClose(actual, value, 1e-15, 1e-15, key);
      }
    });
  }

  test('percentileSorted follows numpy at both interpolation branches', () => {
    const sorted = [0.1, 0.4];
    assert.equal(percentileSorted(sorted, 70), 0.31); // naive lerp: 0.31000000000000005
    assert.equal(percentileSorted(sorted, 25), 0.17500000000000002); // numpy's value
    assert.equal(percentileSorted(sorted, 100), 0.4);
    assert.equal(percentileSorted(sorted, 0), 0.1);
    assert.equal(percentileSorted([1, 2, 3, 4, 5], 50), 3);
    assert.throws(() => percentileSorted([], 50), RangeError);
  });

  test('percentiles by selection are percentileSorted on a sorted copy, bit for bit', () => {
    const qs = [0, 1, 10, 25, 33.3, 50, 66.7, 75, 90, 99, 100];
    for (const name of Object.keys(references)) {
      const values = Float64Array.from(dataset(name));
      const sorted = values.slice().sort();
      const expected = qs.map((q) => percentileSorted(sorted, q));
      assert.deepEqual(percentiles(values, qs), expected, name);
    }
    assert.deepEqual(
      percentiles(Float64Array.from([0.4, 0.1]), [70, 25]),
      [0.31, 0.17500000000000002],
    );
    assert.throws(() => percentiles(new Float64Array(0), [50]), RangeError);
  });

  test('empty input, NaN and overflowing sums or variances are refused', () => {
    assertBadData(() => statistics([]), /no values/);
    assertBadData(() => statistics([1, NaN]), /data item 2 is not a finite number \(NaN\)/);
    assertBadData(() => statistics([1e308, 1e308]), /sum/);
    assertBadData(() => statistics([-1e308, 1e308]), /spread/);
    assertBadData(() => statistics([1e300, 3e300]), /variance/);
  });

  test('huge and tiny magnitudes', () => {
    const large = statistics([1e150, 3e150]);
    assertClose(large.variance, 2e300, 1e-15, 0, 'variance');
    assertClose(large.stddev, Math.SQRT2 * 1e150, 1e-15, 0, 'stddev');
    assert.equal(large.kurtosis, -2);
    const tiny = statistics([1e-300, 3e-300]);
    assert.equal(tiny.variance, 0, '2e-600 underflows');
    assertClose(tiny.stddev, Math.SQRT2 * 1e-300, 1e-15, 0, 'stddev (numpy: 0)');
    assertClose(tiny.skewness, 0, 0, 1e-12, 'skewness (scipy: nan)');
    assertClose(tiny.kurtosis, -2, 1e-12, 0, 'kurtosis (scipy: nan)');
    const equalHuge = statistics([1.5e308]);
    assert.equal(equalHuge.mean, 1.5e308);
    assert.equal(equalHuge.variance, 0);
    // Their mean is fine, but the sum is a reported statistic and numpy's would be inf.
    assertBadData(() => statistics([1.5e308, 1.5e308]), /sum of the values overflows/);
    assert.equal(statistics([5e-324, 5e-324, 1e-323]).max, 1e-323);
  });

  test('100,000 values: compensated sums and no spread of the array into Math.max', () => {
    const tenths = new Array<number>(100_000).fill(0.1);
    assert.equal(statistics(tenths).sum, 10000); // math.fsum; a plain loop gives 10000.000000018848
    const big = Float64Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    const stats = statistics(big);
    assert.equal(stats.count, 1_000_000);
    assert.equal(stats.min, 0);
    assert.equal(stats.max, 1_000_002);
    assert.equal(compensatedSum(Float64Array.from([1e16, 1, -1e16])), 1);
  });

  test('the 100,000-value formula dataset is the generator’s, to the last bit', () => {
    const formula = formulaDataset('irwin-hall-100k');
    const values = irwinHall(formula.seed, formula.n);
    assert.deepEqual(values.slice(0, 5), formula.first);
    assert.equal(
      compensatedSum(Float64Array.from(values)),
      formula.fsum,
      'Neumaier matches math.fsum exactly here',
    );
  });

  test('statistics does not modify its input, nor statisticsOf the sample’s order', () => {
    const values = [3, 1, 2];
    statistics(values);
    assert.deepEqual(values, [3, 1, 2]);
    const sample = sampleOf(Float64Array.from([3, 1, 4, 2]));
    assert.deepEqual([sample.min, sample.max], [1, 4]);
    const stats = statisticsOf(sample);
    assert.deepEqual([stats.q1, stats.median, stats.q3], [1.75, 2.5, 3.25]);
    assert.deepEqual(Array.from(sample.values), [3, 1, 4, 2], 'selection works on a copy');
    assert.equal(sample.quartiles(), sample.quartiles(), 'found once, then remembered');
  });
});
