/**
 * Who may read a stored analysis (issue 12, item 3), against a real server on real sockets and a
 * real Postgres: its creator, admins, the service role and API keys; any other Supabase user gets
 * the same 404 as for an id that does not exist. `x-cache` must not tell a user that someone else
 * uploaded the same file. The Supabase RLS policies say the same as the server.
 */
import { SignJWT } from 'jose';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleServer,
  DATABASE_URL_TEST,
  fixtureBytes,
  postFile,
  skipNotice,
  startServer,
  testConfig,
  uniqueStep,
  type RunningServer,
} from './helpers.ts';

if (!DATABASE_URL_TEST) skipNotice('analysis ownership (Postgres)', 'DATABASE_URL_TEST');

const SECRET = 'ownership-test-jwt-secret-ownership-test';
const KEY = 'ownership-api-key';
type Json = Record<string, unknown>;

const USER_A = '0a0a0a0a-0000-4000-8000-00000000000a';
const USER_B = '0b0b0b0b-0000-4000-8000-00000000000b';

function token(sub: string | undefined, claims: Json = { role: 'authenticated' }): Promise<string> {
  const jwt = new SignJWT({ aud: 'authenticated', ...claims }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('5m');
  if (sub) jwt.setSubject(sub);
  return jwt.sign(new TextEncoder().encode(SECRET));
}

describe.skipIf(!DATABASE_URL_TEST)('stored analyses are readable by their creator, admins, the service role and API keys only', () => {
  const dbName = `vectis_owner_${process.pid}_${Date.now()}`;
  let admin: postgres.Sql;
  let dbUrl: string;
  let bundle: ReturnType<typeof bundleServer>;
  let server: RunningServer;
  const bearer: Record<string, string> = {};

  beforeAll(async () => {
    admin = postgres(DATABASE_URL_TEST!, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database ${dbName}`);
    const u = new URL(DATABASE_URL_TEST!);
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
    bundle = bundleServer();
    server = await startServer(bundle.worker, testConfig({ persistence: true, databaseUrl: dbUrl, apiKeys: [KEY], supabaseJwtSecret: SECRET }));
    bearer.a = `Bearer ${await token(USER_A)}`;
    bearer.b = `Bearer ${await token(USER_B)}`;
    bearer.admin = `Bearer ${await token('0c0c0c0c-0000-4000-8000-00000000000c', { role: 'authenticated', app_metadata: { role: 'admin' } })}`;
    bearer.service = `Bearer ${await token(undefined, { role: 'service_role' })}`;
    bearer.key = `Bearer ${KEY}`;
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    bundle?.cleanup();
    await admin?.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
    await admin?.end();
  });

  const get = (id: string, who: string) => fetch(`${server.url}/analyses/${id}`, { headers: { authorization: bearer[who]! } });

  it("user B gets 404 for user A's analysis; A, an admin, the service role and an API key read it", async () => {
    const res = await postFile(`${server.url}/analyze`, fixtureBytes('box-with-hole.step'), {
      headers: { authorization: bearer.a! },
      fields: { persist: 'true', quotation_id: 'Q-secret-A', line_item_id: 'L-1' },
    });
    expect(res.status).toBe(200);
    const id = ((await res.json()) as Json).id as string;

    const asB = await get(id, 'b');
    expect(asB.status).toBe(404);
    const body = await asB.text();
    expect(body).not.toContain('Q-secret-A');
    // The same answer as for an analysis that does not exist: B learns nothing from it.
    const missing = (await (await get('00000000-0000-4000-8000-000000000000', 'b')).json()) as { error: { code: string } };
    expect((JSON.parse(body) as { error: { code: string } }).error.code).toBe(missing.error.code);

    for (const who of ['a', 'admin', 'service', 'key']) {
      const r = await get(id, who);
      expect(r.status, who).toBe(200);
      expect(((await r.json()) as Json).quotation_id, who).toBe('Q-secret-A');
    }
  });

  it('a user is not told that someone else uploaded the same file (no x-cache for users); API keys still see it', async () => {
    const bytes = uniqueStep(fixtureBytes('cylinder.step'));
    const first = await postFile(`${server.url}/analyze`, bytes, { headers: { authorization: bearer.a! } });
    expect(first.status).toBe(200);
    const second = await postFile(`${server.url}/analyze`, bytes, { headers: { authorization: bearer.b! } });
    expect(second.status).toBe(200);
    expect(second.headers.get('x-cache')).toBeNull();
    expect(((await second.json()) as Json).cache ?? null).toBeNull();
    const byKey = await postFile(`${server.url}/analyze`, bytes, { headers: { authorization: bearer.key! } });
    expect(byKey.headers.get('x-cache')).toBe('lru');
    expect(((await byKey.json()) as Json).cache).toBe('lru');
  });

  it("a token of role authenticated without a subject is refused (it would be everyone's identity)", async () => {
    const res = await postFile(`${server.url}/analyze`, fixtureBytes('box-with-hole.step'), {
      headers: { authorization: `Bearer ${await token(undefined)}` },
    });
    expect(res.status).toBe(401);
  });

  it("RLS says the same: a Supabase user sees their own analyses, their features and verifications, not another's", async () => {
    const verify = await postFile(`${server.url}/verify`, fixtureBytes('box-with-hole.step'), {
      headers: { authorization: bearer.a! },
      result: '{}',
    });
    expect(verify.status).toBe(200);
    const direct = postgres(dbUrl, { max: 1, onnotice: () => undefined });
    try {
      const count = async (sub: string, table: string) => {
        const claims = JSON.stringify({ role: 'authenticated', sub, app_metadata: {} });
        const [n] = await direct.begin(async (tx) => {
          await tx.unsafe('set local role authenticated');
          await tx.unsafe(`select set_config('request.jwt.claims', $1, true)`, [claims]);
          return tx.unsafe(`select count(*)::int as n from public.${table}`);
        });
        return Number((n as unknown as { n: number }).n);
      };
      const owned = await direct`select count(*)::int as n from public.analyses where created_by = ${`user:${USER_A}`}`;
      expect(owned[0]!.n).toBeGreaterThanOrEqual(2);
      expect(await count(USER_A, 'analyses')).toBe(owned[0]!.n);
      expect(await count(USER_A, 'part_features')).toBeGreaterThan(0);
      expect(await count(USER_A, 'verifications')).toBe(1);
      expect(await count(USER_A, 'cad_meshes')).toBeGreaterThan(0);
      for (const table of ['analyses', 'part_features', 'verifications', 'cad_meshes']) expect(await count(USER_B, table), table).toBe(0);
    } finally {
      await direct.end();
    }
  });
});
