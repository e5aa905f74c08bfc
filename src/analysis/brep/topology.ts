/**
 * Topology of the analysed shape in TopExp order: faces and edges indexed as
 * `TopExp::MapShapes` would, coedges (oriented uses of an edge by a face) grouped into loops,
 * with next/prev derived from shared vertices (explorer order is not always loop order) and
 * mate = the use of the same edge with the opposite orientation.
 */
import type { TopoDS_Edge, TopoDS_Face, TopoDS_Shape } from 'replicad-opencascadejs';
import type { Coedge, Loop } from '../result.ts';
import type { OC } from '../occt/engine.ts';
import { ShapeIndex } from '../occt/shape-index.ts';
import { Scope, withScope } from '../occt/scope.ts';

export interface Topology {
  faces: ShapeIndex<TopoDS_Face>;
  edges: ShapeIndex<TopoDS_Edge>;
  /** Orientation of each face as first met in the shape (composed down from the solid). */
  faceReversed: boolean[];
  /** Orientation of each edge as stored (its first occurrence). */
  edgeReversed: boolean[];
  coedges: Coedge[];
  /** The oriented edge of each coedge, for pcurve look-ups. */
  coedgeEdges: TopoDS_Edge[];
  loops: Loop[];
  /** Loop ids per face, outer loop first. */
  faceLoops: number[][];
  /** Coedge ids per edge. */
  edgeCoedges: number[][];
  dispose(): void;
}

export function buildTopology(oc: OC, shape: TopoDS_Shape): Topology {
  const { TopAbs_FACE, TopAbs_EDGE, TopAbs_WIRE, TopAbs_VERTEX, TopAbs_SHAPE } = oc.TopAbs_ShapeEnum;
  const REVERSED = oc.TopAbs_Orientation.TopAbs_REVERSED;
  const FORWARD = oc.TopAbs_Orientation.TopAbs_FORWARD;
  const faces = new ShapeIndex<TopoDS_Face>(oc);
  const edges = new ShapeIndex<TopoDS_Edge>(oc);
  // Vertices only number the edges' ends: kept as the explorer gives them, no cast needed.
  const vertices = new ShapeIndex<TopoDS_Shape>(oc);
  const faceReversed: boolean[] = [];
  const edgeReversed: boolean[] = [];
  const edgeEnds: [number, number][] = [];
  const coedges: Coedge[] = [];
  const coedgeEdges: TopoDS_Edge[] = [];
  const coedgeEnds: [number, number][] = [];
  const loops: Loop[] = [];
  const faceLoops: number[][] = [];
  // The oriented edge of each coedge lives as long as the topology.
  const coedgeEdgeScope = new Scope();

  withScope((s) => {
    const outer = s.track(new oc.TopExp_Explorer());
    const inner = s.track(new oc.TopExp_Explorer());
    // Edges first, in shape order: that is their TopExp index.
    for (outer.Init(shape, TopAbs_EDGE, TopAbs_SHAPE); outer.More(); outer.Next()) {
      const current = s.track(outer.Current());
      // Met once per face that uses it: only the first meeting is cast and indexed.
      const hash = edges.hash(current);
      if (edges.find(current, hash) >= 0) continue;
      const edge = oc.TopoDS.Edge(current);
      edges.add(edge, hash);
      edgeReversed.push(edge.Orientation() === REVERSED);
      // Vertices of the oriented edge: FORWARD is where it starts, REVERSED where it ends.
      let start = -1;
      let end = -1;
      for (inner.Init(edge, TopAbs_VERTEX, TopAbs_SHAPE); inner.More(); inner.Next()) {
        const v = inner.Current();
        const orientation = v.Orientation();
        const id = vertices.add(v);
        if (orientation === FORWARD && start < 0) start = id;
        else if (orientation === REVERSED && end < 0) end = id;
      }
      edgeEnds.push([start, end < 0 ? start : end]);
    }

    for (outer.Init(shape, TopAbs_FACE, TopAbs_SHAPE); outer.More(); outer.Next()) {
      const face = oc.TopoDS.Face(s.track(outer.Current()));
      const before = faces.size;
      const faceId = faces.add(face);
      if (faces.size === before) continue; // the same face met again (shared by two solids)
      faceReversed.push(face.Orientation() === REVERSED);
      faceLoops.push(walkLoops(faceId, face));
    }
  });

  function walkLoops(faceId: number, face: TopoDS_Face): number[] {
    return withScope((scope) => {
      const outerWire = scope.track(oc.BRepTools.OuterWire(face));
      const wires = scope.track(new oc.TopExp_Explorer(face, TopAbs_WIRE, TopAbs_SHAPE));
      const edgesOfWire = scope.track(new oc.TopExp_Explorer());
      const ids: number[] = [];
      for (; wires.More(); wires.Next()) {
        const wire = scope.track(wires.Current());
        const loop: Loop = { id: loops.length, face: faceId, outer: !outerWire.IsNull() && wire.IsSame(outerWire), coedges: [] };
        for (edgesOfWire.Init(wire, TopAbs_EDGE, TopAbs_SHAPE); edgesOfWire.More(); edgesOfWire.Next()) {
          const edge = coedgeEdgeScope.track(oc.TopoDS.Edge(scope.track(edgesOfWire.Current())));
          const edgeId = edges.indexOfKnown(edge);
          const reversed = edge.Orientation() === REVERSED;
          const [s, e] = edgeEnds[edgeId]!;
          // The stored edge runs start→end; a use with the other orientation runs end→start.
          coedgeEnds.push(reversed === edgeReversed[edgeId] ? [s, e] : [e, s]);
          loop.coedges.push(coedges.length);
          coedges.push({ id: coedges.length, face: faceId, edge: edgeId, loop: loop.id, reversed, next: -1, prev: -1, mate: -1 });
          coedgeEdges.push(edge);
        }
        loops.push(loop);
        if (loop.outer) ids.unshift(loop.id);
        else ids.push(loop.id);
      }
      return ids;
    });
  }

  for (const loop of loops) linkLoop(loop, coedges, coedgeEnds);
  const edgeCoedges = edges.shapes.map((): number[] => []);
  for (const c of coedges) edgeCoedges[c.edge]!.push(c.id);
  for (const uses of edgeCoedges) linkMates(uses, coedges);
  vertices.dispose();

  return {
    faces,
    edges,
    faceReversed,
    edgeReversed,
    coedges,
    coedgeEdges,
    loops,
    faceLoops,
    edgeCoedges,
    dispose() {
      faces.dispose();
      edges.dispose();
      coedgeEdgeScope.dispose();
      coedgeEdges.length = 0;
    },
  };
}

