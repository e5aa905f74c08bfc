/**
 * Face attributes: surface type, area and the parameters a recogniser needs (outward plane
 * normal; axis, centre and radius of surfaces of revolution; whether a curved face looks towards
 * its axis, as a bore does).
 */
import type { BRepAdaptor_Surface, Geom_ConicalSurface, TopoDS_Face } from 'replicad-opencascadejs';
import type { Face, SurfaceType, Vec3 } from '../result.ts';
import type { OC } from '../occt/engine.ts';
import { cross, dot, scale, sub, unit, xyz, add, norm } from './vec.ts';
import { FREEFORM_SURFACES, recogniseSurface } from './canonical.ts';

const SURFACE_NAMES: Record<string, SurfaceType> = {
  GeomAbs_Plane: 'plane',
  GeomAbs_Cylinder: 'cylinder',
  GeomAbs_Cone: 'cone',
  GeomAbs_Sphere: 'sphere',
  GeomAbs_Torus: 'torus',
  GeomAbs_BezierSurface: 'bezier',
  GeomAbs_BSplineSurface: 'bspline',
  GeomAbs_SurfaceOfRevolution: 'revolution',
  GeomAbs_SurfaceOfExtrusion: 'extrusion',
  GeomAbs_OffsetSurface: 'offset',
  GeomAbs_OtherSurface: 'other',
};

export type FaceAttributes = Omit<Face, 'id' | 'bbox' | 'loops'>;

export function surfaceType(adaptor: BRepAdaptor_Surface): SurfaceType {
  return SURFACE_NAMES[String(adaptor.GetType())] ?? 'other';
}

/**
 * `tolerance()` (mm, relative to the part's size; asked only for freeform faces) is how far a
 * freeform face may stray from the plane, cylinder, cone, sphere or torus it is recognised as;
 * such a face reports the analytic type and parameters in `surface`/`params` and its written type
 * in `surfaceSource`; one of circular section (a blend) also its radius in `params.blendRadius`.
 */
export function faceAttributes(oc: OC, face: TopoDS_Face, reversed: boolean, adaptor: BRepAdaptor_Surface, tolerance: () => number): FaceAttributes {
  const written = surfaceType(adaptor);
  const sign = reversed ? -1 : 1;
  const { fit, blend } = FREEFORM_SURFACES.has(written) ? recogniseSurface(oc, adaptor, tolerance()) : { fit: null, blend: null };
  const surface = fit?.surface ?? written;
  const params = fit ? { ...fit.params } : analyticParams(adaptor, surface, sign);
  if (fit && params.normal) params.normal = scale(params.normal, sign);
  if (params.center && surface !== 'plane') params.internal = looksInward(adaptor, sign, params.center, params.axis);
  if (blend) {
    // A freeform face with a circular cross-section: what the blend family needs to size it.
    params.blendRadius = blend.radius;
    if (blend.maxRadius !== undefined) Object.assign(params, { blendRadiusMin: blend.minRadius, blendRadiusMax: blend.maxRadius });
    params.internal = blend.centreOnNormalSide === (sign > 0);
  }
  const attrs: FaceAttributes = { surface, area: faceArea(oc, face), reversed, params };
  if (fit) attrs.surfaceSource = written;
  // Only B-spline and Bezier adaptors answer IsU/VRational; other types throw.
  if (written === 'bspline' || written === 'bezier') attrs.rational = adaptor.IsURational() || adaptor.IsVRational();
  return attrs;
}

/** The parameters OCC's analytic surface types carry, read from the adaptor. */
function analyticParams(adaptor: BRepAdaptor_Surface, surface: SurfaceType, sign: number): Face['params'] {
  const params: Face['params'] = {};
  switch (surface) {
    case 'plane': {
      const pln = adaptor.Plane();
      const ax = pln.Axis();
      const dir = ax.Direction();
      const loc = pln.Location();
      params.normal = scale(xyz(dir), sign);
      params.origin = xyz(loc);
      [dir, loc, ax, pln].forEach((h) => h.delete());
      break;
    }
    case 'cylinder': {
      const cyl = adaptor.Cylinder();
      const ax = cyl.Axis();
      const [dir, loc] = [ax.Direction(), ax.Location()];
      params.axis = xyz(dir);
      params.center = xyz(loc);
      params.radius = cyl.Radius();
      [dir, loc, ax, cyl].forEach((h) => h.delete());
      break;
    }
    case 'sphere': {
      const sph = adaptor.Sphere();
      const loc = sph.Location();
      params.center = xyz(loc);
      params.radius = sph.Radius();
      [loc, sph].forEach((h) => h.delete());
      break;
    }
    case 'cone':
      Object.assign(params, coneParams(adaptor));
      break;
    case 'torus':
      Object.assign(params, torusParams(adaptor));
      break;
    default:
  }
  return params;
}

function faceArea(oc: OC, face: TopoDS_Face): number {
  const props = new oc.GProp_GProps();
  oc.BRepGProp.SurfaceProperties(face, props, false, false);
  const area = props.Mass();
  props.delete();
  return area;
}

/** This build binds no gp_Cone; the Geom surface (already in global coordinates) has it all. */
function coneParams(adaptor: BRepAdaptor_Surface): Face['params'] {
  const cone = adaptor.GeomSurfaceTransformed() as unknown as Geom_ConicalSurface;
  const ax = cone.Axis();
  const [dir, loc] = [ax.Direction(), ax.Location()];
  const params: Face['params'] = {
    axis: xyz(dir),
    center: xyz(loc),
    radius: cone.RefRadius(),
    halfAngle: (Math.abs(cone.SemiAngle()) * 180) / Math.PI,
  };
  [dir, loc, ax, cone].forEach((h) => h.delete());
  return params;
}

/**
 * No gp_Torus either: read it off three points of the parametrisation
 * P(u,v) = C + (R + r cos v)(cos u X + sin u Y) + r sin v Z.
 */
function torusParams(adaptor: BRepAdaptor_Surface): Face['params'] {
  const at = (u: number, v: number): Vec3 => {
    const p = adaptor.Value(u, v);
    const r = xyz(p);
    p.delete();
    return r;
  };
  const outer0 = at(0, 0);
  const outerPi = at(Math.PI, 0);
  const inner0 = at(0, Math.PI);
  const outerHalf = at(Math.PI / 2, 0);
  const center = scale(add(outer0, outerPi), 0.5);
  const major = (norm(sub(outer0, center)) + norm(sub(inner0, center))) / 2;
  const minor = norm(sub(outer0, inner0)) / 2;
  const axis = unit(cross(sub(outer0, center), sub(outerHalf, center)));
  return { axis, center, radius: major, minorRadius: minor };
}

/** Samples the middle of the face: does the outward normal point towards the axis/centre? */
function looksInward(adaptor: BRepAdaptor_Surface, sign: number, center: Vec3, axis?: Vec3): boolean {
  const u = (adaptor.FirstUParameter() + adaptor.LastUParameter()) / 2;
  const v = (adaptor.FirstVParameter() + adaptor.LastVParameter()) / 2;
  const d1 = adaptor.EvalD1(u, v);
  const point = xyz(d1.Point);
  const normal = scale(cross(xyz(d1.D1U), xyz(d1.D1V)), sign);
  d1.Point.delete();
  d1.D1U.delete();
  d1.D1V.delete();
  let radial = sub(point, center);
  if (axis) radial = sub(radial, scale(axis, dot(radial, axis)));
  return dot(normal, radial) < 0;
}
