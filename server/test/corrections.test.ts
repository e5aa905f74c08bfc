/**
 * Estimators' corrections and the accuracy report (issue 14) on a real server: stored on PGlite
 * and on Postgres across a restart, shown by GET /analyses/:id beside (never inside) the
 * pipeline's features, refused with stable codes when they do not fit, kept from other customers
 * by the server (404) and by RLS (two JWTs on a real Postgres), counted by GET /reports/accuracy
 * (admins only), and never applied as the pipeline's answer by /verify.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisResultSchema, stringifyResult } from '../../src/analysis/result.ts';
import {
  bundleServer,
  DATABASE_URL_TEST,
  ROOT,
  fixtureBytes,
  postFile,
  scratchDatabase,
  skipNotice,
  startServer,
  tempDir,
  testConfig,
  type RunningServer,
} from './helpers.ts';

if (!DATABASE_URL_TEST) skipNotice('corrections on Postgres (restart, RLS)', 'DATABASE_URL_TEST');

type Json = Record<string, unknown>;
interface Feature {
  id: number;
  type: string;
  faces: number[];
}
interface ClassRow {
  type: string;
  precision: number;
  recall: number;
  support: number;
  predicted: number;
}

const PLATE = 'plate-holes.step';
let bundle: ReturnType<typeof bundleServer>;
beforeAll(() => {
  bundle = bundleServer();
});
afterAll(() => bundle?.cleanup());

const run = promisify(execFile);
/** `npx vectis report ...`: the CLI as a user runs it; returns stdout and the --out JSON. */
async function cliReport(args: string[], out: string): Promise<{ stdout: string; report: Json }> {
  const { stdout } = await run(process.execPath, [join(ROOT, 'bin/vectis.mjs'), 'report', ...args, '--out', out], { cwd: ROOT });
  return { stdout, report: JSON.parse(readFileSync(out, 'utf8')) as Json };
}

const json = (headers: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...headers });

async function persistPlate(url: string, headers: Record<string, string> = {}): Promise<Json> {
  const res = await postFile(`${url}/analyze`, fixtureBytes(PLATE), { name: PLATE, headers, fields: { persist: 'true' } });
  expect(res.status).toBe(200);
  return (await res.json()) as Json;
}

