/**
 * The Supabase edge function `analyze-cad` under real Deno (the `deno` devDependency's binary),
 * in front of the real server: an upload goes through with the function's API key, the caller's
 * correlation id reaches the server (its log) and comes back, and an analysis that outlasts the
 * function's timeout becomes 504 TIMEOUT. Skips loudly where the Deno binary cannot run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleServer,
  fixtureBytes,
  freePort,
  postFile,
  ROOT,
  startServer,
  tempDir,
  testConfig,
  uniqueStep,
  until,
  type RunningServer,
} from './helpers.ts';

const KEY = 'edge-function-key';
const TIMEOUT_MS = 2_000;

function denoBinary(): string | undefined {
  try {
    const bin = join(createRequire(import.meta.url).resolve('deno/package.json'), '..', 'bin.cjs');
    const probe = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8', timeout: 60_000 });
    return probe.status === 0 && /^deno \d/.test(probe.stdout) ? bin : undefined;
  } catch {
    return undefined;
  }
}

const DENO = denoBinary();
if (!DENO) console.warn('\n*** the deno binary (npm package "deno") cannot run here: the edge-function tests under Deno are SKIPPED ***\n');

describe.skipIf(!DENO)('supabase/functions/analyze-cad under Deno, against the real server', () => {
  let bundle: ReturnType<typeof bundleServer>;
  let server: RunningServer;
  let fn: ChildProcess;
  let fnUrl = '';
  let fnOutput = '';

  beforeAll(async () => {
    bundle = bundleServer();
    server = await startServer(bundle.worker, testConfig({ apiKeys: [KEY], logLevel: 'info' }));
    const port = await freePort();
    // The function's own entry (Deno.serve with the secrets from the environment), unchanged.
    fn = spawn(process.execPath, [DENO!, 'run', '--allow-net', '--allow-env', join(ROOT, 'supabase/functions/analyze-cad/index.ts')], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DENO_DIR: tempDir('deno'),
        DENO_NO_UPDATE_CHECK: '1',
        DENO_SERVE_ADDRESS: `tcp:127.0.0.1:${port}`,
        ANALYZER_URL: server.url,
        ANALYZER_API_KEY: KEY,
        ANALYZER_TIMEOUT_MS: String(TIMEOUT_MS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // npm's deno package is a Node launcher that starts the real binary as its child: a group of
      // their own lets afterAll stop both (killing the launcher alone left Deno running after CI).
      detached: true,
    });
    fn.stdout!.on('data', (d: Buffer) => (fnOutput += d.toString()));
    fn.stderr!.on('data', (d: Buffer) => (fnOutput += d.toString()));
    fnUrl = `http://127.0.0.1:${port}`;
    await until(() => fnOutput.includes('Listening on') || fn.exitCode !== null, 60_000, 'Deno to listen');
    if (fn.exitCode !== null) throw new Error(`deno exited ${fn.exitCode}:\n${fnOutput}`);
  }, 240_000);
  afterAll(async () => {
    if (fn?.pid !== undefined && fn.exitCode === null) {
      const exited = new Promise((done) => fn.once('exit', done));
      process.kill(-fn.pid, 'SIGTERM');
      await exited;
    }
    await server?.stop();
    bundle?.cleanup();
  });

  it("forwards an upload with its API key and the caller's correlation id; the server's answer comes back", async () => {
    const res = await postFile(`${fnUrl}/analyze-cad`, fixtureBytes('box-with-hole.step'), {
      name: 'box.step',
      headers: { 'x-correlation-id': 'edge-corr-7' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-correlation-id')).toBe('edge-corr-7');
    const body = (await res.json()) as { part: { faces: number }; file: { name: string } };
    expect(body.part.faces).toBe(7);
    expect(body.file.name).toBe('box.step');
    // The server saw the same id on its own log lines for that request.
    expect(server.logs.lines.some((l) => l.correlationId === 'edge-corr-7' && l.msg === 'analyze')).toBe(true);
    expect(fnOutput).toMatch(/"correlationId":"edge-corr-7".*"status":200/);
  });

  it("passes the server's refusals through (a non-STEP upload is 422 NOT_STEP)", async () => {
    const res = await postFile(`${fnUrl}/analyze-cad`, new TextEncoder().encode('%PDF-1.7 not a part'));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_STEP');
  });

  it("an analysis that outlasts the function's timeout answers 504 TIMEOUT", async () => {
    // The server's one worker is held by a hanging job; the function's request waits in the queue.
    const blocker = postFile(`${server.url}/analyze`, uniqueStep(fixtureBytes('box-with-hole.step')), {
      headers: { authorization: `Bearer ${KEY}`, 'x-vectis-test-hook': 'hang' },
    });
    await until(() => server.ctx.pool.busyThreadIds().length === 1, 60_000, 'a busy worker');
    const began = Date.now();
    const res = await postFile(`${fnUrl}/analyze-cad`, uniqueStep(fixtureBytes('box-with-hole.step')), {
      headers: { 'x-correlation-id': 'edge-slow' },
    });
    expect(res.status).toBe(504);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('TIMEOUT');
    expect(res.headers.get('x-correlation-id')).toBe('edge-slow');
    expect(Date.now() - began).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
    await server.ctx.pool.kill(server.ctx.pool.busyThreadIds()[0]!);
    await blocker;
  }, 120_000);
});
