import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CountingRenderer } from '../support/countingRenderer.js';
import { startServer, type TestServer } from '../support/server.js';

interface ErrorBody {
  error: { code: string; message: string };
}

/** GETs `path` `count` times in a row and returns the statuses. */
async function statuses(
  url: string,
  path: string,
  count: number,
  headers: Record<string, string> = {},
): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${url}${path}`, { headers });
    await response.arrayBuffer();
    seen.push(response.status);
  }
  return seen;
}

describe('per-client rate limits', () => {
  describe('keyed on the connection when no proxy is trusted', () => {
    let server: TestServer;
    before(async () => {
      // A slow refill, so the burst is what the test sees.
      server = await startServer(
        { rateLimitPerSecond: 0.5, rateLimitBurst: 5 },
        { renderer: new CountingRenderer() },
      );
    });
    after(async () => {
      await server.close();
    });

    test('past its burst a client gets 429 RATE_LIMITED with Retry-After, as JSON', async () => {
      assert.deepEqual(
        await statuses(server.url, '/histogram?data=1,2', 5),
        [200, 200, 200, 200, 200],
      );
      const refused = await fetch(`${server.url}/histogram?data=1,2`);
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('retry-after'), '2');
      assert.equal(refused.headers.get('cache-control'), 'no-store');
      const body = (await refused.json()) as ErrorBody;
      assert.equal(body.error.code, 'RATE_LIMITED');
      // GraphQL shares the budget.
      const graphql = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ histogram(data: [1]) { stats { mean } } }' }),
      });
      assert.equal(graphql.status, 429);
    });

    test('a forged X-Forwarded-For does not make a new client', async () => {
      const forged = await statuses(server.url, '/histogram?data=3', 3, {
        'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250)}`,
      });
      assert.deepEqual(forged, [429, 429, 429]);
    });

    test('probes and metrics are never limited', async () => {
      for (const path of ['/healthz', '/readyz', '/metrics']) {
        assert.deepEqual(await statuses(server.url, path, 3), [200, 200, 200], path);
      }
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      assert.match(metrics, /chartql_rejected_requests_total\{reason="RATE_LIMITED"\} [1-9]/);
      assert.match(
        metrics,
        /chartql_http_requests_total\{route="\/histogram",method="GET",status="429"\}/,
      );
    });
  });

  describe('behind one trusted proxy', () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(
        { rateLimitPerSecond: 0.5, rateLimitBurst: 2, trustProxyHops: 1 },
        { renderer: new CountingRenderer() },
      );
    });
    after(async () => {
      await server.close();
    });

    test('clients the proxy names are limited apart', async () => {
      const a = { 'x-forwarded-for': '203.0.113.1' };
      const b = { 'x-forwarded-for': '203.0.113.2' };
      assert.deepEqual(await statuses(server.url, '/histogram?data=1', 3, a), [200, 200, 429]);
      assert.deepEqual(await statuses(server.url, '/histogram?data=1', 2, b), [200, 200]);
    });

    test('entries a client puts in front of the proxy entry are ignored', async () => {
      const spoofs = ['6.6.6.1', '6.6.6.2', '6.6.6.3'].map((spoof) => ({
        'x-forwarded-for': `${spoof}, 203.0.113.9`,
      }));
      const seen: number[] = [];
      for (const headers of spoofs)
        seen.push(...(await statuses(server.url, '/histogram?data=2', 1, headers)));
      assert.deepEqual(seen, [200, 200, 429]);
    });

    test("the proxy's request id is kept, when it is a safe one", async () => {
      const kept = await fetch(`${server.url}/healthz`, {
        headers: { 'x-request-id': 'edge-42.a' },
      });
      assert.equal(kept.headers.get('x-request-id'), 'edge-42.a');
      const replaced = await fetch(`${server.url}/healthz`, {
        headers: { 'x-request-id': 'x'.repeat(200) },
      });
      assert.notEqual(replaced.headers.get('x-request-id'), 'x'.repeat(200));
    });
  });
});
