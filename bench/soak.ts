/**
 * `npm run soak`: starts the built service on a free loopback port, sends it 10,000 uncached
 * renders (unique data and title each, 8 at a time) and prints the RSS of the main process plus
 * its render children every 1,000. Memory must stay bounded and flat over the second half.
 * Usage: npm run soak -- [renders=10000]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { once } from 'node:events';

const RENDERS = Number(process.argv[2] ?? 10_000);
const CONCURRENCY = 8;
const EVERY = Math.max(1, Math.floor(RENDERS / 10));

/** Resident set size of a process in bytes, from /proc (Linux). */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kib === undefined ? 0 : Number(kib) * 1024;
}

function childrenOf(pid: number): number[] {
  const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return text === '' ? [] : text.split(/\s+/).map(Number);
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const port = await freePort();
const service = spawn(process.execPath, ['dist/main.js'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_ENV: 'production',
    // Capacity is measured from one client address: the per-client limit would cap it.
    RATE_LIMIT_PER_SECOND: '0',
  },
});
const pid = service.pid;
if (pid === undefined) throw new Error('the service did not start');
const base = `http://127.0.0.1:${port}`;

try {
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      if (tries > 300) throw new Error('the service did not come up');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log('renders  main MiB  children MiB  total MiB');
  let sent = 0;
  let done = 0;
  let failed = 0;
  const started = performance.now();
  const report = () => {
    const main = rssOf(pid);
    const children = childrenOf(pid).reduce((sum, child) => sum + rssOf(child), 0);
    console.log(
      `${String(done).padStart(7)}  ${mib(main).padStart(8)}  ${mib(children).padStart(12)}  ${mib(main + children).padStart(9)}`,
    );
  };
  const worker = async () => {
    while (sent < RENDERS) {
      sent += 1;
      const i = sent;
      const data = Array.from({ length: 50 }, (_, j) => ((i * 7919 + j * 104729) % 1000) / 10);
      const response = await fetch(`${base}/histogram?data=${data.join(',')}&title=Soak%20${i}`);
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
  service.kill();
}
