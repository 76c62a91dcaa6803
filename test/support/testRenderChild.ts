/**
 * A render child for tests: renders like the real one, but misbehaves on request through the
 * chart title — "hang" spins forever (as Cairo can inside native code), "crash" exits, "fail"
 * rejects, "oom" allocates until the heap limit kills the process, and "slow N" blocks for N
 * milliseconds first.
 */
import { CanvasRenderer } from '../../src/render/CanvasRenderer.js';
import type { ChartRenderer } from '../../src/render/chartSpec.js';
import { serveRenders } from '../../src/render/serveRenders.js';

const inner = new CanvasRenderer();

function blockFor(milliseconds: number): void {
  const until = Date.now() + milliseconds;
  while (Date.now() < until) {
    // Busy: nothing else runs in this process, like a render stuck in native code.
  }
}

/** Keeps every allocation reachable, as a render leaking without bound would. */
function exhaustMemory(): never {
  const hoard: number[][] = [];
  for (;;) hoard.push(Array.from({ length: 1_000_000 }, (_, index) => index + hoard.length));
}

const misbehaving: ChartRenderer = {
  render(spec) {
    if (spec.title === 'hang') blockFor(Number.POSITIVE_INFINITY);
    if (spec.title === 'crash') process.exit(70);
    if (spec.title === 'oom') exhaustMemory();
    if (spec.title === 'fail') return Promise.reject(new Error('drawing failed'));
    const slow = /^slow (\d+)$/.exec(spec.title);
    if (slow) blockFor(Number(slow[1]));
    return inner.render(spec);
  },
  close: () => inner.close(),
};

serveRenders(misbehaving);
