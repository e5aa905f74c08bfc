/**
 * Features on prismatic parts that are neither holes nor pockets: cylindrical bosses (a raised
 * round stud with its top) and O-ring grooves (an annular channel cut into a flat face).
 */
import type { Face, Vec3 } from '../result.ts';
import { cross, dot, norm, sub } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { extentAlong, spanAlong, round4 } from './extent.ts';
import { DIRECTION_TOL, partTolerance } from './tolerance.ts';

export interface Protrusion {
  type: 'boss' | 'oring_groove';
  faces: number[];
  axis: Vec3;
  params: Record<string, number | string | boolean>;
}

function coaxialWith(f: Face, axis: Vec3, center: Vec3, tol: number): boolean {
  const p = f.params;
  return !!p.axis && !!p.center && Math.abs(Math.abs(dot(p.axis, axis)) - 1) < DIRECTION_TOL && norm(cross(sub(p.center, center), axis)) < tol;
}

/** Annular floors between an inner (outward-facing) and an outer (inward-facing) coaxial wall. */
export function findOringGrooves(graph: FaceGraph, candidates: Set<number>, size: number): Protrusion[] {
  const tol = partTolerance(size);
  const grooves: Protrusion[] = [];
  for (const floor of graph.faces) {
    if (!candidates.has(floor.id) || floor.surface !== 'plane' || floor.loops.length !== 2) continue;
    const walls = graph
      .neighbours(floor.id)
      .filter((n) => n.convexity === 'concave' && candidates.has(n.face))
      .map((n) => graph.faces[n.face]!);
    const cylinders = walls.filter(
      (w) => w.surface === 'cylinder' && Math.abs(Math.abs(dot(w.params.axis!, floor.params.normal!)) - 1) < DIRECTION_TOL,
    );
    const outer = cylinders.find((c) => c.params.internal === true);
    const inner = cylinders.find((c) => c.params.internal === false);
    if (!outer || !inner || !coaxialWith(inner, outer.params.axis!, outer.params.center!, tol)) continue;
    const axis = floor.params.normal!.map((v) => -v + 0) as Vec3;
    grooves.push({
      type: 'oring_groove',
      faces: [inner.id, floor.id, outer.id].sort((a, b) => a - b),
      axis,
      params: {
        diameter: round4(inner.params.radius! + outer.params.radius!),
        inner_diameter: round4(2 * inner.params.radius!),
        outer_diameter: round4(2 * outer.params.radius!),
        width: round4(outer.params.radius! - inner.params.radius!),
        depth: round4(spanAlong(graph.input, [outer.id], axis)),
      },
    });
  }
  return grooves;
}

/**
 * A round stud: an outward-facing cylinder standing on a floor (concave) under a top (convex). A
 * hub may stand where the plate's outline runs round it on the same cylinder (the plate drawn
 * tangent to the hub): its wall then continues below the floor as the outline, one face or several,
 * and leaves on tangent planes along its axis that stay below the floor. Any other smooth edge is a
 * blend, so the cylinder is a fillet, not a stud.
 */
export function findBosses(graph: FaceGraph, candidates: Set<number>, size: number): Protrusion[] {
  const tol = partTolerance(size);
  const bosses: Protrusion[] = [];
  const taken = new Set<number>();
  for (const wall of graph.faces) {
    if (taken.has(wall.id) || !candidates.has(wall.id) || wall.surface !== 'cylinder' || wall.params.internal !== false) continue;
    const walls = sameCylinder(graph, wall, candidates, tol);
    const around = walls.flatMap((w) => graph.neighbours(w.id)).filter((n) => !walls.some((w) => w.id === n.face));
    // The top is the convex plane capping this cylinder; the floor the concave plane across it.
    const topFace = around
      .filter((n) => n.convexity === 'convex')
      .map((n) => graph.faces[n.face]!)
      .find((f) => f.surface === 'plane' && coaxialDisk(graph, f, wall, tol));
    if (!topFace) continue;
    const up = topFace.params.normal!;
    const floor = around
      .filter((n) => n.convexity === 'concave')
      .map((n) => graph.faces[n.face]!)
      .find((f) => f.surface === 'plane' && Math.abs(dot(f.params.normal!, up) - 1) < DIRECTION_TOL);
    if (!floor) continue;
    const smooth = around.filter((n) => n.convexity === 'smooth').map((n) => graph.faces[n.face]!);
    if (!smooth.every((f) => outlineBelow(graph, f, floor, up, tol))) continue;
    const axis = up.map((v) => -v + 0) as Vec3;
    const height = smooth.length === 0 ? spanAlong(graph.input, [wall.id], axis) : dot(sub(topFace.params.origin!, floor.params.origin!), up);
    walls.forEach((w) => taken.add(w.id));
    bosses.push({
      type: 'boss',
      faces: [...walls.map((w) => w.id), topFace.id].sort((a, b) => a - b),
      axis,
      params: { diameter: round4(2 * wall.params.radius!), height: round4(height) },
    });
  }
  return bosses;
}

