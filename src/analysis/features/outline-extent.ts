/**
 * The extent of a curved outline along a direction, from its tessellation, to better than the
 * mesh's chords. A mesh's extreme vertex along `dir` lies up to a chord's sag inside the curve
 * (0.07 mm on a 30 mm ellipse at the default deflection), and which vertex is extreme changes when
 * the part turns. Near the extreme the curve is, to second order, its osculating circle, and two
 * vertices p, q with unit normals n, m on one circle satisfy |p - q| = ρ |n - m|; the circle's
 * extreme lies ρ (1 - |n · dir|) beyond p. Exact for arcs, far below the sag for splines.
 */
import type { Mesh, Vec3 } from '../result.ts';

type MeshView = Pick<Mesh, 'positions' | 'normals' | 'indices' | 'faceRanges' | 'linearDeflection'>;

export function outlineSpan(mesh: MeshView, faces: readonly number[], dir: Vec3): number {
  const hi = extreme(mesh, faces, dir, 1);
  const lo = extreme(mesh, faces, dir, -1);
  return Math.max(0, hi + lo);
}

/** max over the faces of sign · (x · dir), refined by the curvature at the extreme vertex. */
function extreme(mesh: MeshView, faces: readonly number[], dir: Vec3, sign: 1 | -1): number {
  const { positions: P, normals: N, indices, faceRanges } = mesh;
  const along = (v: number) => sign * (P[v * 3]! * dir[0] + P[v * 3 + 1]! * dir[1] + P[v * 3 + 2]! * dir[2]);
  let best = -Infinity;
  let bestVertex = -1;
  for (const f of faces) {
    const [first, count] = faceRanges[f]!;
    for (let k = first * 3; k < (first + count) * 3; k++) {
      const t = along(indices[k]!);
      if (t > best) [best, bestVertex] = [t, indices[k]!];
    }
  }
  if (bestVertex < 0) return best;
  // The neighbour across which the normal turns most gives the curvature at the extreme.
  const n = vec(N, bestVertex);
  const p = vec(P, bestVertex);
  let rho = 0;
  let turn = 1e-6;
  for (const f of faces) {
    const [first, count] = faceRanges[f]!;
    for (let k = first * 3; k < (first + count) * 3; k += 3) {
      const tri = [indices[k]!, indices[k + 1]!, indices[k + 2]!];
      if (!tri.includes(bestVertex)) continue;
      for (const q of tri) {
        const dn = distance(n, vec(N, q));
        if (q === bestVertex || dn <= turn) continue;
        [turn, rho] = [dn, distance(p, vec(P, q)) / dn];
      }
    }
  }
  const dotN = Math.abs(n[0] * dir[0] + n[1] * dir[1] + n[2] * dir[2]);
  const lift = rho * (1 - Math.min(1, dotN));
  // A lift beyond the chord sag is no curvature of this outline (a corner between faces): ignore it.
  return lift <= 2 * mesh.linearDeflection ? best + lift : best;
}

function vec(a: ArrayLike<number>, v: number): Vec3 {
  return [a[v * 3]!, a[v * 3 + 1]!, a[v * 3 + 2]!];
}

function distance(a: Vec3, b: Vec3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}
