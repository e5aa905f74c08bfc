/**
 * /verify under attack (issue 12, item 6), on a real server with an embedded store: a big client
 * result is parsed and compared off the main thread (/health keeps answering promptly),
 * and a result nested thousands of levels deep is a 400 that stores nothing.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer, fixtureBytes, postFile, startServer, tempDir, testConfig, type RunningServer } from './helpers.ts';
import { multipartBody, rawRequest, timeHealth, HEALTH_DEADLINE_MS } from './raw-http.ts';

const MB = 1024 * 1024;
const BOUNDARY = 'vectis-verify-boundary';

let bundle: ReturnType<typeof bundleServer>;
let server: RunningServer;
const dataDir = tempDir('verify-attacks');

beforeAll(async () => {
  bundle = bundleServer();
  server = await startServer(bundle.worker, testConfig({ persistence: true, dataDir }));
});
afterAll(async () => {
  await server?.stop();
  bundle?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

const box = () => fixtureBytes('box-with-hole.step');

async function verifyRows(): Promise<number> {
  const [analyses] = await server.ctx.store!.query<{ n: number }>("select count(*)::int as n from public.analyses where source = 'verify'");
  const [verifications] = await server.ctx.store!.query<{ n: number }>('select count(*)::int as n from public.verifications');
  return analyses!.n + verifications!.n;
}

describe('/verify off the main thread', () => {
  it('a 60 MB client result is answered (verified: false) while /health keeps answering', async () => {
    // Valid JSON, not a result: parsed, schema-checked and compared in full, summarised in the answer.
    // The body is built before the clock starts: this process is the client too.
    const big = `{"pad":[${'1234567.125,'.repeat(5_000_000)}0]}`;
    const body = multipartBody(BOUNDARY, [
      { headers: ['Content-Disposition: form-data; name="persist"'], content: 'false' },
      { headers: ['Content-Disposition: form-data; name="result"'], content: Buffer.from(big) },
      { headers: ['Content-Disposition: form-data; name="file"; filename="box.step"'], content: box() },
    ]);
    const chunks = Array.from({ length: Math.ceil(body.length / MB) }, (_, i) => body.subarray(i * MB, (i + 1) * MB));
    let settled = false;
    const answer = rawRequest(server.url, {
      path: '/verify',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      chunks,
      timeoutMs: 120_000,
    }).finally(() => (settled = true));
    const probes: { ms: number; status: number }[] = [];
    while (!settled && probes.length < 500) probes.push(await timeHealth(server.url));
    const res = await answer;
    expect(res.status).toBe(200);
    expect((JSON.parse(res.body) as { verified: boolean }).verified).toBe(false);
    expect(probes.length).toBeGreaterThan(0);
    for (const p of probes) {
      expect(p.status).toBe(200);
      expect(p.ms).toBeLessThan(HEALTH_DEADLINE_MS);
    }
  });

  it('a result nested 100,000 levels deep → 400 BAD_REQUEST, and no verify row is stored', async () => {
    const before = await verifyRows();
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    for (const result of [deep, deepObject]) {
      const res = await postFile(`${server.url}/verify`, box(), { result });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    }
    expect(await verifyRows()).toBe(before);
  });

  it('an honest result still verifies and is stored', async () => {
    const honest = (await (await postFile(`${server.url}/analyze`, box())).json()) as Record<string, unknown>;
    const before = await verifyRows();
    const res = await postFile(`${server.url}/verify`, box(), { result: JSON.stringify(honest) });
    const body = (await res.json()) as { verified: boolean; id: string | null; differences: unknown[] };
    expect(res.status).toBe(200);
    expect(body.differences).toEqual([]);
    expect(body.verified).toBe(true);
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await verifyRows()).toBe(before + 2);
  });
});
