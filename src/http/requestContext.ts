import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../log.js';
import type { ServiceMetrics } from '../metrics.js';

/** What every request's context shares: where it logs and what it counts. */
export interface Door {
  readonly logger: Logger;
  readonly metrics: ServiceMetrics;
}

/** What the service knows about a request in flight, from the front door on. */
export class RequestContext {
  private child: Logger | undefined;

  constructor(
    private readonly door: Door,
    /** Sent back as `X-Request-Id` and on every log line of the request. */
    readonly id: string,
    /** When the request arrived, from `performance.now()`. */
    private readonly start: number,
    /** The metrics label of its path (a known route or "unmatched"). */
    private readonly route: string,
    private readonly path: string,
    private readonly queryLength: number,
    private readonly client: string,
  ) {}

  /**
   * The request's logger: its lines carry the request id. Made on first use: most requests log
   * only their one access line.
   */
  get log(): Logger {
    return (this.child ??= this.door.logger.child({ reqId: this.id }));
  }

  /** Records an error answer by its code, for the rejected-requests metric. */
  reject(code: string): void {
    this.door.metrics.reject(code);
  }

  /**
   * Records the answer: the request metrics and one access line. Query strings are not logged:
   * they hold the client's data; only their length is.
   */
  answered(method: string, status: number, bytes: number): void {
    const seconds = (performance.now() - this.start) / 1000;
    this.door.metrics.observeRequest(this.route, method, status, seconds);
    this.door.logger.info(
      {
        reqId: this.id,
        method,
        path: this.route === 'unmatched' ? this.path.slice(0, 200) : this.route,
        queryLength: this.queryLength,
        status,
        ms: Math.round(seconds * 10_000) / 10,
        bytes,
        client: this.client,
      },
      'request',
    );
  }
}

/**
 * Where a request's context is kept: a property of the request under a symbol of our own,
 * cheaper on every request than a WeakMap entry and invisible to everything else.
 */
const CONTEXT = Symbol('chartql.requestContext');

type WithContext = IncomingMessage & { [CONTEXT]?: RequestContext };

export function attachContext(req: IncomingMessage, context: RequestContext): void {
  (req as WithContext)[CONTEXT] = context;
}

/** The request's context; requests that did not come through the front door get none. */
export function contextOf(req: IncomingMessage): RequestContext | undefined {
  return (req as WithContext)[CONTEXT];
}

/** Request ids a trusted proxy may hand on: short, and safe in a header and a log line. */
const FORWARDED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The id of a request: the one a trusted proxy sent in `X-Request-Id`, so a request can be
 * followed across both; otherwise a new UUID. Without trusted proxies the header is client text
 * and is ignored: client text never goes into a response header.
 */
export function requestIdOf(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-request-id'];
  if (trustProxy && typeof forwarded === 'string' && FORWARDED_ID.test(forwarded)) {
    return forwarded;
  }
  return randomUUID();
}
