/**
 * Pockets whose outline is no polygon: an end mill following a free curve (a spline, arcs that are
 * not corner blends) leaves walls that are *swept* straight along its axis. CAD writes such walls
 * as B-splines (extrusions of the sketch curve) or as cylinders standing on the floor. The planar
 * rules in prismatic.ts refuse them (they reason about planes only), so the whole pocket fell to
 * stock, floor included.
 *
 * Geometry: a closed floor (a plane whose outer loop meets walls at concave or tangent edges) and
 * walls that each stand square on it: every surface normal of a wall lies across the floor's
 * normal (a plane at right angles, a cylinder along it, a freeform wall whose mesh normals all do).
 * That is exactly what a 2.5-axis cutter makes; its depth is the walls' extent along the axis, its
 * plan size the floor's.
 */
import type { Vec3 } from '../result.ts';
import { dot } from '../brep/vec.ts';
import type { PartFrame } from './frame.ts';
import type { FaceGraph } from './graph.ts';
import { round4, spanAlong } from './extent.ts';
import { outlineSpan } from './outline-extent.ts';
import type { PrismaticFeature } from './prismatic.ts';
import { DIRECTION_TOL, RELATIVE_LENGTH_TOL } from './tolerance.ts';

/**
 * Mesh normals of a freeform face are float32 samples of the surface normal: a wall swept along
 * the axis keeps them within ~1e-4 of square; 0.01 (0.6°) is far below any draft angle (≥ 0.5°
 * is drawn as draft on purpose) and far above the noise.
 */
const SWEPT_NORMAL = 0.01;

/** Does every normal of `face` lie across `dir` (a wall swept straight along it)? */
export function sweptAlong(graph: FaceGraph, face: number, dir: Vec3): boolean {
  const f = graph.faces[face]!;
  if (f.surface === 'plane') return Math.abs(dot(f.params.normal!, dir)) < DIRECTION_TOL;
  if (f.surface === 'cylinder') return Math.abs(Math.abs(dot(f.params.axis!, dir)) - 1) < DIRECTION_TOL;
  if (f.surface === 'cone' || f.surface === 'sphere' || f.surface === 'torus') return false;
  const { normals, indices, faceRanges } = graph.input.mesh;
  const [first, count] = faceRanges[face]!;
  if (count === 0) return false;
  for (let k = first * 3; k < (first + count) * 3; k++) {
    const v = indices[k]! * 3;
    if (Math.abs(normals[v]! * dir[0] + normals[v + 1]! * dir[1] + normals[v + 2]! * dir[2]) > SWEPT_NORMAL) return false;
  }
  return true;
}

function closedOuterLoop(graph: FaceGraph, face: number): boolean {
  const { loops, coedges } = graph.input;
  const outer = graph.faces[face]!.loops.map((l) => loops[l]!).find((l) => l.outer);
  const edges = outer ? outer.coedges.map((c) => coedges[c]!.edge) : graph.edgesOf[face]!;
  return edges.every((e) => graph.edges[e]!.convexity === 'concave' || graph.edges[e]!.convexity === 'smooth');
}

/**
 * A pocket of the group (faces joined by concave or tangent edges) when it is a closed plane floor
 * with walls swept along its normal, at least one of them not a plane (all-planar pockets are
 * prismatic.ts's). Undefined otherwise.
 */
export function sweptPocket(graph: FaceGraph, frame: PartFrame, group: number[]): PrismaticFeature | undefined {
  if (group.length < 2 || group.every((f) => graph.faces[f]!.surface === 'plane')) return undefined;
  const floors = group.filter((f) => graph.faces[f]!.surface === 'plane' && closedOuterLoop(graph, f));
  for (const floor of floors) {
    const n = graph.faces[floor]!.params.normal!;
    const walls = group.filter((f) => f !== floor);
    if (!walls.every((w) => sweptAlong(graph, w, n))) continue;
    // The walls rise from the floor: none lies below it (a wall hanging under it would be another cut's).
    const floorLevel = dot(n, graph.faces[floor]!.params.origin!);
    if (!walls.every((w) => spanBelow(graph, w, n, floorLevel) < RELATIVE_LENGTH_TOL * Math.max(1, Math.abs(floorLevel)))) continue;
    return pocketOf(graph, frame, group, floor, walls);
  }
  return undefined;
}

function spanBelow(graph: FaceGraph, face: number, n: Vec3, level: number): number {
  const { positions, indices, faceRanges } = graph.input.mesh;
  const [first, count] = faceRanges[face]!;
  let below = 0;
  for (let k = first * 3; k < (first + count) * 3; k++) {
    const v = indices[k]! * 3;
    below = Math.max(below, level - (positions[v]! * n[0] + positions[v + 1]! * n[1] + positions[v + 2]! * n[2]));
  }
  // float32 positions: a vertex on the floor's edge may read a few ulps below it.
  return below > 1e-4 * Math.max(1, Math.abs(level)) ? below : 0;
}

function pocketOf(graph: FaceGraph, frame: PartFrame, group: number[], floor: number, walls: number[]): PrismaticFeature {
  const n = graph.faces[floor]!.params.normal!;
  const params: PrismaticFeature['params'] = { outline: 'freeform', through: false, open: false, open_sides: 0 };
  params.depth = round4(spanAlong(graph.input, walls, n));
  // Plan size along the part's frame axes across the floor (as prismatic pockets are measured),
  // from the walls' outline with its curvature, not the chords of the mesh.
  const plan = frame.axes.filter((a) => Math.abs(dot(a, n)) < 0.5);
  const spans = plan.map((a) => round4(outlineSpan(graph.input.mesh, walls, a))).sort((x, y) => y - x);
  if (spans.length === 2) [params.length, params.width] = spans as [number, number];
  // The tightest concave arc of the outline is the largest cutter that fits its corners.
  const corners = walls
    .map((w) => graph.faces[w]!)
    .filter((f) => f.surface === 'cylinder' && f.params.internal)
    .map((f) => f.params.radius!);
  if (corners.length) params.corner_radius = round4(Math.min(...corners));
  const feature: PrismaticFeature = { type: 'pocket', outline: 'freeform', through: false, faces: group, floor, params };
  // Tool direction: into the floor. A floor off the frame's axes still is one (a tilted setup).
  feature.axis = n.map((v) => -v + 0) as Vec3;
  return feature;
}
