import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BIN_RULES, countValues, planBins, prepareValues } from '../../src/core/binning.js';
import {
  countEdges,
  countUniform,
  cubeRounded,
  linspace,
  numpyStd,
  pairwiseSum,
  powMinusOneThird,
  powOneThird,
} from '../../src/core/numpyMath.js';
import type { BinsSpec, Range } from '../../src/core/binning.js';
import { LIMITS, MAX_BINS } from '../../src/core/limits.js';
import { assertBadInput } from '../support/assertBadInput.js';
import { dataset, fixtureCases, isError, references } from './numpyFixtures.js';

function binned(data: ArrayLike<number>, bins: BinsSpec | undefined, range?: Range) {
  const input = prepareValues(data);
  const plan = planBins(input, bins, range);
  return { plan, edges: Array.from(plan.edges), counts: countValues(plan) };
}

describe('bin edges and counts against numpy', () => {
  // Statistics aside (histogram.test.ts), including the values near 1e300 whose variance
  // overflows: their edges and counts must still be numpy's.
  for (const c of fixtureCases) {
    test(c.name, () => {
      const data = dataset(c.dataset);
      const expect = c.expect;
      if (isError(expect)) {
        assertBadInput(() => binned(data, c.bins ?? undefined, c.range), expect.error);
        return;
      }
      const { plan, edges, counts } = binned(data, c.bins ?? undefined, c.range);
      assert.deepEqual(counts, expect.counts, 'counts');
      if (c.numpyNative) {
        // The same operations in the same order: not merely close, the same doubles.
        assert.deepEqual(edges, expect.edges, 'edges, bit for bit');
      } else {
        assert.equal(edges.length, expect.edges.length);
        for (const [i, e] of expect.edges.entries()) {
          assert.ok(Math.abs((edges[i] ?? NaN) - e) <= 1e-12 * Math.abs(e), `edge ${i}`);
        }
      }
      assert.equal(plan.rule, expect.rule);
      assert.equal(plan.inside.values.length, data.length - expect.excluded, 'values counted');
    });
  }
});

describe('numpy primitives, bit for bit', () => {
  test('pairwiseSum is np.sum and numpyStd is np.std for every dataset', () => {
    for (const [name, ref] of Object.entries(references)) {
      const values = Float64Array.from(dataset(name));
      assert.equal(pairwiseSum(values, 0, values.length), ref.npSum, `np.sum(${name})`);
      const std =
        typeof ref.npStd === 'number' ? ref.npStd : Number(ref.npStd.replace('inf', 'Infinity'));
      assert.equal(numpyStd(values), std, `np.std(${name})`);
    }
  });

  test('pairwiseSum is not a plain loop: 100,000 × 0.1', () => {
    const tenths = new Float64Array(100_000).fill(0.1);
    let naive = 0;
    for (const v of tenths) naive += v;
    assert.equal(naive, 10000.000000018848);
    assert.equal(pairwiseSum(tenths, 0, tenths.length), 10000); // np.sum(np.full(100000, 0.1))
  });

  test('x ** (1/3) and x ** (-1/3) as Python computes them, where Math.pow is an ulp off', () => {
    // [n, n ** (1.0 / 3), n ** (-1.0 / 3.0)] printed by Python 3.11 (glibc pow).
    const table: [number, number, number][] = [
      [5, 1.7099759466766968, 0.5848035476425733],
      [8, 2.0, 0.5],
      [13, 2.3513346877207573, 0.42529037028299016],
      [36, 3.3019272488946263, 0.30285343213869],
      [27, 3.0, 0.33333333333333337],
      [64, 3.9999999999999996, 0.25],
      [125, 4.999999999999999, 0.2],
      [1000, 9.999999999999998, 0.10000000000000002],
      [100000, 46.41588833612778, 0.021544346900318843],
    ];
    for (const [n, third, minusThird] of table) {
      assert.equal(powOneThird(n), third, `${n} ** (1/3)`);
      assert.equal(powMinusOneThird(n), minusThird, `${n} ** (-1/3)`);
    }
    // V8's Math.pow differs in the last bit for about one n in eight, which is why these exist.
    assert.equal(Math.pow(1000, -1 / 3), 0.1);
    assert.equal(Math.pow(5, 1 / 3), 1.709975946676697);
  });

  test('cubeRounded is the correctly rounded cube', () => {
    assert.equal(cubeRounded(3), 27);
    assert.equal(cubeRounded(-0.5), -0.125);
    // (1/37)³ rounded once; z * z * z rounds twice and gives 1.9742167295125664e-05.
    assert.equal(cubeRounded(1 / 37), 1.974216729512566e-5);
  });

  test('linspace: numpy values, including the zero-step branch', () => {
    assert.deepEqual(
      Array.from(linspace(0, 1, 11)),
      [
        0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8,
        0.9, 1,
      ],
    );
    // step = 5e-324 / 2 underflows to 0: numpy divides first, then multiplies by delta.
    assert.deepEqual(Array.from(linspace(0, 5e-324, 3)), [0, 0, 5e-324]);
    assert.deepEqual(Array.from(linspace(2, 3, 2)), [2, 3]);
  });

  test('the uniform fast path and searchsorted agree with numpy at edges', () => {
    const edges = linspace(0, 1, 11);
    // i / 10 against edges i * 0.1 (np.histogram(np.arange(11) / 10, 10)): 0.3 lies below
    // 0.30000000000000004 and falls in the third bin, 0.6 below 0.6000000000000001 likewise.
    const tenths = Float64Array.from({ length: 11 }, (_, i) => i / 10);
    const expected = [1, 1, 2, 0, 1, 2, 1, 0, 1, 2];
    assert.deepEqual(countUniform(tenths, edges, 0, 1), expected);
    assert.deepEqual(countEdges(tenths, edges), expected);
    // One binary search per value: the order of the values does not matter, outsiders are skipped.
    assert.deepEqual(countEdges(Float64Array.from([2, ...tenths]).reverse(), edges), expected);
    assert.deepEqual(
      countUniform(Float64Array.from([-1, 0, 1, 2]), linspace(0, 1, 3), 0, 1),
      [1, 1],
    );
  });
});

