import type { Request, RequestHandler, Response } from 'express';
import { histogramArgsFromQuery, restParamName } from '../core/histogramQuery.js';
import { computeHistogramOutcome, histogramStatistics } from '../histogramService.js';
import type { CachingRenderer } from '../render/CachingRenderer.js';
import { renderKey } from '../render/renderKey.js';

/** A rendered chart never changes for its URL: the ETag is a hash of what is drawn. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** SVG can carry script; these headers keep a browser from running any. */
const SVG_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
} as const;

/**
 * `GET /histogram`: the image for `<img>` tags, or with `Accept: application/json` the same
 * statistics a GraphQL client gets. Images carry a strong ETag; a matching `If-None-Match` is
 * answered 304 without rendering. Errors propagate to the error handler as JSON 4xx/503.
 */
export function histogramRoute(renderer: CachingRenderer): RequestHandler {
  return async (req, res) => {
    const outcome = computeHistogramOutcome(histogramArgsFromQuery(req.query), restParamName);
    res.vary('Accept');
    if (req.accepts(['image/png', 'image/svg+xml', 'application/json']) === 'application/json') {
      res.set('Cache-Control', 'no-cache').json(histogramStatistics(outcome.result));
      return;
    }
    const key = renderKey(outcome.chart);
    const etag = `"${key}"`;
    res.set({ ETag: etag, 'Cache-Control': IMMUTABLE });
    if (matchesEtag(req, etag)) {
      res.status(304).end();
      return;
    }
    const image = await renderer.render(outcome.chart, key);
    if (outcome.chart.format === 'svg') res.set(SVG_HEADERS);
    sendImage(res, image.mimeType, image.bytes);
  };
}

function sendImage(res: Response, mimeType: string, bytes: Buffer): void {
  res.set('Content-Type', mimeType).set('Content-Length', String(bytes.length)).end(bytes);
}

/** `If-None-Match` matching, with the weak comparison RFC 9110 prescribes for it. */
function matchesEtag(req: Request, etag: string): boolean {
  const header = req.get('if-none-match');
  if (header === undefined) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}
