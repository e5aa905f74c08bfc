/**
 * Holes without a cylinder: a cone alone (or its parts, as exporters split it), coaxial and going
 * all the way round. Closed at its apex it is a spot or dimple a pointed tool leaves (bottom
 * 'cone'); closed by a flat floor, a conical recess; open at both ends, a tapered hole
 * (`taper_angle`). Its diameter is the opening's.
 */
import type { Face, Vec3 } from '../result.ts';
import { dot } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import type { Hole } from './holes.ts';
import { closesAt, goesRound } from './around-axis.ts';
import { extentAlong, round4 } from './extent.ts';
import { HALF_ANGLE_TOL_DEG } from './tolerance.ts';

/** Just under the narrowest standard countersink (60°); tapered holes (pins, pipe threads) have a few degrees. */
const COUNTERSINK_MIN_ANGLE_DEG = 55;

export function coneOnlyHole(graph: FaceGraph, members: number[], ref: Face['params']): Hole | undefined {
  const cones = members.map((id) => graph.faces[id]!).filter((f) => f.surface === 'cone');
  if (cones.length === 0 || cones.some((c) => Math.abs(c.params.halfAngle! - cones[0]!.params.halfAngle!) > HALF_ANGLE_TOL_DEG)) return undefined;
  if (
    !goesRound(
      graph,
      cones.map((c) => c.id),
      ref,
    )
  )
    return undefined;
  const circles = cones.flatMap((c) => graph.edgesOf[c.id]!.map((e) => graph.edges[e]!)).filter((e) => e.curve === 'circle');
  if (circles.length === 0) return undefined;
  const axis = ref.axis!;
  const [lo, hi] = extentAlong(graph.input, members, axis);
  const widest = circles.reduce((a, b) => ((b.radius ?? 0) > (a.radius ?? 0) ? b : a));
  // The opening is the widest circle; the hole runs from it along the axis.
  const openAtHi = Math.abs(dot(widest.center!, axis) - hi) < Math.abs(dot(widest.center!, axis) - lo);
  const entry = openAtHi ? hi : lo;
  const pointed = cones.some((c) => closesAt(graph, c));
  // A flat floor (a disk, no inner loop) closes a truncated cone: a conical recess.
  const floored = members.some((id) => graph.faces[id]!.surface === 'plane' && graph.faces[id]!.loops.length === 1);
  const params: Hole['params'] = { diameter: round4(2 * widest.radius!), depth: round4(hi - lo), through: !pointed && !floored };
  const angle = round4(2 * cones[0]!.params.halfAngle!);
  let type: Hole['type'] = 'hole';
  if (pointed) Object.assign(params, { bottom: 'cone', bottom_angle: angle });
  else if (!floored && angle >= COUNTERSINK_MIN_ANGLE_DEG) {
    type = 'countersink_hole';
    const narrowest = circles.reduce((a, b) => ((b.radius ?? 0) < (a.radius ?? 0) ? b : a));
    Object.assign(params, { diameter: round4(2 * narrowest.radius!), countersink_diameter: params.diameter, countersink_angle: angle });
  } else Object.assign(params, floored ? { bottom: 'flat' } : {}, { taper_angle: angle });
  const t = dot(ref.center!, axis);
  return {
    type,
    faces: members,
    axis: openAtHi ? ([-axis[0] + 0, -axis[1] + 0, -axis[2] + 0] as Vec3) : axis,
    position: ref.center!.map((v, i) => v + axis[i]! * (entry - t)) as Vec3,
    params,
  };
}
