import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { TokenBuckets } from '../core/tokenBucket.js';
import { ChartqlError } from '../errors.js';
import type { Logger } from '../log.js';
import { routeLabel, type ServiceMetrics } from '../metrics.js';
import { clientAddress, rateLimitKey } from './clientAddress.js';
import { writeError } from './errorResponses.js';
import { attachContext, requestIdOf } from './requestContext.js';

export interface FrontDoorOptions {
  readonly logger: Logger;
  readonly metrics: ServiceMetrics;
  /** Per-client limits; undefined when rate limiting is off. */
  readonly limiter: TokenBuckets | undefined;
  readonly trustProxyHops: number;
  /** What answers the request once it is let in. */
  readonly next: RequestListener;
}

/** Probes and scrapes are never rate limited: an orchestrator must always reach them. */
const UNLIMITED = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Every request passes here first: it gets a request id (echoed in `X-Request-Id` and on each
 * log line), is counted against its client's rate limit, and when answered is logged once and
 * recorded in the request metrics. Query strings are not logged: they hold the client's data.
 */
export function frontDoor(options: FrontDoorOptions): RequestListener {
  const { logger, metrics, limiter, trustProxyHops, next } = options;
  return (req: IncomingMessage, res: ServerResponse) => {
    const start = performance.now();
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    const route = routeLabel(path);
    const id = requestIdOf(req, trustProxyHops > 0);
    const log = logger.child({ reqId: id });
    const client = clientAddress(
      req.socket.remoteAddress,
      req.headers['x-forwarded-for'],
      trustProxyHops,
    );
    attachContext(req, {
      id,
      log,
      reject: (code) => {
        metrics.reject(code);
      },
    });
    res.setHeader('X-Request-Id', id);
    res.once('close', () => {
      const seconds = (performance.now() - start) / 1000;
      // A client that hung up before the answer was sent is recorded as 499, as nginx does.
      const status = res.writableFinished ? res.statusCode : 499;
      metrics.observeRequest(route, req.method ?? 'OTHER', status, seconds);
      log.info(
        {
          method: req.method,
          path: route === 'unmatched' ? path.slice(0, 200) : route,
          queryLength: query === -1 ? 0 : url.length - query - 1,
          status,
          ms: Math.round(seconds * 10_000) / 10,
          bytes: Number(res.getHeader('content-length') ?? 0),
          client,
        },
        'request',
      );
    });
    if (limiter !== undefined && !UNLIMITED.has(path)) {
      const decision = limiter.take(rateLimitKey(client), Date.now());
      if (!decision.allowed) {
        writeError(
          req,
          res,
          new ChartqlError(
            'RATE_LIMITED',
            `too many requests from this client; retry in ${decision.retryAfterSeconds} s`,
            undefined,
            decision.retryAfterSeconds,
          ),
        );
        return;
      }
    }
    next(req, res);
  };
}
