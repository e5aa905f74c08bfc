/**
 * The export's face pooling by scatter-max (models/training/scatter_pooling.py) must give exactly
 * the reference's padded-gather logits (docs/model-inputs.md §b), on real parts whose faces have very different coedge counts,
 * and must leave zero-row models (Autodesk's kind) on the gather. Needs /usr/bin/python3 with torch
 * and onnx to export the pair; skipped loudly without them, like the converter tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../index.ts';
import { HAS_TORCH, ROOT, scriptOutput, warnIfNoTorch } from './python-tooling.test-support.ts';
import { loadModel } from './session.ts';
import { useNodeHost } from '../../hosts/node.ts';

useNodeHost();

warnIfNoTorch('scatter-pooling tests');

const PARTS = [
  'fixtures/plate-holes.step',
  'fixtures/shaft.step',
  'fixtures/prismatic.step',
  '../shared/data/brepnet/step_examples/42811_d1f01a68_2.stp',
]
  .map((p) => join(ROOT, p))
  .filter((p) => existsSync(p));

describe.skipIf(!HAS_TORCH)('face pooling by scatter-max in exported models', () => {
  const generated = scriptOutput('models/training/test_scatter_pooling.py', 'vectis-scatter-');

  it("gives the padded gather's logits exactly, without the Cf input", async () => {
    const gather = await loadModel(join(generated.dir, 'gather.onnx'));
    const scatter = await loadModel(join(generated.dir, 'scatter.onnx'));
    expect(gather.info.variant).toBe('features');
    let worst = 0;
    let compared = 0;
    for (const part of PARTS) {
      const r = await analyze(new Uint8Array(readFileSync(part)), { meshDeflection: 0.2 });
      const a = (await gather.run(gather.inputs(r))).logits;
      const b = (await scatter.run(scatter.inputs(r))).logits;
      expect(b.length).toBe(a.length);
      for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / Math.max(1, Math.abs(a[i]!)));
      compared += a.length;
    }
    console.log(`scatter vs gather pooling: ${compared} logits on ${PARTS.length} parts, worst relative difference ${worst}`);
    expect(compared).toBeGreaterThan(0);
    expect(worst).toBeLessThan(1e-6);
    const onnxText = (f: string) => readFileSync(join(generated.dir, f)).toString('latin1');
    expect(onnxText('scatter.onnx')).toContain('ScatterElements');
    expect(onnxText('gather.onnx')).not.toContain('ScatterElements');
  });

  it("leaves a zero-row output unit (Autodesk's checkpoints) on the gather", () => {
    const text = readFileSync(join(generated.dir, 'zero-row.onnx')).toString('latin1');
    expect(text).not.toContain('ScatterElements');
    expect(text).toContain('ReduceMax');
  });
});
