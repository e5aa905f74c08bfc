/**
 * For tests of the Python model tooling (models/training/*.py, Debian's python3-torch and
 * python3-onnx): whether it can run here, and a temporary directory a script has filled. Without
 * torch the callers skip loudly; .ci/run installs it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const PYTHON = '/usr/bin/python3';
export const HAS_TORCH = spawnSync(PYTHON, ['-c', 'import torch, onnx'], { stdio: 'ignore' }).status === 0;

export function warnIfNoTorch(what: string): void {
  if (!HAS_TORCH) console.warn(`\n*** ${PYTHON} has no torch/onnx: ${what} are SKIPPED (apt-get install python3-torch python3-onnx) ***\n`);
}

/** Inside a describe: runs `script <dir>` once before its tests; the dir is removed after them. */
export function scriptOutput(script: string, prefix: string): { dir: string } {
  const out = { dir: '' };
  beforeAll(() => {
    out.dir = mkdtempSync(join(tmpdir(), prefix));
    execFileSync(PYTHON, [script, out.dir], { cwd: ROOT, stdio: 'pipe' });
  });
  afterAll(() => rmSync(out.dir, { recursive: true, force: true }));
  return out;
}
