/**
 * The part's own frame, so that recognition never depends on how the file is oriented: three
 * orthogonal directions carried by the most planar area (or the main axis of revolution), and the
 * part's extent along them. Stock faces are the planar faces lying on that extent's box.
 */
import type { Vec3 } from '../result.ts';
import { cross, dot, norm, unit } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { DIRECTION_TOL, LENGTH_TOL } from './tolerance.ts';

export interface PartFrame {
  axes: [Vec3, Vec3, Vec3];
  min: Vec3;
  max: Vec3;
  /** Length scale for tolerances: the box diagonal. */
  size: number;
}

const PARALLEL = 1 - DIRECTION_TOL;

export function partFrame(graph: FaceGraph): PartFrame {
  const axes = dominantAxes(graph);
  const { positions } = graph.input.mesh;
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < positions.length; i += 3) {
    const p: Vec3 = [positions[i]!, positions[i + 1]!, positions[i + 2]!];
    axes.forEach((a, k) => {
      const t = dot(p, a);
      if (t < min[k]!) min[k] = t;
      if (t > max[k]!) max[k] = t;
    });
  }
  return { axes, min, max, size: Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]) || 1 };
}

/** Directions by planar area (up to sign); the axis of the largest revolved area when no planes. */
function dominantAxes(graph: FaceGraph): [Vec3, Vec3, Vec3] {
  const weighted: { dir: Vec3; area: number }[] = [];
  for (const f of graph.faces) {
    const dir = f.surface === 'plane' ? f.params.normal : f.params.axis;
    if (!dir) continue;
    const bucket = weighted.find((w) => Math.abs(dot(w.dir, dir)) > PARALLEL);
    if (bucket) bucket.area += f.area;
    else weighted.push({ dir: canonical(dir), area: f.area });
  }
  weighted.sort((a, b) => b.area - a.area || lexCompare(a.dir, b.dir));
  const first = weighted[0]?.dir ?? [0, 0, 1];
  const second = weighted.find((w) => Math.abs(dot(w.dir, first)) < DIRECTION_TOL)?.dir ?? anyPerpendicular(first);
  return [first, second, unit(cross(first, second))];
}

/** One representative per ± pair, so that sign never depends on the file. */
function canonical(d: Vec3): Vec3 {
  const k = Math.abs(d[0]) > 1e-9 ? 0 : Math.abs(d[1]) > 1e-9 ? 1 : 2;
  return d[k]! < 0 ? [-d[0] + 0, -d[1] + 0, -d[2] + 0] : d;
}

function lexCompare(a: Vec3, b: Vec3): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function anyPerpendicular(d: Vec3): Vec3 {
  const helper: Vec3 = Math.abs(d[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const p = cross(d, helper);
  return norm(p) > 0 ? unit(p) : [0, 1, 0];
}

/** Which frame axis a direction is parallel to (-1: none). */
export function alignedAxis(frame: PartFrame, dir: Vec3, tol = DIRECTION_TOL): number {
  return frame.axes.findIndex((a) => Math.abs(Math.abs(dot(a, dir)) - 1) < tol);
}

/** Planar faces lying on the part's box: what is left of the raw stock. */
export function stockFaces(graph: FaceGraph, frame: PartFrame): Set<number> {
  // Box extents come from float32 mesh vertices: allow for their rounding.
  const tol = frame.size * 1e-5 + LENGTH_TOL;
  const stock = new Set<number>();
  for (const f of graph.faces) {
    const { normal, origin } = f.params;
    if (f.surface !== 'plane' || !normal || !origin) continue;
    const k = alignedAxis(frame, normal);
    if (k < 0) continue;
    const offset = dot(origin, frame.axes[k]!);
    const outward = dot(normal, frame.axes[k]!);
    if ((outward > 0 && Math.abs(offset - frame.max[k]!) < tol) || (outward < 0 && Math.abs(offset - frame.min[k]!) < tol)) {
      stock.add(f.id);
    }
  }
  return stock;
}
