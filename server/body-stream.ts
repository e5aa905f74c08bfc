/**
 * Reading a body stream chunk by chunk: a STEP file (size limit, sha256 and the magic check on the
 * way, the bounded header check at the end), any other part up to a limit, and the drain that lets
 * a refused client read its answer.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AnalysisError, checkStepHeader } from '../src/analysis/index.ts';
import { HttpError } from './errors.ts';

const MAGIC = Buffer.from('ISO-10303-21;', 'latin1');
const MAX_LEADING_WHITESPACE = 64 * 1024;

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
  if ((stream as { truncated?: boolean }).truncated)
    throw new AnalysisError('TOO_LARGE', `The upload is larger than the ${formatBytes(maxBytes)} limit.`);
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
      reject(e);
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

export async function readAll(stream: Readable, max: number, what: string): Promise<Buffer> {
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

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB` : `${n} bytes`;
}
