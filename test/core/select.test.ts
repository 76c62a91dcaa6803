import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { orderStatistics, selectInPlace } from '../../src/core/select.js';

/** mulberry32: deterministic uniforms in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Arrays of length n in shapes that trouble selection: distinct, few distinct, ordered, equal. */
function shapes(n: number, seed: number): [string, Float64Array][] {
  const next = random(seed);
  const distinct = Float64Array.from({ length: n }, () => next() * 2e6 - 1e6);
  return [
    ['distinct', distinct],
    ['three distinct values', Float64Array.from({ length: n }, () => Math.floor(next() * 3) - 1)],
    ['ascending', distinct.slice().sort()],
    ['descending', distinct.slice().sort().reverse()],
    ['all equal', new Float64Array(n).fill(0.1)],
    ['organ pipe', Float64Array.from({ length: n }, (_, i) => Math.min(i, n - 1 - i))],
    [
      'tiny and huge',
      Float64Array.from({ length: n }, () => (next() - 0.5) * 10 ** (600 * next() - 300)),
    ],
  ];
}

/** a[k] is sorted[k], nothing before it is larger, nothing after smaller, and a is a permutation. */
function assertSelected(a: Float64Array, k: number, sorted: Float64Array, what: string): void {
  assert.equal(a[k], sorted[k], `${what}: value at ${k}`);
  const pivot = sorted[k] ?? NaN;
  for (let i = 0; i < k; i++) assert.ok((a[i] ?? NaN) <= pivot, `${what}: a[${i}] > a[${k}]`);
  for (let i = k + 1; i < a.length; i++)
    assert.ok((a[i] ?? NaN) >= pivot, `${what}: a[${i}] < a[${k}]`);
  assert.deepEqual(a.slice().sort(), sorted, `${what}: a permutation of the input`);
}

describe('selectInPlace', () => {
  test('every position of every shape, sizes 1 to 40', () => {
    for (let n = 1; n <= 40; n++) {
      for (const [shape, values] of shapes(n, n)) {
        const sorted = values.slice().sort();
        for (let k = 0; k < n; k++) {
          const a = values.slice();
          selectInPlace(a, k);
          assertSelected(a, k, sorted, `${shape}, n ${n}, k ${k}`);
        }
      }
    }
  });

  test('large arrays, where a sample is partitioned first (more than 600 values)', () => {
    for (const n of [601, 1000, 4097, 50_000]) {
      for (const [shape, values] of shapes(n, 7 * n)) {
        const sorted = values.slice().sort();
        for (const k of [0, 1, Math.floor(n / 4), Math.floor(n / 2), n - 2, n - 1]) {
          const a = values.slice();
          selectInPlace(a, k);
          assertSelected(a, k, sorted, `${shape}, n ${n}, k ${k}`);
        }
      }
    }
  });

  test('only [left, right] is rearranged', () => {
    const values = Float64Array.from([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    const a = values.slice();
    selectInPlace(a, 4, 2, 7);
    assert.deepEqual(Array.from(a.subarray(0, 2)), [9, 8]);
    assert.deepEqual(Array.from(a.subarray(8)), [1, 0]);
    assert.equal(a[4], 4); // the third smallest of 7, 6, 5, 4, 3, 2
    assert.deepEqual(Array.from(a.subarray(2, 8)).sort(), [2, 3, 4, 5, 6, 7]);
  });

  test('with its budget used up it sorts the rest, still correct', () => {
    for (const budget of [0, 1, 2]) {
      for (const [shape, values] of shapes(2000, budget + 1)) {
        const sorted = values.slice().sort();
        for (const k of [3, 1000, 1996]) {
          const a = values.slice();
          selectInPlace(a, k, 0, a.length - 1, budget);
          assertSelected(a, k, sorted, `${shape}, budget ${budget}, k ${k}`);
        }
      }
    }
  });

  test('positions outside the range are refused', () => {
    const a = Float64Array.from([1, 2, 3]);
    for (const [k, left, right] of [
      [3, 0, 2],
      [-1, 0, 2],
      [1.5, 0, 2],
      [0, 1, 2],
      [1, 0, 3],
    ] as const) {
      assert.throws(
        () => {
          selectInPlace(a, k, left, right);
        },
        RangeError,
        `position ${k} of ${left}..${right}`,
      );
    }
    assert.deepEqual(Array.from(a), [1, 2, 3]);
  });
});

describe('orderStatistics', () => {
  test('the values a sort would put at the positions asked, in the order asked', () => {
    for (const n of [1, 2, 3, 10, 999, 10_000]) {
      for (const [shape, values] of shapes(n, 31 * n)) {
        const before = values.slice();
        const sorted = values.slice().sort();
        const last = n - 1;
        const half = Math.floor(n / 2);
        const ks = [half, 0, last, Math.floor(n / 4), half, Math.min(last, half + 1), last];
        const expected = ks.map((k) => sorted[k]);
        assert.deepEqual(Array.from(orderStatistics(values, ks)), expected, `${shape}, n ${n}`);
        assert.deepEqual(values, before, `${shape}, n ${n}: the input is left as it was`);
      }
    }
  });

  test('every position at once is a sort', () => {
    const [, values] = shapes(300, 5)[0] ?? ['', new Float64Array(0)];
    const all = Array.from({ length: values.length }, (_, i) => i);
    assert.deepEqual(orderStatistics(values, all), values.slice().sort());
    assert.deepEqual(Array.from(orderStatistics(values, [])), []);
  });

  test('a position past the end is refused', () => {
    assert.throws(() => orderStatistics(Float64Array.from([1, 2]), [2]), RangeError);
  });
});
