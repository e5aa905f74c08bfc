/**
 * Drilled holes: coaxial bores (internal cylinders), their cones (countersinks, drill points) and
 * the planar annuli and disks between them (counterbore shoulders, flat bottoms). Dimensions are
 * read along the hole's own axis, so they do not depend on the part's orientation.
 */
import type { Face, Vec3 } from '../result.ts';
import { cross, dot, norm, sub } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { extentAlong, round4 } from './extent.ts';
import { splitBoreGrooves } from './bore-grooves.ts';
import { stepParams } from './hole-steps.ts';
import { closesAt, goesRound, isTangentToFlank } from './around-axis.ts';
import { isOpenBore } from './round-notches.ts';
import { coneOnlyHole } from './cone-holes.ts';
import { joinDrillPasses } from './drill-passes.ts';
import { closesOnAxis, onAxis, sphereCapHole } from './ball-holes.ts';
import { maxConeRadius, readCones } from './hole-cones.ts';
import { findVRingThreads } from './threads.ts';
import { findHelicalThreads } from './helical-threads.ts';
import { DIRECTION_TOL, LENGTH_TOL, partTolerance } from './tolerance.ts';

export interface Hole {
  /** `groove` and `thread`: in the hole's bore, reported apart from the hole they sit in. */
  type: 'hole' | 'counterbore_hole' | 'countersink_hole' | 'groove' | 'thread';
  faces: number[];
  axis: Vec3;
  /** A point on the axis at the hole's entry (for a groove or thread: its hole's entry). */
  position: Vec3;
  params: Record<string, number | string | boolean>;
}

function coaxial(a: Face['params'], b: Face['params'], tol: number): boolean {
  if (!a.axis || !b.axis || !a.center || !b.center) return false;
  if (Math.abs(Math.abs(dot(a.axis, b.axis)) - 1) > DIRECTION_TOL) return false;
  return norm(cross(sub(b.center, a.center), a.axis)) < tol;
}

/**
 * A planar face perpendicular to the axis whose every edge is a circle centred on the axis, or a
 * radial line where an exporter split a disk or annulus in parts.
 */
function isAxialDisk(graph: FaceGraph, face: Face, axis: Face['params'], tol: number): boolean {
  if (face.surface !== 'plane' || !face.params.normal || !axis.axis || !axis.center) return false;
  if (Math.abs(Math.abs(dot(face.params.normal, axis.axis)) - 1) > DIRECTION_TOL) return false;
  return graph.edgesOf[face.id]!.every((id) => {
    const e = graph.edges[id]!;
    if (e.curve === 'line') return isRadial(graph, id, axis);
    return e.curve === 'circle' && e.center !== undefined && norm(cross(sub(e.center, axis.center!), axis.axis!)) < tol;
  });
}

/** A line edge that lies on a ray from the axis (its polyline's points all on one half-plane through the axis). */
function isRadial(graph: FaceGraph, edge: number, axis: Face['params']): boolean {
  const { edgePositions, edgeRanges } = graph.input.mesh;
  const [first, count] = edgeRanges[edge] ?? [0, 0];
  if (count < 2) return false;
  const at = (i: number): Vec3 => {
    const d = sub([edgePositions[3 * i]!, edgePositions[3 * i + 1]!, edgePositions[3 * i + 2]!], axis.center!);
    return sub(d, axis.axis!.map((a) => a * dot(d, axis.axis!)) as Vec3);
  };
  const a = at(first);
  const b = at(first + count - 1);
  // float32 polylines: a relative tolerance on the cross product of the two radial vectors.
  return norm(cross(a, b)) <= 1e-5 * (norm(a) * norm(b) + 1e-9) && dot(a, b) >= 0;
}

function isBore(face: Face): boolean {
  return (face.surface === 'cylinder' || face.surface === 'cone') && face.params.internal === true;
}

