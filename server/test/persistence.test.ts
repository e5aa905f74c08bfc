/**
 * Persistence and the shared services, against real ones: the embedded PGlite across a restart of
 * the server process (what `npm start` runs), Postgres (DATABASE_URL_TEST) across a restart and
 * while it goes down and comes back, Redis (REDIS_URL_TEST) shared by two instances and while it
 * is down, row-level security as Supabase roles see it, and graceful shutdown on SIGTERM.
 */
import { createHash, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleServer,
  comparable,
  DATABASE_URL_TEST,
  FlakyProxy,
  fixtureBytes,
  metricValue,
  postFile,
  REDIS_URL_TEST,
  skipNotice,
  spawnServer,
  startServer,
  tempDir,
  testConfig,
  uniqueStep,
  until,
  type RunningServer,
} from './helpers.ts';

if (!DATABASE_URL_TEST) skipNotice('Postgres', 'DATABASE_URL_TEST');
if (!REDIS_URL_TEST) skipNotice('Redis', 'REDIS_URL_TEST');

let bundle: ReturnType<typeof bundleServer>;
beforeAll(() => {
  bundle = bundleServer();
});
afterAll(() => bundle?.cleanup());

const part = () => fixtureBytes('box-with-hole.step');
type Json = Record<string, unknown>;

async function persist(url: string, bytes: Uint8Array, fields: Record<string, string> = {}): Promise<Response> {
  return postFile(`${url}/analyze`, bytes, { name: 'stored.step', fields: { persist: 'true', quotation_id: 'Q-1', line_item_id: 'L-7', ...fields } });
}

/** RLS as Supabase's roles see it: admins and the service role see rows, other users and anon do not. */
async function checkRls(query: (text: string) => Promise<Json[]>): Promise<void> {
  const tables = await query(
    `select relname, relrowsecurity from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' order by relname`,
  );
  expect(tables.map((t) => t.relname)).toEqual(
    expect.arrayContaining(['analyses', 'cad_meshes', 'part_features', 'verifications', 'vectis_schema_migrations']),
  );
  for (const t of tables) expect(t.relrowsecurity, String(t.relname)).toBe(true);
  const count = async (role: string, claims: object) => {
    const rows = await query(
      `begin; set local role ${role}; select set_config('request.jwt.claims', '${JSON.stringify(claims)}', true);
       select count(*)::int as n from public.analyses; `,
    );
    await query('commit');
    return Number(rows.at(-1)?.n);
  };
  expect(await count('authenticated', { role: 'authenticated', app_metadata: { role: 'admin' } })).toBeGreaterThan(0);
  expect(await count('authenticated', { role: 'authenticated', app_metadata: {} })).toBe(0);
  expect(await count('service_role', { role: 'service_role' })).toBeGreaterThan(0);
  await expect(count('anon', { role: 'anon' })).rejects.toThrow(/permission denied/);
  await query('rollback').catch(() => undefined);
}

describe('PGlite in DATA_DIR (the default): results survive a restart of the server process', () => {
  it('stores, restarts, serves the stored analysis and uses it as a cache', async () => {
    const dataDir = tempDir('pglite');
    try {
      const first = await spawnServer(bundle.index, { DATA_DIR: dataDir });
      const res = await persist(first.url, part());
      expect(res.status).toBe(200);
      const stored = (await res.json()) as Json;
      expect(stored.persisted).toBe(true);
      const id = stored.id as string;
      expect(await first.stop('SIGTERM')).toBe(0);

      const second = await spawnServer(bundle.index, { DATA_DIR: dataDir });
      try {
        const got = await fetch(`${second.url}/analyses/${id}`);
        expect(got.status).toBe(200);
        const body = (await got.json()) as Json;
        expect(body.quotation_id).toBe('Q-1');
        expect(body.line_item_id).toBe('L-7');
        expect(comparable(body)).toEqual(comparable(stored));
        // A fresh process has an empty LRU: the same file is answered from the database.
        const again = await postFile(`${second.url}/analyze`, part(), { name: 'stored.step' });
        expect(again.headers.get('x-cache')).toBe('db');
        expect(comparable((await again.json()) as Json)).toEqual(comparable(stored));
        expect(await metricValue(second.url, 'vectis_cache_hits_total', { layer: 'db' })).toBe(1);
        expect((await fetch(`${second.url}/analyses/${randomUUID()}`)).status).toBe(404);
      } finally {
        expect(await second.stop('SIGTERM')).toBe(0);
      }

      // The same migrations gave PGlite the Supabase roles, auth.jwt() and RLS.
      const { PGlite } = await import('@electric-sql/pglite');
      const db = new PGlite(dataDir);
      try {
        await checkRls(async (text) => {
          const results = await db.exec(text);
          return (results.at(-1)?.rows ?? []) as Json[];
        });
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // Two process starts and a first PGlite initdb (6-13 s alone): minutes on a loaded machine.
  }, 300_000);
});

describe('graceful shutdown', () => {
  it('SIGTERM lets the in-flight job finish, then exits 0', async () => {
    const server = await spawnServer(bundle.index, { PERSISTENCE: 'off', VECTIS_TEST_HOOKS: '1' });
    const pending = postFile(`${server.url}/analyze`, part(), { headers: { 'x-vectis-test-hook': 'slow' } });
    await until(() => server.output().includes('"msg":"analyze"'), 30_000, 'the request to reach the server');
    const exit = server.stop('SIGTERM');
    const res = await pending;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { part: { faces: number } }).part.faces).toBe(7);
    expect(await exit).toBe(0);
    expect(server.output()).toContain('shut down');
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  }, 240_000);
});

