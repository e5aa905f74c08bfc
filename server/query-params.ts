/**
 * Repeated query parameters are refused. Fastify parses `?persist=false&persist=true` into an
 * array; code reading one value would silently take one of them (or, reading strings only, drop
 * both, and with them a quotation id). A client that sends two values has a bug or an intent:
 * neither should be guessed at.
 */
import { HttpError } from './errors.ts';

export function refuseRepeatedParameters(query: unknown): void {
  if (!query || typeof query !== 'object') return;
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) {
      throw new HttpError(400, 'BAD_REQUEST', `The query parameter "${name.slice(0, 64)}" is given more than once.`);
    }
  }
}
