/**
 * Runs one verification (verify-worker.ts) in a fresh worker thread and waits for its answer, so
 * that the main thread never parses or walks a client's result. The client's bytes are transferred,
 * not copied. A thread that dies (its heap cap, a crash) or runs past the time limit fails only
 * this request.
 */
import { Worker } from 'node:worker_threads';
import { AnalysisError } from '../src/analysis/index.ts';
import { HttpError } from './errors.ts';
import type { VerifyOutcome } from './verify.ts';

export interface VerifyJob {
  /** The client's result JSON, as uploaded. */
  result: Uint8Array;
  /** The server's own result JSON for the same file. */
  serverJson: string;
  maxDepth: number;
}

export type VerifyReply = { ok: true; outcome: VerifyOutcome; clientResultSha256: string } | { ok: false; message: string };

/** A result nests about ten levels; a hundred leaves room for any schema to come. */
export const MAX_RESULT_DEPTH = 100;

export interface VerifyRunnerOptions {
  workerFile: URL;
  timeoutMs: number;
  /** V8 heap cap of the thread: room for the parsed client and server results. */
  heapMb: number;
}

export async function runVerification(
  options: VerifyRunnerOptions,
  result: Uint8Array,
  serverJson: string,
): Promise<{ outcome: VerifyOutcome; clientResultSha256: string }> {
  const own = result.byteOffset === 0 && result.byteLength === result.buffer.byteLength && result.buffer instanceof ArrayBuffer;
  const bytes = own ? result : result.slice();
  const job: VerifyJob = { result: bytes, serverJson, maxDepth: MAX_RESULT_DEPTH };
  const worker = new Worker(options.workerFile, {
    workerData: job,
    transferList: [bytes.buffer as ArrayBuffer],
    resourceLimits: { maxOldGenerationSizeMb: options.heapMb },
    name: 'vectis-verify',
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const reply = await new Promise<VerifyReply>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new AnalysisError('TIMEOUT', `The verification took longer than ${options.timeoutMs / 1000} s and was stopped.`)),
        options.timeoutMs,
      );
      worker.once('message', resolve);
      worker.once('error', (e) => reject(verifyFailure(e)));
      worker.once('exit', (code) => reject(verifyFailure(new Error(`verify thread exited with code ${code}`))));
    });
    if (!reply.ok) throw new HttpError(400, 'BAD_REQUEST', reply.message);
    return reply;
  } finally {
    clearTimeout(timer);
    void worker.terminate();
  }
}

function verifyFailure(e: Error): Error {
  const oom = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(e.message);
  return oom
    ? new HttpError(413, 'TOO_LARGE', 'The "result" is too large to verify.')
    : new AnalysisError('INTERNAL', `The verification failed: ${e.message}`);
}

/** verify-worker.mjs beside the analysis worker's bundle, or its tsx bootstrap beside worker-dev.mjs. */
export function verifyWorkerBeside(analysisWorker: URL | string): URL {
  const url = typeof analysisWorker === 'string' ? new URL(`file://${analysisWorker}`) : analysisWorker;
  return new URL(url.pathname.endsWith('worker-dev.mjs') ? './verify-worker-dev.mjs' : './verify-worker.mjs', url);
}