function correct(url: string, id: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/analyses/${id}/corrections`, { method: 'POST', headers: json(headers), body: JSON.stringify(body) });
}

/** A retype of the first feature and a region the pipeline missed; returns what the report must count. */
async function makeCorrections(url: string, stored: Json, headers: Record<string, string> = {}) {
  const features = stored.features as Feature[];
  expect(features.length, 'the plate fixture has recognised features').toBeGreaterThan(0);
  const target = features[0]!;
  const newType = target.type === 'slot' ? 'pocket' : 'slot';
  const claimed = new Set(features.flatMap((f) => f.faces));
  const free = Array.from({ length: (stored.part as { faces: number }).faces }, (_, i) => i).filter((f) => !claimed.has(f));
  const region = free.slice(0, 1);
  expect(region.length, 'a face no feature claims').toBe(1);
  const id = stored.id as string;
  const first = await correct(url, id, { action: 'retype', feature_id: target.id, faces: target.faces, type: newType }, headers);
  expect(first.status).toBe(201);
  expect(((await first.json()) as Json).id).toMatch(/^[0-9a-f-]{36}$/);
  const second = await correct(url, id, { action: 'name_region', faces: region, type: 'engraving' }, headers);
  expect(second.status).toBe(201);
  return { target, newType, region, sameType: features.filter((f) => f.type === target.type).length };
}

/** GET /analyses/:id shows the corrections, in order, and the pipeline's features untouched. */
async function expectCorrectionsShown(
  url: string,
  stored: Json,
  made: Awaited<ReturnType<typeof makeCorrections>>,
  headers: Record<string, string> = {},
) {
  const got = await fetch(`${url}/analyses/${stored.id as string}`, { headers });
  expect(got.status).toBe(200);
  const body = (await got.json()) as Json & { corrections: Json[] };
  expect(body.corrections.map((c) => [c.action, c.type])).toEqual([
    ['retype', made.newType],
    ['name_region', 'engraving'],
  ]);
  const retype = body.corrections[0]!;
  expect(retype.feature_id).toBe(made.target.id);
  expect((retype.before as Feature[])[0]!.type).toBe(made.target.type);
  expect((retype.after as Feature[])[0]!.type).toBe(made.newType);
  expect(retype.pipeline_version).toBe(body.pipelineVersion);
  expect(typeof retype.created_at).toBe('string');
  expect(body.features).toEqual(stored.features);
  return body;
}

function expectReportCounts(report: Json, made: Awaited<ReturnType<typeof makeCorrections>>, pipelineVersion: string) {
  expect(report.parts).toBe(1);
  expect(report.corrections).toBe(2);
  const classes = report.classes as ClassRow[];
  const was = classes.find((c) => c.type === made.target.type)!;
  // The retyped feature is a false positive of its old class and a miss of its new one.
  expect(was.predicted).toBe(made.sameType);
  expect(was.support).toBe(made.sameType - 1);
  expect(was.precision).toBeCloseTo((made.sameType - 1) / made.sameType, 9);
  expect(classes.find((c) => c.type === made.newType)).toMatchObject({ recall: 0 });
  expect(classes.find((c) => c.type === 'engraving')).toMatchObject({ support: 1, recall: 0, predicted: 0 });
  expect((report.by_version as Json[]).map((v) => [v.pipeline_version, v.corrections])).toEqual([[pipelineVersion, 2]]);
  expect((report.most_corrected_parts as Json[])[0]).toMatchObject({ corrections: 2, file_name: PLATE });
}

describe('corrections on PGlite (the default store)', () => {
  it("are validated, shown beside the pipeline's features, reported, never verified as the pipeline's, and survive a restart", async () => {
    const dataDir = tempDir('corrections');
    let server: RunningServer | undefined;
    try {
      server = await startServer(bundle.worker, testConfig({ persistence: true, dataDir }));
      const stored = await persistPlate(server.url);
      const id = stored.id as string;

      // Refusals, each with its stable code.
      const code = async (r: Response) => [r.status, ((await r.json()) as { error: { code: string } }).error.code];
      expect(await code(await correct(server.url, id, { action: 'delete', faces: [] }))).toEqual([400, 'BAD_REQUEST']);
      expect(await code(await correct(server.url, id, { action: 'retype', faces: [], type: 'slot', sql: 1 }))).toEqual([400, 'BAD_REQUEST']);
      expect(await code(await fetch(`${server.url}/analyses/${id}/corrections`, { method: 'POST', headers: json(), body: '{"action":' }))).toEqual([
        400,
        'BAD_REQUEST',
      ]);
      expect(await code(await correct(server.url, id, { action: 'retype', feature_id: 9999, faces: [], type: 'slot' }))).toEqual([
        422,
        'INVALID_CORRECTION',
      ]);
      expect(await code(await correct(server.url, id, { action: 'name_region', faces: [100_000], type: 'slot' }))).toEqual([
        422,
        'INVALID_CORRECTION',
      ]);
      expect(
        await code(await correct(server.url, '00000000-0000-4000-8000-000000000000', { action: 'not_a_feature', feature_id: 0, faces: [] })),
      ).toEqual([404, 'NOT_FOUND']);
      expect(await code(await correct(server.url, 'not-a-uuid', { action: 'not_a_feature', feature_id: 0, faces: [] }))).toEqual([
        400,
        'BAD_REQUEST',
      ]);

      const made = await makeCorrections(server.url, stored);
      const shown = await expectCorrectionsShown(server.url, stored, made);

      // /verify compares the pipeline's answer: the stored result (corrections beside it) verifies,
      // the same result with the correction applied to its features does not.
      const verify = (result: Json) =>
        postFile(`${server!.url}/verify`, fixtureBytes(PLATE), { name: PLATE, result: JSON.stringify(result), fields: { persist: 'false' } });
      // The pipeline's answer (the result schema's members of what /analyze gave), with the
      // corrections GET /analyses/:id lists.
      const pipelineAnswer = JSON.parse(stringifyResult(analysisResultSchema.parse(stored))) as Json;
      const withCorrections = { ...pipelineAnswer, corrections: shown.corrections };
      const honest = (await (await verify(withCorrections)).json()) as Json;
      expect(honest.verified, JSON.stringify(honest.differences)).toBe(true);
      const applied = {
        ...withCorrections,
        features: (pipelineAnswer.features as Feature[]).map((f) => (f.id === made.target.id ? { ...f, type: made.newType } : f)),
      };
      const tampered = (await (await verify(applied)).json()) as { verified: boolean; differences: { path: string }[] };
      expect(tampered.verified).toBe(false);
      expect(tampered.differences.map((d) => d.path)).toContain(`features[0].type`);

      const report = (await (await fetch(`${server.url}/reports/accuracy`)).json()) as Json;
      expectReportCounts(report, made, stored.pipelineVersion as string);
      const later = (await (await fetch(`${server.url}/reports/accuracy?since=${new Date(Date.now() + 3_600_000).toISOString()}`)).json()) as Json;
      expect(later.parts).toBe(0);
      expect(await code(await fetch(`${server.url}/reports/accuracy?since=yesterday`))).toEqual([400, 'BAD_REQUEST']);

      // `vectis report` prints the same report from the server and, offline, from an export of
      // the corrected analysis (its GET /analyses/:id answer).
      const viaServer = await cliReport(['--server', server.url], join(dataDir, 'server-report.json'));
      expect(viaServer.report).toEqual(report);
      expect(viaServer.stdout).toContain('1 corrected parts, 2 corrections');
      const exportFile = join(dataDir, 'export.json');
      writeFileSync(exportFile, JSON.stringify([shown]));
      const offline = await cliReport([exportFile], join(dataDir, 'offline-report.json'));
      expect(offline.report).toEqual(report);
      await expect(
        run(process.execPath, [join(ROOT, 'bin/vectis.mjs'), 'report', join(dataDir, 'missing.json')], { cwd: ROOT }),
      ).rejects.toMatchObject({ code: 2 });

      await server.stop();
      server = await startServer(bundle.worker, testConfig({ persistence: true, dataDir }));
      await expectCorrectionsShown(server.url, stored, made);
      expectReportCounts((await (await fetch(`${server.url}/reports/accuracy`)).json()) as Json, made, stored.pipelineVersion as string);
    } finally {
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});

const SECRET = 'corrections-test-jwt-secret-corrections';
const USER_A = '1a1a1a1a-0000-4000-8000-00000000001a';
const USER_B = '1b1b1b1b-0000-4000-8000-00000000001b';

function token(sub: string, claims: Json = {}): Promise<string> {
  return new SignJWT({ aud: 'authenticated', role: 'authenticated', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(SECRET));
}

describe.skipIf(!DATABASE_URL_TEST)("corrections on Postgres: a customer's own, across a restart, by the server and by RLS", () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>> | undefined;
  let dbUrl: string;
  let server: RunningServer | undefined;
  const auth: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    db = await scratchDatabase('vectis_corr');
    dbUrl = db.url;
    for (const [who, t] of [
      ['a', await token(USER_A)],
      ['b', await token(USER_B)],
      ['admin', await token('1c1c1c1c-0000-4000-8000-00000000001c', { app_metadata: { role: 'admin' } })],
    ] as const) {
      auth[who] = { authorization: `Bearer ${t}` };
    }
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  const start = () => startServer(bundle.worker, testConfig({ persistence: true, databaseUrl: dbUrl, supabaseJwtSecret: SECRET }));

  it("user A corrects; user B gets 404 and 403; the admin's report counts it; it survives a restart; RLS agrees", async () => {
    server = await start();
    const stored = await persistPlate(server.url, auth.a);
    const id = stored.id as string;
    const made = await makeCorrections(server.url, stored, auth.a);

    const asB = await correct(server.url, id, { action: 'not_a_feature', feature_id: made.target.id, faces: [] }, auth.b);
    expect(asB.status).toBe(404);
    expect((await fetch(`${server.url}/analyses/${id}`, { headers: auth.b })).status).toBe(404);
    for (const who of ['a', 'b']) {
      const r = await fetch(`${server.url}/reports/accuracy`, { headers: auth[who] });
      expect(r.status, who).toBe(403);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    }
    expect((await fetch(`${server.url}/reports/accuracy`)).status).toBe(401);
    const report = (await (await fetch(`${server.url}/reports/accuracy`, { headers: auth.admin })).json()) as Json;
    expectReportCounts(report, made, stored.pipelineVersion as string);

    await server.stop();
    server = await start();
    await expectCorrectionsShown(server.url, stored, made, auth.a);

    // Direct database access as Supabase users: A reads its corrections, B none of them.
    const direct = postgres(dbUrl, { max: 1, onnotice: () => undefined });
    try {
      const count = async (sub: string) => {
        const [n] = await direct.begin(async (tx) => {
          await tx.unsafe('set local role authenticated');
          await tx.unsafe(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ role: 'authenticated', sub, app_metadata: {} })]);
          return tx.unsafe('select count(*)::int as n from public.feature_corrections');
        });
        return Number((n as unknown as { n: number }).n);
      };
      expect(await count(USER_A)).toBe(2);
      expect(await count(USER_B)).toBe(0);
      // Writes go through the server: a user cannot insert a correction directly.
      await expect(
        direct.begin(async (tx) => {
          await tx.unsafe('set local role authenticated');
          await tx.unsafe(`select set_config('request.jwt.claims', $1, true)`, [
            JSON.stringify({ role: 'authenticated', sub: USER_A, app_metadata: {} }),
          ]);
          await tx.unsafe(
            `insert into public.feature_corrections (analysis_id, file_hash, action, pipeline_version) values ($1, $2, 'retype', 'x')`,
            [id, 'a'.repeat(64)],
          );
        }),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await direct.end();
    }
  }, 300_000);
});
