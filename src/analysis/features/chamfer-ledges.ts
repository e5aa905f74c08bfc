/**
 * Bevels that took a whole ledge. A stepped wall is two parallel faces facing the same way (the
 * upper wall A, set back, and the lower wall B, standing out by the ledge's width d) joined by a
 * ledge square to both. Chamfering the ledge's convex edge with a leg as wide as the ledge leaves
 * no ledge: the bevel runs straight from A (a concave edge) to B (a convex edge), so the rule for
 * a bevel between two faces of one sense (chamfers.ts) never sees it.
 *
 * A plane F is such a bevel when:
 * - it has a concave edge to a plane A and a convex edge to a plane B, A and B parallel and facing
 *   the same way, B standing out of A along their normal n by d > 0 (a step, not a groove);
 * - it turns 15-75° from them: shallower than that it is a drafted wall of A and B, steeper a
 *   drafted ledge (drafts are at most 15°: the count rules read tapers so too);
 * - it spans exactly from A's plane to B's across (its width w = d / sin θ is its whole extent
 *   there: the bevel is the whole riser between them);
 * - it is narrow along its run: the pieces of one bevel plane between the same A and B planes (cuts
 *   across the ledge split it into pieces shorter than their width) together run at least three
 *   times their width along A.
 * Its legs are d on the ledge it replaced and w·cos θ down B; the angle is to B, the face it bevels.
 */
import type { Face, Vec3 } from '../result.ts';
import { cross, dot, norm, scale, sub, unit } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { spanAlong } from './extent.ts';
import { DIRECTION_TOL, partTolerance } from './tolerance.ts';

const MIN_TURN = (15 * Math.PI) / 180;
const MAX_TURN = (75 * Math.PI) / 180;
/** A bevel runs along its edge at least three times its width (as in chamfers.ts). */
const NARROW = 1 / 3;
/** Its extent across matches the width between the planes to this share (mesh vertices are exact on planes). */
const WIDTH_MATCH = 0.02;

/** One face that may be a ledge bevel, before the narrowness of its whole run is known. */
export type LedgePiece = PlanarPiece | CornerPiece;

interface PlanarPiece {
  kind: 'plane';
  face: number;
  /** The walls' common outward normal, the bevel's outward normal. */
  n: Vec3;
  nF: Vec3;
  /** Offsets along n of the upper wall A's and the lower wall B's planes, and along nF of F's. */
  offsetA: number;
  offsetB: number;
  offsetF: number;
  width: number;
  turn: number;
}

/**
 * Round a rounded corner of the ledge the bevel is a cone between the two walls' coaxial
 * cylinders: its run is the straight bevels it joins, so it is kept only beside one of them.
 */
interface CornerPiece {
  kind: 'corner';
  face: number;
  width: number;
  turn: number;
}

export interface LedgeBevel {
  face: number;
  legs: [number, number];
  angle: number;
  convex: boolean;
}

/** The ledge reading of one face, or null when it is none (whatever its run). */
export function ledgePieceOf(graph: FaceGraph, id: number): LedgePiece | null {
  const face = graph.faces[id]!;
  if (face.surface === 'cone') return cornerPieceOf(graph, face);
  const nF = planeNormal(face);
  if (!nF) return null;
  const planesBy = (convexity: 'concave' | 'convex') =>
    graph
      .neighbours(id)
      .filter((s) => s.convexity === convexity && s.face !== id)
      .map((s) => graph.faces[s.face]!)
      .filter((f) => planeNormal(f) !== null);
  for (const a of planesBy('concave')) {
    for (const b of planesBy('convex')) {
      const n = planeNormal(a)!;
      if (dot(n, planeNormal(b)!) < 1 - DIRECTION_TOL) continue;
      const offsetA = dot(a.params.origin!, n);
      const offsetB = dot(b.params.origin!, n);
      const d = offsetB - offsetA;
      const turn = Math.acos(Math.max(-1, Math.min(1, dot(n, nF))));
      if (d <= 0 || turn < MIN_TURN || turn > MAX_TURN) continue;
      const width = d / Math.sin(turn);
      const across = unit(sub(n, scale(nF, dot(n, nF))));
      if (Math.abs(spanAlong(graph.input, [id], across) - width) > WIDTH_MATCH * width) continue;
      return { kind: 'plane', face: id, n, nF, offsetA, offsetB, offsetF: dot(face.params.origin!, nF), width, turn };
    }
  }
  return null;
}

/**
 * The ledge bevels among `pieces`: pieces on one plane between the same two wall planes are one
 * run, kept when the run is narrow. Returns each kept face's bevel and the runs (each run one
 * chamfer, though cuts leave its pieces apart).
 */
