/**
 * A bounded fuzz of the upload surface (issue 12), fixed seed so that a failure reproduces:
 * hostile STEP headers (raw and multipart), malformed multipart shapes, and /verify results
 * nested to random depths. Every answer must be 2xx or 4xx with a stable error code, never 5xx,
 * and /health must answer promptly (HEALTH_DEADLINE_MS) after each case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/analysis/index.ts';
import { SERVER_ERROR_CODES } from '../errors.ts';
import { bundleServer, fixtureBytes, startServer, testConfig, type RunningServer } from './helpers.ts';
import { errorCode, multipartBody, rawRequest, timeHealth, type RawResponse, HEALTH_DEADLINE_MS } from './raw-http.ts';

const SEED = 0x5eed_0012;
const CASES = { step: 40, multipart: 30, json: 8 };
const CODES = new Set<string>([...ERROR_CODES, ...SERVER_ERROR_CODES]);

let bundle: ReturnType<typeof bundleServer>;
let server: RunningServer;

beforeAll(async () => {
  bundle = bundleServer();
  server = await startServer(bundle.worker, testConfig({ maxUploadBytes: 512 * 1024, bodyIdleTimeoutMs: 500, requestTimeoutMs: 10_000 }));
});
afterAll(async () => {
  await server?.stop();
  bundle?.cleanup();
});

/** mulberry32: small, fast, and the same sequence everywhere for one seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    bytes: (n: number) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256)),
  };
}
type Rng = ReturnType<typeof prng>;

const SCHEMAS = [
  'AUTOMOTIVE_DESIGN',
  'CONFIG_CONTROL_DESIGN',
  'AP242_MANAGED_MODEL_BASED_3D_ENGINEERING_MIM_LF',
  'IFC4',
  "it''s",
  '',
  'X'.repeat(300),
];

/** A STEP-looking file with one or more things wrong (or nothing: then the engine judges the data). */
function hostileStep(r: Rng): Uint8Array {
  const pieces: string[] = [];
  if (r.chance(0.1)) pieces.push('\uFEFF');
  if (r.chance(0.1)) pieces.push(r.pick([' ', '\n', '\r\n', '\t']).repeat(r.int(70_000)));
  pieces.push(r.chance(0.8) ? 'ISO-10303-21;' : r.pick(['ISO-10303-21', 'ISO-10303-22;', 'iso-10303-21;', '']));
  pieces.push(r.pick(['\n', '\n'.repeat(r.int(100_000)), ' '.repeat(r.int(50_000))]));
  if (r.chance(0.8)) pieces.push('HEADER;\n');
  if (r.chance(0.3)) pieces.push(`/* ${r.chance(0.5) ? 'DATA; */' : 'never closed'}\n`);
  if (r.chance(0.7)) pieces.push(`FILE_SCHEMA(('${r.pick(SCHEMAS)}'));\n`);
  if (r.chance(0.2)) pieces.push(`FILE_NAME('${"('".repeat(r.int(20_000))}');\n`);
  if (r.chance(0.8)) pieces.push('ENDSEC;\n');
  if (r.chance(0.8)) pieces.push(r.pick(['DATA;\n', 'DATA ;\n', "DATA('x',('y'));\n", 'data;\n']));
  pieces.push(
    r.pick([
      '',
      "#1=CARTESIAN_POINT('',(0.,0.,0.);\n",
      `#1=${'('.repeat(r.int(5_000))};\n`,
      "#1=CARTESIAN_POINT('',(1.E+30,0.,0.));\n#2=MANIFOLD_SOLID_BREP('',#1);\n",
      'garbage garbage;\n',
    ]),
  );
  if (r.chance(0.2)) pieces.push(Buffer.from(r.bytes(r.int(4096))).toString('latin1'));
  if (r.chance(0.8)) pieces.push('ENDSEC;\n');
  if (r.chance(0.85)) pieces.push('END-ISO-10303-21;\n');
  return new Uint8Array(Buffer.from(pieces.join(''), 'latin1'));
}

function sendStep(r: Rng, bytes: Uint8Array): Promise<RawResponse> {
  if (r.chance(0.5)) {
    const chunked = r.chance(0.5);
    return rawRequest(server.url, {
      path: '/analyze',
      headers: { 'content-type': 'application/octet-stream' },
      chunks: chunked ? split(r, bytes) : [bytes],
      chunked,
    });
  }
  const body = multipartBody('fz', [{ headers: ['Content-Disposition: form-data; name="file"; filename="f.step"'], content: bytes }]);
  return rawRequest(server.url, { path: '/analyze', headers: { 'content-type': 'multipart/form-data; boundary=fz' }, chunks: [body] });
}

