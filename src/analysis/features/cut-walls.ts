/**
 * Which faces of a cut are its walls, for the prismatic rules (prismatic.ts): a cutter's walls stand
 * square on its floor and run along its axis, so a face leaning over the floor without reaching it
 * (a bevel across the rim) is none, a wall that a crossing cut splits is still one side, and a
 * passage's blends are corner rounds along its axis.
 */
import type { Vec3 } from '../result.ts';
import { dot } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { COPLANAR_COS_TOL, DIRECTION_TOL, LENGTH_TOL } from './tolerance.ts';

/**
 * A bevel turns 3-87° from the faces it joins (chamfers.ts); a face within 3° of the floor's plane
 * or of square to it is a floor or wall that the exporter wrote a hair off.
 */
export const BEVEL_COS: [number, number] = [Math.cos((87 * Math.PI) / 180), Math.cos((3 * Math.PI) / 180)];

/**
 * Faces among `walls` that lean over the floor (at a bevel's angle to it: neither square, as walls
 * stand, nor parallel, as an undercut's lips lie) and meet no piece of it at a concave edge.
 */
export function leaningOver(graph: FaceGraph, walls: number[], floorPieces: number[]): number[] {
  const up = graph.faces[floorPieces[0]!]!.params.normal!;
  return walls.filter((w) => {
    const slope = Math.abs(dot(graph.faces[w]!.params.normal!, up));
    return (
      slope > BEVEL_COS[0] && slope < BEVEL_COS[1] && !graph.neighbours(w).some((n) => n.convexity === 'concave' && floorPieces.includes(n.face))
    );
  });
}

/** One face per distinct plane among the planar `faces` (the first met). */
export function onePerPlane(graph: FaceGraph, faces: number[]): number[] {
  const plane = (f: number) => graph.faces[f]!.params;
  const same = (f: number, g: number) =>
    dot(plane(f).normal!, plane(g).normal!) > 1 - COPLANAR_COS_TOL &&
    Math.abs(dot(plane(f).normal!, plane(f).origin!) - dot(plane(g).normal!, plane(g).origin!)) < LENGTH_TOL;
  return faces.filter((f, i) => !faces.slice(0, i).some((g) => same(g, f)));
}

/** A cylinder standing along `axis` (a corner round of walls that run along it). */
export function alongAxis(graph: FaceGraph, face: number, axis: Vec3): boolean {
  const f = graph.faces[face]!;
  return f.surface === 'cylinder' && f.params.axis !== undefined && Math.abs(Math.abs(dot(f.params.axis, axis)) - 1) < DIRECTION_TOL;
}

/** The faces outside the cut (`group`) that the floor's pieces' outer loops meet at convex edges. */
export function runsOutOnto(graph: FaceGraph, pieces: number[], group: Set<number>): Set<number> {
  const { loops, coedges } = graph.input;
  const outside = new Set<number>();
  for (const piece of pieces) {
    const outer = graph.faces[piece]!.loops.map((l) => loops[l]!).find((l) => l.outer);
    for (const c of outer?.coedges ?? []) {
      const mate = coedges[coedges[c]!.mate];
      const edge = graph.edges[coedges[c]!.edge]!;
      if (mate && edge.convexity === 'convex' && !group.has(mate.face)) outside.add(mate.face);
    }
  }
  return outside;
}
