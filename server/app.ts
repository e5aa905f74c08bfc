/**
 * The fastify app: API routes, the built web app on the same port, and the services behind them
 * (worker pool, cache, store, metrics). `buildApp` wires everything; `server/index.ts` listens
 * and handles signals. Tests build apps with their own configs and `inject()` or listen.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import { AnalysisError } from '../src/analysis/index.ts';
import { AuthFailureLimiter } from './auth-failures.ts';
import { createAuthenticator, type Principal } from './auth.ts';
import { ResultCache } from './cache.ts';
import type { ServerConfig } from './config.ts';
import { HttpError, statusForAnalysisCode } from './errors.ts';
import { createMetrics } from './metrics.ts';
import { PoolClosedError, QueueFullError, WorkerPool } from './pool.ts';
import { refuseRepeatedParameters } from './query-params.ts';
import { contentSecurityPolicyFor, SECURITY_HEADERS } from './security-headers.ts';
import { fastifyTrustProxy } from './proxy-trust.ts';
import { analysesRoutes } from './routes/analyses.ts';
import { analyzeRoutes } from './routes/analyze.ts';
import { correctionRoutes } from './routes/corrections.ts';
import { opsRoutes } from './routes/ops.ts';
import { reportRoutes } from './routes/reports.ts';
import { verifyRoutes } from './routes/verify.ts';
import { createErrorReporter } from './sentry.ts';
import { createAnalyzer, type AppContext } from './service.ts';
import { Store, StoreUnavailableError } from './store/store.ts';
import { MAX_FIELD_BYTES } from './multipart.ts';
import { requestTimeouts } from './timeouts.ts';
import { verifyWorkerBeside } from './verify-runner.ts';
import { ThumbnailRunner, thumbnailWorkerBeside } from './thumbnail/thumbnail-runner.ts';
import { RAW_TYPES } from './upload.ts';
import { pipelineVersion as computePipelineVersion } from './version.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export interface AppOptions {
  config: ServerConfig;
  /** The worker entry: dist-server/worker.mjs (bundle) or server/worker-dev.mjs (tsx). */
  workerFile: URL | string;
  logger?: Logger;
  migrationsDir?: string;
  pipelineVersion?: string;
}

export interface VectisServer {
  app: FastifyInstance;
  ctx: AppContext;
  /** Stops taking work, lets in-flight requests and jobs finish, closes everything. */
  shutdown(timeoutMs?: number): Promise<void>;
}

