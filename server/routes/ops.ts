/** GET /health (readiness: 200 only once an engine runs in a worker) and GET /metrics. */
import type { FastifyInstance } from 'fastify';
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

  app.get('/metrics', async (_request, reply) => {
    reply.type(ctx.metrics.registry.contentType).header('cache-control', 'no-store');
    return ctx.metrics.registry.metrics();
  });
}
