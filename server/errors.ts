/**
 * Every error answer has one shape: `{ error: { code, message }, correlationId }`. Analysis codes
 * come from src/analysis (AnalysisError); the codes below are the server's own.
 */
import type { ErrorCode } from '../src/analysis/index.ts';

export const SERVER_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'QUEUE_FULL',
  'RATE_LIMITED',
  'DB_UNAVAILABLE',
  'PERSISTENCE_DISABLED',
  'SHUTTING_DOWN',
  'NOT_READY',
  'REQUEST_TIMEOUT',
  'TOO_MANY_UPLOADS',
  // Issue 14: an authenticated caller without the admin role (the accuracy report); a correction
  // that does not fit its analysis (an unknown feature, faces the part does not have).
  'FORBIDDEN',
  'INVALID_CORRECTION',
] as const;
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: ServerErrorCode | ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** HTTP status for an analysis error code: the file's fault is 4xx, the server's is 5xx. */
export function statusForAnalysisCode(code: ErrorCode): number {
  switch (code) {
    case 'EMPTY':
    case 'NOT_STEP':
    case 'TRUNCATED':
    case 'INVALID_STEP':
    case 'UNSUPPORTED_SCHEMA':
    case 'NO_SOLID':
      return 422;
    case 'TOO_LARGE':
      return 413;
    case 'TIMEOUT':
      return 504;
    case 'CANCELLED':
      return 499;
    case 'MODEL_UNAVAILABLE':
      return 503;
    case 'OUT_OF_MEMORY':
    case 'OCC_FAILURE':
    case 'INTERNAL':
      return 500;
  }
}
