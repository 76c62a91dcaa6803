import assert from 'node:assert/strict';
import { ChartqlError } from '../../src/errors.js';

/** Asserts that `fn` throws BAD_USER_INPUT naming `param`, with a message matching `message`. */
export function assertBadInput(fn: () => unknown, param: string, message?: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof ChartqlError, `expected a ChartqlError, got ${String(error)}`);
    assert.equal(error.code, 'BAD_USER_INPUT');
    assert.equal(error.param, param, `param of "${error.message}"`);
    if (message) assert.match(error.message, message);
    return true;
  });
}
