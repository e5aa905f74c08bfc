#!/usr/bin/env node
/**
 * Bundles the server (server/index.ts) and its analysis worker (server/worker.ts, which pulls in
 * src/analysis) into plain ESM under dist-server/, so that production runs `node` without tsx and
 * the worker threads start without compiling TypeScript. npm packages stay external (the engine
 * finds its .wasm beside its own module). Why bundle rather than tsx in each worker: see
 * server/worker.ts.
 *
 *   node scripts/build-server.mjs [--out <dir>] [--metafile <file.json>]
 *
 * --metafile writes esbuild's record of what the bundle imports: the production-dependency test
 * (server/test/production-dependencies.test.ts) reads it.
 */
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' }, metafile: { type: 'string' }, quiet: { type: 'boolean' } } });
const outdir = resolve(root, values.out ?? 'dist-server');

const began = performance.now();
const result = await build({
  entryPoints: {
    index: resolve(root, 'server/index.ts'),
    worker: resolve(root, 'server/worker.ts'),
    'verify-worker': resolve(root, 'server/verify-worker.ts'),
    'thumbnail-worker': resolve(root, 'server/thumbnail/thumbnail-worker.ts'),
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: values.metafile !== undefined,
  // Bundled ESM still needs require() for the few CommonJS paths esbuild emits.
  banner: { js: "import { createRequire as __vectisRequire } from 'node:module'; const require = __vectisRequire(import.meta.url);" },
});
if (values.metafile) writeFileSync(resolve(values.metafile), JSON.stringify(result.metafile));
if (!values.quiet) console.log(`server bundled into ${outdir} in ${Math.round(performance.now() - began)} ms`);
