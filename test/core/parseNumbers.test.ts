import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDecimal, parseDecimalList, parseWholeNumber } from '../../src/core/parseNumbers.js';
import { assertBadInput } from '../support/assertBadInput.js';

describe('parseDecimal', () => {
  const accepted: [string, number][] = [
    ['3', 3],
    ['-1.5', -1.5],
    ['+2', 2],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['-1.25E-2', -0.0125],
    ['1e-400', 0],
    ['1.7976931348623157e308', Number.MAX_VALUE],
    // Spaces and tabs around a number are accepted: people type "1, 2, 3".
    [' 4 ', 4],
    ['\t5', 5],
  ];
  for (const [text, value] of accepted) {
    test(`accepts ${JSON.stringify(text)} as ${value}`, () => {
      assert.equal(parseDecimal(text, 'data'), value);
    });
  }

  const rejected = [
    'x',
    '0x10',
    '0b101',
    '0o17',
    '1_000',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e999',
    '1 000',
    '１２', // full-width digits
    '1e',
    '--1',
    '.',
    '1,5',
    '1\n',
  ];
  for (const text of rejected) {
    test(`rejects ${JSON.stringify(text)}`, () => {
      assertBadInput(() => parseDecimal(text, 'data'), 'data', /not a plain decimal|too large/);
    });
  }

  test('rejects an empty item and says so', () => {
    assertBadInput(() => parseDecimal('  ', 'data', 'data item 2'), 'data', /data item 2 is empty/);
  });
});

describe('parseDecimalList', () => {
  test('parses comma-separated numbers', () => {
    assert.deepEqual(parseDecimalList('1,1,2, 3 ,-4.5', 'data', 10), [1, 1, 2, 3, -4.5]);
  });

  test('names the first bad item by position', () => {
    assertBadInput(() => parseDecimalList('1,2,x,y', 'data', 10), 'data', /data item 3 \("x"\)/);
  });

  test('rejects empty items between commas', () => {
    assertBadInput(() => parseDecimalList('1,,2', 'data', 10), 'data', /data item 2 is empty/);
    assertBadInput(() => parseDecimalList('1,2,', 'data', 10), 'data', /data item 3 is empty/);
  });

  test('rejects more items than the limit before parsing them', () => {
    assertBadInput(
      () => parseDecimalList('x,'.repeat(10) + 'x', 'data', 10),
      'data',
      /more than 10/,
    );
    assert.equal(parseDecimalList('1,'.repeat(9) + '1', 'data', 10).length, 10);
  });

  test('shortens a long bad item in the message', () => {
    assert.throws(
      () => parseDecimalList('a'.repeat(10_000), 'data', 10),
      (error: unknown) => error instanceof Error && error.message.length < 200,
    );
  });
});

describe('parseWholeNumber', () => {
  test('accepts digits', () => {
    assert.equal(parseWholeNumber('800', 'width'), 800);
  });
  for (const text of ['1.5', '-1', '1e3', '', 'NaN', '0x10', '9'.repeat(16)]) {
    test(`rejects ${JSON.stringify(text)}`, () => {
      assertBadInput(() => parseWholeNumber(text, 'width'), 'width', /whole number/);
    });
  }
});
