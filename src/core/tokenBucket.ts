/** The answer of a rate limiter: go ahead, or wait this many seconds. */
export type RateDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * Token buckets, one per client key: each holds up to `burst` tokens, refills at `perSecond`
 * tokens a second, and a request takes one. Pure: the caller passes the time. Memory is bounded:
 * past `maxKeys` clients, full buckets (clients idle long enough to have refilled, which would
 * be recreated full anyway) are dropped first, then the oldest.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly maxKeys = 100_000,
  ) {
    if (!(perSecond > 0) || !(burst >= 1)) {
      throw new RangeError('a token bucket needs a positive rate and a burst of at least 1');
    }
  }

  take(key: string, nowMs: number): RateDecision {
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      if (this.buckets.size >= this.maxKeys) this.evict(nowMs);
      bucket = { tokens: this.burst, updatedMs: nowMs };
    } else {
      this.buckets.delete(key);
      const elapsedSeconds = Math.max(0, nowMs - bucket.updatedMs) / 1000;
      bucket.tokens = Math.min(this.burst, bucket.tokens + elapsedSeconds * this.perSecond);
      bucket.updatedMs = nowMs;
    }
    // Re-inserted so the map stays in least-recently-used order.
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond)),
    };
  }

  /** Clients tracked now. */
  get size(): number {
    return this.buckets.size;
  }

  private evict(nowMs: number): void {
    const refillMs = (this.burst / this.perSecond) * 1000;
    for (const [key, bucket] of this.buckets) {
      if (nowMs - bucket.updatedMs >= refillMs) this.buckets.delete(key);
    }
    // Everyone is active: drop the least recently seen tenth.
    if (this.buckets.size >= this.maxKeys) {
      let drop = Math.ceil(this.maxKeys / 10);
      for (const key of this.buckets.keys()) {
        if (drop-- <= 0) break;
        this.buckets.delete(key);
      }
    }
  }
}
