/**
 * Chamfers along curved edges that are no circle (an elliptic or spline outline, a boss drawn from
 * a free curve): the bevel is a ruled surface that is neither plane nor cone, written as a
 * B-spline or a swept surface, so the analytic rule (chamfers.ts) cannot take its normals from
 * its parameters. Its mesh gives them: the engine's triangulation carries the exact surface normal
 * at every vertex.
 *
 * A freeform face F (no analytic surface, no rolling-ball radius: that is a fillet) is a bevel
 * between A and B when, at points all along its longest sharp edge (to A):
 * - the other long side is a sharp edge of the same sense to one face B, at one distance w across
 *   (within 2 %: a chamfer has one width, a freeform wall's height varies with the curve);
 * - F turns 3-87° from A and from B there, by the same angles all along (within 2°), and the two
 *   turns add up to the turn A→B (the edge F replaced);
 * - it is narrow: w at most a third of its length.
 * Legs from w and the two turns, as in chamfers.ts.
 */
import type { Face, Vec3 } from '../result.ts';
import { add, dot, norm, scale, sub, unit } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { normalAt } from './surface-normal.ts';

const MIN_TURN = (3 * Math.PI) / 180;
const MAX_TURN = (87 * Math.PI) / 180;
/** Mesh normals are exact at vertices, but the nearest vertex is a chord's length off the sample. */
const TURN_TOLERANCE = (2 * Math.PI) / 180;
const WIDTH_SPREAD = 0.02;
const NARROW = 1 / 3;
const SAMPLES = 9;

export interface FreeformBevel {
  face: number;
  legs: [number, number];
  angle: number;
  convex: boolean;
}

const ANALYTIC = new Set(['plane', 'cylinder', 'cone', 'sphere', 'torus']);

export function freeformBevelOf(graph: FaceGraph, id: number): FreeformBevel | null {
  const face = graph.faces[id]!;
  if (ANALYTIC.has(face.surface) || face.params.blendRadius !== undefined) return null;
  const sharp = graph
    .neighbours(id)
    .filter((n) => n.face !== id && (n.convexity === 'convex' || n.convexity === 'concave'))
    .sort((p, q) => graph.edges[q.edge]!.length - graph.edges[p.edge]!.length);
  const first = sharp[0];
  if (!first) return null;
  const length = graph.edges[first.edge]!.length;
  const samples = edgeSamples(graph, first.edge, SAMPLES);
  for (const across of sharp.filter((n) => n.face !== first.face && n.convexity === first.convexity)) {
    const bevel = bevelAcross(graph, face, graph.faces[first.face]!, graph.faces[across.face]!, samples, across.edge, length);
    if (bevel) return { ...bevel, convex: first.convexity === 'convex' };
  }
  return null;
}

function bevelAcross(
  graph: FaceGraph,
  face: Face,
  a: Face,
  b: Face,
  samples: { point: Vec3; tangent: Vec3 }[],
  edgeB: number,
  length: number,
): Omit<FreeformBevel, 'convex'> | null {
  const widths: number[] = [];
  const turnsA: number[] = [];
  const turnsB: number[] = [];
  const pointsB = edgePoints(graph, edgeB);
  for (const { point: p, tangent } of samples) {
    const q = footAcross(pointsB, p, tangent);
    if (!q) return null;
    const [nA, nFA, nFB, nB] = [surfaceNormal(graph, a, p), meshNormal(graph, face.id, p), meshNormal(graph, face.id, q), surfaceNormal(graph, b, q)];
    if (!nA || !nFA || !nFB || !nB) return null;
    const [turnA, turnB] = [angle(nA, nFA), angle(nFB, nB)];
    if ([turnA, turnB].some((t) => t < MIN_TURN || t > MAX_TURN)) return null;
    if (Math.abs(turnA + turnB - angle(nA, nB)) > TURN_TOLERANCE) return null;
    widths.push(norm(sub(q, p)));
    turnsA.push(turnA);
    turnsB.push(turnB);
  }
  const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const width = mean(widths);
  if (width <= 0 || spread(widths) > WIDTH_SPREAD * width || width > NARROW * length) return null;
  if (spread(turnsA) > TURN_TOLERANCE || spread(turnsB) > TURN_TOLERANCE) return null;
  const [turnA, turnB] = [mean(turnsA), mean(turnsB)];
  const sinSum = Math.sin(turnA + turnB);
  const legOnA = (width * Math.sin(turnB)) / sinSum;
  const legOnB = (width * Math.sin(turnA)) / sinSum;
  const larger = a.area >= b.area ? turnA : turnB;
  return { face: face.id, legs: [Math.min(legOnA, legOnB), Math.max(legOnA, legOnB)], angle: (larger * 180) / Math.PI };
}

