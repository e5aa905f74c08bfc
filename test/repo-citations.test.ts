/**
 * Code and docs cite only what a reader of this repository can open. Notes and specs that lived
 * beside the checkout (the engine notes, the design note, the BRepNet spec) are not in a clone: a
 * comment that sends the reader there explains nothing. Their facts are written down in
 * docs/architecture.md and docs/model-inputs.md; cite those. (Paths into ../shared/data are data
 * that tests read, not citations, and stay allowed; a Markdown file there is a citation.)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const OUTSIDE = /OCCT-NOTES|DESIGN\.md|SPEC\.md|\bSPEC [abc]\b|shared\/brepnet|shared\/OCCT|\.\.\/shared\/[\w./-]*\.md/;
const TEXT = /\.(ts|tsx|js|mjs|py|sh|md|sql)$/;

describe('citations', () => {
  it('name no note or spec outside the repository', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => TEXT.test(f) && f !== 'test/repo-citations.test.ts');
    const offending: string[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(join(ROOT, file), 'utf8');
      } catch {
        continue; // listed by git but deleted in this working tree
      }
      text.split('\n').forEach((line, i) => {
        if (OUTSIDE.test(line)) offending.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(offending).toEqual([]);
  });
});
