/**
 * Hooks every protected API route runs before its body is read: draining refusal, bearer auth,
 * an early 413 when Content-Length already says the upload is too large (the streaming count
 * catches bodies without one), and the cap on uploads in flight (each may hold its whole body in
 * memory until its analysis ends). Plus the per-client rate limit.
 */
import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { AnalysisError } from '../../src/analysis/index.ts';
import { checkUnderFailureLimit } from '../auth-failures.ts';
import { HttpError } from '../errors.ts';
import type { AppContext } from '../service.ts';
import { discardRest } from '../body-stream.ts';
import { MULTIPART_OVERHEAD } from '../multipart.ts';

export function routeGuards(ctx: AppContext, maxBodyBytes: number | undefined): RouteShorthandOptions {
  const onRequest = [
    async (request: FastifyRequest, reply: FastifyReply) => {
      if (ctx.state.draining) {
        reply.header('connection', 'close');
        throw new HttpError(503, 'SHUTTING_DOWN', 'The server is shutting down; retry on another instance.', { 'retry-after': '5' });
      }
      request.principal = await authenticate(ctx, request);
      if (maxBodyBytes !== undefined) {
        const length = Number(request.headers['content-length']);
        if (Number.isFinite(length) && length > maxBodyBytes + MULTIPART_OVERHEAD) {
          // Refused before a byte is read; the rest is drained (up to a cap) so the client sees the 413.
          discardRest(request.raw, maxBodyBytes);
          throw new AnalysisError('TOO_LARGE', `The upload (${length} bytes) is larger than the limit (${maxBodyBytes} bytes).`);
        }
        holdUploadSlot(ctx, request, reply);
      }
    },
  ];
  return {
    // The rate limit's own hook is appended to this list: it runs after authentication.
    onRequest,
    config: {
      rateLimit: {
        max: ctx.config.rateLimitMax,
        timeWindow: ctx.config.rateLimitWindowMs,
      },
    },
  };
}

/** Bearer auth with the per-address limit on failures (auth-failures.ts). */
function authenticate(ctx: AppContext, request: FastifyRequest) {
  return checkUnderFailureLimit(ctx.authFailures, request.ip, () => ctx.auth.authenticate(request.headers.authorization));
}

/** Counts this request among the uploads in flight until its answer is sent (or its socket goes). */
function holdUploadSlot(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): void {
  if (ctx.state.uploads >= ctx.config.maxConcurrentUploads) {
    reply.header('connection', 'close');
    discardRest(request.raw, 0);
    throw new HttpError(503, 'TOO_MANY_UPLOADS', `${ctx.state.uploads} uploads are in progress on this instance; retry shortly.`, {
      'retry-after': String(ctx.pool.retryAfterSeconds()),
    });
  }
  ctx.state.uploads++;
  reply.raw.once('close', () => ctx.state.uploads--);
}
