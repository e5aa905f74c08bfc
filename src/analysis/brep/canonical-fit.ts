/**
 * Which analytic surface a sampled freeform face really is. Exporters (Fusion, SolidWorks,
 * Onshape, NX) write planes, cylinders, cones, spheres and tori (fillets) as B-spline surfaces;
 * this build binds neither GeomLib_IsPlanarSurface nor ShapeAnalysis_CanonicalRecognition, so
 * the surface is recognised from points, normals and principal curvatures sampled over the face:
 *
 * - plane: every point within `tol` of the mean plane;
 * - cylinder / cone: a surface of revolution whose normals keep one angle to the axis, so the
 *   axis is the direction the normals do not spread in (smallest eigenvector of their scatter),
 *   and the meridian (height, radius) is a line: constant radius = cylinder, sloped = cone;
 * - sphere / torus: one principal curvature is the same everywhere (1/tube radius); the centres
 *   of that curvature lie on the torus's spine circle (or all at the sphere's centre), whose plane
 *   gives the axis, and the meridian is a circle.
 *
 * Every candidate is accepted only when all samples lie within `tol` of it, so a true freeform
 * face stays a B-spline.
 */
import type { Face, Vec3 } from '../result.ts';
import { eigenSym3, scatter, type Sym3 } from './eigen.ts';
import { add, cross, dot, norm, scale, sub, unit } from './vec.ts';

export interface SurfaceSample {
  point: Vec3;
  /** Unit normal of the surface's own parametrisation (the face's orientation not applied). */
  normal: Vec3;
  /** Principal curvatures, signed so that the centre of curvature is point + normal / k. */
  curvatures: [number, number];
}

export type CanonicalSurface = 'plane' | 'cylinder' | 'cone' | 'sphere' | 'torus';

export interface CanonicalFit {
  surface: CanonicalSurface;
  /** As the analytic type's parameters; a plane's normal is the parametrisation's normal. */
  params: Face['params'];
  /** Largest distance of a sample from the fitted surface. */
  deviation: number;
}

/**
 * A rolling-ball blend along a curved edge (its spine no circle) is no analytic surface, but its
 * cross-section is a circle: the larger principal curvature is 1/radius everywhere. Exporters
 * approximate such blends with cubic patches whose curvature wanders by up to ~10 % about the
 * true value (measured on Fusion's blends), so the radius is the median, and a blend is flagged
 * variable only when its curvature spreads by more than BLEND_VARIABLE; beyond BLEND_MAX_SPREAD it
 * is no blend at all.
 */
const BLEND_VARIABLE = 1.15;
const BLEND_MAX_SPREAD = 2.5;

export interface BlendFit {
  /** Median radius of the circular cross-section; min and max when it varies (a variable fillet). */
  radius: number;
  minRadius?: number;
  maxRadius?: number;
  /** True when the cross-section's centre lies on the side the parametrisation's normal points to. */
  centreOnNormalSide: boolean;
}

export function fitBlend(samples: readonly SurfaceSample[]): BlendFit | null {
  if (samples.length < 6) return null;
  const tube = samples.map((s) => (Math.abs(s.curvatures[0]) >= Math.abs(s.curvatures[1]) ? s.curvatures[0] : s.curvatures[1]));
  const sign = Math.sign(tube[0]!);
  if (sign === 0 || !tube.every((k) => Math.sign(k) === sign)) return null;
  const radii = tube.map((k) => 1 / Math.abs(k)).sort((a, b) => a - b);
  const [min, max] = [radii[0]!, radii[radii.length - 1]!];
  if (max / min > BLEND_MAX_SPREAD) return null;
  const radius = radii[Math.floor(radii.length / 2)]!;
  const blend: BlendFit = { radius, centreOnNormalSide: sign > 0 };
  if (max / min > BLEND_VARIABLE) Object.assign(blend, { minRadius: min, maxRadius: max });
  return blend;
}

/** Relative spread allowed between samples' curvatures when looking for the constant one. */
const CURVATURE_SPREAD = 0.02;
/** A cone flatter than this slope (radius per length) is a cylinder in all but name. */
const CYLINDER_SLOPE = 1e-6;

export function fitCanonical(samples: readonly SurfaceSample[], tol: number): CanonicalFit | null {
  if (samples.length < 6) return null;
  return fitPlane(samples, tol) ?? fitConstantAngle(samples, tol) ?? fitConstantCurvature(samples, tol);
}

