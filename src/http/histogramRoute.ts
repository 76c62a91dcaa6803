import type { RequestHandler } from 'express';
import { histogramArgsFromQuery, restParamName } from '../core/histogramQuery.js';
import { computeHistogramOutcome, histogramStatistics } from '../histogramService.js';
import type { ChartRenderer } from '../render/chartSpec.js';

/**
 * `GET /histogram`: the image for `<img>` tags, or with `Accept: application/json` the same
 * statistics a GraphQL client gets. Errors propagate to the error handler as JSON 4xx.
 */
export function histogramRoute(renderer: ChartRenderer): RequestHandler {
  return async (req, res) => {
    const outcome = computeHistogramOutcome(histogramArgsFromQuery(req.query), restParamName);
    res.vary('Accept');
    if (req.accepts(['image/png', 'application/json']) === 'application/json') {
      res.json(histogramStatistics(outcome.result));
      return;
    }
    const image = await renderer.render(outcome.chart);
    res.type(image.mimeType).send(image.bytes);
  };
}
