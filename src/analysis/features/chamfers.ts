/**
 * Chamfers in any context: a planar or conical strip that bevels the edge between two faces
 * (planes, cylinders, cones), convex (an edge break) or concave (an inside corner), alone or as a
 * chain that runs on around a rounded corner or along an outline. One feature per chain, sized by
 * its legs and angle.
 *
 * A face F is a bevel between A and B when (geometry, not topology alone):
 * - its two long boundaries are sharp edges of one convexity, to A along one side and to B across
 *   the strip (B = the face of the nearest such edge across it; the strip's ends are farther away);
 * - it is narrow: its width across is at most a third of its long edge (or, for a short piece
 *   of a chamfer interrupted by cuts, of the size of the faces it bevels);
 * - it turns part of the way from A to B on each side: the turn angles A→F and F→B are each
 *   between 3° and 87° and add up to the turn A→B (the edge F replaced);
 * - A or B reaches on beyond its leg (at least twice as far): it cut an edge off between them.
 * Its legs then follow from the width w and the two turns (the triangle F makes with the edge
 * it replaced): leg on A = w·sin(θB)/sin(θA+θB), leg on B = w·sin(θA)/sin(θA+θB).
 * A bevel that took a whole ledge (concave to one wall, convex to the parallel wall below it) is
 * read by chamfer-ledges.ts.
 */
import type { Face, Vec3 } from '../result.ts';
import { add, dot, norm, scale, sub, unit } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { round4, spanAlong } from './extent.ts';
import { DIRECTION_TOL } from './tolerance.ts';
import { ledgeBevels, ledgePieceOf, type LedgePiece } from './chamfer-ledges.ts';
import { freeformBevelOf } from './chamfer-freeform.ts';
import { normalAt } from './surface-normal.ts';

export interface Chamfer {
  faces: number[];
  params: Record<string, number | string | boolean>;
}

const MIN_TURN = (3 * Math.PI) / 180;
const MAX_TURN = (87 * Math.PI) / 180;
/** The two turns must add up to the replaced edge's turn within this. */
const TURN_SUM_TOLERANCE = (1.5 * Math.PI) / 180;
const NARROW = 1 / 3;
/** One bevelled face reaches at least twice its leg's length away from the chamfer. */
const LEG_SHARE = 0.5;

interface Bevel {
  face: number;
  legs: [number, number];
  /** Angle (degrees) between the chamfer and the larger of the two faces it bevels. */
  angle: number;
  convex: boolean;
}

/**
 * The chamfers among `candidates`, one per chain. The recogniser asks several times as families
 * claim faces; whether a face is a bevel depends on the graph alone, so it is worked out once.
 */
export function chamferFinder(graph: FaceGraph): (candidates: Set<number>) => Chamfer[] {
  const known = new Map<number, Bevel | null>();
  const ledges = new Map<number, LedgePiece | null>();
  return (candidates) => {
    const bevels = new Map<number, Bevel>();
    const pieces: LedgePiece[] = [];
    for (const id of candidates) {
      if (!known.has(id)) known.set(id, bevelOf(graph, id));
      const bevel = known.get(id);
      if (bevel) {
        bevels.set(id, bevel);
        continue;
      }
      if (!ledges.has(id)) ledges.set(id, ledgePieceOf(graph, id));
      const piece = ledges.get(id);
      if (piece) pieces.push(piece);
    }
    // A bevel that took a whole ledge joins two faces of opposite sense; whether it is narrow
    // depends on its whole run, cuts across it included, so it is read over the candidates.
    const ledge = ledgeBevels(graph, pieces);
    for (const [id, bevel] of ledge.bevels) bevels.set(id, bevel);
    return chains(graph, bevels, ledge.runs);
  };
}

