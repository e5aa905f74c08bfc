/**
 * Chamfers that are not one plane between two planes, each as one feature sized by its legs and
 * angle: conical chamfers on a boss (convex rim, concave foot), a chain running on around the
 * rounded corners of a filleted box (equal and unequal legs), a chain turning a concave corner, a
 * bevel that took a stepped window's whole ledge (also cut into pieces by slots across it), a
 * pocket whose floor edges are chamfered, a pocket and a slot whose rims are chamfered (as deep as
 * drawn: to the face they open on), through holes chamfered at both mouths (both rims
 * reported), and chamfers along an ellipse (ruled B-spline faces, sized from the mesh).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, MFCADPP_CLASSES, type AnalysisResult, type Feature } from '../src/analysis/index.ts';
import { fixture } from './fixtures.ts';
import { CHAMFER_FIXTURES as C } from './chamfer-fixtures.ts';

const chamfers = (r: AnalysisResult) => r.features.filter((f) => f.type === 'chamfer');
const legs = (f: Feature) => [f.params.distance, f.params.distance2];
const CHAMFER_CLASS = MFCADPP_CLASSES.indexOf('chamfer');

describe('chamfers in any context', () => {
  const results: Record<string, AnalysisResult> = {};
  beforeAll(async () => {
    const files = [
      ...Object.values(C).map((c) => c.file),
      C.filletedBox.rotated,
      C.ledgeWindow.slotted,
      C.ledgeWindow.rotated,
      C.bothEnds.rotated,
      C.pocketFloor.rotated,
      C.ellipticBoss.rotated,
      C.ledgeWindow.rounded,
      C.ledgeWindow.roundedRotated,
      C.rimChamfered.rotated,
    ];
    for (const file of files) results[file] = await analyze(fixture(file), { fileName: file });
  });

  it('a boss: its rim a convex conical chamfer, its foot a concave one, each with legs and 45°', () => {
    const r = results[C.boss.file]!;
    const found = chamfers(r);
    expect(found).toHaveLength(2);
    const rim = found.find((f) => f.params.convex === true)!;
    const foot = found.find((f) => f.params.convex === false)!;
    expect(legs(rim)).toEqual([C.boss.rim, C.boss.rim]);
    expect(legs(foot)).toEqual([C.boss.foot, C.boss.foot]);
    for (const f of [rim, foot]) {
      expect(f.params.angle).toBe(45);
      expect(f.faces.every((id) => r.faces[id]!.surface === 'cone')).toBe(true);
      expect(f.faces.every((id) => r.faces[id]!.mfcadClass === CHAMFER_CLASS)).toBe(true);
    }
  });

  it('a filleted box: each outline chamfer runs on around the rounds as one chain of planes and cones', () => {
    const r = results[C.filletedBox.file]!;
    const found = chamfers(r);
    expect(found).toHaveLength(2);
    const top = found.find((f) => f.params.distance === C.filletedBox.top)!;
    expect(legs(top)).toEqual([C.filletedBox.top, C.filletedBox.top]);
    expect(top.params.angle).toBe(45);
    // Four straight sides and four quarter cones around the rounded corners.
    expect(top.faces.map((id) => r.faces[id]!.surface).sort()).toEqual(['cone', 'cone', 'cone', 'cone', 'plane', 'plane', 'plane', 'plane']);
    const [onBottom, upSide] = C.filletedBox.bottom;
    const bottom = found.find((f) => f !== top)!;
    expect(legs(bottom)).toEqual([upSide, onBottom]);
    // Against the bottom face (the larger one it bevels): atan(1.5 / 3).
    expect(bottom.params.angle).toBeCloseTo((Math.atan(upSide / onBottom) * 180) / Math.PI, 3);
    expect(bottom.faces).toHaveLength(8);
  });

  it('the filleted box turned about a skew axis gives the same chamfers, legs and angles', () => {
    const summary = (r: AnalysisResult) =>
      chamfers(r)
        .map((f) => `${f.faces.length} ${f.params.distance} ${f.params.distance2} ${Number(f.params.angle).toFixed(3)} ${f.params.convex}`)
        .sort();
    expect(summary(results[C.filletedBox.rotated]!)).toEqual(summary(results[C.filletedBox.file]!));
  });

  it('an L-block: the top chamfer turns the concave corner and stays one chamfer, not a slot and a step', () => {
    const r = results[C.lBlock.file]!;
    const found = chamfers(r);
    expect(found).toHaveLength(1);
    expect(found[0]!.faces).toHaveLength(6);
    expect(legs(found[0]!)).toEqual([C.lBlock.top, C.lBlock.top]);
    expect(r.features.some((f) => f.type === 'slot')).toBe(false);
  });

  describe('a bevel that took a whole ledge (concave to the upper wall, convex to the lower one)', () => {
    const { ledge, drop } = C.ledgeWindow;
    // Against the lower wall it bevels: the ledge's width across, the drop down.
    const angle = (Math.atan(ledge / drop) * 180) / Math.PI;
    const bevelFaces = (r: AnalysisResult) =>
      r.faces.filter((f) => f.surface === 'plane' && Math.abs(f.params.normal![2]!) > 0.1 && Math.abs(f.params.normal![2]!) < 0.99);

    it('the plain window: one chamfer all round, legs ledge and drop, the window below a passage', () => {
      const r = results[C.ledgeWindow.file]!;
      const found = chamfers(r);
      expect(found).toHaveLength(1);
      expect(legs(found[0]!)).toEqual([drop, ledge]);
      expect(found[0]!.params.angle).toBeCloseTo(angle, 3);
      expect(found[0]!.params.convex).toBe(true);
      expect(found[0]!.faces).toEqual(bevelFaces(r).map((f) => f.id));
      expect(r.features.some((f) => f.type === 'passage' && f.params.length === C.ledgeWindow.lower[0])).toBe(true);
    });

    it('cut across by slots into pieces shorter than its width: still one chamfer holding every piece', () => {
      const r = results[C.ledgeWindow.slotted]!;
      const found = chamfers(r);
      expect(found).toHaveLength(1);
      const pieces = bevelFaces(r);
      // Each long side in count + 1 pieces, each short side whole.
      expect(pieces).toHaveLength(2 * (C.ledgeWindow.slots[0] + 1) + 2);
      expect(found[0]!.faces).toEqual(pieces.map((f) => f.id));
      expect(legs(found[0]!)).toEqual([drop, ledge]);
      expect(found[0]!.faces.every((id) => r.faces[id]!.mfcadClass === CHAMFER_CLASS)).toBe(true);
    });

    it.each([C.ledgeWindow.rounded, C.ledgeWindow.roundedRotated])('%s: round rounded corners the bevel is a cone, still the one chamfer', (file) => {
      const r = results[file]!;
      const found = chamfers(r);
      expect(found).toHaveLength(1);
      expect(found[0]!.faces.map((id) => r.faces[id]!.surface).sort()).toEqual(['cone', 'cone', 'cone', 'cone', 'plane', 'plane', 'plane', 'plane']);
      expect(legs(found[0]!)).toEqual([drop, ledge]);
      expect(found[0]!.params.angle).toBeCloseTo(angle, 3);
    });

    it('turned about a skew axis: the same chamfer', () => {
      const summary = (r: AnalysisResult) =>
        chamfers(r).map(
          (f) => `${f.faces.length} ${f.params.distance} ${f.params.distance2} ${Number(f.params.angle).toFixed(3)} ${f.params.convex}`,
        );
      expect(summary(results[C.ledgeWindow.rotated]!)).toHaveLength(1);
      expect(summary(results[C.ledgeWindow.rotated]!)).toEqual(summary(results[C.ledgeWindow.slotted]!));
    });
  });

  describe('through holes chamfered at both mouths', () => {
    const rims = (f: Feature) =>
      [f.params.rim_chamfer_diameter, f.params.back_rim_chamfer_diameter]
        .map(Number)
        .sort((p, q) => p - q)
        .concat([Number(f.params.rim_chamfer_angle), Number(f.params.back_rim_chamfer_angle)]);
    // Which mouth is the entry is the setup planner's choice: both chamfers, each 45° (90° included).
    const expected = C.bothEnds.holes.map(([, d, topLeg, bottomLeg]) => [...[d + 2 * topLeg, d + 2 * bottomLeg].sort((p, q) => p - q), 90, 90]);
    const holesOf = (r: AnalysisResult) =>
      r.features.filter((f) => f.type === 'hole').sort((p, q) => Number(p.params.diameter) - Number(q.params.diameter));

    it.each([C.bothEnds.file, C.bothEnds.rotated])('%s: each hole reports its entry and its far rim chamfer', (file) => {
      const holes = holesOf(results[file]!);
      expect(holes.map((h) => h.params.diameter)).toEqual(C.bothEnds.holes.map(([, d]) => d));
      expect(holes.every((h) => h.params.through === true && h.faces.length === 3)).toBe(true);
      expect(holes.map(rims)).toEqual(expected);
    });
  });

  it.each([C.pocketFloor.file, C.pocketFloor.rotated])(
    '%s: a chamfered floor edge leaves the pocket a pocket, its floor and full depth kept',
    (file) => {
      const r = results[file]!;
      const { pocket, floor } = C.pocketFloor;
      const found = chamfers(r);
      expect(found).toHaveLength(1);
      expect(found[0]!.params.convex).toBe(false);
      expect(legs(found[0]!)).toEqual([floor, floor]);
      expect(found[0]!.faces).toHaveLength(4);
      const pockets = r.features.filter((f) => f.type === 'pocket');
      expect(pockets).toHaveLength(1);
      expect(pockets[0]!.params.through).toBe(false);
      expect(pockets[0]!.params.depth).toBe(pocket[4]);
      // Four walls and the floor, none of them the chamfer's.
      expect(pockets[0]!.faces).toHaveLength(5);
      expect(r.features.some((f) => f.type === 'passage')).toBe(false);
    },
  );

  it.each([C.rimChamfered.file, C.rimChamfered.rotated])(
    '%s: a pocket and a slot with chamfered rims are as deep as drawn, the bevels chamfers of their own',
    (file) => {
      const r = results[file]!;
      const { pocket, slot } = C.rimChamfered;
      const pockets = r.features.filter((f) => f.type === 'pocket');
      const slots = r.features.filter((f) => f.type === 'slot');
      expect(pockets).toHaveLength(1);
      expect(slots).toHaveLength(1);
      // Measured from the top face the cuts open on, not from the bevels' lower edges (5 and 9.2).
      expect(Math.abs(Number(pockets[0]!.params.depth) - pocket[4])).toBeLessThanOrEqual(0.01);
      expect(Math.abs(Number(slots[0]!.params.depth) - slot[2])).toBeLessThanOrEqual(0.01);
      // The bevels stay out of the cuts: four walls and the floor; two walls and the floor.
      expect(pockets[0]!.faces).toHaveLength(5);
      expect(slots[0]!.faces).toHaveLength(3);
      const found = chamfers(r);
      expect(found.map((f) => f.params.distance).sort()).toEqual([slot[3], slot[3], pocket[5]].sort());
      const cut = new Set([...pockets[0]!.faces, ...slots[0]!.faces]);
      expect(found.every((f) => f.faces.every((id) => !cut.has(id) && r.faces[id]!.mfcadClass === CHAMFER_CLASS))).toBe(true);
    },
  );

  it.each([C.ellipticBoss.file, C.ellipticBoss.rotated])('%s: bevels along an ellipse (B-spline faces) are chamfers with their legs', (file) => {
    const r = results[file]!;
    const { rim, foot } = C.ellipticBoss;
    const found = chamfers(r);
    expect(found).toHaveLength(2);
    // The legs come from the mesh (edge polylines, vertex normals): within 1 % of the drawn ones.
    for (const [convex, leg] of [
      [true, rim],
      [false, foot],
    ] as const) {
      const f = found.find((c) => c.params.convex === convex)!;
      expect(f.faces.map((id) => r.faces[id]!.surface)).toEqual(['bspline']);
      for (const l of legs(f)) expect(Math.abs(Number(l) - leg)).toBeLessThanOrEqual(0.01 * leg);
      expect(Math.abs(Number(f.params.angle) - 45)).toBeLessThanOrEqual(0.5);
      expect(r.faces[f.faces[0]!]!.mfcadClass).toBe(CHAMFER_CLASS);
    }
  });
});
