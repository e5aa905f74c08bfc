/**
 * GET /analyses/:id: a stored analysis, in the same shape as POST /analyze answered it, with the
 * estimators' `corrections` beside it (never folded into its features: those stay the pipeline's).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mayReadAnalysis } from '../access.ts';
import { HttpError } from '../errors.ts';
import type { AppContext } from '../service.ts';
import { listCorrections } from '../store/corrections.ts';
import { envelope, requireStore } from './analyze.ts';
import { routeGuards } from './guards.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function analysesRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/analyses/:id', { ...routeGuards(ctx, undefined) }, async (request: FastifyRequest, reply: FastifyReply) => {
    const { id } = request.params as { id: string };
    if (!UUID.test(id)) throw new HttpError(400, 'BAD_REQUEST', 'The analysis id is not a UUID.');
    const store = requireStore(ctx);
    const stored = await store.getAnalysis(id.toLowerCase());
    // Someone else's analysis answers exactly as a missing one: its existence is not disclosed.
    if (!stored || !mayReadAnalysis(request.principal, stored.createdBy)) throw new HttpError(404, 'NOT_FOUND', `No analysis ${id}.`);
    reply.type('application/json; charset=utf-8');
    return envelope(
      {
        id: stored.id,
        persisted: true,
        quotation_id: stored.quotationId,
        line_item_id: stored.lineItemId,
        created_at: stored.createdAt,
        pipelineVersion: stored.pipelineVersion,
        corrections: await listCorrections(store, stored.id),
      },
      stored.json,
    );
  });
}
