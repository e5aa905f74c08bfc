/**
 * Reading an upload: multipart (`file` part, optional fields, and for /verify a `result` field or
 * part) or a raw STEP body (application/octet-stream). While the bytes stream in they are counted
 * against the size limit (the request is refused the moment it passes it), hashed (sha256, the
 * cache key), and the first bytes are checked for the STEP magic so that a non-STEP upload is
 * refused before the rest of it is even read. The full header check (truncation, schema, empty
 * DATA) runs before any job is queued.
 *
 * The client's file name is a label only: it is reduced to its last path segment, stripped of
 * control characters, and never used to build a path.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { AnalysisError } from '../src/analysis/index.ts';
import { checkStepHeader } from '../src/analysis/index.ts';
import { HttpError } from './errors.ts';

const MAGIC = Buffer.from('ISO-10303-21;', 'latin1');
const MAX_LEADING_WHITESPACE = 64 * 1024;

export interface Upload {
  bytes: Uint8Array;
  sha256: string;
  fileName: string;
  fields: Record<string, string>;
  /** /verify: the client's result JSON text. */
  resultText?: string;
}

export interface UploadLimits {
  maxBytes: number;
  maxResultBytes: number;
  /** Accept a `result` (text field or file part). */
  withResult: boolean;
}

export const RAW_TYPES = ['application/octet-stream', 'application/step', 'model/step', 'application/p21'];

/**
 * Characters that make a label lie about itself when shown: C0/C1 controls, bidi embeddings,
 * overrides and isolates ("invoice\u202Egpj.step" displays as "invoicepets.jpg"), and
 * zero-width / invisible formatting characters.
 */
// eslint-disable-next-line no-control-regex
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
    const file = await readStepStream(request.body as Readable, limits.maxBytes);
    return { ...file, fileName: safeFileName(query.file_name ?? headerText(request.headers['x-file-name'])), fields };
  }
  throw new HttpError(415, 'BAD_REQUEST', 'Send multipart/form-data with a "file" part, or the STEP bytes as application/octet-stream.');
}

function headerText(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

async function readMultipart(request: FastifyRequest, limits: UploadLimits): Promise<Upload> {
  const fields: Record<string, string> = {};
  let file: { bytes: Uint8Array; sha256: string; fileName: string } | undefined;
  let resultText: string | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname === 'file' && !file) {
          file = { ...(await readStepStream(part.file, limits.maxBytes)), fileName: safeFileName(part.filename) };
        } else if (part.fieldname === 'result' && limits.withResult && resultText === undefined) {
          resultText = (await readAll(part.file, limits.maxResultBytes, 'result')).toString('utf8');
        } else {
          part.file.resume();
          throw new HttpError(400, 'BAD_REQUEST', `Unexpected file part "${safeFileName(part.fieldname)}".`);
        }
      } else {
        if (part.valueTruncated) throw new HttpError(413, 'TOO_LARGE', `The field "${part.fieldname}" is too large.`);
        const value = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
        if (part.fieldname === 'result' && limits.withResult) resultText = value;
        else fields[part.fieldname] = value;
      }
    }
  } catch (e) {
    throw translateMultipartError(e);
  }
  if (!file) throw new AnalysisError('EMPTY', 'No file: send the STEP file in a multipart part named "file".');
  return { ...file, fields, resultText };
}

function translateMultipartError(e: unknown): unknown {
  if (e instanceof HttpError || e instanceof AnalysisError) return e;
  const code = (e as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AnalysisError('TOO_LARGE', 'The upload is larger than the limit.');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new HttpError(413, 'BAD_REQUEST', 'Too many parts in the upload.');
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_PROTO_VIOLATION' || code === 'FST_INVALID_JSON_FIELD_ERROR') {
    return new HttpError(400, 'BAD_REQUEST', (e as Error).message);
  }
  if (e instanceof Error && /multipart|boundary|Unexpected end/i.test(e.message)) return new HttpError(400, 'BAD_REQUEST', `Malformed upload: ${e.message}`);
  return e;
}