/** A neighbour's outward normal at p: from its surface where analytic, else from its mesh. */
function surfaceNormal(graph: FaceGraph, face: Face, p: Vec3): Vec3 | null {
  return normalAt(face, p) ?? meshNormal(graph, face.id, p);
}

/** The mesh normal at the face's vertex nearest to p (the engine's exact surface normal there). */
function meshNormal(graph: FaceGraph, face: number, p: Vec3): Vec3 | null {
  const { positions, normals, indices, faceRanges } = graph.input.mesh;
  const [first, count] = faceRanges[face] ?? [0, 0];
  let best = -1;
  let bestDistance = Infinity;
  for (let k = first * 3; k < (first + count) * 3; k++) {
    const v = indices[k]! * 3;
    const d = (positions[v]! - p[0]) ** 2 + (positions[v + 1]! - p[1]) ** 2 + (positions[v + 2]! - p[2]) ** 2;
    if (d < bestDistance) [best, bestDistance] = [v, d];
  }
  if (best < 0) return null;
  const n: Vec3 = [normals[best]!, normals[best + 1]!, normals[best + 2]!];
  const l = norm(n);
  return l > 0 ? [n[0] / l, n[1] / l, n[2] / l] : null;
}

/** The vertices of an edge's polyline, in order. */
function edgePoints(graph: FaceGraph, edge: number): Vec3[] {
  const { edgePositions, edgeRanges } = graph.input.mesh;
  const [first, n] = edgeRanges[edge] ?? [0, 0];
  return Array.from({ length: n }, (_, i): Vec3 => [
    edgePositions[(first + i) * 3]!,
    edgePositions[(first + i) * 3 + 1]!,
    edgePositions[(first + i) * 3 + 2]!,
  ]);
}

/**
 * `count` inner vertices spread along an edge (at its ends it meets the faces that close the
 * strip), each with the edge's direction there (from its two neighbours).
 */
function edgeSamples(graph: FaceGraph, edge: number, count: number): { point: Vec3; tangent: Vec3 }[] {
  const all = edgePoints(graph, edge);
  if (all.length < 3) return [];
  const picks =
    all.length - 2 <= count
      ? all.map((_, i) => i).slice(1, -1)
      : Array.from({ length: count }, (_, i) => 1 + Math.round((i * (all.length - 3)) / (count - 1)));
  return picks.map((i) => ({ point: all[i]!, tangent: unit(sub(all[i + 1]!, all[i - 1]!)) }));
}

/**
 * The point of edge B straight across from p (in the plane through p across A's edge). The
 * polyline's vertices lie on the edge exactly but its chords cut inside a curve, by as much as the
 * mesh's deflection (0.7 % of a 1.5 mm chamfer's width on a test part): so the curve is taken
 * through the three vertices about the nearest one (a parabola), and met there.
 */
function footAcross(polyline: Vec3[], p: Vec3, tangent: Vec3): Vec3 | null {
  // Vertices repeated (a closed edge ends where it starts) would make a degenerate parabola.
  const points = polyline.filter((q, i) => i === 0 || norm(sub(q, polyline[i - 1]!)) > 1e-9);
  const closed = points.length > 3 && norm(sub(points[0]!, points[points.length - 1]!)) < 1e-9;
  if (closed) points.pop();
  const n = points.length;
  if (n < 3) return null;
  let j = 0;
  for (let i = 1; i < n; i++) if (norm(sub(points[i]!, p)) < norm(sub(points[j]!, p))) j = i;
  if (!closed) j = Math.min(Math.max(j, 1), n - 2);
  const [q0, q1, q2] = [points[(j - 1 + n) % n]!, points[j]!, points[(j + 1) % n]!];
  // Q(u) = q1 + u·(q2 − q0)/2 + u²·(q0 − 2q1 + q2)/2 through q0, q1, q2 at u = −1, 0, 1.
  const half = scale(sub(q2, q0), 0.5);
  const bend = scale(sub(add(q0, q2), scale(q1, 2)), 0.5);
  const at = (u: number) => add(q1, add(scale(half, u), scale(bend, u * u)));
  const [c0, c1, c2] = [dot(sub(q1, p), tangent), dot(half, tangent), dot(bend, tangent)];
  if (Math.abs(c1) < 1e-12) return q1;
  let u = -c0 / c1;
  // Newton on c2·u² + c1·u + c0 = 0 from the chord's root.
  for (let k = 0; k < 3; k++) u -= (c2 * u * u + c1 * u + c0) / (2 * c2 * u + c1);
  return Math.abs(u) <= 1.5 ? at(u) : null;
}

function angle(a: Vec3, b: Vec3): number {
  return Math.acos(Math.max(-1, Math.min(1, dot(a, b))));
}
