/**
 * A turned part's spigot as an estimator counts it (features/count-turned.ts), on the spigot and
 * necked-flange fixtures (scripts/count-fixtures.ts, dimensions in test/count-fixtures.ts): the
 * lathe rules describe the outside as diameters and faces, the body standing out of a flange is a
 * boss, or a pipe when bored as a tube; a shaft turned down in steps of like lengths has none.
 * Each shoulder along a spigot beyond its foot is a Step (stepped-spigot); a blend inside the
 * axial bore is part of the bore (features/count-bore-blends.ts, blended-bore). A shallow taper is a
 * Draft (features/count-drafts.ts), one per tapered wall.
 */
import { describe, expect, it } from 'vitest';
import { analyze, COUNT_CLASSES, countFeatures } from '../src/analysis/index.ts';
import { useNodeHost } from '../src/analysis/hosts/node.ts';
import { MIN_LAND_SHARE, SPIGOT_SHARE, turnedSpigots } from '../src/analysis/features/count-turned.ts';
import { turnedDraftCount } from '../src/analysis/features/count-drafts.ts';
import { boreBlends } from '../src/analysis/features/count-bore-blends.ts';
import type { Face, Vec3 } from '../src/analysis/result.ts';
import { COUNT_FIXTURES } from './count-fixtures.ts';
import { fixture } from './fixtures.ts';

useNodeHost();

const [HOLE, , STEP, , , , , , NECK, PIPE, BOSS, , , , DRAFT] = COUNT_CLASSES;
const run = (name: string) => analyze(fixture(name), { fileName: name });
/** A synthetic face for the rules that read only faces' types, boxes and axes. */
const boxFace = <S extends 'cylinder' | 'cone' | 'torus'>(surface: S, min: Vec3, max: Vec3, params: Face['params'] = {}) => ({
  area: 1,
  surface,
  params,
  bbox: { min, max },
});

describe('spigots of turned parts', () => {
  const { spigot, neckedFlange } = COUNT_FIXTURES;

  it.each(['spigot.step', 'spigot-rotated.step'])('%s: the body standing out of the flange is a boss, its drilled bore a hole', async (name) => {
    const r = await run(name);
    // The recogniser describes the bar (no boss feature); the count reads the spigot off it.
    expect(r.features.some((f) => f.type === 'boss')).toBe(false);
    const outside = r.features.filter((f) => f.type === 'turned_diameter' && f.params.internal === false).map((f) => f.params.diameter);
    expect(outside.sort((a, b) => Number(a) - Number(b))).toEqual([spigot.spigot, spigot.flange].map((x) => expect.closeTo(x, 3)));
    expect(spigot.spigotLength).toBeGreaterThanOrEqual(SPIGOT_SHARE * spigot.flangeLength);
    expect(countFeatures(r)).toEqual({ [BOSS]: 1, [HOLE]: 1 });
  });

  it.each(['necked-flange.step', 'necked-flange-rotated.step'])('%s: a neck bored wider than a drill is a pipe, its bore no hole', async (name) => {
    const r = await run(name);
    expect(r.features.filter((f) => f.type === 'turned_diameter' && f.params.internal === true).map((f) => f.params.diameter)).toEqual([
      expect.closeTo(neckedFlange.bore, 3),
    ]);
    expect(turnedSpigots(r)).toEqual({ bosses: 0, pipes: 1, steps: 0 });
    expect(countFeatures(r)).toEqual({ [PIPE]: 1 });
  });

  it.each(['stepped-spigot.step', 'stepped-spigot-rotated.step'])('%s: each shoulder along the spigot beyond its foot is a step', async (name) => {
    const r = await run(name);
    const { steppedSpigot: ss } = COUNT_FIXTURES;
    const outside = r.features.filter((f) => f.type === 'turned_diameter' && f.params.internal === false).map((f) => Number(f.params.diameter));
    expect(outside.sort((a, b) => b - a)).toEqual([ss.collar, ...ss.sections.map(([d]) => d)].map((x) => expect.closeTo(x, 3)));
    // Three sections stand out of the collar: the foot is the boss, the two drops after it steps.
    expect(turnedSpigots(r)).toEqual({ bosses: 1, pipes: 0, steps: ss.sections.length - 1 });
    // The blind bore's ball-nosed bottom is the hole's, no fillet.
    expect(countFeatures(r)).toEqual({ [BOSS]: 1, [STEP]: 2, [HOLE]: 1 });
  });

  it('a land shorter than its share of the diameter (a run-out sliver) is no section to step to', () => {
    const y: Vec3 = [0, 1, 0];
    // Faces along y: a flange Ø50 × 10 at 0-10, a spigot Ø30 × 40 at 10-50, then a land Ø24 of `land` length.
    const face = (lo: number, hi: number) => boxFace('cylinder', [0, lo, 0], [1, hi, 1]);
    const section = (id: number, diameter: number, length: number) => ({
      type: 'turned_diameter',
      method: 'geometric' as const,
      axis: y,
      faces: [id],
      params: { diameter, length, internal: false },
    });
    const shaft = (land: number) => ({
      faces: [face(0, 10), face(10, 50), face(50, 50 + land)],
      features: [section(0, 50, 10), section(1, 30, 40), section(2, 24, land)],
    });
    expect(turnedSpigots(shaft(MIN_LAND_SHARE * 24 * 2)).steps).toBe(1);
    expect(turnedSpigots(shaft(MIN_LAND_SHARE * 24 * 0.5)).steps).toBe(0);
  });

  it('a shaft turned down in steps of like lengths, or a plain bush, has no spigot', async () => {
    // shaft: Ø20 × 30 below a Ø30 section about 30 long with a groove; bush: one outside diameter.
    for (const name of ['shaft.step', 'shaft-rotated.step', 'bush.step']) {
      expect(turnedSpigots(await run(name)), name).toEqual({ bosses: 0, pipes: 0, steps: 0 });
    }
    expect(countFeatures(await run('shaft.step'))).toEqual({ [NECK]: 1 });
  });
});

