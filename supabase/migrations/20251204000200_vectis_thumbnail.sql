-- Vectis: a picture of the part stored with each analysis (issue 13), for quote lists and the
-- printed quote sheet: the server renders it from the mesh (server/thumbnail/, no GPU) when it
-- stores the analysis. A table of its own rather than a column on `analyses`: the PNG is read only
-- by GET /analyses/:id/thumbnail.png, never with the analysis rows that lists and reports scan.
-- An analysis stored before this migration, or whose picture failed, simply has no row.
-- Idempotent like every migration here.

create table if not exists public.analysis_thumbnails (
  analysis_id uuid primary key references public.analyses (id) on delete cascade,
  media_type text not null default 'image/png' check (media_type = 'image/png'),
  width integer not null check (width > 0),
  height integer not null check (height > 0),
  image bytea not null,
  byte_size integer not null,
  created_at timestamptz not null default now()
);

alter table public.analysis_thumbnails enable row level security;

drop policy if exists analysis_thumbnails_admin_all on public.analysis_thumbnails;
create policy analysis_thumbnails_admin_all on public.analysis_thumbnails for all to authenticated
  using (public.vectis_is_admin()) with check (public.vectis_is_admin());

drop policy if exists analysis_thumbnails_service_role_all on public.analysis_thumbnails;
create policy analysis_thumbnails_service_role_all on public.analysis_thumbnails for all to service_role
  using (true) with check (true);

-- A customer reads the pictures of its own analyses (the server's rule for
-- GET /analyses/:id/thumbnail.png); writes go through the server, like every other table here.
drop policy if exists analysis_thumbnails_owner_read on public.analysis_thumbnails;
create policy analysis_thumbnails_owner_read on public.analysis_thumbnails for select to authenticated
  using (exists (select 1 from public.analyses a where a.id = analysis_thumbnails.analysis_id and a.created_by = public.vectis_principal()));

grant select, insert, update, delete on public.analysis_thumbnails to authenticated, service_role;
revoke all on public.analysis_thumbnails from anon;
