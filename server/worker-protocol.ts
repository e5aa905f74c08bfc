/** Messages between the pool (main thread) and an analysis worker thread. */
import type { SerializedError } from '../src/analysis/index.ts';

/** Test-only behaviours, honoured only when the pool was built with `testHooks`. */
export type TestHook = 'hang' | 'slow' | 'crash';

export interface JobMessage {
  type: 'job';
  id: number;
  /** The STEP bytes; the buffer is transferred, not copied. */
  bytes: Uint8Array;
  fileName: string;
  maxBytes: number;
  hook?: TestHook;
}

/** Stop job `id` at its next stage boundary (its client went away). */
export interface CancelMessage {
  type: 'cancel';
  id: number;
}

export interface WorkerStats {
  /** Bytes reserved by the OCC WASM heap (only grows; growth shows leaks). */
  wasmHeap: number;
  /** This worker isolate's V8 heap in use. */
  jsHeap: number;
}

/** What the pool needs to know about a result without parsing its JSON. */
export interface ResultSummary {
  sha256: string;
  faces: number;
  features: number;
  timings: Record<string, number>;
}

export type WorkerMessage =
  | { type: 'ready'; engineMs: number; warmupMs: number; stats: WorkerStats }
  | { type: 'start-failed'; error: SerializedError }
  | { type: 'result'; id: number; json: string; summary: ResultSummary; stats: WorkerStats }
  | { type: 'error'; id: number; error: SerializedError; engineBroken: boolean; stats: WorkerStats };

export interface WorkerInit {
  testHooks: boolean;
  /** Run one small analysis before reporting ready (see worker.ts). */
  warmup: boolean;
  /** A BRepNet ONNX model for the 'infer' stage (MODEL_PATH, default the shipped one); none: no ML stage. */
  modelPath?: string;
}