/**
 * Walks the loop from its first coedge, each step taking an unused coedge that starts where the
 * current one ends (the explorer's next one when it qualifies). The walk always visits every
 * coedge once, so next/prev form one cycle even where a loop touches itself at a vertex.
 */
function linkLoop(loop: Loop, coedges: Coedge[], ends: [number, number][]): void {
  const ids = loop.coedges;
  const unused = new Set(ids);
  const order = [ids[0]!];
  unused.delete(ids[0]!);
  while (unused.size > 0) {
    const current = order[order.length - 1]!;
    const end = ends[current]![1];
    const following = ids[(ids.indexOf(current) + 1) % ids.length]!;
    const startsAtEnd = (c: number) => ends[c]![0] === end;
    let next: number | undefined;
    if (unused.has(following) && startsAtEnd(following)) next = following;
    next ??= [...unused].find(startsAtEnd);
    next ??= unused.has(following) ? following : unused.values().next().value!;
    order.push(next);
    unused.delete(next);
  }
  order.forEach((id, i) => {
    const next = order[(i + 1) % order.length]!;
    coedges[id]!.next = next;
    coedges[next]!.prev = id;
  });
}

/** mate = the use of the same edge with the opposite orientation (-1 on an open boundary). */
function linkMates(uses: number[], coedges: Coedge[]): void {
  for (const id of uses) {
    const c = coedges[id]!;
    const mate = uses.find((o) => o !== id && coedges[o]!.reversed !== c.reversed);
    c.mate = mate ?? -1;
  }
}