describe('rules at rounding boundaries (numpy values)', () => {
  test('SQRT on linspace(0, 123.456, 225) makes 16 bins, not √225 = 15', () => {
    const data = linspace(0, 123.456, 225);
    const { plan, counts } = binned(data, { kind: 'rule', rule: 'SQRT' });
    assert.equal(counts.length, 16);
    assert.equal(plan.binWidth, 7.716);
    assert.deepEqual(counts, [...Array<number>(15).fill(14), 15]);
  });

  test('every rule is one of BIN_RULES and the limit is 1000 bins', () => {
    assert.deepEqual(BIN_RULES, [
      'AUTO',
      'FD',
      'DOANE',
      'SCOTT',
      'STONE',
      'RICE',
      'STURGES',
      'SQRT',
      'INTEGER',
    ]);
    assert.equal(MAX_BINS, 1000);
    assert.equal(LIMITS.maxBins, MAX_BINS);
  });
});

describe('bin widths: edges k·w', () => {
  const table: [string, number[], number, Range | undefined, number[], number[]][] = [
    [
      'multiples covering min and max',
      [0.5, 9.5],
      2.5,
      undefined,
      [0, 2.5, 5, 7.5, 10],
      [1, 0, 0, 1],
    ],
    [
      'max on a multiple closes the last bin',
      [0, 2.5, 10],
      2.5,
      undefined,
      [0, 2.5, 5, 7.5, 10],
      [1, 1, 0, 1],
    ],
    ['negative values', [-3.5, 2], 1, undefined, [-4, -3, -2, -1, 0, 1, 2], [1, 0, 0, 0, 0, 1]],
    ['one value on a multiple: one bin above it', [5, 5], 1, undefined, [5, 6], [2]],
    ['one value between multiples', [5.5], 1, undefined, [5, 6], [1]],
    // 0.3 / 0.1 = 2.9999999999999996 and 3 * 0.1 = 0.30000000000000004 > 0.3.
    ['0.3 is below 3 × 0.1', [0.3], 0.1, undefined, [0.2, 0.30000000000000004], [1]],
    // 0.35 / 0.01 = 35 but 35 * 0.01 = 0.35000000000000003 > 0.35: the first edge is 34 × 0.01.
    ['0.35 is below 35 × 0.01', [0.35], 0.01, undefined, [0.34, 0.35000000000000003], [1]],
    ['a range sets lo and hi', [1, 2, 3, 50], 2, { min: 1.5, max: 4 }, [0, 2, 4], [0, 2]],
  ];
  for (const [name, data, width, range, edges, counts] of table) {
    test(name, () => {
      const result = binned(data, { kind: 'width', width }, range);
      assert.deepEqual(result.edges, edges);
      assert.deepEqual(result.counts, counts);
      assert.equal(result.plan.binWidth, width);
      assert.equal(result.plan.rule, null);
    });
  }

  test('widths that are too small, not positive or overflow are refused', () => {
    assertBadInput(
      () => binned([0, 1e6], { kind: 'width', width: 1e-3 }),
      'bins',
      /1000000000 bins.*at least 1000/,
    );
    assertBadInput(() => binned([0, 1], { kind: 'width', width: 0 }), 'bins', /positive/);
    assertBadInput(() => binned([0, 1], { kind: 'width', width: NaN }), 'bins', /positive/);
    assertBadInput(() => binned([1e300], { kind: 'width', width: 1e-300 }), 'bins', /too small/);
    assertBadInput(() => binned([1e20, 1e20], { kind: 'width', width: 1 }), 'bins', /too small/);
    assertBadInput(
      () => binned([1e308, 1.7e308], { kind: 'width', width: 1.5e308 }),
      'bins',
      /finite/,
    );
    assert.deepEqual(
      binned([1e308, 1.7e308], { kind: 'width', width: 1e307 }).counts,
      [1, 0, 0, 0, 0, 0, 1],
    );
  });
});

