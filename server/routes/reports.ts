/**
 * GET /reports/accuracy?since=<ISO date>: the pipeline scored against estimators' corrections
 * (src/analysis/corrections/report.ts), over every customer's parts, so only callers that act for
 * the whole service may read it (server/access.ts mayReadReports: admins, the service role, API
 * keys, an open local server). Another Supabase user gets 403 FORBIDDEN.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { accuracyReport } from '../../src/analysis/corrections/report.ts';
import { mayReadReports } from '../access.ts';
import { HttpError } from '../errors.ts';
import type { AppContext } from '../service.ts';
import { reportParts } from '../store/corrections.ts';
import { requireStore } from './analyze.ts';
import { routeGuards } from './guards.ts';

export function reportRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/reports/accuracy', { ...routeGuards(ctx, undefined) }, async (request: FastifyRequest, reply) => {
    if (!mayReadReports(request.principal))
      throw new HttpError(403, 'FORBIDDEN', 'The accuracy report is for admins (app_metadata.role = admin), the service role and API keys.');
    const since = parseSince((request.query as { since?: unknown }).since);
    const parts = await reportParts(requireStore(ctx), since);
    reply.header('cache-control', 'no-store');
    return accuracyReport(parts, since?.toISOString() ?? null);
  });
}

function parseSince(v: unknown): Date | undefined {
  if (v === undefined || v === '') return undefined;
  const d = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) ? new Date(v) : undefined;
  if (!d || Number.isNaN(d.getTime())) throw new HttpError(400, 'BAD_REQUEST', 'since must be an ISO date (2025-12-01 or 2025-12-01T00:00:00Z).');
  return d;
}
