/**
 * A round notch: an end mill or drill plunged on the part's edge, its axis on (or outside) the
 * side face, leaves a half cylinder (or less) open along its whole length to that side: a
 * circular through slot, or a blind one on a floor. Its straight sides run out on one face. It is no hole: no drill of its radius fits
 * inside it (the bore covers at most half a turn, so its straight sides run out to the outside),
 * and its rims are arcs, not circles.
 */
import type { Vec3 } from '../result.ts';
import { dot } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { round4, spanAlong } from './extent.ts';
import { coaxialFaces, sweepDegrees } from './arc-sweep.ts';
import { isTangentToFlank } from './around-axis.ts';
import { distinctPlanes, type PrismaticFeature } from './prismatic.ts';
import { DIRECTION_TOL, RELATIVE_LENGTH_TOL } from './tolerance.ts';

/**
 * Half a turn, with room for the float32 mesh (its vertices lie on the notch's straight sides, so
 * a half cylinder measures 180° to ~1e-5°).
 */
export const HALF_TURN_DEG = 180.5;

/** Internal cylinders of one radius on one axis that turn at most half a turn about it. */
export function isOpenBore(graph: FaceGraph, faces: number[]): boolean {
  const cylinders = faces.map((f) => graph.faces[f]!);
  if (cylinders.length === 0 || !cylinders.every((c) => c.surface === 'cylinder' && c.params.internal === true)) return false;
  const { axis, center, radius } = cylinders[0]!.params;
  const tol = RELATIVE_LENGTH_TOL * Math.max(1, radius!);
  if (!coaxialFaces(cylinders, tol) || !cylinders.every((c) => Math.abs(c.params.radius! - radius!) < tol)) return false;
  return sweepDegrees(graph, cylinders, axis!, center!) <= HALF_TURN_DEG;
}

/**
 * The group (faces joined by concave or tangent edges) as a round notch: its open bore, and at
 * most a floor square to the bore's axis; `stock` the faces on the part's box. A bore tangent to a planar flank is a U slot's end or a
 * fillet, not a notch.
 */
export function roundNotch(graph: FaceGraph, group: number[], stock: Set<number>): PrismaticFeature | undefined {
  const bore = group.filter((f) => graph.faces[f]!.surface === 'cylinder');
  const rest = group.filter((f) => !bore.includes(f));
  if (!isOpenBore(graph, bore) || bore.some((f) => isTangentToFlank(graph, graph.faces[f]!))) return undefined;
  // Its straight sides run out on one outside face of the part (the side it was plunged on). A
  // quarter bore whose sides run out on two faces at a corner is a rounded corner step; a half bore
  // left where another cut took the rest of a hole or slot opens into that cut, not to the outside.
  const sides = [
    ...new Set(
      bore.flatMap((f) =>
        graph
          .neighbours(f)
          .filter((n) => graph.edges[n.edge]!.curve === 'line' && !group.includes(n.face))
          .map((n) => n.face),
      ),
    ),
  ];
  if (sides.length === 0 || !sides.every((f) => stock.has(f)) || distinctPlanes(graph, sides) !== 1) return undefined;
  const { axis, radius } = graph.faces[bore[0]!]!.params;
  const floors = rest.filter(
    (f) => graph.faces[f]!.surface === 'plane' && Math.abs(Math.abs(dot(graph.faces[f]!.params.normal!, axis!)) - 1) < DIRECTION_TOL,
  );
  if (floors.length !== rest.length || floors.length > 1) return undefined;
  const floor = floors[0];
  const through = floor === undefined;
  const params: PrismaticFeature['params'] = { outline: 'half-round', through, width: round4(2 * radius!), radius: round4(radius!) };
  params.depth = round4(spanAlong(graph.input, bore, axis!));
  const notch: PrismaticFeature = { type: 'slot', outline: 'half-round', through, faces: group, params };
  if (floor !== undefined) {
    notch.floor = floor;
    notch.axis = graph.faces[floor]!.params.normal!.map((v) => -v + 0) as Vec3;
  } else notch.axis = axis!;
  return notch;
}
