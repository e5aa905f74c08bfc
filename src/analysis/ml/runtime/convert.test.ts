/**
 * The checkpoint converter on synthetic checkpoints with the key names and shapes of Autodesk's checkpoints (docs/model-inputs.md §c.2, §c.3)
 * (both variants): PyTorch's outputs (written by models/training/test_convert.py) against
 * onnxruntime-node's to 1e-5, and the non-commercial licence in the ONNX metadata.
 * Needs /usr/bin/python3 with torch and onnx (Debian python3-torch, python3-onnx); CI without
 * them skips loudly and relies on session.test.ts (committed tiny models) for the TS path.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { readOnnxMetadata } from './model-info.ts';
import { HAS_TORCH, ROOT, scriptOutput, warnIfNoTorch } from './python-tooling.test-support.ts';

warnIfNoTorch('converter tests');

interface TensorJSON {
  shape: number[];
  dtype: 'float32' | 'int64';
  data: number[];
}

describe.skipIf(!HAS_TORCH)('model:convert on synthetic Autodesk checkpoints', () => {
  const generated = scriptOutput('models/training/test_convert.py', 'vectis-convert-');

  it.each([
    ['a', 'features'],
    ['b', 'uvnet'],
  ])('checkpoint %s (%s): ONNX output equals PyTorch to 1e-5', async (name, variant) => {
    const bytes = new Uint8Array(readFileSync(join(generated.dir, `${name}.onnx`)));
    const meta = readOnnxMetadata(bytes);
    expect(meta['vectis.variant']).toBe(variant);
    expect(meta['vectis.class_kind']).toBe('modelling-operations');
    expect(meta.license).toMatch(/CC BY-NC-SA 4\.0.*NON-COMMERCIAL/);
    expect(JSON.parse(meta['vectis.classes']!)).toEqual([
      'ExtrudeSide',
      'ExtrudeEnd',
      'CutSide',
      'CutEnd',
      'Fillet',
      'Chamfer',
      'RevolveSide',
      'RevolveEnd',
    ]);
    const vectors = JSON.parse(readFileSync(join(generated.dir, `${name}.vectors.json`), 'utf8')) as {
      inputs: Record<string, TensorJSON>;
      outputs: Record<string, TensorJSON>;
    };
    const session = await ort.InferenceSession.create(bytes);
    const feeds: Record<string, ort.Tensor> = {};
    // The export pools faces by scatter where that is exact, so a model may not read Cf.
    for (const [input, t] of Object.entries(vectors.inputs)) {
      if (!session.inputNames.includes(input)) continue;
      feeds[input] =
        t.dtype === 'float32'
          ? new ort.Tensor('float32', Float32Array.from(t.data), t.shape)
          : new ort.Tensor(
              'int64',
              BigInt64Array.from(t.data, (v) => BigInt(v)),
              t.shape,
            );
    }
    const out = await session.run(feeds);
    for (const [output, t] of Object.entries(vectors.outputs)) {
      const got = out[output]!.data as Float32Array;
      expect(got.length).toBe(t.data.length);
      let worst = 0;
      t.data.forEach((v, i) => (worst = Math.max(worst, Math.abs(got[i]! - v) / Math.max(1, Math.abs(v)))));
      expect(worst, `${output}: max error`).toBeLessThan(1e-5);
    }
    await session.release();
  });

  it('npm run model:convert -- <file.ckpt> --out x.onnx', () => {
    const out = join(generated.dir, 'via-npm.onnx');
    const log = execFileSync('npm', ['run', '--silent', 'model:convert', '--', join(generated.dir, 'a.ckpt'), '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    expect(log).toMatch(/variant features, 359100 parameters/);
    expect(log).toMatch(/NON-COMMERCIAL/);
    expect(readOnnxMetadata(new Uint8Array(readFileSync(out)))['vectis.normalization']).toBe('unit-box');
  });
});
