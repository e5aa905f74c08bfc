/**
 * UV-Net grids (docs/model-inputs.md §a.5) on the generated fixtures and OCC primitives, in millimetres (frame
 * = identity) so that values check against the closed-form geometry: points on their face or
 * edge, outward normals (REVERSED faces negated), the u flip of REVERSED faces, the trimming
 * mask (1 strictly inside, 0 on the boundary and in holes), arc-length sampling, zero grids for
 * pole coedges, and the unit-box frame.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrepGraph, type BrepContext } from '../../brep/graph.ts';
import { getEngine, type OC } from '../../occt/engine.ts';
import { free } from '../../occt/scope.ts';
import type { Vec3 } from '../../result.ts';
import { readStep } from '../../step.ts';
import { arcLengthParams } from './coedge-grid.ts';
import { gridFrame, uvGrids, type GridFrame, type UvGrids } from './uv-grids.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const EXAMPLE = resolve(ROOT, '..', 'shared', 'data', 'brepnet', 'step_examples', '30274_ca0d10b2_1.stp');
const HAS_EXAMPLE = existsSync(EXAMPLE);
if (!HAS_EXAMPLE) console.warn(`\n*** ${EXAMPLE} is absent: the mask check on a real part is SKIPPED ***\n`);
const MM: GridFrame = { center: [0, 0, 0], scale: 1 };
const N = 10;

let oc: OC;
const open: { shape: TopoDS_Shape; brep: BrepContext }[] = [];
beforeAll(async () => {
  oc = await getEngine();
});
afterAll(() => {
  for (const { shape, brep } of open) {
    brep.dispose();
    free(shape);
  }
});

function fromShape(shape: TopoDS_Shape, frame = MM): { brep: BrepContext; grids: UvGrids } {
  const brep = buildBrepGraph(oc, shape);
  open.push({ shape, brep });
  return { brep, grids: uvGrids(oc, brep.topology, frame) };
}
const fromFixture = (name: string, frame = MM) =>
  fromShape(readStep(oc, new Uint8Array(readFileSync(join(ROOT, 'fixtures', name))), 1e9).shape, frame);

/** Face f's channel ch at grid index (i, j) = Gf[f, ch, i, j]. */
const gf = (g: UvGrids, f: number, ch: number, i: number, j: number) => g.Gf[((f * 7 + ch) * N + i) * N + j]!;
const facePoint = (g: UvGrids, f: number, i: number, j: number): Vec3 => [0, 1, 2].map((c) => gf(g, f, c, i, j)) as Vec3;
const faceNormal = (g: UvGrids, f: number, i: number, j: number): Vec3 => [3, 4, 5].map((c) => gf(g, f, c, i, j)) as Vec3;
const mask = (g: UvGrids, f: number) => Array.from({ length: N }, (_, i) => Array.from({ length: N }, (_, j) => gf(g, f, 6, i, j)));
/** Coedge c's channels [from, from + 3) at sample k. */
const gc = (g: UvGrids, c: number, from: number, k: number): Vec3 => [0, 1, 2].map((a) => g.Gc[(c * 12 + from + a) * N + k]!) as Vec3;
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const near = (a: Vec3, b: Vec3, tol = 1e-5) => a.every((x, k) => Math.abs(x - b[k]!) <= tol);
const border = (i: number, j: number) => i === 0 || j === 0 || i === N - 1 || j === N - 1;

