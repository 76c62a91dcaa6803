import { availableParallelism } from 'node:os';

/** The service's configuration, read once from the environment. */
export interface Config {
  /** Address to listen on. `HOST`, default `127.0.0.1`. */
  readonly host: string;
  /** Port to listen on. `PORT`, default `4001`. */
  readonly port: number;
  /** Whether GraphQL introspection (and so Sandbox's schema view) is on. `INTROSPECTION`, default `true`. */
  readonly introspection: boolean;
  /** Largest accepted request body in bytes. `BODY_LIMIT_BYTES`, default 4 MiB. */
  readonly bodyLimitBytes: number;
  /** Largest accepted request head (URL and headers) in bytes. `MAX_HEADER_BYTES`, default 1 MiB. */
  readonly maxHeaderBytes: number;
  /** Render child processes. `RENDER_WORKERS`, default one per core. */
  readonly renderWorkers: number;
  /** Deadline of one render in ms; past it the child is killed. `RENDER_TIMEOUT_MS`, default 2000. */
  readonly renderTimeoutMs: number;
  /** Renders that may wait for a child before requests get 503. `RENDER_QUEUE`, default 64. */
  readonly renderQueue: number;
  /** Bytes of rendered images kept in memory; 0 turns the cache off. `RENDER_CACHE_BYTES`, default 32 MiB. */
  readonly renderCacheBytes: number;
  /** Production mode: field suggestions hidden from GraphQL errors. `NODE_ENV=production`. */
  readonly production: boolean;
  /** Deepest GraphQL selection accepted. `GRAPHQL_MAX_DEPTH`, default 12. */
  readonly graphqlMaxDepth: number;
  /** Most aliases in one GraphQL operation. `GRAPHQL_MAX_ALIASES`, default 15. */
  readonly graphqlMaxAliases: number;
  /** Largest cost of one GraphQL operation (graphql-armor's estimate). `GRAPHQL_MAX_COST`, default 5000. */
  readonly graphqlMaxCost: number;
  /** Most charts one GraphQL operation may render. `RENDERS_PER_OPERATION`, default 4. */
  readonly rendersPerOperation: number;
  /** Time a client has to send its request headers, in ms. `HEADERS_TIMEOUT_MS`, default 10000. */
  readonly headersTimeoutMs: number;
  /** Time a client has to send its whole request, in ms. `REQUEST_TIMEOUT_MS`, default 30000. */
  readonly requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open, in ms. `KEEP_ALIVE_TIMEOUT_MS`, default 5000. */
  readonly keepAliveTimeoutMs: number;
  /** On SIGTERM, how long in-flight requests get to finish, in ms. `SHUTDOWN_GRACE_MS`, default 10000. */
  readonly shutdownGraceMs: number;
  /** Least severe log level written (pino: trace … fatal, or silent). `LOG_LEVEL`, default `info`. */
  readonly logLevel: LogLevel;
  /**
   * Requests one client may make per second, sustained; 0 turns rate limiting off.
   * `RATE_LIMIT_PER_SECOND`, default 20.
   */
  readonly rateLimitPerSecond: number;
  /**
   * Requests one client may make at once above the sustained rate. Below the render queue's
   * length, so one client alone cannot fill it. `RATE_LIMIT_BURST`, default 48.
   */
  readonly rateLimitBurst: number;
  /**
   * Reverse proxies in front of the service whose `X-Forwarded-For` entries are trusted, counted
   * from the service outwards. 0 keys clients on the connection's address and ignores the header,
   * so a forged header cannot pick the key. `TRUST_PROXY_HOPS`, default 0.
   */
  readonly trustProxyHops: number;
  /** Whether `GET /metrics` answers Prometheus metrics. `METRICS`, default `true`. */
  readonly metrics: boolean;
  /** Redis shared by replicas for rendered images and persisted queries; unset for none. `REDIS_URL`. */
  readonly redisUrl: string | undefined;
  /** How long an entry lives in Redis, in seconds. `REDIS_TTL_SECONDS`, default 86400. */
  readonly redisTtlSeconds: number;
  /** Largest entry written to Redis, in bytes. `REDIS_MAX_ENTRY_BYTES`, default 2 MiB. */
  readonly redisMaxEntryBytes: number;
  /** How long a Redis command may take before the local cache answers alone, in ms. `REDIS_TIMEOUT_MS`, default 100. */
  readonly redisTimeoutMs: number;
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_CONFIG: Config = Object.freeze({
  host: '127.0.0.1',
  port: 4001,
  introspection: true,
  bodyLimitBytes: 4 * 1024 * 1024,
  maxHeaderBytes: 1024 * 1024,
  renderWorkers: availableParallelism(),
  renderTimeoutMs: 2000,
  renderQueue: 64,
  renderCacheBytes: 32 * 1024 * 1024,
  production: false,
  graphqlMaxDepth: 12,
  graphqlMaxAliases: 15,
  graphqlMaxCost: 5000,
  rendersPerOperation: 4,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  shutdownGraceMs: 10_000,
  logLevel: 'info',
  rateLimitPerSecond: 20,
  rateLimitBurst: 48,
  trustProxyHops: 0,
  metrics: true,
  redisUrl: undefined,
  redisTtlSeconds: 86_400,
  redisMaxEntryBytes: 2 * 1024 * 1024,
  redisTimeoutMs: 100,
});

/** Reads the configuration from environment variables; unknown values fail loudly at start. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return Object.freeze({
    host: env['HOST'] ?? DEFAULT_CONFIG.host,
    port: integer(env, 'PORT', DEFAULT_CONFIG.port, 0, 65535),
    introspection: boolean(env, 'INTROSPECTION', DEFAULT_CONFIG.introspection),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', DEFAULT_CONFIG.bodyLimitBytes, 1024, 2 ** 30),
    maxHeaderBytes: integer(env, 'MAX_HEADER_BYTES', DEFAULT_CONFIG.maxHeaderBytes, 16384, 2 ** 24),
    renderWorkers: integer(env, 'RENDER_WORKERS', DEFAULT_CONFIG.renderWorkers, 1, 256),
    renderTimeoutMs: integer(
      env,
      'RENDER_TIMEOUT_MS',
      DEFAULT_CONFIG.renderTimeoutMs,
      100,
      600_000,
    ),
    renderQueue: integer(env, 'RENDER_QUEUE', DEFAULT_CONFIG.renderQueue, 0, 100_000),
    renderCacheBytes: integer(
      env,
      'RENDER_CACHE_BYTES',
      DEFAULT_CONFIG.renderCacheBytes,
      0,
      2 ** 40,
    ),
    production: env['NODE_ENV'] === 'production',
    graphqlMaxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', DEFAULT_CONFIG.graphqlMaxDepth, 1, 1000),
    graphqlMaxAliases: integer(
      env,
      'GRAPHQL_MAX_ALIASES',
      DEFAULT_CONFIG.graphqlMaxAliases,
      0,
      10_000,
    ),
    graphqlMaxCost: integer(env, 'GRAPHQL_MAX_COST', DEFAULT_CONFIG.graphqlMaxCost, 1, 10_000_000),
    rendersPerOperation: integer(
      env,
      'RENDERS_PER_OPERATION',
      DEFAULT_CONFIG.rendersPerOperation,
      0,
      1000,
    ),
    headersTimeoutMs: integer(
      env,
      'HEADERS_TIMEOUT_MS',
      DEFAULT_CONFIG.headersTimeoutMs,
      100,
      600_000,
    ),
    requestTimeoutMs: integer(
      env,
      'REQUEST_TIMEOUT_MS',
      DEFAULT_CONFIG.requestTimeoutMs,
      100,
      3_600_000,
    ),
    keepAliveTimeoutMs: integer(
      env,
      'KEEP_ALIVE_TIMEOUT_MS',
      DEFAULT_CONFIG.keepAliveTimeoutMs,
      0,
      600_000,
    ),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', DEFAULT_CONFIG.shutdownGraceMs, 0, 600_000),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, DEFAULT_CONFIG.logLevel),
    rateLimitPerSecond: integer(
      env,
      'RATE_LIMIT_PER_SECOND',
      DEFAULT_CONFIG.rateLimitPerSecond,
      0,
      1_000_000,
    ),
    rateLimitBurst: integer(env, 'RATE_LIMIT_BURST', DEFAULT_CONFIG.rateLimitBurst, 1, 10_000_000),
    trustProxyHops: integer(env, 'TRUST_PROXY_HOPS', DEFAULT_CONFIG.trustProxyHops, 0, 32),
    metrics: boolean(env, 'METRICS', DEFAULT_CONFIG.metrics),
    redisUrl: env['REDIS_URL'] === '' ? undefined : env['REDIS_URL'],
    redisTtlSeconds: integer(
      env,
      'REDIS_TTL_SECONDS',
      DEFAULT_CONFIG.redisTtlSeconds,
      1,
      365 * 86_400,
    ),
    redisMaxEntryBytes: integer(
      env,
      'REDIS_MAX_ENTRY_BYTES',
      DEFAULT_CONFIG.redisMaxEntryBytes,
      1024,
      512 * 1024 * 1024,
    ),
    redisTimeoutMs: integer(env, 'REDIS_TIMEOUT_MS', DEFAULT_CONFIG.redisTimeoutMs, 1, 60_000),
  });
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not ${text}`);
  }
  return value;
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const text = env[name]?.toLowerCase();
  if (text === undefined || text === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  throw new Error(`${name} must be true or false, not ${text}`);
}

function oneOf<T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const text = env[name]?.toLowerCase();
  if (text === undefined || text === '') return fallback;
  const found = allowed.find((value) => value === text);
  if (found === undefined)
    throw new Error(`${name} must be one of ${allowed.join(', ')}, not ${text}`);
  return found;
}
