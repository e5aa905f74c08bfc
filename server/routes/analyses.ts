/**
 * GET /analyses/:id: a stored analysis, in the same shape as POST /analyze answered it, with the
 * estimators' `corrections` beside it (never folded into its features: those stay the pipeline's)
 * and `thumbnail_url`. GET /analyses/:id/thumbnail.png: the part's picture, under the same rule.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mayReadAnalysis } from '../access.ts';
import { HttpError } from '../errors.ts';
import type { AppContext } from '../service.ts';
import { listCorrections } from '../store/corrections.ts';
import { getThumbnail, hasThumbnail, thumbnailPath } from '../store/thumbnails.ts';
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
        thumbnail_url: (await hasThumbnail(store, stored.id)) ? thumbnailPath(stored.id) : null,
      },
      stored.json,
    );
  });

  app.get('/analyses/:id/thumbnail.png', { ...routeGuards(ctx, undefined) }, async (request: FastifyRequest, reply: FastifyReply) => {
    const { id } = request.params as { id: string };
    if (!UUID.test(id)) throw new HttpError(400, 'BAD_REQUEST', 'The analysis id is not a UUID.');
    const thumbnail = await getThumbnail(requireStore(ctx), id.toLowerCase());
    // Someone else's picture answers as a missing one, like the analysis itself.
    if (!thumbnail || !mayReadAnalysis(request.principal, thumbnail.createdBy))
      throw new HttpError(404, 'NOT_FOUND', `No thumbnail for analysis ${id}.`);
    // Private: the picture is one customer's part, so no shared cache may keep it.
    reply.type('image/png').header('cache-control', 'private, max-age=3600');
    return Buffer.from(thumbnail.png.buffer, thumbnail.png.byteOffset, thumbnail.png.byteLength);
  });
}
