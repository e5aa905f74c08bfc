/**
 * Pockets whose walls are swept from curves that are no polygon (scripts/swept-fixtures.ts): an
 * elliptic wall written as a surface of linear extrusion, the same as a B-spline, and a shallow arc
 * end meeting straight walls at sharp corners. Each is one pocket with its depth and plan size to
 * 0.01 mm (the same after a rotation); a drafted wall is no swept one.
 */
import { describe, expect, it } from 'vitest';
import { SWEPT_FIXTURES as S } from './swept-fixtures.ts';
import { byType, expectParams, expectSameFeatures, run } from './feature-expect.ts';

describe('pockets with swept freeform walls', () => {
  it('finds the elliptic, B-spline and arc-ended pockets, each with its depth and plan size', async () => {
    const r = await run(S.files.plate);
    const pockets = byType(r, 'pocket');
    expect(r.features.map((f) => f.type)).toEqual(['pocket', 'pocket', 'pocket']);
    const { depth, ellipse, splineEllipse, capped } = S.plate;
    const surfaces = (f: (typeof pockets)[number]) => new Set(f.faces.map((id) => r.faces[id]!.surfaceSource ?? r.faces[id]!.surface));
    const extruded = pockets.find((p) => surfaces(p).has('extrusion'));
    const spline = pockets.find((p) => surfaces(p).has('bspline'));
    const arc = pockets.find((p) => surfaces(p).has('cylinder'));
    expectParams(extruded, { outline: 'freeform', open: false, through: false, depth, length: 2 * ellipse[2], width: 2 * ellipse[3] });
    expectParams(spline, { outline: 'freeform', open: false, through: false, depth, length: 2 * splineEllipse[2], width: 2 * splineEllipse[3] });
    const [, , length, width, radius] = capped;
    const bulge = radius - Math.sqrt(radius ** 2 - (width / 2) ** 2);
    expectParams(arc, { outline: 'freeform', depth, length: length + bulge, width, corner_radius: radius });
    // Floor and every wall of each pocket, nothing left to stock but the plate's own faces.
    expect(extruded!.faces).toHaveLength(2);
    expect(arc!.faces).toHaveLength(5);
    expect(r.faces.filter((f) => f.mfcadClass === 24)).toHaveLength(6);
    expect(new Set(pockets.flatMap((p) => p.faces.map((id) => r.faces[id]!.mfcadClass)))).toEqual(new Set([14])); // rectangular_pocket
  });

  it('gives the same pockets after rotating the part', async () => {
    expectSameFeatures(await run(S.files.plate), await run(S.files.rotated));
  });

  it('does not read a drafted wall (normals leaning off the axis) as a swept pocket', async () => {
    const r = await run(S.files.drafted);
    expect(byType(r, 'pocket').filter((p) => p.params.outline === 'freeform')).toEqual([]);
  });
});
