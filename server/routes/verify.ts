/**
 * POST /verify: the file plus the result a client (browser) computed for it. The server
 * recomputes (its own cache is trusted: it holds only server-computed results, keyed by the hash
 * the server itself took of the uploaded bytes) and compares. `verified: false` with the
 * differences on any mismatch. The verification is stored (with the server's analysis) unless
 * persist=false. The client's JSON is parsed, checked and compared in a thread of its own
 * (verify-runner.ts); nothing is stored before the comparison has succeeded.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.ts';
import type { AppContext } from '../service.ts';
import type { ResultJson } from '../store/store.ts';
import { storeThumbnail } from '../thumbnail/store-thumbnail.ts';
import type { ThumbnailRunner } from '../thumbnail/thumbnail-runner.ts';
import { readUpload } from '../upload.ts';
import { runVerification, type VerifyRunnerOptions } from '../verify-runner.ts';
import { abandonSignal, parseParams, requireStore, testHook } from './analyze.ts';
import { routeGuards } from './guards.ts';

export function verifyRoutes(app: FastifyInstance, ctx: AppContext, runner: VerifyRunnerOptions, thumbnails: ThumbnailRunner): void {
  const { maxUploadBytes, maxResultBytes } = ctx.config;
  app.post('/verify', { ...routeGuards(ctx, maxUploadBytes + maxResultBytes) }, async (request: FastifyRequest, reply: FastifyReply) => {
    const upload = await readUpload(request, {
      maxBytes: maxUploadBytes,
      maxResultBytes,
      withResult: true,
      idleTimeoutMs: ctx.config.bodyIdleTimeoutMs,
    });
    const params = parseParams(upload.fields);
    if (upload.result === undefined) {
      throw new HttpError(400, 'BAD_REQUEST', 'Send the client\'s result JSON in a multipart field (or part) named "result".');
    }
    const outcome = await ctx.analyzeUpload(upload, request.log, { hook: testHook(ctx, request), signal: abandonSignal(reply) });
    const { outcome: v, clientResultSha256 } = await runVerification(runner, upload.result, outcome.json);
    ctx.metrics.verifications.inc({ verified: String(v.verified) });
    request.log.info({ sha256: upload.sha256, verified: v.verified, differences: v.differenceCount }, 'verify');

    let id: string | null = null;
    let analysisId: string | null = null;
    if (params.persist !== false) {
      const store = requireStore(ctx);
      const meta = {
        pipelineVersion: ctx.pipelineVersion,
        quotationId: params.quotationId,
        lineItemId: params.lineItemId,
        correlationId: request.id,
        createdBy: request.principal?.id,
      };
      // The server's own result (as /analyze's persist path parses it): sized by the file, not the client.
      // The stored analysis gets its picture as /analyze's does (GET /analyses/:id names it).
      const picture = storeThumbnail(store, thumbnails, outcome.json, request.log);
      analysisId = (await store.saveAnalysis(JSON.parse(outcome.json) as ResultJson, { ...meta, source: 'verify' })).id;
      await picture.saveFor(analysisId);
      id = (
        await store.saveVerification({
          ...meta,
          analysisId,
          fileHash: upload.sha256,
          claimedHash: v.claimedSha256,
          verified: v.verified,
          differences: v.differences,
          differenceCount: v.differenceCount,
          clientResultSha256,
        })
      ).id;
    }
    return {
      verified: v.verified,
      differences: v.differences,
      differenceCount: v.differenceCount,
      id,
      analysisId,
      sha256: upload.sha256,
      pipelineVersion: ctx.pipelineVersion,
    };
  });
}
