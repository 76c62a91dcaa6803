/**
 * Renders a few thousand histograms with unique data through the canvas renderer and prints the
 * process RSS as it goes: memory must level off, not grow with every render.
 * Usage: npm run soak -- [renders=3000]
 */
import { computeHistogramOutcome } from '../src/histogramService.js';
import { CanvasRenderer } from '../src/render/CanvasRenderer.js';

const renders = Number(process.argv[2] ?? 3000);
const every = Math.max(1, Math.floor(renders / 10));
const renderer = new CanvasRenderer();
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

console.log(`renders  rss`);
const started = performance.now();
for (let i = 1; i <= renders; i++) {
  const data = Array.from({ length: 200 }, (_, j) => Math.sin(i * 7919 + j * 104729) * 50 + j / 4);
  await renderer.render(
    computeHistogramOutcome({ data, title: `Soak ${i}`, xlabel: 'Value', ylabel: 'Count' }).chart,
  );
  if (i % every === 0 || i === 1) {
    console.log(`${String(i).padStart(7)}  ${mib(process.memoryUsage().rss)}`);
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(`${renders} renders in ${seconds.toFixed(1)} s (${(renders / seconds).toFixed(0)}/s)`);
await renderer.close();
