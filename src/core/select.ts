/**
 * Order statistics by selection: the value a sort would put at position k, in O(n) expected time
 * instead of a sort's O(n log n). Values must not be NaN (the core only sees finite numbers).
 */
import { at } from './numpyMath.js';

/** Floyd and Rivest's constant: partition a sample first when more than this many remain. */
const SAMPLE_ABOVE = 600;

/**
 * Rearranges `a[left..right]` so that `a[k]` holds the value a sort would put there, no value
 * before it is larger and no value after it is smaller (Floyd–Rivest selection). After `budget`
 * partitioning rounds (default: twice the rounds halving would take, plus 16) the rest of the
 * range is sorted instead, so that no input can make it quadratic. Random data never gets there;
 * patterned data (organ pipes) sometimes does on a small range, where the sort is cheap.
 */
export function selectInPlace(
  a: Float64Array,
  k: number,
  left = 0,
  right = a.length - 1,
  budget = defaultBudget(right - left + 1),
): void {
  if (!(Number.isInteger(k) && left <= k && k <= right && left >= 0 && right < a.length)) {
    throw new RangeError(`cannot select position ${k} of ${left}..${right} in ${a.length} values`);
  }
  if (k === left) moveExtreme(a, left, right, -1);
  else if (k === right) moveExtreme(a, left, right, 1);
  else floydRivest(a, k, left, right, budget);
}

/**
 * The values at sorted positions `ks` (any order, repeats allowed) of `values`, which is left as it
 * was: the selection works on one copy, each position narrowing the range for the next.
 */
export function orderStatistics(values: Float64Array, ks: readonly number[]): Float64Array {
  const positions = [...new Set(ks)].sort((x, y) => x - y);
  const work = values.slice();
  const found = new Map<number, number>();
  const selectAll = (from: number, to: number, left: number, right: number): void => {
    if (from > to) return;
    const middle = (from + to) >>> 1;
    const k = positions[middle];
    if (k === undefined) throw new RangeError(`no position ${middle}`);
    selectInPlace(work, k, left, right);
    found.set(k, at(work, k));
    selectAll(from, middle - 1, left, k - 1);
    selectAll(middle + 1, to, k + 1, right);
  };
  selectAll(0, positions.length - 1, 0, work.length - 1);
  return Float64Array.from(ks, (k) => {
    const v = found.get(k);
    if (v === undefined) throw new Error(`position ${k} was not selected`);
    return v;
  });
}

function defaultBudget(n: number): number {
  return 2 * Math.ceil(Math.log2(n + 1)) + 16;
}

/** Puts the smallest (direction −1) or largest (+1) value of `a[left..right]` at its end. */
function moveExtreme(a: Float64Array, left: number, right: number, direction: -1 | 1): void {
  const target = direction < 0 ? left : right;
  let best = target;
  for (let i = left; i <= right; i++) {
    const v = at(a, i);
    if (direction < 0 ? v < at(a, best) : v > at(a, best)) best = i;
  }
  swap(a, target, best);
}

function floydRivest(a: Float64Array, k: number, left: number, right: number, budget: number) {
  while (right > left) {
    if (budget-- <= 0) {
      a.subarray(left, right + 1).sort();
      return;
    }
    if (right - left > SAMPLE_ABOVE) {
      // Select k's counterpart in a sample around k first, so the pivot below lands close to k.
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const sampleLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const sampleRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      floydRivest(a, k, sampleLeft, sampleRight, defaultBudget(sampleRight - sampleLeft + 1));
    }
    // Partition around t = a[k]; values equal to t may end on either side, which keeps long runs
    // of duplicates balanced.
    const t = at(a, k);
    let i = left;
    let j = right;
    swap(a, left, k);
    if (at(a, right) > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (at(a, i) < t) i++;
      while (at(a, j) > t) j--;
    }
    if (at(a, left) === t) {
      swap(a, left, j);
    } else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const v = at(a, i);
  a[i] = at(a, j);
  a[j] = v;
}
