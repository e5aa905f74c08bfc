/**
 * The shipped model (models/vectis-brepnet.onnx) in the product path: analyze() with the default
 * model on the browser's runtime (onnxruntime-web wasm in Node). It must describe itself, label
 * our fixtures as the geometric recogniser reads them, give the same labels after a rotation and a
 * change of scale, and keep its accuracy on the public MFCAD dev set (the model card's full
 * figures: npm run model:eval).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../../index.ts';
import { MFCAD_TO_MFCADPP, MFCADPP_CLASSES } from '../../features/classes.ts';
import { rotateStep, rotation } from '../inputs/rotate-step.ts';
import { loadModel, type BrepNetSession } from './session.ts';
import { defaultModelPath, useNodeHost } from '../../hosts/node.ts';

useNodeHost();

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const SHARED = resolve(ROOT, '..', 'shared', 'data');
const MODEL = defaultModelPath();
const fixture = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'fixtures', name)));
if (!existsSync(SHARED)) console.warn(`SKIPPED LOUDLY: ${SHARED} is absent; the MFCAD dev accuracy and real-part rotation checks do not run.`);

let model: BrepNetSession;
beforeAll(async () => {
  model = await loadModel(MODEL!);
});

/** Share of faces whose model label is the MFCAD++ class the geometric recogniser gave them. */
function agreementWithGeometry(r: AnalysisResult): number {
  const comparable = r.faces.filter((f) => f.mfcadClass !== undefined && (MFCADPP_CLASSES as readonly string[]).includes(f.label!));
  return comparable.filter((f) => f.label === MFCADPP_CLASSES[f.mfcadClass!]).length / comparable.length;
}

describe('the shipped segmentation model', () => {
  it('is committed, small, and describes itself', () => {
    expect(MODEL, 'models/vectis-brepnet.onnx').toBeDefined();
    expect(readFileSync(MODEL!).byteLength).toBeLessThan(5 * 1024 * 1024);
    expect(model.info).toMatchObject({
      variant: 'features',
      classKind: 'machining-features',
      normalization: 'area',
      edgeFeatures: 'brepnet+dihedral',
    });
    expect(model.info.background).toContain('stock');
    expect(model.info.version).toMatch(/^vectis-brepnet-\d+$/);
    // The MFCAD++ classes by their published names, then ours.
    expect(model.info.classes.slice(0, MFCADPP_CLASSES.length)).toEqual([...MFCADPP_CLASSES]);
    expect(model.info.classes).toEqual(expect.arrayContaining(['counterbore', 'countersunk_hole', 'turned_profile', 'turned_groove']));
    expect(model.info.license ?? '').not.toMatch(/NC|non-commercial/i);
  });

  // (rounded.step is left out on purpose: its rounded-corner pocket is a class MFCAD++ does not
  // have, and the two readers name it differently, both defensibly.)
  it.each(['box-with-hole.step', 'prismatic.step', 'plate-holes.step', 'thin-wall.step'])(
    'labels %s as the geometric recogniser reads it',
    async (name) => {
      const r = await analyze(fixture(name), { fileName: name, model: MODEL });
      expect(r.model?.version).toBe(model.info.version);
      const agreement = agreementWithGeometry(r);
      console.log(`${name}: ${r.faces.length} faces, model agrees with geometry on ${(agreement * 100).toFixed(1)} %`);
      // Measured 2026-12-03: 100 % on box-with-hole, prismatic and thin-wall, 90.9 % on plate-holes.
      expect(agreement).toBeGreaterThanOrEqual(0.9);
    },
  );

  const rotated: [string, () => Uint8Array, boolean][] = [
    ['fixture prismatic.step', () => fixture('prismatic.step'), true],
    ['fixture plate-holes.step', () => fixture('plate-holes.step'), true],
    ['fixture shaft.step', () => fixture('shaft.step'), true],
    ['42811_d1f01a68_2.stp', () => new Uint8Array(readFileSync(join(SHARED, 'brepnet/step_examples/42811_d1f01a68_2.stp'))), existsSync(SHARED)],
  ];
  it.each(rotated)('gives the same labels after a rotation: %s', async (name, bytes, available) => {
    if (!available) return void console.warn(`SKIPPED LOUDLY: ${name} needs ${SHARED}`);
    const original = await analyze(bytes(), { model: MODEL });
    const turned = await analyze(rotateStep(bytes(), rotation([0.3, -1, 0.7], 131)), { model: MODEL });
    expect(turned.faces.map((f) => f.label)).toEqual(original.faces.map((f) => f.label));
    const worst = Math.max(...original.faces.map((f, i) => Math.abs(f.confidence! - turned.faces[i]!.confidence!)));
    expect(worst).toBeLessThan(1e-3);
  });

  it('gives the same labels when the part is ten times larger (the file declares cm, not mm)', async () => {
    const mm = fixture('plate-holes.step');
    const text = new TextDecoder('latin1').decode(mm);
    expect(text).toContain('SI_UNIT(.MILLI.,.METRE.)');
    const cm = Uint8Array.from(text.replace('SI_UNIT(.MILLI.,.METRE.)', 'SI_UNIT(.CENTI.,.METRE.)'), (ch) => ch.charCodeAt(0));
    const small = await analyze(mm, { model: MODEL });
    const large = await analyze(cm, { model: MODEL });
    const size = (r: AnalysisResult) => r.part.bbox.max[0]! - r.part.bbox.min[0]!;
    expect(size(large) / size(small)).toBeCloseTo(10, 6);
    expect(large.faces.map((f) => f.label)).toEqual(small.faces.map((f) => f.label));
  });

  it.skipIf(!existsSync(SHARED))('keeps face accuracy >= 0.995 on the MFCAD dev parts it never trained on', async () => {
    const dir = join(SHARED, 'mfcad', 'dev');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.step'))
      .sort();
    let correct = 0;
    let total = 0;
    for (const f of files) {
      const truth = (JSON.parse(readFileSync(join(dir, f.replace(/\.step$/, '.topexp_labels.json')), 'utf8')) as { labels: number[] }).labels;
      const r = await analyze(new Uint8Array(readFileSync(join(dir, f))), { model: MODEL, meshDeflection: 0.2 });
      r.faces.forEach((face, i) => {
        total++;
        if (face.label === MFCADPP_CLASSES[MFCAD_TO_MFCADPP[truth[i]!]!]) correct++;
      });
    }
    console.log(`mfcad/dev, ${files.length} parts: ${total} faces, accuracy ${(correct / total).toFixed(4)}`);
    // Measured 2026-12-03: 2250 of 2256 faces (0.9973); the floor lets about 5 more faces go wrong.
    expect(correct / total).toBeGreaterThanOrEqual(0.995);
  });
});
