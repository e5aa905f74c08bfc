/**
 * The fit on exact samples of each analytic surface (points, normals and principal curvatures
 * from closed forms), and on a profile that is no analytic surface.
 */
import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../result.ts';
import { fitBlend, fitCanonical, type SurfaceSample } from './canonical-fit.ts';
import { fitLineOrCircle } from './canonical.ts';
import { add, cross, dot, scale, unit } from './vec.ts';

const TOL = 1e-4;
/** A tilted frame, so no fit can lean on the coordinate axes. */
const Z = unit([0.3, -0.5, 0.81]);
const X = unit(cross([0, 0, 1], Z));
const Y = cross(Z, X);
const ORIGIN: Vec3 = [12, -7, 3];
const at = (x: number, y: number, z: number): Vec3 => add(ORIGIN, add(add(scale(X, x), scale(Y, y)), scale(Z, z)));
const dir = (x: number, y: number, z: number): Vec3 => add(add(scale(X, x), scale(Y, y)), scale(Z, z));

function grid(f: (s: number, t: number) => SurfaceSample): SurfaceSample[] {
  const out: SurfaceSample[] = [];
  for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) out.push(f((i + 0.5) / 6, (j + 0.5) / 6));
  return out;
}

/** A quarter of a cylinder (a fillet) of radius r, outward normals: curvature −1/r across, 0 along. */
const cylinder = (r: number) =>
  grid((s, t) => {
    const a = (s * Math.PI) / 2;
    return { point: at(r * Math.cos(a), r * Math.sin(a), 20 * t), normal: dir(Math.cos(a), Math.sin(a), 0), curvatures: [-1 / r, 0] };
  });

describe('fitCanonical', () => {
  it('finds a plane and its normal', () => {
    const fit = fitCanonical(
      grid((s, t) => ({ point: at(30 * s, 10 * t, 0), normal: Z, curvatures: [0, 0] })),
      TOL,
    );
    expect(fit?.surface).toBe('plane');
    expect(dot(fit!.params.normal!, Z)).toBeCloseTo(1, 9);
    expect(dot(fit!.params.origin!, Z)).toBeCloseTo(dot(ORIGIN, Z), 9);
  });

  it('finds a quarter cylinder (a fillet) with its radius and axis', () => {
    const fit = fitCanonical(cylinder(3), TOL);
    expect(fit?.surface).toBe('cylinder');
    expect(fit!.params.radius).toBeCloseTo(3, 9);
    expect(Math.abs(dot(fit!.params.axis!, Z))).toBeCloseTo(1, 9);
    // The centre lies on the axis through ORIGIN.
    const off = add(fit!.params.center!, scale(ORIGIN, -1));
    expect(Math.hypot(...add(off, scale(Z, -dot(off, Z))))).toBeLessThan(1e-9);
  });

  it('finds a 90° countersink cone: half-angle 45°, axis along the growing radius', () => {
    // Radius 2 at z = 0 growing to 5 at z = 3; normals tilt 45° to the axis.
    const fit = fitCanonical(
      grid((s, t) => {
        const a = 2 * Math.PI * s;
        const r = 2 + 3 * t;
        const c = Math.SQRT1_2;
        return { point: at(r * Math.cos(a), r * Math.sin(a), 3 * t), normal: dir(c * Math.cos(a), c * Math.sin(a), -c), curvatures: [-c / r, 0] };
      }),
      TOL,
    );
    expect(fit?.surface).toBe('cone');
    expect(fit!.params.halfAngle).toBeCloseTo(45, 6);
    expect(dot(fit!.params.axis!, Z)).toBeCloseTo(1, 9);
  });

  it('finds a torus (a fillet around a round boss): major and minor radius', () => {
    const [R, r] = [10, 2];
    const fit = fitCanonical(
      grid((s, t) => {
        const u = (s * Math.PI) / 1.5;
        const v = (t * Math.PI) / 2;
        const radial = dir(Math.cos(u), Math.sin(u), 0);
        const normal = add(scale(radial, Math.cos(v)), scale(Z, Math.sin(v)));
        return {
          point: add(at(0, 0, 0), add(scale(radial, R), scale(normal, r))),
          normal,
          curvatures: [-1 / r, -Math.cos(v) / (R + r * Math.cos(v))],
        };
      }),
      TOL,
    );
    expect(fit?.surface).toBe('torus');
    expect(fit!.params.radius).toBeCloseTo(R, 6);
    expect(fit!.params.minorRadius).toBeCloseTo(r, 6);
    expect(Math.abs(dot(fit!.params.axis!, Z))).toBeCloseTo(1, 6);
  });

  it('finds a sphere', () => {
    const fit = fitCanonical(
      grid((s, t) => {
        const n = unit(dir(Math.cos(2 * s), Math.sin(2 * s), t - 0.5));
        return { point: add(ORIGIN, scale(n, 4)), normal: n, curvatures: [-0.25, -0.25] };
      }),
      TOL,
    );
    expect(fit?.surface).toBe('sphere');
    expect(fit!.params.radius).toBeCloseTo(4, 9);
  });

  it('leaves a spline profile extruded (curvature varying along it) a freeform face', () => {
    // The extrusion of y = x³/30: a cylinder-like patch whose curvature changes along x.
    const fit = fitCanonical(
      grid((s, t) => {
        const x = 4 + 6 * s;
        const slope = (x * x) / 10;
        const n = unit(dir(-slope, 1, 0));
        const k = x / 5 / Math.pow(1 + slope * slope, 1.5);
        return { point: at(x, (x * x * x) / 30, 10 * t), normal: n, curvatures: [k, 0] };
      }),
      TOL,
    );
    expect(fit).toBeNull();
  });

  it('rejects a cylinder whose points stray by more than the tolerance', () => {
    const noisy = cylinder(3).map((s, i) => ({ ...s, point: add(s.point, scale(s.normal, i % 2 ? 5 * TOL : 0)) }));
    expect(fitCanonical(noisy, TOL)).toBeNull();
  });
});

