/**
 * Bad files and abandoned requests (issue 12, item 7), on a real server: garbage after a valid
 * STEP header is the file's fault (422 INVALID_STEP, not 500); a file that failed on its own
 * account is answered from the failure cache when it comes again, without another job; and a
 * job whose client went away is cancelled in its worker.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisError } from '../../src/analysis/index.ts';
import { FailureCache } from '../failure-cache.ts';
import {
  bundleServer,
  fixtureBytes,
  metricValue,
  postFile,
  postRaw,
  startServer,
  testConfig,
  uniqueStep,
  until,
  type RunningServer,
} from './helpers.ts';

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

/** A fixture's own header over a DATA section the STEP reader cannot parse (an unterminated instance). */
function garbageAfterHeader(tag: string): Uint8Array {
  const text = Buffer.from(fixtureBytes('block.step')).toString('latin1');
  const head = text.slice(0, text.indexOf('\nDATA;\n'));
  return new Uint8Array(Buffer.from(`${head}\nDATA;\n#1 = CARTESIAN_POINT('${tag}',(0.,0.,0.);\nENDSEC;\nEND-ISO-10303-21;\n`, 'latin1'));
}

/**
 * A fixture whose millimetre unit is replaced by a conversion unit of 1e30 mm: the engine trapped
 * ("null function or function signature mismatch") on the cylinder's astronomically large faces.
 */
function hugeUnit(name: string): Uint8Array {
  const text = Buffer.from(fixtureBytes(name)).toString('latin1');
  const unit = /#(\d+) = \( LENGTH_UNIT\(\) NAMED_UNIT\(\*\) SI_UNIT\(\.MILLI\.,\.METRE\.\) \);/.exec(text);
  if (!unit) throw new Error(`${name} declares no millimetre unit`);
  const huge = [
    `#${unit[1]} = ( CONVERSION_BASED_UNIT('HUGE',#900001) LENGTH_UNIT() NAMED_UNIT(#900002) );`,
    '#900001 = LENGTH_MEASURE_WITH_UNIT(LENGTH_MEASURE(1.E+30),#900003);',
    '#900002 = DIMENSIONAL_EXPONENTS(1.,0.,0.,0.,0.,0.,0.);',
    '#900003 = ( LENGTH_UNIT() NAMED_UNIT(*) SI_UNIT(.MILLI.,.METRE.) );',
  ].join('\n');
  return new Uint8Array(Buffer.from(text.replace(unit[0], huge), 'latin1'));
}

async function codeOf(res: Response): Promise<[number, string]> {
  return [res.status, ((await res.json()) as { error: { code: string } }).error.code];
}

const jobs = (outcome: string) => metricValue(server.url, 'vectis_jobs_total', { outcome });

describe('bad files are 4xx', () => {
  it('garbage after a valid header → 422 INVALID_STEP', async () => {
    expect(await codeOf(await postRaw(`${server.url}/analyze`, garbageAfterHeader('a')))).toEqual([422, 'INVALID_STEP']);
    expect(await codeOf(await postFile(`${server.url}/analyze`, garbageAfterHeader('b')))).toEqual([422, 'INVALID_STEP']);
  });
});

describe('failure cache', () => {
  it('a file that failed in a worker is answered again from memory: same code, no second job', async () => {
    const bytes = garbageAfterHeader('cached');
    const before = await jobs('INVALID_STEP');
    expect(await codeOf(await postRaw(`${server.url}/analyze`, bytes))).toEqual([422, 'INVALID_STEP']);
    expect(await jobs('INVALID_STEP')).toBe(before + 1);
    expect(await codeOf(await postRaw(`${server.url}/analyze`, bytes))).toEqual([422, 'INVALID_STEP']);
    expect(await codeOf(await postFile(`${server.url}/analyze`, bytes))).toEqual([422, 'INVALID_STEP']);
    expect(await jobs('INVALID_STEP')).toBe(before + 1);
    // Other bytes are another file: analysed.
    expect(await codeOf(await postRaw(`${server.url}/analyze`, garbageAfterHeader('other')))).toEqual([422, 'INVALID_STEP']);
    expect(await jobs('INVALID_STEP')).toBe(before + 2);
  });

  // The engine trapped on this file (a WebAssembly trap: 500 OCC_FAILURE and a retired worker);
  // the unit check now refuses it in the worker before the engine reads it, and repeats are
  // answered from the failure cache.
  it('a 1e30 mm length unit is refused before the engine: 422, no worker retired, one job', async () => {
    const bytes = hugeUnit('cylinder.step');
    const exits = await metricValue(server.url, 'vectis_worker_exits_total', { reason: 'engine-broken' });
    const refused = await jobs('INVALID_STEP');
    for (let i = 0; i < 3; i++) expect(await codeOf(await postRaw(`${server.url}/analyze`, bytes))).toEqual([422, 'INVALID_STEP']);
    expect(await jobs('INVALID_STEP')).toBe(refused + 1);
    expect(await metricValue(server.url, 'vectis_worker_exits_total', { reason: 'engine-broken' })).toBe(exits);
  });

  it("remembers only failures that are the file's own, for a limited time, within a bound", async () => {
    const cache = new FailureCache(60_000, 2);
    for (const code of ['OCC_FAILURE', 'TIMEOUT', 'OUT_OF_MEMORY', 'NO_SOLID', 'INVALID_STEP'] as const) {
      expect(cache.remember(code, new AnalysisError(code, 'x'))).toBe(true);
    }
    for (const code of ['CANCELLED', 'INTERNAL', 'MODEL_UNAVAILABLE'] as const) {
      expect(cache.remember(code, new AnalysisError(code, 'x'))).toBe(false);
    }
    expect(cache.remember('plain', new Error('not an analysis error'))).toBe(false);
    // Bounded: the oldest went.
    expect(cache.get('OCC_FAILURE')).toBeUndefined();
    expect(cache.get('INVALID_STEP')?.code).toBe('INVALID_STEP');
    const expired = new FailureCache(1);
    expired.remember('f', new AnalysisError('TIMEOUT', 'x'));
    await new Promise((r) => setTimeout(r, 5));
    expect(expired.get('f')).toBeUndefined();
  });
});

describe('abandoned requests', () => {
  it('a client that goes away mid-analysis gets its job cancelled in the worker, which stays', async () => {
    const cancelled = await jobs('CANCELLED');
    const exits = await metricValue(server.url, 'vectis_worker_exits_total');
    // `slow` holds the worker 2 s before the real analysis: the client leaves meanwhile.
    const socket = await sendAndHold(uniqueStep(fixtureBytes('box-with-hole.step')), { 'x-vectis-test-hook': 'slow' });
    await until(() => server.ctx.pool.busyThreadIds().length === 1, 30_000, 'a busy worker');
    socket.destroy();
    await until(async () => (await jobs('CANCELLED')) === cancelled + 1, 30_000, 'a cancelled job');
    expect(await metricValue(server.url, 'vectis_worker_exits_total')).toBe(exits);
    expect((await postRaw(`${server.url}/analyze`, uniqueStep(fixtureBytes('box-with-hole.step')))).status).toBe(200);
  });
});

/** Sends a whole raw /analyze request and keeps the socket open without reading the answer. */
function sendAndHold(bytes: Uint8Array, headers: Record<string, string>): Promise<Socket> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      const head = Object.entries({ host: 'x', 'content-type': 'application/octet-stream', 'content-length': String(bytes.length), ...headers })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      socket.write(`POST /analyze HTTP/1.1\r\n${head}\r\n`);
      socket.write(bytes);
      resolve(socket);
    });
    socket.on('error', reject);
  });
}
