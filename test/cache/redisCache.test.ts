import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { decodeImage, encodeImage, encodedImageSize } from '../../src/cache/imageEntry.js';
import { IMAGE_KEY_PREFIX, QUERY_KEY_PREFIX, RedisCache } from '../../src/cache/RedisCache.js';
import type { Logger } from '../../src/log.js';
import type { RenderedImage } from '../../src/render/chartSpec.js';
import { captureLog } from '../support/captureLog.js';
import { CountingRenderer } from '../support/countingRenderer.js';
import { decodePng } from '../support/png.js';
import { freePort, startRedisServer, type RedisServer } from '../support/redisServer.js';
import { postGraphQL, startServer, type TestServer } from '../support/server.js';

const WARN = 40;
const INFO = 30;
const UNREACHABLE = 'Redis is unreachable; answering from the local cache until it is back';
const BACK = 'Redis is reachable again; sharing the cache';
const CONNECTED = 'connected to Redis; sharing the cache';
const FAILING = 'Redis commands are failing; answering from the local cache';
/** Far above a 100 ms Redis timeout plus a small render; far below anything a client would wait. */
const REQUEST_BUDGET_MS = 1000;
const TTL_SECONDS = 600;

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly redis?: string;
}

/** The service's log lines, with questions about Redis's. */
class CapturedLogs {
  private readonly capture = captureLog('debug');
  readonly logger: Logger = this.capture.logger;

  get lines(): LogLine[] {
    return this.capture.lines() as unknown as LogLine[];
  }

  /** Warnings and errors about Redis (its lines carry a `redis` field: where it is). */
  redisProblems(): number {
    return this.lines.filter((line) => line.level >= WARN && line.redis !== undefined).length;
  }

  count(level: number, msg: string): number {
    return this.lines.filter((line) => line.level === level && line.msg === msg).length;
  }

  async waitFor(level: number, msg: string): Promise<void> {
    await waitUntil(`log line "${msg}"`, () => this.count(level, msg) > 0);
  }
}

async function waitUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

/**
 * What a before() hook set up, undone newest first by after() — also when the hook failed
 * halfway, so no redis-server or connection outlives the file.
 */
class Teardown {
  private readonly steps: (() => Promise<void> | void)[] = [];

  add(step: () => Promise<void> | void): void {
    this.steps.push(step);
  }

  async run(): Promise<void> {
    const errors: unknown[] = [];
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'teardown failed');
  }
}

/** An ioredis client for the test to look into Redis with. */
function inspector(redis: RedisServer): Redis {
  const client = new Redis(redis.url);
  // It reconnects by itself when a test restarts the server.
  client.on('error', () => undefined);
  return client;
}

function image(size: number, fill = 7): RenderedImage {
  return { bytes: Buffer.alloc(size, fill), mimeType: 'image/png', width: 40, height: 30 };
}

/** A histogram URL no other test asks for, so each request is a miss in every cache. */
let charts = 0;
function newChartPath(): string {
  charts += 1;
  return `/histogram?data=1,2,2,3,3,3,${charts}&title=Chart%20${charts}&width=200&height=150`;
}

interface Fetched {
  readonly status: number;
  readonly bytes: Buffer;
  readonly etag: string;
  readonly contentType: string;
  readonly elapsedMs: number;
}

async function get(server: TestServer, path: string): Promise<Fetched> {
  const started = performance.now();
  const response = await fetch(server.url + path);
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    bytes,
    etag: response.headers.get('etag') ?? '',
    contentType: response.headers.get('content-type') ?? '',
    elapsedMs: performance.now() - started,
  };
}

function imageKey(etag: string): string {
  return IMAGE_KEY_PREFIX + etag.replaceAll('"', '');
}

describe('Redis value format for images', () => {
  test('an image survives encoding byte for byte, with its type and size', () => {
    const original: RenderedImage = {
      bytes: Buffer.from([0, 10, 13, 255, 10, 0, 1]),
      mimeType: 'image/svg+xml',
      width: 800,
      height: 600,
    };
    const encoded = encodeImage(original);
    assert.equal(encoded.length, encodedImageSize(original));
    const decoded = decodeImage(encoded);
    assert.deepEqual(decoded, original);
    // A copy, not a view that keeps the client's (possibly pooled) buffer alive.
    encoded.fill(0);
    assert.deepEqual(decoded.bytes, original.bytes);
  });

  test('anything else decodes as a miss', () => {
    const header = (fields: object) => Buffer.from(`${JSON.stringify(fields)}\nbytes`);
    for (const value of [
      Buffer.alloc(0),
      Buffer.from('no newline at all'),
      Buffer.from('not json\nbytes'),
      header({ v: 2, mimeType: 'image/png', width: 1, height: 1 }),
      header({ v: 1, mimeType: 'text/html', width: 1, height: 1 }),
      header({ v: 1, mimeType: 'image/png', width: 0, height: 1 }),
      header({ v: 1, mimeType: 'image/png', width: 1.5, height: 1 }),
      header({ v: 1, mimeType: 'image/png', width: 1 }),
      Buffer.concat([Buffer.alloc(300, 32), Buffer.from('\n')]),
    ]) {
      assert.equal(decodeImage(value), undefined, value.toString());
    }
  });
});

