/**
 * Server configuration: every knob comes from the environment, with defaults that make
 * `npm start` work on one machine with nothing else installed (PGlite in ./data, no Redis,
 * no auth keys: write endpoints open, with a warning in the log).
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { modelFromSetting } from '../src/analysis/hosts/node.ts';
import { parseTrustProxy, type TrustProxy } from './proxy-trust.ts';

export interface ServerConfig {
  host: string;
  port: number;
  /** Largest accepted STEP upload, checked while the body streams in. */
  maxUploadBytes: number;
  /** Largest client result JSON accepted by /verify. */
  maxResultBytes: number;
  /** Upload requests (/analyze, /verify) in flight at once; one more is answered 503 + Retry-After. */
  maxConcurrentUploads: number;
  /** A request must arrive whole within this (Node's requestTimeout; 408), and an idle socket is closed after it. */
  requestTimeoutMs: number;
  /** A multipart body that sends nothing for this long is refused (408 REQUEST_TIMEOUT). */
  bodyIdleTimeoutMs: number;
  /** How long a file's own failure (unparseable, no solid, trap, timeout) is answered from memory (0: never). */
  failureCacheTtlMs: number;
  /** Analysis worker threads. */
  workers: number;
  /** Jobs waiting for a worker beyond those running; one more is answered 503 + Retry-After. */
  maxQueue: number;
  /** Per-job limit; the worker is terminated when it runs past it (WASM cannot be interrupted). */
  jobTimeoutMs: number;
  /** A worker whose WASM heap passes this is replaced after its current job (OCC leaks). */
  workerMaxWasmHeapBytes: number;
  /** Same for the worker's own V8 heap. */
  workerMaxJsHeapBytes: number;
  /** Replace a worker after this many jobs (0: never). */
  workerMaxJobs: number;
  /** V8 old-generation cap of each worker; past it the worker dies with OUT_OF_MEMORY. */
  workerResourceLimitMb: number;
  /** BRepNet ONNX model for the 'infer' stage (MODEL_PATH; default the shipped one, 'none': no ML stage). */
  modelPath?: string;
  /** PGlite data directory when no DATABASE_URL. */
  dataDir: string;
  databaseUrl?: string;
  /** 'on' (default) or 'off': no persistence at all (persist=true answers 503). */
  persistence: boolean;
  /** Apply supabase/migrations at start (idempotent, under an advisory lock). */
  migrate: boolean;
  redisUrl?: string;
  /** In-process LRU budget (bytes of result JSON). 0 disables the LRU. */
  lruBytes: number;
  /** Redis TTL of a cached result. */
  cacheTtlSeconds: number;
  apiKeys: string[];
  supabaseJwtSecret?: string;
  /** The `aud` a Supabase user token must carry (SUPABASE_JWT_AUDIENCE, default 'authenticated'). */
  supabaseJwtAudience: string;
  /** Accepted `iss` values (SUPABASE_JWT_ISSUER, comma list); empty: not checked. */
  supabaseJwtIssuers: string[];
  /** Bearer token for GET /metrics once the API is locked; unset there: no /metrics at all. */
  metricsToken?: string;
  /** Refuse to start when no API key or JWT secret is configured (production). */
  authRequired: boolean;
  corsOrigins: string[];
  rateLimitMax: number;
  rateLimitWindowMs: number;
  /** Failed authentications one address may make per window before it is refused (429). */
  authFailureMax: number;
  authFailureWindowMs: number;
  /** X-Forwarded-For hops to believe: a count of our proxies, or their addresses (see proxy-trust.ts). */
  trustProxy: TrustProxy;
  /** Built web app served on the same port (vite build output). */
  staticDir: string;
  /** Time allowed for in-flight jobs to finish on SIGTERM before the process exits anyway. */
  shutdownTimeoutMs: number;
  sentryDsn?: string;
  logLevel: string;
  /** Test-only: honour `x-vectis-test-hook` (hang, crash) so fault paths can be driven. Never in production. */
  testHooks: boolean;
}

