/**
 * Files whose analysis failed in a way that would only fail again: the reader could not parse
 * them, they hold no solid, or they trapped, exhausted or outran the engine. Such a file sent
 * again is answered from here, by its sha256, instead of costing another job (and, for a trap,
 * a timeout or an out-of-memory, another worker: each of those recycles the thread).
 *
 * In-process and bounded (oldest first out), with a time to live so that a failure caused by
 * load (a TIMEOUT on a busy machine) is not remembered for long. Cancellations, a missing model
 * and internal errors are the server's circumstances, not the file's, and are never remembered.
 */
import { AnalysisError, type ErrorCode } from '../src/analysis/index.ts';

const FILE_FAILURES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['INVALID_STEP', 'NO_SOLID', 'OCC_FAILURE', 'OUT_OF_MEMORY', 'TIMEOUT']);

export class FailureCache {
  private readonly entries = new Map<string, { code: ErrorCode; message: string; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The remembered failure of this file, as a fresh error to throw, or undefined. */
  get(sha256: string): AnalysisError | undefined {
    const entry = this.entries.get(sha256);
    if (!entry) return undefined;
    if (entry.until <= Date.now()) {
      this.entries.delete(sha256);
      return undefined;
    }
    return new AnalysisError(entry.code, entry.message);
  }

  /** Remembers `error` for this file when it is the file's own doing; true when it was. */
  remember(sha256: string, error: unknown): boolean {
    if (this.ttlMs <= 0 || !(error instanceof AnalysisError) || !FILE_FAILURES.has(error.code)) return false;
    this.entries.delete(sha256);
    this.entries.set(sha256, { code: error.code, message: error.message, until: Date.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return true;
  }
}
