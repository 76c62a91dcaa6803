import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ChartqlError, ERROR_CATALOGUE, type ErrorCode } from '../errors.js';

/** Sends a catalogued error as JSON: `{"error":{"code","message","param"}}`, never cached. */
export function sendError(res: Response, error: ChartqlError): void {
  if (error.retryAfterSeconds !== undefined)
    res.set('Retry-After', String(error.retryAfterSeconds));
  res
    .status(error.status)
    .set('Cache-Control', 'no-store')
    .json({
      error: {
        code: error.code,
        message: error.message,
        ...(error.param === undefined ? {} : { param: error.param }),
      },
    });
}

/** Answers any path no route took with a JSON 404. */
export const notFound: RequestHandler = (req, res) => {
  sendError(res, new ChartqlError('NOT_FOUND', `no route answers ${req.method} ${req.path}`));
};

/** Answers a known path asked with a method it does not serve with a JSON 405. */
export function methodNotAllowed(allowed: readonly string[]): RequestHandler {
  return (req, res) => {
    res.set('Allow', allowed.join(', '));
    sendError(
      res,
      new ChartqlError('METHOD_NOT_ALLOWED', `${req.path} answers ${allowed.join(', ')} only`),
    );
  };
}

/** Body-parser errors carry a `type` and a status; these map onto the catalogue. */
const BODY_ERRORS: Readonly<Record<string, { code: ErrorCode; message: string }>> = {
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', message: 'the request body is too large' },
  'entity.parse.failed': { code: 'BAD_USER_INPUT', message: 'the request body is not valid JSON' },
  'encoding.unsupported': { code: 'BAD_USER_INPUT', message: 'unsupported body encoding' },
  'charset.unsupported': { code: 'BAD_USER_INPUT', message: 'unsupported body charset' },
  'request.aborted': { code: 'BAD_USER_INPUT', message: 'the request was aborted' },
  'request.size.invalid': { code: 'BAD_USER_INPUT', message: 'the body size is wrong' },
};

/**
 * The last handler: catalogued errors go to the client as they are; anything else is logged in
 * full and answered with a masked 500, so no stack trace or HTML page reaches a client.
 */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  if (error instanceof ChartqlError) {
    sendError(res, error);
    return;
  }
  const bodyError = bodyErrorOf(error);
  if (bodyError !== undefined) {
    const { code, message } = bodyError;
    sendError(
      res,
      new ChartqlError(code, message, code === 'PAYLOAD_TOO_LARGE' ? 'body' : undefined),
    );
    return;
  }
  console.error(`unexpected error on ${req.method} ${req.path}`, error);
  sendError(
    res,
    new ChartqlError('INTERNAL_SERVER_ERROR', ERROR_CATALOGUE.INTERNAL_SERVER_ERROR.description),
  );
};

/**
 * Errors of reading the body: body-parser's, by their `type`, and any other it passes on with a
 * client-error status it marks safe to expose (a corrupt compressed body, for one).
 */
function bodyErrorOf(error: unknown): { code: ErrorCode; message: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status, expose } = error as { type?: unknown; status?: unknown; expose?: unknown };
  if (typeof type === 'string' && BODY_ERRORS[type] !== undefined) return BODY_ERRORS[type];
  if (typeof status === 'number' && status >= 400 && status < 500 && expose === true) {
    return status === 413
      ? { code: 'PAYLOAD_TOO_LARGE', message: 'the request body is too large' }
      : { code: 'BAD_USER_INPUT', message: 'the request body could not be read' };
  }
  return undefined;
}
