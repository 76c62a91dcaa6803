import type { Canvas } from 'canvas';
import { constants, crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOUR_TYPE_RGB = 2;
const COLOUR_TYPE_RGBA = 6;
const FILTER_PAETH = 4;
const HIGH_BITS = 0x80808080;
const LOW_BITS = 0x7f7f7f7f;
/** The smallest pixel word with alpha 255. */
const OPAQUE = 0xff000000;

/**
 * Encodes a canvas as a PNG: every row Paeth-filtered, then zlib's run-length strategy. Charts
 * are flat colour, so filtered rows are mostly runs of zeros. The pixels decode exactly as those
 * of cairo's own PNG; canvases other than 32-bit image ones are left to cairo's encoder.
 *
 * `bench/encoding.ts`, three 800×600 charts, medians on a shared 2-core machine (the table is in
 * bench/README.md): 3.0–5.0 ms where cairo's default encoder takes 15–23 ms, at 0.91–0.96× its
 * bytes.
 *
 * It runs synchronously: the filtering is JavaScript and cannot leave this thread, and handing
 * the ~1 ms of compression to libuv's pool measured about 0.5 ms slower end to end. Renders run
 * in dedicated processes that have nothing else to do meanwhile.
 */
export function encodePng(canvas: Canvas): Promise<Buffer> {
  if (canvas.type !== 'image' || pixelFormat(canvas) !== 'RGBA32') return encodeWithCairo(canvas);
  // A throw in the executor rejects the promise.
  return new Promise((resolve) => {
    resolve(encodeRgba32(canvas));
  });
}

function encodeRgba32(canvas: Canvas): Buffer {
  const { width, height } = canvas;
  const { words, rowWords } = pixelWords(canvas);
  const rgb = paethScanlines(words, width, height, rowWords, 3);
  const channels = rgb === undefined ? 4 : 3;
  const scanlines = rgb ?? paethScanlines(unpremultiply(words), width, height, rowWords, 4);
  // Z_RLE looks only for repeats of the previous byte: fast, and all that these rows need.
  const idat = deflateSync(scanlines, { strategy: constants.Z_RLE });
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = channels === 3 ? COLOUR_TYPE_RGB : COLOUR_TYPE_RGBA;
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function pixelFormat(canvas: Canvas): unknown {
  // node-canvas has this getter but does not declare it.
  return (canvas.getContext('2d') as unknown as { pixelFormat?: unknown }).pixelFormat;
}

function encodeWithCairo(canvas: Canvas): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    canvas.toBuffer((error, bytes) => {
      if (error) reject(error);
      else resolve(bytes);
    }, 'image/png');
  });
}

/**
 * A copy of cairo's pixels: native-endian 32-bit words `A << 24 | R << 16 | G << 8 | B`, with
 * the colour premultiplied by alpha, and `rowWords` words from one row to the next.
 */
function pixelWords(canvas: Canvas): { words: Uint32Array; rowWords: number } {
  const raw = canvas.toBuffer('raw');
  const aligned = raw.byteOffset % 4 === 0 ? raw : Buffer.from(raw);
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length >>> 2);
  return { words, rowWords: canvas.stride >>> 2 };
}

/** Un-premultiplies colour in place, rounding as node-canvas's own PNG writer does. */
function unpremultiply(words: Uint32Array): Uint32Array {
  for (let i = 0; i < words.length; i++) {
    const pixel = words[i] ?? 0;
    const alpha = pixel >>> 24;
    if (alpha === 255) continue;
    const half = alpha >>> 1;
    const straight = (channel: number) =>
      alpha === 0 ? 0 : Math.floor((((pixel >>> channel) & 255) * 255 + half) / alpha) << channel;
    words[i] = ((alpha << 24) | straight(16) | straight(8) | straight(0)) >>> 0;
  }
  return words;
}

/**
 * PNG scanlines of R G B (A) bytes, every row Paeth-filtered; undefined when RGB was asked for
 * and a pixel is not opaque.
 */
function paethScanlines(
  words: Uint32Array,
  width: number,
  height: number,
  rowWords: number,
  channels: 3,
): Buffer | undefined;
function paethScanlines(
  words: Uint32Array,
  width: number,
  height: number,
  rowWords: number,
  channels: 4,
): Buffer;
function paethScanlines(
  words: Uint32Array,
  width: number,
  height: number,
  rowWords: number,
  channels: 3 | 4,
): Buffer | undefined {
  // Zeroed, so that the many pixels whose filtered value is 0 need no writes.
  const out = Buffer.alloc(height * (1 + width * channels));
  let o = 0;
  for (let y = 0; y < height; y++) {
    out[o++] = FILTER_PAETH;
    const upStep = y > 0 ? rowWords : 0;
    let left = 0;
    let upLeft = 0;
    for (let i = y * rowWords, end = i + width; i < end; i++) {
      const current = words[i] ?? 0;
      if (channels === 3 && current < OPAQUE) return undefined;
      const up = upStep > 0 ? (words[i - upStep] ?? 0) : 0;
      // Where left equals up-left, Paeth predicts up; where up equals up-left, it predicts left.
      // Both are byte-wise subtractions done on the whole word; most chart pixels take one.
      const d =
        left === upLeft
          ? subtractBytes(current, up)
          : up === upLeft
            ? subtractBytes(current, left)
            : paethBytes(current, left, up, upLeft);
      if (d !== 0) {
        out[o] = d >>> 16;
        out[o + 1] = d >>> 8;
        out[o + 2] = d;
        if (channels === 4) out[o + 3] = d >>> 24;
      }
      o += channels;
      left = current;
      upLeft = up;
    }
  }
  return out;
}

/** Each byte of `a` minus the same byte of `b`, modulo 256, without borrows between bytes. */
export function subtractBytes(a: number, b: number): number {
  return ((a | HIGH_BITS) - (b & LOW_BITS)) ^ ((a ^ ~b) & HIGH_BITS);
}

/** PNG's Paeth filter on the four bytes of a pixel word at once. */
export function paethBytes(current: number, left: number, up: number, upLeft: number): number {
  let d = 0;
  for (let shift = 0; shift < 32; shift += 8) {
    const a = (left >>> shift) & 255;
    const b = (up >>> shift) & 255;
    const c = (upLeft >>> shift) & 255;
    const pa = Math.abs(b - c);
    const pb = Math.abs(a - c);
    const pc = Math.abs(a + b - 2 * c);
    const predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    d |= (((current >>> shift) - predicted) & 255) << shift;
  }
  return d;
}

/** One PNG chunk: length, type, data and the CRC of type and data. */
export function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.allocUnsafe(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
