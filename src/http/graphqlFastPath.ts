import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ChartqlError, ERROR_CATALOGUE } from '../errors.js';
import type { GraphQLContext } from '../graphql/rendering.js';
import { BODY_MESSAGES, writeError } from './errorResponses.js';
import { contextOf } from './requestContext.js';

/** Content types the fast path takes; anything else goes the full way. */
const PLAIN_JSON = new Set(['application/json', 'application/json; charset=utf-8']);

/**
 * Answers the common GraphQL request — `POST /graphql` with a plain JSON body of a stated length
 * — straight through Apollo, without Express's router and body parser, and returns true; returns
 * false, touching nothing, for anything else (compressed or chunked bodies, other content types,
 * query strings, GET), which the full path answers. Both paths answer alike: same limits, same
 * errors, same Apollo server.
 */
export function graphqlFastPath(
  apollo: ApolloServer<GraphQLContext>,
  context: (req: IncomingMessage) => Promise<GraphQLContext>,
  bodyLimitBytes: number,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== 'POST' || req.url !== '/graphql') return false;
    const { headers } = req;
    const type = headers['content-type']?.toLowerCase();
    const length = Number(headers['content-length']);
    if (
      type === undefined ||
      !PLAIN_JSON.has(type) ||
      headers['content-encoding'] !== undefined ||
      headers['transfer-encoding'] !== undefined ||
      !Number.isSafeInteger(length) ||
      length <= 0 ||
      length > bodyLimitBytes
    ) {
      return false;
    }
    readBody(req, length).then(
      (text) => answer(apollo, context, req, res, text),
      () => {
        // The client went away or sent more than it said: nothing to answer.
        req.destroy();
      },
    );
    return true;
  };
}

async function answer(
  apollo: ApolloServer<GraphQLContext>,
  context: (req: IncomingMessage) => Promise<GraphQLContext>,
  req: IncomingMessage,
  res: ServerResponse,
  text: string,
): Promise<void> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    writeError(req, res, new ChartqlError('BAD_USER_INPUT', BODY_MESSAGES.invalidJson));
    return;
  }
  if (typeof body !== 'object' || body === null) {
    writeError(req, res, new ChartqlError('BAD_USER_INPUT', BODY_MESSAGES.notAnObject));
    return;
  }
  try {
    const headerMap = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headerMap.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: headerMap, search: '', body },
      context: () => context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.setHeader('Content-Length', Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  } catch (error) {
    contextOf(req)?.log.error({ err: error }, 'unexpected');
    if (!res.headersSent) {
      const masked = ERROR_CATALOGUE.INTERNAL_SERVER_ERROR.description;
      writeError(req, res, new ChartqlError('INTERNAL_SERVER_ERROR', masked));
    } else {
      res.destroy();
    }
  }
}

/** The body as UTF-8 text, exactly `length` bytes; rejects on more, or if the client leaves. */
function readBody(req: IncomingMessage, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > length) {
        reject(new Error('body longer than its Content-Length'));
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => {
      if (received === length) resolve(Buffer.concat(chunks, received).toString('utf8'));
      else reject(new Error('body shorter than its Content-Length'));
    });
    req.once('error', reject);
    req.once('aborted', () => {
      reject(new Error('aborted'));
    });
  });
}
