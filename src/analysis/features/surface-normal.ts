/** Outward normals of analytic faces, from their parameters (exact, unlike the mesh's). */
import type { Face, Vec3 } from '../result.ts';
import { add, dot, scale, sub, unit } from '../brep/vec.ts';

/** Outward unit normal of an analytic face at a point on (or at) it; null for other surfaces. */
export function normalAt(face: Face, p: Vec3): Vec3 | null {
  const { normal, axis, center, halfAngle, radius, minorRadius, internal } = face.params;
  const outward = (v: Vec3) => (internal ? scale(v, -1) : v);
  switch (face.surface) {
    case 'plane':
      return normal ?? null;
    case 'cylinder':
    case 'cone': {
      if (!axis || !center) return null;
      const d = sub(p, center);
      const radial = unit(sub(d, scale(axis, dot(d, axis))));
      if (face.surface === 'cylinder') return outward(radial);
      // The radius grows along +axis, so the side faces away from the axis and against it.
      const alpha = ((halfAngle ?? 0) * Math.PI) / 180;
      return outward(unit(sub(scale(radial, Math.cos(alpha)), scale(axis, Math.sin(alpha)))));
    }
    case 'sphere':
      return center ? outward(unit(sub(p, center))) : null;
    case 'torus': {
      if (!axis || !center || radius === undefined || minorRadius === undefined) return null;
      const d = sub(p, center);
      const radial = unit(sub(d, scale(axis, dot(d, axis))));
      return outward(unit(sub(p, add(center, scale(radial, radius)))));
    }
    default:
      return null;
  }
}
