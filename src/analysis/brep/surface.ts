/**
 * Face attributes: surface type, area and the parameters a recogniser needs (outward plane
 * normal; axis, centre and radius of surfaces of revolution; whether a curved face looks towards
 * its axis, as a bore does).
 */
import type { BRepAdaptor_Surface, Geom_ConicalSurface, TopoDS_Face } from 'replicad-opencascadejs';
import type { Face, SurfaceType, Vec3 } from '../result.ts';
import type { OC } from '../occt/engine.ts';
import { measureOf } from '../occt/mass.ts';
import { withScope } from '../occt/scope.ts';
import { xyz } from '../occt/coords.ts';
import { cross, dot, scale, sub, unit, add, norm } from './vec.ts';
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
    params.internal = blend.centreOnNormalSide === sign > 0;
  }
  const attrs: FaceAttributes = { surface, area: measureOf(oc, face, 'area'), reversed, params };
  if (fit) attrs.surfaceSource = written;
  // Only B-spline and Bezier adaptors answer IsU/VRational; other types throw.
  if (written === 'bspline' || written === 'bezier') attrs.rational = adaptor.IsURational() || adaptor.IsVRational();
  return attrs;
}

/** The parameters OCC's analytic surface types carry, read from the adaptor. */
function analyticParams(adaptor: BRepAdaptor_Surface, surface: SurfaceType, sign: number): Face['params'] {
  return withScope((s) => {
    const params: Face['params'] = {};
    switch (surface) {
      case 'plane': {
        const pln = s.track(adaptor.Plane());
        const ax = s.track(pln.Axis());
        params.normal = scale(xyz(s.track(ax.Direction())), sign);
        params.origin = xyz(s.track(pln.Location()));
        break;
      }
      case 'cylinder': {
        const cyl = s.track(adaptor.Cylinder());
        const ax = s.track(cyl.Axis());
        params.axis = xyz(s.track(ax.Direction()));
        params.center = xyz(s.track(ax.Location()));
        params.radius = cyl.Radius();
        break;
      }
      case 'sphere': {
        const sph = s.track(adaptor.Sphere());
        params.center = xyz(s.track(sph.Location()));
        params.radius = sph.Radius();
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
  });
}

/** This build binds no gp_Cone; the Geom surface (already in global coordinates) has it all. */
function coneParams(adaptor: BRepAdaptor_Surface): Face['params'] {
  return withScope((s) => {
    const cone = s.track(adaptor.GeomSurfaceTransformed() as unknown as Geom_ConicalSurface);
    const ax = s.track(cone.Axis());
    return {
      axis: xyz(s.track(ax.Direction())),
      center: xyz(s.track(ax.Location())),
      radius: cone.RefRadius(),
      halfAngle: (Math.abs(cone.SemiAngle()) * 180) / Math.PI,
    };
  });
}

/**
 * No gp_Torus either: read it off three points of the parametrisation
 * P(u,v) = C + (R + r cos v)(cos u X + sin u Y) + r sin v Z.
 */
function torusParams(adaptor: BRepAdaptor_Surface): Face['params'] {
  const at = (u: number, v: number): Vec3 => withScope((s) => xyz(s.track(adaptor.Value(u, v))));
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
  const [point, normal] = withScope((s): [Vec3, Vec3] => {
    const d1 = adaptor.EvalD1(u, v);
    const [p, du, dv] = [s.track(d1.Point), s.track(d1.D1U), s.track(d1.D1V)];
    return [xyz(p), scale(cross(xyz(du), xyz(dv)), sign)];
  });
  let radial = sub(point, center);
  if (axis) radial = sub(radial, scale(axis, dot(radial, axis)));
  return dot(normal, radial) < 0;
}
