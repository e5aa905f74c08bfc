/**
 * The B-Rep graph: faces, edges, coedges and loops with their geometric attributes, in TopExp
 * order. Face ids here are the ids of the mesh ranges, the ML tensors and the dataset labels.
 */
import type { BRepAdaptor_Curve, BRepAdaptor_Surface, TopoDS_Shape } from 'replicad-opencascadejs';
import type { Coedge, Edge, Face, Loop } from '../result.ts';
import type { OC } from '../occt/engine.ts';
import { Scope } from '../occt/scope.ts';
import { buildTopology, type Topology } from './topology.ts';
import { faceAttributes, type FaceAttributes } from './surface.ts';
import { edgeAttributes } from './curve.ts';
import { edgeConvexity, evalScratch, type EdgeSide } from './convexity.ts';
import { linearTolerance } from './canonical.ts';
import { diagonal, roughBoundingBox } from '../metrics.ts';

export interface BrepGraph {
  faces: Omit<Face, 'bbox'>[];
  edges: Edge[];
  coedges: Coedge[];
  loops: Loop[];
}

/** The graph plus the OCC handles later stages need (mesh groups are matched by shape hash). */
export interface BrepContext {
  graph: BrepGraph;
  topology: Topology;
  dispose(): void;
}

/**
 * `walked` is the shape's topology when the caller walked it already (analyze() meshes between
 * the walk and the attributes, since the mesh needs only the face and edge order). The context
 * returned owns the topology either way; on a failure a walked one stays the caller's to free.
 */
export function buildBrepGraph(oc: OC, shape: TopoDS_Shape, checkpoint: () => void = () => undefined, walked?: Topology): BrepContext {
  const topology = walked ?? buildTopology(oc, shape);
  const surfaces: (BRepAdaptor_Surface | null)[] = [];
  const curves: (BRepAdaptor_Curve | null)[] = [];
  // The adaptors serve this function only (convexity reads both sides of each edge).
  const adaptors = new Scope();
  try {
    checkpoint();
    // Freeform faces and edges are recognised as analytic ones to a tolerance set by the part's
    // size, worked out on the first one met (most parts have none).
    let tol: number | undefined;
    const tolerance = () => (tol ??= linearTolerance(diagonal(roughBoundingBox(oc, shape))));
    const faces = topology.faces.shapes.map((face, id) => {
      // A face without a surface (tessellated-only AP242) traps the engine if it is queried.
      const geometric = oc.BRep_Tool.IsGeometric(face);
      const adaptor = geometric ? adaptors.track(new oc.BRepAdaptor_Surface(face, true)) : null;
      surfaces.push(adaptor);
      const attrs: FaceAttributes = adaptor
        ? faceAttributes(oc, face, topology.faceReversed[id]!, adaptor, tolerance)
        : { surface: 'other', area: 0, reversed: topology.faceReversed[id]!, params: {} };
      return { id, ...attrs, loops: topology.faceLoops[id]! };
    });
    checkpoint();
    const scratch = evalScratch(oc, adaptors);
    const edges = topology.edges.shapes.map((edge, id): Edge => {
      const hasCurve = !oc.BRep_Tool.Degenerated(edge) && oc.BRep_Tool.IsGeometric(edge);
      const curve = hasCurve ? adaptors.track(new oc.BRepAdaptor_Curve(edge)) : null;
      curves.push(curve);
      const uses = topology.edgeCoedges[id]!;
      const adjacent = [...new Set(uses.map((c) => topology.coedges[c]!.face))];
      const [left, right] = sidesOf(id, uses);
      const convexity = edgeConvexity(oc, curve, topology.edgeReversed[id]!, left, right, scratch);
      return { id, ...edgeAttributes(oc, edge, curve, tolerance), convexity, faces: adjacent };
    });

    /** Left = the face using the edge in its stored orientation (docs/model-inputs.md §a.4); a lone face is both. */
    function sidesOf(edgeId: number, uses: number[]): [EdgeSide | undefined, EdgeSide | undefined] {
      const stored = topology.edgeReversed[edgeId]!;
      const leftUse = uses.find((c) => topology.coedges[c]!.reversed === stored);
      const rightUse = uses.find((c) => topology.coedges[c]!.reversed !== stored);
      const left = leftUse === undefined ? undefined : side(leftUse);
      const right = rightUse === undefined ? undefined : side(rightUse);
      return [left ?? right, right ?? left];
    }

    function side(coedgeId: number): EdgeSide | undefined {
      const c = topology.coedges[coedgeId]!;
      const surface = surfaces[c.face];
      if (!surface) return undefined;
      const attrs = faces[c.face]!;
      return {
        face: topology.faces.shapes[c.face]!,
        faceReversed: topology.faceReversed[c.face]!,
        surface,
        planeNormal: attrs.surface === 'plane' ? attrs.params.normal : undefined,
        use: topology.coedgeEdges[coedgeId]!,
      };
    }

    return {
      graph: { faces, edges, coedges: topology.coedges, loops: topology.loops },
      topology,
      dispose: () => topology.dispose(),
    };
  } catch (e) {
    if (!walked) topology.dispose();
    throw e;
  } finally {
    adaptors.dispose();
  }
}
