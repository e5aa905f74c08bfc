/**
 * Worker faults on a one-worker pool with a one-job queue and a short time limit: a worker that
 * dies mid-job, one killed from outside, one stuck past the limit, a full queue, heap recycling.
 * Each fault fails only its own request with a typed error; the next request succeeds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../pool.ts';
import {
  bundleServer,
  fixtureBytes,
  metricValue,
  postFile,
  SHARED_DATA,
  startServer,
  testConfig,
  uniqueStep,
  until,
  type RunningServer,
} from './helpers.ts';
import { pino } from 'pino';

// Long enough for a warm box-with-hole and for the test's own steps on a heavily loaded two-core
// machine (the app runs in this process), short enough to keep the hang tests bearable.
const LIMIT_MS = 10_000;
const PLATE = join(SHARED_DATA, 'real/hierarchical-cadnet/004-15944-2_pressure_plate_MT09_18.step');
const HAS_PLATE = existsSync(PLATE);
if (!HAS_PLATE) console.warn(`\n*** ${PLATE} is absent: the real-file time-limit test is SKIPPED ***\n`);

let bundle: ReturnType<typeof bundleServer>;
let server: RunningServer;

beforeAll(async () => {
  bundle = bundleServer();
  server = await startServer(bundle.worker, testConfig({ workers: 1, maxQueue: 1, jobTimeoutMs: LIMIT_MS, lruBytes: 0 }));
});
afterAll(async () => {
  await server?.stop();
  bundle?.cleanup();
});

const box = () => fixtureBytes('box-with-hole.step');
const withHook = (hook: string) => ({ headers: { 'x-vectis-test-hook': hook } });
async function errorOf(res: Response): Promise<[number, string]> {
  return [res.status, ((await res.json()) as { error: { code: string } }).error.code];
}
async function succeeds(): Promise<void> {
  const res = await postFile(`${server.url}/analyze`, box());
  expect(res.status).toBe(200);
  expect(((await res.json()) as { part: { faces: number } }).part.faces).toBe(7);
}

describe('worker faults', () => {
  it('a worker that dies mid-job fails that job with a typed error; the next request succeeds', async () => {
    const exits = await metricValue(server.url, 'vectis_worker_exits_total', { reason: 'died' });
    expect(await errorOf(await postFile(`${server.url}/analyze`, box(), withHook('crash')))).toEqual([500, 'OCC_FAILURE']);
    await succeeds();
    expect(await metricValue(server.url, 'vectis_worker_exits_total', { reason: 'died' })).toBe(exits + 1);
    expect(await metricValue(server.url, 'vectis_jobs_total', { outcome: 'OCC_FAILURE' })).toBeGreaterThanOrEqual(1);
  });

  it('a job past the time limit is terminated (504 TIMEOUT) and its worker replaced', async () => {
    const began = Date.now();
    expect(await errorOf(await postFile(`${server.url}/analyze`, box(), withHook('hang')))).toEqual([504, 'TIMEOUT']);
    const took = Date.now() - began;
    expect(took).toBeGreaterThanOrEqual(LIMIT_MS - 50);
    // Plus the wait for a replacement worker when one is still starting.
    expect(took).toBeLessThan(LIMIT_MS + 60_000);
    await succeeds();
    expect(await metricValue(server.url, 'vectis_worker_exits_total', { reason: 'timeout' })).toBeGreaterThanOrEqual(1);
  });

  it('queue full → 503 QUEUE_FULL with Retry-After; the held jobs still finish', async () => {
    await server.ctx.pool.whenReady();
    const running = postFile(`${server.url}/analyze`, box(), withHook('hang'));
    await until(() => server.ctx.pool.busyThreadIds().length === 1, 60_000, 'a busy worker');
    // Different bytes each: identical files would share one job (single-flight), not queue twice.
    const queued = postFile(`${server.url}/analyze`, uniqueStep(box()));
    await until(() => server.ctx.pool.stats().queued === 1, 60_000, 'a queued job');
    const refused = await postFile(`${server.url}/analyze`, uniqueStep(box()));
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('QUEUE_FULL');
    expect(await errorOf(await running)).toEqual([504, 'TIMEOUT']);
    expect((await queued).status).toBe(200);
  });

  it('health stays ready through all of it', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { workers: { alive: number } }).workers.alive).toBe(1);
  });
});

function pool(options: Partial<ConstructorParameters<typeof WorkerPool>[0]>): WorkerPool {
  return new WorkerPool({
    workerFile: bundle.worker,
    size: 1,
    maxQueue: 4,
    jobTimeoutMs: 30_000,
    maxWasmHeapBytes: 0,
    maxJsHeapBytes: 0,
    maxJobsPerWorker: 0,
    resourceLimitMb: 1024,
    testHooks: false,
    logger: pino({ level: 'silent' }),
    ...options,
  });
}

describe('the pool on its own', () => {
  it('a worker killed from outside mid-job: typed error for that job, a new worker, next job succeeds', async () => {
    const p = pool({ testHooks: true, jobTimeoutMs: 120_000 });
    p.start();
    try {
      await p.whenReady();
      const job = p.run({ bytes: box(), fileName: 'a.step', maxBytes: 1e8, hook: 'hang' });
      await until(() => p.busyThreadIds().length === 1, 60_000, 'a busy worker');
      await p.kill(p.busyThreadIds()[0]!);
      await expect(job).rejects.toMatchObject({ name: 'AnalysisError', code: 'OCC_FAILURE' });
      const next = await p.run({ bytes: box(), fileName: 'b.step', maxBytes: 1e8 });
      expect(JSON.parse(next.json).part.faces).toBe(7);
    } finally {
      await p.close(1_000);
    }
  });

  it.skipIf(!HAS_PLATE)('terminates a real analysis (WASM, not a test hook) past the limit, and starts a new worker', async () => {
    const p = pool({ jobTimeoutMs: 300 });
    const exits: string[] = [];
    p.on('worker-exit', (e) => exits.push(e.reason));
    p.start();
    try {
      await p.whenReady();
      // The 669-face plate takes 1.7 s warm on an idle machine; 0.3 s is far too little.
      await expect(p.run({ bytes: new Uint8Array(readFileSync(PLATE)), fileName: 'plate.step', maxBytes: 1e8 })).rejects.toMatchObject({
        code: 'TIMEOUT',
      });
      await until(() => exits.includes('timeout') && p.ready, 60_000, 'a replacement worker');
    } finally {
      await p.close(1_000);
    }
  });

  it('replaces a worker whose WASM heap passed the threshold, between jobs', async () => {
    const p = pool({ maxWasmHeapBytes: 1 }); // every job passes it
    const exits: string[] = [];
    p.on('worker-exit', (e) => exits.push(e.reason));
    p.start();
    try {
      const first = await p.run({ bytes: box(), fileName: 'a.step', maxBytes: 1e8 });
      const second = await p.run({ bytes: box(), fileName: 'b.step', maxBytes: 1e8 });
      expect(JSON.parse(first.json).part.faces).toBe(7);
      expect(JSON.parse(second.json).part.faces).toBe(7);
      await until(() => exits.length >= 2, 60_000, 'two recycles');
      expect(exits.slice(0, 2)).toEqual(['recycle-heap', 'recycle-heap']);
    } finally {
      await p.close(1_000);
    }
  });
});