const MB = 1024 * 1024;

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return Math.floor(n);
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw);
}

function list(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

/** One worker per core, keeping one core for HTTP, JSON and the database on bigger machines. */
export function defaultWorkers(cores = availableParallelism()): number {
  return cores <= 2 ? cores : cores - 1;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  // MAX_UPLOAD_BYTES wins over MAX_UPLOAD_MB (tests use a few kilobytes).
  const maxUploadBytes = env.MAX_UPLOAD_BYTES ? int(env, 'MAX_UPLOAD_BYTES', 0) : int(env, 'MAX_UPLOAD_MB', 100) * MB;
  const workers = Math.max(1, int(env, 'WORKERS', defaultWorkers()));
  const maxQueue = int(env, 'MAX_QUEUE', 8 * workers);
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port: int(env, 'PORT', 8080),
    maxUploadBytes,
    maxResultBytes: int(env, 'MAX_RESULT_MB', 0) * MB || 2 * maxUploadBytes,
    // As many as can be running or queued: more could only be refused by the queue anyway.
    maxConcurrentUploads: Math.max(1, int(env, 'MAX_CONCURRENT_UPLOADS', workers + maxQueue)),
    requestTimeoutMs: int(env, 'REQUEST_TIMEOUT_MS', 120_000),
    bodyIdleTimeoutMs: int(env, 'BODY_IDLE_TIMEOUT_MS', 15_000),
    failureCacheTtlMs: int(env, 'FAILURE_CACHE_TTL_SECONDS', 3600) * 1000,
    workers,
    maxQueue,
    jobTimeoutMs: int(env, 'JOB_TIMEOUT_MS', 30_000),
    workerMaxWasmHeapBytes: int(env, 'WORKER_MAX_WASM_HEAP_MB', 768) * MB,
    workerMaxJsHeapBytes: int(env, 'WORKER_MAX_JS_HEAP_MB', 1024) * MB,
    workerMaxJobs: int(env, 'WORKER_MAX_JOBS', 0),
    workerResourceLimitMb: int(env, 'WORKER_OLD_SPACE_MB', 2048),
    // The browser runs the shipped model, so the server does too unless told otherwise.
    modelPath: modelFromSetting(env.MODEL_PATH),
    dataDir: resolve(env.DATA_DIR?.trim() || 'data'),
    databaseUrl: optional(env, 'DATABASE_URL'),
    persistence: (env.PERSISTENCE ?? 'on').trim().toLowerCase() !== 'off',
    migrate: bool(env, 'DB_MIGRATE', true),
    redisUrl: optional(env, 'REDIS_URL'),
    lruBytes: int(env, 'CACHE_LRU_MB', 256) * MB,
    cacheTtlSeconds: int(env, 'CACHE_TTL_SECONDS', 7 * 24 * 3600),
    apiKeys: list(env, 'API_KEYS'),
    supabaseJwtSecret: optional(env, 'SUPABASE_JWT_SECRET'),
    supabaseJwtAudience: env.SUPABASE_JWT_AUDIENCE?.trim() || 'authenticated',
    supabaseJwtIssuers: list(env, 'SUPABASE_JWT_ISSUER'),
    metricsToken: optional(env, 'METRICS_TOKEN'),
    authRequired: bool(env, 'AUTH_REQUIRED', false),
    corsOrigins: list(env, 'CORS_ORIGINS'),
    rateLimitMax: int(env, 'RATE_LIMIT_MAX', 600),
    rateLimitWindowMs: int(env, 'RATE_LIMIT_WINDOW_MS', 60_000),
    authFailureMax: int(env, 'AUTH_FAILURE_MAX', 20),
    authFailureWindowMs: int(env, 'AUTH_FAILURE_WINDOW_MS', 5 * 60_000),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    staticDir: resolve(env.STATIC_DIR?.trim() || 'dist'),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 40_000),
    sentryDsn: optional(env, 'SENTRY_DSN'),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    testHooks: bool(env, 'VECTIS_TEST_HOOKS', false),
  };
}
