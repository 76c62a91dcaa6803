import { RenderPool, type RenderPoolOptions } from '../../src/render/RenderPool.js';

export const TEST_CHILD = new URL('./testRenderChild.ts', import.meta.url);

/** A render pool whose children misbehave on request (see testRenderChild.ts). */
export function testPool(options: Partial<RenderPoolOptions> = {}): RenderPool {
  return new RenderPool({
    size: 1,
    timeoutMs: 2000,
    maxQueue: 8,
    childModule: TEST_CHILD,
    ...options,
  });
}

/** Waits until the pool has `count` ready children, or fails after a few seconds. */
export async function waitUntilReady(pool: RenderPool, count = 1): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (pool.stats().ready < count) {
    if (Date.now() > deadline) throw new Error('render children did not start');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
