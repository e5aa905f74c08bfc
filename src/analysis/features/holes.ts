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
import { findVRingThreads } from './threads.ts';
import { findHelicalThreads } from './helical-threads.ts';

export interface Hole {
  /** `groove` and `thread`: in the hole's bore, reported apart from the hole they sit in. */
  type: 'hole' | 'counterbore_hole' | 'countersink_hole' | 'groove' | 'thread';
  faces: number[];
  axis: Vec3;
  /** A point on the axis at the hole's entry (for a groove or thread: its hole's entry). */
  position: Vec3;
  params: Record<string, number | string | boolean>;
}

const ANGLE_TOL = 1e-6;

function coaxial(a: Face['params'], b: Face['params'], tol: number): boolean {
  if (!a.axis || !b.axis || !a.center || !b.center) return false;
  if (Math.abs(Math.abs(dot(a.axis, b.axis)) - 1) > ANGLE_TOL) return false;
  return norm(cross(sub(b.center, a.center), a.axis)) < tol;
}

/** A planar face perpendicular to the axis whose every edge is a circle centred on the axis. */
function isAxialDisk(graph: FaceGraph, face: Face, axis: Face['params'], tol: number): boolean {
  if (face.surface !== 'plane' || !face.params.normal || !axis.axis || !axis.center) return false;
  if (Math.abs(Math.abs(dot(face.params.normal, axis.axis)) - 1) > ANGLE_TOL) return false;
  return graph.edgesOf[face.id]!.every((id) => {
    const e = graph.edges[id]!;
    return e.curve === 'circle' && e.center !== undefined && norm(cross(sub(e.center, axis.center!), axis.axis!)) < tol;
  });
}

function isBore(face: Face): boolean {
  return (face.surface === 'cylinder' || face.surface === 'cone') && face.params.internal === true;
}

/**
 * A fillet is a partial cylinder tangent to its flanks along straight edges; a bore is bounded by
 * circles (and seams, or the straight edges where its own halves meet).
 */
export function isTangentToFlank(graph: FaceGraph, face: Face): boolean {
  return graph.neighbours(face.id).some(
    (n) => n.convexity === 'smooth' && n.face !== face.id && graph.edges[n.edge]!.curve === 'line' && graph.faces[n.face]!.surface === 'plane',
  );
}

export function findHoles(graph: FaceGraph, candidates: Set<number>, size: number): Hole[] {
  const tol = size * 1e-6 + 1e-6;
  const bores = graph.faces.filter((f) => candidates.has(f.id) && isBore(f) && !isTangentToFlank(graph, f));
  const used = new Set<number>();
  const holes: Hole[] = [];
  for (const seed of bores) {
    if (used.has(seed.id)) continue;
    // Grow through adjacent coaxial bores and axial disks/annuli.
    const members = [seed.id];
    used.add(seed.id);
    for (let i = 0; i < members.length; i++) {
      for (const n of graph.neighbours(members[i]!)) {
        const f = graph.faces[n.face]!;
        if (used.has(f.id) || !candidates.has(f.id)) continue;
        const joins = (isBore(f) && coaxial(f.params, seed.params, tol)) || isAxialDisk(graph, f, seed.params, tol);
        if (!joins) continue;
        used.add(f.id);
        members.push(f.id);
      }
    }
    const { grooves, rest } = splitBoreGrooves(graph, members, seed.params);
    // A tapped hole modelled with V-rings: the thread apart, the hole is its tap drill.
    const threads = findVRingThreads(graph, rest.map((id) => graph.faces[id]!), seed.params.axis!);
    const plain = rest.filter((id) => !threads.some((t) => t.faces.includes(id)));
    const hole = describe(graph, plain.sort((a, b) => a - b), seed.params);
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
    for (const t of threads) holes.push({ type: 'thread', faces: t.faces, axis: hole.axis, position: hole.position, params: { ...t.params, through: hole.params.through! } });
  }
  return holes;
}

