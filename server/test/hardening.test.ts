/**
 * Issue 12, item 8, on real servers: JWTs without `exp` or for another audience/issuer refused;
 * security headers on the app and the API; Retry-After from the queue's measured wait; repeated
 * parameters refused; bidi overrides and control characters out of file names; /metrics not open
 * to the world once the API is locked.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleServer,
  fixtureBytes,
  postFile,
  postRaw,
  sleep,
  startServer,
  tempDir,
  testConfig,
  uniqueStep,
  until,
  type RunningServer,
} from './helpers.ts';

const SECRET = 'hardening-test-secret-hardening-test-xx';
const KEY = 'hardening-key';
const METRICS_TOKEN = 'scrape-token-for-tests';
const ISSUER = 'https://project.supabase.co/auth/v1';
type Json = Record<string, unknown>;

let bundle: ReturnType<typeof bundleServer>;
let locked: RunningServer;
let open: RunningServer;

beforeAll(async () => {
  bundle = bundleServer();
  const staticDir = tempDir('static');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Vectis</title>');
  writeFileSync(join(staticDir, 'assets', 'analysis.worker-abc123.js'), 'self.onmessage = () => undefined;');
  locked = await startServer(
    bundle.worker,
    testConfig({ apiKeys: [KEY], supabaseJwtSecret: SECRET, supabaseJwtIssuers: [ISSUER, 'supabase'], metricsToken: METRICS_TOKEN, staticDir }),
  );
  open = await startServer(bundle.worker, testConfig({ workers: 1, maxQueue: 1, jobTimeoutMs: 7_000 }));
}, 180_000);
afterAll(async () => {
  await locked?.stop();
  await open?.stop();
  bundle?.cleanup();
});

interface TokenShape {
  claims?: Json;
  exp?: string | null;
  aud?: string | null;
  iss?: string | null;
  sub?: string | null;
}

function token({
  claims = { role: 'authenticated' },
  exp = '5m',
  aud = 'authenticated',
  iss = ISSUER,
  sub = 'user-h',
}: TokenShape = {}): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (exp !== null) jwt.setExpirationTime(exp);
  if (aud !== null) jwt.setAudience(aud);
  if (iss !== null) jwt.setIssuer(iss);
  if (sub !== null) jwt.setSubject(sub);
  return jwt.sign(new TextEncoder().encode(SECRET));
}

const statusWith = async (jwt: string) =>
  (await postFile(`${locked.url}/analyze`, fixtureBytes('box-with-hole.step'), { headers: { authorization: `Bearer ${jwt}` } })).status;

describe('JWT claims', () => {
  it('a well-formed user token passes (the baseline the refusals below differ from by one claim)', async () => {
    expect(await statusWith(await token())).toBe(200);
  });

  it('refuses a token without exp (it would never expire)', async () => {
    expect(await statusWith(await token({ exp: null }))).toBe(401);
  });

  it('refuses a user token for another audience, or with none', async () => {
    expect(await statusWith(await token({ aud: 'some-other-service' }))).toBe(401);
    expect(await statusWith(await token({ aud: null }))).toBe(401);
  });

  it('refuses a token from another issuer when issuers are configured', async () => {
    expect(await statusWith(await token({ iss: 'https://evil.example/auth/v1' }))).toBe(401);
    expect(await statusWith(await token({ iss: null }))).toBe(401);
  });

  it('accepts Supabase\'s service-role key shape (iss "supabase", no aud) but not without exp', async () => {
    const service = { claims: { role: 'service_role' }, aud: null, iss: 'supabase', sub: null };
    expect(await statusWith(await token(service))).toBe(200);
    expect(await statusWith(await token({ ...service, exp: null }))).toBe(401);
  });
});

describe('security headers', () => {
  it('the app page: CSP the app can run under (wasm, module worker), no framing, no sniffing, no referrer', async () => {
    const page = await fetch(`${locked.url}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(csp).toMatch(/worker-src 'self'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/'unsafe-eval'/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it("a script gets the worker policy: eval for the engine's bindings there only, never on the page", async () => {
    const script = await fetch(`${locked.url}/assets/analysis.worker-abc123.js`);
    expect(script.status).toBe(200);
    const csp = script.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'/);
    expect(csp).toContain("connect-src 'self'");
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('API answers carry them too, errors included', async () => {
    for (const res of [
      await fetch(`${locked.url}/health`),
      await fetch(`${locked.url}/analyze`, { method: 'POST' }),
      await fetch(`${locked.url}/nope`),
    ]) {
      expect(res.headers.get('x-content-type-options'), res.url).toBe('nosniff');
      expect(res.headers.get('content-security-policy'), res.url).toContain("frame-ancestors 'none'");
    }
  });
});

describe('/metrics', () => {
  it('once the API is locked, /metrics needs METRICS_TOKEN, from anywhere (loopback included)', async () => {
    expect((await fetch(`${locked.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${locked.url}/metrics`, { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(401);
    const ok = await fetch(`${locked.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('vectis_jobs_total');
  });

  it('a locked server without METRICS_TOKEN does not serve /metrics at all', async () => {
    const noToken = await startServer(bundle.worker, testConfig({ apiKeys: [KEY] }), { waitReady: false });
    try {
      expect((await fetch(`${noToken.url}/metrics`)).status).toBe(404);
      expect((await fetch(`${noToken.url}/metrics`, { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(404);
    } finally {
      await noToken.stop();
    }
  });
});

describe('repeated parameters', () => {
  const auth = { authorization: `Bearer ${KEY}` };
  const box = () => uniqueStep(fixtureBytes('box-with-hole.step'));

  it('a query parameter given twice is refused with 400, not silently resolved', async () => {
    for (const query of ['quotation_id=a&quotation_id=b', 'persist=false&persist=true', 'file_name=a.step&file_name=b.step']) {
      const res = await postRaw(`${locked.url}/analyze?${query}`, box(), auth);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: { code: string; message: string } }).error.message).toMatch(/more than once/);
    }
  });

  it('a multipart field given twice is refused with 400', async () => {
    const form = new FormData();
    form.append('quotation_id', 'Q-1');
    form.append('quotation_id', 'Q-2');
    form.append('file', new Blob([box() as Uint8Array<ArrayBuffer>]), 'part.step');
    const res = await fetch(`${locked.url}/analyze`, { method: 'POST', body: form, headers: auth });
    expect(res.status).toBe(400);
  });
});

describe('file names', () => {
  it('bidi overrides, isolates, zero-width and C1 control characters are stripped', async () => {
    const evil = 'invoice\u202Egpj.step\u2066x\u2069\u200B\u0085\u0007';
    const multipart = (await (await postFile(`${open.url}/analyze`, fixtureBytes('box-with-hole.step'), { name: evil })).json()) as {
      file: { name: string };
    };
    expect(multipart.file.name).toBe('invoicegpj.stepx');
    const raw = await postRaw(`${open.url}/analyze?file_name=${encodeURIComponent(evil)}`, fixtureBytes('box-with-hole.step'));
    expect(((await raw.json()) as { file: { name: string } }).file.name).toBe('invoicegpj.stepx');
  });
});

describe('Retry-After', () => {
  it('when the queue is full it is at least the wait the queue has measured, not a fixed guess', async () => {
    await open.ctx.pool.whenReady();
    const box = () => uniqueStep(fixtureBytes('box-with-hole.step'));
    const hook = { headers: { 'x-vectis-test-hook': 'hang' } };
    const running = postFile(`${open.url}/analyze`, box(), hook);
    await until(() => open.ctx.pool.busyThreadIds().length === 1, 60_000, 'a busy worker');
    const queued = postFile(`${open.url}/analyze`, box());
    await until(() => open.ctx.pool.stats().queued === 1, 60_000, 'a queued job');
    // The queued job has now waited 4.5 s; a new client would wait at least that long.
    await sleep(4_500);
    const refused = await postFile(`${open.url}/analyze`, box());
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(5);
    expect((await running).status).toBe(504);
    expect((await queued).status).toBe(200);
  }, 120_000);
});
