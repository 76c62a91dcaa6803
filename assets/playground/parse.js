// Reading what people paste into the playground. Pure functions: no DOM, no network.

/** The service's plain decimal: sign, digits, optional fraction and exponent (no hex, no NaN). */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Commas and any white space (spaces, tabs, line breaks, no-break spaces) separate values. */
const SEPARATORS = /[\s,]+/u;

/** Quotes a piece of user text for a message, shortened so a pasted page is not echoed back. */
export function quote(text) {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * Reads one number as the service does. Typographic minus signs (as copied from documents) count
 * as minus. Returns `{ value }` or `{ problem }`, the problem phrased to follow the quoted text.
 */
export function readNumber(text) {
  const item = text.trim().replace(/[\u2212\u2012\u2013]/gu, '-');
  if (!DECIMAL.test(item)) return { problem: 'is not a number' };
  const value = Number(item);
  if (!Number.isFinite(value)) return { problem: 'is too large' };
  return { value };
}

/**
 * Reads a list of numbers separated by commas, spaces, tabs or line breaks: a typed list, a row
 * or a column copied from a spreadsheet. Empty items (`1,,2`, a trailing line break) are skipped.
 * Returns `{ values }`, or `{ error }` naming the first value that is not a number.
 */
export function parseNumbers(text) {
  const items = text.split(SEPARATORS).filter((item) => item !== '');
  if (items.length === 0) return { error: 'Enter at least one number.' };
  const values = [];
  for (const [index, item] of items.entries()) {
    const { value, problem } = readNumber(item);
    if (problem !== undefined) return { error: `${quote(item)} (value ${index + 1}) ${problem}` };
    values.push(value);
  }
  return { values };
}

/**
 * Reads labels: one per line when there are several lines (a spreadsheet column, so a label may
 * hold commas), else separated by tabs (a spreadsheet row), else by commas. Blank items are
 * skipped.
 */
export function parseLabels(text) {
  const separator = /[\r\n]/u.test(text.trim()) ? /\r\n|\r|\n/u : text.includes('\t') ? '\t' : ',';
  const labels = text
    .split(separator)
    .map((label) => label.trim())
    .filter((label) => label !== '');
  if (labels.length === 0) return { error: 'Enter at least one label.' };
  return { labels };
}

/** A whole number such as an image side or a bin count; blank means "not given". */
export function parseWhole(text, what) {
  const item = text.trim();
  if (item === '') return {};
  if (!/^\d{1,15}$/u.test(item))
    return { error: `${what} (${quote(item)}) must be a whole number` };
  return { value: Number(item) };
}