describe('face grids', () => {
  it('block: points on each face, its outward normal everywhere, mask 1 strictly inside the rectangle', () => {
    const { brep, grids } = fromFixture('block.step'); // 10 x 20 x 30
    expect([grids.faces, grids.Gf.length, grids.coedges, grids.Gc.length]).toEqual([6, 6 * 700, 24, 24 * 120]);
    for (const face of brep.graph.faces) {
      const normal = face.params.normal!;
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < N; j++) {
          const p = facePoint(grids, face.id, i, j);
          expect(Math.abs(dot(sub(p, face.params.origin!), normal))).toBeLessThan(1e-4);
          p.forEach((x, k) => {
            expect(x).toBeGreaterThanOrEqual(-1e-4);
            expect(x).toBeLessThanOrEqual([10, 20, 30][k]! + 1e-4);
          });
          expect(near(faceNormal(grids, face.id, i, j), normal)).toBe(true);
        }
      }
      // The corners of the UV box are the rectangle's corners: the samples cover it edge to edge.
      const corners = [facePoint(grids, face.id, 0, 0), facePoint(grids, face.id, N - 1, N - 1)];
      expect(Math.hypot(...sub(corners[0]!, corners[1]!))).toBeCloseTo(Math.hypot(...[10, 20, 30].filter((_, k) => Math.abs(normal[k]!) < 0.5)), 4);
      // docs/model-inputs.md §a.5: FClass2d's ON (the boundary, here the outer ring of samples) counts as 0.
      expect(mask(grids, face.id)).toEqual(mask(grids, face.id).map((row, i) => row.map((_, j) => (border(i, j) ? 0 : 1))));
    }
    expect(brep.graph.faces.some((f) => f.reversed)).toBe(true);
  });

  it('REVERSED faces: samples flipped along u, normals negated', () => {
    const { brep, grids } = fromFixture('block.step');
    const p = new oc.gp_Pnt();
    const du = new oc.gp_Vec();
    const dv = new oc.gp_Vec();
    for (const face of brep.graph.faces) {
      const shape = brep.topology.faces.shapes[face.id]!;
      const surface = new oc.BRepAdaptor_Surface(shape, true);
      const { UMin, UMax, VMin, VMax } = oc.BRepTools.UVBounds(shape, 0, 0, 0, 0);
      for (const [i, j] of [
        [0, 0],
        [0, 9],
        [2, 7],
        [9, 3],
      ] as const) {
        const ui = face.reversed ? N - 1 - i : i;
        surface.D1(UMin + ((UMax - UMin) * ui) / 9, VMin + ((VMax - VMin) * j) / 9, p, du, dv);
        expect(near(facePoint(grids, face.id, i, j), [p.X(), p.Y(), p.Z()], 1e-4)).toBe(true);
        // d/du x d/dv is the surface's own normal: the grid's is that, negated on REVERSED faces.
        const n: Vec3 = [du.Y() * dv.Z() - du.Z() * dv.Y(), du.Z() * dv.X() - du.X() * dv.Z(), du.X() * dv.Y() - du.Y() * dv.X()];
        expect(Math.sign(dot(n, faceNormal(grids, face.id, i, j)))).toBe(face.reversed ? -1 : 1);
      }
      free(surface);
    }
    [p, du, dv].forEach(free);
  });

  it('plate with a hole: the mask is 0 exactly at the samples inside the hole (and on the boundary)', () => {
    const { brep, grids } = fromFixture('box-with-hole.step'); // 40 x 30 x 20, hole r 5 at (20, 15) along z
    const caps = brep.graph.faces.filter((f) => f.surface === 'plane' && Math.abs(f.params.normal![2]) > 0.5);
    expect(caps).toHaveLength(2);
    for (const face of caps) {
      let inHole = 0;
      const expected = mask(grids, face.id).map((row, i) =>
        row.map((_, j) => {
          const [x, y] = facePoint(grids, face.id, i, j);
          const hole = Math.hypot(x - 20, y - 15) < 5;
          if (hole) inHole++;
          return border(i, j) || hole ? 0 : 1;
        }),
      );
      expect(inHole).toBeGreaterThan(0);
      expect(mask(grids, face.id)).toEqual(expected);
    }
  });

  it('cylinder: lateral samples at the radius with radial normals; the seam and rims are boundary', () => {
    const { brep, grids } = fromFixture('cylinder.step'); // r 10, h 30, axis z
    const lateral = brep.graph.faces.find((f) => f.surface === 'cylinder')!;
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        const p = facePoint(grids, lateral.id, i, j);
        expect(Math.hypot(p[0], p[1])).toBeCloseTo(10, 4);
        expect(near(faceNormal(grids, lateral.id, i, j), [p[0] / 10, p[1] / 10, 0])).toBe(true);
      }
    }
    expect(mask(grids, lateral.id)).toEqual(mask(grids, lateral.id).map((row, i) => row.map((_, j) => (border(i, j) ? 0 : 1))));
    // The end caps: a disc in its square UV box, so the corners are off the face.
    for (const cap of brep.graph.faces.filter((f) => f.surface === 'plane')) {
      mask(grids, cap.id).forEach((row, i) =>
        row.forEach((m, j) => {
          const [x, y] = facePoint(grids, cap.id, i, j);
          expect(m).toBe(Math.hypot(x, y) < 10 - 1e-6 ? 1 : 0);
        }),
      );
    }
  });

  it('a hole in a box: the bore normal points into the hole (away from the material)', () => {
    const { brep, grids } = fromFixture('box-with-hole.step');
    const bore = brep.graph.faces.find((f) => f.surface === 'cylinder')!;
    const p = facePoint(grids, bore.id, 4, 4);
    expect(Math.hypot(p[0] - 20, p[1] - 15)).toBeCloseTo(5, 4);
    expect(near(faceNormal(grids, bore.id, 4, 4), [(20 - p[0]) / 5, (15 - p[1]) / 5, 0])).toBe(true);
  });
});

