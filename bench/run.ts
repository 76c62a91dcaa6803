/**
 * `npm run bench`: in one run on one machine, loads a naive baseline server and the service with
 * autocannon (8 connections, 10 s per scenario) and prints one table — req/s, p50, p99 and the
 * ratio to the baseline — plus the in-process time of AUTO bins and every statistic on
 * 1,000,000 values. Servers listen on 127.0.0.1 only and are stopped by PID at the end.
 * Options: --duration S (seconds per scenario, default 10), --connections N (default 8).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { benchStats } from './stats.js';
import { numericOption, startBuiltService, waitFor, type RunningService } from './service.js';

const DURATION = numericOption('duration', 10);
const CONNECTIONS = numericOption('connections', 8);
const DICE = [1, 1, 2, 2, 2, 3, 3, 3, 3, 5, 6, 4, 5, 3, 2, 6, 6, 6, 5, 4];
const TUTORIAL_PATH = `/histogram?data=${DICE.join(',')}&ylabel=Frequency&xlabel=Outcome&title=Outcome%20of%2020%20dice%20rolls`;

interface Row {
  readonly scenario: string;
  readonly server: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly baseline?: string;
}

/** Twenty dice rolls and a title that differ on every call: nothing can come from a cache. */
let counter = 0;
function uniqueDicePath(): string {
  counter += 1;
  let seed = counter * 2654435761;
  const rolls = DICE.map(() => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return 1 + (seed % 6);
  });
  return `/histogram?data=${rolls.join(',')}&ylabel=Frequency&xlabel=Outcome&title=Roll%20${counter}`;
}

function graphqlBody(selection: string, data: number[]): string {
  return JSON.stringify({
    query: `query($data: [Float!]!) { histogram(data: $data) { ${selection} } }`,
    variables: { data },
  });
}

async function startBaseline(): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/baselineServer.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // stdout is a pipe, as asked above.
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  const url = `http://127.0.0.1:${chunk.toString().trim()}`;
  await waitFor(`${url}${TUTORIAL_PATH}`);
  return { url, process: child };
}

async function startService(): Promise<RunningService> {
  const service = await startBuiltService();
  await waitFor(`${service.url}${TUTORIAL_PATH}`);
  return service;
}

async function load(
  url: string,
  request: autocannon.Request,
  seconds = DURATION,
): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [request],
  });
}

async function measure(
  scenario: string,
  server: string,
  url: string,
  request: autocannon.Request,
): Promise<Row> {
  await load(url, request, 1); // warm-up
  const result = await load(url, request);
  return {
    scenario,
    server,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // 304s are the point of the revalidation scenario; only 4xx, 5xx and failures count.
    errors: result.errors + result.timeouts + result['4xx'] + result['5xx'],
  };
}

const uncached: autocannon.Request = {
  method: 'GET',
  setupRequest: (request) => ({ ...request, path: uniqueDicePath() }),
};
const sameUrl: autocannon.Request = { method: 'GET', path: TUTORIAL_PATH };

const rows: Row[] = [];
const baseline = await startBaseline();
try {
  rows.push(await measure('uncached GET /histogram', 'baseline', baseline.url, uncached));
  rows.push(await measure('same URL repeated', 'baseline', baseline.url, sameUrl));
} finally {
  baseline.process.kill();
}

const service = await startService();
try {
  const etag = (await fetch(`${service.url}${TUTORIAL_PATH}`)).headers.get('etag') ?? '';
  rows.push(await measure('uncached GET /histogram', 'chartql', service.url, uncached));
  rows.push(await measure('same URL repeated', 'chartql', service.url, sameUrl));
  rows.push(
    await measure('If-None-Match revalidation (304)', 'chartql', service.url, {
      method: 'GET',
      path: TUTORIAL_PATH,
      headers: { 'if-none-match': etag },
    }),
  );
  const graphqlHeaders = { 'content-type': 'application/json' };
  rows.push(
    await measure('GraphQL stats only (20 values)', 'chartql', service.url, {
      method: 'POST',
      path: '/graphql',
      headers: graphqlHeaders,
      body: graphqlBody('counts edges stats { mean median stddev skewness }', DICE),
    }),
  );
  rows.push(
    await measure('GraphQL with dataUrl (uncached)', 'chartql', service.url, {
      method: 'POST',
      path: '/graphql',
      headers: graphqlHeaders,
      setupRequest: (request) => {
        counter += 1;
        return { ...request, body: graphqlBody('dataUrl counts', [...DICE, counter]) };
      },
    }),
  );
} finally {
  service.process.kill();
}

const baselineRps = new Map(
  rows.filter((r) => r.server === 'baseline').map((r) => [r.scenario, r.rps]),
);
const fmt = (n: number, digits = 0) => n.toFixed(digits);
console.log(`\nautocannon, ${CONNECTIONS} connections, ${DURATION} s per scenario\n`);
console.log('| scenario | server | req/s | p50 ms | p99 ms | errors | × baseline |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  const base = baselineRps.get(row.scenario);
  const ratio = row.server === 'baseline' || base === undefined ? '' : `${fmt(row.rps / base, 1)}×`;
  console.log(
    `| ${row.scenario} | ${row.server} | ${fmt(row.rps)} | ${fmt(row.p50)} | ${fmt(row.p99)} | ${row.errors} | ${ratio} |`,
  );
}

const stats = await benchStats();
console.log('\nin-process computeHistogram (edges, counts and every statistic)\n');
console.log('| case | median ms | min ms |');
console.log('| --- | ---: | ---: |');
for (const c of stats.cases) {
  console.log(`| ${c.name} | ${fmt(c.medianMs, 1)} | ${fmt(c.minMs, 1)} |`);
}
