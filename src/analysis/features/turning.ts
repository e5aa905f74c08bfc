/**
 * Turned parts: find the main axis of revolution, decide whether the part is turned, milled or
 * mill-turn from how much of its area is coaxial, and name the turned features: outer and inner
 * diameters, end faces and shoulders, grooves, tapers, chamfers and modelled threads.
 */
import type { Face, Vec3 } from '../result.ts';
import { cross, dot, norm, sub } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { extentAlong, round4 } from './extent.ts';
import { findVRingThreads, type Thread } from './threads.ts';
import { findHelicalThreads } from './helical-threads.ts';
import { axialHoleFaces } from './axial-bores.ts';
import { DIRECTION_TOL, partTolerance } from './tolerance.ts';

export type Process = 'turned' | 'milled' | 'mill-turn';

export interface TurnedFeature {
  type: 'turned_diameter' | 'turned_face' | 'groove' | 'taper' | 'chamfer' | 'thread';
  faces: number[];
  params: Record<string, number | string | boolean>;
}

export interface Turning {
  process: Process;
  axis?: Vec3;
  /** A point on the turning axis. */
  center?: Vec3;
  /** Faces coaxial with the turning axis (what a lathe makes). */
  coaxial: Set<number>;
  features: TurnedFeature[];
}

/** Coaxial area share above which a part is turned (the rest: cross holes, flats → mill-turn). */
const TURNED_SHARE = 0.9;
const MILL_TURN_SHARE = 0.5;
const REVOLVED = new Set(['cylinder', 'cone', 'torus', 'sphere']);

export function analyseTurning(graph: FaceGraph, size: number): Turning {
  const tol = partTolerance(size);
  const axisFace = mainAxis(graph, tol);
  if (!axisFace) return { process: 'milled', coaxial: new Set(), features: [] };
  const { axis, center } = axisFace.params as { axis: Vec3; center: Vec3 };
  const onAxis = (p: Vec3) => norm(cross(sub(p, center), axis)) < tol;
  // Swept thread flanks are no surface of revolution, but a lathe cuts them: they count as coaxial.
  const helical = findHelicalThreads(graph, axis, center);
  const coaxial = new Set([
    ...helical.flatMap((t) => t.faces),
    ...graph.faces
      .filter((f) =>
        REVOLVED.has(f.surface)
          ? f.params.center !== undefined &&
            onAxis(f.params.center) &&
            (f.surface === 'sphere' || Math.abs(Math.abs(dot(f.params.axis!, axis)) - 1) < DIRECTION_TOL)
          : f.surface === 'plane' &&
            Math.abs(Math.abs(dot(f.params.normal!, axis)) - 1) < DIRECTION_TOL &&
            boundedByAxialCircles(graph, f.id, onAxis),
      )
      .map((f) => f.id),
  ]);
  const total = graph.faces.reduce((a, f) => a + f.area, 0);
  const share = graph.faces.filter((f) => coaxial.has(f.id)).reduce((a, f) => a + f.area, 0) / (total || 1);
  const allCoaxial = coaxial.size === graph.faces.length;
  const process: Process =
    allCoaxial || share >= TURNED_SHARE ? (allCoaxial ? 'turned' : 'mill-turn') : share >= MILL_TURN_SHARE ? 'mill-turn' : 'milled';
  if (process === 'milled') return { process, coaxial: new Set(), features: [] };
  return { process, axis, center, coaxial, features: turnedFeatures(graph, coaxial, axis, helical) };
}

/** The axis carrying the most cylindrical/conical area. */
function mainAxis(graph: FaceGraph, tol: number): Face | undefined {
  const groups: { face: Face; area: number }[] = [];
  for (const f of graph.faces) {
    if ((f.surface !== 'cylinder' && f.surface !== 'cone') || !f.params.axis || !f.params.center) continue;
    const g = groups.find(
      (x) =>
        Math.abs(Math.abs(dot(x.face.params.axis!, f.params.axis!)) - 1) < DIRECTION_TOL &&
        norm(cross(sub(f.params.center!, x.face.params.center!), x.face.params.axis!)) < tol,
    );
    if (g) g.area += f.area;
    else groups.push({ face: f, area: f.area });
  }
  groups.sort((a, b) => b.area - a.area || a.face.id - b.face.id);
  return groups[0]?.face;
}