describe.skipIf(!DATABASE_URL_TEST)('Postgres (DATABASE_URL)', () => {
  const dbName = `vectis_test_${process.pid}_${Date.now()}`;
  let admin: postgres.Sql;
  let target: URL;
  let proxy: FlakyProxy;
  let proxiedUrl: string;

  beforeAll(async () => {
    admin = postgres(DATABASE_URL_TEST!, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database ${dbName}`);
    target = new URL(DATABASE_URL_TEST!);
    target.pathname = `/${dbName}`;
    proxy = new FlakyProxy(target.hostname, Number(target.port || 5432));
    await proxy.up();
    const via = new URL(target);
    via.hostname = '127.0.0.1';
    via.port = String(proxy.port);
    proxiedUrl = via.toString();
  });
  afterAll(async () => {
    await proxy?.down();
    await admin?.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
    await admin?.end();
  });

  const pgConfig = () => testConfig({ persistence: true, databaseUrl: proxiedUrl });

  it('stores, survives a restart, and enforces RLS for Supabase roles', async () => {
    let server = await startServer(bundle.worker, pgConfig());
    const res = await persist(server.url, part());
    expect(res.status).toBe(200);
    const stored = (await res.json()) as Json;
    await server.stop();

    server = await startServer(bundle.worker, pgConfig());
    try {
      const got = await fetch(`${server.url}/analyses/${stored.id as string}`);
      expect(got.status).toBe(200);
      expect(comparable((await got.json()) as Json)).toEqual(comparable(stored));
      const again = await postFile(`${server.url}/analyze`, part(), { name: 'stored.step' });
      expect(again.headers.get('x-cache')).toBe('db');
    } finally {
      await server.stop();
    }
    const direct = postgres(target.toString(), { max: 1, onnotice: () => undefined });
    try {
      await checkRls(async (text) => (await direct.unsafe(text).simple()).flat() as unknown as Json[]);
      const meshes = await direct`select encoding, byte_size, triangle_count from public.cad_meshes`;
      expect(meshes).toHaveLength(1);
      expect(meshes[0]!.encoding).toBe('vxm1+gzip');
    } finally {
      await direct.end();
    }
  });

  let shared: RunningServer | undefined;
  afterAll(async () => {
    await shared?.stop();
  });
  const sharedServer = async () => (shared ??= await startServer(bundle.worker, pgConfig()));

  it('stores verifications with the recomputed analysis', async () => {
    const server = await sharedServer();
    {
      const honest = (await (await postFile(`${server.url}/analyze`, part())).json()) as Json;
      const res = await postFile(`${server.url}/verify`, part(), { result: JSON.stringify(honest), fields: { quotation_id: 'Q-2' } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { verified: boolean; id: string; analysisId: string; differences: unknown[] };
      expect(body.differences).toEqual([]);
      expect(body.verified).toBe(true);
      expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await fetch(`${server.url}/analyses/${body.analysisId}`)).status).toBe(200);
    }
  });

  it('Postgres down: persisting answers a clear 503, analysis still works; back up: persisting works again', async () => {
    const server = await sharedServer();
    try {
      expect((await persist(server.url, part())).status).toBe(200);
      await proxy.down();
      const refused = await persist(server.url, uniqueStep(part()));
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBeTruthy();
      const err = (await refused.json()) as { error: { code: string; message: string } };
      expect(err.error.code).toBe('DB_UNAVAILABLE');
      expect(err.error.message).toMatch(/database/i);
      const plain = await postFile(`${server.url}/analyze`, uniqueStep(part()));
      expect(plain.status).toBe(200);
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { db: { available: boolean } }).db.available).toBe(false);
      await proxy.up();
      await until(async () => (await persist(server.url, uniqueStep(part()))).status === 200, 30_000, 'persisting to work again');
    } finally {
      await proxy.up().catch(() => undefined);
    }
  });

  it('Postgres unreachable from the start: the server still starts and analyses; persisting is 503', async () => {
    const dead = new URL(target);
    dead.hostname = '127.0.0.1';
    dead.port = '1';
    const server = await startServer(bundle.worker, testConfig({ persistence: true, databaseUrl: dead.toString() }));
    try {
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      expect((await postFile(`${server.url}/analyze`, part())).status).toBe(200);
      const res = await persist(server.url, part());
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('DB_UNAVAILABLE');
    } finally {
      await server.stop();
    }
  });
});

describe.skipIf(!REDIS_URL_TEST)('Redis (REDIS_URL): shared by instances, optional when down', () => {
  const version = `test-${randomUUID().slice(0, 8)}`;
  let proxy: FlakyProxy;
  let a: RunningServer;
  let b: RunningServer;
  let direct: Redis;
  const inRedis = (bytes: Uint8Array) => async () =>
    (await direct.exists(`vectis:result:${version}:${createHash('sha256').update(bytes).digest('hex')}`)) === 1;

  beforeAll(async () => {
    const target = new URL(REDIS_URL_TEST!);
    proxy = new FlakyProxy(target.hostname, Number(target.port || 6379));
    await proxy.up();
    const redisUrl = `redis://127.0.0.1:${proxy.port}`;
    [a, b] = await Promise.all([
      startServer(bundle.worker, testConfig({ redisUrl }), { pipelineVersion: version }),
      startServer(bundle.worker, testConfig({ redisUrl }), { pipelineVersion: version }),
    ]);
    await until(() => a.ctx.redis?.status === 'ready' && b.ctx.redis?.status === 'ready', 20_000, 'redis connections');
    direct = new Redis(REDIS_URL_TEST!);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await proxy?.down();
    const keys = await direct.keys(`vectis:result:${version}:*`);
    if (keys.length) await direct.del(...keys);
    await direct.quit();
  });

  it('a result computed by one instance is a cache hit on another', async () => {
    const bytes = uniqueStep(part());
    const first = await postFile(`${a.url}/analyze`, bytes);
    expect(first.headers.get('x-cache')).toBe('miss');
    await first.arrayBuffer();
    // The write to Redis is in the background.
    await until(inRedis(bytes), 10_000, 'the result in redis');
    const second = await postFile(`${b.url}/analyze`, bytes);
    expect(second.headers.get('x-cache')).toBe('redis');
    await second.arrayBuffer();
    expect(await metricValue(b.url, 'vectis_cache_hits_total', { layer: 'redis' })).toBe(1);
  });

  it('Redis down: still answers (a cache miss); back up: shared again', async () => {
    await proxy.down();
    const bytes = uniqueStep(part());
    const res = await postFile(`${a.url}/analyze`, bytes);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-cache')).toBe('miss');
    const other = await postFile(`${b.url}/analyze`, bytes);
    expect(other.status).toBe(200);
    expect(other.headers.get('x-cache')).toBe('miss');
    expect(await metricValue(a.url, 'vectis_cache_errors_total', { layer: 'redis' })).toBeGreaterThan(0);
    const health = (await (await fetch(`${a.url}/health`)).json()) as { redis: string; status: string };
    expect(health.status).toBe('ok');
    expect(health.redis).not.toBe('ready');
    await proxy.up();
    await until(() => a.ctx.redis?.status === 'ready' && b.ctx.redis?.status === 'ready', 30_000, 'redis to reconnect');
    const fresh = uniqueStep(part());
    await (await postFile(`${a.url}/analyze`, fresh)).arrayBuffer();
    await until(inRedis(fresh), 10_000, 'the result in redis again');
    expect((await postFile(`${b.url}/analyze`, fresh)).headers.get('x-cache')).toBe('redis');
  });
});