function bevelOf(graph: FaceGraph, id: number): Bevel | null {
  const face = graph.faces[id]!;
  // A bevel along a curve that is no circle is ruled but neither plane nor cone.
  if (face.surface !== 'plane' && face.surface !== 'cone') return freeformBevelOf(graph, id);
  const sharp = graph.neighbours(id).filter((n) => n.face !== id && (n.convexity === 'convex' || n.convexity === 'concave'));
  if (sharp.length < 2) return null;
  // A strip's area is about its length times its width: a face too wide for a bevel of its
  // longest edge, or of the faces around it, is not worth the edge-by-edge look below.
  const longest = Math.max(...sharp.map((n) => graph.edges[n.edge]!.length));
  const largestAround = Math.max(...sharp.map((n) => graph.faces[n.face]!.area));
  if (face.area / longest > NARROW * Math.max(longest, Math.sqrt(largestAround))) return null;
  // Side A: the longest sharp edge first; a short piece of an interrupted chamfer can be shorter
  // along its bevelled edge than across its ends, so each edge gets its turn as side A.
  const byLength = [...sharp].sort((p, q) => graph.edges[q.edge]!.length - graph.edges[p.edge]!.length);
  const tried = new Set<number>();
  for (const first of byLength) {
    if (tried.has(first.face)) continue;
    tried.add(first.face);
    const bevel = bevelAcross(graph, face, first, sharp);
    if (bevel) return bevel;
  }
  return null;
}

type Side = ReturnType<FaceGraph['neighbours']>[number];

function bevelAcross(graph: FaceGraph, face: Face, first: Side, sharp: Side[]): Bevel | null {
  const pA = edgeMidpoint(graph, first.edge);
  if (!pA) return null;
  // Side B: a sharp edge of the same convexity on another face, across the strip; the nearest
  // first, though at a short piece the faces that cut its ends are nearer: they stand square to
  // it and fail the turns.
  const across = sharp
    .filter((n) => n.face !== first.face && n.convexity === first.convexity)
    .flatMap((n) => {
      const hit = nearestOnEdge(graph, n.edge, pA);
      return hit && hit.distance > 0 ? [{ face: n.face, edge: n.edge, ...hit }] : [];
    })
    .sort((p, q) => p.distance - q.distance);
  for (const b of across) {
    const bevel = bevelBetween(graph, face, first, pA, b);
    if (bevel) return bevel;
  }
  return null;
}

function bevelBetween(
  graph: FaceGraph,
  face: Face,
  first: Side,
  pA: Vec3,
  best: { face: number; edge: number; point: Vec3; distance: number },
): Bevel | null {
  const width = coneWidth(graph, face, first.edge, best.edge) ?? best.distance;
  const [a, b] = [graph.faces[first.face]!, graph.faces[best.face]!];
  // Narrow against its length, or against the faces it bevels (a short piece between two cuts).
  const scaleOf = Math.max(graph.edges[first.edge]!.length, Math.sqrt(Math.min(a.area, b.area)));
  if (width > NARROW * scaleOf) return null;
  const [nF_A, nF_B, nA, nB] = [normalAt(face, pA), normalAt(face, best.point), normalAt(a, pA), normalAt(b, best.point)];
  if (!nF_A || !nF_B || !nA || !nB) return null;
  const turnA = angleBetween(nA, nF_A);
  const turnB = angleBetween(nF_B, nB);
  const turnAB = angleBetween(nA, nB);
  if ([turnA, turnB].some((t) => t < MIN_TURN || t > MAX_TURN)) return null;
  if (Math.abs(turnA + turnB - turnAB) > TURN_SUM_TOLERANCE) return null;
  const sinSum = Math.sin(turnA + turnB);
  const legOnA = (width * Math.sin(turnB)) / sinSum;
  const legOnB = (width * Math.sin(turnA)) / sinSum;
  // A face it bevels runs on well beyond its leg: it cut off an edge. (The walls of a hexagonal
  // passage split their neighbours' turn too, but their neighbours are as wide as the legs. A
  // chamfer may eat most of a low side, so one long side is enough.)
  if (legOnA > LEG_SHARE * spanAcross(graph, a, nA, nF_A) && legOnB > LEG_SHARE * spanAcross(graph, b, nB, nF_B)) return null;
  const larger = a.area >= b.area ? turnA : turnB;
  return {
    face: face.id,
    legs: [Math.min(legOnA, legOnB), Math.max(legOnA, legOnB)],
    angle: (larger * 180) / Math.PI,
    convex: first.convexity === 'convex',
  };
}

/**
 * Bevels of one size and sense that touch (at any edge: a chain turning a corner) are one chamfer;
 * so are the pieces of one `runs` entry (one bevel that cuts across it split).
 */
