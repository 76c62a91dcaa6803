import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RenderCacheStats } from './render/CachingRenderer.js';
import type { RenderPoolStats } from './render/RenderPool.js';
import type { RedisCacheStats } from './cache/RedisCache.js';
import { LATENCY_BUCKETS, RequestMetrics } from './requestMetrics.js';

/** Where the metrics that are snapshots of other components' counters come from. */
export interface MetricSources {
  readonly cache: () => RenderCacheStats;
  /** Undefined when renders do not go through the child-process pool. */
  readonly pool: () => RenderPoolStats | undefined;
  /** Undefined when no Redis is configured. */
  readonly redis: () => RedisCacheStats | undefined;
}

/**
 * The service's Prometheus metrics, in a registry of their own (each app has one, so tests can
 * run several). Request and render metrics are recorded as they happen (requests by counters of
 * our own: see RequestMetrics); cache and pool figures are read from those components when
 * scraped.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly requests = new RequestMetrics();
  private readonly rejections: Counter<'reason'>;
  private readonly renders: Counter<'kind' | 'outcome'>;
  private readonly renderTime: Histogram<'kind'>;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'chartql_' });
    this.rejections = new Counter({
      name: 'chartql_rejected_requests_total',
      help: 'Requests answered with an error, by error code.',
      labelNames: ['reason'],
      registers,
    });
    this.renders = new Counter({
      name: 'chartql_renders_total',
      help: 'Charts drawn (cache misses), by chart kind and outcome (ok or the error code).',
      labelNames: ['kind', 'outcome'],
      registers,
    });
    this.renderTime = new Histogram({
      name: 'chartql_render_duration_seconds',
      help: 'Time to draw a chart, including waiting for a free renderer.',
      labelNames: ['kind'],
      buckets: [...LATENCY_BUCKETS],
      registers,
    });
    new Counter({
      name: 'chartql_render_cache_requests_total',
      help: 'Render cache lookups, by result (hit or miss; shared_hit/shared_miss for Redis).',
      labelNames: ['result'],
      registers,
      collect() {
        const stats = sources.cache();
        this.reset();
        this.inc({ result: 'hit' }, stats.hits);
        this.inc({ result: 'miss' }, stats.misses);
        this.inc({ result: 'shared_hit' }, stats.sharedHits);
        this.inc({ result: 'shared_miss' }, stats.sharedMisses);
      },
    });
    new Gauge({
      name: 'chartql_render_cache_bytes',
      help: 'Bytes of rendered images held in the in-process cache.',
      registers,
      collect() {
        this.set(sources.cache().bytes);
      },
    });
    new Gauge({
      name: 'chartql_render_queue_depth',
      help: 'Renders waiting for a free render process.',
      registers,
      collect() {
        this.set(sources.pool()?.queued ?? 0);
      },
    });
    new Gauge({
      name: 'chartql_render_workers',
      help: 'Render processes, by state (ready: can take a render; busy: rendering).',
      labelNames: ['state'],
      registers,
      collect() {
        const pool = sources.pool();
        this.set({ state: 'ready' }, pool?.ready ?? 0);
        this.set({ state: 'busy' }, pool?.busy ?? 0);
      },
    });
    new Counter({
      name: 'chartql_render_child_restarts_total',
      help: 'Render processes replaced after exiting (crash, deadline, out of memory).',
      registers,
      collect() {
        this.reset();
        this.inc(sources.pool()?.restarts ?? 0);
      },
    });
    new Counter({
      name: 'chartql_render_child_failures_total',
      help: 'Render processes lost while rendering, by cause (timeout or crash).',
      labelNames: ['cause'],
      registers,
      collect() {
        const pool = sources.pool();
        this.reset();
        this.inc({ cause: 'timeout' }, pool?.timeouts ?? 0);
        this.inc({ cause: 'crash' }, pool?.crashes ?? 0);
      },
    });
    new Gauge({
      name: 'chartql_redis_up',
      help: 'Whether the shared Redis cache is connected: 1 or 0 (0 also without REDIS_URL).',
      registers,
      collect() {
        const redis = sources.redis();
        if (redis !== undefined) this.set(redis.connected ? 1 : 0);
      },
    });
    new Counter({
      name: 'chartql_redis_commands_failed_total',
      help: 'Redis commands that failed or timed out (error) or were not sent while it was away (skipped).',
      labelNames: ['result'],
      registers,
      collect() {
        const redis = sources.redis();
        this.reset();
        if (redis === undefined) return;
        this.inc({ result: 'error' }, redis.errors);
        this.inc({ result: 'skipped' }, redis.skipped);
      },
    });
  }

  /** Records an answered request. */
  observeRequest(route: string, method: string, status: number, seconds: number): void {
    this.requests.observe(route, method, status, seconds);
  }

  /** Records a request refused or failed with a catalogued error code. */
  reject(reason: string): void {
    this.rejections.inc({ reason });
  }

  /** Records one drawn chart. */
  observeRender(kind: string, outcome: string, seconds: number): void {
    this.renders.inc({ kind, outcome });
    this.renderTime.observe({ kind }, seconds);
  }

  /** The exposition text and its content type. */
  async expose(): Promise<{ contentType: string; body: string }> {
    const body = `${this.requests.exposition()}\n${await this.registry.metrics()}`;
    return { contentType: this.registry.contentType, body };
  }
}

/** The label of a request's route: a known path, so label values stay few whatever is asked. */
export function routeLabel(path: string): string {
  if (KNOWN_ROUTES.has(path)) return path;
  if (path.startsWith('/playground/')) return '/playground';
  return 'unmatched';
}

const KNOWN_ROUTES = new Set([
  '/',
  '/histogram',
  '/scatter',
  '/pie',
  '/graphql',
  '/healthz',
  '/readyz',
  '/metrics',
]);
