import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import type { SharedImageStore } from '../render/CachingRenderer.js';
import { decodeImage, encodeImage, encodedImageSize } from './imageEntry.js';

/** Key prefixes, so the service can share a Redis with others. */
export const IMAGE_KEY_PREFIX = 'chartql:image:';
export const QUERY_KEY_PREFIX = 'chartql:apq:';

/** Reconnect delays double from 100 ms up to this, and stay there while Redis is down. */
const MAX_RECONNECT_DELAY_MS = 2000;
/** A connection attempt that takes longer than this counts as failed and is retried. */
const CONNECT_TIMEOUT_MS = 2000;
/** Failing commands on a live connection (timeouts) are logged at most once per this period. */
const FAILURE_LOG_INTERVAL_MS = 60_000;

export interface RedisCacheOptions {
  /** `redis://[[user]:password@]host[:port][/db]` or `rediss://…` for TLS. */
  readonly url: string;
  /** Lifetime of an entry unless the writer (Apollo) asks for another, in seconds. */
  readonly ttlSeconds: number;
  /** Entries larger than this are kept in this replica's memory only, in bytes. */
  readonly maxEntryBytes: number;
  /** How long a command may take before it counts as failed, in ms. */
  readonly timeoutMs: number;
  readonly logger: Logger;
}

export interface RedisCacheStats {
  /** Whether the connection is up: commands are sent only then. */
  readonly connected: boolean;
  /** Commands that failed or timed out: lookups answered as misses, writes dropped. */
  readonly errors: number;
  /** Commands not sent because Redis was unreachable. */
  readonly skipped: number;
  /** Entries not written because they were larger than `maxEntryBytes`. */
  readonly oversized: number;
}

/**
 * Redis shared by replicas, holding rendered images (`images`, behind each replica's in-process
 * cache) and Apollo's persisted queries (`queries`). It never fails or slows a request: commands
 * are sent only while connected, time out after `timeoutMs`, are not retried, and any failure
 * reads as a miss or a dropped write. The connection is re-established forever with backoff; the
 * service starts and serves with Redis down. Logs one warning when Redis becomes unreachable and
 * one line when it is back.
 */
export class RedisCache {
  readonly images: SharedImageStore;
  readonly queries: KeyValueCache;

  private readonly client: Redis;
  private readonly logger: Logger;
  private readonly ttlSeconds: number;
  private readonly maxEntryBytes: number;
  /** Unknown until the first connection succeeds or fails. */
  private reachable: boolean | undefined;
  private closing = false;
  private errors = 0;
  private skipped = 0;
  private oversized = 0;
  private failuresSinceLog = 0;
  private lastFailureLog = -Infinity;

  /** Connects in the background; throws only for a URL that is not one. */
  constructor(options: RedisCacheOptions) {
    this.ttlSeconds = options.ttlSeconds;
    this.maxEntryBytes = options.maxEntryBytes;
    this.logger = options.logger.child({ redis: redactedTarget(options.url) });
    try {
      this.client = new Redis(options.url, {
        // A command sent while disconnected fails at once instead of waiting for a reconnect.
        enableOfflineQueue: false,
        commandTimeout: options.timeoutMs,
        // A lookup that missed its deadline is worth nothing later: no command is resent.
        maxRetriesPerRequest: 0,
        connectTimeout: CONNECT_TIMEOUT_MS,
        retryStrategy: reconnectDelay,
        // How long close() lets a socket linger; ioredis also waits this long (for nothing) when
        // closed between reconnection attempts, which would keep a stopping process alive.
        disconnectTimeout: options.timeoutMs,
      });
    } catch {
      // ioredis's own message would not say which setting is wrong, and must not echo a password.
      throw new Error(
        'REDIS_URL is not a valid URL: expected redis://[[user]:password@]host[:port][/db]',
      );
    }
    this.client.on('ready', () => {
      this.connectionUp();
    });
    this.client.on('error', (error: unknown) => {
      this.connectionDown(reasonOf(error));
    });
    this.client.on('close', () => {
      this.connectionDown('connection closed');
    });

    this.images = {
      get: async (key) => {
        const value = await this.send((client) => client.getBuffer(IMAGE_KEY_PREFIX + key));
        return value == null ? undefined : decodeImage(value);
      },
      set: (key, image) => {
        if (encodedImageSize(image) > this.maxEntryBytes) {
          this.oversized += 1;
          return;
        }
        // `send` never rejects: a failed write is counted and logged there.
        void this.write(IMAGE_KEY_PREFIX + key, encodeImage(image), this.ttlSeconds);
      },
    };
    this.queries = {
      get: async (key) => {
        const value = await this.send((client) => client.get(QUERY_KEY_PREFIX + key));
        return value ?? undefined;
      },
      set: async (key, value, setOptions?: KeyValueCacheSetOptions) => {
        if (Buffer.byteLength(value, 'utf8') > this.maxEntryBytes) {
          this.oversized += 1;
          return;
        }
        const ttl = setOptions?.ttl;
        await this.write(
          QUERY_KEY_PREFIX + key,
          value,
          typeof ttl === 'number' && ttl > 0 ? Math.ceil(ttl) : this.ttlSeconds,
        );
      },
      delete: async (key) => {
        const removed = await this.send((client) => client.del(QUERY_KEY_PREFIX + key));
        return removed === undefined ? undefined : removed > 0;
      },
    };
  }

