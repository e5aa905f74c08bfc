/**
 * UV-Net grids for BRepNet's checkpoint B (docs/model-inputs.md §a.5): Gf f32 [F × 7 × 10 × 10] per face and
 * Gc f32 [C × 12 × 10] per coedge, in the result's face and coedge order (the order of every
 * other BRepNet tensor). They sample the B-Rep geometry itself, so they need the live OCC shape:
 * analyze() hands the 'infer' stage a `GridSource` built on its topology, and only a model whose
 * variant is 'uvnet' calls it (the scalar-feature models never pay for the sampling).
 *
 * Not standardised. Points are in the model's frame (`gridFrame`): for 'unit-box' the part's box
 * centred on the origin and scaled so its longest side spans 2 ([-1, 1]^3, docs/model-inputs.md §a.1 step 2).
 * Normals and tangents are unit vectors, which a uniform scale leaves alone; the samples sit at
 * fractions of the parameter range or of the arc length, which the scale does not move either.
 */
import type { BRepAdaptor_Curve, BRepAdaptor_Surface, TopoDS_Edge } from 'replicad-opencascadejs';
import type { Vec3 } from '../../result.ts';
import type { OC } from '../../occt/engine.ts';
import { withScope } from '../../occt/scope.ts';
import type { Topology } from '../../brep/topology.ts';
import { lengthScale, type BrepGraphLike, type Normalization } from '../inputs/scalar-columns.ts';
import { FACE_GRID_CHANNELS, FACE_GRID_LENGTH, FACE_GRID_SIZE, faceGrid, planeFrame, type PlaneFrame } from './face-grid.ts';
import { arcLengthParams, COEDGE_GRID_CHANNELS, COEDGE_GRID_LENGTH, COEDGE_GRID_SIZE, coedgeGrid, type GridSide } from './coedge-grid.ts';

export interface UvGrids {
  faces: number;
  coedges: number;
  /** [F × 7 × 10 × 10]: x, y, z, nx, ny, nz, mask over (u, v). */
  Gf: Float32Array;
  /** [C × 12 × 10]: x, y, z, tx, ty, tz, left nx, ny, nz, right nx, ny, nz over 10 samples. */
  Gc: Float32Array;
}

/** Where grid points go: p' = (p − center) · scale. */
export interface GridFrame {
  center: Vec3;
  scale: number;
}

/** Computes a part's grids in the given frame; analyze() makes one while the B-Rep is alive. */
export type GridSource = (frame: GridFrame) => UvGrids;

export function gridShapes(g: Pick<UvGrids, 'faces' | 'coedges'>): { Gf: number[]; Gc: number[] } {
  return {
    Gf: [g.faces, FACE_GRID_CHANNELS, FACE_GRID_SIZE, FACE_GRID_SIZE],
    Gc: [g.coedges, COEDGE_GRID_CHANNELS, COEDGE_GRID_SIZE],
  };
}

/** The frame of a model's normalisation: the same scale as FaceArea/EdgeLength get (./features.ts). */
export function gridFrame(graph: BrepGraphLike, normalization: Normalization): GridFrame {
  if (normalization === 'none') return { center: [0, 0, 0], scale: 1 };
  const { min, max } = graph.part.bbox;
  return { center: [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2], scale: lengthScale(graph, normalization) };
}

export function uvGrids(oc: OC, topology: Topology, frame: GridFrame): UvGrids {
  const faces = topology.faces.shapes;
  const { coedges, coedgeEdges, loops } = topology;
  const Gf = new Float32Array(faces.length * FACE_GRID_LENGTH);
  const Gc = new Float32Array(coedges.length * COEDGE_GRID_LENGTH);
  const surfaces: (BRepAdaptor_Surface | null)[] = [];
  const curves: (BRepAdaptor_Curve | null)[] = [];
  withScope((scope) => {
    for (const face of faces) surfaces.push(oc.BRep_Tool.IsGeometric(face) ? scope.track(new oc.BRepAdaptor_Surface(face, true)) : null);
    const planes: (PlaneFrame | undefined)[] = surfaces.map((s) => (s ? planeFrame(s) : undefined));
    for (const edge of topology.edges.shapes) {
      const hasCurve = !oc.BRep_Tool.Degenerated(edge) && oc.BRep_Tool.IsGeometric(edge);
      curves.push(hasCurve ? scope.track(new oc.BRepAdaptor_Curve(edge)) : null);
    }
    faces.forEach((face, f) => {
      const edges: TopoDS_Edge[] = topology.faceLoops[f]!.flatMap((l) => loops[l]!.coedges.map((c) => coedgeEdges[c]!));
      faceGrid(oc, face, surfaces[f]!, planes[f], topology.faceReversed[f]!, edges, frame, Gf, f * FACE_GRID_LENGTH);
    });
    const side = (f: number): GridSide | undefined => {
      const surface = surfaces[f];
      const plane = planes[f];
      return surface ? { face: faces[f]!, reversed: topology.faceReversed[f]!, surface, ...(plane ? { plane } : {}) } : undefined;
    };
    const params = new Map<number, number[]>();
    for (const c of coedges) {
      const right = c.mate >= 0 ? coedges[c.mate]!.face : c.face;
      const curve = curves[c.edge]!;
      let edgeParams = params.get(c.edge);
      if (curve && !edgeParams) params.set(c.edge, (edgeParams = arcLengthParams(oc, curve)));
      coedgeGrid(oc, curve, coedgeEdges[c.id]!, c.reversed, side(c.face), side(right), frame, Gc, c.id * COEDGE_GRID_LENGTH, edgeParams);
    }
  });
  return { faces: faces.length, coedges: coedges.length, Gf, Gc };
}
