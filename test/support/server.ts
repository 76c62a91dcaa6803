import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config.js';
import { createHttpServer } from '../../src/httpServer.js';

export interface TestServer {
  readonly url: string;
  readonly app: App;
  close(): Promise<void>;
}

/**
 * Starts the whole service on 127.0.0.1 and a free port. Tests send many requests from one
 * address and read their own output, so rate limiting and logging are off unless a test asks.
 */
export async function startServer(
  overrides: Partial<Config> = {},
  options: AppOptions = {},
): Promise<TestServer> {
  const config: Config = {
    ...DEFAULT_CONFIG,
    port: 0,
    logLevel: 'silent',
    rateLimitPerSecond: 0,
    ...overrides,
  };
  const server = createHttpServer(config);
  const app = await createApp(config, { ...options, httpServer: server });
  server.on('request', app.handler);
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      });
      await app.close();
    },
  };
}

/**
 * The service for the tests of the current suite: started in `before`, closed in `after`. The
 * handle is usable inside tests and hooks that run after the start.
 */
export function useServer(overrides: Partial<Config> = {}, options: AppOptions = {}): TestServer {
  let started: TestServer | undefined;
  before(async () => {
    started = await startServer(overrides, options);
  });
  after(async () => {
    await started?.close();
  });
  const current = (): TestServer => {
    if (started === undefined) throw new Error('the test server starts in before()');
    return started;
  };
  return {
    get url() {
      return current().url;
    },
    get app() {
      return current().app;
    },
    close: () => current().close(),
  };
}

export interface GraphQLResponse<TData> {
  readonly status: number;
  readonly body: {
    data?: TData | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

/** Posts a GraphQL operation as JSON, as any client would. */
export async function postGraphQL<TData>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as GraphQLResponse<TData>['body'],
  };
}
