/**
 * How far faces of revolution turn about their axis: the angle their mesh vertices cover, 360°
 * minus the widest empty gap. Tessellation puts vertices on the faces' borders, so the figure is
 * exact to the mesh's angular deflection.
 */
import type { Face, Vec3 } from '../result.ts';
import { cross, dot, norm, sub } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { DIRECTION_TOL } from './tolerance.ts';

/** Degrees that `faces` (sharing `axis` through `center`) cover about it; 0 without a mesh. */
export function sweepDegrees(graph: FaceGraph, faces: Face[], axis: Vec3, center: Vec3): number {
  const { positions, indices, faceRanges } = graph.input.mesh;
  const helper: Vec3 = Math.abs(axis[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const u = cross(axis, helper);
  const e1: Vec3 = u.map((x) => x / norm(u)) as Vec3;
  const e2 = cross(axis, e1);
  const angles: number[] = [];
  for (const f of faces) {
    const [first, count] = faceRanges[f.id]!;
    for (let t = first * 3; t < (first + count) * 3; t++) {
      const v = indices[t]! * 3;
      const d = sub([positions[v]!, positions[v + 1]!, positions[v + 2]!], center);
      angles.push(Math.atan2(dot(d, e2), dot(d, e1)));
    }
  }
  if (angles.length < 2) return 0;
  angles.sort((a, b) => a - b);
  let gap = angles[0]! + 2 * Math.PI - angles[angles.length - 1]!;
  for (let i = 1; i < angles.length; i++) gap = Math.max(gap, angles[i]! - angles[i - 1]!);
  return 360 - (gap * 180) / Math.PI;
}

/** Faces of revolution on one axis line: parallel axes, centres on that line within `tol`. */
export function coaxialFaces(faces: Face[], tol: number): boolean {
  const { axis, center } = faces[0]!.params;
  if (!axis || !center) return false;
  return faces.every(
    (f) =>
      !!f.params.axis &&
      !!f.params.center &&
      Math.abs(Math.abs(dot(f.params.axis, axis)) - 1) < DIRECTION_TOL &&
      norm(cross(sub(f.params.center, center), axis)) < tol,
  );
}
