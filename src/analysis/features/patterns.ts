/**
 * Hole patterns: holes of the same kind, size and direction become one feature with a count, so
 * the tree reads "4 × Ø6.6 through". The layout is named: bolt circle (with its pitch diameter),
 * grid, line, or scattered.
 */
import type { Vec3 } from '../result.ts';
import { cross, dot, norm, sub, unit } from '../brep/vec.ts';
import type { Hole } from './holes.ts';
import { round4 } from './extent.ts';
import { DIRECTION_TOL } from './tolerance.ts';

export interface HolePattern extends Hole {
  count: number;
  positions: Vec3[];
}

/**
 * `bodyOf`: the body of each face (bodies.ts). Holes of two bodies are never one pattern: each
 * body is drilled on its own, and a quote prices each body's holes with it.
 */
export function groupHoles(holes: Hole[], bodyOf?: readonly number[]): HolePattern[] {
  const groups: HolePattern[] = [];
  const body = (h: Hole) => bodyOf?.[h.faces[0]!] ?? 0;
  for (const h of holes) {
    const key = signature(h);
    const match = groups.find((g) => signature(g) === key && body(g) === body(h) && dot(g.axis, h.axis) > 1 - DIRECTION_TOL);
    if (match) {
      match.faces = [...match.faces, ...h.faces].sort((a, b) => a - b);
      match.positions.push(h.position);
      match.count++;
    } else {
      groups.push({ ...h, params: { ...h.params }, count: 1, positions: [h.position] });
    }
  }
  for (const g of groups) {
    if (g.count < 2) continue;
    g.params.count = g.count;
    Object.assign(g.params, layout(g.positions, g.axis));
  }
  return groups;
}

function signature(h: Hole): string {
  return `${h.type}|${Object.entries(h.params)
    .filter(([k]) => k !== 'count' && k !== 'pattern' && k !== 'pitch_diameter')
    .sort()
    .map(([k, v]) => `${k}=${v}`)
    .join(',')}`;
}

function layout(points: Vec3[], axis: Vec3): Record<string, string | number> {
  const n = points.length;
  const centroid = points.reduce((a, p) => a.map((v, i) => v + p[i]! / n) as Vec3, [0, 0, 0] as Vec3);
  const radii = points.map((p) => {
    const d = sub(p, centroid);
    return norm(sub(d, axis.map((a) => a * dot(d, axis)) as Vec3));
  });
  const tol = 1e-3 * Math.max(1, ...radii);
  if (collinear(points, tol)) return { pattern: 'linear' };
  const grid = gridOf(points, axis, tol);
  if (grid) return { pattern: 'grid', rows: grid[0], columns: grid[1] };
  if (radii.every((r) => Math.abs(r - radii[0]!) < tol)) {
    return { pattern: 'bolt_circle', pitch_diameter: round4(2 * radii[0]!) };
  }
  return { pattern: 'scattered' };
}

/** Rows × columns when the holes sit on a lattice along some pair of in-plane directions. */
function gridOf(points: Vec3[], axis: Vec3, tol: number): [number, number] | undefined {
  const distinct = (vals: number[]) => vals.sort((a, b) => a - b).filter((x, i, a) => i === 0 || x - a[i - 1]! > tol).length;
  for (const other of points.slice(1)) {
    const u = unit(sub(other, points[0]!));
    const v = unit(cross(axis, u));
    const rows = distinct(points.map((p) => dot(p, u)));
    const cols = distinct(points.map((p) => dot(p, v)));
    if (rows >= 2 && cols >= 2 && rows * cols === points.length) return [Math.min(rows, cols), Math.max(rows, cols)];
  }
  return undefined;
}

function collinear(points: Vec3[], tol: number): boolean {
  if (points.length < 3) return true;
  const dir = unit(sub(points[1]!, points[0]!));
  return points.every((p) => norm(cross(sub(p, points[0]!), dir)) < tol);
}
