/**
 * The training-data generator: reproducible parts, one label per face in TopExp order (checked
 * against a STEP re-read by analyze()), and every feature class cut with its own label.
 */
import { describe, expect, it } from 'vitest';
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { analyze, free, getEngine, withScope } from '../../../src/analysis/index.ts';
import { CLASS_NAMES, classId } from './classes.ts';
import { SPECS, place, type Ctx } from './features.ts';
import { boxFrames, dot, type V3 } from './geom.ts';
import { LabelledSolid } from './labelled.ts';
import { bsplinePrism, bsplineRevolve } from './nurbs.ts';
import { Builder, type Loop } from './occ.ts';
import { generatePart, type GeneratedPart } from './part.ts';
import { Rng } from './rng.ts';
import * as sk from './sketches.ts';

// Seed 1 draws one part of each kind for indices 0-2 (turned, prismatic, mfcad).
const SEED = 1;

describe('generator', () => {
  let first: GeneratedPart[] = [];

  it('builds three parts of the three kinds whose labels match a STEP re-read', async () => {
    const oc = await getEngine();
    first = [];
    for (let i = 0; i < 3; i++) first.push(await generatePart(oc, SEED, i));
    expect(first.map((p) => p.record.kind).sort()).toEqual(['mfcad', 'prismatic', 'turned']);
    for (const part of first) {
      const { labels, surface, instances, class_names } = part.record;
      expect(class_names).toEqual([...CLASS_NAMES]);
      const result = await analyze(part.step, { fileName: `${part.name}.step` });
      expect(labels.length).toBe(result.faces.length);
      expect(surface.length).toBe(labels.length);
      expect(instances.length).toBe(labels.length);
      expect(result.faces.map((f) => f.surface)).toEqual(surface.map((s) => s.toLowerCase()));
      expect(labels.every((l) => Number.isInteger(l) && l >= 0 && l < CLASS_NAMES.length)).toBe(true);
      expect(new Set(labels).size).toBeGreaterThan(1);
    }
    expect(first.find((p) => p.record.kind !== 'turned')!.record.labels).toContain(classId('stock'));
    expect(first.find((p) => p.record.kind === 'turned')!.record.labels).toContain(classId('turned_profile'));
  });

  it('is deterministic: the same seed gives the same STEP bytes and labels', async () => {
    const oc = await getEngine();
    for (let i = 0; i < 3; i++) {
      const again = await generatePart(oc, SEED, i);
      expect(again.record).toEqual(first[i]!.record);
      expect(Buffer.from(again.step).equals(Buffer.from(first[i]!.step))).toBe(true);
    }
  });

  it('labels the faces of every feature class with that class', async () => {
    const oc = await getEngine();
    const b = new Builder(oc);
    for (const spec of SPECS.filter((s) => s.bound !== 'blend')) {
      const rng = new Rng(11, classId(spec.name));
      const ctx: Ctx = { b, rng, s: 1, minLen: 2, clr: 1, m: 0.5 };
      const solid = LabelledSolid.of(b, b.box(40, 30, 20), classId('stock'));
      let cut = false;
      for (let attempt = 0; attempt < 20 && !cut; attempt++) {
        const placed = place(ctx, boxFrames(40, 30, 20)[0]!, spec, 1);
        if (placed) cut = solid.cut(placed.tool, classId(spec.name), 1, 0.01);
      }
      expect(cut, spec.name).toBe(true);
      expect(solid.labels.filter((l) => l === classId(spec.name)).length, spec.name).toBeGreaterThan(0);
      expect(solid.labels.length).toBe(solid.faces.size);
      solid.dispose();
    }
  });

  it('writes B-spline tool walls: the same solid, labelled as its feature, read back as B-splines', async () => {
    const oc = await getEngine();
    const b = new Builder(oc);
    const preciseVolume = (shape: TopoDS_Shape) =>
      withScope((sc) => {
        const props = sc.track(new oc.GProp_GProps());
        oc.BRepGProp.VolumeProperties(shape, props, 1e-9, true, false);
        return props.Mass();
      });
    const top = boxFrames(40, 30, 20)[0]!;
    const centre = { ...top, origin: [20, 15, 20] as const };
    const prisms: [string, Loop][] = [
      ['rectangle', sk.rectInner(10, 6)],
      ['obround', sk.obround(12, 6)],
      ['circle', { circle: { center: [0, 0], r: 3 } }],
    ];
    const revolved: [string, Loop][] = [
      ['drilled hole', sk.holeProfile(3, 8, 0.5, true)],
      ['counterbore', sk.counterboreProfile(5, 3, 2.5, 25, 0.5, false)],
      ['countersink', sk.countersinkProfile(5, Math.PI / 2, 2.5, 10, 0.5, true)],
    ];
    const cases = [
      ...prisms.map(([name, loop]) => ({ name, nurbs: bsplinePrism(b, centre, loop, -5, 0.5), exact: b.prism(centre, loop, -5, 0.5) })),
      ...revolved.map(([name, rz]) => ({ name, nurbs: bsplineRevolve(b, top, 20, 15, rz), exact: b.revolve(top, 20, 15, rz) })),
    ];
    for (const { name, nurbs, exact } of cases) {
      expect(nurbs, name).not.toBeNull();
      expect(b.valid(nurbs!), name).toBe(true);
      // Exact conversion (rational arcs): the same solid. Measured with an error bound: the
      // default integration is up to 1 % off on rational patches.
      expect(preciseVolume(nurbs!), name).toBeCloseTo(preciseVolume(exact), 4);
      const label = classId('rectangular_pocket');
      const solid = LabelledSolid.of(b, b.box(40, 30, 20), classId('stock'));
      expect(solid.cut(nurbs!, label, 1, 0.01), name).toBe(true);
      const surfaces = solid.faces.shapes.map((f) => b.surfaceName(f));
      const splines = surfaces.flatMap((t, i) => (t === 'BSpline' ? [i] : []));
      expect(splines.length, name).toBeGreaterThan(0);
      for (const i of splines) expect(solid.labels[i], name).toBe(label);
      const result = await analyze(b.stepBytes(solid.shape, name), { fileName: `${name}.step` });
      for (const i of splines) {
        expect(result.faces[i]!.surfaceSource, name).toBe('bspline');
        expect(['plane', 'cylinder', 'cone'], name).toContain(result.faces[i]!.surface);
      }
      solid.dispose();
      free(exact);
    }
  });

  // Seed 5: part 23 has a conical rim chamfer, a chamfer along a round, B-spline walls and a
  // feature cut into another; part 4 a slot cut across a slot.
  it('makes conical chamfers, chamfers along rounds, B-spline walls and features cut into features, labelled', async () => {
    const oc = await getEngine();
    const part = async (index: number) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await generatePart(oc, 5, index, attempt);
        } catch (e) {
          if (attempt >= 5) throw e;
        }
      }
    };
    const slots = new Set(SPECS.filter((x) => x.group === 1).map((x) => x.name as string));
    for (const p of [await part(23), await part(4)]) {
      const { labels, surface, instances, features } = p.record;
      expect(p.record.kind).toBe('prismatic');
      const result = await analyze(p.step, { fileName: `${p.name}.step` });
      const pairs = result.edges.filter((e) => e.faces.length === 2).map((e) => e.faces as [number, number]);
      const touching = (a: number, z: number) =>
        pairs.some(([i, j]) => (instances[i] === a && instances[j] === z) || (instances[i] === z && instances[j] === a));
      const cutters = features.filter((f) => f.cuts !== undefined);
      expect(cutters.length, p.name).toBeGreaterThan(0);
      // A feature placed to cut into another really breaks its faces: the two share an edge.
      expect(
        cutters.some((f) => touching(f.instance, f.cuts!)),
        p.name,
      ).toBe(true);
      if (p.record.index === 4) {
        const crossing = cutters.filter((f) => slots.has(f.name) && slots.has(features.find((g) => g.instance === f.cuts)!.name));
        expect(crossing.length, 'a slot across a slot').toBeGreaterThan(0);
        continue;
      }
      const chamfer = classId('chamfer');
      const round = classId('round');
      // A conical chamfer: a cone between a plane and a cylinder, labelled chamfer.
      const cones = labels.flatMap((l, i) => (l === chamfer && surface[i] === 'Cone' ? [i] : []));
      expect(cones.length).toBeGreaterThan(0);
      const neighbours = (i: number) => pairs.flatMap(([a, z]) => (a === i ? [z] : z === i ? [a] : []));
      expect(cones.some((i) => neighbours(i).some((n) => surface[n] === 'Cylinder') && neighbours(i).some((n) => surface[n] === 'Plane'))).toBe(true);
      // A chamfer running along a round.
      expect(pairs.some(([i, j]) => (labels[i] === chamfer && labels[j] === round) || (labels[i] === round && labels[j] === chamfer))).toBe(true);
      // B-spline walls carry their feature's label, never stock's.
      const splines = surface.flatMap((t, i) => (t === 'BSpline' ? [i] : []));
      expect(splines.length).toBeGreaterThan(0);
      expect(splines.every((i) => labels[i] !== classId('stock') && instances[i]! > 0)).toBe(true);
    }
  });
});

