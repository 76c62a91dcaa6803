import { createHash } from 'node:crypto';
import type { ChartSpec } from './chartSpec.js';

/**
 * Changes whenever the same spec would draw a different image (fonts, colours, layout, encoder),
 * so caches and ETags from an older look are not reused.
 */
export const RENDER_VERSION = 'chartql-render-1';

/**
 * The identity of a rendered image: a hash of the canonical render spec (binned data, labels,
 * size, format). Specs are built field by field in a fixed order, so equal specs serialise
 * equally. Used as the cache key and, quoted, as the strong ETag.
 */
export function renderKey(spec: ChartSpec): string {
  return createHash('sha256')
    .update(RENDER_VERSION)
    .update('\0')
    .update(JSON.stringify(spec))
    .digest('base64url')
    .slice(0, 32);
}
