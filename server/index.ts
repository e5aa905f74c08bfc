/**
 * The server's entry point: `node dist-server/index.mjs` (what `npm start` and the Docker image
 * run) or `tsx server/index.ts` from sources. Listens on HOST:PORT, prints the URL, and on
 * SIGTERM / SIGINT finishes in-flight jobs before exiting (App Platform sends SIGTERM on deploys).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';

const config = loadConfig();
// The bundle sits beside worker.mjs; from sources, the tsx bootstrap loads worker.ts.
const bundled = new URL('./worker.mjs', import.meta.url);
const workerFile = existsSync(fileURLToPath(bundled)) ? bundled : new URL('./worker-dev.mjs', import.meta.url);

const { app, ctx, shutdown } = await buildApp({ config, workerFile });

let exiting = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (exiting) return;
    exiting = true;
    app.log.info({ signal }, 'signal received');
    const deadline = setTimeout(() => {
      app.log.error('shutdown deadline passed: exiting with jobs unfinished');
      process.exit(1);
    }, config.shutdownTimeoutMs + 5_000);
    deadline.unref();
    shutdown().then(
      () => process.exit(0),
      (e: unknown) => {
        app.log.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

try {
  await app.listen({ host: config.host, port: config.port });
} catch (e) {
  app.log.error({ err: e }, 'cannot listen');
  process.exit(1);
}
const shown = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${config.port}`;
process.stdout.write(`\nVectis analyzer: ${url}  (API: ${url}/health, /analyze, /verify, /metrics)\n\n`);
void ctx.pool.whenReady().then(() => app.log.info({ url, pipelineVersion: ctx.pipelineVersion }, 'ready: the geometry engine runs'));
