/**
 * GET /health (readiness: 200 only once an engine runs in a worker) and GET /metrics.
 *
 * /metrics is as open as the API: open on a server without auth (local use); once API keys or a
 * JWT secret are configured it needs `Authorization: Bearer $METRICS_TOKEN`, and without a
 * METRICS_TOKEN it does not exist (404). Loopback is not trusted instead: behind Docker's port
 * mapping or a sidecar proxy, outside requests can arrive from a local address.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { checkUnderFailureLimit } from '../auth-failures.ts';
import { HttpError } from '../errors.ts';
import type { AppContext } from '../service.ts';

const started = Date.now();

export function opsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/health', async (_request, reply) => {
    const workers = ctx.pool.stats();
    const ready = ctx.pool.ready && !ctx.state.draining;
    const status = ctx.state.draining ? 'draining' : ready ? 'ok' : 'starting';
    reply.code(ready ? 200 : 503).header('cache-control', 'no-store');
    return {
      status,
      ready,
      pipelineVersion: ctx.pipelineVersion,
      workers,
      db: ctx.store ? { kind: ctx.store.kind, available: ctx.store.available } : 'off',
      redis: ctx.redis ? ctx.redis.status : 'off',
      auth: ctx.auth.enabled ? 'on' : 'off',
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
    };
  });

  app.get('/metrics', async (request, reply) => {
    await checkUnderFailureLimit(ctx.authFailures, request.ip, () => checkMetricsAccess(ctx, request));
    reply.type(ctx.metrics.registry.contentType).header('cache-control', 'no-store');
    return ctx.metrics.registry.metrics();
  });
}

function checkMetricsAccess(ctx: AppContext, request: FastifyRequest): void {
  if (!ctx.auth.enabled) return;
  const token = ctx.config.metricsToken;
  if (!token) throw new HttpError(404, 'NOT_FOUND', 'No route GET /metrics');
  const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  const digest = (s: string) => createHash('sha256').update(s).digest();
  if (!m || !timingSafeEqual(digest(m[1]!), digest(token))) {
    throw new HttpError(401, 'UNAUTHORIZED', 'Metrics need "Authorization: Bearer <METRICS_TOKEN>".', {
      'www-authenticate': 'Bearer realm="vectis-metrics"',
    });
  }
}