// Seed 1: turned parts 22, 34 and 36 have radial cross holes drilled through, 0, 22 and 34 keyways.
describe('turned parts', () => {
  it('drills their cross holes through the shaft and sinks their keyways into it', async () => {
    const oc = await getEngine();
    const throughHole = classId('through_hole');
    let holes = 0;
    let keyways = 0;
    for (const index of [0, 22, 34, 36]) {
      const part = await generatePart(oc, SEED, index);
      expect(part.record.kind).toBe('turned');
      const { labels, instances, features } = part.record;
      const result = await analyze(part.step, { fileName: `${part.name}.step` });
      const { positions, indices, faceRanges } = result.mesh;
      const points = (face: number): V3[] => {
        const [first, count] = faceRanges[face]!;
        return Array.from(
          indices.subarray(3 * first, 3 * (first + count)),
          (v) => [positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!] as const,
        );
      };
      // A bush's bore is the body's own through_hole (instance 0); a solid shaft has none.
      const boreFace = result.faces.find((f, i) => labels[i] === throughHole && instances[i] === 0);
      const bore = boreFace?.params.radius ?? 0;
      for (const feature of features) {
        const faces = instances.flatMap((k, i) => (k === feature.instance ? [i] : []));
        const pts = faces.flatMap(points);
        // The feature's rim lies on the diameter it was cut into: its farthest point from the axis.
        const r = Math.max(...pts.map(([x, y]) => Math.hypot(x, y)));
        const name = `${part.name} ${feature.name} ${feature.instance}`;
        if (feature.name === 'through_hole') {
          // Through the shaft: its walls reach the diameter on both sides of the turning axis.
          const wall = faces.find((i) => result.faces[i]!.surface === 'cylinder')!;
          const [ax, ay] = result.faces[wall]!.params.axis!;
          const along = pts.map(([x, y]) => x * ax + y * ay);
          expect(Math.max(...along), name).toBeGreaterThan(0.9 * r);
          expect(Math.min(...along), name).toBeLessThan(-0.9 * r);
          holes++;
        } else if (feature.name === 'circular_end_pocket') {
          // The floor faces away from the axis (the side walls face each other); the generator sinks
          // it 10-35 % of the wall (shaft radius less bore) below the diameter.
          const floor = faces
            .map((i) => result.faces[i]!)
            .find((f) => f.surface === 'plane' && Math.abs(f.params.normal![2]) < 1e-6 && dot(f.params.normal!, f.params.origin!) > 0)!;
          expect(floor, name).toBeDefined();
          const depth = r - dot(floor.params.normal!, floor.params.origin!);
          expect(depth / (r - bore), name).toBeGreaterThan(0.1 - 0.01);
          expect(depth / (r - bore), name).toBeLessThan(0.35 + 0.01);
          keyways++;
        }
      }
    }
    expect(holes).toBeGreaterThanOrEqual(3);
    expect(keyways).toBeGreaterThanOrEqual(3);
  });
});
