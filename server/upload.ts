/**
 * Reading an upload: multipart (`file` part, optional fields, and for /verify a `result` field or
 * part) or a raw STEP body (application/octet-stream). While the bytes stream in they are counted
 * against the size limit (the request is refused the moment it passes it), hashed (sha256, the
 * cache key), and the first bytes are checked for the STEP magic so that a non-STEP upload is
 * refused before the rest of it is even read. The full header check (truncation, schema, empty
 * DATA) runs before any job is queued. Multipart bodies: see multipart.ts.
 *
 * The client's file name is a label only: it is reduced to its last path segment, stripped of
 * control characters, and never used to build a path.
 */
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { BodyGuard } from './body-guard.ts';
import { discardRest, readStepStream } from './body-stream.ts';
import { HttpError } from './errors.ts';
import { readMultipart } from './multipart.ts';

export interface Upload {
  bytes: Uint8Array;
  sha256: string;
  fileName: string;
  fields: Record<string, string>;
  /** /verify: the client's result JSON, as bytes (parsed in the verify thread, never here). */
  result?: Uint8Array;
}

export interface UploadLimits {
  maxBytes: number;
  maxResultBytes: number;
  /** Accept a `result` (text field or file part). */
  withResult: boolean;
  /** A multipart body that sends no byte for this long is refused (408). */
  idleTimeoutMs: number;
}

export const RAW_TYPES = ['application/octet-stream', 'application/step', 'model/step', 'application/p21'];

/**
 * Characters that make a label lie about itself when shown: C0/C1 controls, bidi embeddings,
 * overrides and isolates ("invoice\u202Egpj.step" displays as "invoicepets.jpg"), and
 * zero-width / invisible formatting characters.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this matches
const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

export function safeFileName(raw: string | undefined): string {
  const last = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = last.replace(HIDDEN_CHARACTERS, '').trim().slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? 'part.step' : clean;
}

export async function readUpload(request: FastifyRequest, limits: UploadLimits): Promise<Upload> {
  if (request.isMultipart()) return readMultipart(request, limits);
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (RAW_TYPES.includes(type)) {
    const query = request.query as Record<string, string | undefined>;
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(query)) if (typeof v === 'string') fields[k] = v;
    // Counted and watched like a multipart body (a chunked body has no Content-Length to check).
    const guard = new BodyGuard(request.raw, limits.maxBytes, limits.idleTimeoutMs);
    let file: Awaited<ReturnType<typeof readStepStream>>;
    try {
      file = await guard.race(readStepStream(request.body as Readable, limits.maxBytes));
    } catch (e) {
      if (guard.failed) discardRest(request.raw, limits.maxBytes);
      throw e;
    } finally {
      guard.stop();
    }
    return { ...file, fileName: safeFileName(query.file_name ?? headerText(request.headers['x-file-name'])), fields };
  }
  throw new HttpError(415, 'BAD_REQUEST', 'Send multipart/form-data with a "file" part, or the STEP bytes as application/octet-stream.');
}

function headerText(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