describe.skipIf(!HAS_EXAMPLE)('face grids on a real part (BRepNet example 30274: 109 faces, holes, spheres)', () => {
  it('every sample the mask marks inside lies on its face (the 3D distance to it says so)', () => {
    const { brep, grids } = fromShape(readStep(oc, new Uint8Array(readFileSync(EXAMPLE)), 1e9).shape);
    const wrong: string[] = [];
    let inside = 0;
    brep.topology.faces.shapes.forEach((face, f) => {
      for (let s = 0; s < N * N; s += 5) {
        const [i, j] = [Math.floor(s / N), s % N];
        const [x, y, z] = facePoint(grids, f, i, j);
        const vertex = new oc.BRepBuilderAPI_MakeVertex(new oc.gp_Pnt(x, y, z)).Vertex();
        const distance = new oc.BRepExtrema_DistShapeShape(vertex, face);
        const onFace = distance.Value() < 1e-4;
        const mask = gf(grids, f, 6, i, j);
        if (mask === 1) inside++;
        // mask 0 on the face is the boundary (FClass2d's ON); mask 1 off the face is a mistake.
        if (mask === 1 && !onFace) wrong.push(`face ${f} (${i}, ${j}): ${distance.Value()} off`);
        free(distance);
        free(vertex);
      }
    });
    expect(wrong).toEqual([]);
    expect(inside).toBeGreaterThan(500);
  });
});

