/**
 * The 'infer' stage on its own: for each part, the shipped model's inputs (tensor building in
 * TypeScript) and the ONNX run, warm medians, on
 *   - onnxruntime-web (wasm, SIMD, one thread): what every product host runs (browser worker,
 *     server, CLI), and
 *   - onnxruntime-node (native CPU): the peer, for the ratio.
 * The B-Rep analysis runs once per file, untimed. Prints a table; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyze, loadModel, type AnalysisResult } from '../src/analysis/index.ts';
import { defaultModelPath, useOnnxRuntimeNode, useOnnxRuntimeWebInNode } from '../src/analysis/hosts/node.ts';
import type { BenchFile } from './files.ts';
import { median, ms, ratio, table } from './stats.ts';

export interface ModelFigures {
  model: string;
  version: string;
  bytes: number;
  rows: { label: string; faces: number; coedges: number; inputsMs: number; webRunMs: number; nodeRunMs: number; webTotalMs: number }[];
}

/** Calls before timing: V8 moves onnxruntime's wasm to its optimising tier only after ~15 runs. */
const WARM_UP_CALLS = 15;

async function timeRuns(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < WARM_UP_CALLS; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

export async function benchModel(files: BenchFile[], runs: number, say: (line: string) => void): Promise<ModelFigures | undefined> {
  const model = defaultModelPath();
  if (!model) {
    say('\n*** SKIPPED model benchmark: models/vectis-brepnet.onnx is absent ***');
    return undefined;
  }
  const parts: { label: string; result: AnalysisResult }[] = [];
  for (const f of files) {
    try {
      parts.push({
        label: f.label,
        result: await analyze(new Uint8Array(readFileSync(f.path)), { fileName: basename(f.path), meshDeflection: 0.2 }),
      });
    } catch {
      // Files that do not analyse (the error fixtures) have nothing to label.
    }
  }
  useOnnxRuntimeWebInNode();
  const web = await loadModel(model);
  const rows: ModelFigures['rows'] = [];
  for (const { label, result } of parts) {
    const inputs = web.inputs(result);
    rows.push({
      label,
      faces: result.faces.length,
      coedges: result.coedges.length,
      inputsMs: await timeRuns(runs, () => web.inputs(result)),
      webRunMs: await timeRuns(runs, () => web.run(inputs)),
      webTotalMs: await timeRuns(runs, () => web.segment(result)),
      nodeRunMs: NaN,
    });
  }
  useOnnxRuntimeNode();
  const native = await loadModel(model);
  for (const [i, { result }] of parts.entries()) {
    const inputs = native.inputs(result);
    rows[i]!.nodeRunMs = await timeRuns(runs, () => native.run(inputs));
  }
  useOnnxRuntimeWebInNode();
  say(
    `\n== Segmentation model ${basename(model)} (${web.info.version}, ${(readFileSync(model).byteLength / 1e6).toFixed(2)} MB): warm medians of ${runs} runs after ${WARM_UP_CALLS} untimed ==`,
  );
  say(
    table(
      ['file', 'faces', 'coedges', 'inputs ms', 'ort-web run ms', 'ort-web segment ms', 'ort-node run ms', 'web / node run'],
      rows
        .sort((a, b) => b.faces - a.faces)
        .map((r) => [
          r.label,
          String(r.faces),
          String(r.coedges),
          ms(r.inputsMs),
          ms(r.webRunMs),
          ms(r.webTotalMs),
          ms(r.nodeRunMs),
          ratio(r.webRunMs / r.nodeRunMs),
        ]),
    ),
  );
  say('(ort-web = onnxruntime-web wasm with SIMD on one thread, the product runtime; segment = inputs + run + softmax)');
  return { model, version: web.info.version, bytes: readFileSync(model).byteLength, rows };
}
