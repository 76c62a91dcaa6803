import { request, type IncomingMessage, type OutgoingHttpHeaders, type Server } from 'node:http';
import { duplexPair } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createApp, type App, type AppOptions } from './app.js';
import { configFromEnv, type Config } from './config.js';
import { createHttpServer } from './httpServer.js';

/** The AWS Lambda entry point for API Gateway HTTP API events (payload format 2.0). */
export interface LambdaHandler {
  (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2>;
  /** Stops the app if it was started: the render pool has child processes. */
  close(): Promise<void>;
}

/**
 * A handler for `config`. The app is built on the first event and kept for every later one in
 * the same execution environment; a failed build is tried again on the next event.
 */
export function createLambdaHandler(config: Config, options: AppOptions = {}): LambdaHandler {
  let started: Promise<{ app: App; server: Server }> | undefined;
  const start = async () => {
    const app = await createApp(config, options);
    const server = createHttpServer(config);
    server.on('request', app.handler);
    await rendererReady(app);
    return { app, server };
  };
  const handler = async (event: APIGatewayProxyEventV2) => {
    if (started === undefined) {
      const starting = start();
      started = starting;
      starting.catch(() => {
        if (started === starting) started = undefined;
      });
    }
    const { server } = await started;
    return answerEvent(server, event);
  };
  return Object.assign(handler, {
    async close() {
      const starting = started;
      started = undefined;
      const running = await starting?.catch(() => undefined);
      await running?.app.close();
    },
  });
}

/** Longest wait on a cold start for the first render child to come up. */
const READY_WAIT_MS = 10_000;

/**
 * Waits until the render pool can take a render. The first event arrives as the pool is spawned,
 * and a render queued longer than the render deadline is refused with 503; on a cold start the
 * child may take longer than that to load. Past the wait, events are answered as they come.
 */
async function rendererReady(app: App): Promise<void> {
  const deadline = Date.now() + READY_WAIT_MS;
  while (app.pool?.isReady() === false && Date.now() < deadline) await sleep(10);
}

/** The deployed handler (`dist/lambda.handler`), configured from the function's environment. */
export const handler: LambdaHandler = createLambdaHandler(configFromEnv());

/**
 * Headers of the connection rather than of the message: the connection here is in memory and
 * carries one exchange, and bodies travel whole, so their length is set anew on each side.
 */
const PER_CONNECTION = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'expect',
  'http2-settings',
  'content-length',
]);

/**
 * Sends one API Gateway event to `server` and turns its answer into the Lambda result. The event
 * becomes an HTTP/1.1 request on an in-memory connection (a duplex pair) and Node's own client
 * reads the answer, so the app sees exactly what it sees behind a socket — the same parser and
 * header limit, HEAD, 304 and error answers — and no port is opened. (serverless-http's response
 * stand-in returns nothing from `writeHead`, so the service's `res.writeHead(…).end()` answers
 * would throw there.)
 */
export async function answerEvent(
  server: Server,
  event: APIGatewayProxyEventV2,
): Promise<APIGatewayProxyStructuredResultV2> {
  const body =
    event.body === undefined
      ? Buffer.alloc(0)
      : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  const [clientSide, serverSide] = duplexPair();
  // API Gateway saw the client's connection; its address is the app's connection address, so
  // logs and the rate limiter key on the client, as they would behind a socket.
  Object.defineProperties(serverSide, {
    remoteAddress: { value: event.requestContext.http.sourceIp },
    encrypted: { value: true },
  });
  server.emit('connection', serverSide);
  const outgoing = request({
    method: event.requestContext.http.method,
    path: requestTarget(event),
    headers: requestHeaders(event, body.length),
    createConnection: () => clientSide,
  });
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    outgoing.once('response', resolve).once('error', reject);
    outgoing.end(body);
  });
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return lambdaResult(response, Buffer.concat(chunks));
}

/**
 * The request target as the client sent it: API Gateway hands the query string on raw, so
 * repeated parameters and percent-escapes reach the app's parser unchanged. Bytes HTTP does not
 * allow in a request line (spaces, non-ASCII) are percent-encoded as UTF-8.
 */
function requestTarget(event: APIGatewayProxyEventV2): string {
  const query = event.rawQueryString === '' ? '' : `?${event.rawQueryString}`;
  return `${event.rawPath}${query}`.replace(/[^\x21-\x7e]+/g, (run) =>
    Array.from(
      Buffer.from(run, 'utf8'),
      (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    ).join(''),
  );
}

function requestHeaders(event: APIGatewayProxyEventV2, bodyLength: number): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(event.headers)) {
    const key = name.toLowerCase();
    if (value === undefined || PER_CONNECTION.has(key)) continue;
    // A socket carries header bytes; Node reads them as Latin-1, so UTF-8 text arrives as its bytes.
    headers[key] = /[\u0100-\uffff]/.test(value)
      ? Buffer.from(value, 'utf8').toString('latin1')
      : value;
  }
  // Payload 2.0 moves the Cookie header into `cookies`.
  if (event.cookies !== undefined && event.cookies.length > 0) {
    headers['cookie'] = event.cookies.join('; ');
  }
  if (bodyLength > 0) headers['content-length'] = String(bodyLength);
  headers['connection'] = 'close';
  return headers;
}

function lambdaResult(response: IncomingMessage, body: Buffer): APIGatewayProxyStructuredResultV2 {
  const headers: Record<string, string> = {};
  let cookies: string[] = [];
  for (const [name, values] of Object.entries(response.headersDistinct)) {
    // Content-Length too stays behind: API Gateway sets it for the bytes it sends.
    if (values === undefined || PER_CONNECTION.has(name)) continue;
    if (name === 'set-cookie') cookies = values;
    else headers[name] = values.join(', ');
  }
  const text = textOf(headers, body);
  return {
    statusCode: response.statusCode ?? 502,
    headers,
    ...(cookies.length > 0 ? { cookies } : {}),
    isBase64Encoded: text === undefined,
    body: text ?? body.toString('base64'),
  };
}

const TEXT_TYPES = /^(?:text\/[\w.+-]+|application\/(?:[\w.-]+\+)?json)$/;

/**
 * The body as text when it is JSON or text in valid UTF-8 (GraphQL, errors, statistics, the
 * Sandbox page); undefined for images and anything else, which travel base64-encoded.
 */
function textOf(headers: Readonly<Record<string, string>>, body: Buffer): string | undefined {
  const type = headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type === undefined) return body.length === 0 ? '' : undefined;
  if (headers['content-encoding'] !== undefined || !TEXT_TYPES.test(type)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return undefined;
  }
}
