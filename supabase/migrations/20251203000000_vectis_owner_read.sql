-- Vectis: a Supabase user reads the analyses it created, and what hangs off them (features,
-- verifications, the mesh), and nothing else. The same rule as the server's GET /analyses/:id
-- (server/access.ts): creator, admins, service role. Writes stay with the server (admin and
-- service-role policies in 20251128000100), so these policies are read-only.
--
-- The server stores `created_by` as 'user:<sub>' for a Supabase user's JWT.

create or replace function public.vectis_principal() returns text
language sql stable as $$
  select 'user:' || (auth.jwt() ->> 'sub')
$$;

drop policy if exists analyses_owner_read on public.analyses;
create policy analyses_owner_read on public.analyses for select to authenticated
  using (created_by = public.vectis_principal());

drop policy if exists verifications_owner_read on public.verifications;
create policy verifications_owner_read on public.verifications for select to authenticated
  using (created_by = public.vectis_principal());

drop policy if exists part_features_owner_read on public.part_features;
create policy part_features_owner_read on public.part_features for select to authenticated
  using (exists (select 1 from public.analyses a where a.id = part_features.analysis_id and a.created_by = public.vectis_principal()));

-- A mesh is shared by every analysis of the same file: readable when one of them is the user's.
drop policy if exists cad_meshes_owner_read on public.cad_meshes;
create policy cad_meshes_owner_read on public.cad_meshes for select to authenticated
  using (exists (select 1 from public.analyses a where a.mesh_id = cad_meshes.id and a.created_by = public.vectis_principal()));