function chains(graph: FaceGraph, bevels: Map<number, Bevel>, runs: number[][]): Chamfer[] {
  const parent = new Map([...bevels.keys()].map((f) => [f, f]));
  const find = (x: number): number => (parent.get(x) === x ? x : find(parent.get(x)!));
  const same = (p: Bevel, q: Bevel) =>
    p.convex === q.convex && p.legs.every((l, i) => Math.abs(l - q.legs[i]!) <= Math.max(1e-3, 0.01 * l)) && Math.abs(p.angle - q.angle) <= 0.5;
  for (const [id, bevel] of bevels) {
    for (const n of graph.neighbours(id)) {
      const other = bevels.get(n.face);
      if (other && n.face !== id && same(bevel, other)) parent.set(find(id), find(n.face));
    }
  }
  for (const [first, ...rest] of runs) for (const id of rest) parent.set(find(id), find(first!));
  const groups = new Map<number, number[]>();
  for (const id of [...bevels.keys()].sort((x, y) => x - y)) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
  return [...groups.values()].map((faces) => {
    const b = bevels.get(faces[0]!)!;
    return { faces, params: { distance: round4(b.legs[0]), distance2: round4(b.legs[1]), angle: round4(b.angle), convex: b.convex } };
  });
}

/**
 * A conical strip between two circles: its width along the cone's generator, exact (the
 * polylines' chords would shorten it by their sagitta).
 */
function coneWidth(graph: FaceGraph, face: Face, edgeA: number, edgeB: number): number | null {
  const [a, b] = [graph.edges[edgeA]!, graph.edges[edgeB]!];
  if (face.surface !== 'cone' || a.curve !== 'circle' || b.curve !== 'circle' || a.radius === undefined || b.radius === undefined) return null;
  const sin = Math.sin(((face.params.halfAngle ?? 0) * Math.PI) / 180);
  return sin > DIRECTION_TOL ? Math.abs(a.radius - b.radius) / sin : null;
}

/** A face's extent across the edge it shares with the chamfer (along the chamfer's normal projected into it). */
function spanAcross(graph: FaceGraph, face: Face, faceNormal: Vec3, chamferNormal: Vec3): number {
  const across = unit(sub(chamferNormal, scale(faceNormal, dot(chamferNormal, faceNormal))));
  return norm(across) > 0 ? spanAlong(graph.input, [face.id], across) : 0;
}

/** Turn angle between two outward normals (0 = tangent). */
function angleBetween(a: Vec3, b: Vec3): number {
  return Math.acos(Math.max(-1, Math.min(1, dot(a, b))));
}

/** The middle point of an edge's polyline. */
function edgeMidpoint(graph: FaceGraph, edge: number): Vec3 | null {
  const { edgePositions, edgeRanges } = graph.input.mesh;
  const [first, count] = edgeRanges[edge] ?? [0, 0];
  if (count < 2) return null;
  const k = (first + Math.floor((count - 1) / 2)) * 3;
  if (count % 2 === 1) return [edgePositions[k]!, edgePositions[k + 1]!, edgePositions[k + 2]!];
  return scale(
    add([edgePositions[k]!, edgePositions[k + 1]!, edgePositions[k + 2]!], [edgePositions[k + 3]!, edgePositions[k + 4]!, edgePositions[k + 5]!]),
    0.5,
  );
}

/** The point of an edge's polyline nearest to p, and its distance. */
function nearestOnEdge(graph: FaceGraph, edge: number, p: Vec3): { point: Vec3; distance: number } | null {
  const { edgePositions, edgeRanges } = graph.input.mesh;
  const [first, count] = edgeRanges[edge] ?? [0, 0];
  let best: { point: Vec3; distance: number } | null = null;
  const at = (i: number): Vec3 => [edgePositions[i * 3]!, edgePositions[i * 3 + 1]!, edgePositions[i * 3 + 2]!];
  for (let i = first; i < first + count - 1; i++) {
    const [s, e] = [at(i), at(i + 1)];
    const seg = sub(e, s);
    const len2 = dot(seg, seg);
    const t = len2 > 0 ? Math.max(0, Math.min(1, dot(sub(p, s), seg) / len2)) : 0;
    const q = add(s, scale(seg, t));
    const distance = norm(sub(p, q));
    if (!best || distance < best.distance) best = { point: q, distance };
  }
  return best;
}
