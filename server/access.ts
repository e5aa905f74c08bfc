/**
 * Who may see what of stored analyses. API keys (servers, the Supabase edge function), the
 * service role, admins and an open server (no auth configured: local use) see everything; a
 * Supabase user sees only what it created. The RLS policies in supabase/migrations say the same
 * for direct database access.
 */
import type { Principal } from './auth.ts';

/** True for callers that act for the whole service rather than for one customer. */
export function seesEverything(principal: Principal | undefined): boolean {
  if (!principal) return false;
  if (principal.kind === 'api-key' || principal.kind === 'anonymous') return true;
  return principal.role === 'service_role' || principal.admin === true;
}

/** May this caller read an analysis stored with this `created_by`? */
export function mayReadAnalysis(principal: Principal | undefined, createdBy: string | null): boolean {
  if (seesEverything(principal)) return true;
  return !!principal && createdBy !== null && createdBy === principal.id;
}

/**
 * May this caller be told which cache layer answered? A hit for a user means someone uploaded
 * the very same file before, possibly another customer: users are not told.
 */
export function mayKnowCacheLayer(principal: Principal | undefined): boolean {
  return seesEverything(principal);
}

/**
 * May this caller read reports over every customer's analyses (GET /reports/accuracy)? The same
 * callers that see everything: the report is the service's, not one customer's.
 */
export function mayReadReports(principal: Principal | undefined): boolean {
  return seesEverything(principal);
}
