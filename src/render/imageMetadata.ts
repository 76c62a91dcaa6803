import { chunk } from './encodePng.js';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { escapeXml } from './escapeXml.js';

/** What an image says about itself: the keyword/value pairs written into the file. */
export interface ImageMetadata {
  readonly [keyword: string]: string;
}

/**
 * The keywords chartql writes: PNG's registered ones where they fit, `chartql:` ones for the
 * rest. Both `chartql:` values are JSON.
 */
export const METADATA_KEYWORDS = {
  title: 'Title',
  description: 'Description',
  software: 'Software',
  request: 'chartql:request',
  statistics: 'chartql:statistics',
} as const;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Values of more UTF-8 bytes than this are written compressed. */
const COMPRESS_OVER_BYTES = 1024;
const TEXT_CHUNK_TYPES: ReadonlySet<string> = new Set(['tEXt', 'zTXt', 'iTXt']);
/** Printable Latin-1 and space, PNG's keyword alphabet (no U+00A0). */
const KEYWORD_CHARACTERS = /^[\u0020-\u007e\u00a1-\u00ff]{1,79}$/;
/** Anything XML 1.0 cannot carry, even as a character reference: NUL among them. */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const SVG_OPEN_TAG = /<svg\b(?:[^>"']|"[^"]*"|'[^']*')*>/;
const TITLE_OR_DESC = /^\s*<(title|desc)\b(?:[^>"']|"[^"]*"|'[^']*')*>/;

/**
 * Inserts one iTXt chunk per pair right after IHDR, replacing any text chunk that already holds
 * the same keyword. A value is UTF-8, written compressed (zlib) when over 1 KiB.
 *
 * Throws a plain `Error` for a keyword PNG does not allow (1–79 printable Latin-1 characters, no
 * leading, trailing or double spaces) and for a value holding a character XML 1.0 forbids — NUL,
 * C0 controls other than tab, LF and CR, U+FFFE, U+FFFF or a lone surrogate — rather than
 * escaping it: readers in C cut text at a NUL, and the same pairs must fit an SVG too.
 */
export function withPngMetadata(png: Buffer, metadata: ImageMetadata): Buffer {
  const pairs = validPairs(metadata);
  if (pairs.length === 0) return png;
  const chunks = pngChunks(png);
  const [ihdr, ...rest] = chunks;
  if (ihdr?.type !== 'IHDR') throw new Error('A PNG must begin with its IHDR chunk');
  const replaced = new Set(pairs.map(([keyword]) => keyword));
  const kept = rest.filter((c) => !TEXT_CHUNK_TYPES.has(c.type) || !replaced.has(keywordOf(c)));
  return Buffer.concat([
    SIGNATURE,
    ihdr.bytes,
    ...pairs.map(([keyword, value]) => chunk('iTXt', itxtData(keyword, value))),
    ...kept.map((c) => c.bytes),
  ]);
}

/**
 * Reads back the tEXt, zTXt and iTXt chunks, compressed or not, as keyword → text; where a
 * keyword repeats, the last chunk wins. Throws if the bytes are not a well-formed PNG or a text
 * chunk's CRC is wrong.
 */
export function readPngMetadata(png: Buffer): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const c of pngChunks(png)) {
    if (!TEXT_CHUNK_TYPES.has(c.type)) continue;
    if (crc32(c.bytes.subarray(4, c.bytes.length - 4)) !== c.bytes.readUInt32BE(c.bytes.length - 4))
      throw new Error(`Bad CRC in a ${c.type} chunk`);
    const [keyword, text] = readText(c);
    metadata[keyword] = text;
  }
  return metadata;
}

/**
 * Inserts `<metadata>` right after the opening `<svg …>` tag and after any `<title>` and
 * `<desc>` that follow it. Its content is the pairs as one JSON object, XML-escaped, so that
 * neither `<` (hence no `<script`) nor `]]>` survives in the markup. Values are validated as
 * for {@link withPngMetadata}.
 */
export function withSvgMetadata(svg: string, metadata: ImageMetadata): string {
  const pairs = validPairs(metadata);
  if (pairs.length === 0) return svg;
  const open = SVG_OPEN_TAG.exec(svg);
  if (open === null || open[0].endsWith('/>')) throw new Error('No <svg> element to describe');
  let at = open.index + open[0].length;
  for (let next = TITLE_OR_DESC.exec(svg.slice(at)); next !== null;) {
    const [tag, name = ''] = next;
    at += tag.length;
    if (!tag.endsWith('/>')) {
      const close = svg.indexOf(`</${name}>`, at);
      if (close < 0) throw new Error(`Unclosed <${name}> in the SVG`);
      at = close + `</${name}>`.length;
    }
    next = TITLE_OR_DESC.exec(svg.slice(at));
  }
  const json = JSON.stringify(Object.fromEntries(pairs));
  return `${svg.slice(0, at)}<metadata>${escapeXml(json)}</metadata>${svg.slice(at)}`;
}

function validPairs(metadata: ImageMetadata): [string, string][] {
  const pairs = Object.entries(metadata);
  for (const [keyword, value] of pairs) {
    if (!KEYWORD_CHARACTERS.test(keyword) || /^ | $| {2}/.test(keyword))
      throw new Error(`Not a PNG text keyword: ${JSON.stringify(keyword)}`);
    if (NOT_XML_CHARACTER.test(value))
      throw new Error(`The value of ${keyword} holds a character XML cannot carry`);
  }
  return pairs;
}

/** iTXt data: keyword, NUL, compression flag and method, empty language tag and translated keyword, text. */
function itxtData(keyword: string, value: string): Buffer {
  const text = Buffer.from(value, 'utf8');
  const compressed = text.length > COMPRESS_OVER_BYTES;
  return Buffer.concat([
    Buffer.from(keyword, 'latin1'),
    Buffer.from([0, compressed ? 1 : 0, 0, 0, 0]),
    compressed ? deflateSync(text) : text,
  ]);
}

interface Chunk {
  readonly type: string;
  /** The whole chunk: length, type, data and CRC. */
  readonly bytes: Buffer;
  readonly data: Buffer;
}

/** The chunks up to and including IEND, checking only that each fits in the bytes. */
function pngChunks(png: Buffer): Chunk[] {
  if (png.length < SIGNATURE.length || !png.subarray(0, SIGNATURE.length).equals(SIGNATURE))
    throw new Error('Not a PNG: wrong signature');
  const chunks: Chunk[] = [];
  for (let at = SIGNATURE.length; ;) {
    if (at + 12 > png.length) throw new Error('Truncated PNG: no IEND chunk');
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > png.length) throw new Error('Truncated PNG: a chunk runs past the end');
    const type = png.toString('latin1', at + 4, at + 8);
    chunks.push({ type, bytes: png.subarray(at, end), data: png.subarray(at + 8, end - 4) });
    if (type === 'IEND') return chunks;
    at = end;
  }
}

function keywordOf(c: Chunk): string {
  const nul = c.data.indexOf(0);
  return c.data.toString('latin1', 0, nul < 0 ? c.data.length : nul);
}

function readText(c: Chunk): [keyword: string, text: string] {
  const { data } = c;
  const nul = data.indexOf(0);
  if (nul < 1) throw new Error(`A ${c.type} chunk without a keyword`);
  const keyword = data.toString('latin1', 0, nul);
  switch (c.type) {
    case 'tEXt':
      return [keyword, data.toString('latin1', nul + 1)];
    case 'zTXt':
      assertDeflate(data[nul + 1], c.type);
      return [keyword, inflateSync(data.subarray(nul + 2)).toString('latin1')];
    default: {
      // iTXt: flag, method, then the language tag and translated keyword, each NUL-terminated.
      const flag = data[nul + 1];
      const language = data.indexOf(0, nul + 3);
      const translated = language < 0 ? -1 : data.indexOf(0, language + 1);
      if (translated < 0) throw new Error('A truncated iTXt chunk');
      const text = data.subarray(translated + 1);
      if (flag === 0) return [keyword, text.toString('utf8')];
      if (flag !== 1) throw new Error(`An iTXt chunk with compression flag ${String(flag)}`);
      assertDeflate(data[nul + 2], c.type);
      return [keyword, inflateSync(text).toString('utf8')];
    }
  }
}

function assertDeflate(method: number | undefined, type: string): void {
  if (method !== 0)
    throw new Error(`A ${type} chunk with unknown compression method ${String(method)}`);
}