describe('blends inside a turned bore', () => {
  it.each(['blended-bore.step', 'blended-bore-rotated.step'])(
    '%s: the round where the bore steps into its taper is part of the bore',
    async (name) => {
      const r = await run(name);
      // The recogniser reports the blend (a quote may price it); counting sees the bore, a hole.
      const fillets = r.features.filter((f) => f.type === 'fillet');
      expect(fillets.map((f) => Number(f.params.radius))).toEqual([expect.closeTo(COUNT_FIXTURES.blendedBore.blend, 3)]);
      expect([...boreBlends(r)]).toEqual([r.features.indexOf(fillets[0]!)]);
      expect(countFeatures(r)).toEqual({ [BOSS]: 1, [HOLE]: 1, [DRAFT]: 1 });
    },
  );

  it('leaves a blend of the outside counted, and one off the turning axis', () => {
    const z: Vec3 = [0, 0, 1];
    const face = (surface: 'cylinder' | 'torus', internal: boolean, center: Vec3 = [0, 0, 0]) =>
      boxFace(surface, [0, 0, 0], [1, 1, 1], { axis: z, center, radius: 5, internal });
    // 0: the outside diameter; 1: a bore; 2: a blend facing the axis; 3: one facing away; 4: one facing its own axis off the turning axis.
    const faces = [face('cylinder', false), face('cylinder', true), face('torus', true), face('torus', false), face('torus', true, [20, 0, 0])];
    const edges = [2, 3, 4].map((t) => ({ faces: [1, t], convexity: 'concave' as const }));
    const feature = (type: string, ids: number[]) => ({ type, method: 'geometric' as const, faces: ids, params: {} });
    const result = {
      faces,
      edges,
      features: [feature('turned_diameter', [0]), feature('fillet', [2]), feature('fillet', [3]), feature('fillet', [4])],
    };
    expect(boreBlends(result)).toEqual(new Set([1]));
  });
});

describe('tapers of turned parts', () => {
  const { taperedNose } = COUNT_FIXTURES;

  it.each(['tapered-nose.step', 'tapered-nose-rotated.step'])('%s: the taper is one draft, the nose a boss, the bore a hole', async (name) => {
    const r = await run(name);
    const taper = r.features.find((f) => f.type === 'taper')!;
    const [wide, narrow] = taperedNose.nose;
    const included = (2 * Math.atan((wide - narrow) / 2 / taperedNose.noseLength) * 180) / Math.PI;
    expect(Number(taper.params.angle)).toBeCloseTo(included, 3);
    expect(countFeatures(r)).toEqual({ [DRAFT]: 1, [BOSS]: 1, [HOLE]: 1 });
  });

  it('counts a tapered wall once: its outside and inside cones, and a cone written in halves; a steep cone is none', () => {
    const z: Vec3 = [0, 0, 1];
    // One face per cone half: a box 10 long along z, centred at `at`, `r` off the axis at x.
    const face = (at: number, r: number) => boxFace('cone', [0, -r, at - 5], [r, r, at + 5], { center: [0, 0, 0] });
    const faces = [face(20, 8), face(20, 8), face(20, 6), face(60, 8), face(20, 8)];
    const taper = (ids: number[], angle: number) => ({
      type: 'taper',
      method: 'geometric' as const,
      axis: z,
      faces: ids,
      params: { angle, length: 10 },
    });
    // Outside in two halves and the inside cone at one angle, along one stretch: one draft.
    expect(turnedDraftCount({ faces, features: [taper([0], 10), taper([1], 10), taper([2], 10)] })).toBe(1);
    // A second taper further along the axis is a second draft; a 60° shoulder none.
    expect(turnedDraftCount({ faces, features: [taper([0], 10), taper([3], 10), taper([4], 60)] })).toBe(2);
  });
});
