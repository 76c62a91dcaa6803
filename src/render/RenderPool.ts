import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ChartqlError, overloaded, RETRY_AFTER_SECONDS } from '../errors.js';
import type { ChartRenderer, ChartSpec, RenderedImage } from './chartSpec.js';
import type { ChildMessage, RenderRequest } from './renderProtocol.js';
import type { Logger } from '../log.js';

export interface RenderPoolOptions {
  /** Child processes that render, one render at a time each. */
  readonly size: number;
  /** Deadline of one render in milliseconds; past it the child is killed and replaced. */
  readonly timeoutMs: number;
  /** Renders that may wait for a free child; beyond that, requests are refused at once. */
  readonly maxQueue: number;
  /** The children's entry module; tests pass one that can hang or crash on demand. */
  readonly childModule?: URL;
  /** V8 heap limit of each child in MiB: a runaway render dies alone. Default 512. */
  readonly heapLimitMb?: number;
  /** Where child failures are logged. */
  readonly logger?: Logger;
}

export interface RenderPoolStats {
  readonly size: number;
  readonly ready: number;
  readonly busy: number;
  readonly queued: number;
  readonly renders: number;
  readonly timeouts: number;
  readonly crashes: number;
  readonly restarts: number;
  readonly rejected: number;
}

interface Job {
  readonly id: number;
  readonly spec: ChartSpec;
  readonly resolve: (image: RenderedImage) => void;
  readonly reject: (error: ChartqlError) => void;
  /** While queued: refuses the job if no child takes it within the deadline. */
  queueTimer?: NodeJS.Timeout;
}

interface Worker {
  readonly child: ChildProcess;
  /** Can take a render: it said it is ready and has not been retired. */
  ready: boolean;
  /** It said it is ready at least once. */
  started: boolean;
  exited: boolean;
  job: Job | undefined;
  deadline: NodeJS.Timeout | undefined;
}

/** Longest pause before respawning a child that keeps dying before it is ready. */
const MAX_RESPAWN_DELAY_MS = 5000;

/**
 * A render allocates megabytes of short-lived buffers (pixels, scanlines). V8's default young
 * generation lets them pile up to ~48 MB per child before collecting; a small one collects them
 * early and keeps each child's memory near what it actually holds.
 */
const CHILD_FLAGS = ['--max-semi-space-size=1'];

/**
 * A child's JavaScript heap holds one chart's data and Chart.js's objects: tens of MiB at most
 * (pixels live outside it). A render that keeps allocating is stopped here, failing its own
 * request, before it can exhaust the machine's memory.
 */
const DEFAULT_HEAP_LIMIT_MB = 512;

const ownExtension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
const DEFAULT_CHILD = new URL(`./renderChild.${ownExtension}`, import.meta.url);

/**
 * Renders in a pool of child processes, so drawing never blocks the event loop and a render
 * that hangs in native code (where a worker thread cannot be stopped) can be killed. Each render
 * has a deadline: past it the child gets SIGKILL, that request fails with RENDER_TIMEOUT and a
 * new child takes its place. A child that crashes fails only its own render. The queue is
 * bounded: when it is full, requests fail at once with OVERLOADED and a Retry-After.
 */
export class RenderPool implements ChartRenderer {
  private readonly workers = new Set<Worker>();
  private readonly queue: Job[] = [];
  private readonly childModule: URL;
  private nextId = 1;
  private closed = false;
  /** Children that died before becoming ready, in a row: slows respawning down. */
  private failedStarts = 0;
  private counters = { renders: 0, timeouts: 0, crashes: 0, restarts: 0, rejected: 0 };

  constructor(private readonly options: RenderPoolOptions) {
    this.childModule = options.childModule ?? DEFAULT_CHILD;
    for (let i = 0; i < options.size; i++) this.spawn();
  }

  render(spec: ChartSpec): Promise<RenderedImage> {
    if (this.closed) {
      return Promise.reject(new ChartqlError('RENDER_FAILED', 'the service is shutting down'));
    }
    return new Promise<RenderedImage>((resolve, reject) => {
      const job: Job = { id: this.nextId++, spec, resolve, reject };
      const idle = this.idleWorker();
      if (idle !== undefined) {
        this.start(idle, job);
        return;
      }
      if (this.queue.length >= this.options.maxQueue) {
        this.counters.rejected += 1;
        reject(overloaded('every renderer is busy and the render queue is full'));
        return;
      }
      job.queueTimer = setTimeout(() => {
        const index = this.queue.indexOf(job);
        if (index === -1) return;
        this.queue.splice(index, 1);
        this.counters.rejected += 1;
        reject(overloaded('no renderer was free within the render deadline'));
      }, this.options.timeoutMs);
      this.queue.push(job);
    });
  }

  saturated(): boolean {
    return this.idleWorker() === undefined && this.queue.length >= this.options.maxQueue;
  }

  /** True when at least one child is up and can take a render. */
  isReady(): boolean {
    for (const worker of this.workers) if (worker.ready) return true;
    return false;
  }

