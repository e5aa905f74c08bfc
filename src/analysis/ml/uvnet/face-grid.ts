/**
 * One face's UV-Net grid (docs/model-inputs.md §a.5, as occwl's `uvgrid` computes it for BRepNet's checkpoint B):
 * 10 × 10 samples evenly spaced over the face's parameter box `BRepTools::UVBounds`, 7 channels:
 * the surface point (in the model's frame), the unit outward normal (negated on REVERSED faces,
 * zero where it is undefined) and the trimming mask (1 strictly inside the face, else 0). The
 * parameter box covers the whole face, so samples off a trimmed face still carry the untrimmed
 * surface's points and normals; only the mask says they are off. On a REVERSED face the grid is
 * flipped along u, as the reference does.
 */
import type { BRepAdaptor_Surface, TopoDS_Edge, TopoDS_Face, gp_Vec } from 'replicad-opencascadejs';
import type { Vec3 } from '../../result.ts';
import type { OC } from '../../occt/engine.ts';
import { withScope } from '../../occt/scope.ts';
import { xyz } from '../../occt/coords.ts';
import { cross, unit } from '../../brep/vec.ts';
import { uvBoundary } from './uv-boundary.ts';
import { classifyUv } from './uv-trim.ts';
import type { GridFrame } from './uv-grids.ts';

export const FACE_GRID_CHANNELS = 7;
export const FACE_GRID_SIZE = 10;
export const FACE_GRID_LENGTH = FACE_GRID_CHANNELS * FACE_GRID_SIZE * FACE_GRID_SIZE;

/** GeomLProp_SLProps' tolerance in the reference: below it the normal is undefined (CSLib::Normal). */
const NORMAL_SIN_TOLERANCE = 1e-9;

/** Unit normal of the surface from its first derivatives, or zeros where they are (nearly) parallel or null. */
export function surfaceNormal(du: gp_Vec, dv: gp_Vec): Vec3 {
  const a: Vec3 = [du.X(), du.Y(), du.Z()];
  const b: Vec3 = [dv.X(), dv.Y(), dv.Z()];
  const n: Vec3 = [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
  const la = Math.hypot(...a);
  const lb = Math.hypot(...b);
  const ln = Math.hypot(...n);
  if (la === 0 || lb === 0 || ln <= NORMAL_SIN_TOLERANCE * la * lb) return [0, 0, 0];
  return [n[0] / ln, n[1] / ln, n[2] / ln];
}

/** A plane's parametrisation, P(u, v) = origin + u·x + v·y, as OCC evaluates it (ElSLib). */
export interface PlaneFrame {
  origin: Vec3;
  x: Vec3;
  y: Vec3;
  /** x × y: the plane's own normal (the opposite of its axis when its frame is left-handed). */
  normal: Vec3;
}

/**
 * The frame of a planar face's surface, else undefined. Planes are most faces of a machined part;
 * evaluating them here instead of through the engine saves a hundred engine calls per face.
 */
export function planeFrame(surface: BRepAdaptor_Surface): PlaneFrame | undefined {
  if (String(surface.GetType()) !== 'GeomAbs_Plane') return undefined;
  const frame = withScope((s) => {
    const pln = s.track(surface.Plane());
    const [xAxis, yAxis] = [s.track(pln.XAxis()), s.track(pln.YAxis())];
    return { origin: xyz(s.track(pln.Location())), x: xyz(s.track(xAxis.Direction())), y: xyz(s.track(yAxis.Direction())) };
  });
  return { ...frame, normal: unit(cross(frame.x, frame.y)) };
}

/**
 * Writes the face's grid into `out` at `offset`, laid out [channel][u][v]. `surface` is the
 * face's adaptor (null: no geometry, the grid stays zero); `edges` are the oriented edges of all
 * its loops, for the trimming boundary.
 */
export function faceGrid(
  oc: OC,
  face: TopoDS_Face,
  surface: BRepAdaptor_Surface | null,
  plane: PlaneFrame | undefined,
  reversed: boolean,
  edges: readonly TopoDS_Edge[],
  frame: GridFrame,
  out: Float32Array,
  offset: number,
): void {
  if (!surface) return;
  const { UMin, UMax, VMin, VMax } = oc.BRepTools.UVBounds(face, 0, 0, 0, 0);
  const boundary = uvBoundary(oc, face, edges);
  const extent = Math.max(UMax - UMin, VMax - VMin);
  const n = FACE_GRID_SIZE;
  const area = n * n; // one channel's samples
  const sign = reversed ? -1 : 1;
  const { center, scale } = frame;
  withScope((scope) => {
    const p = scope.track(new oc.gp_Pnt());
    const du = scope.track(new oc.gp_Vec());
    const dv = scope.track(new oc.gp_Vec());
    for (let i = 0; i < n; i++) {
      const s = i / (n - 1);
      // (1 − s)·min + s·max lands exactly on both bounds, which the mask must see as boundary.
      const u = (1 - s) * UMin + s * UMax;
      const row = reversed ? n - 1 - i : i;
      for (let j = 0; j < n; j++) {
        const t = j / (n - 1);
        const v = (1 - t) * VMin + t * VMax;
        let point: Vec3;
        let normal: Vec3;
        if (plane) {
          point = [0, 1, 2].map((a) => plane.origin[a]! + u * plane.x[a]! + v * plane.y[a]!) as Vec3;
          normal = plane.normal;
        } else {
          surface.D1(u, v, p, du, dv);
          point = xyz(p);
          normal = surfaceNormal(du, dv);
        }
        const at = offset + row * n + j;
        out[at] = (point[0] - center[0]) * scale;
        out[at + area] = (point[1] - center[1]) * scale;
        out[at + 2 * area] = (point[2] - center[2]) * scale;
        out[at + 3 * area] = normal[0] * sign + 0; // + 0: no -0 (0 · -1) in the tensor
        out[at + 4 * area] = normal[1] * sign + 0;
        out[at + 5 * area] = normal[2] * sign + 0;
        out[at + 6 * area] = classifyUv(boundary, u, v, extent) === 'in' ? 1 : 0;
      }
    }
  });
}
