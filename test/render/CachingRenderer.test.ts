import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeHistogramOutcome } from '../../src/histogramService.js';
import { CachingRenderer, type SharedImageStore } from '../../src/render/CachingRenderer.js';
import type { ChartRenderer, ChartSpec, RenderedImage } from '../../src/render/chartSpec.js';
import { renderKey } from '../../src/render/renderKey.js';

function chart(title: string): ChartSpec {
  return computeHistogramOutcome({ data: [1, 2, 2, 3], title }).chart;
}

function image(text: string): RenderedImage {
  return { bytes: Buffer.from(text), mimeType: 'image/png', width: 8, height: 6 };
}

/** Draws a placeholder image named after the chart title, counting renders; may be told to fail. */
class FakeRenderer implements ChartRenderer {
  renders = 0;
  fail = false;

  render(spec: ChartSpec): Promise<RenderedImage> {
    this.renders += 1;
    if (this.fail) return Promise.reject(new Error('render failed'));
    return Promise.resolve(image(`drawn ${spec.kind === 'histogram' ? spec.title : ''}`));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** A shared store in memory whose lookups can be held back, to overlap requests. */
class FakeStore implements SharedImageStore {
  readonly entries = new Map<string, RenderedImage>();
  readonly sets: string[] = [];
  gets = 0;
  broken = false;
  private held: (() => void)[] | undefined;

  get(key: string): Promise<RenderedImage | undefined> {
    this.gets += 1;
    if (this.broken) return Promise.reject(new Error('store is broken'));
    const answer = () => this.entries.get(key);
    const held = this.held;
    if (held === undefined) return Promise.resolve(answer());
    return new Promise((resolve) => {
      held.push(() => {
        resolve(answer());
      });
    });
  }

  set(key: string, value: RenderedImage): void {
    this.sets.push(key);
    this.entries.set(key, value);
  }

  hold(): void {
    this.held = [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const answer of held) answer();
  }
}

describe('CachingRenderer', () => {
  test('without a shared store, the same chart renders once', async () => {
    const inner = new FakeRenderer();
    const cache = new CachingRenderer(inner, 1024);
    const first = await cache.render(chart('a'));
    const second = await cache.render(chart('a'));
    assert.equal(second, first);
    assert.equal(inner.renders, 1);
    const { hits, misses, sharedHits, sharedMisses } = cache.stats();
    assert.deepEqual(
      { hits, misses, sharedHits, sharedMisses },
      {
        hits: 1,
        misses: 1,
        sharedHits: 0,
        sharedMisses: 0,
      },
    );
  });

  test('an image in the shared store is served without rendering, then from memory', async () => {
    const inner = new FakeRenderer();
    const store = new FakeStore();
    const spec = chart('shared');
    const key = renderKey(spec);
    const stored = image('from another replica');
    store.entries.set(key, stored);
    const cache = new CachingRenderer(inner, 1024, store);

    assert.equal(await cache.render(spec, key), stored);
    assert.equal(await cache.render(spec, key), stored);
    assert.equal(cache.peek(key), stored);
    assert.equal(inner.renders, 0);
    assert.equal(store.gets, 1);
    assert.deepEqual(store.sets, []);
    const { hits, misses, sharedHits, sharedMisses, entries } = cache.stats();
    assert.deepEqual(
      { hits, misses, sharedHits, sharedMisses, entries },
      { hits: 2, misses: 1, sharedHits: 1, sharedMisses: 0, entries: 1 },
    );
  });

  test('a chart missing from the shared store is rendered once and written to it', async () => {
    const inner = new FakeRenderer();
    const store = new FakeStore();
    const spec = chart('new');
    const key = renderKey(spec);
    const cache = new CachingRenderer(inner, 1024, store);

    const rendered = await cache.render(spec, key);
    assert.equal(rendered.bytes.toString(), 'drawn new');
    assert.equal(await cache.render(spec, key), rendered);
    assert.equal(inner.renders, 1);
    assert.equal(store.gets, 1);
    assert.deepEqual(store.sets, [key]);
    assert.equal(store.entries.get(key), rendered);
    assert.equal(cache.stats().sharedMisses, 1);
    assert.equal(cache.stats().sharedHits, 0);
  });

  test('concurrent requests share one lookup and at most one render', async () => {
    for (const inStore of [true, false]) {
      const inner = new FakeRenderer();
      const store = new FakeStore();
      const spec = chart('concurrent');
      const key = renderKey(spec);
      if (inStore) store.entries.set(key, image('stored'));
      store.hold();
      const cache = new CachingRenderer(inner, 1024, store);

      const answers = [cache.render(spec, key), cache.render(spec, key), cache.render(spec)];
      store.release();
      const [first, ...rest] = await Promise.all(answers);
      for (const other of rest) assert.equal(other, first);
      assert.equal(store.gets, 1, `stored: ${inStore}`);
      assert.equal(inner.renders, inStore ? 0 : 1);
      assert.equal(store.sets.length, inStore ? 0 : 1);
      const { hits, misses } = cache.stats();
      assert.deepEqual({ hits, misses }, { hits: 2, misses: 1 });
    }
  });

  test('a failing shared store is a miss: the chart is rendered, not failed', async () => {
    const inner = new FakeRenderer();
    const store = new FakeStore();
    store.broken = true;
    const cache = new CachingRenderer(inner, 1024, store);
    const rendered = await cache.render(chart('broken store'));
    assert.equal(rendered.bytes.toString(), 'drawn broken store');
    assert.equal(inner.renders, 1);
    assert.equal(cache.stats().sharedMisses, 1);
  });

  test('a failed render is neither cached nor shared, and the next request tries again', async () => {
    const inner = new FakeRenderer();
    const store = new FakeStore();
    const cache = new CachingRenderer(inner, 1024, store);
    const spec = chart('fails once');
    inner.fail = true;
    await assert.rejects(cache.render(spec), /render failed/);
    assert.deepEqual(store.sets, []);
    assert.equal(cache.stats().entries, 0);
    inner.fail = false;
    const rendered = await cache.render(spec);
    assert.equal(rendered.bytes.toString(), 'drawn fails once');
    assert.equal(inner.renders, 2);
    assert.equal(store.gets, 2);
    assert.equal(store.sets.length, 1);
  });

  test('an image from the shared store counts against the memory bound', async () => {
    const inner = new FakeRenderer();
    const store = new FakeStore();
    const [one, two] = [chart('one'), chart('two')];
    for (const spec of [one, two]) store.entries.set(renderKey(spec), image('x'.repeat(600)));
    const cache = new CachingRenderer(inner, 1000, store);
    await cache.render(one);
    await cache.render(two);
    const { entries, bytes } = cache.stats();
    assert.deepEqual({ entries, bytes }, { entries: 1, bytes: 600 });
    assert.equal(cache.peek(renderKey(one)), undefined);
    assert.ok(cache.peek(renderKey(two)));
    assert.equal(inner.renders, 0);
  });
});