  stats(): RenderPoolStats {
    let ready = 0;
    let busy = 0;
    for (const worker of this.workers) {
      if (worker.ready) ready += 1;
      if (worker.job) busy += 1;
    }
    return { size: this.options.size, ready, busy, queued: this.queue.length, ...this.counters };
  }

  /** PIDs of the children rendering right now. */
  busyChildPids(): number[] {
    const pids: number[] = [];
    for (const worker of this.workers)
      if (worker.job !== undefined && worker.child.pid !== undefined) pids.push(worker.child.pid);
    return pids;
  }

  /** PIDs of the live children, for measuring their memory. */
  childPids(): number[] {
    const pids: number[] = [];
    for (const worker of this.workers)
      if (worker.child.pid !== undefined) pids.push(worker.child.pid);
    return pids;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      clearTimeout(job.queueTimer);
      job.reject(new ChartqlError('RENDER_FAILED', 'the service is shutting down'));
    }
    const exits = [...this.workers].map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.exited) {
            resolve();
            return;
          }
          worker.child.once('exit', () => {
            resolve();
          });
          worker.child.kill('SIGKILL');
        }),
    );
    await Promise.all(exits);
  }

  private spawn(): void {
    const path = fileURLToPath(this.childModule);
    const child = fork(path, [], {
      serialization: 'advanced',
      execArgv: [
        ...CHILD_FLAGS,
        `--max-old-space-size=${this.options.heapLimitMb ?? DEFAULT_HEAP_LIMIT_MB}`,
        ...(path.endsWith('.ts') ? ['--import', 'tsx'] : []),
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const worker: Worker = {
      child,
      ready: false,
      started: false,
      exited: false,
      job: undefined,
      deadline: undefined,
    };
    this.workers.add(worker);
    child.on('message', (message: ChildMessage) => {
      this.onMessage(worker, message);
    });
    child.on('exit', () => {
      this.onExit(worker);
    });
    child.on('error', (error) => {
      // Spawn or IPC failures: the child is unusable; 'exit' may or may not follow.
      this.options.logger?.error({ err: error }, 'render child error');
      this.retire(worker);
      this.onExit(worker);
    });
  }

  private idleWorker(): Worker | undefined {
    for (const worker of this.workers) if (worker.ready && worker.job === undefined) return worker;
    return undefined;
  }

  /** Hands queued jobs to idle children. */
  private dispatch(): void {
    for (let worker = this.idleWorker(); worker !== undefined; worker = this.idleWorker()) {
      const job = this.queue.shift();
      if (job === undefined) return;
      this.start(worker, job);
    }
  }

  private start(worker: Worker, job: Job): void {
    clearTimeout(job.queueTimer);
    worker.job = job;
    worker.deadline = setTimeout(() => {
      this.onDeadline(worker);
    }, this.options.timeoutMs);
    const request: RenderRequest = { id: job.id, spec: job.spec };
    worker.child.send(request, (error) => {
      if (error) this.retire(worker);
    });
  }

  private onMessage(worker: Worker, message: ChildMessage): void {
    if (message.type === 'ready') {
      worker.ready = true;
      worker.started = true;
      this.failedStarts = 0;
      this.dispatch();
      return;
    }
    const job = worker.job;
    if (job?.id !== message.id) return;
    clearTimeout(worker.deadline);
    worker.job = undefined;
    if (message.type === 'rendered') {
      this.counters.renders += 1;
      const { bytes, mimeType, width, height } = message;
      job.resolve({
        bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        mimeType,
        width,
        height,
      });
    } else {
      this.options.logger?.error({ reason: message.message }, 'render failed');
      job.reject(new ChartqlError('RENDER_FAILED', 'the chart could not be rendered'));
    }
    this.dispatch();
  }

  private onDeadline(worker: Worker): void {
    const job = worker.job;
    if (job === undefined) return;
    worker.job = undefined;
    this.counters.timeouts += 1;
    job.reject(
      new ChartqlError(
        'RENDER_TIMEOUT',
        `the chart took longer than ${this.options.timeoutMs} ms to render`,
        undefined,
        RETRY_AFTER_SECONDS,
      ),
    );
    this.retire(worker);
  }

  /** Kills a child; it takes no more work, and its 'exit' brings a replacement. */
  private retire(worker: Worker): void {
    worker.ready = false;
    worker.child.kill('SIGKILL');
  }

  private onExit(worker: Worker): void {
    if (worker.exited) return;
    worker.exited = true;
    this.workers.delete(worker);
    clearTimeout(worker.deadline);
    if (worker.job !== undefined) {
      this.counters.crashes += 1;
      worker.job.reject(new ChartqlError('RENDER_FAILED', 'the renderer stopped unexpectedly'));
      worker.job = undefined;
    }
    if (this.closed) return;
    if (!worker.started) this.failedStarts += 1;
    this.counters.restarts += 1;
    const delay =
      this.failedStarts === 0 ? 0 : Math.min(MAX_RESPAWN_DELAY_MS, 50 * 2 ** this.failedStarts);
    setTimeout(() => {
      if (!this.closed) this.spawn();
    }, delay).unref();
  }
}
