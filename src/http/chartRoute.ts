import type { Request, RequestHandler } from 'express';
import type { CachingRenderer } from '../render/CachingRenderer.js';
import { MIME_TYPES, type ChartSpec } from '../render/chartSpec.js';
import { renderKey } from '../render/renderKey.js';
import { overloaded } from '../errors.js';
import type { CachedImages } from './cachedImages.js';
import { imageHeaders, matchesEtag, type ImageIdentity } from './imageResponses.js';

/** What a chart route computes from its query: the chart to draw and the JSON answer. */
export interface ChartAnswer {
  readonly chart: ChartSpec;
  readonly json: unknown;
}

/**
 * A `GET` chart route: the image for `<img>` tags, or with `Accept: application/json` the same
 * numbers a GraphQL client gets. Images carry a strong ETag; a matching `If-None-Match` is
 * answered 304 without rendering. Errors propagate to the error handler as JSON 4xx/503.
 */
export function chartRoute(
  renderer: CachingRenderer,
  images: CachedImages,
  answer: (query: Request['query']) => ChartAnswer,
): RequestHandler {
  return async (req, res) => {
    const wantsJson =
      req.accepts(['image/png', 'image/svg+xml', 'application/json']) === 'application/json';
    // At capacity, an image that is not cached would be refused after parsing, binning and
    // hashing; refusing first keeps the cost of shedding load low. Repeated URLs were answered
    // from the cache before this route; revalidations may still end in a 304.
    if (!wantsJson && req.get('if-none-match') === undefined && renderer.saturated()) {
      throw overloaded('every renderer is busy and the render queue is full');
    }
    const { chart, json } = answer(req.query);
    res.vary('Accept');
    if (wantsJson) {
      res.set('Cache-Control', 'no-cache').json(json);
      return;
    }
    const key = renderKey(chart);
    const identity: ImageIdentity = { key, etag: `"${key}"`, mimeType: MIME_TYPES[chart.format] };
    res.set(imageHeaders(identity));
    if (matchesEtag(req.get('if-none-match'), identity.etag)) {
      images.remember(req.originalUrl, identity);
      res.status(304).end();
      return;
    }
    const image = await renderer.render(chart, key);
    images.remember(req.originalUrl, identity);
    res.set('Content-Type', image.mimeType).set('Content-Length', String(image.bytes.length));
    res.end(image.bytes);
  };
}
