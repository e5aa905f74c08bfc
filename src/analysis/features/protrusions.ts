/**
 * Features on prismatic parts that are neither holes nor pockets: cylindrical bosses (a raised
 * round stud with its top) and O-ring grooves (an annular channel cut into a flat face).
 */
import type { Face, Vec3 } from '../result.ts';
import { cross, dot, norm, sub } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { spanAlong, round4 } from './extent.ts';
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
    const walls = graph.neighbours(floor.id).filter((n) => n.convexity === 'concave' && candidates.has(n.face)).map((n) => graph.faces[n.face]!);
    const cylinders = walls.filter((w) => w.surface === 'cylinder' && Math.abs(Math.abs(dot(w.params.axis!, floor.params.normal!)) - 1) < DIRECTION_TOL);
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

/** A round stud: an outward-facing full cylinder standing on a floor (concave) under a top (convex). */
export function findBosses(graph: FaceGraph, candidates: Set<number>, size: number): Protrusion[] {
  const tol = partTolerance(size);
  const bosses: Protrusion[] = [];
  for (const wall of graph.faces) {
    if (!candidates.has(wall.id) || wall.surface !== 'cylinder' || wall.params.internal !== false) continue;
    const around = graph.neighbours(wall.id);
    if (around.some((n) => n.convexity === 'smooth' && n.face !== wall.id)) continue; // a fillet, not a stud
    const base = around.find((n) => n.convexity === 'concave' && graph.faces[n.face]!.surface === 'plane');
    const top = around.find((n) => n.convexity === 'convex' && graph.faces[n.face]!.surface === 'plane');
    if (!base || !top) continue;
    const topFace = graph.faces[top.face]!;
    if (!coaxialDisk(graph, topFace, wall, tol)) continue;
    const axis = topFace.params.normal!.map((v) => -v + 0) as Vec3;
    bosses.push({
      type: 'boss',
      faces: [wall.id, topFace.id].sort((a, b) => a - b),
      axis,
      params: { diameter: round4(2 * wall.params.radius!), height: round4(spanAlong(graph.input, [wall.id], axis)) },
    });
  }
  return bosses;
}

/** The stud's top: a plane across the axis bounded only by circles on it. */
function coaxialDisk(graph: FaceGraph, top: Face, wall: Face, tol: number): boolean {
  if (Math.abs(Math.abs(dot(top.params.normal!, wall.params.axis!)) - 1) > DIRECTION_TOL) return false;
  return graph.edgesOf[top.id]!.every((id) => {
    const e = graph.edges[id]!;
    return e.curve === 'circle' && !!e.center && norm(cross(sub(e.center, wall.params.center!), wall.params.axis!)) < tol;
  });
}