function turnedFeatures(graph: FaceGraph, coaxial: Set<number>, axis: Vec3, helical: Thread[]): TurnedFeature[] {
  const features: TurnedFeature[] = [];
  const claimed = new Set<number>();
  const span = (ids: number[]) => {
    const [lo, hi] = extentAlong(graph.input, ids, axis);
    return round4(hi - lo);
  };
  // An axial bore a drill, counterbore or end mill makes is a hole (the hole rules read it, with
  // its steps), not turned diameters (axial-bores.ts says which).
  const threadedBore = helical.some((t) => t.params.internal === true);
  const drilled = new Set(
    threadedBore
      ? []
      : axialHoleFaces(
          graph,
          graph.faces.filter((f) => coaxial.has(f.id)),
          axis,
        ),
  );
  const faces = graph.faces.filter((f) => coaxial.has(f.id) && !drilled.has(f.id));

  // Threads first: their flanks and crests would otherwise read as grooves, tapers and chamfers.
  for (const thread of [
    ...helical,
    ...findVRingThreads(
      graph,
      faces.filter((f) => !claimedBy(helical, f.id)),
      axis,
    ),
  ]) {
    features.push({ type: 'thread', faces: thread.faces, params: thread.params });
    thread.faces.forEach((id) => claimed.add(id));
  }
  // Grooves: a cylinder between two planar walls, sunk below its neighbours on both sides.
  for (const f of faces) {
    if (f.surface !== 'cylinder' || f.params.internal || claimed.has(f.id)) continue;
    const walls = graph.neighbours(f.id).filter((n) => n.convexity === 'concave' && graph.faces[n.face]!.surface === 'plane' && coaxial.has(n.face));
    const wallIds = [...new Set(walls.map((w) => w.face))];
    if (wallIds.length !== 2) continue;
    const outer = Math.min(...wallIds.map((w) => outerRadius(graph, w)));
    features.push({
      type: 'groove',
      faces: [f.id, ...wallIds].sort((a, b) => a - b),
      params: { diameter: round4(2 * f.params.radius!), width: span([f.id]), depth: round4(outer - f.params.radius!) },
    });
    [f.id, ...wallIds].forEach((id) => claimed.add(id));
  }
  for (const f of faces) {
    if (claimed.has(f.id)) continue;
    if (f.surface === 'cylinder') {
      features.push({
        type: 'turned_diameter',
        faces: [f.id],
        params: { diameter: round4(2 * f.params.radius!), length: span([f.id]), internal: f.params.internal === true },
      });
    } else if (f.surface === 'cone') {
      const angle = round4(f.params.halfAngle!);
      const length = span([f.id]);
      const isChamfer = length < 0.1 * Math.max(...faces.map((x) => span([x.id]))) || Math.abs(angle - 45) < 1e-3;
      features.push(
        isChamfer
          ? { type: 'chamfer', faces: [f.id], params: { distance: length, angle } }
          : { type: 'taper', faces: [f.id], params: { angle: round4(2 * angle), length } },
      );
    } else if (f.surface === 'plane') {
      features.push({ type: 'turned_face', faces: [f.id], params: { diameter: round4(2 * outerRadius(graph, f.id)) } });
    }
  }
  return features.sort((a, b) => a.faces[0]! - b.faces[0]!);
}

/** A lathe-made flat face: every boundary edge is a circle centred on the axis. */
function boundedByAxialCircles(graph: FaceGraph, face: number, onAxis: (p: Vec3) => boolean): boolean {
  return graph.edgesOf[face]!.every((id) => {
    const e = graph.edges[id]!;
    return e.curve === 'circle' && e.center !== undefined && onAxis(e.center);
  });
}

/** Largest circle radius on a face's boundary. */
function outerRadius(graph: FaceGraph, face: number): number {
  return Math.max(0, ...graph.edgesOf[face]!.map((id) => graph.edges[id]!.radius ?? 0));
}

function claimedBy(threads: Thread[], face: number): boolean {
  return threads.some((t) => t.faces.includes(face));
}
