/**
 * numpy's floating-point arithmetic, reproduced operation for operation: `np.linspace`, the
 * counting of `np.histogram`, numpy's pairwise summation and `np.std`, and C's `pow` for the
 * cube roots the rules take. Bin counts at rounding boundaries depend on these details.
 */

/**
 * `np.linspace(start, stop, num, endpoint=True)` as numpy computes it: `arange(num) * step +
 * start` with `step = (stop − start) / (num − 1)` (or `/ div * delta` when the step underflows to
 * zero), and the last element set to `stop`.
 */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const y = new Float64Array(num);
  const div = num - 1;
  const delta = stop - start;
  if (div > 0) {
    const step = delta / div;
    if (step === 0) {
      for (let i = 0; i < num; i++) y[i] = (i / div) * delta + start;
    } else {
      for (let i = 0; i < num; i++) y[i] = i * step + start;
    }
    y[div] = stop;
  } else if (num === 1) {
    y[0] = 0 * delta + start;
  }
  return y;
}

/**
 * numpy's fast path for equal-width bins: index ⌊(x − first) / (last − first) · n⌋, then one step
 * down or up where that disagrees with `edges` by rounding. Values outside [first, last] are
 * skipped; the last bin is closed.
 */
export function countUniform(
  values: Float64Array,
  edges: Float64Array,
  first: number,
  last: number,
): number[] {
  const n = edges.length - 1;
  const counts = new Float64Array(n);
  const denom = last - first;
  for (let j = 0; j < values.length; j++) {
    const x = at(values, j);
    if (!(x >= first && x <= last)) continue;
    let i = Math.trunc(((x - first) / denom) * n);
    if (i === n) i -= 1;
    if (x < at(edges, i)) i -= 1;
    if (x >= at(edges, i + 1) && i !== n - 1) i += 1;
    counts[i] = at(counts, i) + 1;
  }
  return Array.from(counts);
}

/**
 * numpy's general path for explicit edges, `searchsorted` of each edge in the sorted values
 * ('left' for all but the last edge, 'right' for it), done the other way round without sorting:
 * a binary search among the edges for each value. Bins are [a, b) except the last, [a, b]; values
 * outside the edges are skipped.
 */
export function countEdges(values: Float64Array, edges: Float64Array): number[] {
  const n = edges.length - 1;
  const first = at(edges, 0);
  const last = at(edges, n);
  const counts = new Float64Array(n);
  for (let j = 0; j < values.length; j++) {
    const x = at(values, j);
    if (!(x >= first && x <= last)) continue;
    // The last bin i < n whose lower edge is ≤ x: edges[lo] ≤ x throughout, and x < edges[hi]
    // unless hi = n (x on the last edge belongs to the last bin).
    let lo = 0;
    let hi = n;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (at(edges, mid) <= x) lo = mid;
      else hi = mid;
    }
    counts[lo] = at(counts, lo) + 1;
  }
  return Array.from(counts);
}

/** numpy's `np.std(x)` (ddof 0) with numpy's pairwise summation, for the SCOTT and DOANE rules. */
export function numpyStd(x: Float64Array): number {
  const n = x.length;
  const mean = pairwiseSum(x, 0, n) / n;
  const squares = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = at(x, i) - mean;
    squares[i] = d * d;
  }
  return Math.sqrt(pairwiseSum(squares, 0, n) / n);
}

/**
 * numpy's `pairwise_sum` for float64 `add.reduce`: below 8 values a plain loop, up to 128 eight
 * interleaved accumulators, above that split in halves (rounded to a multiple of 8). Bit-for-bit
 * what `np.sum` returns for a contiguous array; the rules need that so that a width landing on a
 * bin-count boundary rounds the way numpy's does.
 */
