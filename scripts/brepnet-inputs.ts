/**
 * STEP → BRepNet input tensors as JSON (format: src/analysis/ml/inputs/inputs.ts `inputsToJSON`;
 * Python: models/training/brepnet.py `load_inputs_json`).
 *
 *   npx tsx scripts/brepnet-inputs.ts part.step [more.step ...] [--out-dir DIR | --out file.json]
 *       [--normalization area|unit-box|none] [--raw] [--labels]
 *
 * Default normalisation 'area' (rotation-invariant, our models); 'unit-box' for Autodesk's
 * checkpoints. --raw skips standardisation. --labels copies `labels` from `<name>.topexp_labels.json`
 * beside the STEP file when it exists. Output default: `<name>.brepnet.json` beside the input.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { inputsToJSON, NORMALIZATIONS, brepnetInputsForStep, type Normalization } from '../src/analysis/index.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    'out-dir': { type: 'string' },
    normalization: { type: 'string', default: 'area' },
    raw: { type: 'boolean', default: false },
    labels: { type: 'boolean', default: false },
  },
});
const normalization = values.normalization as Normalization;
if (!NORMALIZATIONS.includes(normalization) || positionals.length === 0 || (values.out && positionals.length > 1)) {
  console.error(
    'usage: tsx scripts/brepnet-inputs.ts <file.step>... [--out f.json | --out-dir DIR] [--normalization area|unit-box|none] [--raw] [--labels]',
  );
  process.exit(2);
}

for (const file of positionals) {
  const stem = file.replace(/\.(step|stp)$/i, '');
  const { inputs } = await brepnetInputsForStep(new Uint8Array(readFileSync(file)), {
    fileName: basename(file),
    normalization,
    ...(values.raw ? { standardization: null } : {}),
  });
  const labelFile = `${stem}.topexp_labels.json`;
  const labels = values.labels && existsSync(labelFile) ? (JSON.parse(readFileSync(labelFile, 'utf8')) as { labels: number[] }).labels : undefined;
  const out = values.out ?? (values['out-dir'] ? join(values['out-dir'], `${basename(stem)}.brepnet.json`) : `${stem}.brepnet.json`);
  writeFileSync(out, JSON.stringify(inputsToJSON(inputs, labels)));
  console.log(`${out}: F=${inputs.faces} E=${inputs.edges} C=${inputs.coedges} K=${inputs.K} scale=${inputs.scale.toPrecision(6)}`);
}
