/**
 * One fillet per rounded edge, as an estimator counts them, and no fillet where no edge was rounded.
 *
 * - Chains: a rounded edge is often several B-Rep faces (a round split at a seam, a blend that
 *   runs on around a corner as a torus). Blend faces of one radius and one sense (convex or
 *   concave) that meet tangentially are one fillet.
 * - Round ends: a fillet replaces a corner between two faces, so it turns through 180° minus the
 *   corner's angle, always less than 180°. A convex round about one axis that turns through 180° or
 *   more has no corner behind it: it is the round end of a lug or an obround outline, or a disc's
 *   rim, made by the contour that cuts the outline.
 * - Curved outlines: a convex round whose straight sides run on tangentially into other convex
 *   arcs, never into a flat wall, is one arc of an outline drawn with arcs (a cam, a lobed
 *   flange), not the rounding of an edge between walls.
 */
import type { Vec3 } from '../result.ts';
import { dot } from '../brep/vec.ts';
import { coaxialFaces, sweepDegrees } from './arc-sweep.ts';
import type { FaceGraph } from './graph.ts';
import type { Fillet } from './blends.ts';
import { BLEND_RADIUS_REL_TOL, DIRECTION_TOL, LENGTH_TOL, partTolerance } from './tolerance.ts';

/** A blend sweeping at least this much (a little under 180° for tessellation) is a round end. */
const ROUND_END_DEG = 178;

/** Merges fillets of one radius and sense that meet along a tangent edge. */
export function chainFillets(graph: FaceGraph, fillets: Fillet[]): Fillet[] {
  const owner = new Map<number, number>();
  fillets.forEach((f, i) => f.faces.forEach((face) => owner.set(face, i)));
  const parent = fillets.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const e of graph.edges) {
    if (e.convexity !== 'smooth' || e.faces.length !== 2) continue;
    const [a, b] = e.faces.map((f) => owner.get(f));
    if (a === undefined || b === undefined || a === b) continue;
    if (sameBlend(fillets[a]!, fillets[b]!)) parent[find(a)] = find(b);
  }
  const chains = new Map<number, Fillet>();
  fillets.forEach((f, i) => {
    const root = find(i);
    const chain = chains.get(root);
    if (chain) chain.faces = [...chain.faces, ...f.faces].sort((x, y) => x - y);
    else chains.set(root, { faces: [...f.faces], params: { ...f.params } });
  });
  return [...chains.values()].sort((x, y) => x.faces[0]! - y.faces[0]!);
}

function sameBlend(a: Fillet, b: Fillet): boolean {
  const ra = Number(a.params.radius);
  const rb = Number(b.params.radius);
  return a.params.convex === b.params.convex && Math.abs(ra - rb) <= BLEND_RADIUS_REL_TOL * Math.max(ra, rb) + LENGTH_TOL;
}

/**
 * True when a convex chain of cylinders is part of the outline rather than a rounded edge: a round
 * end (one axis, 180° or more) or one arc of an outline made of arcs.
 */
export function isOutlineRound(graph: FaceGraph, chain: Fillet, size: number): boolean {
  if (chain.params.convex !== true) return false;
  const faces = chain.faces.map((id) => graph.faces[id]!);
  if (!faces.every((f) => f.surface === 'cylinder' && f.params.axis && f.params.center)) return false;
  const { axis, center } = faces[0]!.params as { axis: Vec3; center: Vec3 };
  if (coaxialFaces(faces, partTolerance(size)) && sweepDegrees(graph, faces, axis, center) >= ROUND_END_DEG) return true;
  return flankedByArcs(graph, chain, axis);
}

/**
 * Every face the chain meets tangentially along a straight edge (its sides, parallel to the axis)
 * is a convex cylinder on a parallel axis: an arc of the outline between arcs.
 */
function flankedByArcs(graph: FaceGraph, chain: Fillet, axis: Vec3): boolean {
  const inChain = new Set(chain.faces);
  const flanks = chain.faces.flatMap((id) =>
    graph.neighbours(id).filter((n) => n.convexity === 'smooth' && !inChain.has(n.face) && graph.edges[n.edge]!.curve === 'line'),
  );
  if (flanks.length === 0) return false;
  return flanks.every((n) => {
    const f = graph.faces[n.face]!;
    return (
      f.surface === 'cylinder' && f.params.internal === false && !!f.params.axis && Math.abs(Math.abs(dot(f.params.axis, axis)) - 1) < DIRECTION_TOL
    );
  });
}

/**
 * The blends at a boss's foot are one fillet to an estimator ("the lug's blend"), however many
 * chains of radius and direction they break into where the foot turns a corner: chains that touch
 * one boss's faces merge into one, with the smallest radius (the tool's). Chains that touch no
 * boss, or several, stay as they are.
 */
export function oneBlendPerFoot(graph: FaceGraph, chains: Fillet[], bosses: { faces: number[] }[]): Fillet[] {
  const bossOf = new Map<number, number>();
  bosses.forEach((b, i) => b.faces.forEach((f) => bossOf.set(f, i)));
  const feet = new Map<number, Fillet>();
  const rest: Fillet[] = [];
  for (const chain of chains) {
    const touched = new Set(
      chain.faces.flatMap((id) =>
        graph
          .neighbours(id)
          .map((n) => bossOf.get(n.face))
          .filter((b): b is number => b !== undefined),
      ),
    );
    if (touched.size !== 1) {
      rest.push(chain);
      continue;
    }
    const boss = [...touched][0]!;
    const foot = feet.get(boss);
    if (!foot) feet.set(boss, { faces: [...chain.faces], params: { ...chain.params } });
    else {
      foot.faces = [...foot.faces, ...chain.faces].sort((a, b) => a - b);
      foot.params.radius = Math.min(Number(foot.params.radius), Number(chain.params.radius));
    }
  }
  return [...rest, ...feet.values()].sort((a, b) => a.faces[0]! - b.faces[0]!);
}
