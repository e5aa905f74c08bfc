/**
 * Hooks every protected API route runs before its body is read: draining refusal, bearer auth,
 * and an early 413 when Content-Length already says the upload is too large (the streaming
 * count catches bodies without one). Plus the per-client rate limit.
 */
import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { AnalysisError } from '../../src/analysis/index.ts';
import { HttpError } from '../errors.ts';
import type { AppContext } from '../service.ts';
import { discardRest } from '../upload.ts';

/** Room for multipart boundaries, part headers and small fields. */
const MULTIPART_OVERHEAD = 1024 * 1024;

export function routeGuards(ctx: AppContext, maxBodyBytes: number | undefined): RouteShorthandOptions {
  const onRequest = [
    async (request: FastifyRequest, reply: FastifyReply) => {
      if (ctx.state.draining) {
        reply.header('connection', 'close');
        throw new HttpError(503, 'SHUTTING_DOWN', 'The server is shutting down; retry on another instance.', { 'retry-after': '5' });
      }
      request.principal = await ctx.auth.authenticate(request.headers.authorization);
      if (maxBodyBytes !== undefined) {
        const length = Number(request.headers['content-length']);
        if (Number.isFinite(length) && length > maxBodyBytes + MULTIPART_OVERHEAD) {
          // Refused before a byte is read; the rest is drained (up to a cap) so the client sees the 413.
          discardRest(request.raw, maxBodyBytes);
          throw new AnalysisError('TOO_LARGE', `The upload (${length} bytes) is larger than the limit (${maxBodyBytes} bytes).`);
        }
      }
    },
  ];
  return {
    onRequest,
    config: {
      rateLimit: {
        max: ctx.config.rateLimitMax,
        timeWindow: ctx.config.rateLimitWindowMs,
      },
    },
  };
}
