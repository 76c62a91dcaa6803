import { badInput } from '../errors.js';

/**
 * A plain decimal number: optional sign, digits with an optional fraction, optional exponent.
 * Hex (`0x10`), binary, octal, digit separators (`1_000`), `NaN`, `Infinity` and full-width
 * digits are not plain decimals and are rejected, unlike `Number()` which accepts several.
 */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Spaces and tabs around an item are accepted (`1, 2, 3` is how people type lists, and `+` in a
 * query string decodes to a space); anything else, including spaces inside a number, is not.
 */
const SURROUNDING_BLANKS = /^[ \t]+|[ \t]+$/g;

/** Parses one plain decimal number; `what` names it in the error message. */
export function parseDecimal(text: string, param: string, what: string = param): number {
  const item = text.replace(SURROUNDING_BLANKS, '');
  if (item === '') {
    throw badInput(param, `${what} is empty; expected a decimal number such as 3 or -1.5e3`);
  }
  if (!DECIMAL.test(item)) {
    throw badInput(param, `${what} (${quote(item)}) is not a plain decimal number`);
  }
  const value = Number(item);
  if (!Number.isFinite(value)) {
    throw badInput(param, `${what} (${quote(item)}) is too large for a 64-bit float`);
  }
  return value;
}

/**
 * Parses a comma-separated list of plain decimal numbers, naming the first bad item. The item
 * count is checked before anything is parsed, so an oversized list costs one scan of the text.
 */
export function parseDecimalList(text: string, param: string, maxItems: number): number[] {
  let items = 1;
  for (let i = text.indexOf(','); i !== -1; i = text.indexOf(',', i + 1)) {
    items += 1;
    if (items > maxItems) {
      throw badInput(
        param,
        `${param} has more than ${maxItems} values; at most ${maxItems} are allowed`,
      );
    }
  }
  return text
    .split(',')
    .map((item, index) => parseDecimal(item, param, `${param} item ${index + 1}`));
}

/** Parses a whole number written with digits only (no sign, fraction or exponent). */
export function parseWholeNumber(text: string, param: string): number {
  const item = text.replace(SURROUNDING_BLANKS, '');
  if (!/^\d{1,15}$/.test(item)) {
    throw badInput(param, `${param} (${quote(item)}) must be a whole number`);
  }
  return Number(item);
}

/** Quotes user text for an error message, shortened so a huge input is not echoed back. */
export function quote(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(shown);
}
