import { parse as parseQuery } from 'node:querystring';
import { LIMITS } from './limits.js';
import { badInput } from '../errors.js';
import { IMAGE_FORMATS, MAX_SERIES, THEMES, type ImageArgs } from './histogramSpec.js';
import { parseDecimal, parseWholeNumber, quote } from './parseNumbers.js';

type Query = Readonly<Record<string, unknown>>;

/**
 * A URL's query string as parameters: a repeated name gives an array. More than
 * `LIMITS.maxQueryParameters` parameters are refused rather than some silently dropped (Node's
 * parser would keep only the first thousand).
 */
export function parseQueryString(text: string): Record<string, string | string[]> {
  const limit = LIMITS.maxQueryParameters;
  const query = parseQuery(text, '&', '=', { maxKeys: limit + 1 });
  let count = 0;
  for (const value of Object.values(query)) count += Array.isArray(value) ? value.length : 1;
  if (count > limit) {
    throw badInput('query', `a request takes at most ${limit} query parameters`);
  }
  return query as Record<string, string | string[]>;
}

/** A parameter given once, as text. Express turns a repeated parameter into an array. */
export function queryText(query: Query, param: string): string | undefined {
  const value = query[param];
  if (value === undefined || typeof value === 'string') return value;
  throw badInput(param, `${param} is given more than once; give it once`);
}

/** A parameter that must be present and not empty. */
export function requiredText(query: Query, param: string, example: string): string {
  const text = queryText(query, param);
  if (text === undefined || text.trim() === '') {
    throw badInput(param, `${param} is required, e.g. ${example}`);
  }
  return text;
}

/** `width`, `height` and `format`, the image parameters every chart route takes. */
export function imageArgsFromQuery(query: Query): ImageArgs {
  const width = queryText(query, 'width');
  const height = queryText(query, 'height');
  const format = queryText(query, 'format');
  const ratio = queryText(query, 'devicePixelRatio');
  const theme = queryText(query, 'theme');
  const palette = queryText(query, 'palette');
  return {
    width: width === undefined ? undefined : parseWholeNumber(width, 'width'),
    height: height === undefined ? undefined : parseWholeNumber(height, 'height'),
    format: format === undefined ? undefined : decodeName(format, 'format', IMAGE_FORMATS),
    devicePixelRatio: ratio === undefined ? undefined : parseDecimal(ratio, 'devicePixelRatio'),
    theme: theme === undefined ? undefined : decodeName(theme, 'theme', THEMES),
    // `#` must be escaped in a URL, so `palette=1f77b4,ff7f0e` is accepted as well.
    palette:
      palette === undefined
        ? undefined
        : palette.split(',').map((colour) => {
            const trimmed = colour.trim();
            return trimmed.startsWith('#') ? trimmed : `#${trimmed}`;
          }),
  };
}

/** `true`/`false` (also `1`/`0`, `yes`/`no`), any case; undefined when absent. */
export function queryBoolean(query: Query, param: string): boolean | undefined {
  const text = queryText(query, param)?.trim().toLowerCase();
  if (text === undefined) return undefined;
  if (['true', '1', 'yes', ''].includes(text)) return true;
  if (['false', '0', 'no'].includes(text)) return false;
  throw badInput(param, `${param} (${quote(text)}) must be true or false`);
}

/**
 * Splits a comma-separated list in which `\,` is a literal comma and `\\` a literal backslash,
 * so that labels may hold any character.
 */
export function splitEscaped(text: string, param: string, maxItems: number): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '\\') {
      const next = text.charAt(i + 1);
      if (next !== ',' && next !== '\\') {
        throw badInput(
          param,
          `${param}: a backslash must be followed by , or \\ (at character ${i + 1})`,
        );
      }
      current += next;
      i++;
    } else if (char === ',') {
      items.push(current);
      current = '';
      if (items.length >= maxItems) {
        throw badInput(param, `${param} has more than ${maxItems} items`);
      }
    } else {
      current += char;
    }
  }
  items.push(current);
  return items;
}

/**
 * `Men:…|Women:…`: entries separated by `|`, each a label, a `:` and its values (left as text for
 * the caller). In a label, `\\|`, `\\:` and `\\\\` stand for `|`, `:` and `\\`, so a label may
 * hold any text.
 */
export function decodeSeriesEntries(text: string): { label: string; values: string }[] {
  const entries: { label: string; values: string }[] = [];
  let label = '';
  let inLabel = true;
  let start = 0;
  const finish = (end: number) => {
    if (inLabel) {
      throw badInput(
        'series',
        `series item ${entries.length + 1} has no ":" between its label and its values`,
      );
    }
    entries.push({ label, values: text.slice(start, end) });
    if (entries.length > MAX_SERIES) {
      throw badInput('series', `series has more than ${MAX_SERIES} series`);
    }
    label = '';
    inLabel = true;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (inLabel && char === '\\') {
      const next = text.charAt(i + 1);
      if (next !== '|' && next !== ':' && next !== '\\') {
        throw badInput('series', 'series: a backslash in a label must come before |, : or \\');
      }
      label += next;
      i++;
    } else if (inLabel && char === ':') {
      inLabel = false;
      start = i + 1;
    } else if (char === '|') {
      finish(i);
    } else if (inLabel) {
      label += char;
    }
  }
  finish(text.length);
  return entries;
}

/**
 * One of a fixed set of names, matched ignoring case, `_` and `-`, so `sideBySide`,
 * `SIDE_BY_SIDE` and `side-by-side` all name the same layout.
 */
export function decodeName<T extends string>(text: string, param: string, names: readonly T[]): T {
  const fold = (name: string) => name.trim().toLowerCase().replace(/[_-]/g, '');
  const known = names.find((name) => fold(name) === fold(text));
  if (known === undefined) {
    throw badInput(param, `${param} (${quote(text)}) must be one of ${names.join(', ')}`);
  }
  return known;
}
