import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { captureLog, type CapturedLog } from '../support/captureLog.js';
import { CountingRenderer } from '../support/countingRenderer.js';
import { postGraphQL, startServer, type TestServer } from '../support/server.js';
import { testPool, waitUntilReady } from '../support/testPool.js';
import type { RenderPool } from '../../src/render/RenderPool.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The value of one sample of a metric in Prometheus text, or undefined when absent. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(\{(.*)\})? (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const found = new Map(
      [...(match[3] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found.get(key) === value)) {
      return Number(match[4]);
    }
  }
  return undefined;
}

describe('observability', () => {
  let server: TestServer;
  let pool: RenderPool;
  let log: CapturedLog;

  before(async () => {
    pool = testPool({ size: 1, timeoutMs: 1500 });
    log = captureLog();
    server = await startServer({}, { renderer: pool, logger: log.logger });
    await waitUntilReady(pool);
  });
  after(async () => {
    await server.close();
  });

  async function metrics(): Promise<string> {
    const response = await fetch(`${server.url}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    return response.text();
  }

  test('every answer carries a request id, and its log line carries the same one', async () => {
    const first = await fetch(`${server.url}/histogram?data=1,2,2,3&title=ids`);
    await first.arrayBuffer();
    // The repeated URL is answered before routing; it is logged all the same.
    const again = await fetch(`${server.url}/histogram?data=1,2,2,3&title=ids`);
    await again.arrayBuffer();
    const ids = [first, again].map((response) => response.headers.get('x-request-id') ?? '');
    for (const id of ids) assert.match(id, UUID);
    assert.notEqual(ids[0], ids[1]);
    const lines = log.lines().filter((line) => ids.includes(String(line['reqId'])));
    assert.equal(lines.length, 2);
    for (const line of lines) {
      assert.equal(line['msg'], 'request');
      assert.equal(line['path'], '/histogram');
      assert.equal(line['status'], 200);
      assert.equal(typeof line['ms'], 'number');
      // The data is the client's: only its length is logged.
      assert.equal(line['queryLength'], 'data=1,2,2,3&title=ids'.length);
      assert.ok(!JSON.stringify(line).includes('1,2,2,3'));
    }
  });

  test('a client cannot choose its request id without a trusted proxy', async () => {
    const response = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'mine' } });
    assert.match(response.headers.get('x-request-id') ?? '', UUID);
  });

  test('metrics count requests by route and status, with latency histograms', async () => {
    const before = await metrics();
    const count = (text: string, status: string) =>
      sample(text, 'chartql_http_requests_total', { route: '/histogram', method: 'GET', status }) ??
      0;
    await (await fetch(`${server.url}/histogram?data=5,6,7`)).arrayBuffer();
    await (await fetch(`${server.url}/histogram?data=x`)).arrayBuffer();
    await (await fetch(`${server.url}/no/such/${'path'.repeat(3)}`)).arrayBuffer();
    const after = await metrics();
    assert.equal(count(after, '200') - count(before, '200'), 1);
    assert.equal(count(after, '400') - count(before, '400'), 1);
    assert.ok(
      (sample(after, 'chartql_http_requests_total', { route: 'unmatched', status: '404' }) ?? 0) >=
        1,
      'unknown paths share one label',
    );
    const histogramCount = sample(after, 'chartql_http_request_duration_seconds_count', {
      route: '/histogram',
      method: 'GET',
    });
    assert.ok(histogramCount !== undefined && histogramCount >= 2);
    assert.ok(
      sample(after, 'chartql_http_request_duration_seconds_bucket', {
        route: '/histogram',
        le: '+Inf',
      }) === histogramCount,
    );
  });

  test('metrics count renders, render time, cache hits and misses', async () => {
    const before = await metrics();
    const url = `${server.url}/histogram?data=${Date.now()},1`;
    await (await fetch(url)).arrayBuffer();
    await (await fetch(url, { headers: { accept: 'image/png' } })).arrayBuffer();
    await postGraphQL(server.url, 'query($d:[Float!]!){histogram(data:$d){dataUrl}}', {
      d: [Date.now(), 2],
    });
    const after = await metrics();
    const delta = (name: string, labels: Record<string, string> = {}) =>
      (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
    assert.equal(delta('chartql_renders_total', { kind: 'histogram', outcome: 'ok' }), 2);
    assert.equal(delta('chartql_render_duration_seconds_count', { kind: 'histogram' }), 2);
    assert.equal(delta('chartql_render_cache_requests_total', { result: 'miss' }), 2);
    assert.ok(delta('chartql_render_cache_requests_total', { result: 'hit' }) >= 1);
    assert.ok((sample(after, 'chartql_render_cache_bytes') ?? 0) > 0);
    assert.equal(sample(after, 'chartql_render_workers', { state: 'ready' }), 1);
    assert.equal(sample(after, 'chartql_render_queue_depth'), 0);
    assert.ok((sample(after, 'chartql_process_resident_memory_bytes') ?? 0) > 0);
  });

  test('metrics show the queue, rejections by reason and child restarts', async () => {
    const before = await metrics();
    const busy = fetch(`${server.url}/histogram?data=1&title=${encodeURIComponent('slow 600')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const queued = fetch(`${server.url}/histogram?data=2&title=queued`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const during = await metrics();
    assert.equal(sample(during, 'chartql_render_queue_depth'), 1);
    assert.equal(sample(during, 'chartql_render_workers', { state: 'busy' }), 1);
    assert.equal((await busy).status, 200);
    assert.equal((await queued).status, 200);
    const crashed = await fetch(`${server.url}/histogram?data=3&title=crash`);
    assert.equal(crashed.status, 503);
    await waitUntilReady(pool);
    await (await fetch(`${server.url}/histogram?data=1,a`)).arrayBuffer();
    const after = await metrics();
    const delta = (name: string, labels: Record<string, string> = {}) =>
      (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
    assert.equal(delta('chartql_render_child_restarts_total'), 1);
    assert.equal(delta('chartql_render_child_failures_total', { cause: 'crash' }), 1);
    assert.equal(
      delta('chartql_renders_total', { kind: 'histogram', outcome: 'RENDER_FAILED' }),
      1,
    );
    assert.equal(delta('chartql_rejected_requests_total', { reason: 'RENDER_FAILED' }), 1);
    assert.equal(delta('chartql_rejected_requests_total', { reason: 'BAD_USER_INPUT' }), 1);
  });

  test('GraphQL errors count as rejections and carry their HTTP status', async () => {
    const before = await metrics();
    const response = await postGraphQL(server.url, '{ histogram(data: []) { stats { mean } } }');
    assert.equal(response.status, 400);
    assert.deepEqual(response.body.errors?.[0]?.extensions?.['http'], { status: 400 });
    const after = await metrics();
    const reason = { reason: 'BAD_USER_INPUT' };
    assert.equal(
      (sample(after, 'chartql_rejected_requests_total', reason) ?? 0) -
        (sample(before, 'chartql_rejected_requests_total', reason) ?? 0),
      1,
    );
  });

  test('an unexpected error is masked for the client and logged in full with the request id', async () => {
    // A renderer that throws something uncatalogued stands in for a bug.
    const bugLog = captureLog();
    const buggy = await startServer(
      {},
      {
        logger: bugLog.logger,
        renderer: {
          render: () => Promise.reject(new TypeError('secret internal detail')),
          close: () => Promise.resolve(),
        },
      },
    );
    try {
      const rest = await fetch(`${buggy.url}/histogram?data=1,2`);
      assert.equal(rest.status, 500);
      const restText = await rest.text();
      assert.ok(!restText.includes('secret'), restText);
      const gql = await postGraphQL(buggy.url, '{ histogram(data: [1]) { dataUrl } }');
      const [first] = gql.body.errors ?? [];
      assert.ok(first);
      assert.equal(first.extensions?.['code'], 'INTERNAL_SERVER_ERROR');
      assert.deepEqual(first.extensions['http'], { status: 500 });
      assert.ok(!JSON.stringify(gql.body).includes('secret'));
      const logged = bugLog.lines().filter((line) => line['level'] === 50);
      assert.equal(logged.length, 2, JSON.stringify(logged));
      assert.equal(logged[0]?.['reqId'], rest.headers.get('x-request-id'));
      for (const line of logged)
        assert.match(JSON.stringify(line['err']), /secret internal detail/);
    } finally {
      await buggy.close();
    }
  });

  test('metrics can be turned off', async () => {
    const quiet = await startServer({ metrics: false }, { renderer: new CountingRenderer() });
    try {
      assert.equal((await fetch(`${quiet.url}/metrics`)).status, 404);
    } finally {
      await quiet.close();
    }
  });
});