  stats(): RedisCacheStats {
    return {
      connected: this.client.status === 'ready',
      errors: this.errors,
      skipped: this.skipped,
      oversized: this.oversized,
    };
  }

  /** Says goodbye to Redis (bounded by the command timeout) and stops reconnecting. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.client.status === 'ready') {
      try {
        // Redis answers and hangs up; ioredis then does not reconnect.
        await this.client.quit();
        return;
      } catch {
        // Not answered in time: drop the connection instead.
      }
    }
    this.client.disconnect();
  }

  private async write(key: string, value: Buffer | string, ttlSeconds: number): Promise<void> {
    await this.send((client) => client.set(key, value, 'EX', ttlSeconds));
  }

  /** Runs a command if connected; resolves undefined when it is not sent or fails. */
  private async send<T>(command: (client: Redis) => Promise<T>): Promise<T | undefined> {
    if (this.client.status !== 'ready') {
      this.skipped += 1;
      return undefined;
    }
    try {
      return await command(this.client);
    } catch (error) {
      this.commandFailed(reasonOf(error));
      return undefined;
    }
  }

  private commandFailed(reason: string): void {
    this.errors += 1;
    // A lost connection is reported once by its own events; this is for a live but failing one.
    if (this.client.status !== 'ready' || this.closing) return;
    this.failuresSinceLog += 1;
    const now = Date.now();
    if (now - this.lastFailureLog < FAILURE_LOG_INTERVAL_MS) return;
    this.logger.warn(
      { reason, failures: this.failuresSinceLog },
      'Redis commands are failing; answering from the local cache',
    );
    this.lastFailureLog = now;
    this.failuresSinceLog = 0;
  }

  private connectionUp(): void {
    const wasDown = this.reachable === false;
    this.reachable = true;
    this.logger.info(
      wasDown
        ? 'Redis is reachable again; sharing the cache'
        : 'connected to Redis; sharing the cache',
    );
  }

  private connectionDown(reason: string): void {
    // Every failed reconnection attempt emits events; only the change is worth a line.
    if (this.closing || this.reachable === false) return;
    this.reachable = false;
    this.logger.warn(
      { reason },
      'Redis is unreachable; answering from the local cache until it is back',
    );
  }
}

/** Exponential backoff with jitter, so replicas do not reconnect in lockstep; never gives up. */
function reconnectDelay(attempt: number): number {
  const ceiling = Math.min(100 * 2 ** Math.min(attempt - 1, 10), MAX_RECONNECT_DELAY_MS);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** Where Redis is, for log lines: the URL without credentials or options (which may hold some). */
function redactedTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    // Not a URL (ioredis also takes a Unix socket path): say which setting, not its value.
    return 'REDIS_URL';
  }
}

/** A short reason for a log line; connection errors to several addresses have no message. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.message !== '') return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  return code ?? error.name;
}
