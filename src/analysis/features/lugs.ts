/**
 * Bosses that are not plain studs: lugs, ears and pins, whatever their faces. A boss stands on the
 * part: it is a region of faces joined by convex or tangent edges that meets the rest of the part
 * only at concave edges (its foot, where it stands on a floor or a wall) or through concave blends
 * there. Standing regions are also the walls between pockets, so a boss must be rounded like one:
 * a convex face of revolution that turns through 180° or more about one axis (a pin's full round,
 * a lug's or ear's round end). The part's body (its largest such region) is no boss. A boss bored
 * through on its own axis is a tube.
 */
import type { Face, Feature, Vec3 } from '../result.ts';
import { cross, dot, norm, sub } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { components } from './graph.ts';
import { coaxialFaces, sweepDegrees } from './arc-sweep.ts';
import { round4, spanAlong } from './extent.ts';
import { DIRECTION_TOL, partTolerance } from './tolerance.ts';

/** A boss is small beside the part: at most this share of its area. */
const MAX_AREA_SHARE = 0.3;
/** Tessellation leaves a half-round a little short of 180°. */
const HALF_ROUND_DEG = 178;

export interface Lug {
  faces: number[];
  axis: Vec3;
  params: { diameter: number; height: number; outline: 'round' | 'round-ended' };
}

/**
 * `free`: faces no feature has claimed; `concaveBlends`: inside blend faces, which may ring a
 * boss's foot.
 */
export function findLugs(graph: FaceGraph, free: Set<number>, concaveBlends: Set<number>, size: number): Lug[] {
  const members = new Set([...free].filter((f) => !concaveBlends.has(f)));
  const regions = components(graph, members, (e) => e.convexity === 'convex' || e.convexity === 'smooth');
  const area = (ids: number[]) => ids.reduce((s, id) => s + graph.faces[id]!.area, 0);
  const total = area(graph.faces.map((f) => f.id));
  const body = regions.reduce((a, b) => (area(b) > area(a) ? b : a), regions[0] ?? []);
  const lugs: Lug[] = [];
  for (const region of regions) {
    if (region === body || area(region) > MAX_AREA_SHARE * total) continue;
    if (!standsOnItsFoot(graph, region, concaveBlends) || !hasConvexEdge(graph, region)) continue;
    const round = halfRound(graph, region, size);
    if (!round || insideABore(graph, round, size)) continue;
    lugs.push({
      faces: region,
      axis: round.axis,
      params: {
        diameter: round4(2 * round.radius),
        height: round4(spanAlong(graph.input, region, round.axis)),
        outline: round.sweep >= 359 ? 'round' : 'round-ended',
      },
    });
  }
  return lugs;
}

/** Every edge out of the region is concave, leads into a concave blend, or into a claimed feature inside it (a hole). */
function standsOnItsFoot(graph: FaceGraph, region: number[], concaveBlends: Set<number>): boolean {
  const inside = new Set(region);
  let foot = false;
  for (const id of region) {
    for (const n of graph.neighbours(id)) {
      if (inside.has(n.face)) continue;
      if (n.convexity === 'concave' || concaveBlends.has(n.face)) foot = true;
      else if (n.convexity === 'convex' && !isHoleLike(graph.faces[n.face]!)) return false;
      else if (n.convexity === 'smooth' && !concaveBlends.has(n.face)) return false;
    }
  }
  return foot;
}

/** A bore through the boss meets its top at a convex edge: an inward-facing face of revolution or a hole's floor/chamfer. */
function isHoleLike(f: Face): boolean {
  return f.params.internal === true || f.surface === 'cone';
}

function hasConvexEdge(graph: FaceGraph, region: number[]): boolean {
  const inside = new Set(region);
  return region.some((id) => graph.neighbours(id).some((n) => inside.has(n.face) && n.convexity === 'convex'));
}

