/**
 * Semantic PMI stored for the quote (issue 13): an AP242 part persisted through POST /analyze on a
 * real server keeps its PMI on the feature rows that carry it (part_features.pmi, migration
 * 20251204000100) and in the result, and GET /analyses/:id returns `pmi`; a result stored without
 * PMI (schema 1.1.0) comes back with none. Embedded PGlite, and a fresh Postgres database when
 * DATABASE_URL_TEST is set.
 */
import { rmSync } from 'node:fs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PMI_FIXTURE } from '../../test/pmi-fixture.ts';
import {
  bundleServer,
  DATABASE_URL_TEST,
  fixtureBytes,
  postFile,
  skipNotice,
  startServer,
  tempDir,
  testConfig,
  type RunningServer,
} from './helpers.ts';

if (!DATABASE_URL_TEST) skipNotice('PMI storage on Postgres', 'DATABASE_URL_TEST');

type Json = Record<string, unknown>;
interface PmiItem {
  id: number;
  kind: string;
  name: string;
  nominal: number | null;
  faces: number[];
  features: number[];
}
interface FeatureRow {
  feature_index: number;
  feature_type: string;
  pmi: PmiItem[] | string;
}

let bundle: ReturnType<typeof bundleServer>;
beforeAll(() => {
  bundle = bundleServer();
});
afterAll(() => bundle?.cleanup());

async function checkPmiStored(server: RunningServer): Promise<void> {
  const res = await postFile(`${server.url}/analyze`, fixtureBytes(PMI_FIXTURE.file), { name: PMI_FIXTURE.file, fields: { persist: 'true' } });
  expect(res.status).toBe(200);
  const posted = (await res.json()) as Json;
  const pmi = posted.pmi as PmiItem[];
  expect(pmi.length, 'the fixture carries PMI').toBeGreaterThan(0);

  const got = (await (await fetch(`${server.url}/analyses/${posted.id as string}`)).json()) as Json;
  expect(got.pmi).toEqual(pmi);

  const features = posted.features as { id: number }[];
  const rows = await server.ctx.store!.query<FeatureRow>(
    'select feature_index, feature_type, pmi from public.part_features where analysis_id = $1 order by feature_index',
    [posted.id],
  );
  expect(rows).toHaveLength(features.length);
  for (const row of rows) {
    const id = features[row.feature_index]!.id;
    const carried = typeof row.pmi === 'string' ? (JSON.parse(row.pmi) as PmiItem[]) : row.pmi;
    expect(
      carried.map((p) => p.id),
      `feature ${id} (${row.feature_type})`,
    ).toEqual(pmi.filter((p) => p.features.includes(id)).map((p) => p.id));
  }
  // The holes' feature carries their diameter and position tolerance.
  const holeRows = rows
    .map((r) => (typeof r.pmi === 'string' ? (JSON.parse(r.pmi) as PmiItem[]) : r.pmi))
    .filter((p) => p.some((x) => x.name === 'diameter'));
  expect(holeRows.flat().map((p) => p.name)).toEqual(expect.arrayContaining(['diameter', 'position']));
  const [count] = await server.ctx.store!.query<{ pmi_count: number }>('select pmi_count from public.analyses where id = $1', [posted.id]);
  expect(count!.pmi_count).toBe(pmi.length);
}

async function checkOldResultReadsWithoutPmi(server: RunningServer): Promise<void> {
  const res = await postFile(`${server.url}/analyze`, fixtureBytes('box-with-hole.step'), { name: 'old.step', fields: { persist: 'true' } });
  const posted = (await res.json()) as Json;
  // As a 1.1.0 row would be: the result without `pmi`.
  await server.ctx.store!.query("update public.analyses set result = result - 'pmi', schema_version = '1.1.0' where id = $1", [posted.id]);
  const got = (await (await fetch(`${server.url}/analyses/${posted.id as string}`)).json()) as Json;
  expect(got.pmi).toEqual([]);
}

describe('PMI stored on PGlite (the default)', () => {
  let server: RunningServer | undefined;
  const dataDir = tempDir('pmi');
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps each feature's PMI on its row and returns pmi from GET /analyses/:id", async () => {
    server = await startServer(bundle.worker, testConfig({ persistence: true, dataDir }));
    await checkPmiStored(server);
    await checkOldResultReadsWithoutPmi(server);
  });
});

describe.skipIf(!DATABASE_URL_TEST)('PMI stored on Postgres', () => {
  const dbName = `vectis_pmi_${process.pid}_${Date.now()}`;
  let admin: postgres.Sql;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    admin = postgres(DATABASE_URL_TEST!, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database ${dbName}`);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await admin?.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
    await admin?.end();
  });

  it("keeps each feature's PMI on its row and returns pmi from GET /analyses/:id", async () => {
    const u = new URL(DATABASE_URL_TEST!);
    u.pathname = `/${dbName}`;
    server = await startServer(bundle.worker, testConfig({ persistence: true, databaseUrl: u.toString() }));
    await checkPmiStored(server);
    await checkOldResultReadsWithoutPmi(server);
  });
});
