/**
 * Slots whose ends an end mill rounds: closed (two half-round ends) or U-shaped (one), blind or
 * through the part (`roundEnds`); and a blind slot milled along a side of the part with a cutter
 * whose axis stands on the floor: one straight wall parallel to the open side and a quarter-round
 * end at each end, as wide as the slot (MFCAD++'s h_circular_end_blind_slot). Its faces: the floor,
 * the wall and the two end blends (`quarterRoundSlot`).
 */
import type { Face, Vec3 } from '../result.ts';
import { cross, dot, norm, scale, sub } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { round4 } from './extent.ts';
import { DIRECTION_TOL, LENGTH_TOL, RELATIVE_LENGTH_TOL } from './tolerance.ts';

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
  if (Math.abs(ends[1]!.params.radius! - radius) > LENGTH_TOL) return undefined;
  const axis = ends[0]!.params.axis!;
  const floor = planes.find((p) => Math.abs(Math.abs(dot(face(p).params.normal!, axis)) - 1) < DIRECTION_TOL);
  const wall = planes.find((p) => p !== floor);
  if (floor === undefined || wall === undefined || Math.abs(dot(face(wall).params.normal!, axis)) > DIRECTION_TOL) return undefined;
  // Both ends run tangent out of the wall, and the floor meets wall and ends at concave edges.
  const tangentToWall = blends.every((b) => graph.neighbours(b).some((n) => n.face === wall && n.convexity === 'smooth'));
  const floorConcave = [wall, ...blends].every((f) => graph.neighbours(floor).some((n) => n.face === f && n.convexity === 'concave'));
  return tangentToWall && floorConcave ? { floor, wall, radius } : undefined;
}

export interface RoundEnds {
  /** Distinct half-round ends (an end may be written as several faces: a half cylinder split in quarters). */
  ends: number;
  width: number;
  /** Closed slot (two ends): distance between the end axes plus the width; exact, unlike the mesh extent. */
  length: number;
  /** The ends' axis: the cutter's, along the slot's depth. */
  axis: Vec3;
}

/**
 * Two parallel walls facing each other, with half-round ends as wide as the gap between them (the
 * trace of an end mill): one end (a U, open at the other) or two (a closed, round-ended slot).
 * The ends are cylinders standing along the walls.
 */
export function roundEnds(graph: FaceGraph, walls: number[], blends: number[]): RoundEnds | undefined {
  if (walls.length !== 2 || blends.length === 0) return undefined;
  const [a, b] = walls.map((w) => graph.faces[w]!.params) as [Face['params'], Face['params']];
  if (dot(a.normal!, b.normal!) > -1 + DIRECTION_TOL) return undefined;
  const width = Math.abs(dot(sub(a.origin!, b.origin!), a.normal!));
  const tol = RELATIVE_LENGTH_TOL * Math.max(1, width);
  const faces = blends.map((bl) => graph.faces[bl]!);
  const fits = (f: Face) =>
    f.surface === 'cylinder' &&
    f.params.axis !== undefined &&
    f.params.center !== undefined &&
    Math.abs(2 * f.params.radius! - width) < 2 * tol &&
    Math.abs(dot(f.params.axis, a.normal!)) < DIRECTION_TOL;
  // Blends of another size (floor fillets) stay with the slot but are no ends.
  const ends = faces.filter(fits);
  if (ends.length === 0) return undefined;
  // One end per axis: the parts of a split half cylinder share it.
  const axis = ends[0]!.params.axis!;
  const centres: Vec3[] = [];
  for (const f of ends) {
    const c = f.params.center!;
    if (!centres.some((o) => norm(cross(sub(c, o), axis)) < tol)) centres.push(c);
  }
  if (centres.length > 2) return undefined;
  const gap = centres.length === 2 ? sub(centres[0]!, centres[1]!) : ([0, 0, 0] as Vec3);
  const along = norm(sub(gap, scale(axis, dot(gap, axis))));
  return { ends: centres.length, width: round4(width), length: round4(along + width), axis };
}

export interface OneWallSlot {
  /** The floor's pieces (crossing cuts split it). */
  floors: number[];
  wall: number;
  radius: number;
  /** The ends are quarter rounds on the part's side (h slot); else a half-round end (U slot). */
  quarter: boolean;
}

/**
 * A slot that has lost one straight wall (another cut took it, or the cutter ran partly off the
 * part): one planar wall, the floor, and the cutter's round end(s): concave cylinders standing on
 * the floor (axis along its normal, concave to it) that run tangent out of the wall. A step's wall
 * runs straight through; a wall that bends round a cutter's end is a slot's. The wall need not
 * reach the floor (a hole along the corner can take that edge). Quarter rounds (a slot milled along
 * the part's side) have their axis on the plane of that side, a face parallel to the wall that the
 * ends meet at a convex edge; otherwise the end is a U slot's half-round.
 */
export function oneWallSlot(graph: FaceGraph, planes: number[], blends: number[]): OneWallSlot | undefined {
  if (blends.length === 0 || blends.length > 2) return undefined;
  const face = (id: number) => graph.faces[id]!;
  const ends = blends.map(face);
  const first = ends[0]!.params;
  if (!ends.every((e) => e.surface === 'cylinder' && e.params.internal === true && e.params.axis && e.params.center && e.params.radius))
    return undefined;
  const radius = first.radius!;
  const axis = first.axis!;
  if (
    !ends.every(
      (e) =>
        Math.abs(e.params.radius! - radius) < LENGTH_TOL * Math.max(1, radius) && Math.abs(Math.abs(dot(e.params.axis!, axis)) - 1) < DIRECTION_TOL,
    )
  )
    return undefined;
  const floors = planes.filter((p) => Math.abs(Math.abs(dot(face(p).params.normal!, axis)) - 1) < DIRECTION_TOL);
  const walls = planes.filter((p) => Math.abs(dot(face(p).params.normal!, axis)) < DIRECTION_TOL);
  if (floors.length === 0 || walls.length === 0 || floors.length + walls.length !== planes.length) return undefined;
  if (!onOnePlane(graph, floors) || !onOnePlane(graph, walls)) return undefined;
  const meets = (b: number, others: number[], convexity: string) =>
    graph.neighbours(b).some((n) => others.includes(n.face) && n.convexity === convexity);
  if (!blends.every((b) => meets(b, walls, 'smooth') && meets(b, floors, 'concave'))) return undefined;
  const wallNormal = face(walls[0]!).params.normal!;
  const onSide = (b: number) =>
    graph.neighbours(b).some((n) => {
      const g = face(n.face);
      if (n.convexity !== 'convex' || g.surface !== 'plane' || Math.abs(Math.abs(dot(g.params.normal!, wallNormal)) - 1) > DIRECTION_TOL)
        return false;
      return Math.abs(dot(g.params.normal!, sub(face(b).params.center!, g.params.origin!))) < RELATIVE_LENGTH_TOL * Math.max(1, radius) * 10;
    });
  return { floors, wall: walls[0]!, radius, quarter: blends.every(onSide) };
}

function onOnePlane(graph: FaceGraph, faces: number[]): boolean {
  const [p, ...rest] = faces.map((f) => graph.faces[f]!.params);
  return rest.every((q) => dot(p!.normal!, q.normal!) > 1 - DIRECTION_TOL && Math.abs(dot(p!.normal!, sub(q.origin!, p!.origin!))) < LENGTH_TOL * 10);
}
