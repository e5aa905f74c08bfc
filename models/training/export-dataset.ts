/**
 * STEP + `<name>.topexp_labels.json` folders → one training set for models/training/train.py.
 *
 *   npx tsx models/training/export-dataset.ts --out data/sets/NAME <dir>... [--limit N]
 *       [--normalization area] [--edge-features brepnet+dihedral] [--raw]
 *
 * Each part goes through analyze() and the model's own input code (src/analysis/ml/inputs/inputs.ts,
 * BRepNet tensors with our dihedral edge column by default, standardised with BRepNet's statistics
 * unless --raw), so training sees exactly
 * what inference sees. Labels are mapped to the generator's scheme (classes.ts): MFCAD's 16 ids
 * through their true MFCAD++ meaning (src/analysis/features/classes.ts), MFCAD++ ids as they are.
 *
 * Output (format 'vectis-dataset/1'): NAME.bin holds, for each tensor in TENSORS, the rows of all
 * parts one after another (float32 or int32, little-endian); NAME.json lists the parts with their
 * sizes (F, E, C, K), so the loader (dataset.py) slices part i by running sums.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  analyze,
  MFCAD_TO_MFCADPP,
  EDGE_FEATURE_SETS,
  NORMALIZATIONS,
  edgeColumns,
  brepnetInputs,
  BREPNET_STANDARDIZATION,
  type EdgeFeatureSet,
  type Normalization,
  type BrepNetInputs,
} from '../../src/analysis/index.ts';
import { CLASS_NAMES } from './generate/classes.ts';

export const TENSORS = ['Xf', 'Xe', 'Xc', 'Kf', 'Ke', 'Kc', 'Ce', 'Cf', 'labels'] as const;
type Tensor = (typeof TENSORS)[number];

interface LabelFile {
  scheme?: string;
  generator?: number;
  labels: number[];
  surface?: string[];
  kind?: string;
}

/** Our class id of each face, from a label file of any of the known schemes. */
export function mapLabels(file: LabelFile): number[] {
  const scheme = file.scheme ?? '';
  if (scheme === 'MFCAD-16') return file.labels.map((l) => MFCAD_TO_MFCADPP[l]!);
  if (scheme === 'MFCAD++-25' || scheme.startsWith('vectis-')) return file.labels;
  throw new Error(`unknown label scheme '${scheme}'`);
}

function stepFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(step|stp)$/i.test(f) && existsSync(join(dir, f.replace(/\.(step|stp)$/i, '.topexp_labels.json'))))
    .sort()
    .map((f) => join(dir, f));
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      limit: { type: 'string' },
      normalization: { type: 'string', default: 'area' },
      raw: { type: 'boolean', default: false },
      'edge-features': { type: 'string', default: 'brepnet+dihedral' },
    },
  });
  const normalization = values.normalization as Normalization;
  const edgeFeatures = values['edge-features'] as EdgeFeatureSet;
  if (!values.out || positionals.length === 0 || !NORMALIZATIONS.includes(normalization) || !EDGE_FEATURE_SETS.includes(edgeFeatures)) {
    console.error(
      'usage: tsx models/training/export-dataset.ts --out data/sets/NAME <dir>... [--limit N] [--normalization area] [--edge-features brepnet|brepnet+dihedral] [--raw]',
    );
    process.exit(2);
  }
  const files = positionals.flatMap(stepFiles).slice(0, values.limit ? Number(values.limit) : undefined);
  const chunks: Record<Tensor, (Float32Array | Int32Array)[]> = Object.fromEntries(TENSORS.map((t) => [t, []])) as never;
  const parts: { name: string; source: string; kind: string; F: number; E: number; C: number; K: number }[] = [];
  const skipped: string[] = [];
  const generators = new Set<number>();
  const t0 = performance.now();
  for (const file of files) {
    const stem = file.replace(/\.(step|stp)$/i, '');
    const labelFile = JSON.parse(readFileSync(`${stem}.topexp_labels.json`, 'utf8')) as LabelFile;
    let inputs: BrepNetInputs;
    let labels: number[];
    try {
      const result = await analyze(new Uint8Array(readFileSync(file)), { fileName: basename(file), meshDeflection: 0.2 });
      labels = mapLabels(labelFile);
      if (labels.length !== result.faces.length) throw new Error(`${labels.length} labels for ${result.faces.length} faces`);
      inputs = brepnetInputs(result, { normalization, edgeFeatures, ...(values.raw ? { standardization: null } : {}) });
    } catch (e) {
      skipped.push(`${file}: ${(e as Error).message}`);
      continue;
    }
    if (labelFile.generator !== undefined) generators.add(labelFile.generator);
    for (const t of TENSORS) chunks[t].push(t === 'labels' ? Int32Array.from(labels) : inputs[t]);
    parts.push({
      name: basename(stem),
      source: basename(dirname(file)),
      kind: labelFile.kind ?? 'external',
      F: inputs.faces,
      E: inputs.edges,
      C: inputs.coedges,
      K: inputs.K,
    });
    if (parts.length % 200 === 0)
      console.log(`${parts.length}/${files.length} parts, ${((performance.now() - t0) / parts.length).toFixed(0)} ms each`);
  }
  mkdirSync(dirname(values.out), { recursive: true });
  const arrays: Record<string, { dtype: string; offset: number; length: number }> = {};
  const buffers: Buffer[] = [];
  let offset = 0;
  for (const t of TENSORS) {
    const length = chunks[t].reduce((n, a) => n + a.length, 0);
    arrays[t] = { dtype: t.startsWith('X') ? 'float32' : 'int32', offset, length };
    for (const a of chunks[t]) buffers.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    offset += length * 4;
  }
  writeFileSync(`${values.out}.bin`, Buffer.concat(buffers));
  const header = {
    format: 'vectis-dataset/1',
    normalization,
    standardized: !values.raw,
    standardization: values.raw ? null : BREPNET_STANDARDIZATION,
    classes: [...CLASS_NAMES],
    edgeFeatures,
    generatorVersions: [...generators].sort(),
    columns: { Xf: 7, Xe: edgeColumns(edgeFeatures), Xc: 1, Kf: 2, Ke: 5, Kc: 6, Ce: 2 },
    arrays,
    parts,
    skipped,
  };
  writeFileSync(`${values.out}.json`, JSON.stringify(header));
  console.log(`${parts.length} parts (${skipped.length} skipped) → ${values.out}.{json,bin} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  for (const s of skipped.slice(0, 10)) console.warn(`skipped ${s}`);
}

if (process.argv[1] && basename(process.argv[1]).startsWith('export-dataset')) await main();
