/**
 * `vectis analyze <file> [--out result.json] [--model <file.onnx>|none]`: a human summary on stdout,
 * the full result as JSON in --out. The shipped segmentation model runs unless `--model none`, on
 * the same runtime as the browser (see ../analysis/hosts/node.ts), so the CLI's answer is the app's.
 * Exit 0 on success, 1 on an analysis error (written as { error } to --out and stderr), 2 on a
 * usage error.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  analyze,
  serializeError,
  stringifyResult,
  isSession,
  loadModel,
  getEngine,
  type AnalysisResult,
  type ModelOption,
} from '../analysis/index.ts';
import { modelFromSetting, useNodeHost } from '../analysis/hosts/node.ts';

useNodeHost();

const USAGE = `usage: vectis analyze <file.step> [--out result.json] [--model <file.onnx>|none]
       vectis eval <labelled-folder> [--out report.json] [--model <file.onnx>|none] [--losses]
       vectis pmi <file.step>... [--out report.json] [--model <file.onnx>|none]`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        model: { type: 'string', short: 'm' },
        help: { type: 'boolean', short: 'h' },
        losses: { type: 'boolean' },
      },
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [command, file, ...rest] = parsed.positionals;
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // Loaded only for eval: a one-shot analyze has no use for the scoring modules.
  if (command === 'eval' && file && rest.length === 0)
    return (await import('./eval.ts')).runEval(file, parsed.values.out, parsed.values.model, parsed.values.losses === true);
  if (command === 'pmi' && file) return (await import('./pmi.ts')).runPmi([file, ...rest], parsed.values.out, parsed.values.model);
  if (command !== 'analyze' || !file || rest.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const out = parsed.values.out;
  const model = modelFromSetting(parsed.values.model);
  if (!model && parsed.values.model === undefined) process.stderr.write('no models/vectis-brepnet.onnx found: geometric recognition only\n');
  try {
    const [bytes] = await Promise.all([readFile(file).then((b) => new Uint8Array(b)), startHosts(model)]);
    const result = await analyze(bytes, { fileName: basename(file), model });
    process.stdout.write(summary(result));
    if (out) await writeFile(out, stringifyResult(result));
    return 0;
  } catch (e) {
    const error = isMissingFile(e) ? { code: 'NOT_FOUND', message: `Cannot read ${file}.` } : serializeError(e);
    const text = JSON.stringify({ error });
    process.stderr.write(`${text}\n`);
    if (out) await writeFile(out, text);
    return isMissingFile(e) ? 2 : 1;
  }
}

/**
 * The engine and the model's session start side by side before the read: most of their start is
 * wasm compiling on V8's background threads, which overlaps; started inside analyze(), the model's
 * start waited behind the synchronous read and landed in 'infer' (2.5 s of a 5 s one-shot run).
 * Failures are left for analyze() to report with its codes (the session cache forgets them).
 */
async function startHosts(model: ModelOption | undefined): Promise<void> {
  await Promise.all([
    getEngine().catch(() => undefined),
    model !== undefined && !isSession(model) ? loadModel(model).catch(() => undefined) : undefined,
  ]);
}

function isMissingFile(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === 'ENOENT';
}

function summary(r: AnalysisResult): string {
  const size = r.part.bbox.max.map((max, i) => (max - r.part.bbox.min[i]!).toFixed(2)).join(' x ');
  const timings = Object.entries(r.timings)
    .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
    .join(', ');
  return [
    `${r.file.name}  ${r.file.schema}, units ${r.file.units}, sha256 ${r.file.sha256.slice(0, 12)}`,
    `solids ${r.part.solids}, faces ${r.part.faces}, edges ${r.part.edges}, triangles ${r.mesh.indices.length / 3}`,
    `bbox ${size} mm, volume ${r.part.volume.toFixed(2)} mm^3, area ${r.part.area.toFixed(2)} mm^2`,
    `features ${r.features.length}; model ${r.model ? r.model.version : 'none'}`,
    `timings: ${timings}`,
    '',
  ].join('\n');
}

process.exitCode = await main(process.argv.slice(2));