export function ledgeBevels(graph: FaceGraph, pieces: LedgePiece[]): { bevels: Map<number, LedgeBevel>; runs: number[][] } {
  const runs: PlanarPiece[][] = [];
  for (const piece of pieces) {
    if (piece.kind !== 'plane') continue;
    const run = runs.find((r) => sameRun(r[0]!, piece));
    if (run) run.push(piece);
    else runs.push([piece]);
  }
  const bevels = new Map<number, LedgeBevel>();
  const kept: number[][] = [];
  for (const run of runs) {
    const { n, nF, width, turn } = run[0]!;
    const along = unit(cross(n, nF));
    const faces = run.map((p) => p.face);
    if (norm(along) === 0 || width > NARROW * spanAlong(graph.input, faces, along)) continue;
    for (const face of faces) bevels.set(face, bevelOf(face, width, turn));
    kept.push(faces);
  }
  // Corner cones beside a kept bevel of their size (in turn beside each other, round a corner).
  const corners = pieces.filter((p): p is CornerPiece => p.kind === 'corner');
  for (let added = true; added;) {
    added = false;
    for (const corner of corners) {
      if (bevels.has(corner.face)) continue;
      const bevel = bevelOf(corner.face, corner.width, corner.turn);
      const beside = graph.neighbours(corner.face).some((n) => {
        const other = bevels.get(n.face);
        return (
          other && other.legs.every((l, i) => Math.abs(l - bevel.legs[i]!) <= 1e-3 * Math.max(1, l)) && Math.abs(other.angle - bevel.angle) <= 0.01
        );
      });
      if (!beside) continue;
      bevels.set(corner.face, bevel);
      added = true;
    }
  }
  return { bevels, runs: kept };
}

function bevelOf(face: number, width: number, turn: number): LedgeBevel {
  const [ledge, drop] = [width * Math.sin(turn), width * Math.cos(turn)];
  return { face, legs: [Math.min(ledge, drop), Math.max(ledge, drop)], angle: (turn * 180) / Math.PI, convex: true };
}

/**
 * A cone between two coaxial cylinders of one sense, concave to the one set back (A) and convex to
 * the one standing out (B, nearer the axis for a bore, farther for a boss), its rims their circles:
 * the bevel round a rounded corner of the ledge. Its turn from the walls is its half-angle.
 */
function cornerPieceOf(graph: FaceGraph, cone: Face): CornerPiece | null {
  const { axis, center, halfAngle } = cone.params;
  if (!axis || !center || halfAngle === undefined) return null;
  const coaxial = (f: Face) =>
    f.surface === 'cylinder' &&
    f.params.axis !== undefined &&
    f.params.center !== undefined &&
    Math.abs(dot(f.params.axis, axis)) >= 1 - DIRECTION_TOL &&
    norm(sub(sub(f.params.center, center), scale(axis, dot(sub(f.params.center, center), axis)))) <= 1e-6 * (1 + (f.params.radius ?? 0));
  const walls = (convexity: 'concave' | 'convex') =>
    graph
      .neighbours(cone.id)
      .filter((n) => n.convexity === convexity && n.face !== cone.id)
      .map((n) => ({ wall: graph.faces[n.face]!, edge: graph.edges[n.edge]! }))
      .filter(({ wall }) => coaxial(wall));
  const turn = (halfAngle * Math.PI) / 180;
  if (turn < MIN_TURN || turn > MAX_TURN) return null;
  for (const a of walls('concave')) {
    for (const b of walls('convex')) {
      const [rA, rB] = [a.wall.params.radius!, b.wall.params.radius!];
      if (a.wall.params.internal !== b.wall.params.internal) continue;
      // B stands out of A: towards the axis in a bore, away from it on a boss.
      const d = a.wall.params.internal ? rA - rB : rB - rA;
      const onRim = (e: typeof a.edge, r: number) => e.curve === 'circle' && Math.abs((e.radius ?? 0) - r) <= 1e-6 * (1 + r);
      if (d <= 0 || !onRim(a.edge, rA) || !onRim(b.edge, rB)) continue;
      return { kind: 'corner', face: cone.id, width: d / Math.sin(turn), turn };
    }
  }
  return null;
}

function sameRun(p: PlanarPiece, q: PlanarPiece): boolean {
  // One plane in a file agrees with itself to float noise, which grows with the coordinates.
  const tol = partTolerance(Math.abs(p.offsetA) + Math.abs(p.offsetB) + Math.abs(p.offsetF));
  return (
    dot(p.n, q.n) >= 1 - DIRECTION_TOL &&
    dot(p.nF, q.nF) >= 1 - DIRECTION_TOL &&
    Math.abs(p.offsetA - q.offsetA) <= tol &&
    Math.abs(p.offsetB - q.offsetB) <= tol &&
    Math.abs(p.offsetF - q.offsetF) <= tol
  );
}

function planeNormal(face: Face): Vec3 | null {
  return face.surface === 'plane' && face.params.normal && face.params.origin ? face.params.normal : null;
}
