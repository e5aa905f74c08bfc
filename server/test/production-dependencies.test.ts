/**
 * Production dependencies are exactly the packages the server bundle imports. The Docker image
 * installs `dependencies` only (`npm ci --omit=dev`): a package the bundle imports but that sits in
 * devDependencies crashes the image at start, and one listed but never imported only makes the
 * image bigger (react, three and onnxruntime-node once added hundreds of MB). The bundle is built
 * as production builds it (scripts/build-server.mjs), and esbuild's metafile says what it imports.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'vectis-server-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

type Metafile = { outputs: Record<string, { imports: { path: string; external?: boolean }[] }> };

/** `@scope/name/sub/path` → `@scope/name`, `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

describe('production dependencies', () => {
  it('are exactly the packages the server bundle imports', () => {
    const metafile = join(out, 'meta.json');
    execFileSync(process.execPath, ['scripts/build-server.mjs', '--out', out, '--metafile', metafile, '--quiet'], { cwd: ROOT });
    const meta = JSON.parse(readFileSync(metafile, 'utf8')) as Metafile;
    const imported = new Set<string>();
    for (const output of Object.values(meta.outputs)) {
      for (const i of output.imports) if (i.external && !isBuiltin(i.path)) imported.add(packageOf(i.path));
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect([...imported].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  }, 60_000);
});
