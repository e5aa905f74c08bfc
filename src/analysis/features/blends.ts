/**
 * Blends: fillets (cylindrical or toroidal faces tangent to at least two neighbours) with their
 * radius, convex (a rounded outside edge) or concave (a rounded inside corner).
 */
import type { Face, Vec3 } from '../result.ts';
import { add, dot, scale, sub, unit } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { round4 } from './extent.ts';

export interface Fillet {
  faces: number[];
  params: Record<string, number | string | boolean>;
}

export function findFillets(graph: FaceGraph, candidates: Set<number>): Fillet[] {
  const fillets: Fillet[] = [];
  for (const face of graph.faces) {
    if (!candidates.has(face.id)) continue;
    if (face.surface !== 'cylinder' && face.surface !== 'torus') continue;
    const tangent = graph.neighbours(face.id).filter((n) => n.convexity === 'smooth' && n.face !== face.id);
    if (new Set(tangent.map((n) => n.face)).size < 2) continue;
    const radius = face.surface === 'torus' ? face.params.minorRadius! : face.params.radius!;
    fillets.push({ faces: [face.id], params: { radius: round4(radius), convex: bulgesOutward(graph, face) } });
  }
  return fillets;
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