function fitPlane(samples: readonly SurfaceSample[], tol: number): CanonicalFit | null {
  const normal = unit(samples.reduce<Vec3>((s, x) => add(s, x.normal), [0, 0, 0]));
  if (norm(normal) === 0) return null;
  const { mean } = scatter(samples.map((s) => s.point));
  const deviation = Math.max(...samples.map((s) => Math.abs(dot(sub(s.point, mean), normal))));
  // Also every normal parallel: a shallow dome can stay within tol of a plane.
  const parallel = samples.every((s) => dot(s.normal, normal) > Math.cos(1e-3));
  return deviation <= tol && parallel ? { surface: 'plane', params: { normal, origin: mean }, deviation } : null;
}

/** Cylinders and cones: the normals' scatter has no extent along the axis. */
function fitConstantAngle(samples: readonly SurfaceSample[], tol: number): CanonicalFit | null {
  const { vectors } = eigenSym3(scatter(samples.map((s) => s.normal)).matrix);
  const axis = vectors[0];
  const centre = axisPoint(samples, axis);
  if (!centre) return null;
  const meridian = samples.map((s) => meridianPoint(s.point, centre, axis));
  const line = fitLine(meridian);
  if (!line || line.deviation > tol) return null;
  const hs = meridian.map(([h]) => h);
  const mid = (Math.min(...hs) + Math.max(...hs)) / 2;
  const radiusAtMid = line.intercept + line.slope * mid;
  if (radiusAtMid <= tol) return null;
  const at = add(centre, scale(axis, mid));
  // Curvatures too, not only distances: a small patch of a spline profile (curvature varying
  // along it) can stay within tol of some cylinder, a true cylinder's curvature cannot vary.
  const straight = (s: SurfaceSample, r: number) => s.curvatures.some((k) => Math.abs(k) * r <= CURVATURE_SPREAD);
  if (Math.abs(line.slope) < CYLINDER_SLOPE || meridian.every(([, r]) => Math.abs(r - radiusAtMid) <= tol)) {
    const radius = meridian.reduce((s, [, r]) => s + r, 0) / meridian.length;
    const round = (s: SurfaceSample) => s.curvatures.some((k) => Math.abs(Math.abs(k) * radius - 1) <= CURVATURE_SPREAD);
    if (!samples.every((s) => straight(s, radius) && round(s))) return null;
    return { surface: 'cylinder', params: { axis, center: at, radius }, deviation: line.deviation };
  }
  if (!samples.every((s, i) => straight(s, meridian[i]![1]))) return null;
  // As OCC's cones: the radius grows along the axis.
  const grows = line.slope > 0 ? axis : scale(axis, -1);
  const halfAngle = (Math.atan(Math.abs(line.slope)) * 180) / Math.PI;
  return { surface: 'cone', params: { axis: grows, center: at, radius: radiusAtMid, halfAngle }, deviation: line.deviation };
}

/** Spheres and tori: one principal curvature is the same at every sample. */
function fitConstantCurvature(samples: readonly SurfaceSample[], tol: number): CanonicalFit | null {
  for (const k of constantCurvatures(samples)) {
    const centres = samples.map((s) => add(s.point, scale(s.normal, 1 / k)));
    const { mean, matrix } = scatter(centres);
    const spread = Math.max(...centres.map((c) => norm(sub(c, mean))));
    if (spread <= tol) {
      const radius = Math.abs(1 / k);
      const deviation = Math.max(...samples.map((s) => Math.abs(norm(sub(s.point, mean)) - radius)));
      if (deviation <= tol) return { surface: 'sphere', params: { center: mean, radius }, deviation };
      continue;
    }
    // The spine circle's plane: the direction the curvature centres do not spread in.
    const axis = eigenSym3(matrix).vectors[0];
    const centre = axisPoint(samples, axis);
    if (!centre) continue;
    const circle = fitCircle(samples.map((s) => meridianPoint(s.point, centre, axis)));
    if (!circle || circle.deviation > tol) continue;
    const [h0, major] = circle.centre;
    const params = { axis, center: add(centre, scale(axis, h0)), radius: major, minorRadius: circle.radius };
    if (major <= tol) return { surface: 'sphere', params: { center: params.center, radius: circle.radius }, deviation: circle.deviation };
    return { surface: 'torus', params, deviation: circle.deviation };
  }
  return null;
}

