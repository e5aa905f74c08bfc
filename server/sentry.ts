/**
 * Errors to Sentry when SENTRY_DSN is set. @sentry/node is an optional dependency, not in
 * package.json: `npm install @sentry/node` where you want it. Without the package (or without a
 * DSN) this is a no-op and the server says so once in the log.
 */
import type { FastifyBaseLogger as Logger } from 'fastify';

export interface ErrorReporter {
  capture(error: unknown, context: { correlationId?: string; route?: string; code?: string }): void;
  flush(): Promise<void>;
}

const NOOP: ErrorReporter = { capture: () => undefined, flush: async () => undefined };

interface SentryModule {
  init(options: { dsn: string; environment?: string; release?: string; tracesSampleRate?: number }): void;
  withScope(fn: (scope: { setTag(k: string, v: string): void }) => void): void;
  captureException(e: unknown): void;
  flush(timeout?: number): Promise<boolean>;
}

export async function createErrorReporter(dsn: string | undefined, log: Logger, release?: string): Promise<ErrorReporter> {
  if (!dsn) return NOOP;
  let Sentry: SentryModule;
  try {
    // A variable specifier: TypeScript and the bundler leave the optional package alone.
    const name = '@sentry/node';
    Sentry = (await import(name)) as SentryModule;
  } catch {
    log.warn('SENTRY_DSN is set but @sentry/node is not installed: errors are only logged');
    return NOOP;
  }
  Sentry.init({ dsn, environment: process.env.NODE_ENV ?? 'production', release, tracesSampleRate: 0 });
  log.info('errors are reported to Sentry');
  return {
    capture(error, context) {
      Sentry.withScope((scope) => {
        for (const [k, v] of Object.entries(context)) if (v) scope.setTag(k, v);
        Sentry.captureException(error);
      });
    },
    async flush() {
      await Sentry.flush(2_000).catch(() => false);
    },
  };
}
