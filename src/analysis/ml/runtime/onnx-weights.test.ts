/**
 * A fine-tune starts from a shipped model whose PyTorch checkpoint was not kept
 * (`train.py --init models/vectis-brepnet.onnx`, models/training/onnx_weights.py): its weights,
 * read back from the ONNX file into a fresh BRepNet and exported again, must give the shipped
 * model's logits on real parts. Needs /usr/bin/python3 with torch and onnx; skipped loudly without.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../index.ts';
import { useNodeHost } from '../../hosts/node.ts';
import { HAS_TORCH, ROOT, scriptOutput, warnIfNoTorch } from './python-tooling.test-support.ts';
import { loadModel } from './session.ts';

useNodeHost();

warnIfNoTorch('ONNX weight read-back tests');

const PARTS = ['fixtures/plate-holes.step', 'fixtures/shaft.step', 'fixtures/prismatic.step'].map((p) => join(ROOT, p));

describe.skipIf(!HAS_TORCH)("the shipped model's weights read back from its ONNX file", () => {
  const generated = scriptOutput('models/training/test_onnx_weights.py', 'vectis-onnx-weights-');

  it('give the same logits when exported again', async () => {
    const shipped = await loadModel(join(ROOT, 'models', 'vectis-brepnet.onnx'));
    const again = await loadModel(join(generated.dir, 'reexported.onnx'));
    expect(again.info.classes).toEqual(shipped.info.classes);
    let worst = 0;
    let compared = 0;
    for (const part of PARTS) {
      const r = await analyze(new Uint8Array(readFileSync(part)), { meshDeflection: 0.2 });
      const a = (await shipped.run(shipped.inputs(r))).logits;
      const b = (await again.run(again.inputs(r))).logits;
      expect(b.length).toBe(a.length);
      for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / Math.max(1, Math.abs(a[i]!)));
      compared += a.length;
    }
    console.log(`re-exported vs shipped: ${compared} logits on ${PARTS.length} parts, worst relative difference ${worst}`);
    expect(compared).toBeGreaterThan(0);
    expect(worst).toBeLessThan(1e-5);
  });
});
