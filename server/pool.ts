/**
 * A small worker_threads pool for the analysis pipeline.
 *
 * - `size` workers, each starting its own OCC engine; a job goes only to a worker whose engine is up.
 * - Cancellation: a job whose signal aborts leaves the queue, or is told to stop if it runs.
 * - A bounded queue: with every worker busy and `maxQueue` jobs waiting, `run()` throws
 *   QueueFullError carrying a Retry-After estimate (the route answers 503).
 * - A per-job time limit enforced by terminate(): WASM cannot be interrupted from outside, so the
 *   thread goes and a fresh one takes its place.
 * - A worker that dies (uncaught error, V8 OOM, native crash) fails only the job it held, with a
 *   typed AnalysisError, and is replaced. Jobs are never retried: a file that kills a worker
 *   would kill the next one too.
 * - Recycling: after a job, a worker whose WASM or JS heap has passed its threshold (the engine's
 *   heap grows a little per file even with every object freed: docs/architecture.md), whose
 *   engine may be corrupt (a trap), or which has run
 *   `maxJobsPerWorker` jobs is replaced.
 */
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { FastifyBaseLogger as Logger } from 'fastify';
import { AnalysisError } from '../src/analysis/index.ts';
import {
  PoolClosedError,
  QueueFullError,
  type JobInput,
  type JobOutput,
  type PoolEvents,
  type PoolOptions,
  type WorkerExitReason,
} from './pool-types.ts';
import type { CancelMessage, JobMessage, WorkerInit, WorkerMessage, WorkerStats } from './worker-protocol.ts';

// Callers import the pool's types and errors from here, beside the pool itself.
export * from './pool-types.ts';

interface Pending {
  input: JobInput;
  enqueuedAt: number;
  resolve: (out: JobOutput) => void;
  reject: (e: Error) => void;
  onAbort?: () => void;
}

interface Active extends Pending {
  id: number;
  startedAt: number;
  timer: NodeJS.Timeout;
  settled: boolean;
}

type SlotState = 'starting' | 'idle' | 'busy' | 'stopping';

interface Slot {
  worker: Worker;
  threadId: number;
  state: SlotState;
  job?: Active;
  jobs: number;
  /** The engine came up in this worker. */
  started: boolean;
  stats: WorkerStats;
  /** Why the pool is ending this worker; unset means an exit is a death. */
  exitReason?: WorkerExitReason;
  error?: Error;
  log: Logger;
}

const MAX_START_FAILURES = 3;
/** Retry-After never says more than this: past it, a client is better off elsewhere. */
const MAX_RETRY_AFTER_S = 300;

