import type { ImageMimeType } from '../render/chartSpec.js';

/** What identifies a rendered image in HTTP: its cache key, its ETag and its type. */
export interface ImageIdentity {
  readonly key: string;
  readonly etag: string;
  readonly mimeType: ImageMimeType;
}

/** A rendered chart never changes for its URL: the ETag is a hash of what is drawn. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** SVG can carry script; these headers keep a browser from running any. */
export const SVG_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
} as const;

/** The headers of an image answer (200 or 304), the same on every path that serves one. */
export function imageHeaders(image: ImageIdentity): Record<string, string> {
  return {
    ETag: image.etag,
    'Cache-Control': IMMUTABLE,
    Vary: 'Accept',
    ...(image.mimeType === 'image/svg+xml' ? SVG_HEADERS : {}),
  };
}

/** `If-None-Match` matching, with the weak comparison RFC 9110 prescribes for it. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}
