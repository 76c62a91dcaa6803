import type { RequestHandler } from 'express';
import { histogramArgsFromQuery, restParamName } from '../core/histogramQuery.js';
import { computeHistogramOutcome, histogramStatistics } from '../histogramService.js';
import type { CachingRenderer } from '../render/CachingRenderer.js';
import { MIME_TYPES } from '../render/chartSpec.js';
import { renderKey } from '../render/renderKey.js';
import type { CachedImages } from './cachedImages.js';
import { imageHeaders, matchesEtag, type ImageIdentity } from './imageResponses.js';

/**
 * `GET /histogram`: the image for `<img>` tags, or with `Accept: application/json` the same
 * statistics a GraphQL client gets. Images carry a strong ETag; a matching `If-None-Match` is
 * answered 304 without rendering. Errors propagate to the error handler as JSON 4xx/503.
 */
export function histogramRoute(renderer: CachingRenderer, images: CachedImages): RequestHandler {
  return async (req, res) => {
    const outcome = computeHistogramOutcome(histogramArgsFromQuery(req.query), restParamName);
    res.vary('Accept');
    if (req.accepts(['image/png', 'image/svg+xml', 'application/json']) === 'application/json') {
      res.set('Cache-Control', 'no-cache').json(histogramStatistics(outcome.result));
      return;
    }
    const key = renderKey(outcome.chart);
    const identity: ImageIdentity = {
      key,
      etag: `"${key}"`,
      mimeType: MIME_TYPES[outcome.chart.format],
    };
    res.set(imageHeaders(identity));
    if (matchesEtag(req.get('if-none-match'), identity.etag)) {
      images.remember(req.originalUrl, identity);
      res.status(304).end();
      return;
    }
    const image = await renderer.render(outcome.chart, key);
    images.remember(req.originalUrl, identity);
    res.set('Content-Type', image.mimeType).set('Content-Length', String(image.bytes.length));
    res.end(image.bytes);
  };
}