describe('fitBlend', () => {
  /** A tube of radius r(t) around a curved spine: the cross-section curvature 1/r, the other one wanders. */
  const tube = (r: (t: number) => number) =>
    grid((s, t) => {
      const n = unit(dir(Math.cos(2 * s), Math.sin(2 * s), 0));
      return { point: add(at(10 * t, 5 * t * t, 0), scale(n, r(t))), normal: n, curvatures: [-1 / r(t), -0.05 - 0.1 * t * s] };
    });

  it('reads a rolling-ball blend along a curved edge: constant radius, convex side', () => {
    const blend = fitBlend(tube(() => 1.5));
    expect(blend?.radius).toBeCloseTo(1.5, 9);
    expect(blend?.maxRadius).toBeUndefined();
    expect(blend?.centreOnNormalSide).toBe(false);
  });

  it('flags a radius that changes along the blend, and refuses a face whose curvature runs away', () => {
    const variable = fitBlend(tube((t) => 2 + 2 * t));
    expect(variable?.minRadius).toBeCloseTo(2 + 2 * (0.5 / 6), 9);
    expect(variable?.maxRadius).toBeCloseTo(2 + 2 * (5.5 / 6), 9);
    expect(fitBlend(tube((t) => 0.2 + 5 * t))).toBeNull();
  });
});

describe('fitLineOrCircle', () => {
  it('tells a straight B-spline edge, an arc and a wavy curve apart', () => {
    const line = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => at(i, 0, 0));
    expect(fitLineOrCircle(line, TOL)).toEqual({ curve: 'line' });
    const arc = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => at(5 * Math.cos(i / 8), 5 * Math.sin(i / 8), 0));
    const circle = fitLineOrCircle(arc, TOL);
    expect(circle?.curve).toBe('circle');
    expect(circle!.radius).toBeCloseTo(5, 9);
    const wavy = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => at(i, 0.01 * Math.sin(i), 0));
    expect(fitLineOrCircle(wavy, TOL)).toBeNull();
  });
});
