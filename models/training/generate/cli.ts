/**
 * npm run model:data -- --count N --seed S [--out DIR] [--jobs J] [--resume]
 * npm run model:data -- --corrections <export|database> --steps DIR [--out DIR]  (../corrections/export.ts)
 *
 * Writes N labelled parts, `<name>.step` + `<name>.topexp_labels.json` (the format of
 * ../shared/data), into DIR (default data/generated, git-ignored), then `manifest.json` with the
 * counts per kind and class. Part i depends only on (S, i): runs split across --jobs processes, or
 * resumed with --resume, give the same files. A part whose build or STEP re-read check fails is
 * drawn again from the next stream of the same index (its `attempt` is recorded).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { discardEngine, engineHeapBytes, getEngine } from '../../../src/analysis/index.ts';
import { CLASS_NAMES } from './classes.ts';
import { GENERATOR_VERSION, generatePart, partName, type LabelRecord } from './part.ts';

// `--corrections`: estimators' corrected analyses instead of generated parts (issue 14).
if (process.argv.includes('--corrections')) {
  const { runCorrectionsExport } = await import('../corrections/export.ts');
  process.exit(await runCorrectionsExport(process.argv.slice(2)));
}

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'data/generated' },
    jobs: { type: 'string', default: '1' },
    job: { type: 'string' },
    resume: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
const jobs = Math.max(1, Number(values.jobs));
const out = values.out;
if (!Number.isInteger(count) || count < 0 || !Number.isInteger(seed)) {
  console.error('usage: npm run model:data -- --count N --seed S [--out DIR] [--jobs J] [--resume]');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const MAX_ATTEMPTS = 6;
const HEAP_LIMIT = 1.5 * 1024 ** 3;

function isCurrent(labelFile: string): boolean {
  if (!existsSync(labelFile)) return false;
  return (JSON.parse(readFileSync(labelFile, 'utf8')) as LabelRecord).generator === GENERATOR_VERSION;
}

async function runJob(job: number): Promise<number> {
  let failures = 0;
  const t0 = performance.now();
  for (let index = job; index < count; index += jobs) {
    const name = partName(seed, index);
    if (values.resume && isCurrent(join(out, `${name}.topexp_labels.json`))) continue;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        const part = await generatePart(await getEngine(), seed, index, attempt);
        writeFileSync(join(out, `${name}.step`), part.step);
        writeFileSync(join(out, `${name}.topexp_labels.json`), JSON.stringify(part.record));
        break;
      } catch (e) {
        failures++;
        if (!values.quiet) console.warn(`${name} attempt ${attempt}: ${(e as Error).message}`);
        // A trap or abort may leave the engine corrupt: start a fresh one (a plain failure does not).
        if (e instanceof WebAssembly.RuntimeError || !(e instanceof Error)) discardEngine();
        if (attempt === MAX_ATTEMPTS - 1) throw new Error(`${name}: no valid part in ${MAX_ATTEMPTS} attempts`, { cause: e });
      }
    }
    if (engineHeapBytes(await getEngine()) > HEAP_LIMIT) discardEngine();
    const done = Math.floor((index - job) / jobs) + 1;
    if (!values.quiet && done % 50 === 0) {
      console.log(`job ${job}: ${done} parts, ${((done / (performance.now() - t0)) * 60000).toFixed(0)}/min`);
    }
  }
  return failures;
}

function childJob(job: number): Promise<void> {
  const args = [
    fileURLToPath(import.meta.url),
    '--count',
    String(count),
    '--seed',
    String(seed),
    '--out',
    out,
    '--jobs',
    String(jobs),
    '--job',
    String(job),
  ];
  if (values.resume) args.push('--resume');
  if (values.quiet) args.push('--quiet');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, ...args], { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`job ${job} exited with ${code}`))));
  });
}

function writeManifest(): void {
  const perKind: Record<string, number> = {};
  const faces: Record<string, number> = Object.fromEntries(CLASS_NAMES.map((c) => [c, 0]));
  let parts = 0;
  let retried = 0;
  for (const file of readdirSync(out).filter((f) => f.endsWith('.topexp_labels.json'))) {
    const r = JSON.parse(readFileSync(join(out, file), 'utf8')) as LabelRecord;
    if (r.seed !== seed || r.index >= count || r.generator !== GENERATOR_VERSION) continue;
    parts++;
    if (r.attempt > 0) retried++;
    perKind[r.kind] = (perKind[r.kind] ?? 0) + 1;
    for (const l of r.labels) faces[CLASS_NAMES[l]!] = (faces[CLASS_NAMES[l]!] ?? 0) + 1;
  }
  const manifest = { generator: 'models/training/generate', version: GENERATOR_VERSION, seed, count, parts, retried, perKind, faces };
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1));
  console.log(JSON.stringify(manifest));
}

const t0 = performance.now();
if (values.job !== undefined) {
  await runJob(Number(values.job));
} else if (jobs > 1) {
  await Promise.all(Array.from({ length: jobs }, (_, k) => childJob(k)));
  writeManifest();
} else {
  await runJob(0);
  writeManifest();
}
if (values.job === undefined) console.log(`${count} parts in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${out}`);
