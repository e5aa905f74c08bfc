-- Vectis: estimators' corrections of a stored analysis (issue 14). One row per correction: who
-- made it and when, which pipeline and model produced the analysis, what the pipeline said
-- (`before`, the feature as stored) and what the estimator says instead (`after`). Corrections
-- are the estimator's: they never change `analyses.result` or `part_features`, which stay the
-- pipeline's answer (what /verify compares and what the accuracy report scores).
-- Idempotent like every migration here.

create table if not exists public.feature_corrections (
  id uuid primary key default gen_random_uuid(),
  -- The order corrections were made in (they build on each other: a split after a retype).
  seq bigserial not null,
  analysis_id uuid not null references public.analyses (id) on delete cascade,
  file_hash text not null check (file_hash ~ '^[0-9a-f]{64}$'),
  action text not null check (action in ('retype', 'redimension', 'not_a_feature', 'name_region', 'merge', 'split')),
  -- The pipeline feature corrected (its `id` in the result); null for a region no feature claimed.
  feature_id integer,
  face_ids integer[] not null default '{}',
  -- The estimator's type and dimensions, when the action gives them.
  feature_type text,
  parameters jsonb,
  -- The pipeline's feature(s) as they were, and the estimator's feature(s) after the correction.
  before jsonb,
  after jsonb,
  pipeline_version text not null,
  model_version text,
  correlation_id text,
  created_by text,
  created_at timestamptz not null default now()
);
create index if not exists feature_corrections_analysis_idx on public.feature_corrections (analysis_id, seq);
create index if not exists feature_corrections_created_idx on public.feature_corrections (created_at);

alter table public.feature_corrections enable row level security;

drop policy if exists feature_corrections_admin_all on public.feature_corrections;
create policy feature_corrections_admin_all on public.feature_corrections for all to authenticated
  using (public.vectis_is_admin()) with check (public.vectis_is_admin());

drop policy if exists feature_corrections_service_role_all on public.feature_corrections;
create policy feature_corrections_service_role_all on public.feature_corrections for all to service_role
  using (true) with check (true);

-- A customer reads the corrections on its own analyses (the same rule as the server's
-- GET /analyses/:id); writes go through the server, like every other table here.
drop policy if exists feature_corrections_owner_read on public.feature_corrections;
create policy feature_corrections_owner_read on public.feature_corrections for select to authenticated
  using (exists (select 1 from public.analyses a where a.id = feature_corrections.analysis_id and a.created_by = public.vectis_principal()));

grant select, insert, update, delete on public.feature_corrections to authenticated, service_role;
grant usage on sequence public.feature_corrections_seq_seq to authenticated, service_role;
revoke all on public.feature_corrections from anon;