/** Cross-origin isolation for the web app (SharedArrayBuffer, threaded WASM). */
const ISOLATION = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
};

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export async function buildApp(options: AppOptions): Promise<VectisServer> {
  const { config } = options;
  const logger = options.logger ?? pino({ level: config.logLevel, base: { service: 'vectis' } });
  const pipelineVersion = options.pipelineVersion ?? computePipelineVersion(options.workerFile, config.modelPath);

  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Every log line of a request carries its correlation id (pino child logger per request);
    // health checks and scrapes are not logged.
    logController: new LogController({
      requestIdLogLabel: 'correlationId',
      disableRequestLogging: (request) => request.url === '/health' || request.url === '/metrics',
    }),
    genReqId: (req) => {
      const h = req.headers['x-correlation-id'];
      const v = Array.isArray(h) ? h[0] : h;
      return v && CORRELATION_ID.test(v) ? v : randomUUID();
    },
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: 1024 * 1024,
    ...requestTimeouts(config),
    // Let in-flight requests finish on close; only idle keep-alive sockets are cut.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });

  const pool = new WorkerPool({
    workerFile: options.workerFile,
    size: config.workers,
    maxQueue: config.maxQueue,
    jobTimeoutMs: config.jobTimeoutMs,
    maxWasmHeapBytes: config.workerMaxWasmHeapBytes,
    maxJsHeapBytes: config.workerMaxJsHeapBytes,
    maxJobsPerWorker: config.workerMaxJobs,
    resourceLimitMb: config.workerResourceLimitMb,
    testHooks: config.testHooks,
    modelPath: config.modelPath,
    logger: logger.child({ component: 'pool' }),
  });
  const metrics = createMetrics(pool);
  const store = config.persistence
    ? new Store({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        migrationsDir: options.migrationsDir ?? resolve('supabase/migrations'),
        migrate: config.migrate,
        log: logger.child({ component: 'store' }),
      })
    : undefined;
  const redis = config.redisUrl ? connectRedis(config.redisUrl, logger.child({ component: 'redis' })) : undefined;
  const cache = new ResultCache({
    pipelineVersion,
    lruBytes: config.lruBytes,
    redis,
    ttlSeconds: config.cacheTtlSeconds,
    store,
    metrics,
    log: logger.child({ component: 'cache' }),
  });
  const auth = createAuthenticator(config.apiKeys, config.supabaseJwtSecret, {
    audience: config.supabaseJwtAudience,
    issuers: config.supabaseJwtIssuers,
  });
  if (!auth.enabled) {
    if (config.authRequired) throw new Error('AUTH_REQUIRED is set but neither API_KEYS nor SUPABASE_JWT_SECRET is configured.');
    logger.warn('no API_KEYS or SUPABASE_JWT_SECRET: the API is open to anyone who can reach this port');
  }
  const reporter = await createErrorReporter(config.sentryDsn, logger, pipelineVersion);
  const authFailures = new AuthFailureLimiter(config.authFailureMax, config.authFailureWindowMs);
  const base = { config, pool, cache, store, redis, metrics, auth, authFailures, reporter, pipelineVersion, state: { draining: false, uploads: 0 } };
  const ctx: AppContext = { ...base, analyzeUpload: createAnalyzer(base) };

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-correlation-id', request.id);
    reply.headers(SECURITY_HEADERS).header('content-security-policy', contentSecurityPolicyFor(request.url));
    refuseRepeatedParameters(request.query);
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  await app.register(cors, {
    origin: (origin, cb) => cb(null, !!origin && config.corsOrigins.includes(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'x-correlation-id', 'x-file-name'],
    exposedHeaders: ['x-correlation-id', 'retry-after', 'x-cache'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: false,
    // Per client: the authenticated principal (the route guard ran before this hook), never the
    // header's spelling; the address when the server is open (no auth configured).
    keyGenerator: (request) => {
      const p = request.principal;
      return p && p.kind !== 'anonymous' ? `principal:${p.id}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) => {
      const e = new HttpError(429, 'RATE_LIMITED', `Too many requests: at most ${context.max} per ${context.after}.`, {
        'retry-after': String(Math.ceil(context.ttl / 1000)),
      });
      return Object.assign(e, { statusCode: 429 });
    },
  });
  // Each route reads with limits of its own (multipart.ts); these only back them up.
  await app.register(multipart, {
    limits: {
      fileSize: Math.max(config.maxUploadBytes, config.maxResultBytes),
      fieldSize: MAX_FIELD_BYTES,
      files: 2,
      fields: 8,
      parts: 10,
      headerPairs: 50,
    },
  });
  // Raw STEP bodies stay streams: the route counts, hashes and checks them as they arrive.
  app.addContentTypeParser(RAW_TYPES, (_request, payload, done) => done(null, payload));

  app.setErrorHandler((error: unknown, request, reply) => {
    const { status, code, message, headers } = describeError(error);
    for (const [k, v] of Object.entries(headers)) reply.header(k, v);
    metrics.errors.inc({ code });
    if (status >= 500 && status !== 503 && status !== 504) {
      request.log.error({ err: error, code }, 'request failed');
      reporter.capture(error, { correlationId: request.id, route: request.routeOptions.url, code });
    } else {
      request.log.info({ code, status, reason: message }, 'request refused');
    }
    reply.code(status).send({ error: { code, message }, correlationId: request.id });
  });
  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` }, correlationId: request.id });
  });

  opsRoutes(app, ctx);
  const thumbnails = new ThumbnailRunner({
    workerFile: thumbnailWorkerBeside(options.workerFile),
    timeoutMs: config.jobTimeoutMs,
    heapMb: config.workerResourceLimitMb,
  });
  analyzeRoutes(app, ctx, thumbnails);
  verifyRoutes(
    app,
    ctx,
    { workerFile: verifyWorkerBeside(options.workerFile), timeoutMs: config.jobTimeoutMs, heapMb: config.workerResourceLimitMb },
    thumbnails,
  );
  analysesRoutes(app, ctx);
  correctionRoutes(app, ctx);
  reportRoutes(app, ctx);
  await registerWebApp(app, config.staticDir, logger);

  pool.start();
  void store?.start();

  let shuttingDown: Promise<void> | undefined;
  const shutdown = (timeoutMs = config.shutdownTimeoutMs): Promise<void> => {
    shuttingDown ??= (async () => {
      ctx.state.draining = true;
      logger.info('shutting down: finishing in-flight requests');
      // Waits for in-flight requests (and with them their jobs); refuses new ones with 503.
      await withTimeout(app.close(), timeoutMs);
      await pool.close(5_000);
      await thumbnails.close();
      await store?.close().catch(() => undefined);
      if (redis) await redis.quit().catch(() => redis.disconnect());
      await reporter.flush();
      logger.info('shut down');
    })();
    return shuttingDown;
  };

  return { app, ctx, shutdown };
}

