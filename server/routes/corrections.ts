/**
 * POST /analyses/:id/corrections: an estimator corrects a stored analysis (issue 14). Whoever may
 * read the analysis may correct it; anyone else gets the same 404 as for a missing analysis. The
 * correction is stored beside the analysis (server/store/corrections.ts) and answered 201 { id }.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CorrectionError } from '../../src/analysis/corrections/apply.ts';
import { correctionInputSchema } from '../../src/analysis/corrections/schema.ts';
import { mayReadAnalysis } from '../access.ts';
import { HttpError } from '../errors.ts';
import type { AppContext } from '../service.ts';
import { saveCorrection } from '../store/corrections.ts';
import { UUID } from './analyses.ts';
import { requireStore } from './analyze.ts';
import { routeGuards } from './guards.ts';

export function correctionRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/analyses/:id/corrections', { ...routeGuards(ctx, undefined) }, async (request: FastifyRequest, reply: FastifyReply) => {
    const { id } = request.params as { id: string };
    if (!UUID.test(id)) throw new HttpError(400, 'BAD_REQUEST', 'The analysis id is not a UUID.');
    const parsed = correctionInputSchema.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HttpError(
        400,
        'BAD_REQUEST',
        `The correction is not valid: ${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'expected a JSON object'}.`,
      );
    }
    const store = requireStore(ctx);
    const analysisId = id.toLowerCase();
    const stored = await store.getAnalysisOwner(analysisId);
    // Someone else's analysis answers exactly as a missing one (as GET /analyses/:id does).
    if (stored === undefined || !mayReadAnalysis(request.principal, stored)) throw new HttpError(404, 'NOT_FOUND', `No analysis ${id}.`);
    try {
      const saved = await saveCorrection(store, analysisId, parsed.data, { createdBy: request.principal?.id, correlationId: request.id });
      if (!saved) throw new HttpError(404, 'NOT_FOUND', `No analysis ${id}.`);
      request.log.info({ analysisId, correctionId: saved.id, action: parsed.data.action }, 'correction stored');
      reply.code(201);
      return { id: saved.id };
    } catch (e) {
      if (e instanceof CorrectionError) throw new HttpError(422, 'INVALID_CORRECTION', e.message);
      throw e;
    }
  });
}
