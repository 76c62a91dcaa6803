import assert from 'node:assert/strict';

/** |actual − expected| ≤ rel·|expected| + abs; null only matches null. */
export function assertClose(
  actual: number | null,
  expected: number | null,
  rel: number,
  abs: number,
  what: string,
): void {
  if (expected === null || actual === null) {
    assert.equal(actual, expected, `${what}: got ${String(actual)}, expected ${String(expected)}`);
    return;
  }
  const tolerance = rel * Math.abs(expected) + abs;
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: got ${actual}, expected ${expected} (|difference| ${Math.abs(actual - expected)} > ${tolerance})`,
  );
}
