/**
 * npm run model:train — reproduces the shipped model from nothing but this repository:
 *   1. generate the training parts (seed 1) and the held-out split (seed 2) into data/generated/;
 *   2. export them (and ../shared/data's MFCAD dev set and AAGNet sample, when present, for the
 *      training log only: never trained on) to data/sets/;
 *   3. train with train.py's fixed seed and write models/vectis-brepnet.onnx.
 * Steps whose output exists are skipped (delete data/ to start over). `-- --dry-run` prints them.
 *
 * `-- --finetune DIR`: instead of step 3 from scratch, fine-tune the last run's weights
 * (data/vectis-brepnet.pt) on the generated training parts plus DIR, the labelled parts
 * `npm run model:data -- --corrections` exported from estimators' corrections (issue 14;
 * docs/recognition.md, "Learning from corrections").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION } from './generate/part.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED = resolve(ROOT, '..', 'shared', 'data');
const dry = process.argv.includes('--dry-run');

/**
 * The shipped model's recipe: change it here and in models/README.md together. The shipped model
 * was trained with generator v2 (commit 51b0a4e); with today's generator (v4) this recipe trains
 * another model (models/README.md: the v3 fine-tune tried and not shipped).
 */
export const RECIPE = {
  train: { seed: 1, count: 6000 },
  heldOut: { seed: 2, count: 500 },
  jobs: 2,
  edgeFeatures: 'brepnet+dihedral',
  trainArgs: [
    '--epochs',
    '16',
    '--seed',
    '0',
    '--layers',
    '3',
    '--width',
    '32',
    '--lr',
    '0.002',
    '--budget',
    '3000',
    '--version',
    'vectis-brepnet-1',
  ],
  out: 'models/vectis-brepnet.onnx',
  /**
   * Fine-tuning on corrections: a few epochs at a quarter of the learning rate, from the full
   * run's weights. Corrected parts are repeated: a few hundred among 6,000 generated parts would
   * hardly move the weights, while the generated parts keep the model from forgetting the rest.
   */
  finetune: { checkpoint: 'data/vectis-brepnet.pt', repeat: 10, args: ['--epochs', '3', '--lr', '0.0005', '--version', 'vectis-brepnet-1-ft'] },
};

function run(cmd: string, args: string[]): void {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  if (dry) return;
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status})`);
}

function generate(name: string, seed: number, count: number): void {
  run('npx', [
    'tsx',
    'models/training/generate/cli.ts',
    '--seed',
    String(seed),
    '--count',
    String(count),
    '--out',
    `data/generated/${name}`,
    '--jobs',
    String(RECIPE.jobs),
    '--resume',
    '--quiet',
  ]);
}

/** Exports a set unless one with the current edge features (and generator, if generated) is there. */
function exportSet(name: string, dirs: string[], generated: boolean): string {
  const out = `data/sets/${name}`;
  const file = join(ROOT, `${out}.json`);
  const header = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { edgeFeatures?: string; generatorVersions?: number[] }) : undefined;
  const current = header?.edgeFeatures === RECIPE.edgeFeatures && (!generated || header.generatorVersions?.join() === String(GENERATOR_VERSION));
  if (!current) run('npx', ['tsx', 'models/training/export-dataset.ts', '--out', out, '--edge-features', RECIPE.edgeFeatures, ...dirs]);
  return out;
}

generate('train', RECIPE.train.seed, RECIPE.train.count);
generate('val', RECIPE.heldOut.seed, RECIPE.heldOut.count);
const train = exportSet('train', ['data/generated/train'], true);
const val = exportSet('val', ['data/generated/val'], true);
const extra: string[] = [];
if (existsSync(SHARED)) {
  extra.push(exportSet('mfcad-dev', [join(SHARED, 'mfcad', 'dev')], false));
} else console.warn(`*** ${SHARED} is absent: no MFCAD figures in the training log ***`);
const finetuneIndex = process.argv.indexOf('--finetune');
const finetune = finetuneIndex > 0 ? process.argv[finetuneIndex + 1] : undefined;
if (finetune !== undefined) {
  if (!dry && !existsSync(join(ROOT, RECIPE.finetune.checkpoint)))
    throw new Error(`no ${RECIPE.finetune.checkpoint}: run npm run model:train once (it writes it), then fine-tune`);
  // Exported every time: the corrected folder grows between fine-tunes.
  const corrected = Array.from({ length: RECIPE.finetune.repeat }, () => finetune);
  run('npx', [
    'tsx',
    'models/training/export-dataset.ts',
    '--out',
    'data/sets/finetune',
    '--edge-features',
    RECIPE.edgeFeatures,
    'data/generated/train',
    ...corrected,
  ]);
  run('/usr/bin/python3', [
    'models/training/train.py',
    '--train',
    'data/sets/finetune',
    '--val',
    val,
    '--out',
    RECIPE.out,
    '--checkpoint',
    'data/vectis-brepnet-ft.pt',
    '--init',
    RECIPE.finetune.checkpoint,
    ...RECIPE.trainArgs,
    ...RECIPE.finetune.args,
  ]);
  console.log(`done: ${RECIPE.out} fine-tuned on ${finetune}; compare with npm run model:eval before shipping it`);
  process.exit(0);
}
run('/usr/bin/python3', [
  'models/training/train.py',
  '--train',
  train,
  '--val',
  val,
  ...(extra.length ? ['--extra', ...extra] : []),
  '--out',
  RECIPE.out,
  '--checkpoint',
  'data/vectis-brepnet.pt',
  ...RECIPE.trainArgs,
]);
console.log(`done: ${RECIPE.out}; figures for the model card: npm run model:eval`);
