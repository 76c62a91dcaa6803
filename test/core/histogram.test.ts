import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeHistogram } from '../../src/core/histogram.js';
import { assertBadInput } from '../support/assertBadInput.js';
import { assertClose, assertStatsClose, dataset, fixtureCases, isError } from './numpyFixtures.js';

describe('computeHistogram against numpy (test/fixtures/numpy-histograms.json)', () => {
  for (const c of fixtureCases) {
    test(c.name, () => {
      const data = dataset(c.dataset);
      const run = () => computeHistogram(data, c.bins ?? undefined, c.range);
      const expect = c.expect;
      if (isError(expect)) {
        const bins = expect.numpyBins;
        assertBadInput(
          run,
          expect.error,
          bins && bins > 1 ? new RegExp(` ${bins} bins`) : undefined,
        );
        return;
      }
      if (expect.statsError !== undefined) {
        // numpy's variance is inf here; a double cannot hold it, so the service refuses.
        assertBadInput(run, expect.statsError, /larger than the largest double/);
        return;
      }
      const result = run();
      assert.deepEqual(result.counts, expect.counts, 'counts');
      assert.equal(result.edges.length, expect.edges.length, 'number of edges');
      for (const [i, edge] of expect.edges.entries()) {
        assertClose(result.edges[i] ?? NaN, edge, 1e-12, 0, `edge ${i}`);
      }
      for (const [i, density] of expect.density.entries()) {
        assertClose(result.bins[i]?.density ?? NaN, density, 1e-12, 0, `density ${i}`);
      }
      assert.deepEqual(result.binning.rule, expect.rule, 'binning.rule');
      assert.equal(result.binning.binCount, expect.counts.length, 'binning.binCount');
      assertClose(result.binning.binWidth, expect.binWidth, 1e-12, 0, 'binning.binWidth');
      assert.equal(result.excluded, expect.excluded, 'excluded');
      assert.ok(expect.stats, 'the fixture has statistics');
      const counted = data.filter((v) => v >= result.stats.min && v <= result.stats.max);
      assertStatsClose(result.stats, expect.stats, counted, expect.exactSum, 'stats');
    });
  }
});