export class WorkerPool extends EventEmitter<PoolEvents> {
  private readonly slots = new Set<Slot>();
  private queue: Pending[] = [];
  private nextJobId = 1;
  private closing = false;
  private startFailures = 0;
  /** Exponentially weighted mean job time, for Retry-After. */
  private meanJobMs = 1000;
  /** Exponentially weighted mean time the latest jobs waited in the queue, for Retry-After. */
  private meanQueuedMs = 0;
  private readyWaiters: (() => void)[] = [];
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: PoolOptions) {
    super();
  }

  start(): void {
    for (let i = 0; i < this.options.size; i++) this.spawn();
  }

  /** True while at least one worker has a started engine. */
  get ready(): boolean {
    for (const s of this.slots) if (s.state === 'idle' || s.state === 'busy') return true;
    return false;
  }

  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  stats(): { size: number; alive: number; ready: number; busy: number; queued: number; starting: number } {
    let ready = 0;
    let busy = 0;
    let starting = 0;
    for (const s of this.slots) {
      if (s.state === 'idle') ready++;
      else if (s.state === 'busy') {
        ready++;
        busy++;
      } else if (s.state === 'starting') starting++;
    }
    return { size: this.options.size, alive: this.slots.size, ready, busy, queued: this.queue.length, starting };
  }

  /** Thread ids of the workers running a job now (tests use this to kill one). */
  busyThreadIds(): number[] {
    return [...this.slots].filter((s) => s.state === 'busy').map((s) => s.threadId);
  }

  /** Terminates a worker from outside, as a crash would; its job fails, a new worker replaces it. */
  async kill(threadId: number): Promise<void> {
    for (const s of this.slots) if (s.threadId === threadId) await s.worker.terminate();
  }

  /**
   * When a refused client should come back: the longest of three measured views of the wait a
   * new job would have. The work ahead at the mean job time alone underestimates when jobs run
   * long or hang (a queue that waited 67 s answered 8), so also what the latest jobs waited, and
   * how long the oldest queued job has waited so far (a floor while the queue is stuck).
   */
  retryAfterSeconds(): number {
    const { busy, queued } = this.stats();
    const ahead = ((queued + busy) * this.meanJobMs) / Math.max(1, this.options.size);
    const oldest = this.queue.length > 0 ? performance.now() - this.queue[0]!.enqueuedAt : 0;
    const ms = Math.max(ahead, this.meanQueuedMs, oldest);
    return Math.min(MAX_RETRY_AFTER_S, Math.max(1, Math.ceil(ms / 1000)));
  }

  run(input: JobInput): Promise<JobOutput> {
    if (this.closing) return Promise.reject(new PoolClosedError());
    if (input.signal?.aborted) return Promise.reject(new AnalysisError('CANCELLED', 'The request was cancelled.'));
    const idle = [...this.slots].some((s) => s.state === 'idle');
    if (!idle && this.queue.length >= this.options.maxQueue) {
      return Promise.reject(new QueueFullError(this.retryAfterSeconds()));
    }
    return new Promise<JobOutput>((resolve, reject) => {
      const pending: Pending = { input, enqueuedAt: performance.now(), resolve, reject };
      if (input.signal) {
        pending.onAbort = () => {
          const at = this.queue.indexOf(pending);
          if (at >= 0) {
            this.queue.splice(at, 1);
            reject(new AnalysisError('CANCELLED', 'The request was cancelled while queued.'));
            this.notifyIdle();
          }
        };
        input.signal.addEventListener('abort', pending.onAbort, { once: true });
      }
      this.queue.push(pending);
      this.dispatch();
    });
  }

  /**
   * Stops taking jobs, lets queued and running jobs finish (up to `timeoutMs`), then terminates
   * every worker. Jobs still running at the deadline fail with CANCELLED.
   */
  async close(timeoutMs = 30_000): Promise<void> {
    this.closing = true;
    const drained = new Promise<void>((resolve) => {
      if (this.isIdle()) resolve();
      else this.idleWaiters.push(resolve);
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([drained, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    for (const p of this.queue.splice(0)) p.reject(new PoolClosedError());
    await Promise.all(
      [...this.slots].map((s) => {
        s.exitReason = 'shutdown';
        if (s.job) this.settle(s, () => s.job!.reject(new AnalysisError('CANCELLED', 'The server shut down before the analysis finished.')));
        return s.worker.terminate();
      }),
    );
  }

  private isIdle(): boolean {
    return this.queue.length === 0 && ![...this.slots].some((s) => s.state === 'busy');
  }

  private notifyIdle(): void {
    if (!this.isIdle()) return;
    for (const w of this.idleWaiters.splice(0)) w();
  }

  private spawn(): void {
    const init: WorkerInit = { testHooks: this.options.testHooks, warmup: this.options.warmup ?? true, modelPath: this.options.modelPath };
    const worker = new Worker(this.options.workerFile, {
      workerData: init,
      resourceLimits: { maxOldGenerationSizeMb: this.options.resourceLimitMb },
      name: 'vectis-analysis',
    });
    const slot: Slot = {
      worker,
      threadId: worker.threadId,
      state: 'starting',
      jobs: 0,
      started: false,
      stats: { wasmHeap: 0, jsHeap: 0 },
      log: this.options.logger.child({ worker: worker.threadId }),
    };
    this.slots.add(slot);
    worker.on('message', (m: WorkerMessage) => this.onMessage(slot, m));
    worker.on('error', (e) => {
      slot.error = e;
      slot.log.error({ err: e }, 'analysis worker error');
    });
    worker.on('exit', (code) => this.onExit(slot, code));
  }

  private onMessage(slot: Slot, m: WorkerMessage): void {
    switch (m.type) {
      case 'ready': {
        slot.stats = m.stats;
        if (slot.state !== 'starting') return;
        slot.state = 'idle';
        slot.started = true;
        this.startFailures = 0;
        slot.log.info({ engineMs: Math.round(m.engineMs), warmupMs: Math.round(m.warmupMs) }, 'analysis worker ready');
        this.emit('worker-ready', { threadId: slot.threadId, engineMs: m.engineMs });
        for (const w of this.readyWaiters.splice(0)) w();
        this.dispatch();
        return;
      }
      case 'start-failed': {
        slot.log.error({ error: m.error }, 'analysis engine failed to start');
        this.retire(slot, 'start-failed');
        return;
      }
      case 'result':
      case 'error': {
        const job = slot.job;
        if (!job || job.id !== m.id) return;
        slot.stats = m.stats;
        slot.jobs++;
        const runMs = performance.now() - job.startedAt;
        const queuedMs = job.startedAt - job.enqueuedAt;
        this.meanJobMs = 0.8 * this.meanJobMs + 0.2 * runMs;
        if (m.type === 'result') {
          this.settle(slot, () => job.resolve({ json: m.json, summary: m.summary, queuedMs, runMs }));
          this.emit('job', { outcome: 'ok', runMs, queuedMs, summary: m.summary });
        } else {
          this.settle(slot, () => job.reject(new AnalysisError(m.error.code, m.error.message, m.engineBroken)));
          this.emit('job', { outcome: m.error.code, runMs, queuedMs });
        }
        const recycle = this.recycleReason(slot, m.type === 'error' && m.engineBroken);
        if (recycle) this.retire(slot, recycle);
        else slot.state = 'idle';
        this.dispatch();
        this.notifyIdle();
        return;
      }
    }
  }

  private recycleReason(slot: Slot, engineBroken: boolean): WorkerExitReason | undefined {
    const o = this.options;
    if (engineBroken) return 'engine-broken';
    if (o.maxWasmHeapBytes > 0 && slot.stats.wasmHeap > o.maxWasmHeapBytes) return 'recycle-heap';
    if (o.maxJsHeapBytes > 0 && slot.stats.jsHeap > o.maxJsHeapBytes) return 'recycle-heap';
    if (o.maxJobsPerWorker > 0 && slot.jobs >= o.maxJobsPerWorker) return 'recycle-jobs';
    return undefined;
  }

  /** Ends a worker on purpose; its exit handler spawns the replacement. */
  private retire(slot: Slot, reason: WorkerExitReason): void {
    slot.exitReason ??= reason;
    slot.state = 'stopping';
    slot.log.info({ reason, jobs: slot.jobs, wasmHeapMB: Math.round(slot.stats.wasmHeap / 2 ** 20) }, 'retiring analysis worker');
    void slot.worker.terminate();
  }

  private settle(slot: Slot, action: () => void): void {
    const job = slot.job;
    if (!job || job.settled) return;
    job.settled = true;
    clearTimeout(job.timer);
    if (job.onAbort) job.input.signal?.removeEventListener('abort', job.onAbort);
    slot.job = undefined;
    action();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.state !== 'idle') continue;
      const pending = this.queue.shift()!;
      this.meanQueuedMs = 0.8 * this.meanQueuedMs + 0.2 * (performance.now() - pending.enqueuedAt);
      if (pending.onAbort) pending.input.signal?.removeEventListener('abort', pending.onAbort);
      const id = this.nextJobId++;
      const job: Active = {
        ...pending,
        onAbort: undefined,
        id,
        startedAt: performance.now(),
        settled: false,
        timer: setTimeout(() => this.onTimeout(slot, id), this.options.jobTimeoutMs),
      };
      slot.job = job;
      slot.state = 'busy';
      const { bytes } = pending.input;
      // Transfer the bytes when they own their whole buffer; copy a view into a shared one.
      if (pending.input.signal) {
        job.onAbort = () => slot.worker.postMessage({ type: 'cancel', id } satisfies CancelMessage);
        pending.input.signal.addEventListener('abort', job.onAbort, { once: true });
      }
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !(bytes.buffer instanceof SharedArrayBuffer);
      const payload = own ? bytes : bytes.slice();
      const message: JobMessage = {
        type: 'job',
        id,
        bytes: payload,
        fileName: pending.input.fileName,
        maxBytes: pending.input.maxBytes,
        hook: pending.input.hook,
      };
      slot.worker.postMessage(message, [payload.buffer as ArrayBuffer]);
    }
  }

  private onTimeout(slot: Slot, id: number): void {
    const job = slot.job;
    if (!job || job.id !== id) return;
    const seconds = this.options.jobTimeoutMs / 1000;
    (job.input.log ?? slot.log).warn(
      { worker: slot.threadId, limitMs: this.options.jobTimeoutMs },
      'analysis past its time limit: terminating the worker',
    );
    const runMs = performance.now() - job.startedAt;
    this.settle(slot, () => job.reject(new AnalysisError('TIMEOUT', `The analysis took longer than ${seconds} s and was stopped.`)));
    this.emit('job', { outcome: 'TIMEOUT', runMs, queuedMs: job.startedAt - job.enqueuedAt });
    this.retire(slot, 'timeout');
  }

  private onExit(slot: Slot, code: number): void {
    this.slots.delete(slot);
    const wasStarting = !slot.started;
    let reason: WorkerExitReason = slot.exitReason ?? 'died';
    if (!slot.exitReason && isOom(slot.error)) reason = 'oom';
    if (slot.job) {
      const job = slot.job;
      const error =
        reason === 'oom'
          ? new AnalysisError('OUT_OF_MEMORY', 'The analysis ran out of memory and its worker was stopped.', true)
          : new AnalysisError(
              'OCC_FAILURE',
              `The analysis worker died while working on this file (exit code ${code}${slot.error ? `: ${slot.error.message}` : ''}).`,
              true,
            );
      (job.input.log ?? slot.log).error({ worker: slot.threadId, exitCode: code, reason }, 'analysis worker died mid-job');
      const runMs = performance.now() - job.startedAt;
      this.settle(slot, () => job.reject(error));
      this.emit('job', { outcome: error.code, runMs, queuedMs: job.startedAt - job.enqueuedAt });
    } else if (reason === 'died' || reason === 'oom') {
      slot.log.error({ exitCode: code, reason }, 'analysis worker died');
    }
    this.emit('worker-exit', { reason, threadId: slot.threadId });
    if (this.closing) {
      this.notifyIdle();
      return;
    }
    if (wasStarting && reason !== 'shutdown') this.startFailures++;
    if (this.startFailures >= MAX_START_FAILURES && !this.ready) {
      // The engine cannot start at all: fail what waits rather than hold it forever.
      for (const p of this.queue.splice(0)) p.reject(new AnalysisError('INTERNAL', 'The geometry engine cannot start on this server.'));
    }
    const delay = this.startFailures === 0 ? 0 : Math.min(30_000, 500 * 2 ** this.startFailures);
    setTimeout(() => {
      if (!this.closing) this.spawn();
    }, delay).unref();
    this.notifyIdle();
  }
}

function isOom(e: Error | undefined): boolean {
  return !!e && ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(e.message));
}