function describe(graph: FaceGraph, members: number[], ref: Face['params']): Hole | undefined {
  const faces = members.map((id) => graph.faces[id]!);
  const cylinders = faces.filter((f) => f.surface === 'cylinder');
  if (cylinders.length === 0) return undefined;
  const axis = ref.axis!;
  const input = graph.input;
  const [lo, hi] = extentAlong(input, members, axis);
  const span = (f: Face) => extentAlong(input, [f.id], axis);
  const radius = Math.min(...cylinders.map((c) => c.params.radius!));
  const drill = cylinders.filter((c) => Math.abs(c.params.radius! - radius) < 1e-6);
  // A drilled bore goes all the way round: its rims (both ends together) turn through 4π, or at
  // least 2π where another cut breaks into it. A lone partial arc is a blend or a cut-off wall.
  const rimTurn = drill
    .flatMap((c) => graph.edgesOf[c.id]!.map((id) => graph.edges[id]!))
    .filter((e) => e.curve === 'circle' && Math.abs((e.radius ?? 0) - radius) < 1e-6)
    .reduce((sum, e) => sum + e.length / radius, 0);
  if (rimTurn < 2 * Math.PI * 0.999) return undefined;
  const disks = faces.filter((f) => f.surface === 'plane');
  const cones = faces.filter((f) => f.surface === 'cone');

  // The bottom: a disk (single loop, the drill's radius) or a cone closing the hole at one end.
  const flatBottom = disks.find((d) => d.loops.length === 1 && graph.edgesOf[d.id]!.every((e) => Math.abs((graph.edges[e]!.radius ?? 0) - radius) < 1e-6));
  const [drillLo, drillHi] = extentAlong(input, drill.map((d) => d.id), axis);
  const tipCone = cones.find((c) => closesAt(graph, c));
  const bottom = flatBottom ?? tipCone;
  // Entry: the end away from the bottom; for a through hole the counterbored/countersunk end, else
  // either (the setup planner may drill it from both sides).
  const widening = faces.find((f) => f.surface === 'cone' || (f.surface === 'cylinder' && f.params.radius! > radius + 1e-6));
  const bottomAtHi = bottom ? mid(span(bottom)) > (lo + hi) / 2 : widening ? mid(span(widening)) < (lo + hi) / 2 : false;
  const entry = bottomAtHi ? lo : hi;
  const params: Record<string, number | string | boolean> = { diameter: round4(2 * radius), through: !bottom };
  const drillEnd = bottomAtHi ? drillHi : drillLo;
  params.depth = round4(Math.abs(bottom ? drillEnd - entry : hi - lo));
  if (bottom) {
    params.bottom = bottom === flatBottom ? 'flat' : 'cone';
    if (bottom === tipCone) params.bottom_angle = round4(2 * tipCone.params.halfAngle!);
  }

  let type: Hole['type'] = 'hole';
  const wider = cylinders.filter((c) => c.params.radius! > radius + 1e-6);
  if (wider.length > 0) {
    type = 'counterbore_hole';
    const cb = wider.reduce((a, b) => (a.params.radius! > b.params.radius! ? a : b));
    params.counterbore_diameter = round4(2 * cb.params.radius!);
    const [cbLo, cbHi] = span(cb);
    params.counterbore_depth = round4(cbHi - cbLo);
  }
  const sink = cones.find((c) => c !== tipCone);
  if (sink && type === 'counterbore_hole') {
    // A cone between the two bores instead of a flat shoulder: a counterdrill (step drill).
    params.counterdrill = true;
    params.counterdrill_angle = round4(2 * sink.params.halfAngle!);
  } else if (sink) {
    type = 'countersink_hole';
    params.countersink_angle = round4(2 * sink.params.halfAngle!);
    params.countersink_diameter = round4(2 * maxConeRadius(graph, sink));
  }
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

/** A cone that closes the hole: one of its edges is degenerate (the apex) or it has a single circle. */
function closesAt(graph: FaceGraph, cone: Face): boolean {
  const edges = graph.edgesOf[cone.id]!.map((id) => graph.edges[id]!);
  return edges.some((e) => e.curve === 'degenerate') || edges.filter((e) => e.curve === 'circle').length === 1;
}

function maxConeRadius(graph: FaceGraph, cone: Face): number {
  return Math.max(...graph.edgesOf[cone.id]!.map((id) => graph.edges[id]!.radius ?? 0));
}

function mid([a, b]: [number, number]): number {
  return (a + b) / 2;
}

