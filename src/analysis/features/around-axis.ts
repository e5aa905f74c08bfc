/**
 * Questions about faces around a hole's axis: whether they go all the way round it, and whether a
 * cone closes on it (a drill's point).
 */
import type { Face } from '../result.ts';
import { cross, dot, sub, unit } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';

/**
 * Whether coaxial faces cover every direction about their axis: no gap between the directions of
 * their mesh vertices wider than the mesher leaves on a full turn (its angular deflection is 0.5
 * rad; a quarter-round blend leaves a 270° gap, a cut-off half wall 180°).
 */
const MAX_TURN_GAP = Math.PI / 3;

export function goesRound(graph: FaceGraph, faces: number[], ref: Face['params']): boolean {
  const { positions, indices, faceRanges } = graph.input.mesh;
  const axis = ref.axis!;
  const u = unit(cross(axis, Math.abs(axis[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0]));
  const v = cross(axis, u);
  const angles: number[] = [];
  for (const f of faces) {
    const [first, count] = faceRanges[f]!;
    for (let k = first * 3; k < (first + count) * 3; k++) {
      const i = indices[k]! * 3;
      const d = sub([positions[i]!, positions[i + 1]!, positions[i + 2]!], ref.center!);
      angles.push(Math.atan2(dot(d, v), dot(d, u)));
    }
  }
  if (angles.length < 3) return false;
  angles.sort((a, b) => a - b);
  let gap = angles[0]! + 2 * Math.PI - angles[angles.length - 1]!;
  for (let i = 1; i < angles.length; i++) gap = Math.max(gap, angles[i]! - angles[i - 1]!);
  return gap < MAX_TURN_GAP;
}

/** A cone that closes the hole: one of its edges is degenerate (the apex) or it has a single circle. */
export function closesAt(graph: FaceGraph, cone: Face): boolean {
  const edges = graph.edgesOf[cone.id]!.map((id) => graph.edges[id]!);
  return edges.some((e) => e.curve === 'degenerate') || edges.filter((e) => e.curve === 'circle').length === 1;
}

/**
 * A fillet is a partial cylinder tangent to its flanks along straight edges; a bore is bounded by
 * circles (and seams, or the straight edges where its own halves meet).
 */
export function isTangentToFlank(graph: FaceGraph, face: Face): boolean {
  return graph
    .neighbours(face.id)
    .some((n) => n.convexity === 'smooth' && n.face !== face.id && graph.edges[n.edge]!.curve === 'line' && graph.faces[n.face]!.surface === 'plane');
}
