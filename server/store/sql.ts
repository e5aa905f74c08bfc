/**
 * The little SQL surface the store needs, over the embedded PGlite (default, ./data) and over a
 * real Postgres / Supabase (`postgres`, porsager) alike. Both speak $1-style parameters.
 */
import postgres from 'postgres';

export interface Sql {
  readonly kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The database cannot be reached (down, refusing, restarting): a 503, not a 500. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  // Postgres: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections.
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

export function isUnavailable(e: unknown): boolean {
  if (e instanceof StoreUnavailableError) return true;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNAVAILABLE.has(code)) return true;
  // AggregateError from a failed dual-stack connect carries its causes.
  if (e instanceof AggregateError) return e.errors.some(isUnavailable);
  return false;
}

function wrap(e: unknown): never {
  if (isUnavailable(e) && !(e instanceof StoreUnavailableError)) {
    throw new StoreUnavailableError(`The database is unavailable (${(e as Error).message || (e as { code?: string }).code}).`);
  }
  throw e;
}

export async function openPglite(dataDir: string): Promise<Sql> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(dataDir);
  await db.waitReady;
  type Queryable = Pick<InstanceType<typeof PGlite>, 'query' | 'exec'>;
  const over = (q: Queryable, top: boolean): Sql => ({
    kind: 'pglite',
    async query<T>(text: string, params: unknown[] = []) {
      return (await q.query<T>(text, params)).rows;
    },
    async exec(text: string) {
      await q.exec(text);
    },
    transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      if (!top) return fn(over(q, false));
      return db.transaction((tx) => fn(over(tx, false)));
    },
    async close() {
      if (top) await db.close();
    },
  });
  return over(db, true);
}

export function openPostgres(url: string): Sql {
  const client = postgres(url, {
    max: 5,
    connect_timeout: 5,
    idle_timeout: 60,
    onnotice: () => undefined,
    // Supabase's transaction pooler (port 6543) does not support prepared statements.
    prepare: !/:6543\b/.test(url),
  });
  type Client = postgres.Sql | postgres.TransactionSql;
  const over = (c: Client, top: boolean): Sql => ({
    kind: 'postgres',
    async query<T>(text: string, params: unknown[] = []) {
      try {
        const values = params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p));
        return (await c.unsafe(text, values as postgres.ParameterOrJSON<never>[])) as unknown as T[];
      } catch (e) {
        return wrap(e);
      }
    },
    async exec(text: string) {
      try {
        await c.unsafe(text).simple();
      } catch (e) {
        wrap(e);
      }
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      if (!top) return fn(over(c, false));
      try {
        return (await (client.begin((tx) => fn(over(tx, false))) as Promise<unknown>)) as T;
      } catch (e) {
        return wrap(e);
      }
    },
    async close() {
      if (top) await client.end({ timeout: 5 });
    },
  });
  return over(client, true);
}