function describeError(error: unknown): { status: number; code: string; message: string; headers: Record<string, string> } {
  if (error instanceof AnalysisError) {
    return { status: statusForAnalysisCode(error.code), code: error.code, message: error.message, headers: {} };
  }
  if (error instanceof HttpError) return { status: error.status, code: error.code, message: error.message, headers: error.headers };
  if (error instanceof QueueFullError) {
    return { status: 503, code: 'QUEUE_FULL', message: error.message, headers: { 'retry-after': String(error.retryAfterSeconds) } };
  }
  if (error instanceof PoolClosedError) return { status: 503, code: 'SHUTTING_DOWN', message: error.message, headers: { 'retry-after': '5' } };
  if (error instanceof StoreUnavailableError) {
    return { status: 503, code: 'DB_UNAVAILABLE', message: `The analysis could not be stored: ${error.message}`, headers: { 'retry-after': '5' } };
  }
  const fe = error as FastifyError;
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code =
      fe.statusCode === 413 ? 'TOO_LARGE' : fe.statusCode === 429 ? 'RATE_LIMITED' : fe.statusCode === 401 ? 'UNAUTHORIZED' : 'BAD_REQUEST';
    return { status: fe.statusCode, code, message: fe.message, headers: {} };
  }
  return { status: 500, code: 'INTERNAL', message: 'Internal error.', headers: {} };
}

function connectRedis(url: string, log: Logger): Redis {
  const redis = new Redis(url, {
    // Fail fast while Redis is away: a command errors at once (a cache miss) instead of queueing.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 500, 5_000),
    lazyConnect: false,
  });
  let warned = false;
  redis.on('error', (e: Error) => {
    if (!warned) log.warn({ err: e.message }, 'redis unavailable: cache falls back to the LRU and the database');
    warned = true;
  });
  redis.on('ready', () => {
    warned = false;
    log.info('redis ready');
  });
  return redis;
}

async function registerWebApp(app: FastifyInstance, dir: string, log: Logger): Promise<void> {
  if (!existsSync(resolve(dir, 'index.html'))) {
    log.warn({ dir }, 'no built web app (run `npm run build`): serving the API only');
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    index: ['index.html'],
    // Hashed asset names never change content: cache them for good; the page itself revalidates.
    setHeaders: (reply, path) => {
      for (const [k, v] of Object.entries(ISOLATION)) reply.header(k, v);
      reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (path.endsWith('.wasm')) reply.header('content-type', 'application/wasm');
    },
  });
}

async function withTimeout(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
