/**
 * The pipeline version in every cache key and stored record: the result schema version plus a
 * hash of the code that computes results (the worker bundle, or the analysis sources when running
 * from TypeScript), of the engine package version and of the ML model in use. Any change to the pipeline changes it, so a
 * cache or the database never serves a result computed by other code. PIPELINE_VERSION overrides.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_VERSION } from '../src/analysis/index.ts';

export function pipelineVersion(workerFile: URL | string, modelPath?: string, root = process.cwd(), override = process.env.PIPELINE_VERSION): string {
  if (override?.trim()) return override.trim();
  const hash = createHash('sha256');
  const file = workerFile instanceof URL ? fileURLToPath(workerFile) : workerFile;
  if (file.endsWith('worker-dev.mjs') || file.endsWith('.ts')) {
    for (const f of walk(resolve(root, 'src/analysis'))) hash.update(f).update(readFileSync(f));
    hash.update(readFileSync(resolve(root, 'server/worker.ts')));
  } else {
    hash.update(readFileSync(file));
  }
  hash.update(engineVersion(root));
  if (modelPath) hash.update(readFileSync(modelPath));
  return `${SCHEMA_VERSION}+${hash.digest('hex').slice(0, 12)}`;
}

function engineVersion(root: string): string {
  try {
    const require = createRequire(join(root, 'package.json'));
    return (require('replicad-opencascadejs/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function walk(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return /\.test\.ts$/.test(name) ? [] : [full];
  });
}
