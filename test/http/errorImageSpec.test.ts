import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChartqlError } from '../../src/errors.js';
import { errorImageSpec, wrap } from '../../src/http/errorImage.js';

describe('wrap', () => {
  test('words fill lines up to the width', () => {
    assert.deepEqual(wrap('data is required, e.g. data=1,2,3', 12, 5), [
      'data is',
      'required,',
      'e.g.',
      'data=1,2,3',
    ]);
  });

  test('a word longer than a line is cut', () => {
    assert.deepEqual(wrap('abcdefghij', 4, 5), ['abcd', 'efgh', 'ij']);
  });

  test('too many lines: the last kept line ends with an ellipsis', () => {
    assert.deepEqual(wrap('aa bb cc dd', 2, 2), ['aa', 'b…']);
  });

  test('no words, no lines', () => {
    assert.deepEqual(wrap('  ', 10, 3), []);
  });
});

describe('errorImageSpec', () => {
  test('says what went wrong, with the status, code and parameter', () => {
    const spec = errorImageSpec(
      new ChartqlError('BAD_USER_INPUT', '"abc" (value 3) is not a number', 'data'),
      'png',
      'dark',
    );
    assert.equal(spec.kind, 'message');
    assert.equal(spec.lines.at(-1), '400 BAD_USER_INPUT · parameter data');
    assert.equal(spec.lines[0], '"abc" (value 3) is not a number');
    assert.equal(spec.theme, 'dark');
    assert.equal(spec.format, 'png');
    assert.equal(spec.height, 64 + 20 * spec.lines.length);
    assert.match(spec.altText, /is not a number \(BAD_USER_INPUT\)$/);
  });

  test('strips control and bidirectional characters from the message', () => {
    const spec = errorImageSpec(
      new ChartqlError('BAD_USER_INPUT', 'bad \u202Elive\u0000 value'),
      'svg',
      'light',
    );
    assert.equal(spec.lines[0], 'bad live value');
  });

  test('a long message stays within six lines', () => {
    const spec = errorImageSpec(
      new ChartqlError('BAD_USER_INPUT', 'word '.repeat(500)),
      'png',
      'light',
    );
    assert.equal(spec.lines.length, 6);
    assert.ok(spec.lines.every((line) => line.length <= 56));
  });
});
