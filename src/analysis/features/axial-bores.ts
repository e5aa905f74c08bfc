/**
 * Which axial bores of a turned part are holes (a drill, end mill or counterbore makes them, and a
 * quote prices them as holes with a diameter and depth per step) and which stay turned ID work
 * (a boring bar or grooving tool on the lathe makes them).
 *
 * The rule, from what a tool entering along the axis can leave behind:
 * - a drill, a stepped drill or counterbore, an end mill each plunge from one end, so every step
 *   they cut is no wider than the one nearer the end they came in from: a blind bore's diameters
 *   never grow towards its bottom, a through bore's never grow from either end towards its
 *   narrowest step (counterbores from both faces). A step wider than both its neighbours is an
 *   undercut (an internal groove): only a grooving tool on the lathe reaches it;
 * - their cones are steep: a drill point or drill step (118-120°), a chamfer or countersink at the
 *   mouth (60-90°). A cone shallower than 30° a side is a taper, turned or reamed along the bore;
 * - a modelled thread is turned (or tapped) with the ID profile: threads stay turned work;
 * - a blind bore ends in a flat floor, a drill point or a ball; it opens on a faced end (a plane
 *   across the axis), as every drilled hole opens on the face the tool came in from;
 * - its narrowest step is a drill's (up to MAX_DRILL_DIAMETER): a wider bore is the tube or ring
 *   the part is turned from.
 * A bore that passes is handed to the hole rules (holes.ts), which measure its steps.
 */
import type { Face, Vec3 } from '../result.ts';
import { dot } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { closesAt } from './around-axis.ts';
import { closesOnAxis } from './ball-holes.ts';
import { findVRingThreads } from './threads.ts';
import { DIRECTION_TOL, LENGTH_TOL } from './tolerance.ts';

/** Twist drills a shop stocks end about here; a wider axial bore is bored, or the stock is tube. */
export const MAX_DRILL_DIAMETER = 50;
/** Cones at least this steep a side are a drill's point or step, a chamfer or countersink; shallower is a taper. */
export const MIN_PLUNGE_HALF_ANGLE = 30;

const isInternalRevolved = (f: Face) =>
  (f.surface === 'cylinder' || f.surface === 'cone' || f.surface === 'sphere' || f.surface === 'torus') && f.params.internal === true;

/**
 * The faces of the axial bores that are holes, among `coaxial` (the turned faces, threads
 * already taken out) of a part turned about `axis`.
 */
export function axialHoleFaces(graph: FaceGraph, coaxial: Face[], axis: Vec3): number[] {
  return boreComponents(graph, coaxial, axis)
    .filter((bore) => isHoleBore(graph, bore, axis))
    .flatMap((bore) => bore.map((f) => f.id));
}

/** Largest circle radius on a face's boundary (0 without circles). */
function maxCircle(graph: FaceGraph, face: number): number {
  return Math.max(
    0,
    ...graph.edgesOf[face]!.map((e) => graph.edges[e]!)
      .filter((e) => e.curve === 'circle')
      .map((e) => e.radius ?? 0),
  );
}

/**
 * Connected bores: internal faces of revolution that touch, joined by the planes across the axis
 * between them (shoulders, floors) whose circles are no wider than the widest bore they touch (so
 * an end face, which reaches the outside diameter, is no part of a bore).
 */
