import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodePng } from '../support/png.js';
import { startServer, type TestServer } from '../support/server.js';
import { testPool, waitUntilReady } from '../support/testPool.js';
import type { RenderPool } from '../../src/render/RenderPool.js';

interface ErrorBody {
  error: { code: string };
}

/**
 * Faults in the render processes, through the whole service: each fails only the request whose
 * render was in the faulty process, and the service renders again right after. The test child
 * (test/support/testRenderChild.ts) misbehaves on the chart title; the service's own child has
 * no such hook.
 */
describe('render faults', () => {
  let server: TestServer;
  let pool: RenderPool;

  before(async () => {
    // Two children, so a healthy one keeps rendering while the other fails; a small heap so
    // running out of memory is quick.
    pool = testPool({ size: 2, timeoutMs: 2000, heapLimitMb: 64 });
    server = await startServer({ renderCacheBytes: 0 }, { renderer: pool });
    await waitUntilReady(pool, 2);
  });
  after(async () => {
    await server.close();
  });

  async function assertRendersAgain(): Promise<void> {
    await waitUntilReady(pool, 2);
    const next = await fetch(`${server.url}/histogram?data=1,2,3&title=after`);
    assert.equal(next.status, 200);
    decodePng(Buffer.from(await next.arrayBuffer()));
  }

  test('a child killed mid-render fails only its own request', async () => {
    const doomed = fetch(`${server.url}/histogram?data=1&title=${encodeURIComponent('slow 1500')}`);
    // Wait until one child is busy with it, then kill that one from outside.
    for (let i = 0; i < 100 && pool.stats().busy === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(pool.stats().busy, 1);
    const healthy = await fetch(`${server.url}/histogram?data=4,5&title=meanwhile`);
    assert.equal(healthy.status, 200, 'the other child renders meanwhile');
    await healthy.arrayBuffer();
    const victim = pool.busyChildPids()[0];
    assert.ok(victim !== undefined, 'a child is rendering');
    process.kill(victim, 'SIGKILL');
    const response = await doomed;
    assert.equal(response.status, 503);
    assert.equal(((await response.json()) as ErrorBody).error.code, 'RENDER_FAILED');
    await assertRendersAgain();
    assert.ok(!pool.childPids().includes(victim), 'the killed child was replaced');
  });

  test('a child that runs out of memory fails only its own request', async () => {
    const crashesBefore = pool.stats().crashes;
    const response = await fetch(`${server.url}/histogram?data=1&title=oom`);
    assert.equal(response.status, 503);
    assert.equal(((await response.json()) as ErrorBody).error.code, 'RENDER_FAILED');
    assert.equal(pool.stats().crashes, crashesBefore + 1);
    await assertRendersAgain();
  });

  test('a render that hangs is stopped at its deadline', async () => {
    const started = Date.now();
    const response = await fetch(`${server.url}/histogram?data=1&title=hang`);
    assert.equal(response.status, 503);
    assert.equal(((await response.json()) as ErrorBody).error.code, 'RENDER_TIMEOUT');
    assert.ok(Date.now() - started < 5000);
    await assertRendersAgain();
  });

  test('the service answers health checks throughout', async () => {
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
  });
});
