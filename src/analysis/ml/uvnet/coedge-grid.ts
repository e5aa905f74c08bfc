/**
 * One coedge's UV-Net grid (docs/model-inputs.md §a.5, occwl's EdgeDataExtractor with arc-length parameters):
 * 10 samples along the edge's 3D curve, evenly spaced in arc length, in the coedge's direction;
 * 12 channels: the point (in the model's frame), the unit tangent (negated on a REVERSED
 * coedge), the outward normal of the left face and of the right face at that point. Left is the
 * coedge's own face (it uses the edge in the coedge's orientation), right the face of its mate
 * (the same face on a seam or an open boundary). A coedge without a 3D curve (a pole) or without
 * a face surface gets zeros, as the reference's "not good" edges do.
 */
import type { BRepAdaptor_Curve, BRepAdaptor_Curve2d, BRepAdaptor_Surface, TopoDS_Edge, TopoDS_Face } from 'replicad-opencascadejs';
import type { OC } from '../../occt/engine.ts';
import { withScope } from '../../occt/scope.ts';
import { surfaceNormal, type PlaneFrame } from './face-grid.ts';
import type { GridFrame } from './uv-grids.ts';

export const COEDGE_GRID_CHANNELS = 12;
export const COEDGE_GRID_SIZE = 10;
export const COEDGE_GRID_LENGTH = COEDGE_GRID_CHANNELS * COEDGE_GRID_SIZE;

/** Samples of the polyline the reference measures arc length on. */
const ARC_LENGTH_SAMPLES = 100;

export interface GridSide {
  face: TopoDS_Face;
  reversed: boolean;
  surface: BRepAdaptor_Surface;
  /** Set on a planar face: its normal is the same everywhere, no pcurve needed. */
  plane?: PlaneFrame;
}

/**
 * Curve parameters of the 10 samples, evenly spaced in arc length (docs/model-inputs.md §a.5): the length along a
 * 100-point polyline, and the parameter interpolated inside the segment that holds each target.
 * On lines and circles arc length is proportional to the parameter, so the polyline would only
 * reproduce the even split (up to rounding): skip it there.
 */
export function arcLengthParams(oc: OC, curve: BRepAdaptor_Curve): number[] {
  const first = curve.FirstParameter();
  const last = curve.LastParameter();
  const n = COEDGE_GRID_SIZE;
  const even = Array.from({ length: n }, (_, k) => first + ((last - first) * k) / (n - 1));
  const type = String(curve.GetType());
  if (type === 'GeomAbs_Line' || type === 'GeomAbs_Circle') return even;
  const params = Array.from({ length: ARC_LENGTH_SAMPLES }, (_, m) => first + ((last - first) * m) / (ARC_LENGTH_SAMPLES - 1));
  const lengths = [0];
  withScope((s) => {
    const p = s.track(new oc.gp_Pnt());
    let prev: [number, number, number] | undefined;
    for (const t of params) {
      curve.D0(t, p);
      const here: [number, number, number] = [p.X(), p.Y(), p.Z()];
      if (prev) lengths.push(lengths[lengths.length - 1]! + Math.hypot(here[0] - prev[0], here[1] - prev[1], here[2] - prev[2]));
      prev = here;
    }
  });
  const total = lengths[lengths.length - 1]!;
  if (!(total > 0)) return even;
  let m = 0;
  return even.map((_, k) => {
    const target = (total * k) / (n - 1);
    while (m < ARC_LENGTH_SAMPLES - 2 && lengths[m + 1]! < target) m++;
    const span = lengths[m + 1]! - lengths[m]!;
    const f = span > 0 ? Math.min(1, Math.max(0, (target - lengths[m]!) / span)) : 0;
    return params[m]! + f * (params[m + 1]! - params[m]!);
  });
}

/**
 * Writes the coedge's grid into `out` at `offset`, laid out [channel][sample]. `edgeParams`: the
 * edge's `arcLengthParams`, when the caller keeps them for the edge's other use.
 */
export function coedgeGrid(
  oc: OC,
  curve: BRepAdaptor_Curve | null,
  edge: TopoDS_Edge,
  reversed: boolean,
  left: GridSide | undefined,
  right: GridSide | undefined,
  frame: GridFrame,
  out: Float32Array,
  offset: number,
  edgeParams?: readonly number[],
): void {
  if (!curve || !left || !right) return;
  // Both uses of an edge sample the same parameters, one list reversed: computed once per edge.
  const params = [...(edgeParams ?? arcLengthParams(oc, curve))];
  if (reversed) params.reverse();
  const n = COEDGE_GRID_SIZE;
  const sign = reversed ? -1 : 1;
  const { center, scale } = frame;
  withScope((s) => {
    const p = s.track(new oc.gp_Pnt());
    const d = s.track(new oc.gp_Vec());
    params.forEach((t, k) => {
      curve.D1(t, p, d);
      const derivative = [d.X(), d.Y(), d.Z()];
      const len = Math.hypot(...derivative);
      const tangent = derivative.map((x) => (len > 0 ? x / len : 0));
      const point = [p.X(), p.Y(), p.Z()];
      for (let a = 0; a < 3; a++) {
        out[offset + a * n + k] = (point[a]! - center[a]!) * scale;
        out[offset + (3 + a) * n + k] = tangent[a]! * sign + 0; // + 0: no -0 (0 · -1) in the tensor
      }
    });
  });
  sideNormals(oc, edge, left, params, out, offset + 6 * n);
  sideNormals(oc, edge, right, params, out, offset + 9 * n);
}

/** Normals of one side at the curve parameters, through the pcurve the oriented edge picks on that face. */
function sideNormals(oc: OC, edge: TopoDS_Edge, side: GridSide, params: number[], out: Float32Array, offset: number): void {
  const n = COEDGE_GRID_SIZE;
  const sign = side.reversed ? -1 : 1;
  if (side.plane) {
    for (let a = 0; a < 3; a++) out.fill(side.plane.normal[a]! * sign + 0, offset + a * n, offset + (a + 1) * n);
    return;
  }
  let pcurve: BRepAdaptor_Curve2d;
  try {
    pcurve = new oc.BRepAdaptor_Curve2d(edge, side.face);
  } catch {
    return; // no pcurve on that face (an invalid B-Rep): that side stays zero, as unresolved sides do
  }
  withScope((s) => {
    s.track(pcurve);
    const uv = s.track(new oc.gp_Pnt2d());
    const p = s.track(new oc.gp_Pnt());
    const du = s.track(new oc.gp_Vec());
    const dv = s.track(new oc.gp_Vec());
    params.forEach((t, k) => {
      pcurve.D0(t, uv);
      side.surface.D1(uv.X(), uv.Y(), p, du, dv);
      const normal = surfaceNormal(du, dv);
      for (let a = 0; a < 3; a++) out[offset + a * n + k] = normal[a]! * sign + 0;
    });
  });
}