/** Streams a STEP file in: size limit, sha256 and the magic check on the way; header check at the end. */
export async function readStepStream(stream: Readable, maxBytes: number): Promise<{ bytes: Uint8Array; sha256: string }> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  let magicChecked = false;
  let head = Buffer.alloc(0);
  await consume(stream, maxBytes, (chunk) => {
    size += chunk.length;
    if (size > maxBytes) throw new AnalysisError('TOO_LARGE', `The upload is larger than the ${formatBytes(maxBytes)} limit.`);
    hash.update(chunk);
    chunks.push(chunk);
    if (!magicChecked) {
      head = Buffer.concat([head, chunk]);
      magicChecked = checkMagic(head, false);
      if (magicChecked) head = Buffer.alloc(0);
    }
  });
  if ((stream as { truncated?: boolean }).truncated) throw new AnalysisError('TOO_LARGE', `The upload is larger than the ${formatBytes(maxBytes)} limit.`);
  if (size === 0) throw new AnalysisError('EMPTY', 'The file is empty.');
  if (!magicChecked) checkMagic(head, true);
  const whole = Buffer.concat(chunks, size);
  // A fresh, exactly sized buffer: it is transferred to the worker thread, not copied.
  const bytes = new Uint8Array(new ArrayBuffer(size));
  bytes.set(whole);
  checkStepHeader(bytes, maxBytes);
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * Reads a stream chunk by chunk. When `onChunk` throws (too large, not STEP) the stream is not
 * destroyed (that would reset the connection before the client reads the answer): the rest is
 * drained and dropped, up to a cap.
 */
function consume(stream: Readable, cap: number, onChunk: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      try {
        onChunk(chunk);
      } catch (e) {
        cleanup();
        discardRest(stream, cap);
        reject(e);
      }
    };
    const onEnd = () => {
      cleanup();
      resolve();
    };
    const onError = (e: Error) => {
      cleanup();
      reject(translateMultipartError(e));
    };
    const onClose = () => {
      cleanup();
      reject(new HttpError(400, 'BAD_REQUEST', 'The upload was interrupted.'));
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
    stream.resume();
  });
}

/** True once the magic is confirmed; throws NOT_STEP / EMPTY as soon as it cannot be. */
function checkMagic(head: Buffer, ended: boolean): boolean {
  let at = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) at = 3;
  while (at < head.length && (head[at] === 0x20 || head[at] === 0x09 || head[at] === 0x0a || head[at] === 0x0d)) at++;
  if (at > MAX_LEADING_WHITESPACE) throw new AnalysisError('NOT_STEP', 'This is not a STEP file.');
  const rest = head.subarray(at);
  const n = Math.min(rest.length, MAGIC.length);
  if (!rest.subarray(0, n).equals(MAGIC.subarray(0, n))) {
    throw new AnalysisError('NOT_STEP', 'This is not a STEP file: it does not start with "ISO-10303-21;".');
  }
  if (rest.length >= MAGIC.length) return true;
  if (ended) {
    if (rest.length === 0) throw new AnalysisError('EMPTY', 'The file holds only white space.');
    throw new AnalysisError('TRUNCATED', 'The file ends inside the STEP header.');
  }
  return false;
}

async function readAll(stream: Readable, max: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  await consume(stream, max, (chunk) => {
    size += chunk.length;
    if (size > max) throw new HttpError(413, 'BAD_REQUEST', `The ${what} is larger than the ${formatBytes(max)} limit.`);
    chunks.push(chunk);
  });
  return Buffer.concat(chunks, size);
}

/**
 * After refusing an oversized body, read and drop what is still arriving so that the client gets
 * the 413 rather than a connection reset; past `cap` more bytes, cut the connection after all.
 */
export function discardRest(stream: Readable, cap: number): void {
  let dropped = 0;
  const limit = Math.max(cap, 8 * 1024 * 1024);
  stream.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > limit) stream.destroy();
  });
  stream.on('error', () => undefined);
  stream.resume();
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB` : `${n} bytes`;
}
