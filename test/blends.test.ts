/**
 * Fillets that are no lone cylinder or torus: the ball where three rounded edges meet joins their
 * fillet; a constant-radius blend along an ellipse (a B-spline surface) is a fillet with its
 * radius; a variable-radius fillet is flagged with its range; the small flat a rounding leaves
 * belongs to its fillet (also rotated).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../src/analysis/index.ts';
import { fixture } from './fixtures.ts';
import { BLEND_FIXTURES as B } from './blend-fixtures.ts';
import { expectSameFeatures } from './feature-expect.ts';

describe('blends beyond cylinders and tori', () => {
  const results: Record<string, AnalysisResult> = {};
  beforeAll(async () => {
    for (const { file } of Object.values(B)) results[file] = await analyze(fixture(file), { fileName: file });
  });

  it('a corner ball joins the three rounded edges it meets: one fillet of their radius', () => {
    const r = results[B.corner.file]!;
    const fillets = r.features.filter((f) => f.type === 'fillet');
    expect(fillets).toHaveLength(1);
    expect(fillets[0]!.params).toMatchObject({ radius: B.corner.radius, convex: true });
    expect(fillets[0]!.faces.map((id) => r.faces[id]!.surface).sort()).toEqual(['cylinder', 'cylinder', 'cylinder', 'sphere']);
    // The ball's seams with the rounds are tangent, not kinks.
    const ball = r.faces.findIndex((f) => f.surface === 'sphere');
    expect(r.edges.filter((e) => e.faces.includes(ball) && e.curve === 'circle').every((e) => e.convexity === 'smooth')).toBe(true);
  });

  it('a constant-radius blend along an ellipse, written as a B-spline, is a fillet with its radius', () => {
    const r = results[B.curved.file]!;
    const rim = r.features.find((f) => f.type === 'fillet' && f.params.variable_radius === undefined)!;
    expect(rim.faces.every((id) => r.faces[id]!.surface === 'bspline')).toBe(true);
    expect(rim.params.radius).toBeCloseTo(B.curved.rimRadius, 3);
    expect(rim.params.convex).toBe(true);
  });

  it('a variable-radius fillet is flagged, with the range of its radius', () => {
    const r = results[B.curved.file]!;
    const ramp = r.features.find((f) => f.type === 'fillet' && f.params.variable_radius === true)!;
    const [from, to] = B.curved.variable;
    // Sampled inside the face, so a little short of the ends' radii.
    expect(Number(ramp.params.radius_min)).toBeGreaterThanOrEqual(from - 1e-3);
    expect(Number(ramp.params.radius_min)).toBeLessThan(from + 0.25 * (to - from));
    expect(Number(ramp.params.radius_max)).toBeLessThanOrEqual(to + 1e-3);
    expect(Number(ramp.params.radius_max)).toBeGreaterThan(to - 0.25 * (to - from));
  });

  it('the small flat a rounding leaves on a narrow pin belongs to its fillet; a broad top stays a face', async () => {
    const r = results[B.patch.file]!;
    const { pins, radius } = B.patch;
    const inFeature = new Set(r.features.flatMap((f) => f.faces));
    // Tops: planes every edge of which is tangent to a blend.
    const tops = r.faces.filter((f) => f.surface === 'plane' && r.edges.filter((e) => e.faces.includes(f.id)).every((e) => e.convexity === 'smooth'));
    expect(tops.map((f) => Math.sqrt(f.area)).sort((a, b) => a - b)).toEqual(
      pins.map(([, , side]) => expect.closeTo(side - 2 * radius, 3)).sort((a, b) => a.sample - b.sample),
    );
    const [patch, broad] = tops.sort((a, b) => a.area - b.area);
    const holder = r.features.find((f) => f.faces.includes(patch!.id));
    expect(holder?.type).toBe('fillet');
    expect(holder!.params.radius).toBeCloseTo(radius, 4);
    expect(holder!.faces.filter((id) => r.faces[id]!.surface === 'cylinder')).toHaveLength(1); // the first of the rounds round it
    expect(r.faces[patch!.id]!.mfcadClass).toBe(r.faces[holder!.faces.find((id) => id !== patch!.id)!]!.mfcadClass);
    expect(inFeature.has(broad!.id)).toBe(false);
    expectSameFeatures(r, await analyze(fixture(B.patch.file.replace('.step', '-rotated.step')), {}));
  });
});
