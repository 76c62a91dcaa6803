import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatTick } from '../../src/render/formatTick.js';

describe('formatTick', () => {
  const table: [number, number, string][] = [
    [0, 1, '0'],
    [3, 1, '3'],
    [2.5, 0.5, '2.5'],
    [2, 0.5, '2.0'],
    [-1.25, 0.25, '-1.25'],
    [120, 20, '120'],
    [0.0003, 0.0001, '0.0003'],
    [1e-300, 5e-301, '1e-300'],
    [1.5e-300, 5e-301, '1.5e-300'],
    [2e150, 5e149, '2e+150'],
    [2.5e150, 5e149, '2.5e+150'],
    [1234567, 1, '1.234567e+6'],
    [1, 2e-16, '1.000000000000000'],
    [5, 0, '5'],
  ];
  for (const [value, step, expected] of table) {
    test(`${value} with ticks ${step} apart → ${expected}`, () => {
      assert.equal(formatTick(value, step), expected);
    });
  }
});
