import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { TokenBuckets } from '../core/tokenBucket.js';
import { ChartqlError } from '../errors.js';
import type { Logger } from '../log.js';
import { routeLabel, type ServiceMetrics } from '../metrics.js';
import { clientAddress, rateLimitKey } from './clientAddress.js';
import { writeError } from './errorResponses.js';
import { attachContext, contextOf, RequestContext, requestIdOf } from './requestContext.js';

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
  const { limiter, trustProxyHops, next } = options;
  const door = { logger: options.logger, metrics: options.metrics };
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    const id = requestIdOf(req, trustProxyHops > 0);
    const client = clientAddress(
      req.socket.remoteAddress,
      req.headers['x-forwarded-for'],
      trustProxyHops,
    );
    const queryLength = query === -1 ? 0 : url.length - query - 1;
    const context = new RequestContext(
      door,
      id,
      performance.now(),
      routeLabel(path),
      path,
      queryLength,
      client,
    );
    attachContext(req, context);
    res.setHeader('X-Request-Id', id);
    // One listener shared by every response: nothing is allocated for it per request.
    res.on('close', recordAnswer);
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

/**
 * Records a response once it is over. A client that hung up before the answer was sent is
 * recorded as 499, as nginx does.
 */
function recordAnswer(this: ServerResponse): void {
  const status = this.writableFinished ? this.statusCode : 499;
  const bytes = Number(this.getHeader('content-length') ?? 0);
  contextOf(this.req)?.answered(this.req.method ?? 'OTHER', status, bytes);
}
