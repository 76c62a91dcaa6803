import 'reflect-metadata';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { IncomingMessage, RequestListener, Server } from 'node:http';
import type { Config } from './config.js';
import { createApolloServer } from './graphql/apolloServer.js';
import type { GraphQLContext } from './graphql/rendering.js';
import { errorHandler, methodNotAllowed, notFound } from './http/errorResponses.js';
import { chartRoute } from './http/chartRoute.js';
import { CHART_PATHS } from './http/cachedImages.js';
import { histogramArgsFromQuery, restParamName } from './core/histogramQuery.js';
import { parseQueryString } from './core/queryParams.js';
import { pieArgsFromQuery, scatterArgsFromQuery } from './core/chartQueries.js';
import { computeHistogramOutcome, histogramStatistics } from './histogramService.js';
import { computePieOutcome } from './pieService.js';
import { computeScatterOutcome } from './scatterService.js';
import { CachedImages } from './http/cachedImages.js';
import { CachingRenderer } from './render/CachingRenderer.js';
import { RenderPool } from './render/RenderPool.js';
import type { ChartRenderer } from './render/chartSpec.js';
import { RedisCache } from './cache/RedisCache.js';
import { createLogger, type Logger } from './log.js';
import { playground } from './http/playground.js';
import { frontDoor } from './http/frontDoor.js';
import { graphqlFastPath } from './http/graphqlFastPath.js';
import { contextOf } from './http/requestContext.js';
import { errorImagePresenter } from './http/errorImage.js';
import { TokenBuckets } from './core/tokenBucket.js';
import { ServiceMetrics } from './metrics.js';
import { MeteredRenderer } from './render/MeteredRenderer.js';

export interface App {
  /** The request handler, to mount on an HTTP server. */
  readonly handler: RequestListener;
  /** The cache in front of the renderer; every render goes through it. */
  readonly renderer: CachingRenderer;
  /** The render pool: our own, or one passed in as the renderer. */
  readonly pool: RenderPool | undefined;
  readonly metrics: ServiceMetrics;
  readonly logger: Logger;
  /** Stops GraphQL and the renderer; the caller closes its HTTP server first. */
  close(): Promise<void>;
  /** From now on `/readyz` answers 503, so load balancers stop sending work. */
  beginShutdown(): void;
}

export interface AppOptions {
  /** Renders in place of the child-process pool (tests pass an in-process one). */
  readonly renderer?: ChartRenderer;
  /** The server the app will serve on: Apollo drains its in-flight operations on stop. */
  readonly httpServer?: Server;
  /** Where the app logs; by default a JSON logger at `config.logLevel`. */
  readonly logger?: Logger;
}

/** Builds the whole service without listening: `main.ts` listens, tests use port 0. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  // What may fail on bad configuration or files comes first, before any process is started.
  const page = playground({ schema: config.introspection });
  const redis =
    config.redisUrl === undefined
      ? undefined
      : new RedisCache({
          url: config.redisUrl,
          ttlSeconds: config.redisTtlSeconds,
          maxEntryBytes: config.redisMaxEntryBytes,
          timeoutMs: config.redisTimeoutMs,
          logger,
        });
  let pool: RenderPool | undefined;
  let drawer = options.renderer;
  if (drawer === undefined) {
    pool = new RenderPool({
      size: config.renderWorkers,
      timeoutMs: config.renderTimeoutMs,
      maxQueue: config.renderQueue,
      logger,
    });
    drawer = pool;
  } else if (drawer instanceof RenderPool) {
    // A pool passed in (tests pass one whose children misbehave) is reported like our own.
    pool = drawer;
  }
  // Renders happen only once the app is built, so `metrics` exists by then.
  const inner = new MeteredRenderer(drawer, (kind, outcome, seconds) => {
    metrics.observeRender(kind, outcome, seconds);
  });
  const renderer = new CachingRenderer(inner, config.renderCacheBytes, redis?.images);
  const metrics = new ServiceMetrics({
    cache: () => renderer.stats(),
    pool: () => pool?.stats(),
    redis: () => redis?.stats(),
  });
  let apollo: ApolloServer<GraphQLContext>;
  try {
    apollo = createApolloServer(config, { cache: redis?.queries, httpServer: options.httpServer });
    await apollo.start();
  } catch (error) {
    await renderer.close();
    await redis?.close();
    throw error;
  }

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', parseQueryString);

  let shuttingDown = false;
  // Liveness: the process answers. Readiness: it can render and is not shutting down.
  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    const ready = !shuttingDown && (pool === undefined || pool.isReady());
    res
      .status(ready ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({ status: ready ? 'ready' : shuttingDown ? 'shutting down' : 'no renderer ready' });
  });
  if (config.metrics) {
    app.get('/metrics', (_req, res, next) => {
      metrics.expose().then(({ contentType, body }) => {
        res.set('Content-Type', contentType).set('Cache-Control', 'no-store').send(body);
      }, next);
    });
  }
  const images = new CachedImages(renderer);
  app.get(
    '/histogram',
    chartRoute(renderer, images, (query) => {
      const outcome = computeHistogramOutcome(histogramArgsFromQuery(query), restParamName);
      return { chart: outcome.chart, json: histogramStatistics(outcome.result, outcome.series) };
    }),
  );
  app.get(
    '/scatter',
    chartRoute(renderer, images, (query) => {
      const outcome = computeScatterOutcome(scatterArgsFromQuery(query), restParamName);
      return { chart: outcome.chart, json: { stats: outcome.stats } };
    }),
  );
  app.get(
    '/pie',
    chartRoute(renderer, images, (query) => {
      const outcome = computePieOutcome(pieArgsFromQuery(query), restParamName);
      return { chart: outcome.chart, json: { slices: outcome.slices } };
    }),
  );
  for (const path of CHART_PATHS) app.all(path, methodNotAllowed(['GET', 'HEAD']));
  const graphqlContext = (req: IncomingMessage): Promise<GraphQLContext> => {
    const request = contextOf(req);
    return Promise.resolve({
      renderer,
      // Read only to report an unexpected error: the request's logger is made then, if ever.
      get log() {
        return request?.log ?? logger;
      },
      reject: (code: string) => {
        metrics.reject(code);
      },
      renders: 0,
      maxRenders: config.rendersPerOperation,
    });
  };
  const graphqlFast = graphqlFastPath(apollo, graphqlContext, config.bodyLimitBytes);
  const graphql = [
    express.json({ limit: config.bodyLimitBytes }),
    expressMiddleware(apollo, { context: ({ req }) => graphqlContext(req) }),
  ];
  // Exactly /graphql (app.use would also answer /graphql/anything).
  app.get('/graphql', ...graphql);
  app.post('/graphql', ...graphql);
  app.all('/graphql', methodNotAllowed(['GET', 'HEAD', 'POST']));
  app.use(page);
  app.use(notFound);
  app.use(errorHandler(errorImagePresenter(renderer)));

  return {
    handler: frontDoor({
      logger,
      metrics,
      limiter:
        config.rateLimitPerSecond > 0
          ? new TokenBuckets(config.rateLimitPerSecond, config.rateLimitBurst)
          : undefined,
      trustProxyHops: config.trustProxyHops,
      next: (req, res) => {
        if (!images.serve(req, res) && !graphqlFast(req, res)) app(req, res);
      },
    }),
    metrics,
    logger,
    renderer,
    pool,
    beginShutdown() {
      shuttingDown = true;
    },
    async close() {
      shuttingDown = true;
      await apollo.stop();
      await renderer.close();
      await redis?.close();
    },
  };
}
