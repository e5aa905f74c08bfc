/**
 * Engine side of canonical recognition: samples a freeform face (or edge) through its adaptor
 * and asks canonical-fit.ts / a line-or-circle test which analytic geometry it really is.
 * The tolerance is relative to the part's size (`linearTolerance`): exporters approximate
 * analytic geometry to a fraction of a micron on exact NURBS and to ~1e-3 mm when they refit.
 */
import type { BRepAdaptor_Curve, BRepAdaptor_Surface } from 'replicad-opencascadejs';
import type { Vec3 } from '../result.ts';
import type { OC } from '../occt/engine.ts';
import { withScope } from '../occt/scope.ts';
import { fitBlend, fitCanonical, type BlendFit, type CanonicalFit, type SurfaceSample } from './canonical-fit.ts';
import { xyz } from '../occt/coords.ts';
import { cross, dot, norm, scale, sub, unit } from './vec.ts';

/** Surface types that may hide an analytic surface. */
export const FREEFORM_SURFACES = new Set(['bspline', 'bezier', 'revolution', 'extrusion', 'offset']);
export const FREEFORM_CURVES = new Set(['bspline', 'bezier', 'offset', 'other']);

/**
 * Samples per parametric direction. A first look on a coarse grid settles most faces (a real
 * spline fits nothing there already, and costs no more); whatever it accepts is fitted again on
 * the fine grid, enough to tell a fillet's quarter circle from a cone.
 */
const COARSE_GRID = 3;
const GRID = 5;
const COARSE_CURVE_SAMPLES = 5;
const CURVE_SAMPLES = 9;

/** The recognition tolerance for a part whose bounding-box diagonal is `diagonal`. */
export function linearTolerance(diagonal: number): number {
  return Math.max(1e-6, 1e-5 * diagonal);
}

/** A freeform face as the analytic surface it is, or else as a blend of circular section. */
export function recogniseSurface(oc: OC, adaptor: BRepAdaptor_Surface, tol: number): { fit: CanonicalFit | null; blend: BlendFit | null } {
  const coarse = sampleSurface(oc, adaptor, COARSE_GRID);
  if (coarse.length === 0) return { fit: null, blend: null };
  const candidate = fitCanonical(coarse, tol) !== null || fitBlend(coarse) !== null;
  if (!candidate) return { fit: null, blend: null };
  const fine = sampleSurface(oc, adaptor, GRID);
  const fit = fitCanonical(fine, tol);
  return { fit, blend: fit ? null : fitBlend(fine) };
}

export function sampleSurface(oc: OC, adaptor: BRepAdaptor_Surface, grid = GRID): SurfaceSample[] {
  const [u0, u1, v0, v1] = [adaptor.FirstUParameter(), adaptor.LastUParameter(), adaptor.FirstVParameter(), adaptor.LastVParameter()];
  if (![u0, u1, v0, v1].every(Number.isFinite)) return [];
  // One set of output objects for the whole grid: EvalD2's six fresh objects a sample cost 3x.
  return withScope((s) => {
    const p = s.track(new oc.gp_Pnt());
    const vec = () => s.track(new oc.gp_Vec());
    const d = [vec(), vec(), vec(), vec(), vec()] as const;
    const samples: SurfaceSample[] = [];
    for (let i = 0; i < grid; i++) {
      for (let j = 0; j < grid; j++) {
        // A surface that cannot be differentiated there (an offset of a kinked basis, say)
        // throws: it is then simply not recognised, never a failed analysis.
        if (!evaluates(() => adaptor.D2(u0 + ((i + 0.5) / grid) * (u1 - u0), v0 + ((j + 0.5) / grid) * (v1 - v0), p, ...d))) return [];
        const sample = curvatureSample(xyz(p), xyz(d[0]), xyz(d[1]), xyz(d[2]), xyz(d[3]), xyz(d[4]));
        if (sample) samples.push(sample);
      }
    }
    return samples;
  });
}

/**
 * Runs an engine evaluation; false when OCC throws a C++ exception there. Anything else (a trap,
 * a bare number for out-of-memory) goes on up for analyze() to classify.
 */
