/**
 * `npm run overload`: loads the built service far above its capacity — 256 connections for 20 s
 * of uncached renders, by default — and checks that it sheds the excess instead of falling
 * over: every answer must be 2xx, 429 or 503, no request may time out or fail, and memory must
 * stay bounded. Two runs: the render pool alone (rate limit off, so 503 OVERLOADED sheds), then
 * the default per-client rate limit (429 sheds first). Meanwhile a second, well-behaved client
 * asks for one chart every 250 ms: what it gets shows whether the service stays fair. The two
 * clients are told apart by `X-Forwarded-For` behind one trusted proxy, as a proxy would name
 * them. Prints a table and exits 1 on a breach.
 * Options: --duration S (default 20), --connections N (default 256).
 */
import autocannon from 'autocannon';
import { numericOption, startBuiltService, treeCpuSeconds, treeRss } from './service.js';

const DURATION = numericOption('duration', 20);
const CONNECTIONS = numericOption('connections', 256);
/** A request that takes longer than this counts as timed out. */
const TIMEOUT_SECONDS = 10;

let counter = 0;
/** Fifty values and a title that differ on every call: every request needs a render. */
function uniquePath(): string {
  counter += 1;
  const data = Array.from({ length: 50 }, (_, j) => ((counter * 7919 + j * 104729) % 1000) / 10);
  return `/histogram?data=${data.join(',')}&title=Overload%20${counter}`;
}

interface Outcome {
  readonly name: string;
  readonly statuses: Record<string, number>;
  readonly errors: number;
  readonly timeouts: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly peakMiB: number;
  readonly afterMiB: number;
  readonly healthyAfter: boolean;
  /** CPU seconds spent during the run by the main process and by the render children. */
  readonly cpuMain: number;
  readonly cpuChildren: number;
  /** The well-behaved client: its answers by status and its latencies. */
  readonly probe: { statuses: Record<string, number>; p50: number; max: number };
}

/** The flood comes from one client, the probe from another. */
const FLOOD_CLIENT = { 'x-forwarded-for': '203.0.113.66' };
const PROBE_CLIENT = { 'x-forwarded-for': '203.0.113.7' };

/** One chart every 250 ms from the well-behaved client until `stop` resolves. */
async function probe(url: string, stop: Promise<unknown>): Promise<Outcome['probe']> {
  const state = { stopped: false };
  void stop.finally(() => {
    state.stopped = true;
  });
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  while (!state.stopped) {
    const started = performance.now();
    try {
      const response = await fetch(`${url}${uniquePath()}`, {
        headers: PROBE_CLIENT,
        signal: AbortSignal.timeout(TIMEOUT_SECONDS * 1000),
      });
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    } catch {
      statuses['failed'] = (statuses['failed'] ?? 0) + 1;
    }
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  latencies.sort((a, b) => a - b);
  return {
    statuses,
    p50: Math.round(latencies[Math.floor(latencies.length / 2)] ?? 0),
    max: Math.round(latencies.at(-1) ?? 0),
  };
}

async function overload(name: string, env: Record<string, string>): Promise<Outcome> {
  const service = await startBuiltService({ TRUST_PROXY_HOPS: '1', ...env });
  let peak = 0;
  const sampler = setInterval(() => {
    const { main, children } = treeRss(service.pid);
    peak = Math.max(peak, main + children);
  }, 250);
  const cpuBefore = treeCpuSeconds(service.pid);
  try {
    // autocannon's answer is a thenable without `finally`: made a promise here.
    const flood = Promise.resolve(
      autocannon({
        url: service.url,
        connections: CONNECTIONS,
        duration: DURATION,
        timeout: TIMEOUT_SECONDS,
        headers: FLOOD_CLIENT,
        requests: [
          { method: 'GET', setupRequest: (request) => ({ ...request, path: uniquePath() }) },
        ],
      }),
    );
    const [result, probed] = await Promise.all([flood, probe(service.url, flood)]);
    clearInterval(sampler);
    const cpuAfter = treeCpuSeconds(service.pid);
    const healthy = await fetch(`${service.url}/healthz`);
    const chart = await fetch(`${service.url}${uniquePath()}`);
    await chart.arrayBuffer();
    const { main, children } = treeRss(service.pid);
    const statuses = Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]),
    );
    return {
      name,
      statuses,
      errors: result.errors,
      timeouts: result.timeouts,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      peakMiB: peak / 2 ** 20,
      afterMiB: (main + children) / 2 ** 20,
      // A client that is rate limited may get 429 here too: it is answering.
      healthyAfter: healthy.ok && (chart.status === 200 || chart.status === 429),
      cpuMain: cpuAfter.main - cpuBefore.main,
      cpuChildren: cpuAfter.children - cpuBefore.children,
      probe: probed,
    };
  } finally {
    clearInterval(sampler);
    service.process.kill();
  }
}

const outcomes = [
  await overload('render pool only (rate limit off)', {}),
  await overload('default per-client rate limit', { RATE_LIMIT_PER_SECOND: '' }),
];

const ALLOWED = /^(2\d\d|429|503)$/;
const listed = (statuses: Record<string, number>) =>
  Object.entries(statuses)
    .map(([code, count]) => `${code}: ${count}`)
    .join(', ');
let breached = false;
console.log(
  `\nautocannon, ${CONNECTIONS} connections, ${DURATION} s per run, unique URLs (every request a render)\n`,
);
console.log(
  '| run | flood: answers by status | errors | timeouts | p50 ms | p99 ms | max ms | peak RSS MiB | RSS after MiB | CPU s main / children | healthy after |',
);
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const o of outcomes) {
  console.log(
    `| ${o.name} | ${listed(o.statuses)} | ${o.errors} | ${o.timeouts} | ${o.p50} | ${o.p99} | ${o.max} | ${o.peakMiB.toFixed(0)} | ${o.afterMiB.toFixed(0)} | ${o.cpuMain.toFixed(1)} / ${o.cpuChildren.toFixed(1)} | ${o.healthyAfter ? 'yes' : 'no'} |`,
  );
  const unexpected = Object.keys(o.statuses).filter((code) => !ALLOWED.test(code));
  if (unexpected.length > 0 || o.errors > 0 || o.timeouts > 0 || !o.healthyAfter) {
    breached = true;
    console.error(
      `${o.name}: unexpected statuses [${unexpected.join(', ')}], ${o.errors} errors, ${o.timeouts} timeouts`,
    );
  }
}
console.log('\nA second client asking for one chart every 250 ms meanwhile:\n');
console.log('| run | its answers by status | p50 ms | max ms |');
console.log('| --- | --- | ---: | ---: |');
for (const o of outcomes) {
  console.log(`| ${o.name} | ${listed(o.probe.statuses)} | ${o.probe.p50} | ${o.probe.max} |`);
  if (Object.keys(o.probe.statuses).some((code) => !ALLOWED.test(code))) breached = true;
}
process.exitCode = breached ? 1 : 0;
