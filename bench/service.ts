/**
 * What the benchmark scripts share: starting the built service on a free loopback port, waiting
 * for it, and reading the memory of it and its render children from /proc (Linux).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Polls `url` until it answers 2xx, for at most 30 s. */
export async function waitFor(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface RunningService {
  readonly url: string;
  readonly process: ChildProcess;
  readonly pid: number;
}

/**
 * Starts `dist/main.js` in production mode on 127.0.0.1. Capacity is measured from one client
 * address, so the per-client rate limit is off unless `env` turns it on.
 */
export async function startBuiltService(env: Record<string, string> = {}): Promise<RunningService> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/main.js'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      NODE_ENV: 'production',
      RATE_LIMIT_PER_SECOND: '0',
      ...env,
    },
  });
  if (child.pid === undefined) throw new Error('the service did not start');
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/readyz`);
  return { url, process: child, pid: child.pid };
}

/** Resident set size of a process in bytes. */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kib === undefined ? 0 : Number(kib) * 1024;
}

export function childrenOf(pid: number): number[] {
  const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return text === '' ? [] : text.split(/\s+/).map(Number);
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/** Linux's USER_HZ, the unit of /proc's CPU times, is 100 on every common platform. */
const CLOCK_TICKS_PER_SECOND = 100;

/** A measure of a process, and its sum over the process's live children. */
function overTree(
  pid: number,
  measure: (pid: number) => number,
): { main: number; children: number } {
  return {
    main: measure(pid),
    children: childrenOf(pid).reduce((sum, child) => {
      try {
        return sum + measure(child);
      } catch {
        return sum; // exited between listing and reading
      }
    }, 0),
  };
}

/** RSS of a process and of its live children, in bytes. */
export function treeRss(pid: number): { main: number; children: number } {
  return overTree(pid, rssOf);
}

/** CPU seconds of a process and of its live children. */
export function treeCpuSeconds(pid: number): { main: number; children: number } {
  return overTree(pid, cpuSecondsOf);
}

/** A numeric command-line option `--name value` of a bench script. */
export function numericOption(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(args[index + 1]);
}
