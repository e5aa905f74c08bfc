/** Eigen-decomposition of a symmetric 3×3 matrix (cyclic Jacobi), for axis and plane fits. */
import type { Vec3 } from '../result.ts';

export type Sym3 = [[number, number, number], [number, number, number], [number, number, number]];

export interface Eigen3 {
  /** Eigenvalues, smallest first. */
  values: Vec3;
  /** Unit eigenvectors in the same order. */
  vectors: [Vec3, Vec3, Vec3];
}

export function eigenSym3(m: Sym3): Eigen3 {
  // Row-major 3×3 in flat arrays: a is diagonalised in place, v gathers the rotations.
  const a = m.flat();
  const v = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  const at = (x: number[], i: number, j: number) => x[i * 3 + j]!;
  const set = (x: number[], i: number, j: number, value: number) => (x[i * 3 + j] = value);
  for (let sweep = 0; sweep < 50; sweep++) {
    if (Math.abs(at(a, 0, 1)) + Math.abs(at(a, 0, 2)) + Math.abs(at(a, 1, 2)) < 1e-300) break;
    for (const [p, q] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      const apq = at(a, p, q);
      if (Math.abs(apq) < 1e-300) continue;
      const theta = (at(a, q, q) - at(a, p, p)) / (2 * apq);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1);
      const s = t * c;
      for (let k = 0; k < 3; k++) {
        const [akp, akq] = [at(a, k, p), at(a, k, q)];
        set(a, k, p, c * akp - s * akq);
        set(a, k, q, s * akp + c * akq);
      }
      for (let k = 0; k < 3; k++) {
        const [apk, aqk] = [at(a, p, k), at(a, q, k)];
        set(a, p, k, c * apk - s * aqk);
        set(a, q, k, s * apk + c * aqk);
      }
      for (let k = 0; k < 3; k++) {
        const [vkp, vkq] = [at(v, k, p), at(v, k, q)];
        set(v, k, p, c * vkp - s * vkq);
        set(v, k, q, s * vkp + c * vkq);
      }
    }
  }
  const order = [0, 1, 2].sort((i, j) => at(a, i, i) - at(a, j, j));
  return {
    values: order.map((i) => at(a, i, i)) as Vec3,
    vectors: order.map((i): Vec3 => [at(v, 0, i), at(v, 1, i), at(v, 2, i)]) as [Vec3, Vec3, Vec3],
  };
}

/** Σ (x − mean)(x − mean)ᵀ of a point or direction set, with its mean. */
export function scatter(xs: readonly Vec3[]): { mean: Vec3; matrix: Sym3 } {
  const mean: Vec3 = [0, 0, 0];
  for (const x of xs) for (let k = 0; k < 3; k++) mean[k] = mean[k]! + x[k]! / xs.length;
  const m = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (const x of xs) {
    const d = [x[0] - mean[0], x[1] - mean[1], x[2] - mean[2]];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) m[i * 3 + j] = m[i * 3 + j]! + d[i]! * d[j]!;
  }
  return { mean, matrix: sym3(m) };
}

/** A row-major flat 9-array as a Sym3. */
export function sym3(m: readonly number[]): Sym3 {
  return [
    [m[0]!, m[1]!, m[2]!],
    [m[3]!, m[4]!, m[5]!],
    [m[6]!, m[7]!, m[8]!],
  ];
}