function split(r: Rng, bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length;) {
    const n = 1 + r.int(64 * 1024);
    out.push(bytes.subarray(at, at + n));
    at += n;
  }
  return out;
}

const PART_HEADERS = [
  ['Content-Disposition: form-data; name="file"; filename="a.step"'],
  ['Content-Disposition: form-data; name="file"'],
  ['Content-Disposition: form-data; name="result"', 'Content-Type: application/json'],
  ['Content-Disposition: form-data; name="quotation_id"'],
  ['Content-Disposition: form-data; name="persist"'],
  ['Content-Disposition: form-data; name="__proto__"'],
  ['Content-Disposition: form-data; name="fi\rle"; filename="x"'],
  ['Content-Disposition: attachment'],
  ['Content-Type: text/plain'],
  [],
];

/** A multipart body of random parts, sometimes broken (no closing boundary, wrong boundary, junk). */
function hostileMultipart(r: Rng): { headers: Record<string, string>; body: Uint8Array } {
  const step = fixtureBytes('block.step');
  const parts = Array.from({ length: r.int(13) }, () => ({
    headers: r.pick(PART_HEADERS),
    content: r.pick<string | Uint8Array>([step, 'true', 'x'.repeat(r.int(40_000)), '{"a":1}', Buffer.from(r.bytes(r.int(2048))), '']),
  }));
  let body = multipartBody('bnd', parts);
  if (r.chance(0.2)) body = body.subarray(0, r.int(body.length));
  if (r.chance(0.1)) body = Buffer.concat([Buffer.from(r.bytes(r.int(10_000))), body]);
  const type = r.pick([
    'multipart/form-data; boundary=bnd',
    'multipart/form-data; boundary=bnd',
    'multipart/form-data',
    'multipart/form-data; boundary=other',
    'multipart/mixed; boundary=bnd',
  ]);
  return { headers: { 'content-type': type }, body };
}

/** A JSON text nested `depth` levels, of arrays or objects, sometimes cut short. */
function nestedJson(r: Rng): string {
  const depth = r.pick([1, 2, 5, 10, 99, 100, 101, 1_000, 5_000, 20_000]);
  const text = r.chance(0.5) ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"k":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return r.chance(0.2) ? text.slice(0, r.int(text.length)) : text;
}

async function expectSane(res: RawResponse, what: string): Promise<void> {
  const context = `${what}: ${res.status} ${res.body.slice(0, 200)}`;
  expect(res.status, context).toBeGreaterThanOrEqual(200);
  expect(res.status, context).toBeLessThan(500);
  if (res.status >= 400) expect(CODES.has(errorCode(res)), context).toBe(true);
  const health = await timeHealth(server.url);
  expect(health.status, `${what}: /health`).toBe(200);
  expect(health.ms, `${what}: /health`).toBeLessThan(HEALTH_DEADLINE_MS);
}

describe(`fuzz (seed ${SEED.toString(16)})`, () => {
  it(`${CASES.step} hostile STEP headers, raw and multipart`, async () => {
    const r = prng(SEED);
    for (let i = 0; i < CASES.step; i++) await expectSane(await sendStep(r, hostileStep(r)), `step #${i}`);
  });

  it(`${CASES.multipart} multipart shapes`, async () => {
    const r = prng(SEED + 1);
    for (let i = 0; i < CASES.multipart; i++) {
      const { headers, body } = hostileMultipart(r);
      const path = r.pick(['/analyze', '/verify']);
      await expectSane(
        await rawRequest(server.url, { path, headers, chunks: split(r, body), chunked: r.chance(0.5), timeoutMs: 15_000 }),
        `multipart #${i} ${path}`,
      );
    }
  });

  it(`${CASES.json} /verify results nested to random depths`, async () => {
    const r = prng(SEED + 2);
    const step = fixtureBytes('box-with-hole.step');
    for (let i = 0; i < CASES.json; i++) {
      const body = multipartBody('js', [
        { headers: ['Content-Disposition: form-data; name="persist"'], content: 'false' },
        { headers: ['Content-Disposition: form-data; name="result"'], content: nestedJson(r) },
        { headers: ['Content-Disposition: form-data; name="file"; filename="box.step"'], content: step },
      ]);
      await expectSane(
        await rawRequest(server.url, { path: '/verify', headers: { 'content-type': 'multipart/form-data; boundary=js' }, chunks: [body] }),
        `json #${i}`,
      );
    }
  });
});