/** A redis-server of its own and a client to look inside it, both undone by `teardown`. */
async function redisWithInspector(
  teardown: Teardown,
): Promise<{ redis: RedisServer; client: Redis }> {
  const redis = await startRedisServer();
  teardown.add(() => redis.stop());
  const client = inspector(redis);
  teardown.add(() => {
    client.disconnect();
  });
  return { redis, client };
}

describe('RedisCache against a real redis-server', () => {
  let redis: RedisServer;
  let client: Redis;
  let cache: RedisCache;
  const logs = new CapturedLogs();

  const teardown = new Teardown();

  before(async () => {
    ({ redis, client } = await redisWithInspector(teardown));
    cache = new RedisCache({
      url: redis.url,
      ttlSeconds: TTL_SECONDS,
      maxEntryBytes: 1024,
      timeoutMs: 100,
      logger: logs.logger,
    });
    teardown.add(() => cache.close());
    await logs.waitFor(INFO, CONNECTED);
  });
  after(() => teardown.run());

  test('images are stored under a namespaced key with a TTL and read back', async () => {
    const small = image(100);
    cache.images.set('small', small);
    await waitUntil(
      'the image in Redis',
      async () => (await client.exists('chartql:image:small')) === 1,
    );
    const ttl = await client.ttl('chartql:image:small');
    assert.ok(ttl > TTL_SECONDS - 10 && ttl <= TTL_SECONDS, `TTL ${ttl}`);
    assert.deepEqual(await cache.images.get('small'), small);
    assert.equal(await cache.images.get('absent'), undefined);
  });

  test('an image larger than maxEntryBytes is not written', async () => {
    const before = cache.stats().oversized;
    cache.images.set('big', image(1024));
    // Written after the big one on the same connection: once it is there, the big one would be.
    cache.images.set('after-big', image(10));
    await waitUntil(
      'the later image',
      async () => (await client.exists('chartql:image:after-big')) === 1,
    );
    assert.equal(await client.exists('chartql:image:big'), 0);
    assert.equal(cache.stats().oversized, before + 1);
  });

  test('a value that is not an image entry reads as a miss', async () => {
    await client.set('chartql:image:garbage', 'not an image');
    assert.equal(await cache.images.get('garbage'), undefined);
  });

  test("persisted queries honour Apollo's TTL, else the configured one, and can be deleted", async () => {
    await cache.queries.set('with-ttl', '{ a }', { ttl: 5 });
    await cache.queries.set('without', '{ b }');
    await cache.queries.set('null-ttl', '{ c }', { ttl: null });
    const ttl = async (key: string) => client.ttl(QUERY_KEY_PREFIX + key);
    assert.ok((await ttl('with-ttl')) > 0 && (await ttl('with-ttl')) <= 5);
    assert.ok((await ttl('without')) > TTL_SECONDS - 10);
    assert.ok((await ttl('null-ttl')) > TTL_SECONDS - 10);
    assert.equal(await cache.queries.get('with-ttl'), '{ a }');
    assert.equal(await cache.queries.delete('with-ttl'), true);
    assert.equal(await cache.queries.get('with-ttl'), undefined);
    assert.equal(await cache.queries.delete('with-ttl'), false);
    await cache.queries.set('huge', 'x'.repeat(2000));
    assert.equal(await client.exists(`${QUERY_KEY_PREFIX}huge`), 0);
  });

  test('with Redis unreachable, every call answers at once and nothing throws', async () => {
    const port = await freePort();
    const downLogs = new CapturedLogs();
    const down = new RedisCache({
      url: `redis://:secret@127.0.0.1:${port}/0?password=secret`,
      ttlSeconds: TTL_SECONDS,
      maxEntryBytes: 1024,
      timeoutMs: 100,
      logger: downLogs.logger,
    });
    try {
      await downLogs.waitFor(WARN, UNREACHABLE);
      const started = performance.now();
      for (let i = 0; i < 20; i++) {
        assert.equal(await down.images.get('x'), undefined);
        down.images.set('x', image(10));
        await down.queries.set('q', '{ a }');
        assert.equal(await down.queries.get('q'), undefined);
        assert.equal(await down.queries.delete('q'), undefined);
      }
      assert.ok(performance.now() - started < 200, `${performance.now() - started} ms`);
      assert.deepEqual(down.stats(), { connected: false, errors: 0, skipped: 100, oversized: 0 });
      // Reconnection attempts go on, but the outage is one line; the password is in none.
      await sleep(400);
      assert.equal(downLogs.count(WARN, UNREACHABLE), 1);
      assert.equal(downLogs.redisProblems(), 1);
      assert.ok(!JSON.stringify(downLogs.lines).includes('secret'));
    } finally {
      await down.close();
    }
  });

  test('a URL that is not one fails at construction with a clear message', () => {
    assert.throws(
      () =>
        new RedisCache({
          url: 'redis://:hunter2@localhost:99999',
          ttlSeconds: 1,
          maxEntryBytes: 1024,
          timeoutMs: 100,
          logger: logs.logger,
        }),
      (error: unknown) =>
        error instanceof Error &&
        error.message.startsWith('REDIS_URL is not a valid URL') &&
        !error.message.includes('hunter2'),
    );
  });
});

