/**
 * A converted checkpoint-B (UV-Net) model inside analyze(): models/testdata/tiny-autodesk-uvnet.onnx
 * is a small synthetic Autodesk checkpoint run through convert.py (make_uvnet_testdata.py), so its
 * metadata is what model:convert writes. The grids analyze() samples must be the ones the model
 * sees, and only a 'uvnet' model may sample them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze, free } from '../../index.ts';
import { buildBrepGraph } from '../../brep/graph.ts';
import { getEngine } from '../../occt/engine.ts';
import { readStep } from '../../step.ts';
import { useOnnxRuntimeNode, useOnnxRuntimeWebInNode } from '../../hosts/node.ts';
import { loadModel, softmaxRows } from '../runtime/session.ts';
import { uvGrids, type GridFrame, type UvGrids } from './uv-grids.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const TESTDATA = join(ROOT, 'models', 'testdata');
const UVNET = join(TESTDATA, 'tiny-autodesk-uvnet.onnx');
const FEATURES = join(TESTDATA, 'tiny-features.onnx');
const OPERATIONS = ['ExtrudeSide', 'ExtrudeEnd', 'CutSide', 'CutEnd', 'Fillet', 'Chamfer', 'RevolveSide', 'RevolveEnd'];
const fixture = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'fixtures', name)));

/** The fixture's grids, sampled outside analyze() on a fresh read of the file. */
async function gridsOf(name: string, frame: GridFrame): Promise<UvGrids> {
  const oc = await getEngine();
  const { shape } = readStep(oc, fixture(name), 1e9);
  const brep = buildBrepGraph(oc, shape);
  try {
    return uvGrids(oc, brep.topology, frame);
  } finally {
    brep.dispose();
    free(shape);
  }
}

describe('UV-Net (checkpoint B) model in analyze()', () => {
  for (const [host, use] of [
    ['onnxruntime-node', useOnnxRuntimeNode],
    ['onnxruntime-web (wasm in Node)', useOnnxRuntimeWebInNode],
  ] as const) {
    it(`${host}: every face labelled with one of the 8 modelling operations; model.classKind 'modelling-operations'`, async () => {
      use();
      const r = await analyze(fixture('plate-holes.step'), { model: UVNET });
      expect(r.model).toMatchObject({ version: 'tiny-autodesk-uvnet-test-1', classKind: 'modelling-operations', classes: OPERATIONS });
      expect(r.model!.license).toMatch(/CC BY-NC-SA 4\.0.*NON-COMMERCIAL/);
      expect(r.timings.infer).toBeGreaterThan(0);
      for (const face of r.faces) {
        expect(OPERATIONS).toContain(face.label);
        expect(face.confidence).toBeGreaterThan(0);
        expect(face.confidence).toBeLessThanOrEqual(1);
      }
      // Faces differ in their grids only (no scalar features): different labels show the grids arrive.
      expect(new Set(r.faces.map((f) => f.label)).size).toBeGreaterThan(1);
    });
  }

  it('the model sees the UV-Net grids (docs/model-inputs.md §a.5) in its unit-box frame, and they decide its output', async () => {
    useOnnxRuntimeNode();
    const model = await loadModel(UVNET);
    expect(model.info).toMatchObject({ variant: 'uvnet', normalization: 'unit-box' });
    const r = await analyze(fixture('box-with-hole.step'), { model });
    const inputs = model.inputs(r);
    let frame: GridFrame | undefined;
    const grids = model.grids(r, (f) => ((frame = f), { faces: 0, coedges: 0, Gf: new Float32Array(), Gc: new Float32Array() }));
    expect(grids).toBeDefined();
    // 40 x 30 x 20 at the origin: centre (20, 15, 10), the 40 mm side spans 2.
    expect(frame).toEqual({ center: [20, 15, 10], scale: 2 / 40 });
    const sampled = await gridsOf('box-with-hole.step', frame!);
    const { logits, classes } = await model.run(inputs, sampled);
    const probabilities = softmaxRows(logits, classes);
    r.faces.forEach((face, i) => {
      expect(face.confidence).toBeCloseTo(Math.max(...probabilities.subarray(i * classes, (i + 1) * classes)), 6);
    });
    const changed = async (g: UvGrids) => {
      const other = (await model.run(inputs, g)).logits;
      return Math.max(...logits.map((x, i) => Math.abs(x - other[i]!)));
    };
    expect(await changed({ ...sampled, Gf: new Float32Array(sampled.Gf.length) })).toBeGreaterThan(1e-3);
    expect(await changed({ ...sampled, Gc: new Float32Array(sampled.Gc.length) })).toBeGreaterThan(1e-3);
    await expect(model.run(inputs, { ...sampled, faces: sampled.faces - 1 })).rejects.toThrow(/grids for/);
  });

  it('a UV-Net model outside analyze() says it needs the B-Rep; scalar-feature models never sample grids', async () => {
    useOnnxRuntimeNode();
    const r = await analyze(fixture('block.step'));
    await expect((await loadModel(UVNET)).segment(r)).rejects.toThrow(/UV-Net grids/);
    const never = (): UvGrids => {
      throw new Error('a features model sampled grids');
    };
    const seg = await (await loadModel(FEATURES)).segment(r, never);
    expect(seg.labels).toHaveLength(r.faces.length);
  });
});
