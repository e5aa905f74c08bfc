/**
 * Ray casting against the part's own mesh along one direction, for tool-access checks. Triangles
 * are binned in a 2D grid across the direction, so a ray only tests the triangles over its cell:
 * a part with 100k triangles stays cheap however many faces are checked.
 */
import type { Vec3 } from '../result.ts';
import { cross, dot, norm, unit } from '../brep/vec.ts';
import type { RecognizerInput } from './graph.ts';

export class RayGrid {
  private readonly u: Vec3;
  private readonly v: Vec3;
  private readonly cells: number[][];
  private readonly n: number;
  private readonly lo: [number, number];
  private readonly step: [number, number];

  /** Casts against the triangles of `faces` only (all faces when absent). */
  constructor(
    private readonly mesh: RecognizerInput['mesh'],
    readonly direction: Vec3,
    faces?: number[],
  ) {
    this.u = perpendicular(direction);
    this.v = cross(direction, this.u);
    const { positions, indices } = mesh;
    const triangles = indices.length / 3;
    // Coarse cells: a big face square to the ray would otherwise fill thousands of them.
    this.n = Math.max(1, Math.min(256, Math.ceil(Math.sqrt(triangles / 8))));
    const pu = new Float64Array(positions.length / 3);
    const pv = new Float64Array(positions.length / 3);
    let [uLo, uHi, vLo, vHi] = [Infinity, -Infinity, Infinity, -Infinity];
    const [u, v] = [this.u, this.v];
    for (let i = 0; i < pu.length; i++) {
      const [x, y, z] = [positions[3 * i]!, positions[3 * i + 1]!, positions[3 * i + 2]!];
      const a = x * u[0] + y * u[1] + z * u[2];
      const b = x * v[0] + y * v[1] + z * v[2];
      pu[i] = a;
      pv[i] = b;
      if (a < uLo) uLo = a;
      if (a > uHi) uHi = a;
      if (b < vLo) vLo = b;
      if (b > vHi) vHi = b;
    }
    this.lo = [uLo, vLo];
    this.step = [(uHi - uLo) / this.n || 1, (vHi - vLo) / this.n || 1];
    this.cells = Array.from({ length: this.n * this.n }, (): number[] => []);
    const ranges = faces ? faces.map((f) => mesh.faceRanges[f]!) : [[0, triangles] as const];
    for (const [first, count] of ranges)
      for (let t = first; t < first + count; t++) {
        const [i0, i1, i2] = [indices[3 * t]!, indices[3 * t + 1]!, indices[3 * t + 2]!];
        // Edge-on to the ray (a wall along it): no ray along this direction can hit it.
        const area = (pu[i1]! - pu[i0]!) * (pv[i2]! - pv[i0]!) - (pu[i2]! - pu[i0]!) * (pv[i1]! - pv[i0]!);
        if (Math.abs(area) < 1e-12 * (this.step[0] * this.step[1])) continue;
        const [c0, c1] = this.range(Math.min(pu[i0]!, pu[i1]!, pu[i2]!), Math.max(pu[i0]!, pu[i1]!, pu[i2]!), 0);
        const [r0, r1] = this.range(Math.min(pv[i0]!, pv[i1]!, pv[i2]!), Math.max(pv[i0]!, pv[i1]!, pv[i2]!), 1);
        for (let i = c0; i <= c1; i++) for (let j = r0; j <= r1; j++) this.cells[i * this.n + j]!.push(t);
      }
  }

  /** Whether the ray from `origin` along the grid's direction meets any triangle beyond `minT`. */
  hits(origin: Vec3, minT: number): boolean {
    return this.distances(origin, minT, true).length > 0;
  }

  private distances(origin: Vec3, minT: number, firstOnly: boolean): number[] {
    const i = this.cell(dot(origin, this.u), 0);
    const j = this.cell(dot(origin, this.v), 1);
    if (i < 0 || j < 0) return [];
    const { positions, indices } = this.mesh;
    const vertex = (k: number): Vec3 => {
      const at = indices[k]! * 3;
      return [positions[at]!, positions[at + 1]!, positions[at + 2]!];
    };
    const out: number[] = [];
    for (const t of this.cells[i * this.n + j]!) {
      const hit = intersect(origin, this.direction, vertex(3 * t), vertex(3 * t + 1), vertex(3 * t + 2));
      if (hit === undefined || hit <= minT) continue;
      out.push(hit);
      if (firstOnly) break;
    }
    return out;
  }

  /** Cells a [lo, hi] interval covers along axis k (widened a little so edges are never missed). */
  private range(lo: number, hi: number, k: 0 | 1): [number, number] {
    const pad = this.step[k] * 1e-3;
    const clamp = (x: number) => Math.max(0, Math.min(this.n - 1, Math.floor(x)));
    return [clamp((lo - pad - this.lo[k]) / this.step[k]), clamp((hi + pad - this.lo[k]) / this.step[k])];
  }

  private cell(x: number, k: 0 | 1): number {
    const c = Math.floor((x - this.lo[k]) / this.step[k]);
    if (c < 0 || c > this.n) return -1; // outside the part's shadow: nothing to hit
    return Math.min(this.n - 1, c);
  }
}

/** Möller–Trumbore: distance along `dir` to the triangle, or undefined (parallel rays miss). */
function intersect(o: Vec3, dir: Vec3, a: Vec3, b: Vec3, c: Vec3): number | undefined {
  const e1: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const e2: Vec3 = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
  const p = cross(dir, e2);
  const det = dot(e1, p);
  if (Math.abs(det) < 1e-12 * (norm(e1) * norm(e2) || 1)) return undefined;
  const inv = 1 / det;
  const s: Vec3 = [o[0] - a[0], o[1] - a[1], o[2] - a[2]];
  const u = dot(s, p) * inv;
  if (u < 0 || u > 1) return undefined;
  const q = cross(s, e1);
  const v = dot(dir, q) * inv;
  if (v < 0 || u + v > 1) return undefined;
  return dot(e2, q) * inv;
}

function perpendicular(d: Vec3): Vec3 {
  const helper: Vec3 = Math.abs(d[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  return unit(cross(d, helper));
}
