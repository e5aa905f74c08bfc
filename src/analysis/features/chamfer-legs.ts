/**
 * The size of a lone planar bevel that the prismatic rules read (prismatic.ts): its two legs and
 * its angle, from the faces it bevels.
 */
import type { Face } from '../result.ts';
import { dot } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { round4, spanAlong } from './extent.ts';
import { DIRECTION_TOL } from './tolerance.ts';

/**
 * A chamfer's legs on the two faces it bevels (the largest planar neighbours) and its angle to
 * the first: a 45° chamfer has equal legs. Each leg is the face's extent along the other face's
 * normal, exact for planar faces.
 */
export function chamferLegs(graph: FaceGraph, face: number): Record<string, number> {
  const n = graph.faces[face]!.params.normal!;
  // The bevelled faces lean against the chamfer; the faces at its ends stand square to it.
  const sides = [...new Set(graph.neighbours(face).map((nb) => nb.face))]
    .map((id) => graph.faces[id]!)
    .filter((f) => f.surface === 'plane' && Math.abs(dot(f.params.normal!, n)) > DIRECTION_TOL)
    .sort((a, b) => b.area - a.area || a.id - b.id)
    .slice(0, 2);
  if (sides.length < 2) return {};
  const [a, b] = sides as [Face, Face];
  const legOnA = spanAlong(graph.input, [face], b.params.normal!);
  const legOnB = spanAlong(graph.input, [face], a.params.normal!);
  const angle = (Math.acos(Math.min(1, Math.abs(dot(n, a.params.normal!)))) * 180) / Math.PI;
  return { distance: round4(Math.min(legOnA, legOnB)), distance2: round4(Math.max(legOnA, legOnB)), angle: round4(angle) };
}
