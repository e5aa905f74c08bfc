/**
 * BRepNet input tensors (docs/model-inputs.md §a, §b) on our fixtures, on BRepNet's own unit-test solids
 * (../shared/data/brepnet, skipped loudly when absent) and on a hand-built graph.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult, type Coedge } from '../../index.ts';
import { brepnetInputs, inputsToJSON, type BrepNetInputs } from './inputs.ts';
import { kernelIndices, SMALL_FACE_COEDGES } from './kernel.ts';
import { BREPNET_STANDARDIZATION } from './standardization.ts';
import { rotateStep, rotation } from './rotate-step.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const fixture = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'fixtures', name)));
const BREPNET_DATA = resolve(ROOT, '..', 'shared', 'data', 'brepnet');
const HAS_BREPNET = existsSync(join(BREPNET_DATA, 'test_data'));
if (!HAS_BREPNET) console.warn(`\n*** ${BREPNET_DATA} is absent: BRepNet unit-test solids are SKIPPED ***\n`);
const brepnetFile = (path: string) => new Uint8Array(readFileSync(join(BREPNET_DATA, path)));

/** Convexity counts read back from the raw Xe columns 0..2. */
function convexityColumns(t: BrepNetInputs) {
  const n = { concave: 0, convex: 0, smooth: 0 };
  for (let e = 0; e < t.edges; e++) {
    n.concave += t.Xe[e * 10]!;
    n.convex += t.Xe[e * 10 + 1]!;
    n.smooth += t.Xe[e * 10 + 2]!;
  }
  return n;
}

/** Every index tensor agrees with the graph it came from (docs/model-inputs.md §b). */
function expectConsistentIndices(r: AnalysisResult, t: BrepNetInputs): void {
  const C = r.coedges.length;
  expect([t.Xf.length, t.Xe.length, t.Xc.length]).toEqual([r.faces.length * 7, r.edges.length * 10, C]);
  const mate = (c: number) => (r.coedges[c]!.mate >= 0 ? r.coedges[c]!.mate : c);
  for (const c of r.coedges) {
    const m = mate(c.id);
    expect(Array.from(t.Kf.subarray(2 * c.id, 2 * c.id + 2))).toEqual([c.face, r.coedges[m]!.face]);
    const cs = [c.id, m, c.next, c.prev, r.coedges[m]!.next, r.coedges[m]!.prev];
    expect(Array.from(t.Kc.subarray(6 * c.id, 6 * c.id + 6))).toEqual(cs);
    const es = [c.edge, r.coedges[c.next]!.edge, r.coedges[c.prev]!.edge, r.coedges[cs[4]!]!.edge, r.coedges[cs[5]!]!.edge];
    expect(Array.from(t.Ke.subarray(5 * c.id, 5 * c.id + 5))).toEqual(es);
  }
  for (const e of r.edges) {
    const uses = r.coedges.filter((c) => c.edge === e.id).map((c) => c.id);
    expect(Array.from(t.Ce.subarray(2 * e.id, 2 * e.id + 2))).toEqual([uses[0], uses[1] ?? uses[0]]);
  }
  expect(t.K).toBe(Math.max(SMALL_FACE_COEDGES, ...r.faces.map((f) => r.coedges.filter((c) => c.face === f.id).length)));
  for (const f of r.faces) {
    const uses = r.coedges.filter((c) => c.face === f.id).map((c) => c.id);
    const row = Array.from(t.Cf.subarray(f.id * t.K, (f.id + 1) * t.K));
    const pad = uses.length < SMALL_FACE_COEDGES ? C : C + 1;
    expect(row).toEqual([...uses, ...Array<number>(t.K - uses.length).fill(pad)]);
  }
}

