import { MIME_TYPES, type ImageMimeType, type RenderedImage } from '../render/chartSpec.js';

/** The layout of a stored image; a value of another layout reads as a miss, never as garbage. */
const FORMAT = 1;
const NEWLINE = 0x0a;
/** A header is a few dozen bytes; a value without a newline this early is not an image entry. */
const MAX_HEADER_BYTES = 256;
const MIME_TYPE_VALUES: readonly string[] = Object.values(MIME_TYPES);

interface ImageHeader {
  readonly v: number;
  readonly mimeType: ImageMimeType;
  readonly width: number;
  readonly height: number;
}

/**
 * A rendered image as one binary-safe value: a one-line JSON header (format, MIME type, size), a
 * newline, then the image bytes unchanged.
 */
export function encodeImage(image: RenderedImage): Buffer {
  return Buffer.concat([Buffer.from(headerLine(image), 'utf8'), image.bytes]);
}

/** How many bytes `encodeImage` would produce, without copying the image. */
export function encodedImageSize(image: RenderedImage): number {
  return Buffer.byteLength(headerLine(image), 'utf8') + image.bytes.length;
}

/** The image an `encodeImage` value holds, or undefined for any other value. */
export function decodeImage(value: Buffer): RenderedImage | undefined {
  const end = value.subarray(0, MAX_HEADER_BYTES).indexOf(NEWLINE);
  if (end === -1) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(value.toString('utf8', 0, end));
  } catch {
    return undefined;
  }
  if (!isImageHeader(header)) return undefined;
  return {
    mimeType: header.mimeType,
    width: header.width,
    height: header.height,
    // A copy: the client may hand out a view of a larger pooled buffer, which the in-process
    // cache would then keep alive while counting only the image's bytes.
    bytes: Buffer.from(value.subarray(end + 1)),
  };
}

function headerLine(image: RenderedImage): string {
  const header: ImageHeader = {
    v: FORMAT,
    mimeType: image.mimeType,
    width: image.width,
    height: image.height,
  };
  return `${JSON.stringify(header)}\n`;
}

function isImageHeader(value: unknown): value is ImageHeader {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Record<string, unknown>;
  return (
    header['v'] === FORMAT &&
    typeof header['mimeType'] === 'string' &&
    MIME_TYPE_VALUES.includes(header['mimeType']) &&
    isPositiveInteger(header['width']) &&
    isPositiveInteger(header['height'])
  );
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
