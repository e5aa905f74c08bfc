/**
 * Blends: fillets (cylindrical or toroidal faces tangent to at least two neighbours) with their
 * radius, convex (a rounded outside edge) or concave (a rounded inside corner). Also:
 * - a sphere tangent to blends of its own radius: the ball where rounded edges meet at a corner;
 * - a freeform face with a circular cross-section (brep/canonical-fit.ts fitBlend) tangent to two
 *   neighbours: a rolling-ball blend along a curved edge, flagged `variable_radius` (with
 *   `radius_min`/`radius_max`) where its radius changes along the edge.
 */
import type { Face, Vec3 } from '../result.ts';
import { add, dot, scale, sub, unit } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { round4 } from './extent.ts';
import { BLEND_RADIUS_REL_TOL, LENGTH_TOL } from './tolerance.ts';

export interface Fillet {
  faces: number[];
  params: Record<string, number | string | boolean>;
}

export function findFillets(graph: FaceGraph, candidates: Set<number>): Fillet[] {
  const fillets: Fillet[] = [];
  for (const face of graph.faces) {
    if (!candidates.has(face.id)) continue;
    const radius = blendRadius(face);
    if (radius === undefined) continue;
    const tangent = graph.neighbours(face.id).filter((n) => n.convexity === 'smooth' && n.face !== face.id);
    if (new Set(tangent.map((n) => n.face)).size < 2) continue;
    if (face.surface === 'sphere' && !tangent.some((n) => sameRadius(blendRadius(graph.faces[n.face]!), radius))) continue;
    const params: Fillet['params'] = { radius: round4(radius), convex: bulgesOutward(graph, face) };
    const { blendRadiusMin: min, blendRadiusMax: max } = face.params;
    if (min !== undefined && max !== undefined) Object.assign(params, { variable_radius: true, radius_min: round4(min), radius_max: round4(max) });
    fillets.push({ faces: [face.id], params });
  }
  return fillets;
}

/** The radius a face would round an edge with, if it can be a blend at all. */
function blendRadius(face: Face): number | undefined {
  switch (face.surface) {
    case 'cylinder':
    case 'sphere':
      return face.params.radius;
    case 'torus':
      return face.params.minorRadius;
    default:
      return face.params.blendRadius;
  }
}

function sameRadius(a: number | undefined, b: number): boolean {
  return a !== undefined && Math.abs(a - b) <= BLEND_RADIUS_REL_TOL * Math.max(a, b) + LENGTH_TOL;
}

/**
 * Convex when the outward normal points away from the blend's centre line (the cylinder's axis,
 * or the torus's tube circle), summed over the face's mesh vertices: at a vertex on the face's
 * border the mesh normal can lie almost across that direction, so one vertex alone may read
 * either way (a torus corner of a rotated part did).
 */
function bulgesOutward(graph: FaceGraph, face: Face): boolean {
  const { positions, normals, indices, faceRanges } = graph.input.mesh;
  const { axis, center, radius } = face.params;
  const [first, count] = faceRanges[face.id]!;
  if (!count || !axis || !center) return face.params.internal !== true;
  let outward = 0;
  for (let t = first * 3; t < (first + count) * 3; t++) {
    const v = indices[t]! * 3;
    const p: Vec3 = [positions[v]!, positions[v + 1]!, positions[v + 2]!];
    const n: Vec3 = [normals[v]!, normals[v + 1]!, normals[v + 2]!];
    const d = sub(p, center);
    const along = scale(axis, dot(d, axis));
    const centreLine = face.surface === 'torus' ? add(center, add(along, scale(unit(sub(d, along)), radius!))) : add(center, along);
    outward += dot(n, sub(p, centreLine));
  }
  return outward > 0;
}