describe('coedge grids', () => {
  it('cylinder: points on the edge in the coedge direction, unit tangents along it, left/right face normals', () => {
    const { brep, grids } = fromFixture('cylinder.step');
    const { faces, coedges, edges } = brep.graph;
    const outward = (f: number, p: Vec3): Vec3 => (faces[f]!.surface === 'cylinder' ? [p[0] / 10, p[1] / 10, 0] : faces[f]!.params.normal!);
    for (const c of coedges) {
      const right = coedges[c.mate]!.face;
      for (let k = 0; k < N; k++) {
        const p = gc(grids, c.id, 0, k);
        const t = gc(grids, c.id, 3, k);
        expect(Math.hypot(...t)).toBeCloseTo(1, 5);
        if (edges[c.edge]!.curve === 'circle') {
          expect(Math.hypot(p[0], p[1])).toBeCloseTo(10, 4);
          expect([0, 30].some((z) => Math.abs(p[2] - z) < 1e-4)).toBe(true);
        } else {
          expect(near(p, [10, 0, p[2]], 1e-4)).toBe(true); // the seam
        }
        // The tangent points where the next sample is: the list and the tangent follow the coedge.
        if (k < N - 1) expect(dot(sub(gc(grids, c.id, 0, k + 1), p), t)).toBeGreaterThan(0);
        expect(near(gc(grids, c.id, 6, k), outward(c.face, p), 1e-4)).toBe(true);
        expect(near(gc(grids, c.id, 9, k), outward(right, p), 1e-4)).toBe(true);
      }
      // Arc length: equal steps between the samples.
      const steps = Array.from({ length: N - 1 }, (_, k) => Math.hypot(...sub(gc(grids, c.id, 0, k + 1), gc(grids, c.id, 0, k))));
      for (const s of steps) expect(s).toBeCloseTo(steps[0]!, 4);
    }
    // Both uses of each edge, one per direction.
    for (const c of coedges) expect(gc(grids, c.id, 0, 0)).toEqual(gc(grids, c.mate, 0, N - 1));
  });

  it('arc-length parameters on an ellipse (where the parameter is not arc length)', () => {
    const axes = new oc.gp_Ax2(new oc.gp_Pnt(0, 0, 0), new oc.gp_Dir(0, 0, 1));
    const edge = new oc.BRepBuilderAPI_MakeEdge(new oc.gp_Elips(axes, 20, 4), 0, Math.PI / 2).Edge();
    const curve = new oc.BRepAdaptor_Curve(edge);
    const params = arcLengthParams(oc, curve);
    const p = new oc.gp_Pnt();
    /** Arc length between two parameters, as a fine polyline. */
    const arc = (a: number, b: number) => {
      let length = 0;
      let prev: Vec3 | undefined;
      for (let m = 0; m <= 2000; m++) {
        curve.D0(a + ((b - a) * m) / 2000, p);
        const q: Vec3 = [p.X(), p.Y(), p.Z()];
        if (prev) length += Math.hypot(...sub(q, prev));
        prev = q;
      }
      return length;
    };
    const steps = params.slice(1).map((t, k) => arc(params[k]!, t));
    expect(params[0]).toBe(0);
    expect(params[N - 1]).toBeCloseTo(Math.PI / 2, 12);
    // Even to the resolution of the reference's 100-point polyline (its chords cut the bends).
    for (const s of steps) expect(Math.abs(s / steps[0]! - 1)).toBeLessThan(5e-3);
    const even = Array.from({ length: N }, (_, k) => (curve.D0((Math.PI / 2) * (k / 9), p), [p.X(), p.Y()] as const));
    const evenSteps = even.slice(1).map((q, k) => Math.hypot(q[0] - even[k]![0], q[1] - even[k]![1]));
    expect(Math.max(...evenSteps) / Math.min(...evenSteps)).toBeGreaterThan(2);
    [axes, edge, curve, p].forEach(free);
  });

  it('sphere: pole coedges (no 3D curve) are all zeros, the seam is not; face normals radial', () => {
    const { brep, grids } = fromShape(new oc.BRepPrimAPI_MakeSphere(5).Shape());
    const { coedges, edges } = brep.graph;
    expect([grids.faces, grids.coedges]).toEqual([1, 4]);
    for (const c of coedges) {
      const values = Array.from(grids.Gc.subarray(c.id * 120, (c.id + 1) * 120));
      if (edges[c.edge]!.curve === 'degenerate') expect(values.every((x) => x === 0)).toBe(true);
      else expect(values.some((x) => x !== 0)).toBe(true);
    }
    const p = facePoint(grids, 0, 4, 5);
    expect(Math.hypot(...p)).toBeCloseTo(5, 4);
    expect(near(faceNormal(grids, 0, 4, 5), [p[0] / 5, p[1] / 5, p[2] / 5])).toBe(true);
  });
});

describe('frame', () => {
  it("'unit-box': the part's box centred and scaled into [-1, 1]^3, its longest side spanning it", () => {
    const bbox = { min: [0, 0, 0] as Vec3, max: [10, 20, 30] as Vec3 };
    const frame = gridFrame({ faces: [], edges: [], coedges: [], part: { bbox, area: 2200 } }, 'unit-box');
    expect(frame).toEqual({ center: [5, 10, 15], scale: 2 / 30 });
    const { grids } = fromFixture('block.step', frame);
    let zmin = Infinity;
    let zmax = -Infinity;
    for (let f = 0; f < grids.faces; f++) {
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < N; j++) {
          const p = facePoint(grids, f, i, j);
          expect(p.every((x) => Math.abs(x) <= 1 + 1e-6)).toBe(true);
          zmin = Math.min(zmin, p[2]);
          zmax = Math.max(zmax, p[2]);
        }
      }
    }
    expect([zmin, zmax]).toEqual([-1, 1]);
    expect(gridFrame({ faces: [], edges: [], coedges: [], part: { bbox, area: 2200 } }, 'none')).toEqual(MM);
  });
});
