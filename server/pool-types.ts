/** The worker pool's options, job input and output, events and errors (pool.ts is the pool). */
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { ErrorCode } from '../src/analysis/index.ts';
import type { ResultSummary, TestHook } from './worker-protocol.ts';

export interface PoolOptions {
  workerFile: URL | string;
  size: number;
  maxQueue: number;
  jobTimeoutMs: number;
  maxWasmHeapBytes: number;
  maxJsHeapBytes: number;
  maxJobsPerWorker: number;
  resourceLimitMb: number;
  testHooks: boolean;
  /** Warm each new worker up with a small analysis before it takes jobs (default true). */
  warmup?: boolean;
  /** ONNX model for the 'infer' stage; see WorkerInit. */
  modelPath?: string;
  logger: Logger;
}

export interface JobInput {
  bytes: Uint8Array;
  fileName: string;
  maxBytes: number;
  hook?: TestHook;
  /** The request's logger (carries the correlation id). */
  log?: Logger;
  /**
   * The client went away: a queued job is dropped; a running one is told to stop, and its
   * analysis ends with CANCELLED at the next stage boundary (the worker stays: WASM cannot be
   * interrupted mid-call, and a stage is short next to starting a new worker).
   */
  signal?: AbortSignal;
}

export interface JobOutput {
  json: string;
  summary: ResultSummary;
  queuedMs: number;
  runMs: number;
}

export class QueueFullError extends Error {
  override readonly name = 'QueueFullError';
  constructor(readonly retryAfterSeconds: number) {
    super('The analysis queue is full; retry later.');
  }
}

export class PoolClosedError extends Error {
  override readonly name = 'PoolClosedError';
  constructor() {
    super('The server is shutting down.');
  }
}

export type WorkerExitReason = 'timeout' | 'died' | 'oom' | 'recycle-heap' | 'recycle-jobs' | 'engine-broken' | 'start-failed' | 'shutdown';

export interface PoolEvents {
  job: [{ outcome: 'ok' | ErrorCode; runMs: number; queuedMs: number; summary?: ResultSummary }];
  'worker-exit': [{ reason: WorkerExitReason; threadId: number }];
  'worker-ready': [{ threadId: number; engineMs: number }];
}
