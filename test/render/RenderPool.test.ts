import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeHistogramOutcome } from '../../src/histogramService.js';
import { ChartqlError, type ErrorCode } from '../../src/errors.js';
import type { ChartSpec } from '../../src/render/chartSpec.js';
import { decodePng } from '../support/png.js';
import { testPool, waitUntilReady } from '../support/testPool.js';

function chart(title: string): ChartSpec {
  return computeHistogramOutcome({ data: [1, 2, 2, 3], title, image: { width: 200, height: 150 } })
    .chart;
}

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<ChartqlError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ChartqlError, String(error));
    assert.equal(error.code, code);
    return error;
  }
  assert.fail(`expected ${code}`);
}

describe('RenderPool', () => {
  test('renders in a child process', async () => {
    const pool = testPool();
    try {
      const image = await pool.render(chart('ok'));
      const png = decodePng(image.bytes);
      assert.deepEqual([png.width, png.height], [200, 150]);
      assert.equal(pool.stats().renders, 1);
    } finally {
      await pool.close();
    }
  });

  test('a render past its deadline is killed and answered RENDER_TIMEOUT while others go on', async () => {
    const pool = testPool({ size: 2, timeoutMs: 600 });
    try {
      await waitUntilReady(pool, 2);
      const started = Date.now();
      const hanging = rejectsWith(pool.render(chart('hang')), 'RENDER_TIMEOUT');
      const other = await pool.render(chart('meanwhile'));
      assert.ok(Date.now() - started < 600, 'the other render did not wait for the hung one');
      decodePng(other.bytes);
      const error = await hanging;
      assert.equal(error.retryAfterSeconds, 1);
      const elapsed = Date.now() - started;
      assert.ok(elapsed >= 600 && elapsed < 3000, `answered after ${elapsed} ms`);
      assert.equal(pool.stats().timeouts, 1);
      // The killed child is replaced and the pool renders again.
      await waitUntilReady(pool, 2);
      decodePng((await pool.render(chart('after'))).bytes);
      assert.equal(pool.stats().restarts, 1);
    } finally {
      await pool.close();
    }
  });

  test('a crashed child fails only its own render and is replaced', async () => {
    const pool = testPool();
    try {
      await rejectsWith(pool.render(chart('crash')), 'RENDER_FAILED');
      decodePng((await pool.render(chart('next'))).bytes);
      const stats = pool.stats();
      assert.equal(stats.crashes, 1);
      assert.equal(stats.restarts, 1);
    } finally {
      await pool.close();
    }
  });

  test('a render that throws fails that request and keeps the child', async () => {
    const pool = testPool();
    try {
      await rejectsWith(pool.render(chart('fail')), 'RENDER_FAILED');
      decodePng((await pool.render(chart('next'))).bytes);
      assert.equal(pool.stats().restarts, 0);
    } finally {
      await pool.close();
    }
  });

  test('a full queue refuses at once with OVERLOADED and Retry-After', async () => {
    const pool = testPool({ size: 1, maxQueue: 1 });
    try {
      await waitUntilReady(pool);
      assert.equal(pool.saturated(), false);
      const busy = pool.render(chart('slow 400'));
      assert.equal(pool.saturated(), false, 'the queue has room');
      const queued = pool.render(chart('queued'));
      assert.equal(pool.saturated(), true, 'busy child, full queue');
      const started = Date.now();
      const error = await rejectsWith(pool.render(chart('refused')), 'OVERLOADED');
      assert.ok(Date.now() - started < 100, 'refused at once');
      assert.equal(error.retryAfterSeconds, 1);
      assert.equal(error.status, 503);
      await Promise.all([busy, queued]);
      assert.equal(pool.saturated(), false);
      assert.equal(pool.stats().rejected, 1);
    } finally {
      await pool.close();
    }
  });

  test('close stops the children and refuses new renders', async () => {
    const pool = testPool({ size: 2 });
    await waitUntilReady(pool, 2);
    const pids = pool.childPids();
    await pool.close();
    for (const pid of pids) {
      assert.throws(() => process.kill(pid, 0), /ESRCH/);
    }
    await rejectsWith(pool.render(chart('late')), 'RENDER_FAILED');
  });
});
