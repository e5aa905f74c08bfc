/**
 * Fillets that are no lone cylinder or torus: the ball where three rounded edges meet joins their
 * fillet; a constant-radius blend along an ellipse (a B-spline surface) is a fillet with its
 * radius; a variable-radius fillet is flagged with its range.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../src/analysis/index.ts';
import { fixture } from './fixtures.ts';
import { BLEND_FIXTURES as B } from './blend-fixtures.ts';

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
});
