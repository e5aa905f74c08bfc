/**
 * The part thumbnail stored with each analysis (issue 13): POST /analyze with persist=true (and
 * POST /verify, which stores the server's analysis) renders it in the thumbnail thread and stores it (analysis_thumbnails, migration 20251204000200);
 * GET /analyses/:id answers `thumbnail_url`, and that URL serves a PNG of the part to whoever may
 * read the analysis, and 404 to another user (RLS says the same to direct database access). On a real server over real sockets, with embedded
 * PGlite and with a fresh Postgres database when DATABASE_URL_TEST is set.
 */
import { rmSync } from 'node:fs';
import { SignJWT } from 'jose';
import { PNG } from 'pngjs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THUMBNAIL_SIZE } from '../thumbnail/render.ts';
import {
  bundleServer,
  DATABASE_URL_TEST,
  fixtureBytes,
  postFile,
  scratchDatabase,
  skipNotice,
  startServer,
  tempDir,
  testConfig,
  uniqueStep,
  type RunningServer,
} from './helpers.ts';

if (!DATABASE_URL_TEST) skipNotice('thumbnails stored on Postgres', 'DATABASE_URL_TEST');

const SECRET = 'thumbnail-test-jwt-secret-thumbnail-test';
const USER_A = '1a1a1a1a-0000-4000-8000-00000000001a';
const USER_B = '1b1b1b1b-0000-4000-8000-00000000001b';
type Json = Record<string, unknown>;

function bearer(sub: string): Promise<string> {
  return new SignJWT({ aud: 'authenticated', role: 'authenticated' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('5m')
    .setSubject(sub)
    .sign(new TextEncoder().encode(SECRET))
    .then((t) => `Bearer ${t}`);
}

let bundle: ReturnType<typeof bundleServer>;
beforeAll(() => {
  bundle = bundleServer();
});
afterAll(() => bundle?.cleanup());

async function checkThumbnail(server: RunningServer): Promise<void> {
  const [a, b] = [await bearer(USER_A), await bearer(USER_B)];
  // A unique file: the thumbnail must come from this analysis, not from a cached one's row.
  const bytes = uniqueStep(fixtureBytes('plate-holes.step'));
  const res = await postFile(`${server.url}/analyze`, bytes, {
    name: 'plate-holes.step',
    fields: { persist: 'true' },
    headers: { authorization: a },
  });
  expect(res.status).toBe(200);
  const posted = (await res.json()) as Json;
  const id = posted.id as string;
  expect(posted.thumbnail_url).toBe(`/analyses/${id}/thumbnail.png`);

  const got = (await (await fetch(`${server.url}/analyses/${id}`, { headers: { authorization: a } })).json()) as Json;
  expect(got.thumbnail_url).toBe(posted.thumbnail_url);

  const image = await fetch(`${server.url}${got.thumbnail_url as string}`, { headers: { authorization: a } });
  expect(image.status).toBe(200);
  expect(image.headers.get('content-type')).toBe('image/png');
  const png = PNG.sync.read(Buffer.from(await image.arrayBuffer()));
  expect([png.width, png.height]).toEqual([THUMBNAIL_SIZE, THUMBNAIL_SIZE]);
  const colours = new Set<number>();
  let part = 0;
  for (let p = 0; p < png.width * png.height; p++) {
    if (png.data[4 * p + 3] !== 255) continue;
    part++;
    colours.add(png.data.readUIntBE(4 * p, 3));
  }
  // The plate fills a good share of the picture, in more than one colour (shades, feature classes).
  expect(part).toBeGreaterThan(0.1 * png.width * png.height);
  expect(colours.size).toBeGreaterThan(1);

  // Another user: the same 404 as for an analysis that does not exist; nobody: 401.
  const other = await fetch(`${server.url}${got.thumbnail_url as string}`, { headers: { authorization: b } });
  expect(other.status).toBe(404);
  expect(((await other.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  expect((await fetch(`${server.url}${got.thumbnail_url as string}`)).status).toBe(401);
  expect((await fetch(`${server.url}/analyses/00000000-0000-4000-8000-000000000000/thumbnail.png`, { headers: { authorization: a } })).status).toBe(
    404,
  );

  // /verify stores the server's analysis too: it gets its picture the same way.
  const verified = (await (
    await postFile(`${server.url}/verify`, bytes, { name: 'plate-holes.step', result: JSON.stringify(posted), headers: { authorization: a } })
  ).json()) as Json;
  const stored = (await (await fetch(`${server.url}/analyses/${verified.analysisId as string}`, { headers: { authorization: a } })).json()) as Json;
  expect(stored.thumbnail_url).toBe(`/analyses/${verified.analysisId as string}/thumbnail.png`);
  expect((await fetch(`${server.url}${stored.thumbnail_url as string}`, { headers: { authorization: a } })).status).toBe(200);

  // An analysis without a picture (stored before the migration, or its render failed) says so.
  await server.ctx.store!.query('delete from public.analysis_thumbnails where analysis_id = $1', [id]);
  const without = (await (await fetch(`${server.url}/analyses/${id}`, { headers: { authorization: a } })).json()) as Json;
  expect(without.thumbnail_url).toBeNull();
  expect((await fetch(`${server.url}/analyses/${id}/thumbnail.png`, { headers: { authorization: a } })).status).toBe(404);
}

describe('thumbnails stored on PGlite (the default)', () => {
  let server: RunningServer | undefined;
  const dataDir = tempDir('thumbnail');
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("stores the picture, serves it to the analysis's reader and 404 to another user", async () => {
    server = await startServer(bundle.worker, testConfig({ persistence: true, dataDir, supabaseJwtSecret: SECRET }));
    await checkThumbnail(server);
  });
});

describe.skipIf(!DATABASE_URL_TEST)('thumbnails stored on Postgres', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>> | undefined;
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("stores the picture, serves it to the analysis's reader and 404 to another user", async () => {
    db = await scratchDatabase('vectis_thumbnail');
    server = await startServer(bundle.worker, testConfig({ persistence: true, databaseUrl: db.url, supabaseJwtSecret: SECRET }));
    await checkThumbnail(server);
    await checkRowLevelSecurity(db.url);
  });
});

/** Direct database access as Supabase users: RLS lets each read only its own analyses' pictures. */
async function checkRowLevelSecurity(url: string): Promise<void> {
  const direct = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    const visible = async (sub: string) => {
      const claims = JSON.stringify({ role: 'authenticated', sub, app_metadata: {} });
      const [row] = await direct.begin(async (tx) => {
        await tx.unsafe('set local role authenticated');
        await tx.unsafe(`select set_config('request.jwt.claims', $1, true)`, [claims]);
        return tx.unsafe('select count(*)::int as n from public.analysis_thumbnails');
      });
      return Number((row as unknown as { n: number }).n);
    };
    const [stored] = await direct`select count(*)::int as n from public.analysis_thumbnails`;
    expect(stored!.n, 'pictures stored by user A').toBeGreaterThan(0);
    expect(await visible(USER_A)).toBe(stored!.n);
    expect(await visible(USER_B)).toBe(0);
  } finally {
    await direct.end();
  }
}