describe('computeHistogram: literal reference tables', () => {
  test('empty data, NaN and ±Infinity are refused', () => {
    assertBadInput(() => computeHistogram([], undefined, undefined), 'data', /no values/);
    assertBadInput(
      () => computeHistogram([1, NaN, 2], undefined, undefined),
      'data',
      /data item 2 is not a finite number \(NaN\)/,
    );
    assertBadInput(() => computeHistogram([Infinity], undefined, undefined), 'data', /Infinity/);
    assertBadInput(() => computeHistogram([1, -Infinity], undefined, undefined), 'data');
  });

  test('one value: one integer-centred bin by default, numpy ±0.5 with a rule', () => {
    const byDefault = computeHistogram([42], undefined, undefined);
    assert.deepEqual(byDefault.edges, [41.5, 42.5]);
    assert.deepEqual(byDefault.counts, [1]);
    assert.deepEqual(byDefault.binning, { rule: 'INTEGER', binCount: 1, binWidth: 1 });
    const auto = computeHistogram([42.5], { kind: 'rule', rule: 'AUTO' }, undefined);
    assert.deepEqual(auto.edges, [42, 43]);
    assert.deepEqual(auto.bins, [
      { lower: 42, upper: 43, count: 1, density: 1, cumulativeCount: 1 },
    ]);
    assert.equal(auto.stats.variance, 0);
    assert.equal(auto.stats.skewness, null);
  });

  test('all values equal: widened by ±0.5 like numpy, density 1', () => {
    const result = computeHistogram([7.25, 7.25, 7.25, 7.25], undefined, undefined);
    assert.deepEqual(result.edges, [6.75, 7.75]);
    assert.deepEqual(result.counts, [4]);
    assert.equal(result.binning.rule, 'AUTO');
    assert.equal(result.bins[0]?.density, 1);
    assert.equal(result.stats.mean, 7.25);
    assert.equal(result.stats.stddev, 0);
    const counted = computeHistogram([7.25, 7.25], { kind: 'count', count: 4 }, undefined);
    assert.deepEqual(counted.edges, [6.75, 7, 7.25, 7.5, 7.75]);
    assert.deepEqual(counted.counts, [0, 0, 2, 0]);
  });

  test('a value exactly on the last edge is in the last bin; on an inner edge, the bin above', () => {
    const onLast = computeHistogram([0, 10], { kind: 'count', count: 2 }, undefined);
    assert.deepEqual(onLast.edges, [0, 5, 10]);
    assert.deepEqual(onLast.counts, [1, 1]);
    const onInner = computeHistogram([0, 5, 10], { kind: 'edges', edges: [0, 5, 10] }, undefined);
    assert.deepEqual(onInner.counts, [1, 2]);
    const width = computeHistogram([0, 2.5, 10], { kind: 'width', width: 2.5 }, undefined);
    assert.deepEqual(width.edges, [0, 2.5, 5, 7.5, 10]);
    assert.deepEqual(width.counts, [1, 1, 0, 1]);
  });

  test('density integrates to 1 and cumulative counts end at the total', () => {
    const data = [1, 2, 2, 3, 3, 3, 10, 10.5];
    const result = computeHistogram(data, { kind: 'edges', edges: [0, 2, 3, 4, 11] }, undefined);
    assert.deepEqual(result.counts, [1, 2, 3, 2]);
    assert.deepEqual(
      result.bins.map((b) => b.cumulativeCount),
      [1, 3, 6, 8],
    );
    assert.deepEqual(
      result.bins.map((b) => b.density),
      [1 / 2 / 8, 2 / 1 / 8, 3 / 1 / 8, 2 / 7 / 8],
    );
    const area = result.bins.reduce((s, b) => s + b.density * (b.upper - b.lower), 0);
    assertClose(area, 1, 1e-15, 0, 'area');
    assert.equal(result.binning.binWidth, null, 'uneven edges have no common width');
  });

  test('a range excludes values, and the statistics describe only the counted ones', () => {
    const result = computeHistogram(
      [-5, 1, 2, 3, 4, 100],
      { kind: 'count', count: 2 },
      { min: 0, max: 4 },
    );
    assert.deepEqual(result.edges, [0, 2, 4]);
    assert.deepEqual(result.counts, [1, 3]);
    assert.equal(result.excluded, 2);
    assert.equal(result.stats.count, 4);
    assert.equal(result.stats.sum, 10);
    assert.equal(result.stats.min, 1);
    assert.equal(result.stats.max, 4);
    assertBadInput(
      () => computeHistogram([1, 2, 3], undefined, { min: 10, max: 20 }),
      'range',
      /no value lies inside the range \[10, 20\]/,
    );
    assertBadInput(() => computeHistogram([1], undefined, { min: 2, max: 1 }), 'range', /greater/);
  });

  test('explicit edges with a range count values inside both', () => {
    const result = computeHistogram(
      [0, 1, 2, 3, 4, 5, 6],
      { kind: 'edges', edges: [1, 3, 6] },
      { min: 2, max: 5 },
    );
    assert.deepEqual(result.counts, [1, 3]);
    assert.equal(result.excluded, 3);
    assert.equal(result.stats.count, 4);
  });

  test('huge and tiny magnitudes', () => {
    const tiny = computeHistogram([1e-300, 2e-300, 3e-300], { kind: 'count', count: 2 }, undefined);
    // numpy's middle edge is 2 ulps above 2e-300, so 2e-300 falls in the first bin.
    assert.deepEqual(tiny.edges, [1e-300, 2.0000000000000004e-300, 3e-300]);
    assert.deepEqual(tiny.counts, [2, 1]);
    assertClose(tiny.stats.stddev, 1e-300, 1e-15, 0, 'tiny stddev (numpy: 0, underflowed)');
    assert.equal(tiny.stats.variance, 0, '1e-600 underflows to 0');
    const large = computeHistogram([1e150, 2e150, 3e150], { kind: 'count', count: 2 }, undefined);
    assertClose(large.stats.variance, 1e300, 1e-15, 0, 'variance 1e300 is representable');
    assertClose(large.stats.skewness, 0, 0, 1e-12, 'skewness (scipy: nan, m3 overflows)');
    assertBadInput(
      () => computeHistogram([1e300, 2e300], { kind: 'count', count: 2 }, undefined),
      'data',
      /variance/,
    );
    assertBadInput(() => computeHistogram([-1e308, 1e308], undefined, undefined), 'data', /spread/);
    assertBadInput(
      () => computeHistogram([1], { kind: 'count', count: 3 }, { min: -1e308, max: 1e308 }),
      'range',
    );
    assertBadInput(
      () => computeHistogram([1e300, 1e300], undefined, undefined),
      'data',
      /give a range/,
    );
  });

  test('a rule that would make too many bins is refused with a count in the message', () => {
    const data = Array.from({ length: 1000 }, (_, i) => i / 1000).concat([1e6]);
    assertBadInput(
      () => computeHistogram(data, { kind: 'rule', rule: 'FD' }, undefined),
      'bins',
      /the FD rule would make \d+ bins .* at most 1000 are allowed/,
    );
    assertBadInput(
      () => computeHistogram([0, 1e6], { kind: 'width', width: 1e-3 }, undefined),
      'bins',
      /would make 1000000000 bins/,
    );
  });

  test('1,000,000 normal values with AUTO, without sorting', () => {
    const data = normalSample(1_000_000, 12345);
    const started = performance.now();
    const result = computeHistogram(data, { kind: 'rule', rule: 'AUTO' }, undefined);
    const elapsed = performance.now() - started;
    assert.equal(
      result.counts.reduce((s, c) => s + c, 0),
      1_000_000,
    );
    assert.equal(result.binning.rule, 'AUTO');
    assertClose(result.stats.mean, 0, 0, 0.01, 'mean of N(0, 1)');
    assertClose(result.stats.stddev, 1, 0.01, 0, 'stddev of N(0, 1)');
    // Typically ~0.2 s; the bound only catches an accidental quadratic path, not slow machines.
    assert.ok(elapsed < 10_000, `took ${elapsed} ms`);
  });
});

/** Box–Muller normals from xorshift32: deterministic, not the fixtures' numbers. */
function normalSample(n: number, seed: number): Float64Array {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state ^ (state << 13)) >>> 0;
    state = (state ^ (state >>> 17)) >>> 0;
    state = (state ^ (state << 5)) >>> 0;
    return (state + 0.5) / 4294967296;
  };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  }
  return out;
}