export function pairwiseSum(a: Float64Array, offset: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += at(a, offset + i);
    return res;
  }
  if (n <= 128) {
    let r0 = at(a, offset);
    let r1 = at(a, offset + 1);
    let r2 = at(a, offset + 2);
    let r3 = at(a, offset + 3);
    let r4 = at(a, offset + 4);
    let r5 = at(a, offset + 5);
    let r6 = at(a, offset + 6);
    let r7 = at(a, offset + 7);
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const p = offset + i;
      r0 += at(a, p);
      r1 += at(a, p + 1);
      r2 += at(a, p + 2);
      r3 += at(a, p + 3);
      r4 += at(a, p + 4);
      r5 += at(a, p + 5);
      r6 += at(a, p + 6);
      r7 += at(a, p + 7);
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += at(a, offset + i);
    return res;
  }
  let n2 = Math.trunc(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, offset, n2) + pairwiseSum(a, offset + n2, n - n2);
}

// Python computes `n ** (1.0 / 3)` with C's pow: glibc's is correctly rounded except within a
// few thousandths of an ulp of a halfway point (1 n in 1000 here), while V8's Math.pow is an ulp
// off for about 1 n in 8. An ulp matters: FD on 1000 values multiplies by 1000 ** (-1/3), which
// is 0.10000000000000002 in C and 0.1 in V8, and `ceil` can turn that ulp into a whole bin. So
// these compute the correctly rounded x^e for e = the double nearest 1/3, exactly 1/3 − 2^-54/3:
// x^e = ∛x · exp(−ln(x)·2^-54/3), with ∛x refined to double-double precision by one Newton step
// whose residual x − c³ is computed exactly (Dekker's product). Valid for 1e-300 < x < 1e300.

/** `x ** (1.0 / 3)` as C's pow (and so Python and numpy) computes it. */
export function powOneThird(x: number): number {
  const [c, correction] = oneThirdPower(x);
  return c + correction;
}

/** `x ** (-1.0 / 3.0)` as C's pow computes it. */
export function powMinusOneThird(x: number): number {
  const [c, correction] = oneThirdPower(x);
  const y = 1 / (c + correction);
  const [p, e] = twoProduct(y, c);
  const residual = 1 - p - e - y * correction; // 1 − y·(c + correction), 1 − p being exact
  return y + y * residual;
}

/** The double x³ nearest the exact cube (numpy's `np.power(z, 3)` rounds about as well). */
export function cubeRounded(z: number): number {
  const [s, t] = twoProduct(z, z);
  const [u, v] = twoProduct(s, z);
  return u + (v + t * z);
}

const THIRD_ERROR_DENOMINATOR = 3 * 2 ** 54;

function oneThirdPower(x: number): [number, number] {
  if (!(x > 1e-300 && x < 1e300)) return [Math.pow(x, 1 / 3), 0];
  const c = Math.cbrt(x);
  const [s, t] = twoProduct(c, c);
  const [u, v] = twoProduct(s, c);
  const residual = x - u - v - t * c; // x − c³; x − u is exact (Sterbenz)
  const step = residual / (3 * c * c); // c + step is ∛x to ~1e-32
  const shrink = Math.log(x) / THIRD_ERROR_DENOMINATOR; // exp(−shrink) ≈ 1 − shrink + shrink²/2
  return [c, step - (c + step) * shrink + (c * shrink * shrink) / 2];
}

const SPLITTER = 134217729; // 2^27 + 1

/** Dekker's exact product: a·b = p + e exactly (no overflow for |a|, |b| < 1e300). */
function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return [p, aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo];
}

/**
 * `values[i]`, which must exist: indices here come from loops over the same array. Float64Array
 * only, on purpose: V8 specialises this helper for the array types it has seen, and once it had
 * also seen plain arrays, the loops that inline it ran up to twice as slow (counting 1,000,000
 * values took 10 to 20 ms instead of 8).
 */
export function at(values: Float64Array, i: number): number {
  const v = values[i];
  if (v === undefined) throw new RangeError(`index ${i} is outside 0..${values.length - 1}`);
  return v;
}
