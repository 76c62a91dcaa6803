import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ChartqlError, ERROR_CATALOGUE, type ErrorCode } from '../errors.js';
import { contextOf } from './requestContext.js';

/** Headers an image answer may have set before failing; an error answer must not keep them. */
const IMAGE_HEADERS = ['etag', 'last-modified', 'content-type', 'content-length', 'cache-control'];

/**
 * Sends a catalogued error as JSON, `{"error":{"code","message","param"}}`, never cached, and
 * records it in the rejected-requests metric. Plain Node, so the front door can use it too.
 */
export function writeError(req: IncomingMessage, res: ServerResponse, error: ChartqlError): void {
  contextOf(req)?.reject(error.code);
  const body = JSON.stringify({
    error: {
      code: error.code,
      message: error.message,
      ...(error.param === undefined ? {} : { param: error.param }),
    },
  });
  for (const name of IMAGE_HEADERS) res.removeHeader(name);
  res.writeHead(error.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    ...(error.retryAfterSeconds === undefined
      ? {}
      : { 'Retry-After': String(error.retryAfterSeconds) }),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Answers any path no route took with a JSON 404. */
export const notFound: RequestHandler = (req, res) => {
  writeError(req, res, new ChartqlError('NOT_FOUND', `no route answers ${req.method} ${req.path}`));
};

/** Answers a known path asked with a method it does not serve with a JSON 405. */
export function methodNotAllowed(allowed: readonly string[]): RequestHandler {
  return (req, res) => {
    res.set('Allow', allowed.join(', '));
    writeError(
      req,
      res,
      new ChartqlError('METHOD_NOT_ALLOWED', `${req.path} answers ${allowed.join(', ')} only`),
    );
  };
}

/** What a client is told about a body that is not a JSON object, on every path. */
export const BODY_MESSAGES = {
  invalidJson: 'the request body is not valid JSON',
  notAnObject: 'the request body must be a JSON object',
} as const;

/** Body-parser errors carry a `type` and a status; these map onto the catalogue. */
const BODY_ERRORS: Readonly<Record<string, { code: ErrorCode; message: string }>> = {
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', message: 'the request body is too large' },
  'entity.parse.failed': { code: 'BAD_USER_INPUT', message: BODY_MESSAGES.invalidJson },
  'encoding.unsupported': { code: 'BAD_USER_INPUT', message: 'unsupported body encoding' },
  'charset.unsupported': { code: 'BAD_USER_INPUT', message: 'unsupported body charset' },
  'request.aborted': { code: 'BAD_USER_INPUT', message: 'the request was aborted' },
  'request.size.invalid': { code: 'BAD_USER_INPUT', message: 'the body size is wrong' },
};

/**
 * Sends an error some other way than JSON and returns true, or returns false to let the JSON
 * answer go out (the `onError=image` answer of the image routes is one).
 */
export type ErrorPresenter = (
  req: IncomingMessage & { query: unknown; path: string },
  res: ServerResponse,
  error: ChartqlError,
) => Promise<boolean>;

/**
 * The last handler: catalogued errors go to the client as they are; anything else is logged in
 * full with the request id and answered with a masked 500, so no stack trace or HTML page
 * reaches a client.
 */
export function errorHandler(present?: ErrorPresenter): ErrorRequestHandler {
  return (thrown: unknown, req, res, next) => {
    if (res.headersSent) {
      next(thrown);
      return;
    }
    const error = catalogued(thrown);
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      contextOf(req)?.log.error({ err: thrown, method: req.method, path: req.path }, 'unexpected');
    }
    if (present === undefined) {
      writeError(req, res, error);
      return;
    }
    present(req, res, error).then(
      (presented) => {
        if (!presented) writeError(req, res, error);
      },
      () => {
        if (!res.headersSent) writeError(req, res, error);
      },
    );
  };
}

/** Any thrown value as a catalogued error: the service's own, a body error, or a masked 500. */
function catalogued(thrown: unknown): ChartqlError {
  if (thrown instanceof ChartqlError) return thrown;
  const bodyError = bodyErrorOf(thrown);
  if (bodyError !== undefined) {
    const { code, message } = bodyError;
    return new ChartqlError(code, message, code === 'PAYLOAD_TOO_LARGE' ? 'body' : undefined);
  }
  return new ChartqlError(
    'INTERNAL_SERVER_ERROR',
    ERROR_CATALOGUE.INTERNAL_SERVER_ERROR.description,
  );
}

/**
 * Errors of reading the body: body-parser's, by their `type`, and any other it passes on with a
 * client-error status it marks safe to expose (a corrupt compressed body, for one).
 */
function bodyErrorOf(error: unknown): { code: ErrorCode; message: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status, expose, body } = error as {
    type?: unknown;
    status?: unknown;
    expose?: unknown;
    body?: unknown;
  };
  if (type === 'entity.parse.failed' && isJson(body)) {
    // JSON, but a string or a number: body-parser takes only objects and arrays.
    return { code: 'BAD_USER_INPUT', message: BODY_MESSAGES.notAnObject };
  }
  if (typeof type === 'string' && BODY_ERRORS[type] !== undefined) return BODY_ERRORS[type];
  if (typeof status === 'number' && status >= 400 && status < 500 && expose === true) {
    return status === 413
      ? { code: 'PAYLOAD_TOO_LARGE', message: 'the request body is too large' }
      : { code: 'BAD_USER_INPUT', message: 'the request body could not be read' };
  }
  return undefined;
}

function isJson(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
