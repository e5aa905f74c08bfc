/** Prometheus metrics on a registry of our own (several apps can live in one test process). */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { WorkerPool } from './pool.ts';

export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics(pool: WorkerPool) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vectis_' });

  const httpDuration = new Histogram({
    name: 'vectis_http_request_duration_seconds',
    help: 'HTTP request duration by route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
    registers: [registry],
  });
  const stageDuration = new Histogram({
    name: 'vectis_analysis_stage_duration_seconds',
    help: 'Pipeline stage timings reported by the workers (engine, read, brep, mesh, metrics, ...).',
    labelNames: ['stage'] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'vectis_job_duration_seconds',
    help: 'Time a job spent in a worker, and waiting in the queue before it.',
    labelNames: ['phase'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
    registers: [registry],
  });
  const jobs = new Counter({
    name: 'vectis_jobs_total',
    help: 'Analysis jobs by outcome (ok or error code).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const errors = new Counter({ name: 'vectis_errors_total', help: 'Error answers by code.', labelNames: ['code'] as const, registers: [registry] });
  const cacheHits = new Counter({
    name: 'vectis_cache_hits_total',
    help: 'Result cache hits by layer (lru, redis, db).',
    labelNames: ['layer'] as const,
    registers: [registry],
  });
  const cacheMisses = new Counter({ name: 'vectis_cache_misses_total', help: 'Result cache misses (an analysis ran).', registers: [registry] });
  const cacheErrors = new Counter({
    name: 'vectis_cache_errors_total',
    help: 'Cache layer failures (treated as misses).',
    labelNames: ['layer'] as const,
    registers: [registry],
  });
  const workerExits = new Counter({
    name: 'vectis_worker_exits_total',
    help: 'Worker replacements by reason.',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const verifications = new Counter({
    name: 'vectis_verifications_total',
    help: 'Verifications by outcome.',
    labelNames: ['verified'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'vectis_queue_depth',
    help: 'Jobs waiting for a worker.',
    registers: [registry],
    collect() {
      this.set(pool.stats().queued);
    },
  });
  new Gauge({
    name: 'vectis_workers_active',
    help: 'Workers running a job now.',
    registers: [registry],
    collect() {
      this.set(pool.stats().busy);
    },
  });
  new Gauge({
    name: 'vectis_workers_ready',
    help: 'Workers with a started engine.',
    registers: [registry],
    collect() {
      this.set(pool.stats().ready);
    },
  });

  pool.on('job', (j) => {
    jobs.inc({ outcome: j.outcome });
    jobDuration.observe({ phase: 'run' }, j.runMs / 1000);
    jobDuration.observe({ phase: 'queued' }, j.queuedMs / 1000);
    for (const [stage, ms] of Object.entries(j.summary?.timings ?? {})) {
      if (stage !== 'total') stageDuration.observe({ stage }, ms / 1000);
    }
  });
  pool.on('worker-exit', (e) => workerExits.inc({ reason: e.reason }));

  return { registry, httpDuration, cacheHits, cacheMisses, cacheErrors, errors, verifications };
}