describe('two replicas sharing one Redis', () => {
  let redis: RedisServer;
  let client: Redis;
  const renderers = { a: new CountingRenderer(), b: new CountingRenderer() };
  const logs = { a: new CapturedLogs(), b: new CapturedLogs() };
  let a: TestServer;
  let b: TestServer;

  const teardown = new Teardown();

  before(async () => {
    ({ redis, client } = await redisWithInspector(teardown));
    const config = { redisUrl: redis.url, redisTtlSeconds: TTL_SECONDS };
    a = await startServer(config, { renderer: renderers.a, logger: logs.a.logger });
    teardown.add(() => a.close());
    b = await startServer(config, { renderer: renderers.b, logger: logs.b.logger });
    teardown.add(() => b.close());
    await logs.a.waitFor(INFO, CONNECTED);
    await logs.b.waitFor(INFO, CONNECTED);
  });
  after(() => teardown.run());

  /** A renders a new chart; once it is in Redis, B serves it without rendering. */
  async function renderedOnAServedByB(): Promise<void> {
    const path = newChartPath();
    const rendersA = renderers.a.renders;
    const rendersB = renderers.b.renders;
    const fromA = await get(a, path);
    assert.equal(fromA.status, 200);
    assert.equal(renderers.a.renders, rendersA + 1);
    const key = imageKey(fromA.etag);
    await waitUntil(`${key} in Redis`, async () => (await client.exists(key)) === 1);
    const ttl = await client.ttl(key);
    assert.ok(ttl > TTL_SECONDS - 10 && ttl <= TTL_SECONDS, `TTL ${ttl}`);

    const fromB = await get(b, path);
    assert.equal(fromB.status, 200);
    assert.equal(fromB.contentType, 'image/png');
    assert.equal(fromB.etag, fromA.etag);
    assert.ok(fromB.bytes.equals(fromA.bytes));
    assert.deepEqual([decodePng(fromB.bytes).width, decodePng(fromB.bytes).height], [200, 150]);
    assert.equal(renderers.b.renders, rendersB, 'B rendered a chart A had shared');
  }

  test('a chart A rendered over REST is served by B without rendering', async () => {
    const sharedHits = b.app.renderer.stats().sharedHits;
    await renderedOnAServedByB();
    assert.equal(b.app.renderer.stats().sharedHits, sharedHits + 1);
  });

  test('a GraphQL dataUrl A rendered is answered by B without rendering', async () => {
    const query = `query ($data: [Float!]) {
      histogram(data: $data, image: { width: 320, height: 240 }) {
        dataUrl
        image { mimeType width height byteLength }
      }
    }`;
    interface Answer {
      histogram: {
        dataUrl: string;
        image: { mimeType: string; width: number; height: number; byteLength: number };
      };
    }
    const keysBefore = (await client.keys(`${IMAGE_KEY_PREFIX}*`)).length;
    const rendersA = renderers.a.renders;
    const rendersB = renderers.b.renders;
    const fromA = await postGraphQL<Answer>(a.url, query, { data: [4, 5, 5, 6, 6, 6] });
    assert.equal(fromA.status, 200, JSON.stringify(fromA.body.errors));
    assert.equal(renderers.a.renders, rendersA + 1);
    await waitUntil(
      'the image in Redis',
      async () => (await client.keys(`${IMAGE_KEY_PREFIX}*`)).length === keysBefore + 1,
    );

    const fromB = await postGraphQL<Answer>(b.url, query, { data: [4, 5, 5, 6, 6, 6] });
    assert.equal(fromB.status, 200, JSON.stringify(fromB.body.errors));
    assert.ok(fromA.body.data?.histogram.dataUrl.startsWith('data:image/png;base64,'));
    assert.deepEqual(fromB.body.data, fromA.body.data);
    assert.deepEqual(fromB.body.data?.histogram.image.width, 320);
    assert.equal(renderers.b.renders, rendersB);
  });

  test('a persisted query registered on A is answered by B from its hash alone', async () => {
    const query = '{ histogram(data: [1, 2, 2, 9]) { counts } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const persistedQuery = { version: 1, sha256Hash };
    const post = async (server: TestServer, body: object) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return {
        status: response.status,
        body: (await response.json()) as {
          data?: unknown;
          errors?: { extensions?: { code?: string } }[];
        },
      };
    };

    // Not registered yet: B says so, which is what makes the next answer mean something.
    const unknown = await post(b, { extensions: { persistedQuery } });
    assert.equal(unknown.body.errors?.[0]?.extensions?.code, 'PERSISTED_QUERY_NOT_FOUND');

    const registered = await post(a, { query, extensions: { persistedQuery } });
    assert.equal(registered.status, 200, JSON.stringify(registered.body));
    const counts = (registered.body.data as { histogram?: { counts?: number[] } }).histogram
      ?.counts;
    assert.equal(
      counts?.reduce((sum, count) => sum + count, 0),
      4,
    );
    // Apollo adds its own `apq:` prefix to the keys it hands the cache.
    const key = `${QUERY_KEY_PREFIX}apq:${sha256Hash}`;
    await waitUntil(`${key} in Redis`, async () => (await client.exists(key)) === 1);
    assert.ok((await client.ttl(key)) > TTL_SECONDS - 10);

    const byHash = await post(b, { extensions: { persistedQuery } });
    assert.equal(byHash.status, 200, JSON.stringify(byHash.body));
    assert.deepEqual(byHash.body.data, registered.body.data);
  });

  test('with Redis stopped, requests are answered from local renders, quickly, with one warning', async () => {
    await redis.stop();
    const rendersA = renderers.a.renders;
    const rendersB = renderers.b.renders;
    for (let i = 0; i < 4; i++) {
      for (const server of [a, b]) {
        const answer = await get(server, newChartPath());
        assert.equal(answer.status, 200);
        assert.equal(answer.contentType, 'image/png');
        assert.ok(answer.elapsedMs < REQUEST_BUDGET_MS, `${answer.elapsedMs} ms`);
      }
    }
    assert.equal(renderers.a.renders, rendersA + 4);
    assert.equal(renderers.b.renders, rendersB + 4);
    for (const captured of [logs.a, logs.b]) {
      await captured.waitFor(WARN, UNREACHABLE);
      assert.equal(captured.count(WARN, UNREACHABLE), 1);
      assert.equal(captured.redisProblems(), 1);
    }
  });

  test('once Redis is back, both replicas use it again', async () => {
    await redis.restart();
    await logs.a.waitFor(INFO, BACK);
    await logs.b.waitFor(INFO, BACK);
    await renderedOnAServedByB();
    assert.equal(logs.a.count(INFO, BACK), 1);
    assert.equal(logs.b.count(INFO, BACK), 1);
  });
});

