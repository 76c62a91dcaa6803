/**
 * Control characters (C0, DEL, C1) and the bidirectional embedding, override and isolate marks.
 * Control characters have no glyph and can break layout; U+202E and friends let a title display
 * as different text than it holds ("evil" shown as "live").
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Tabs and line breaks become spaces: a chart title is one line. */
const BREAKS = /[\t\n\r]+/g;

/** Non-characters and unpaired surrogates: no font draws them and XML cannot carry them. */
const INVALID =
  /[\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes characters that must not reach a chart: see {@link UNSAFE}. Other Unicode is kept. */
export function cleanText(text: string): string {
  return text.replace(BREAKS, ' ').replace(UNSAFE, '').replace(INVALID, '');
}
