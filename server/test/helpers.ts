/**
 * Test helpers: the server bundle (the very files the image runs), configs, servers in-process or
 * as child processes, multipart uploads, and TCP proxies that can take Postgres or Redis "down".
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { buildApp, type VectisServer } from '../app.ts';
import { loadConfig, type ServerConfig } from '../config.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'fixtures');
export const SHARED_DATA = resolve(ROOT, '..', 'shared', 'data');

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/**
 * The same part with different bytes (and so a different sha256: a cache miss): a STEP comment
 * after the magic line.
 */
export function uniqueStep(bytes: Uint8Array, tag = `${Date.now()}-${Math.random()}`): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const at = text.indexOf('ISO-10303-21;') + 'ISO-10303-21;'.length;
  return new Uint8Array(Buffer.from(`${text.slice(0, at)}\n/* ${tag} */${text.slice(at)}`, 'latin1'));
}

/** Bundles server/ into a directory of its own (inside the repo, so node_modules resolves). */
export function bundleServer(): { dir: string; worker: URL; index: string; cleanup(): void } {
  const base = join(ROOT, 'node_modules', '.cache', 'vectis-server-test');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `${process.pid}-`));
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-server.mjs'), '--out', dir, '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  return {
    dir,
    worker: new URL(`file://${join(dir, 'worker.mjs')}`),
    index: join(dir, 'index.mjs'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `vectis-${prefix}-`));
}

/** Defaults for tests: one worker, no persistence, no Redis, test hooks on, quiet logs. */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  const base = loadConfig({});
  return {
    ...base,
    port: 0,
    workers: 1,
    persistence: false,
    redisUrl: undefined,
    databaseUrl: undefined,
    staticDir: join(ROOT, 'node_modules', '.cache', 'vectis-no-static'),
    testHooks: true,
    logLevel: 'warn',
    rateLimitMax: 10_000,
    ...overrides,
  };
}

export interface LogCapture {
  lines: Record<string, unknown>[];
}

export interface RunningServer extends VectisServer {
  url: string;
  logs: LogCapture;
  stop(): Promise<void>;
}

/** Builds an app on the bundled worker, listens on a free port, waits for a started engine. */
export async function startServer(
  worker: URL,
  config: ServerConfig,
  options: { waitReady?: boolean; pipelineVersion?: string } = {},
): Promise<RunningServer> {
  const logs: LogCapture = { lines: [] };
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level: config.logLevel }, sink);
  const server = await buildApp({
    config,
    workerFile: worker,
    logger,
    migrationsDir: join(ROOT, 'supabase/migrations'),
    pipelineVersion: options.pipelineVersion,
  });
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  if (options.waitReady !== false) await server.ctx.pool.whenReady();
  return { ...server, url: `http://127.0.0.1:${port}`, logs, stop: () => server.shutdown(10_000) };
}

export interface UploadOptions {
  name?: string;
  fields?: Record<string, string>;
  headers?: Record<string, string>;
  result?: string;
}

/** POST a file as multipart/form-data (the browser's way). */
export function postFile(url: string, bytes: Uint8Array, options: UploadOptions = {}): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(options.fields ?? {})) form.append(k, v);
  if (options.result !== undefined) form.append('result', options.result);
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), options.name ?? 'part.step');
  return fetch(url, { method: 'POST', body: form, headers: options.headers });
}

/** POST the raw STEP bytes. */
export function postRaw(url: string, bytes: Uint8Array, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', body: bytes as Uint8Array<ArrayBuffer>, headers: { 'content-type': 'application/octet-stream', ...headers } });
}

/** The result without the server's envelope (corrections included) and the host-dependent timings. */
export function comparable(result: Record<string, unknown>): Record<string, unknown> {
  const {
    id: _id,
    persisted: _p,
    cache: _c,
    pipelineVersion: _v,
    timings: _t,
    quotation_id: _q,
    line_item_id: _l,
    created_at: _ca,
    corrections: _co,
    thumbnail_url: _th,
    ...rest
  } = result;
  return rest;
}

export async function metricValue(url: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(\{[^}]*\})?\s+([0-9.eE+-]+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    if (want.every((w) => (m[2] ?? '').includes(w))) total += Number(m[3]);
  }
  return total;
}

/** A TCP forwarder that can be taken down (refuses and cuts every connection) and brought back. */
export class FlakyProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async up(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      this.sockets.add(client).add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const a = server.address();
    this.port = typeof a === 'object' && a ? a.port : 0;
    this.server = server;
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export interface ChildServer {
  url: string;
  proc: ChildProcess;
  output: () => string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs the bundled server as its own process (what `npm start` and the image run). */
export async function spawnServer(index: string, env: Record<string, string>, readyTimeoutMs = 180_000): Promise<ChildServer> {
  const port = await freePort();
  const proc = spawn(process.execPath, [index], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: String(port),
      HOST: '127.0.0.1',
      STATIC_DIR: join(ROOT, 'node_modules/.cache/vectis-no-static'),
      WORKERS: '1',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  // Never leave a server behind when the test process ends early (a timeout, an interrupt).
  const orphanGuard = () => proc.kill('SIGKILL');
  process.once('exit', orphanGuard);
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => {
      process.off('exit', orphanGuard);
      resolve(code);
    }),
  );
  const began = Date.now();
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}:\n${out}`);
    try {
      const r = await fetch(`${url}/health`);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - began > readyTimeoutMs) {
      proc.kill('SIGKILL');
      throw new Error(`server not ready after ${readyTimeoutMs} ms:\n${out}`);
    }
    await sleep(200);
  }
  return {
    url,
    proc,
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      if (proc.exitCode === null) proc.kill(signal);
      return exited;
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function until(check: () => Promise<boolean> | boolean, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const began = Date.now();
  while (!(await check())) {
    if (Date.now() - began > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * Real services: DATABASE_URL_TEST (a Postgres superuser URL) and REDIS_URL_TEST. Absent locally:
 * those tests skip loudly. In CI (.ci/run sets VECTIS_REQUIRE_SERVICES=1) absence is a failure.
 */
export const DATABASE_URL_TEST = process.env.DATABASE_URL_TEST;
export const REDIS_URL_TEST = process.env.REDIS_URL_TEST;
export const REQUIRE_SERVICES = process.env.VECTIS_REQUIRE_SERVICES === '1';

/**
 * A database of its own on the DATABASE_URL_TEST server, for one test file: its URL, and drop()
 * (forced: a server under test may still hold connections).
 */
export async function scratchDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: postgres } = await import('postgres');
  const admin = postgres(DATABASE_URL_TEST!, { max: 1, onnotice: () => undefined });
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  await admin.unsafe(`create database ${name}`);
  const u = new URL(DATABASE_URL_TEST!);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await admin.end();
    },
  };
}

export function skipNotice(what: string, variable: string): void {
  const message = `\n*** ${variable} is not set: ${what} tests are SKIPPED (set it, or run .ci/run) ***\n`;
  if (REQUIRE_SERVICES) throw new Error(message);
  console.warn(message);
}