export function findHoles(graph: FaceGraph, candidates: Set<number>, size: number): Hole[] {
  const tol = partTolerance(size);
  const bores = graph.faces.filter((f) => candidates.has(f.id) && isBore(f) && !isTangentToFlank(graph, f));
  const used = new Set<number>();
  const holes: Hole[] = [];
  for (const seed of bores) {
    if (used.has(seed.id)) continue;
    // Grow through adjacent coaxial bores, the blends at their rims and floors (coaxial tori) and
    // axial disks/annuli.
    const members = [seed.id];
    used.add(seed.id);
    for (let i = 0; i < members.length; i++) {
      for (const n of graph.neighbours(members[i]!)) {
        const f = graph.faces[n.face]!;
        if (used.has(f.id) || !candidates.has(f.id)) continue;
        const joins =
          ((isBore(f) || f.surface === 'torus') && coaxial(f.params, seed.params, tol)) ||
          isAxialDisk(graph, f, seed.params, tol) ||
          onAxis(f, seed.params, tol);
        if (!joins) continue;
        used.add(f.id);
        members.push(f.id);
      }
    }
    const { grooves, rest } = splitBoreGrooves(graph, members, seed.params);
    // A tapped hole modelled with V-rings: the thread apart, the hole is its tap drill.
    const threads = findVRingThreads(
      graph,
      rest.map((id) => graph.faces[id]!),
      seed.params.axis!,
    );
    const plain = rest.filter((id) => !threads.some((t) => t.faces.includes(id)));
    const hole = describe(
      graph,
      plain.sort((a, b) => a - b),
      seed.params,
    );
    if (!hole) continue;
    // Swept (helical) flanks are no bores: found from the helices about the hole's axis. The
    // crest strips between them stay the hole's bore.
    if (members.some((m) => graph.edgesOf[m]!.some((e) => graph.edges[e]!.curve === 'bspline'))) {
      const free = new Set([...candidates].filter((f) => !used.has(f)));
      for (const t of findHelicalThreads(graph, seed.params.axis!, seed.params.center!, free)) {
        const faces = t.faces.filter((f) => free.has(f));
        faces.forEach((f) => used.add(f));
        threads.push({ faces, params: t.params });
      }
    }
    if (typeof threads[0]?.params.designation === 'string') hole.params.thread = threads[0].params.designation;
    holes.push(hole);
    for (const g of grooves) holes.push({ type: 'groove', faces: g.faces, axis: hole.axis, position: hole.position, params: g.params });
    for (const t of threads)
      holes.push({
        type: 'thread',
        faces: t.faces,
        axis: hole.axis,
        position: hole.position,
        params: { ...t.params, through: hole.params.through! },
      });
  }
  // Spherical caps no bore took: dimples.
  for (const f of graph.faces) {
    if (!candidates.has(f.id) || used.has(f.id)) continue;
    const dimple = sphereCapHole(graph, f, tol);
    if (dimple) holes.push(dimple);
  }
  return joinDrillPasses(graph, holes, tol);
}

