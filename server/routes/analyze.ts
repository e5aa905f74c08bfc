/** POST /analyze: a STEP file in, the AnalysisResult plus `id` out; optionally persisted. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mayKnowCacheLayer } from '../access.ts';
import { HttpError } from '../errors.ts';
import type { AppContext } from '../service.ts';
import type { ResultJson } from '../store/store.ts';
import { storeThumbnail } from '../thumbnail/store-thumbnail.ts';
import type { ThumbnailRunner } from '../thumbnail/thumbnail-runner.ts';
import { readUpload } from '../upload.ts';
import type { TestHook } from '../worker-protocol.ts';
import { routeGuards } from './guards.ts';

const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

export interface RequestParams {
  quotationId?: string;
  lineItemId?: string;
  persist?: boolean;
}

export function parseParams(fields: Record<string, string>): RequestParams {
  const out: RequestParams = {};
  for (const [field, key] of [
    ['quotation_id', 'quotationId'],
    ['line_item_id', 'lineItemId'],
  ] as const) {
    const v = fields[field]?.trim();
    if (!v) continue;
    if (!ID_PATTERN.test(v)) throw new HttpError(400, 'BAD_REQUEST', `${field} must be 1-128 characters of letters, digits and _ . : -`);
    out[key] = v;
  }
  const persist = fields.persist?.trim().toLowerCase();
  if (persist !== undefined && persist !== '') {
    if (['true', '1', 'yes'].includes(persist)) out.persist = true;
    else if (['false', '0', 'no'].includes(persist)) out.persist = false;
    else throw new HttpError(400, 'BAD_REQUEST', 'persist must be true or false.');
  }
  return out;
}

export function testHook(ctx: AppContext, request: FastifyRequest): TestHook | undefined {
  if (!ctx.config.testHooks) return undefined;
  const v = request.headers['x-vectis-test-hook'];
  return v === 'hang' || v === 'slow' || v === 'crash' ? v : undefined;
}

/** Aborts when the client goes away before its answer is written: its job is then cancelled. */
export function abandonSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** `{"id":...,<extra>,` + the result's own members: no re-serialization of a large result. */
export function envelope(extra: Record<string, unknown>, resultJson: string): string {
  const head = JSON.stringify(extra);
  return `${head.slice(0, -1)},${resultJson.slice(1)}`;
}

export function requireStore(ctx: AppContext) {
  if (!ctx.store) throw new HttpError(503, 'PERSISTENCE_DISABLED', 'Persistence is switched off on this server (PERSISTENCE=off).');
  return ctx.store;
}

export function analyzeRoutes(app: FastifyInstance, ctx: AppContext, thumbnails: ThumbnailRunner): void {
  app.post('/analyze', { ...routeGuards(ctx, ctx.config.maxUploadBytes) }, async (request: FastifyRequest, reply: FastifyReply) => {
    const upload = await readUpload(request, {
      maxBytes: ctx.config.maxUploadBytes,
      maxResultBytes: 0,
      withResult: false,
      idleTimeoutMs: ctx.config.bodyIdleTimeoutMs,
    });
    const params = parseParams(upload.fields);
    const log = request.log;
    log.info({ sha256: upload.sha256, bytes: upload.bytes.byteLength, fileName: upload.fileName, persist: !!params.persist }, 'analyze');
    const outcome = await ctx.analyzeUpload(upload, log, { hook: testHook(ctx, request), signal: abandonSignal(reply) });
    let id: string = randomUUID();
    let persisted = false;
    let thumbnailUrl: string | null = null;
    if (params.persist) {
      const store = requireStore(ctx);
      // The picture renders in its own thread while the analysis is written.
      const picture = storeThumbnail(store, thumbnails, outcome.json, log);
      const saved = await store.saveAnalysis(JSON.parse(outcome.json) as ResultJson, {
        pipelineVersion: ctx.pipelineVersion,
        quotationId: params.quotationId,
        lineItemId: params.lineItemId,
        correlationId: request.id,
        createdBy: request.principal?.id,
        source: 'analyze',
      });
      id = saved.id;
      persisted = true;
      log.info({ analysisId: id }, 'analysis stored');
      thumbnailUrl = await picture.saveFor(id);
    }
    // A cache hit tells that the same file was uploaded before, maybe by another customer.
    const disclose = mayKnowCacheLayer(request.principal);
    if (disclose) reply.header('x-cache', outcome.cache ?? 'miss');
    const cache = disclose ? (outcome.cache ?? null) : null;
    reply.type('application/json; charset=utf-8');
    return envelope(
      { id, persisted, cache, pipelineVersion: ctx.pipelineVersion, ...(persisted ? { thumbnail_url: thumbnailUrl } : {}) },
      outcome.json,
    );
  });
}
