/**
 * Thin walls: two parallel planar faces facing away from each other with material between them,
 * overlapping across their normal, closer than a machinable minimum (chatter, deflection).
 */
import type { DfmIssue } from '../result.ts';
import { dot, sub } from '../brep/vec.ts';
import type { PartFrame } from './frame.ts';
import type { FaceGraph } from './graph.ts';
import { extentAlong, round4 } from './extent.ts';
import { COPLANAR_COS_TOL, DIRECTION_TOL, LENGTH_TOL } from './tolerance.ts';

/** Below this a metal wall chatters and bends under the cutter (a common shop minimum). */
export const MIN_WALL_MM = 1;

export function thinWalls(graph: FaceGraph, frame: PartFrame, minWall = MIN_WALL_MM): DfmIssue[] {
  const planes = graph.faces.filter((f) => f.surface === 'plane' && f.params.normal && f.params.origin);
  const issues: DfmIssue[] = [];
  for (const a of planes) {
    for (const b of planes) {
      if (b.id <= a.id || dot(a.params.normal!, b.params.normal!) > -1 + COPLANAR_COS_TOL) continue;
      // b lies behind a (on a's material side) and faces the other way: the material is between.
      const thickness = -dot(sub(b.params.origin!, a.params.origin!), a.params.normal!);
      if (thickness <= 1e-9 || thickness >= minWall) continue;
      if (!overlapAcross(graph, frame, a.id, b.id, a.params.normal!)) continue;
      const t = round4(thickness);
      issues.push({
        code: 'THIN_WALL',
        severity: 'warning',
        faces: [a.id, b.id],
        expected: `>= ${minWall}`,
        actual: t,
        message: `A ${t} mm wall between faces ${a.id} and ${b.id} is thinner than ${minWall} mm: it will chatter and bend.`,
      });
    }
  }
  return issues;
}

/** The two faces share area when seen along their normal (their extents overlap on the plane). */
function overlapAcross(graph: FaceGraph, frame: PartFrame, a: number, b: number, normal: readonly number[]): boolean {
  return frame.axes
    .filter((axis) => Math.abs(dot(axis, normal as [number, number, number])) < 1 - DIRECTION_TOL)
    .every((axis) => {
      const [aLo, aHi] = extentAlong(graph.input, [a], axis);
      const [bLo, bHi] = extentAlong(graph.input, [b], axis);
      return Math.min(aHi, bHi) - Math.max(aLo, bLo) > LENGTH_TOL;
    });
}
