-- Vectis part analyzer: stored analyses, their meshes and features, and verifications of
-- client-submitted results. Idempotent (the server applies it at start on PGlite and Postgres;
-- the Supabase CLI may apply it too).
--
-- Access: row-level security on every table. The server connects as the database owner or with
-- the service role; Supabase users see rows only with the admin claim (app_metadata.role =
-- 'admin', which only the service role can set). No other policies: everything else is denied.

-- The tessellation of a file, once per file (content hash), stored compactly: typed arrays as
-- little-endian bytes behind a small JSON header, gzip'd (encoding 'vxm1+gzip', see
-- server/store/mesh-codec.ts).
create table if not exists public.cad_meshes (
  id uuid primary key default gen_random_uuid(),
  file_hash text not null unique check (file_hash ~ '^[0-9a-f]{64}$'),
  pipeline_version text not null,
  encoding text not null default 'vxm1+gzip',
  mesh bytea not null,
  vertex_count integer not null,
  triangle_count integer not null,
  edge_point_count integer not null,
  byte_size integer not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One server-side analysis (POST /analyze with persist=true, or the recomputation behind a
-- POST /verify). `result` is the AnalysisResult without its mesh (which is in cad_meshes).
create table if not exists public.analyses (
  id uuid primary key default gen_random_uuid(),
  file_hash text not null check (file_hash ~ '^[0-9a-f]{64}$'),
  file_name text not null,
  file_bytes bigint not null,
  schema_version text not null,
  pipeline_version text not null,
  mesh_id uuid references public.cad_meshes (id) on delete set null,
  quotation_id text,
  line_item_id text,
  solids integer not null,
  faces integer not null,
  edges integer not null,
  volume double precision not null,
  area double precision not null,
  bbox jsonb not null,
  stock jsonb not null,
  feature_count integer not null default 0,
  result jsonb not null,
  timings jsonb not null default '{}'::jsonb,
  source text not null default 'analyze' check (source in ('analyze', 'verify')),
  correlation_id text,
  created_by text,
  created_at timestamptz not null default now()
);
create index if not exists analyses_file_hash_idx on public.analyses (file_hash, pipeline_version, created_at desc);
create index if not exists analyses_quotation_idx on public.analyses (quotation_id, line_item_id);

-- Machining features of an analysis, one row each (the seed's part_features columns).
create table if not exists public.part_features (
  id uuid primary key default gen_random_uuid(),
  analysis_id uuid not null references public.analyses (id) on delete cascade,
  feature_index integer not null,
  feature_type text not null,
  face_ids integer[] not null default '{}',
  parameters jsonb not null default '{}'::jsonb,
  -- The feature's axis / access direction when it has one: {"axis": [x, y, z]}.
  orientation jsonb,
  confidence_score double precision not null default 0.0,
  recognition_method text not null default 'geometric' check (recognition_method in ('ml', 'geometric')),
  model_version text,
  created_at timestamptz not null default now(),
  unique (analysis_id, feature_index)
);
create index if not exists part_features_type_idx on public.part_features (feature_type);

-- A re-check of a result a client (browser) produced, against the server's recomputation.
create table if not exists public.verifications (
  id uuid primary key default gen_random_uuid(),
  analysis_id uuid references public.analyses (id) on delete set null,
  file_hash text not null check (file_hash ~ '^[0-9a-f]{64}$'),
  -- The sha256 the client's result claims (differs from file_hash when it describes another file).
  claimed_hash text,
  pipeline_version text not null,
  quotation_id text,
  line_item_id text,
  verified boolean not null,
  difference_count integer not null,
  differences jsonb not null default '[]'::jsonb,
  client_result_sha256 text,
  correlation_id text,
  created_by text,
  created_at timestamptz not null default now()
);
create index if not exists verifications_quotation_idx on public.verifications (quotation_id, line_item_id);

-- Admin = a Supabase user whose app_metadata carries role 'admin'.
create or replace function public.vectis_is_admin() returns boolean
language sql stable as $$
  select coalesce((auth.jwt() -> 'app_metadata' ->> 'role') = 'admin', false)
$$;

do $$
declare
  t text;
begin
  foreach t in array array['cad_meshes', 'analyses', 'part_features', 'verifications'] loop
    execute format('alter table public.%I enable row level security', t);
    execute format('drop policy if exists %I on public.%I', t || '_admin_all', t);
    execute format(
      'create policy %I on public.%I for all to authenticated using (public.vectis_is_admin()) with check (public.vectis_is_admin())',
      t || '_admin_all', t);
    execute format('drop policy if exists %I on public.%I', t || '_service_role_all', t);
    execute format(
      'create policy %I on public.%I for all to service_role using (true) with check (true)',
      t || '_service_role_all', t);
    execute format('grant select, insert, update, delete on public.%I to authenticated, service_role', t);
    execute format('revoke all on public.%I from anon', t);
  end loop;
end
$$;
