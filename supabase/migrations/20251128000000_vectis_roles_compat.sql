-- Vectis: what the schema's policies refer to, created only where it is missing.
--
-- On Supabase every object below already exists (roles anon / authenticated / service_role, the
-- auth schema and auth.jwt()), and this file changes nothing. On a plain Postgres (CI, a developer
-- machine) and on the embedded PGlite the server uses by default, it creates stand-ins so that the
-- very same migrations apply everywhere. Idempotent: safe to run any number of times.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$$;

create schema if not exists auth;

-- auth.jwt(): the request's JWT claims, as PostgREST sets them (same definition as Supabase's).
do $$
begin
  if not exists (
    select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'auth' and p.proname = 'jwt'
  ) then
    execute $fn$
      create function auth.jwt() returns jsonb language sql stable as $body$
        select coalesce(
          nullif(current_setting('request.jwt.claim', true), ''),
          nullif(current_setting('request.jwt.claims', true), '')
        )::jsonb
      $body$
    $fn$;
  end if;
  if not exists (
    select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'auth' and p.proname = 'uid'
  ) then
    execute $fn$
      create function auth.uid() returns uuid language sql stable as $body$
        select nullif(auth.jwt() ->> 'sub', '')::uuid
      $body$
    $fn$;
  end if;
end
$$;

-- Policies call auth.jwt() as these roles. Supabase has granted this already (and the migration
-- role may not own the auth schema there), so a refusal is not an error.
do $$
begin
  grant usage on schema auth to anon, authenticated, service_role;
exception when insufficient_privilege then
  raise notice 'auth schema grants left as they are';
end
$$;
