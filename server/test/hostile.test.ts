/**
 * Attacks on the upload path (issue 12), each against a real server on a real socket: a header
 * that made the header check crawl, text-field floods, chunked bodies past the limit, too many
 * uploads at once. Each must be refused quickly with a 4xx (or 503 + Retry-After) while /health
 * keeps answering within a second.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer, postFile, postRaw, startServer, testConfig, type RunningServer } from './helpers.ts';
import { errorCode, rawRequest, timeHealth } from './raw-http.ts';

let bundle: ReturnType<typeof bundleServer>;
let server: RunningServer;

beforeAll(async () => {
  bundle = bundleServer();
  server = await startServer(bundle.worker, testConfig({ lruBytes: 0 }));
});
afterAll(async () => {
  await server?.stop();
  bundle?.cleanup();
});

const text = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

/** Probes /health until `work` settles; every probe must be answered 200 within a second. */
async function healthWhile<T>(work: Promise<T>): Promise<T> {
  let settled = false;
  const watched = work.finally(() => (settled = true));
  const probes: { ms: number; status: number }[] = [];
  while (!settled && probes.length < 50) probes.push(await timeHealth(server.url));
  const out = await watched;
  for (const p of probes) {
    expect(p.status).toBe(200);
    expect(p.ms).toBeLessThan(1000);
  }
  return out;
}

async function codeOf(res: Response): Promise<[number, string]> {
  return [res.status, ((await res.json()) as { error: { code: string } }).error.code];
}

describe('header check', () => {
  // Before the fix /^\s*DATA\s*;/m over the whole upload took 11-15 s on this file, on the main
  // thread: /health went unanswered for as long.
  const blankLines = text(`ISO-10303-21;\n${'\n'.repeat(100_000)}END-ISO-10303-21;\n`);

  it('a STEP magic followed by 100,000 blank lines is refused at once, raw or multipart', async () => {
    expect(await healthWhile(postRaw(`${server.url}/analyze`, blankLines).then(codeOf))).toEqual([422, 'EMPTY']);
    expect(await healthWhile(postFile(`${server.url}/analyze`, blankLines).then(codeOf))).toEqual([422, 'EMPTY']);
  });

  it('the same file sent chunked, a slice at a time', async () => {
    const chunks = Array.from({ length: 10 }, (_, i) => blankLines.subarray(i * 10_004, (i + 1) * 10_004));
    const res = await healthWhile(
      rawRequest(server.url, { path: '/analyze', headers: { 'content-type': 'application/octet-stream' }, chunks, chunked: true }),
    );
    expect([res.status, errorCode(res)]).toEqual([422, 'EMPTY']);
  });
});