/** The faces an exporter split one cylinder into: neighbours on the same axis line and radius, all outward. */
function sameCylinder(graph: FaceGraph, wall: Face, candidates: Set<number>, tol: number): Face[] {
  const onIt = (f: Face) =>
    candidates.has(f.id) &&
    f.surface === 'cylinder' &&
    f.params.internal === false &&
    Math.abs(f.params.radius! - wall.params.radius!) < tol &&
    coaxialWith(f, wall.params.axis!, wall.params.center!, tol);
  const found = [wall];
  for (let i = 0; i < found.length; i++) {
    for (const n of graph.neighbours(found[i]!.id)) {
      const f = graph.faces[n.face]!;
      if (n.convexity === 'smooth' && !found.includes(f) && onIt(f)) found.push(f);
    }
  }
  return found;
}

/**
 * The plate's outline running on tangentially from a hub: a plane along the hub's axis (across the
 * floor) that lies wholly at or below the floor the hub stands on.
 */
function outlineBelow(graph: FaceGraph, face: Face, floor: Face, up: Vec3, tol: number): boolean {
  if (face.surface !== 'plane' || Math.abs(dot(face.params.normal!, up)) > DIRECTION_TOL) return false;
  return extentAlong(graph.input, [face.id], up)[1] <= dot(floor.params.origin!, up) + tol;
}

/**
 * The stud's top: a plane across the axis whose outer boundary is circles on it, save where a cut
 * runs into the stud: a hole, slot or pocket inside the top's outline leaves an inner loop; one
 * open to the stud's side (a slot across a stud's head, a pocket sunk into it from beside) breaks
 * the outer circle, and its faces then meet the top's plane only within the stud's cylinder (a
 * plate's sides running on from a round end do not). At least one arc of the circle is left.
 */
function coaxialDisk(graph: FaceGraph, top: Face, wall: Face, tol: number): boolean {
  if (Math.abs(Math.abs(dot(top.params.normal!, wall.params.axis!)) - 1) > DIRECTION_TOL) return false;
  const { loops, coedges } = graph.input;
  const outer = top.loops.map((l) => loops[l]!).find((l) => l.outer);
  const ids = outer ? outer.coedges.map((c) => coedges[c]!.edge) : graph.edgesOf[top.id]!;
  const onAxis = (id: number) => {
    const e = graph.edges[id]!;
    return e.curve === 'circle' && !!e.center && norm(cross(sub(e.center, wall.params.center!), wall.params.axis!)) < tol;
  };
  const cutInto = (id: number) => {
    const other = graph.edges[id]!.faces.find((f) => f !== top.id);
    return other !== undefined && other !== wall.id && withinCylinderAtTop(graph, other, wall, top, tol);
  };
  return ids.some(onAxis) && ids.every((id) => onAxis(id) || cutInto(id));
}

/** Every mesh vertex of a face on the top's plane lies within the stud's radius of its axis. */
function withinCylinderAtTop(graph: FaceGraph, face: number, wall: Face, top: Face, tol: number): boolean {
  const { positions, indices, faceRanges } = graph.input.mesh;
  const [first, count] = faceRanges[face]!;
  const [axis, centre, radius] = [wall.params.axis!, wall.params.center!, wall.params.radius!];
  let onTop = 0;
  for (let k = first * 3; k < (first + count) * 3; k++) {
    const v = indices[k]! * 3;
    const p: Vec3 = [positions[v]!, positions[v + 1]!, positions[v + 2]!];
    if (Math.abs(dot(sub(p, top.params.origin!), top.params.normal!)) > tol) continue;
    onTop++;
    if (norm(cross(sub(p, centre), axis)) > radius + tol) return false;
  }
  return onTop > 0;
}