/** A ridge inside a bore (a thread's crest, a land between grooves) is round too, but no boss: a bore as wide on its axis. */
function insideABore(graph: FaceGraph, round: { axis: Vec3; center: Vec3; radius: number }, size: number): boolean {
  const tol = partTolerance(size);
  return graph.faces.some(
    (f) =>
      f.params.internal === true &&
      f.surface === 'cylinder' &&
      f.params.radius! >= round.radius - tol &&
      Math.abs(Math.abs(dot(f.params.axis!, round.axis)) - 1) < DIRECTION_TOL &&
      norm(cross(sub(f.params.center!, round.center), round.axis)) < tol,
  );
}

/** The region's outward cylinders on one axis that turn through at least a half-round: the largest such. */
function halfRound(graph: FaceGraph, region: number[], size: number): { axis: Vec3; center: Vec3; radius: number; sweep: number } | undefined {
  const tol = partTolerance(size);
  const rounds = region
    .map((id) => graph.faces[id]!)
    .filter((f) => f.surface === 'cylinder' && f.params.internal === false && f.params.axis && f.params.center);
  let best: { axis: Vec3; center: Vec3; radius: number; sweep: number } | undefined;
  for (const f of rounds) {
    const group = rounds.filter((g) => Math.abs(g.params.radius! - f.params.radius!) <= tol && coaxialFaces([f, g], tol));
    const sweep = sweepDegrees(graph, group, f.params.axis!, f.params.center!);
    // A full round is closed by a circle; its mesh leaves one chord's gap, so the sweep reads short of 360°.
    const closed = group.some((g) => graph.edgesOf[g.id]!.some((e) => graph.edges[e]!.closed && graph.edges[e]!.curve === 'circle'));
    const turn = closed ? 360 : sweep;
    if (turn >= HALF_ROUND_DEG && (!best || f.params.radius! > best.radius))
      best = { axis: f.params.axis!, center: f.params.center!, radius: f.params.radius!, sweep: turn };
  }
  return best;
}

const HOLE_TYPES = new Set(['hole', 'counterbore_hole', 'countersink_hole']);
/** A tube's bore is at least this share of its outside diameter (wall at most 15 % of it). */
const TUBE_BORE_SHARE = 0.7;

/**
 * A boss bored through on its own axis, its wall thin beside the bore, is a tube (a Pipe to an
 * estimator, its bore no hole of its own): each such boss and its bore's hole become one `pipe`
 * (in the boss's place). Feature ids are renumbered to stay their index.
 */
export function mergeTubes(graph: FaceGraph, features: Feature[], size: number): void {
  const tol = partTolerance(size);
  const bores = new Set<number>();
  features.forEach((boss, i) => {
    const diameter = boss.params.diameter;
    if (boss.type !== 'boss' || !boss.axis || typeof diameter !== 'number') return;
    const wall = boss.faces
      .map((id) => graph.faces[id]!)
      .find((f) => f.surface === 'cylinder' && f.params.internal === false && Math.abs(2 * f.params.radius! - diameter) < 1e-3);
    if (!wall) return;
    const onAxis = (c: Vec3 | undefined) => !!c && norm(cross(sub(c, wall.params.center!), boss.axis!)) < tol;
    const bore = features.findIndex((f, j) => {
      if (bores.has(j) || !HOLE_TYPES.has(f.type) || f.params.through !== true || f.params.count !== undefined || !f.axis) return false;
      const d = f.params.diameter;
      // A tube's wall is thin beside its bore; a thick-walled boss with a hole is a boss and a hole.
      if (typeof d !== 'number' || d >= diameter || d < TUBE_BORE_SHARE * diameter) return false;
      return Math.abs(Math.abs(dot(f.axis, boss.axis!)) - 1) < DIRECTION_TOL && f.faces.some((id) => onAxis(graph.faces[id]!.params.center));
    });
    if (bore < 0) return;
    const hole = features[bore]!;
    bores.add(bore);
    features[i] = {
      ...boss,
      type: 'pipe',
      faces: [...boss.faces, ...hole.faces].sort((a, b) => a - b),
      params: { outer_diameter: diameter, inner_diameter: Number(hole.params.diameter), length: Number(boss.params.height) },
    };
  });
  const kept = features.filter((_, j) => !bores.has(j));
  features.length = 0;
  kept.forEach((f, j) => features.push({ ...f, id: j }));
}
