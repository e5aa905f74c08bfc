/**
 * Applies supabase/migrations/*.sql in name order, each once, recorded in
 * public.vectis_schema_migrations. Every file is idempotent as well, so a database the Supabase
 * CLI already migrated is left as it is. Runs in one transaction under an advisory lock: several
 * instances starting together apply each file once.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sql } from './sql.ts';

const LOCK_KEY = 4_271_905_113; // any constant shared by every instance

export async function migrate(sql: Sql, dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const texts = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
  return sql.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await tx.exec(`
      create table if not exists public.vectis_schema_migrations (
        name text primary key,
        applied_at timestamptz not null default now()
      );
      alter table public.vectis_schema_migrations enable row level security;
    `);
    const done = new Set((await tx.query<{ name: string }>('select name from public.vectis_schema_migrations')).map((r) => r.name));
    const applied: string[] = [];
    for (const [i, name] of files.entries()) {
      if (done.has(name)) continue;
      await tx.exec(texts[i]!);
      await tx.query('insert into public.vectis_schema_migrations (name) values ($1)', [name]);
      applied.push(name);
    }
    return applied;
  });
}
