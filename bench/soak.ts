/**
 * `npm run soak`: starts the built service on a free loopback port, sends it 10,000 uncached
 * renders (unique data and title each, 8 at a time) and prints the RSS of the main process plus
 * its render children every 1,000. Memory must stay bounded and flat over the second half.
 * Usage: npm run soak -- [renders=10000]
 */
import { startBuiltService, treeRss } from './service.js';

const RENDERS = Number(process.argv[2] ?? 10_000);
const CONCURRENCY = 8;
const EVERY = Math.max(1, Math.floor(RENDERS / 10));

const service = await startBuiltService();
const { pid } = service;

try {
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log('renders  main MiB  children MiB  total MiB');
  let sent = 0;
  let done = 0;
  let failed = 0;
  const started = performance.now();
  const report = () => {
    const { main, children } = treeRss(pid);
    console.log(
      `${String(done).padStart(7)}  ${mib(main).padStart(8)}  ${mib(children).padStart(12)}  ${mib(main + children).padStart(9)}`,
    );
  };
  const worker = async () => {
    while (sent < RENDERS) {
      sent += 1;
      const i = sent;
      const data = Array.from({ length: 50 }, (_, j) => ((i * 7919 + j * 104729) % 1000) / 10);
      const response = await fetch(
        `${service.url}/histogram?data=${data.join(',')}&title=Soak%20${i}`,
      );
      await response.arrayBuffer();
      if (response.status !== 200) failed += 1;
      done += 1;
      if (done % EVERY === 0) report();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${done} renders in ${seconds.toFixed(1)} s (${(done / seconds).toFixed(0)}/s), ${failed} failed`,
  );
} finally {
  service.process.kill();
}
