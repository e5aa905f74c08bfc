/**
 * One error type with a stable code for everything the pipeline can refuse or fail at.
 * Consumers (UI, server, CLI) switch on `code`, never on the message.
 */
export const ERROR_CODES = [
  'NOT_STEP',
  'EMPTY',
  'TRUNCATED',
  'INVALID_STEP',
  'UNSUPPORTED_SCHEMA',
  'NO_SOLID',
  'TOO_LARGE',
  'TIMEOUT',
  'OUT_OF_MEMORY',
  'OCC_FAILURE',
  'MODEL_UNAVAILABLE',
  'CANCELLED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AnalysisError extends Error {
  override readonly name = 'AnalysisError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** True when the engine instance may be corrupt (a trap or abort) and must be replaced. */
    readonly engineBroken = false,
  ) {
    super(message);
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

export function isAnalysisError(e: unknown): e is AnalysisError {
  return e instanceof AnalysisError;
}

/** Plain-object form that survives structured clone (worker → page) and JSON. */
export interface SerializedError {
  code: ErrorCode;
  message: string;
}

export function serializeError(e: unknown): SerializedError {
  const err = isAnalysisError(e) ? e : classifyThrown(e);
  return { code: err.code, message: err.message };
}

export function isErrorCode(v: unknown): v is ErrorCode {
  return typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v);
}

/**
 * Turns whatever OCC or the runtime threw into an AnalysisError. A WebAssembly trap, an abort
 * or a bare number (what emscripten throws for some C++ failures and out-of-memory) all land here.
 * `describeException` decodes C++ exceptions when the engine can.
 */
export function classifyThrown(e: unknown, describeException?: (e: unknown) => string | undefined): AnalysisError {
  if (isAnalysisError(e)) return e;
  const text = errorText(e);
  if (/out of memory|Cannot enlarge memory|OOM|bad_alloc|Array buffer allocation failed/i.test(text)) {
    return new AnalysisError('OUT_OF_MEMORY', `The geometry engine ran out of memory (${text}).`, true);
  }
  if (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError) {
    return new AnalysisError('OCC_FAILURE', `The geometry engine trapped: ${text}.`, true);
  }
  if (/^Aborted|abort\(/i.test(text)) {
    return new AnalysisError('OCC_FAILURE', `The geometry engine aborted: ${text}.`, true);
  }
  if (typeof e === 'number') {
    // A raw pointer to a C++ exception object, or an emscripten OOM code: the heap may be torn.
    return new AnalysisError('OCC_FAILURE', `The geometry engine failed (native exception ${e}).`, true);
  }
  if (
    typeof WebAssembly !== 'undefined' &&
    'Exception' in WebAssembly &&
    e instanceof (WebAssembly as unknown as { Exception: new () => object }).Exception
  ) {
    const detail = describeException?.(e) ?? 'C++ exception';
    return new AnalysisError('OCC_FAILURE', `The geometry engine failed: ${detail}.`, false);
  }
  return new AnalysisError('INTERNAL', text || 'Unknown failure.');
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  try {
    return String(e);
  } catch {
    return 'unprintable error';
  }
}