describe('INTEGER bins and the default', () => {
  test('INTEGER: one bin per integer, centred', () => {
    const result = binned([1, 3, 3, 6], { kind: 'rule', rule: 'INTEGER' });
    assert.deepEqual(result.edges, [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5]);
    assert.deepEqual(result.counts, [1, 0, 2, 0, 0, 1]);
    assert.equal(result.plan.binWidth, 1);
    assert.equal(result.plan.rule, 'INTEGER');
    const negative = binned([-2, 0], { kind: 'rule', rule: 'INTEGER' }, { min: -2.5, max: 0.5 });
    assert.deepEqual(negative.edges, [-2.5, -1.5, -0.5, 0.5]);
  });

  test('INTEGER refuses fractions, too many bins and integers beyond 2^52', () => {
    assertBadInput(
      () => binned([1, 2.5], { kind: 'rule', rule: 'INTEGER' }),
      'bins',
      /2\.5 is not one/,
    );
    assertBadInput(() => binned([0, 1000], { kind: 'rule', rule: 'INTEGER' }), 'bins', /1001 bins/);
    assert.equal(binned([0, 999], { kind: 'rule', rule: 'INTEGER' }).counts.length, 1000);
    assertBadInput(() => binned([2 ** 53], { kind: 'rule', rule: 'INTEGER' }), 'bins', /2\^52/);
  });

  test('the default is INTEGER up to 200 bins of integers, AUTO otherwise', () => {
    assert.equal(binned([0, 199], undefined).plan.rule, 'INTEGER');
    assert.equal(binned([0, 199], undefined).counts.length, 200);
    assert.equal(binned([0, 200], undefined).plan.rule, 'AUTO');
    assert.equal(binned([0, 0.5], undefined).plan.rule, 'AUTO');
    assert.equal(binned([2 ** 60, 2 ** 60 + 1024], undefined).plan.rule, 'AUTO');
    // numpy: "Too many bins for data range" (2^60 ± 0.5 rounds back to 2^60).
    assertBadInput(() => binned([2 ** 60], undefined), 'data', /give a range/);
    // With a range only the values inside it decide.
    assert.equal(binned([0.5, 3, 4], undefined, { min: 1, max: 10 }).plan.rule, 'INTEGER');
  });
});

describe('counts and explicit edges', () => {
  test('a count must be a whole number from 1 to 1000', () => {
    for (const count of [0, -1, 1.5, 1001, NaN]) {
      assertBadInput(() => binned([1, 2], { kind: 'count', count }), 'bins', /from 1 to 1000/);
    }
    assert.equal(binned([1, 2], { kind: 'count', count: 1000 }).counts.length, 1000);
  });

  test('too many bins for the range of doubles is refused (numpy: "Too many bins")', () => {
    assertBadInput(
      () => binned([1, 1 + 4 * Number.EPSILON], { kind: 'count', count: 10 }),
      'bins',
      /fewer bins/,
    );
  });

  test('explicit edges are checked', () => {
    assertBadInput(() => binned([1], { kind: 'edges', edges: [0] }), 'bins', /between 2 and 1001/);
    assertBadInput(
      () => binned([1], { kind: 'edges', edges: [0, 2, 1] }),
      'bins',
      /strictly increasing/,
    );
    assertBadInput(
      () => binned([1], { kind: 'edges', edges: [0, 1, 1] }),
      'bins',
      /strictly increasing/,
    );
    assertBadInput(() => binned([1], { kind: 'edges', edges: [0, NaN] }), 'bins', /finite/);
    assertBadInput(() => binned([1], { kind: 'edges', edges: [-1e308, 1e308] }), 'bins', /wider/);
    const many = Array.from({ length: 1002 }, (_, i) => i);
    assertBadInput(() => binned([1], { kind: 'edges', edges: many }), 'bins', /got 1002/);
    assertBadInput(
      () => binned([5], { kind: 'edges', edges: [0, 1] }),
      'bins',
      /no value lies inside the bin edges/,
    );
  });

  test('even explicit edges report their width, uneven ones null', () => {
    const tenths = binned([0.1], { kind: 'edges', edges: [0, 0.1, 0.2, 0.30000000000000004] });
    assert.equal(tenths.plan.binWidth, 0.30000000000000004 / 3);
    assert.equal(binned([0.5], { kind: 'edges', edges: [0, 1, 3] }).plan.binWidth, null);
  });

  test('ranges and data are validated', () => {
    assertBadInput(() => binned([1], undefined, { min: 1, max: NaN }), 'range', /not finite/);
    assertBadInput(() => binned([1], undefined, { min: 2, max: 1 }), 'range', /greater/);
    assertBadInput(
      () => binned([1], { kind: 'edges', edges: [5, 6] }, { min: 0, max: 2 }),
      'range',
      /do not overlap/,
    );
    assertBadInput(() => prepareValues([]), 'data', /no values/);
    assertBadInput(
      () => prepareValues([0, NaN]),
      'data',
      /data item 2 is not a finite number \(NaN\)/,
    );
  });
});
