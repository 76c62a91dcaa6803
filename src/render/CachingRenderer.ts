import type { ChartRenderer, ChartSpec, RenderedImage } from './chartSpec.js';
import { renderKey } from './renderKey.js';

export interface RenderCacheStats {
  /** Renders answered from memory, including those joining a lookup or render in flight. */
  readonly hits: number;
  /** Renders not in memory: each starts one shared lookup (if any) and at most one render. */
  readonly misses: number;
  /** Misses the shared store answered, so nothing was drawn. */
  readonly sharedHits: number;
  /** Misses the shared store did not answer (absent, unreachable, too slow): drawn here. */
  readonly sharedMisses: number;
  readonly entries: number;
  readonly bytes: number;
  readonly maxBytes: number;
}

/**
 * A cache shared by replicas (Redis), behind the in-process one. It never rejects: when it cannot
 * answer, `get` resolves undefined and the chart is rendered locally.
 */
export interface SharedImageStore {
  get(key: string): Promise<RenderedImage | undefined>;
  /** Stores an image in the background; failures are logged, never thrown. */
  set(key: string, image: RenderedImage): void;
}

/**
 * An in-process LRU of rendered images in front of another renderer, bounded in bytes, optionally
 * backed by a store shared with other replicas. The same chart asked for twice renders once — also
 * when the second request arrives while the first is still being looked up or rendered. An image
 * another replica rendered is taken from the shared store instead of drawn again. Failures are not
 * cached.
 */
export class CachingRenderer implements ChartRenderer {
  private readonly entries = new Map<string, RenderedImage>();
  private readonly inFlight = new Map<string, Promise<RenderedImage>>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private sharedHits = 0;
  private sharedMisses = 0;

  constructor(
    private readonly inner: ChartRenderer,
    private readonly maxBytes: number,
    private readonly shared?: SharedImageStore,
  ) {}

  render(spec: ChartSpec, key: string = renderKey(spec)): Promise<RenderedImage> {
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      this.hits += 1;
      // Re-insert to mark it most recently used.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return Promise.resolve(cached);
    }
    const pending = this.inFlight.get(key);
    if (pending !== undefined) {
      this.hits += 1;
      return pending;
    }
    this.misses += 1;
    const work =
      this.shared === undefined ? this.draw(spec, key) : this.lookUp(spec, key, this.shared);
    const settled = work.then(
      (image) => {
        this.inFlight.delete(key);
        return image;
      },
      (error: unknown) => {
        this.inFlight.delete(key);
        throw error;
      },
    );
    this.inFlight.set(key, settled);
    return settled;
  }

  /** Whether a render that misses the cache would be refused now. */
  saturated(): boolean {
    return this.inner.saturated?.() ?? false;
  }

  /** The cached image for a key, if any, without rendering (a hit when found). */
  peek(key: string): RenderedImage | undefined {
    const cached = this.entries.get(key);
    if (cached !== undefined) this.hits += 1;
    return cached;
  }

  stats(): RenderCacheStats {
    return {
      hits: this.hits,
      misses: this.misses,
      sharedHits: this.sharedHits,
      sharedMisses: this.sharedMisses,
      entries: this.entries.size,
      bytes: this.bytes,
      maxBytes: this.maxBytes,
    };
  }

  async close(): Promise<void> {
    this.entries.clear();
    this.bytes = 0;
    await this.inner.close();
  }

  /** The image from the shared store, or else drawn here and offered to it. */
  private async lookUp(
    spec: ChartSpec,
    key: string,
    shared: SharedImageStore,
  ): Promise<RenderedImage> {
    // The store promises never to reject; a broken one still must not fail a render.
    const found = await shared.get(key).catch(() => undefined);
    if (found !== undefined) {
      this.sharedHits += 1;
      this.store(key, found);
      return found;
    }
    this.sharedMisses += 1;
    const image = await this.draw(spec, key);
    shared.set(key, image);
    return image;
  }

  private async draw(spec: ChartSpec, key: string): Promise<RenderedImage> {
    const image = await this.inner.render(spec);
    this.store(key, image);
    return image;
  }

  private store(key: string, image: RenderedImage): void {
    const size = image.bytes.length;
    if (size > this.maxBytes || this.entries.has(key)) return;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes + size <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.bytes.length;
    }
    this.entries.set(key, image);
    this.bytes += size;
  }
}
