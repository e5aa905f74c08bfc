/**
 * Plain vector maths and the sketch frame: features are drawn in 2D on a planar face (x along u,
 * y along v) and cut along -n; z > 0 is outside the material.
 */
export type V3 = readonly [number, number, number];
export type V2 = readonly [number, number];

export const add = (a: V3, b: V3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: V3, s: number): V3 => [a[0] * s, a[1] * s, a[2] * s];
export const dot = (a: V3, b: V3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
export const norm = (a: V3): number => Math.sqrt(dot(a, a));
export const unit = (a: V3): V3 => scale(a, 1 / norm(a));

/** A rectangular sketch domain [0,w]×[0,h] on a planar face, with material below it to depth t. */
export interface Frame {
  origin: V3;
  u: V3;
  v: V3;
  /** Outward normal (u × v). */
  n: V3;
  w: number;
  h: number;
  t: number;
  /** Stock faces allow features open at their edges; floors of earlier features do not. */
  open: boolean;
  /** Index of the feature whose floor this is (its tool may be intersected), or -1. */
  parent: number;
}

export function makeFrame(origin: V3, u: V3, v: V3, w: number, h: number, t: number, open = true, parent = -1): Frame {
  return { origin, u: unit(u), v: unit(v), n: unit(cross(u, v)), w, h, t, open, parent };
}

export function toWorld(f: Frame, x: number, y: number, z: number): V3 {
  return add(add(add(f.origin, scale(f.u, x)), scale(f.v, y)), scale(f.n, z));
}

/** The six outward faces of the box [0,dx]×[0,dy]×[0,dz] as sketch frames. */
export function boxFrames(dx: number, dy: number, dz: number): Frame[] {
  return [
    makeFrame([0, 0, dz], [1, 0, 0], [0, 1, 0], dx, dy, dz), // +z
    makeFrame([0, dy, 0], [1, 0, 0], [0, -1, 0], dx, dy, dz), // -z
    makeFrame([dx, 0, 0], [0, 1, 0], [0, 0, 1], dy, dz, dx), // +x
    makeFrame([0, 0, 0], [0, 0, 1], [0, 1, 0], dz, dy, dx), // -x
    makeFrame([0, dy, 0], [0, 0, 1], [1, 0, 0], dz, dx, dy), // +y
    makeFrame([0, 0, 0], [1, 0, 0], [0, 0, 1], dx, dz, dy), // -y
  ];
}

/** Rotate 2D points about (cx, cy). */
export function rotate2(points: V2[], cx: number, cy: number, angle: number): V2[] {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return points.map(([x, y]) => [cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c] as const);
}

/** Axis-aligned box in world space. */
export interface Aabb {
  min: V3;
  max: V3;
}

export function aabbOf(points: V3[]): Aabb {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const p of points) {
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k]!, p[k]!);
      max[k] = Math.max(max[k]!, p[k]!);
    }
  }
  return { min: min as unknown as V3, max: max as unknown as V3 };
}

export function aabbOverlap(a: Aabb, b: Aabb, gap: number): boolean {
  for (let k = 0; k < 3; k++) if (a.min[k]! > b.max[k]! + gap || b.min[k]! > a.max[k]! + gap) return false;
  return true;
}
