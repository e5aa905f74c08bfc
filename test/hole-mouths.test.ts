/**
 * Holes of real parts' kinds (scripts/drill-pass-fixtures.ts): channels of a cooling plate that
 * cross one another are each one drill pass, a cone at a hole's mouth is a countersink only where
 * it could seat a screw head (else the hole's chamfer), and a countersink may run right through a
 * thin sheet with no cylinder; a hole that opens into a slot or pocket is through, one that ends
 * in its point under a pocket's floor blind; a sphere can be a hole's bottom, or a dimple on its
 * own. Dimensions to 0.01 mm, and the same after a rotation.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult, Feature } from '../src/analysis/index.ts';
import { BALL_HOLES, COOLING_PLATE, HOLE_ENDS, HOLE_MOUTHS, SHEET_COUNTERSINK } from './hole-fixtures.ts';
import { expectParams, expectSameFeatures, run } from './feature-expect.ts';

/** The hole feature whose faces' boxes all reach the point (x, y, z) of the unrotated part. */
const holeAt = (r: AnalysisResult, p: readonly number[]): Feature | undefined =>
  r.features.find(
    (f) =>
      f.type.includes('hole') &&
      f.faces.every((id) => {
        const { min, max } = r.faces[id]!.bbox;
        return p.every((v, k) => (v === undefined ? true : min[k]! <= v + 1e-6 && max[k]! >= v - 1e-6));
      }),
  );

describe('crossing channels of a cooling plate', () => {
  const cp = COOLING_PLATE;
  const mid = cp.size[2] / 2;
  const tip = { bottom: 'cone', bottom_angle: cp.tipAngle, through: false, diameter: cp.diameter };

  it('reads each channel as one blind drill pass, however many channels it crosses', async () => {
    const r = await run('cooling-plate.step');
    // Only the channels are cut: three drill passes, every piece of each in its hole.
    expect(r.features.map((f) => f.type).sort()).toEqual(['counterbore_hole', 'hole', 'hole']);
    const a = holeAt(r, [undefined!, cp.a[0], mid]);
    expect(a?.type).toBe('counterbore_hole');
    expectParams(a, { ...tip, depth: cp.a[1], counterbore_diameter: cp.plug[0], counterbore_depth: cp.plug[1] });
    expectParams(holeAt(r, [undefined!, cp.b[0], mid]), { ...tip, depth: cp.b[1] });
    const c = holeAt(r, [cp.c[0], undefined!, mid])!;
    expectParams(c, { ...tip, depth: cp.c[1] });
    // Channel c's middle piece runs between a and b: no circle on it, yet it is c's.
    const between = (id: number) => r.faces[id]!.bbox.min[1] > cp.a[0] - cp.diameter && r.faces[id]!.bbox.max[1] < cp.b[0] + cp.diameter;
    expect(c.faces.some(between)).toBe(true);
    const inHoles = new Set(r.features.flatMap((f) => f.faces));
    const bores = r.faces.filter((f) => f.surface !== 'plane');
    expect(bores.every((f) => inHoles.has(f.id) && f.mfcadClass === 12)).toBe(true); // blind_hole
  });

  it('gives the same channels after rotating the plate', async () => {
    expectSameFeatures(await run('cooling-plate.step'), await run('cooling-plate-rotated.step'));
  });
});

describe('cones at hole mouths', () => {
  const hm = HOLE_MOUTHS;
  const at = (r: AnalysisResult, x: number) => holeAt(r, [x, hm.size[1] / 2, undefined!]);

  it('reads a wide bore chamfered at its edge as a hole with a rim chamfer, not a countersink', async () => {
    const [x, d, leg] = hm.bore;
    const hole = at(await run('hole-mouths.step'), x);
    expect(hole?.type).toBe('hole');
    expectParams(hole, { diameter: d, through: true, depth: hm.size[2], rim_chamfer_diameter: d + 2 * leg, rim_chamfer_angle: 90 });
    expect(hole!.params.countersink_diameter).toBeUndefined();
    // Wider than the largest drill: bored or milled, so no drill size is suggested.
    expect([hole!.params.drill_metric, hole!.params.drill_inch]).toEqual([undefined, undefined]);
  });

  it("reads a tap drill's lead-in chamfer as the hole's, with only a tap hint", async () => {
    const [x, d, chamferD] = hm.leadIn;
    const hole = at(await run('hole-mouths.step'), x);
    expect(hole?.type).toBe('hole');
    expectParams(hole, { diameter: d, rim_chamfer_diameter: chamferD, tap_drill_for: 'M10' });
    expect(hole!.params.tap).toBeUndefined();
  });

  it('keeps a countersink that seats a screw head, with the chamfer under it', async () => {
    const [x, d, sinkD, leg] = hm.countersink;
    const hole = at(await run('hole-mouths.step'), x);
    expect(hole?.type).toBe('countersink_hole');
    expectParams(hole, { diameter: d, countersink_diameter: sinkD, countersink_angle: 90, rim_chamfer_diameter: d + 2 * leg });
  });

  it('reads a chamfer at a counterbore mouth as a chamfer, not a counterdrill', async () => {
    const [x, d, cbD, cbDepth, leg] = hm.counterbore;
    const hole = at(await run('hole-mouths.step'), x);
    expect(hole?.type).toBe('counterbore_hole');
    expectParams(hole, { diameter: d, counterbore_diameter: cbD, counterbore_depth: cbDepth, rim_chamfer_diameter: cbD + 2 * leg });
    expect(hole!.params.counterdrill).toBeUndefined();
  });

  it('gives the same holes after rotating the plate', async () => {
    expectSameFeatures(await run('hole-mouths.step'), await run('hole-mouths-rotated.step'));
  });
});