describe('BRepNet inputs on our fixtures', () => {
  it('cylinder: 3 faces, 3 edges, 6 coedges; 2 convex rims and a smooth seam', async () => {
    const r = await analyze(fixture('cylinder.step'));
    const t = brepnetInputs(r, { normalization: 'unit-box', standardization: null });
    expect([t.faces, t.edges, t.coedges, t.K]).toEqual([3, 3, 6, 30]);
    expect(convexityColumns(t)).toEqual({ concave: 0, convex: 2, smooth: 1 });
    expectConsistentIndices(r, t);
    // The seam's two coedges sit on the cylinder and are each other's mate: Kf = [face, face].
    const seam = r.edges.find((e) => e.curve === 'line')!;
    const uses = r.coedges.filter((c) => c.edge === seam.id);
    for (const c of uses) expect(Array.from(t.Kf.subarray(2 * c.id, 2 * c.id + 2))).toEqual([c.face, c.face]);
    // Unit box: longest side 30 → scale 1/15; the side has area 2π·10·30.
    expect(t.scale).toBeCloseTo(2 / 30, 12);
    const side = r.faces.findIndex((f) => f.surface === 'cylinder');
    expect(t.Xf[side * 7 + 1]).toBe(1);
    expect(t.Xf[side * 7 + 5]).toBeCloseTo(2 * Math.PI * 10 * 30 * (2 / 30) ** 2, 4);
    // Rims are closed circles, the seam a straight line.
    const rim = r.edges.findIndex((e) => e.curve === 'circle');
    expect([t.Xe[rim * 10 + 4], t.Xe[rim * 10 + 5], t.Xe[rim * 10 + 9]]).toEqual([1, 1, 0]);
  });

  it('block: 6 faces, 12 convex edges, 24 coedges; standardised with BRepNet statistics', async () => {
    const r = await analyze(fixture('block.step'));
    const raw = brepnetInputs(r, { normalization: 'unit-box', standardization: null });
    const t = brepnetInputs(r, { normalization: 'unit-box' });
    expect([t.faces, t.edges, t.coedges]).toEqual([6, 12, 24]);
    expect(convexityColumns(raw)).toEqual({ concave: 0, convex: 12, smooth: 0 });
    expect(Array.from(raw.Xc).reduce((a, b) => a + b, 0)).toBe(12);
    expectConsistentIndices(r, t);
    const stats = BREPNET_STANDARDIZATION;
    for (let i = 0; i < raw.Xf.length; i++) {
      const s = stats.face_features[i % 7]!;
      expect(t.Xf[i]).toBeCloseTo((raw.Xf[i]! - s.mean) / s.standard_deviation, 5);
    }
    const s = stats.edge_features[1]!;
    expect(t.Xe[1]).toBeCloseTo((1 - s.mean) / s.standard_deviation, 6);
    // Every coedge's mate lies on another face of a block.
    for (let c = 0; c < 24; c++) expect(t.Kf[2 * c]).not.toBe(t.Kf[2 * c + 1]);
  });

  it("'area' normalisation: scaled face areas sum to 24 and the inputs do not change when the part turns", async () => {
    const bytes = fixture('box-with-hole.step');
    const r = await analyze(bytes);
    const turned = await analyze(rotateStep(bytes, rotation([1, 2, 3], 37)));
    const a = brepnetInputs(r, { normalization: 'area', standardization: null });
    const b = brepnetInputs(turned, { normalization: 'area', standardization: null });
    let sum = 0;
    for (let f = 0; f < a.faces; f++) sum += a.Xf[f * 7 + 5]!;
    expect(sum).toBeCloseTo(24, 4);
    expect(b.scale).toBeCloseTo(a.scale, 9);
    for (const name of ['Kf', 'Ke', 'Kc', 'Ce', 'Cf'] as const) expect(b[name]).toEqual(a[name]);
    for (const name of ['Xf', 'Xe', 'Xc'] as const) {
      a[name].forEach((v, i) => expect(b[name][i], `${name}[${i}]`).toBeCloseTo(v, 4));
    }
    // The unit box is not rotation-invariant: that is why our models use 'area'.
    const ua = brepnetInputs(r, { normalization: 'unit-box' });
    const ub = brepnetInputs(turned, { normalization: 'unit-box' });
    expect(Math.abs(ua.scale - ub.scale)).toBeGreaterThan(1e-3);
  });

  it('serialises to the JSON format the Python tooling reads', async () => {
    const r = await analyze(fixture('cylinder.step'));
    const j = inputsToJSON(brepnetInputs(r, { normalization: 'area' }), [0, 1, 2]);
    expect(j.tensors.Cf).toMatchObject({ shape: [3, 30], dtype: 'int64' });
    expect(j.tensors.Xe.shape).toEqual([3, 10]);
    expect(j.tensors.Xf.data).toHaveLength(21);
    expect(JSON.parse(JSON.stringify(j)).labels).toEqual([0, 1, 2]);
  });
});

