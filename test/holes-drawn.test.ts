/**
 * Holes as real CAD exports draw them (scripts/hole-fixtures.ts): a drill point is the hole's
 * bottom, a tap only where a thread is drawn, every step of a stepped bore kept, blends at a
 * hole's rim and floor part of it. Dimensions to 0.01 mm, and the same after a rotation.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult, Feature } from '../src/analysis/index.ts';
import { CONE_HOLES, DRILLED_SHAFT, GROOVED_BORE, HOLE_FIXTURES } from './hole-fixtures.ts';
import { byType, expectParams, expectSameFeatures, run } from './feature-expect.ts';

const d = HOLE_FIXTURES.drawn;
const at = (r: AnalysisResult, [x, y]: readonly [number, number]): Feature | undefined =>
  // The hole whose faces' boxes surround (x, y) in the unrotated plate.
  r.features.find((f) =>
    f.faces.every((id) => {
      const { min, max } = r.faces[id]!.bbox;
      return min[0] <= x + 1e-6 && max[0] >= x - 1e-6 && min[1] <= y + 1e-6 && max[1] >= y - 1e-6;
    }),
  );

describe('holes as drawn', () => {
  it('reads a split 118° drill point as the bottom of a blind hole, not as a countersink', async () => {
    const r = await run('drawn-holes.step');
    const hole = at(r, d.drilled.at)!;
    expect(hole.type).toBe('hole');
    expectParams(hole, { diameter: d.drilled.diameter, depth: d.drilled.depth, through: false, bottom: 'cone', bottom_angle: d.drilled.tipAngle });
    expect(hole.params.countersink_diameter).toBeUndefined();
    // Exported in halves: two cylinder faces and two cone faces, all of this one hole.
    expect(hole.faces.map((id) => r.faces[id]!.surface).sort()).toEqual(['cone', 'cone', 'cylinder', 'cylinder']);
  });

  it('gives a plain hole of a tap drill size a tap hint, not a tap', async () => {
    const hole = at(await run('drawn-holes.step'), d.clearance.at)!;
    expectParams(hole, { diameter: d.clearance.diameter, through: true, tap_drill_for: d.clearance.tapDrillFor });
    expect(hole.params.tap).toBeUndefined();
  });

  it('keeps every step of a bore counterbored from both sides', async () => {
    const { diameter, top, bottom } = d.stepped;
    const hole = at(await run('drawn-holes.step'), d.stepped.at)!;
    expect(hole.type).toBe('counterbore_hole');
    expectParams(hole, { diameter, through: true, depth: d.size[2], steps: 3 });
    // The tool enters from the widest counterbore; the other is the back counterbore.
    expectParams(hole, {
      counterbore_diameter: bottom[0],
      counterbore_depth: bottom[1],
      back_counterbore_diameter: top[0],
      back_counterbore_depth: top[1],
    });
    expect(hole.params.profile).toBe(`Ø${bottom[0]}×${bottom[1]} / Ø${diameter}×${d.size[2] - top[1] - bottom[1]} / Ø${top[0]}×${top[1]}`);
  });

  it('plans both setups for a bore counterbored from both faces', async () => {
    const r = await run('drawn-holes.step');
    const hole = at(r, d.stepped.at)!;
    const withHole = r.setups.filter((s) => s.features.includes(hole.id));
    expect(withHole.map((s) => Math.round(s.direction[2])).sort()).toEqual([-1, 1]);
  });

  it('keeps a counterbore whose floor corner is rounded one hole, the blend its floor radius', async () => {
    const { diameter, counterbore, radius } = d.filletedCounterbore;
    const r = await run('drawn-holes.step');
    const hole = at(r, d.filletedCounterbore.at)!;
    expectParams(hole, {
      diameter,
      through: true,
      depth: d.size[2],
      counterbore_diameter: counterbore[0],
      counterbore_depth: counterbore[1],
      floor_radius: radius,
    });
    expect(hole.faces.some((id) => r.faces[id]!.surface === 'torus')).toBe(true);
  });

  it('takes the blends at a hole rim and floor into the hole', async () => {
    const r = await run('drawn-holes.step');
    const rim = at(r, d.rimBlend.at)!;
    expectParams(rim, { diameter: d.rimBlend.diameter, through: true, depth: d.size[2], rim_radius: d.rimBlend.radius });
    const blind = at(r, d.filletedBlind.at)!;
    expectParams(blind, {
      diameter: d.filletedBlind.diameter,
      through: false,
      bottom: 'flat',
      depth: d.filletedBlind.depth,
      floor_radius: d.filletedBlind.radius,
    });
    // No blend is left over as a fillet of its own, no hole face as stock.
    expect(byType(r, 'fillet')).toEqual([]);
    expect(r.features).toHaveLength(6);
    for (const f of r.features)
      expect(
        f.faces.every((id) => r.faces[id]!.mfcadClass !== 24),
        f.type,
      ).toBe(true);
  });

  it('gives the same holes after rotating the plate', async () => {
    expectSameFeatures(await run('drawn-holes.step'), await run('drawn-holes-rotated.step'));
  });
});

describe('holes a drill makes in a turned shaft', () => {
  const s = DRILLED_SHAFT;
  const holeOf = (r: AnalysisResult, diameter: number) => byType(r, 'hole').find((h) => h.params.diameter === diameter);

  it('finds radial holes, whose rims are curves on the shaft, not circles', async () => {
    const r = await run('drilled-shaft.step');
    expectParams(holeOf(r, s.radial[1]), { through: true, depth: s.diameter });
    expectParams(holeOf(r, s.radialBlind[1]), { through: false, depth: s.radialBlind[2], bottom: 'cone', bottom_angle: s.tipAngle });
  });

  it('keeps a cross hole through the axial bore one hole, as deep as the shaft is wide', async () => {
    const r = await run('drilled-shaft.step');
    const cross = holeOf(r, s.cross[1])!;
    expectParams(cross, { through: true, depth: s.diameter });
    expect(cross.params.count).toBeUndefined();
    expect(cross.faces).toHaveLength(2); // a piece on each side of the bore
  });

  it('reads the drilled axial bore as a hole with its drill point, not as turned diameters', async () => {
    const r = await run('drilled-shaft.step');
    expectParams(holeOf(r, s.axial[0]), { through: false, depth: s.axial[1], bottom: 'cone', bottom_angle: s.tipAngle });
    expect(byType(r, 'turned_diameter').filter((f) => f.params.internal === true)).toEqual([]);
    expect(byType(r, 'chamfer')).toEqual([]); // the drill point is no chamfer
    expect(byType(r, 'hole')).toHaveLength(4);
  });

  it('gives the same holes after rotating the shaft', async () => {
    expectSameFeatures(await run('drilled-shaft.step'), await run('drilled-shaft-rotated.step'));
  });
});

describe('grooves in bores', () => {
  it('splits an O-ring groove written in halves off its bore, as one groove', async () => {
    const { size, diameter, groove } = GROOVED_BORE;
    const r = await run('grooved-bore.step');
    expect(r.features.map((f) => f.type).sort()).toEqual(['groove', 'hole']);
    expectParams(byType(r, 'hole')[0], { diameter, through: true, depth: size[2] });
    const [found] = byType(r, 'groove');
    expectParams(found, { diameter: groove[0], width: groove[1], depth: (groove[0] - diameter) / 2, internal: true });
    expect(found!.faces).toHaveLength(6); // two half bands, four half shoulders
    expect(new Set(found!.faces.map((id) => r.faces[id]!.mfcadClass))).toEqual(new Set([11])); // Oring
  });

  it('gives the same groove after rotating the block', async () => {
    expectSameFeatures(await run('grooved-bore.step'), await run('grooved-bore-rotated.step'));
  });
});

describe('holes without a cylinder', () => {
  it('reads a pointed dimple and a tapered hole, each a cone alone', async () => {
    const { size, spot, taper } = CONE_HOLES;
    const r = await run('cone-holes.step');
    const holes = byType(r, 'hole');
    expect(holes).toHaveLength(2);
    expectParams(
      holes.find((h) => h.params.through === false),
      { diameter: spot[2], bottom: 'cone', bottom_angle: spot[3], depth: spot[2] / 2 / Math.tan(((spot[3] / 2) * Math.PI) / 180) },
    );
    const halfAngle = (Math.atan((taper[2] - taper[3]) / 2 / size[2]) * 180) / Math.PI;
    expectParams(
      holes.find((h) => h.params.through === true),
      { diameter: taper[2], depth: size[2], taper_angle: 2 * halfAngle },
    );
  });

  it('gives the same holes after rotating the plate', async () => {
    expectSameFeatures(await run('cone-holes.step'), await run('cone-holes-rotated.step'));
  });
});
