/**
 * Reading a multipart upload: the `file` part (streamed: size limit, sha256, STEP checks), small
 * text fields, and for /verify a `result` that may be large. `file` and `result` are always read
 * as streams, whatever the client's part headers say: a text field is buffered whole by busboy up
 * to its size limit (and @fastify/multipart JSON-parses one sent as application/json, on the main
 * thread), so every other field gets a small limit and only streams may be big. The whole body is
 * counted and watched for stalls by a BodyGuard.
 */
import type { FastifyRequest } from 'fastify';
import { AnalysisError } from '../src/analysis/index.ts';
import { BodyGuard } from './body-guard.ts';
import { discardRest, readAll, readStepStream } from './body-stream.ts';
import { HttpError } from './errors.ts';
import { safeFileName, type Upload, type UploadLimits } from './upload.ts';

/** Room for multipart boundaries, part headers and the small fields. */
export const MULTIPART_OVERHEAD = 1024 * 1024;
/** quotation_id, line_item_id (128 characters at most), persist: a text field never needs more. */
export const MAX_FIELD_BYTES = 16 * 1024;

const STREAMED_PARTS = new Set(['file', 'result']);

export async function readMultipart(request: FastifyRequest, limits: UploadLimits): Promise<Upload> {
  const maxBody = limits.maxBytes + (limits.withResult ? limits.maxResultBytes : 0) + MULTIPART_OVERHEAD;
  const guard = new BodyGuard(request.raw, maxBody, limits.idleTimeoutMs);
  try {
    return await guard.race(collectParts(request, limits));
  } catch (e) {
    if (guard.failed) {
      // Stop feeding busboy; drain what still arrives (up to a cap) so the client reads the answer.
      request.raw.unpipe();
      discardRest(request.raw, maxBody);
    }
    throw translateMultipartError(e);
  } finally {
    guard.stop();
  }
}

async function collectParts(request: FastifyRequest, limits: UploadLimits): Promise<Upload> {
  const fields: Record<string, string> = {};
  let file: { bytes: Uint8Array; sha256: string; fileName: string } | undefined;
  let result: Uint8Array | undefined;
  const parts = request.parts({
    isPartAFile: (name, contentType, fileName) =>
      STREAMED_PARTS.has(name ?? '') || fileName !== undefined || contentType === 'application/octet-stream',
    limits: {
      fieldSize: MAX_FIELD_BYTES,
      fieldNameSize: 100,
      fileSize: Math.max(limits.maxBytes, limits.withResult ? limits.maxResultBytes : 0) + 1,
      files: 2,
      fields: 8,
      parts: 10,
      headerPairs: 50,
    },
  });
  for await (const part of parts) {
    if (part.type === 'file') {
      if (part.fieldname === 'file' && !file) {
        file = { ...(await readStepStream(part.file, limits.maxBytes)), fileName: safeFileName(part.filename) };
      } else if (part.fieldname === 'result' && limits.withResult && result === undefined) {
        result = await readAll(part.file, limits.maxResultBytes, 'result');
      } else {
        part.file.resume();
        throw new HttpError(400, 'BAD_REQUEST', `Unexpected file part "${safeFileName(part.fieldname)}".`);
      }
    } else {
      if (part.valueTruncated)
        throw new HttpError(413, 'TOO_LARGE', `The field "${safeFileName(part.fieldname)}" is larger than ${MAX_FIELD_BYTES} bytes.`);
      // A field sent twice (two quotation ids, persist false and true) is refused, never resolved.
      if (Object.hasOwn(fields, part.fieldname))
        throw new HttpError(400, 'BAD_REQUEST', `The field "${safeFileName(part.fieldname)}" is given more than once.`);
      fields[part.fieldname] = typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
    }
  }
  if (!file) throw new AnalysisError('EMPTY', 'No file: send the STEP file in a multipart part named "file".');
  return { ...file, fields, result };
}

export function translateMultipartError(e: unknown): unknown {
  if (e instanceof HttpError || e instanceof AnalysisError) return e;
  const code = (e as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AnalysisError('TOO_LARGE', 'The upload is larger than the limit.');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new HttpError(413, 'BAD_REQUEST', 'Too many parts in the upload.');
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_PROTO_VIOLATION' || code === 'FST_INVALID_JSON_FIELD_ERROR') {
    return new HttpError(400, 'BAD_REQUEST', (e as Error).message);
  }
  if (e instanceof Error && /multipart|boundary|Unexpected end|terminated early/i.test(e.message))
    return new HttpError(400, 'BAD_REQUEST', `Malformed upload: ${e.message}`);
  return e;
}