describe('a countersink through a thin sheet', () => {
  const sc = SHEET_COUNTERSINK;

  it('reads a cone alone that runs through as a countersunk hole, not a taper', async () => {
    const r = await run('countersunk-sheet.step');
    expect(r.features.map((f) => f.type)).toEqual(['countersink_hole']);
    const grow = 2 * sc.size[2] * Math.tan(((sc.angle / 2) * Math.PI) / 180);
    expectParams(r.features[0], { diameter: sc.diameter, through: true, countersink_diameter: sc.diameter + grow, countersink_angle: sc.angle });
    expect(r.features[0]!.params.taper_angle).toBeUndefined();
  });

  it('gives the same countersink after rotating the sheet', async () => {
    expectSameFeatures(await run('countersunk-sheet.step'), await run('countersunk-sheet-rotated.step'));
  });
});

describe('holes that end in another cut', () => {
  const he = HOLE_ENDS;
  const at = (r: AnalysisResult, [x, y]: readonly number[]) => holeAt(r, [x!, y!, undefined!]);

  it('reads holes that open into a slot as through, one ending under a pocket floor as blind', async () => {
    const r = await run('hole-ends.step');
    expectParams(at(r, he.intoSlot), { diameter: he.intoSlot[2], through: true, depth: he.size[2] - he.slot[2] });
    expectParams(at(r, he.floorToSlot), { diameter: he.floorToSlot[2], through: true, depth: he.pocket[4] - he.slot[2] });
    const [, , d, depth] = he.blindInFloor;
    expectParams(at(r, he.blindInFloor), { diameter: d, through: false, depth, bottom: 'cone', bottom_angle: he.tipAngle });
    const classOf = (f: Feature | undefined) => new Set(f!.faces.map((id) => r.faces[id]!.mfcadClass));
    expect([classOf(at(r, he.intoSlot)), classOf(at(r, he.floorToSlot)), classOf(at(r, he.blindInFloor))]).toEqual([
      new Set([1]), // through_hole
      new Set([1]),
      new Set([12]), // blind_hole
    ]);
  });

  it('gives the same holes after rotating the block', async () => {
    expectSameFeatures(await run('hole-ends.step'), await run('hole-ends-rotated.step'));
  });
});

describe('holes with a sphere for a bottom', () => {
  const bh = BALL_HOLES;

  it("reads a ball end mill's hole as blind with a ball bottom, and a spherical dimple as a hole", async () => {
    const r = await run('ball-holes.step');
    expect(r.features.map((f) => f.type)).toEqual(['hole', 'hole']);
    const [x, y, d, depth] = bh.ballEnd;
    const ball = holeAt(r, [x, y, undefined!]);
    expectParams(ball, { diameter: d, through: false, depth, bottom: 'ball', bottom_radius: d / 2 });
    expect(ball!.faces.map((id) => r.faces[id]!.surface).sort()).toEqual(['cylinder', 'sphere']);
    const [dx, dy, radius, dDepth] = bh.dimple;
    const opening = 2 * Math.sqrt(radius ** 2 - (radius - dDepth) ** 2);
    expectParams(holeAt(r, [dx, dy, undefined!]), { diameter: opening, through: false, depth: dDepth, bottom: 'ball', bottom_radius: radius });
    expect(r.faces.filter((f) => f.surface === 'sphere').every((f) => f.mfcadClass === 12)).toBe(true); // blind_hole
  });

  it('gives the same holes after rotating the block', async () => {
    expectSameFeatures(await run('ball-holes.step'), await run('ball-holes-rotated.step'));
  });
});
