import { badInput } from '../errors.js';

/** Most slices in one pie. */
export const MAX_SLICES = 100;

/** One slice of a pie: its label and value as given, and its share of the total. */
export interface PieSlice {
  label: string;
  value: number;
  /** value / total, where total is the compensated sum of the values. */
  fraction: number;
}

/**
 * The slices of a pie, in the order given. Labels are used as given (the caller cleans them).
 * Throws `badInput('labels', …)` when there are not as many labels as values, and
 * `badInput('values', …)` for no values, more than `MAX_SLICES`, a value that is negative or
 * not finite, or values that are all zero. A zero slice among positive ones is allowed.
 *
 * The values are divided by a power of two near the largest before they are added: the division
 * is exact, so fractions come out the same, but a total of values near 1e308 cannot overflow.
 */
export function pieSlices(labels: readonly string[], values: readonly number[]): PieSlice[] {
  if (values.length === 0) {
    throw badInput('values', 'no values were given; a pie needs at least one slice');
  }
  if (values.length > MAX_SLICES) {
    throw badInput(
      'values',
      `${values.length} values were given; a pie has at most ${MAX_SLICES} slices`,
    );
  }
  if (labels.length !== values.length) {
    throw badInput(
      'labels',
      `${count(labels.length, 'label')} but ${count(values.length, 'value')}; give one label per value`,
    );
  }
  let largest = 0;
  for (const [i, v] of values.entries()) {
    if (!Number.isFinite(v)) {
      throw badInput('values', `values item ${i + 1} is not a finite number (${String(v)})`);
    }
    if (v < 0) {
      throw badInput('values', `values item ${i + 1} (${v}) is negative; a slice needs 0 or more`);
    }
    largest = Math.max(largest, v);
  }
  if (largest === 0) {
    throw badInput('values', 'the values are all zero; at least one must be positive');
  }
  const scale = 2 ** Math.min(1023, Math.max(-1074, Math.round(Math.log2(largest))));
  let total = 0;
  let compensation = 0;
  for (const v of values) {
    const scaled = v / scale;
    const t = total + scaled;
    compensation += total >= scaled ? total - t + scaled : scaled - t + total;
    total = t;
  }
  total += compensation;
  return values.map((v, i) => {
    // −0 is a zero slice like 0: a share has no sign to show.
    const value = v === 0 ? 0 : v;
    return { label: labels[i] ?? '', value, fraction: value / scale / total };
  });
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
