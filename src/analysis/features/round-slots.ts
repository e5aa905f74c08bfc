/**
 * A blind slot milled along a side of the part with a cutter whose axis stands on the floor: one
 * straight wall parallel to the open side and a quarter-round end at each end, as wide as the slot
 * (MFCAD++'s h_circular_end_blind_slot). Its faces: the floor, the wall and the two end blends.
 */
import { dot } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';

export interface QuarterRoundSlot {
  floor: number;
  wall: number;
  radius: number;
}

export function quarterRoundSlot(graph: FaceGraph, planes: number[], blends: number[]): QuarterRoundSlot | undefined {
  if (planes.length !== 2 || blends.length !== 2) return undefined;
  const face = (id: number) => graph.faces[id]!;
  const ends = blends.map(face);
  if (!ends.every((e) => e.surface === 'cylinder' && e.params.axis && e.params.radius)) return undefined;
  const radius = ends[0]!.params.radius!;
  if (Math.abs(ends[1]!.params.radius! - radius) > 1e-6) return undefined;
  const axis = ends[0]!.params.axis!;
  const floor = planes.find((p) => Math.abs(Math.abs(dot(face(p).params.normal!, axis)) - 1) < 1e-6);
  const wall = planes.find((p) => p !== floor);
  if (floor === undefined || wall === undefined || Math.abs(dot(face(wall).params.normal!, axis)) > 1e-6) return undefined;
  // Both ends run tangent out of the wall, and the floor meets wall and ends at concave edges.
  const tangentToWall = blends.every((b) => graph.neighbours(b).some((n) => n.face === wall && n.convexity === 'smooth'));
  const floorConcave = [wall, ...blends].every((f) => graph.neighbours(floor).some((n) => n.face === f && n.convexity === 'concave'));
  return tangentToWall && floorConcave ? { floor, wall, radius } : undefined;
}
