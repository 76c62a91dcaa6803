import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_SLICES, pieSlices } from '../../src/core/pieSlices.js';
import type { PieSlice } from '../../src/core/pieSlices.js';
import { compensatedSum } from '../../src/core/statistics.js';
import { assertBadInput } from '../support/assertBadInput.js';

function fractions(slices: readonly PieSlice[]): number[] {
  return slices.map((s) => s.fraction);
}

/** The fractions' sum, compensated so that the check measures them, not the addition. */
function fractionSum(slices: readonly PieSlice[]): number {
  return compensatedSum(Float64Array.from(fractions(slices)));
}

describe('pieSlices: literal reference tables', () => {
  test('labels and values are kept as given, in order, with value / total', () => {
    assert.deepEqual(pieSlices(['Apples', ' Pears, ripe ', ''], [5, 3, 2]), [
      { label: 'Apples', value: 5, fraction: 0.5 },
      { label: ' Pears, ripe ', value: 3, fraction: 0.3 },
      { label: '', value: 2, fraction: 0.2 },
    ]);
  });

  const table: [string, number[], number[]][] = [
    ['one slice', [7], [1]],
    ['a zero slice among positive ones', [0, 1, 3], [0, 0.25, 0.75]],
    ['−0 is a zero slice', [-0, 2], [0, 1]],
    ['thirds', [1, 1, 1], [1 / 3, 1 / 3, 1 / 3]],
    // Added naively Σ = 0.6000000000000001; compensated, 0.6, the double nearest the exact sum.
    ['tenths', [0.1, 0.2, 0.3], [0.1 / 0.6, 0.2 / 0.6, 0.3 / 0.6]],
    // The total, 3.4e308, overflows a double; the values are scaled by 2^-1023 before adding.
    ['values near the largest double', [1.7e308, 1.7e308], [0.5, 0.5]],
    ['subnormal values', [Number.MIN_VALUE, 3 * Number.MIN_VALUE], [0.25, 0.75]],
    // 1e-300 / 1e300 underflows: a share of 1e-600 is no share at all.
    ['a huge and a tiny value', [1e300, 1e-300], [1, 0]],
  ];
  for (const [name, values, expected] of table) {
    test(name, () => {
      const slices = pieSlices(
        values.map((_, i) => `s${i}`),
        values,
      );
      assert.deepEqual(fractions(slices), expected);
      assert.deepEqual(
        slices.map((s) => s.value),
        values.map((v) => (v === 0 ? 0 : v)),
      );
    });
  }

  test('−0 comes out as 0, value and fraction', () => {
    const [zero] = pieSlices(['z', 'a'], [-0, 1]);
    assert.ok(zero);
    assert.ok(Object.is(zero.value, 0) && Object.is(zero.fraction, 0), JSON.stringify(zero));
  });

  const sums: [string, number[]][] = [
    ['tenths', [0.1, 0.2, 0.3]],
    ['1 to 100', Array.from({ length: 100 }, (_, i) => i + 1)],
    ['100 irrational values', Array.from({ length: 100 }, (_, i) => Math.sqrt(i + 2) * 1e-3)],
    ['one large and many small', [1e6, ...Array.from({ length: 99 }, (_, i) => 0.1 * (i + 1))]],
    // Added naively, 1 + 1e-16 is 1 each time: the total is 1e-14 short and Σ fractions 1 + 1e-14.
    ['1 then 99 values of 1e-16', [1, ...Array.from({ length: 99 }, () => 1e-16)]],
    ['magnitudes from 1e-150 to 1e150', Array.from({ length: 31 }, (_, i) => 10 ** (10 * i - 150))],
  ];
  for (const [name, values] of sums) {
    test(`fractions sum to 1 within 1e-15: ${name}`, () => {
      const slices = pieSlices(
        values.map((_, i) => `s${i}`),
        values,
      );
      assert.ok(Math.abs(fractionSum(slices) - 1) <= 1e-15, String(fractionSum(slices)));
      for (const s of slices) assert.ok(s.fraction >= 0 && s.fraction <= 1, String(s.fraction));
    });
  }

  test(`${MAX_SLICES} slices are accepted`, () => {
    assert.equal(MAX_SLICES, 100);
    const values = Array.from({ length: MAX_SLICES }, () => 1);
    const slices = pieSlices(
      values.map((_, i) => `s${i}`),
      values,
    );
    assert.equal(slices.length, 100);
    assert.ok(slices.every((s) => s.fraction === 0.01));
  });
});

describe('pieSlices: bad input', () => {
  const cases: [string, string[], number[], 'labels' | 'values', RegExp][] = [
    [
      'a negative value, named',
      ['a', 'b', 'c'],
      [1, 2, -2],
      'values',
      /^values item 3 \(-2\) is negative/,
    ],
    ['a tiny negative value', ['a', 'b'], [1, -1e-300], 'values', /values item 2 \(-1e-300\)/],
    ['all zeros', ['a', 'b'], [0, 0], 'values', /all zero/],
    ['all zeros, signed', ['a', 'b'], [-0, 0], 'values', /all zero/],
    ['NaN', ['a', 'b'], [1, NaN], 'values', /^values item 2 is not a finite number \(NaN\)$/],
    ['Infinity', ['a'], [Infinity], 'values', /values item 1 is not a finite number \(Infinity\)/],
    ['−Infinity', ['a', 'b'], [-Infinity, 1], 'values', /values item 1 .*\(-Infinity\)/],
    ['no values', [], [], 'values', /no values were given/],
    ['no values but labels', ['a'], [], 'values', /no values were given/],
    ['more labels than values', ['a', 'b', 'c'], [1, 2, 3, 4], 'labels', /^3 labels but 4 values/],
    ['one value, two labels', ['a', 'b'], [1], 'labels', /^2 labels but 1 value;/],
    [
      'fewer labels than values',
      ['a'],
      [1, 2],
      'labels',
      /^1 label but 2 values; give one label per value$/,
    ],
    [
      `more than ${MAX_SLICES} slices`,
      Array.from({ length: 101 }, () => 'x'),
      Array.from({ length: 101 }, () => 1),
      'values',
      /^101 values were given; a pie has at most 100 slices$/,
    ],
  ];
  for (const [name, labels, values, param, message] of cases) {
    test(name, () => {
      assertBadInput(() => pieSlices(labels, values), param, message);
    });
  }
});
