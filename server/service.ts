/**
 * What the routes share: the analysis of an uploaded file through the cache layers and the worker
 * pool, with single-flight (concurrent requests for the same file share one job), failures that
 * are the file's own answered from memory (failure-cache.ts), and a job cancelled once every
 * request waiting for it has gone away.
 */
import type { Redis } from 'ioredis';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { AuthFailureLimiter } from './auth-failures.ts';
import { AnalysisError } from '../src/analysis/index.ts';
import type { Authenticator } from './auth.ts';
import type { CacheLayer, ResultCache } from './cache.ts';
import type { ServerConfig } from './config.ts';
import { FailureCache } from './failure-cache.ts';
import type { Metrics } from './metrics.ts';
import type { WorkerPool } from './pool.ts';
import type { ErrorReporter } from './sentry.ts';
import type { Store } from './store/store.ts';
import type { Upload } from './upload.ts';
import type { TestHook } from './worker-protocol.ts';

export interface AppContext {
  config: ServerConfig;
  pool: WorkerPool;
  cache: ResultCache;
  store?: Store;
  redis?: Redis;
  metrics: Metrics;
  auth: Authenticator;
  authFailures: AuthFailureLimiter;
  reporter: ErrorReporter;
  pipelineVersion: string;
  /** draining: shutting down; uploads: upload requests in flight (capped by maxConcurrentUploads). */
  state: { draining: boolean; uploads: number };
  analyzeUpload(upload: Upload, log: Logger, options?: AnalyzeOptions): Promise<AnalyzeOutcome>;
}

export interface AnalyzeOptions {
  hook?: TestHook;
  /** Aborts when this request's client has gone away. */
  signal?: AbortSignal;
}

export interface AnalyzeOutcome {
  /** The AnalysisResult as JSON text, with this upload's file name. */
  json: string;
  /** Where it came from: a cache layer, or undefined when a worker computed it now. */
  cache?: CacheLayer;
}

/** One job shared by the requests for one file; cancelled when the last of them goes away. */
interface Flight {
  work: Promise<AnalyzeOutcome>;
  waiting: number;
  controller: AbortController;
}

export function createAnalyzer(ctx: Omit<AppContext, 'analyzeUpload'>): AppContext['analyzeUpload'] {
  const inflight = new Map<string, Flight>();
  const failures = new FailureCache(ctx.config.failureCacheTtlMs);
  return async (upload, log, options = {}) => {
    const hook = ctx.config.testHooks ? options.hook : undefined;
    if (options.signal?.aborted) throw new AnalysisError('CANCELLED', 'The request was cancelled.');
    const failed = hook ? undefined : failures.get(upload.sha256);
    if (failed) {
      log.info({ sha256: upload.sha256, code: failed.code }, 'known failing file: answered from the failure cache');
      throw failed;
    }
    let flight = hook ? undefined : inflight.get(upload.sha256);
    if (!flight) {
      const controller = new AbortController();
      const work = (async (): Promise<AnalyzeOutcome> => {
        if (!hook) {
          const hit = await ctx.cache.get(upload.sha256, log);
          if (hit) return { json: hit.json, cache: hit.layer };
        }
        const out = await ctx.pool.run({
          bytes: upload.bytes,
          fileName: upload.fileName,
          maxBytes: ctx.config.maxUploadBytes,
          hook,
          log,
          signal: controller.signal,
        });
        if (!hook) ctx.cache.set(upload.sha256, out.json, log);
        log.info(
          { sha256: upload.sha256, faces: out.summary.faces, runMs: Math.round(out.runMs), queuedMs: Math.round(out.queuedMs) },
          'analysis done',
        );
        return { json: out.json };
      })();
      const started: Flight = { work, waiting: 0, controller };
      flight = started;
      if (!hook) {
        inflight.set(upload.sha256, started);
        work
          .then(
            () => undefined,
            (e: unknown) => {
              if (failures.remember(upload.sha256, e))
                log.info({ sha256: upload.sha256, code: (e as AnalysisError).code }, 'file failure remembered');
            },
          )
          .finally(() => {
            if (inflight.get(upload.sha256) === started) inflight.delete(upload.sha256);
          });
      }
    }
    return await waitFor(flight, upload.fileName, options.signal);
  };
}

/** Waits for a shared job as one of its requests; the last request to go away cancels it. */
async function waitFor(flight: Flight, fileName: string, signal: AbortSignal | undefined): Promise<AnalyzeOutcome> {
  flight.waiting++;
  let counted = true;
  const leave = () => {
    if (!counted) return;
    counted = false;
    if (--flight.waiting === 0) flight.controller.abort();
  };
  signal?.addEventListener('abort', leave, { once: true });
  try {
    return withName(await flight.work, fileName);
  } finally {
    signal?.removeEventListener('abort', leave);
    if (counted) {
      counted = false;
      flight.waiting--;
    }
  }
}

/**
 * A cached result carries the name of the upload that computed it; answer with this upload's.
 * Results are built with `file.name` first (the pipeline's and the store's key order), so this is
 * a splice of the JSON text rather than a parse of a possibly large document.
 */
export function withName(outcome: AnalyzeOutcome, name: string): AnalyzeOutcome {
  const json = outcome.json;
  const marker = '"file":{"name":';
  const at = json.indexOf(marker);
  if (at >= 0) {
    const start = at + marker.length;
    const end = endOfJsonString(json, start);
    if (end > start) return { ...outcome, json: json.slice(0, start) + JSON.stringify(name) + json.slice(end) };
  }
  const parsed = JSON.parse(json) as { file: { name: string } };
  parsed.file.name = name;
  return { ...outcome, json: JSON.stringify(parsed) };
}

/** Index just past the JSON string literal that starts at `start` (which must be a quote), or -1. */
function endOfJsonString(text: string, start: number): number {
  if (text[start] !== '"') return -1;
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return -1;
}