function boreComponents(graph: FaceGraph, coaxial: Face[], axis: Vec3): Face[][] {
  const revolved = coaxial.filter(isInternalRevolved);
  const planes = coaxial.filter((f) => f.surface === 'plane' && Math.abs(Math.abs(dot(f.params.normal!, axis)) - 1) < DIRECTION_TOL);
  const parent = new Map<number, number>(revolved.map((f) => [f.id, f.id]));
  const find = (x: number): number => (parent.get(x) === x ? x : find(parent.get(x)!));
  const union = (a: number, b: number) => parent.set(find(a), find(b));
  for (const f of revolved) for (const n of graph.neighbours(f.id)) if (parent.has(n.face)) union(f.id, n.face);
  const widest = (root: number) =>
    Math.max(...revolved.filter((f) => find(f.id) === root && f.surface === 'cylinder').map((f) => f.params.radius!), 0);
  for (const p of planes) {
    const roots = [
      ...new Set(
        graph
          .neighbours(p.id)
          .filter((n) => parent.has(n.face))
          .map((n) => find(n.face)),
      ),
    ];
    if (roots.length === 0 || maxCircle(graph, p.id) > Math.max(...roots.map(widest)) + LENGTH_TOL) continue;
    parent.set(p.id, p.id);
    roots.forEach((r) => union(p.id, r));
  }
  const groups = new Map<number, Face[]>();
  for (const id of parent.keys()) groups.set(find(id), [...(groups.get(find(id)) ?? []), graph.faces[id]!]);
  return [...groups.values()];
}

function isHoleBore(graph: FaceGraph, bore: Face[], axis: Vec3): boolean {
  const cylinders = bore.filter((f) => f.surface === 'cylinder');
  if (cylinders.length === 0) return false;
  if (2 * Math.min(...cylinders.map((c) => c.params.radius!)) > MAX_DRILL_DIAMETER + LENGTH_TOL) return false;
  const cones = bore.filter((f) => f.surface === 'cone');
  if (cones.some((c) => c.params.halfAngle! < MIN_PLUNGE_HALF_ANGLE)) return false;
  if (findVRingThreads(graph, bore, axis).length > 0) return false;
  const ids = new Set(bore.map((f) => f.id));
  // It opens on a faced end: a face of the bore meets a plane across the axis outside it.
  const mouths = bore.filter((f) =>
    graph.neighbours(f.id).some((n) => {
      const other = graph.faces[n.face]!;
      return !ids.has(n.face) && other.surface === 'plane' && Math.abs(Math.abs(dot(other.params.normal!, axis)) - 1) < DIRECTION_TOL;
    }),
  );
  if (mouths.length === 0) return false;
  // The bottom: a floor (a plane of the bore with no inner loop), a drill point or a ball.
  const bottoms = bore.filter(
    (f) =>
      (f.surface === 'plane' && f.loops.length === 1) ||
      (f.surface === 'cone' && closesAt(graph, f)) ||
      (f.surface === 'sphere' && closesOnAxis(graph, f, axis)),
  );
  return plungeable(cylinders, bottoms, axis);
}

/** Where a face lies along the axis (the middle of its mesh box's extent, projected). */
function at(face: Face, axis: Vec3): number {
  const mid = [0, 1, 2].map((k) => (face.bbox.min[k]! + face.bbox.max[k]!) / 2) as Vec3;
  return dot(mid, axis);
}

/**
 * Whether tools plunging from the open end(s) reach every step: the diameters along the axis
 * never grow going in (blind: from the end away from the bottom; through: from either end
 * towards the narrowest step).
 */
function plungeable(cylinders: Face[], bottoms: Face[], axis: Vec3): boolean {
  // Steps in order along the axis, the halves an exporter writes merged into one.
  const steps: number[] = [];
  for (const c of [...cylinders].sort((a, b) => at(a, axis) - at(b, axis))) {
    const r = c.params.radius!;
    if (steps.length === 0 || Math.abs(steps[steps.length - 1]! - r) > LENGTH_TOL) steps.push(r);
  }
  const nonIncreasing = (list: number[]) => list.every((r, i) => i === 0 || r <= list[i - 1]! + LENGTH_TOL);
  if (bottoms.length > 0) {
    const bottomAt = bottoms.reduce((s, f) => s + at(f, axis), 0) / bottoms.length;
    const bottomAtHigh = bottomAt > cylinders.reduce((s, f) => s + at(f, axis), 0) / cylinders.length;
    return nonIncreasing(bottomAtHigh ? steps : [...steps].reverse());
  }
  const narrowest = steps.indexOf(Math.min(...steps));
  return nonIncreasing(steps.slice(0, narrowest + 1)) && nonIncreasing(steps.slice(narrowest).reverse());
}
