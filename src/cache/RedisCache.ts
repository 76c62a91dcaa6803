import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Logger } from '../log.js';
import type { SharedImageStore } from '../render/CachingRenderer.js';

export interface RedisCacheOptions {
  readonly url: string;
  readonly ttlSeconds: number;
  readonly maxEntryBytes: number;
  readonly timeoutMs: number;
  readonly logger: Logger;
}

/** Redis shared by replicas: rendered images and Apollo's persisted queries. (Being written.) */
export class RedisCache {
  readonly images: SharedImageStore;
  readonly queries: KeyValueCache;

  constructor(options: RedisCacheOptions) {
    throw new Error(`REDIS_URL is not supported yet (${options.url.length} characters)`);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