function evaluates(run: () => void): boolean {
  try {
    run();
    return true;
  } catch (e) {
    const cppException = (WebAssembly as unknown as { Exception?: new () => object }).Exception;
    if (cppException && e instanceof cppException) return false;
    throw e;
  }
}

/** Normal and principal curvatures from the first and second fundamental forms. */
function curvatureSample(point: Vec3, su: Vec3, sv: Vec3, suu: Vec3, svv: Vec3, suv: Vec3): SurfaceSample | null {
  const raw = cross(su, sv);
  const area = norm(raw);
  if (!(area > 1e-12 * Math.max(norm(su) * norm(sv), 1e-300))) return null; // a pole: no normal
  const normal = scale(raw, 1 / area);
  const [e, f, g] = [dot(su, su), dot(su, sv), dot(sv, sv)];
  const [l, m, n] = [dot(suu, normal), dot(suv, normal), dot(svv, normal)];
  const det = e * g - f * f;
  const gauss = (l * n - m * m) / det;
  const mean = (e * n - 2 * f * m + g * l) / (2 * det);
  const root = Math.sqrt(Math.max(0, mean * mean - gauss));
  return { point, normal, curvatures: [mean + root, mean - root] };
}

export interface CurveFit {
  curve: 'line' | 'circle';
  radius?: number;
  center?: Vec3;
}

/** A freeform edge curve that is a straight line or a circle (arc) within `tol`. */
export function recogniseCurve(oc: OC, adaptor: BRepAdaptor_Curve, tol: number): CurveFit | null {
  const t0 = adaptor.FirstParameter();
  const t1 = adaptor.LastParameter();
  if (!Number.isFinite(t0) || !Number.isFinite(t1) || t1 <= t0) return null;
  return withScope((s) => {
    const p = s.track(new oc.gp_Pnt());
    const pointsAt = (n: number): Vec3[] | null => {
      const points: Vec3[] = [];
      for (let i = 0; i < n; i++) {
        if (!evaluates(() => adaptor.D0(t0 + (i / (n - 1)) * (t1 - t0), p))) return null;
        points.push(xyz(p));
      }
      return points;
    };
    // Five points turn most intersection curves away; a line or circle there is checked at nine.
    const coarse = pointsAt(COARSE_CURVE_SAMPLES);
    if (!coarse || !fitLineOrCircle(coarse, tol)) return null;
    const fine = pointsAt(CURVE_SAMPLES);
    return fine && fitLineOrCircle(fine, tol);
  });
}

export function fitLineOrCircle(points: readonly Vec3[], tol: number): CurveFit | null {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const chord = sub(last, first);
  if (norm(chord) > tol) {
    const dir = unit(chord);
    const off = (p: Vec3) => norm(cross(sub(p, first), dir));
    if (points.every((p) => off(p) <= tol)) return { curve: 'line' };
  }
  // Circumcircle of three well-spread samples (a closed curve starts and ends at one point).
  const n = points.length - 1;
  const [a, b, c] = [points[0]!, points[Math.round(n / 3)]!, points[Math.round((2 * n) / 3)]!];
  const circle = circumcircle(a, b, c);
  if (!circle) return null;
  const { center, radius, axis } = circle;
  const fits = points.every((p) => Math.abs(norm(sub(p, center)) - radius) <= tol && Math.abs(dot(sub(p, center), axis)) <= tol);
  return fits ? { curve: 'circle', radius, center } : null;
}

function circumcircle(a: Vec3, b: Vec3, c: Vec3): { center: Vec3; radius: number; axis: Vec3 } | null {
  const ab = sub(b, a);
  const ac = sub(c, a);
  const normal = cross(ab, ac);
  const n2 = dot(normal, normal);
  if (!(n2 > 1e-24 * dot(ab, ab) * dot(ac, ac))) return null;
  // a + (|ac|² (n × ab) + |ab|² (ac × n)) / (2 |n|²)
  const t1 = scale(cross(normal, ab), dot(ac, ac));
  const t2 = scale(cross(ac, normal), dot(ab, ab));
  const offset = scale([t1[0] + t2[0], t1[1] + t2[1], t1[2] + t2[2]], 1 / (2 * n2));
  const center: Vec3 = [a[0] + offset[0], a[1] + offset[1], a[2] + offset[2]];
  return { center, radius: norm(offset), axis: unit(normal) };
}
