/**
 * The TypeScript inference path without torch: committed tiny models (models/testdata, made by
 * models/training/make_testdata.py) run through analyze() in onnxruntime-node and -web (wasm,
 * in Node) and must reproduce PyTorch's logits to 1e-5 on the tensors TypeScript builds.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ortNode from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { analyze, AnalysisError } from '../../index.ts';
import { useOnnxRuntimeNode, useOnnxRuntimeWebInNode } from '../../hosts/node.ts';
import { readOnnxMetadata } from './model-info.ts';
import { loadModel } from './session.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const TESTDATA = join(ROOT, 'models', 'testdata');
const TINY = join(TESTDATA, 'tiny-features.onnx');
const fixture = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'fixtures', name)));

interface TensorJSON {
  shape: number[];
  dtype: 'float32' | 'int64';
  data: number[];
}
const expected = JSON.parse(readFileSync(join(TESTDATA, 'tiny-features.expected.json'), 'utf8')) as Record<string, TensorJSON>;

function expectClose(actual: ArrayLike<number>, wanted: number[], tol = 1e-5): void {
  expect(actual.length).toBe(wanted.length);
  let worst = 0;
  for (let i = 0; i < wanted.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - wanted[i]!) / Math.max(1, Math.abs(wanted[i]!)));
  expect(worst).toBeLessThan(tol);
}

describe('BRepNet inference in analyze()', () => {
  it('reads the model card from the ONNX metadata', async () => {
    useOnnxRuntimeNode();
    const model = await loadModel(TINY);
    expect(model.info).toMatchObject({
      variant: 'features',
      classKind: 'machining-features',
      version: 'tiny-features-test-1',
      normalization: 'area',
      background: ['stock'],
      classes: ['stock', 'through_hole', 'blind_hole', 'rectangular_pocket', 'chamfer'],
    });
    expect(model.info.standardization.edge_features).toHaveLength(10);
    expect(await loadModel(TINY)).toBe(model); // one session per host and model
  });

  for (const [host, use] of [
    ['onnxruntime-node', useOnnxRuntimeNode],
    ['onnxruntime-web (wasm in Node)', useOnnxRuntimeWebInNode],
  ] as const) {
    it.each(Object.keys(expected))(`${host}: %s logits equal PyTorch's to 1e-5; faces labelled, ml features`, async (file) => {
      use();
      const model = await loadModel(TINY);
      const r = await analyze(fixture(file), { model: TINY });
      const { logits } = await model.run(model.inputs(r));
      expectClose(logits, expected[file]!.data);
      expect(r.timings.infer).toBeGreaterThanOrEqual(0);
      expect(r.model).toMatchObject({ version: 'tiny-features-test-1', classKind: 'machining-features' });
      for (const face of r.faces) {
        expect(model.info.classes).toContain(face.label);
        expect(face.confidence).toBeGreaterThan(0);
        expect(face.confidence).toBeLessThanOrEqual(1);
      }
      // The model's regions: measured ('ml', its class in model_class) or for review (its class in hint).
      const byModel = r.features.filter((f) => f.method !== 'geometric');
      for (const f of byModel) {
        expect(f.modelVersion).toBe('tiny-features-test-1');
        const cls = f.method === 'ml' ? f.params.model_class : f.hint;
        expect(cls).not.toBe('stock');
        for (const face of f.faces) expect(r.faces[face]!.label).toBe(cls);
      }
      // A model region lies only on non-background faces no geometric feature explains, once
      // (where geometry has a feature, it wins: see merge.ts and fuse.ts).
      const explained = new Set(r.features.filter((f) => f.method === 'geometric').flatMap((f) => f.faces));
      const covered = byModel.flatMap((f) => f.faces);
      expect(new Set(covered).size).toBe(covered.length);
      expect(covered.filter((f) => explained.has(f) || r.faces[f]!.label === 'stock')).toEqual([]);
    });
  }

  it('runs nothing ML without a model', async () => {
    const r = await analyze(fixture('block.step'));
    expect(r.timings.infer).toBeUndefined();
    expect(r.model).toBeUndefined();
    expect(r.faces.every((f) => f.label === undefined)).toBe(true);
  });

  it('fails with MODEL_UNAVAILABLE for a broken or missing model file', async () => {
    useOnnxRuntimeNode();
    for (const model of [new Uint8Array([1, 2, 3, 4]), join(TESTDATA, 'missing.onnx')]) {
      const run = analyze(fixture('block.step'), { model });
      await expect(run).rejects.toBeInstanceOf(AnalysisError);
      await expect(run).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
    }
  });
});

// The UV-Net path inside analyze() (grids sampled from the B-Rep) is tested in uvnet.test.ts.
describe('UV-Net variant: the ONNX file alone', () => {
  it('tiny-uvnet.onnx reproduces PyTorch to 1e-5 in onnxruntime-node', async () => {
    const vectors = JSON.parse(readFileSync(join(TESTDATA, 'tiny-uvnet.vectors.json'), 'utf8')) as {
      inputs: Record<string, TensorJSON>;
      outputs: Record<string, TensorJSON>;
    };
    const bytes = new Uint8Array(readFileSync(join(TESTDATA, 'tiny-uvnet.onnx')));
    expect(readOnnxMetadata(bytes)['vectis.variant']).toBe('uvnet');
    const session = await ortNode.InferenceSession.create(bytes);
    const feeds: Record<string, ortNode.Tensor> = {};
    for (const [name, t] of Object.entries(vectors.inputs)) {
      feeds[name] =
        t.dtype === 'float32'
          ? new ortNode.Tensor('float32', Float32Array.from(t.data), t.shape)
          : new ortNode.Tensor(
              'int64',
              BigInt64Array.from(t.data, (v) => BigInt(v)),
              t.shape,
            );
    }
    const out = await session.run(feeds);
    for (const [name, t] of Object.entries(vectors.outputs)) expectClose(out[name]!.data as Float32Array, t.data);
    await session.release();
  });
});
