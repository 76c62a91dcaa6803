/**
 * Times `computeHistogram` with AUTO bins (edges, counts and every statistic) on seeded normal
 * values: 1,000,000 of them (the target is at most 120 ms), 100,000, and 100,000 with the slow
 * STONE rule. Run directly (`npx tsx bench/stats.ts`) it prints a table; a bench runner can
 * import `benchStats` instead.
 */
import { pathToFileURL } from 'node:url';
import { computeHistogram } from '../src/core/histogram.js';
import type { BinRule } from '../src/core/binning.js';

/** Timings of one case, in milliseconds. */
export interface BenchCase {
  name: string;
  values: number;
  rule: BinRule;
  runs: number;
  medianMs: number;
  minMs: number;
}

/** The headline (1,000,000 values, AUTO) and every case, the headline included. */
export interface StatsBench {
  medianMs: number;
  minMs: number;
  cases: BenchCase[];
}

const WARM_UP_RUNS = 3;
const TIMED_RUNS = 15;

/** Runs every case; the result's medianMs and minMs are the 1,000,000-value AUTO case's. */
export async function benchStats(): Promise<StatsBench> {
  // Plain arrays, as the service passes them on: copying them into a typed array is timed too.
  const million = normalValues(1_000_000, 20240601);
  const hundredThousand = million.slice(0, 100_000);
  const cases = [
    timeCase('1M normal, AUTO', million, 'AUTO', TIMED_RUNS),
    timeCase('100k normal, AUTO', hundredThousand, 'AUTO', TIMED_RUNS),
    timeCase('100k normal, STONE', hundredThousand, 'STONE', TIMED_RUNS),
  ];
  const headline = cases[0];
  if (headline === undefined) throw new Error('no bench case ran');
  // Async so that a runner can await every bench alike; this one is synchronous work.
  return Promise.resolve({ medianMs: headline.medianMs, minMs: headline.minMs, cases });
}

function timeCase(name: string, data: number[], rule: BinRule, runs: number): BenchCase {
  const bins = { kind: 'rule', rule } as const;
  let checksum = 0;
  for (let i = 0; i < WARM_UP_RUNS; i++) {
    checksum += computeHistogram(data, bins, undefined).stats.median;
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = computeHistogram(data, bins, undefined);
    times.push(performance.now() - started);
    checksum += result.stats.median;
  }
  // Using the results keeps the work observable, so none of it can be optimised away.
  if (!Number.isFinite(checksum)) throw new Error(`${name}: non-finite results`);
  times.sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  const median =
    times.length % 2 === 1
      ? (times[middle] ?? NaN)
      : ((times[middle - 1] ?? NaN) + (times[middle] ?? NaN)) / 2;
  return { name, values: data.length, rule, runs, medianMs: median, minMs: times[0] ?? NaN };
}

/** Box–Muller normals from mulberry32: the same numbers on every machine and every run. */
export function normalValues(n: number, seed: number): number[] {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296; // in (0, 1): log(u) stays finite
  };
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()));
  }
  return out;
}

function isDirectRun(): boolean {
  const script = process.argv[1];
  return script !== undefined && import.meta.url === pathToFileURL(script).href;
}

if (isDirectRun()) {
  const { cases } = await benchStats();
  console.log(
    `computeHistogram, ${WARM_UP_RUNS} warm-up runs, then timed runs (Node ${process.version})`,
  );
  console.log('case                    runs   median ms   min ms');
  for (const c of cases) {
    console.log(
      `${c.name.padEnd(22)}  ${String(c.runs).padStart(4)}  ${c.medianMs.toFixed(1).padStart(10)}` +
        `  ${c.minMs.toFixed(1).padStart(7)}`,
    );
  }
}