function describe(graph: FaceGraph, members: number[], ref: Face['params']): Hole | undefined {
  const faces = members.map((id) => graph.faces[id]!);
  const cylinders = faces.filter((f) => f.surface === 'cylinder');
  if (cylinders.length === 0) return coneOnlyHole(graph, members, ref);
  const axis = ref.axis!;
  const input = graph.input;
  const [lo, hi] = extentAlong(input, members, axis);
  const span = (ids: number[]) => extentAlong(input, ids, axis);
  const radius = Math.min(...cylinders.map((c) => c.params.radius!));
  const drill = cylinders.filter((c) => Math.abs(c.params.radius! - radius) < LENGTH_TOL);
  // A drilled bore goes all the way round: its rims (both ends together) turn through 4π, or at
  // least 2π where another cut breaks into it. A lone partial arc is a blend or a cut-off wall.
  // Where neither rim is a circle (a cross-drilled channel between two others, a radial hole
  // through a shaft: its rims are intersection curves), the bore's surface itself goes round.
  const rimTurn = drill
    .flatMap((c) => graph.edgesOf[c.id]!.map((id) => graph.edges[id]!))
    .filter((e) => e.curve === 'circle' && Math.abs((e.radius ?? 0) - radius) < LENGTH_TOL)
    .reduce((sum, e) => sum + e.length / radius, 0);
  if (
    rimTurn < 2 * Math.PI * 0.999 &&
    !goesRound(
      graph,
      drill.map((d) => d.id),
      ref,
    )
  )
    return undefined;
  // Two half rims add up to a turn too, but a bore open along its length (half a turn or less) is a
  // round notch on the part's edge, no hole (round-notches.ts). Two whole rims go round: no need to look.
  if (
    rimTurn < 4 * Math.PI * 0.999 &&
    isOpenBore(
      graph,
      drill.map((d) => d.id),
    )
  )
    return undefined;
  const disks = faces.filter((f) => f.surface === 'plane');
  const cones = faces.filter((f) => f.surface === 'cone');
  const tori = faces.filter((f) => f.surface === 'torus');

  // The bottom: a floor (disks without an inner loop, of one radius: a whole disk, its halves, or
  // what a corner blend leaves of it) or the drill point (the cones that close the hole: one, or
  // its halves as exporters split it). A drill point is the bottom, never a countersink.
  const floors = disks.filter((d) => isFloor(graph, d, radius));
  const tips = cones.filter((c) => closesAt(graph, c));
  const balls = faces.filter((f) => f.surface === 'sphere' && closesOnAxis(graph, f, axis));
  const bottom = floors.length > 0 ? floors : tips.length > 0 ? tips : balls;
  const [drillLo, drillHi] = span(drill.map((d) => d.id));
  // Entry: the end away from the bottom; for a through hole the end of its widest counterbore
  // (or of its countersink), else either (the setup planner may drill it from both sides).
  const widest = cylinders.reduce((a, b) => (b.params.radius! > a.params.radius! ? b : a));
  const entrySink = cones.find((c) => !tips.includes(c));
  // All faces of the widest step (written in parts, or broken by a groove) tell its end.
  const widening =
    widest.params.radius! > radius + LENGTH_TOL
      ? cylinders.filter((c) => Math.abs(c.params.radius! - widest.params.radius!) < LENGTH_TOL).map((c) => c.id)
      : entrySink
        ? [entrySink.id]
        : [];
  const bottomAtHi =
    bottom.length > 0 ? mid(span(bottom.map((b) => b.id))) > (lo + hi) / 2 : widening.length > 0 ? mid(span(widening)) < (lo + hi) / 2 : false;
  const [entry, other] = bottomAtHi ? [lo, hi] : [hi, lo];
  const through = bottom.length === 0;
  const params: Record<string, number | string | boolean> = { diameter: round4(2 * radius), through };
  // A flat floor is the depth (under a corner blend too); a drill point's depth is that of its
  // full diameter, where the point begins.
  const floorAt =
    floors.length > 0 ? (bottomAtHi ? span(floors.map((f) => f.id))[1] : span(floors.map((f) => f.id))[0]) : bottomAtHi ? drillHi : drillLo;
  params.depth = round4(Math.abs(through ? hi - lo : floorAt - entry));
  if (!through) {
    params.bottom = floors.length > 0 ? 'flat' : tips.length > 0 ? 'cone' : 'ball';
    if (params.bottom === 'cone') params.bottom_angle = round4(2 * tips[0]!.params.halfAngle!);
    if (params.bottom === 'ball') params.bottom_radius = round4(balls[0]!.params.radius!);
  }
  Object.assign(params, blendParams(graph, tori, new Set(members)));

  const steps = stepParams(graph, cylinders, tori, axis, 2 * radius, entry, other, through);
  let type: Hole['type'] = steps.counterbore_diameter !== undefined || steps.back_counterbore_diameter !== undefined ? 'counterbore_hole' : 'hole';
  Object.assign(params, steps);
  // Cones that widen the hole beyond the drill (a cone that closes it is its point): a step
  // drill's, a countersink, or a chamfer at its mouth.
  const wideners = cones.filter((c) => !tips.includes(c) && maxConeRadius(graph, c) > radius + LENGTH_TOL);
  const nearEntry = (cone: Face) => {
    const at = mid(span([cone.id]));
    return Math.abs(at - entry) < Math.abs(at - other);
  };
  const read = readCones(graph, wideners, cylinders, radius, type === 'counterbore_hole', nearEntry);
  if (read.countersink) type = 'countersink_hole';
  Object.assign(params, read.params);
  const position = ref.center!;
  const t = dot(position, axis);
  return {
    type,
    faces: members,
    axis: bottomAtHi ? axis : ([-axis[0] + 0, -axis[1] + 0, -axis[2] + 0] as Vec3),
    position: position.map((v, i) => v + axis[i]! * (entry - t)) as Vec3,
    params,
  };
}

/** A floor: a planar face with no inner loop whose circles all have one radius, the drill's or less. */
function isFloor(graph: FaceGraph, disk: Face, radius: number): boolean {
  if (disk.loops.length !== 1) return false;
  const radii = graph.edgesOf[disk.id]!.map((e) => graph.edges[e]!)
    .filter((e) => e.curve === 'circle')
    .map((e) => e.radius ?? 0);
  return radii.length > 0 && radii.every((r) => Math.abs(r - radii[0]!) < LENGTH_TOL) && radii[0]! <= radius + LENGTH_TOL;
}

/**
 * Blends of the hole: at its rim (a torus that meets a face outside the hole) `rim_radius`, at a
 * floor or shoulder (between faces of the hole) `floor_radius`.
 */
function blendParams(graph: FaceGraph, tori: Face[], members: Set<number>): Record<string, number> {
  const out: Record<string, number> = {};
  const rim = tori.filter((t) => graph.neighbours(t.id).some((n) => n.face !== t.id && !members.has(n.face)));
  const floor = tori.filter((t) => !rim.includes(t));
  if (rim.length > 0) out.rim_radius = round4(Math.min(...rim.map((t) => t.params.minorRadius!)));
  if (floor.length > 0) out.floor_radius = round4(Math.min(...floor.map((t) => t.params.minorRadius!)));
  return out;
}

function mid([a, b]: [number, number]): number {
  return (a + b) / 2;
}