describe('kernel indices on a hand-built graph', () => {
  /** One face with n coedges in a ring (each its own mate-less use) plus a ring of m on face 1. */
  function rings(n: number, m: number): Coedge[] {
    const out: Coedge[] = [];
    for (const [face, count] of [
      [0, n],
      [1, m],
    ] as const) {
      const first = out.length;
      for (let i = 0; i < count; i++) {
        const id = first + i;
        out.push({
          id,
          face,
          edge: id,
          loop: face,
          reversed: false,
          next: first + ((i + 1) % count),
          prev: first + ((i + count - 1) % count),
          mate: -1,
        });
      }
    }
    return out;
  }

  it('pads faces with < 30 coedges with the zero row C and bigger ones with C + 1; no mate → itself', () => {
    for (const [n, m] of [
      [29, 31],
      [30, 3],
    ] as const) {
      const co = rings(n, m);
      const C = co.length;
      const k = kernelIndices(co, 2, C);
      expect(k.K).toBe(Math.max(30, n, m));
      const row0 = Array.from(k.Cf.subarray(0, k.K));
      const row1 = Array.from(k.Cf.subarray(k.K, 2 * k.K));
      expect(row0.slice(n).every((v) => v === (n < 30 ? C : C + 1))).toBe(true);
      expect(row1.slice(m).every((v) => v === (m < 30 ? C : C + 1))).toBe(true);
      expect(Array.from(k.Kc.subarray(0, 6))).toEqual([0, 0, 1, n - 1, 1, n - 1]);
      expect(Array.from(k.Ce.subarray(0, 2))).toEqual([0, 0]);
    }
  });
});

describe.skipIf(!HAS_BREPNET)('BRepNet unit-test solids (../shared/data/brepnet)', () => {
  it('block_hole: 8 faces, 15 edges, 30 coedges; 1 concave, 13 convex, 1 smooth (docs/model-inputs.md §a.4)', async () => {
    const r = await analyze(brepnetFile('test_data/block_hole.step'));
    const t = brepnetInputs(r, { normalization: 'unit-box', standardization: null });
    expect([t.faces, t.edges, t.coedges]).toEqual([8, 15, 30]);
    expect(convexityColumns(t)).toEqual({ concave: 1, convex: 13, smooth: 1 });
    expectConsistentIndices(r, t);
  });

  // Counts measured with our pipeline (no published figure): regressions, and every index checked.
  it.each([
    ['test_data/block_through_hole.step', [7, 15, 30], { concave: 0, convex: 14, smooth: 1 }],
    ['test_data/block_fillet3.step', [10, 21, 42], { concave: 0, convex: 12, smooth: 9 }],
    ['test_data/four_cone.step', [10, 24, 48], { concave: 0, convex: 16, smooth: 8 }],
    ['test_data/23642_cd2f2029_0.step', [79, 208, 416], { concave: 95, convex: 84, smooth: 29 }],
  ] as const)('%s: counts %j, convexity %j', async (file, counts, convexity) => {
    const r = await analyze(brepnetFile(file));
    const t = brepnetInputs(r, { normalization: 'unit-box', standardization: null });
    expect([t.faces, t.edges, t.coedges]).toEqual(counts);
    expect(convexityColumns(t)).toEqual(convexity);
    expectConsistentIndices(r, t);
  });

  it('flags rational B-spline faces and edges; a face with > 30 coedges pads with C + 1', async () => {
    const faces = await analyze(brepnetFile('step_examples/37117_89aac9d4_9.stp'));
    const tf = brepnetInputs(faces, { normalization: 'unit-box', standardization: null });
    let rationalFaces = 0;
    for (let f = 0; f < tf.faces; f++) rationalFaces += tf.Xf[f * 7 + 6]!;
    expect(rationalFaces).toBe(2);
    const edges = await analyze(brepnetFile('step_examples/44323_3bf3f9ca_0.stp'));
    const te = brepnetInputs(edges, { normalization: 'unit-box', standardization: null });
    const col = (j: number) => Array.from({ length: te.edges }, (_, e) => te.Xe[e * 10 + j]!).reduce((a, b) => a + b, 0);
    expect([col(7), col(8)]).toEqual([50, 4]);
    expect(te.K).toBe(97);
    expectConsistentIndices(edges, te);
  });
});