describe('a replica whose Redis hangs or is missing', () => {
  let redis: RedisServer;

  const teardown = new Teardown();

  before(async () => {
    redis = await startRedisServer();
    teardown.add(() => redis.stop());
  });
  after(() => teardown.run());

  test('a Redis that stops answering costs a request at most the command timeout', async () => {
    const renderer = new CountingRenderer();
    const logs = new CapturedLogs();
    const server = await startServer(
      { redisUrl: redis.url, redisTimeoutMs: 100 },
      { renderer, logger: logs.logger },
    );
    try {
      await logs.waitFor(INFO, CONNECTED);
      redis.pause();
      for (let i = 0; i < 3; i++) {
        const answer = await get(server, newChartPath());
        assert.equal(answer.status, 200);
        assert.ok(answer.elapsedMs < REQUEST_BUDGET_MS, `${answer.elapsedMs} ms`);
      }
      assert.equal(renderer.renders, 3);
      assert.equal(logs.count(WARN, FAILING), 1);
    } finally {
      redis.resume();
      await server.close();
    }
  });

  test('the service starts and serves with Redis down from the start', async () => {
    const renderer = new CountingRenderer();
    const logs = new CapturedLogs();
    const server = await startServer(
      { redisUrl: `redis://127.0.0.1:${await freePort()}` },
      { renderer, logger: logs.logger },
    );
    try {
      const answer = await get(server, newChartPath());
      assert.equal(answer.status, 200);
      assert.ok(answer.elapsedMs < REQUEST_BUDGET_MS, `${answer.elapsedMs} ms`);
      assert.equal(renderer.renders, 1);
      await logs.waitFor(WARN, UNREACHABLE);
    } finally {
      await server.close();
    }
  });
});
