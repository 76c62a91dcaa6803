import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../log.js';

/** What the service knows about a request in flight, from the front door on. */
export interface RequestContext {
  /** Sent back as `X-Request-Id` and on every log line of the request. */
  readonly id: string;
  readonly log: Logger;
  /** Records an error answer by its code, for the rejected-requests metric. */
  readonly reject: (code: string) => void;
}

const contexts = new WeakMap<IncomingMessage, RequestContext>();

export function attachContext(req: IncomingMessage, context: RequestContext): void {
  contexts.set(req, context);
}

/** The request's context; requests that did not come through the front door get none. */
export function contextOf(req: IncomingMessage): RequestContext | undefined {
  return contexts.get(req);
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
