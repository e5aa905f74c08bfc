/**
 * `params.inside_radius` of milled cuts (pockets, slots, steps, passages: the families with an
 * `outline`): the smallest radius of the corners the cutter meets going round the cut's walls,
 * so the largest end mill that can finish it; 0 where two walls meet in a sharp concave edge
 * (no end mill finishes it: EDM, a corner relief, or a drawing change). The quote's machining
 * summary reads it. Absent when the cut has no inside corner along its tool axis (a straight
 * slot's parallel walls meet only its floor).
 *
 * Geometry, independent of how a family measured its other dimensions:
 * - the tool axis is the feature's `axis`, or for a through cut (no floor, so no axis) the axis of
 *   its internal cylinders, or else the direction of its concave wall-to-wall edges (every such
 *   edge of a through cut runs along the tool);
 * - a corner is an internal cylinder (material outside it: a bore, not a boss) whose axis is the
 *   tool axis, radius r; or a concave line edge between two of the cut's planes that runs along
 *   the tool axis, radius 0. Floor-to-wall edges and floor blends run across the axis: they are
 *   the cutter's end, not its side (`floor_radius` covers the blends).
 */
import { cross, dot, norm, unit } from '../brep/vec.ts';
import type { Edge, Face, Feature, Vec3 } from '../result.ts';
import { round4 } from './extent.ts';
import { DIRECTION_TOL } from './tolerance.ts';

type CutFeature = Pick<Feature, 'faces' | 'params' | 'axis'>;

/** Sets `inside_radius` on every milled cut that has an inside corner along its tool axis. */
export function addInsideRadii(features: readonly CutFeature[], faces: readonly Face[], edges: readonly Edge[]): void {
  const edgesOfFace = new Map<number, Edge[]>();
  for (const e of edges) {
    for (const f of e.faces) {
      let list = edgesOfFace.get(f);
      if (!list) edgesOfFace.set(f, (list = []));
      list.push(e);
    }
  }
  for (const feature of features) {
    if (typeof feature.params.outline !== 'string') continue;
    const radius = insideRadius(feature, faces, edgesOfFace);
    if (radius !== undefined) feature.params.inside_radius = round4(radius);
  }
}

function insideRadius(feature: CutFeature, faces: readonly Face[], edgesOfFace: Map<number, Edge[]>): number | undefined {
  const own = new Set(feature.faces);
  const cylinders = feature.faces
    .map((f) => faces[f]!)
    .filter((f) => f.surface === 'cylinder' && f.params.internal === true && f.params.axis && f.params.radius);
  const sharpEdges: Vec3[] = [];
  const seen = new Set<number>();
  for (const f of feature.faces) {
    for (const e of edgesOfFace.get(f) ?? []) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      const d = concaveWallEdge(e, faces, own);
      if (d) sharpEdges.push(d);
    }
  }
  const axis = feature.axis ?? cylinders[0]?.params.axis ?? sharpEdges[0];
  if (!axis) return undefined;
  const along = (d: Vec3) => Math.abs(dot(unit(axis), d)) > 1 - DIRECTION_TOL;
  const radii = [...cylinders.filter((c) => along(unit(c.params.axis!))).map((c) => c.params.radius!), ...sharpEdges.filter(along).map(() => 0)];
  return radii.length ? Math.min(...radii) : undefined;
}

/** The direction of a concave straight edge between two planes of the cut, or undefined. */
function concaveWallEdge(e: Edge, faces: readonly Face[], own: Set<number>): Vec3 | undefined {
  if (e.curve !== 'line' || e.convexity !== 'concave' || e.faces.length !== 2) return undefined;
  const [a, b] = e.faces.map((f) => faces[f]!);
  if (!own.has(a!.id) || !own.has(b!.id) || a!.surface !== 'plane' || b!.surface !== 'plane') return undefined;
  const d = cross(a!.params.normal!, b!.params.normal!);
  return norm(d) > 0 ? unit(d) : undefined;
}
