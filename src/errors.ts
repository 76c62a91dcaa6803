/**
 * The one catalogue of error codes. Every error a client can see has a code listed here with its
 * HTTP status; REST answers `{"error":{"code","message","param"}}` and GraphQL puts the code in
 * `extensions.code`. Nothing in this file does I/O, so the pure core may throw these errors too.
 */
export const ERROR_CATALOGUE = {
  /** The request's arguments are invalid: not numbers, out of bounds, inconsistent. */
  BAD_USER_INPUT: { status: 400, description: 'An argument is invalid; `param` names it.' },
  /** A GraphQL operation asks for more rendered charts than one operation may have. */
  RENDER_LIMIT: { status: 400, description: 'Too many charts rendered in one operation.' },
  /** The request body is larger than the body limit. */
  PAYLOAD_TOO_LARGE: { status: 413, description: 'The request body is larger than the limit.' },
  /** No route answers this path. */
  NOT_FOUND: { status: 404, description: 'No route answers this path.' },
  /** The route exists but not for this HTTP method. */
  METHOD_NOT_ALLOWED: { status: 405, description: 'The route does not answer this method.' },
  /** The client sent more requests than its rate limit allows; `Retry-After` says when to retry. */
  RATE_LIMITED: { status: 429, description: 'Too many requests; retry after the given delay.' },
  /** The chart could not be drawn: the render process failed. */
  RENDER_FAILED: { status: 503, description: 'The chart could not be rendered; try again.' },
  /** Drawing the chart took longer than the render deadline; the render process was stopped. */
  RENDER_TIMEOUT: { status: 503, description: 'The chart took too long to render.' },
  /** Every renderer is busy and the queue is full; `Retry-After` says when to try again. */
  OVERLOADED: { status: 503, description: 'The service is busy; retry after the given delay.' },
  /** Anything unexpected; details are logged, never sent to the client. */
  INTERNAL_SERVER_ERROR: { status: 500, description: 'An unexpected error; details are logged.' },
} as const satisfies Record<string, { status: number; description: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** An error whose code, status and message are safe to show to the client. */
export class ChartqlError extends Error {
  override readonly name = 'ChartqlError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The request parameter (REST) or argument path (GraphQL) at fault, when there is one. */
    readonly param?: string,
    /** For 429s and 503s: seconds after which a retry may succeed, sent as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.status = ERROR_CATALOGUE[code].status;
  }
}

/** Seconds a client refused for overload or a render timeout is asked to wait before retrying. */
export const RETRY_AFTER_SECONDS = 1;

/** The service is at capacity: a 503 with `Retry-After`. */
export function overloaded(message: string): ChartqlError {
  return new ChartqlError('OVERLOADED', message, undefined, RETRY_AFTER_SECONDS);
}

/** Shorthand for the most common error: invalid input naming the parameter at fault. */
export function badInput(param: string, message: string): ChartqlError {
  return new ChartqlError('BAD_USER_INPUT', message, param);
}