/** Curvatures (of the first sample) that every sample shares within CURVATURE_SPREAD, largest first. */
function constantCurvatures(samples: readonly SurfaceSample[]): number[] {
  const candidates = [...samples[0]!.curvatures].filter((k) => k !== 0).sort((a, b) => Math.abs(b) - Math.abs(a));
  return candidates.filter((k) => samples.every((s) => s.curvatures.some((c) => Math.abs(c - k) <= CURVATURE_SPREAD * Math.abs(k))));
}

/**
 * The point of the axis (through the origin's projection) that the normal lines come closest to:
 * on a surface of revolution every normal line meets the axis. Least squares on the normals
 * projected across the axis; null when they are all parallel there (no axis to find).
 */
function axisPoint(samples: readonly SurfaceSample[], axis: Vec3): Vec3 | null {
  const m: Sym3 = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const b: Vec3 = [0, 0, 0];
  let used = 0;
  for (const s of samples) {
    const across = sub(s.normal, scale(axis, dot(s.normal, axis)));
    if (norm(across) < 0.1) continue;
    const d = unit(across);
    const p = sub(s.point, scale(axis, dot(s.point, axis)));
    // (I − d dᵀ) c = (I − d dᵀ) p for each normal line.
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) m[i]![j]! += (i === j ? 1 : 0) - d[i]! * d[j]!;
      b[i]! += p[i]! - d[i]! * dot(d, p);
    }
    used++;
  }
  if (used < 3) return null;
  // Pin the free direction (along the axis) to the plane through the origin.
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) m[i]![j]! += used * axis[i]! * axis[j]!;
  return solve3(m, b);
}

function meridianPoint(p: Vec3, centre: Vec3, axis: Vec3): [number, number] {
  const d = sub(p, centre);
  const h = dot(d, axis);
  return [h, norm(sub(d, scale(axis, h)))];
}

/** Least-squares r = intercept + slope·h; deviation measured across the line. */
function fitLine(points: readonly [number, number][]): { intercept: number; slope: number; deviation: number } | null {
  const n = points.length;
  const mh = points.reduce((s, [h]) => s + h, 0) / n;
  const mr = points.reduce((s, [, r]) => s + r, 0) / n;
  let shh = 0;
  let shr = 0;
  for (const [h, r] of points) {
    shh += (h - mh) ** 2;
    shr += (h - mh) * (r - mr);
  }
  if (shh === 0) return null;
  const slope = shr / shh;
  const intercept = mr - slope * mh;
  const across = 1 / Math.hypot(1, slope);
  const deviation = Math.max(...points.map(([h, r]) => Math.abs(r - intercept - slope * h) * across));
  return { intercept, slope, deviation };
}

/** Algebraic (Kåsa) circle fit: h² + r² + D h + E r + F = 0 in least squares. */
function fitCircle(points: readonly [number, number][]): { centre: [number, number]; radius: number; deviation: number } | null {
  const m: Sym3 = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const b: Vec3 = [0, 0, 0];
  for (const [h, r] of points) {
    const row: Vec3 = [h, r, 1];
    const rhs = -(h * h + r * r);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) m[i]![j]! += row[i]! * row[j]!;
      b[i]! += row[i]! * rhs;
    }
  }
  const x = solve3(m, b);
  if (!x) return null;
  const centre: [number, number] = [-x[0] / 2, -x[1] / 2];
  const r2 = centre[0] ** 2 + centre[1] ** 2 - x[2];
  if (!(r2 > 0)) return null;
  const radius = Math.sqrt(r2);
  const deviation = Math.max(...points.map(([h, r]) => Math.abs(Math.hypot(h - centre[0], r - centre[1]) - radius)));
  return { centre, radius, deviation };
}

/** Cramer's rule; null when the system is singular. */
function solve3(m: Sym3, b: Vec3): Vec3 | null {
  const det = dot(m[0], cross(m[1], m[2]));
  const scaleOf = Math.max(...m.flat().map(Math.abs));
  if (!(Math.abs(det) > 1e-12 * scaleOf ** 3)) return null;
  const col = (k: number): Sym3 => m.map((row, i) => row.map((v, j) => (j === k ? b[i]! : v))) as Sym3;
  return [0, 1, 2].map((k) => {
    const c = col(k);
    return dot(c[0], cross(c[1], c[2])) / det;
  }) as Vec3;
}
