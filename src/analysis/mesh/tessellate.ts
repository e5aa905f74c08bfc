/**
 * Tessellation with a face map: OCC's mesh extractor returns one index group per B-Rep face
 * (tagged with the face's shape hash), which we map to face ids so that triangle ranges line up
 * with the B-Rep graph. Edge polylines come the same way, for drawing crisp edges.
 */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import type { Mesh } from '../result.ts';
import type { OC } from '../occt/engine.ts';
import { withScope } from '../occt/scope.ts';
import type { ShapeIndex } from '../occt/shape-index.ts';
import { AnalysisError } from '../errors.ts';

export interface Deflection {
  linear: number;
  angular: number;
}

/** Chord error relative to the part's size, as occt-import-js does: fine enough to look round. */
export function deflectionFor(bboxDiagonal: number, relative = 0.001, angular = 0.5): Deflection {
  return { linear: Math.max(bboxDiagonal * relative, 1e-4), angular };
}

export function tessellate(
  oc: OC,
  shape: TopoDS_Shape,
  faces: ShapeIndex<TopoDS_Shape>,
  edges: ShapeIndex<TopoDS_Shape>,
  deflection: Deflection,
): Mesh {
  const { positions, normals, rawIndices, groups } = withScope((s) => {
    const data = s.track(oc.ReplicadMeshExtractor.extract(shape, deflection.linear, deflection.angular, false));
    // Views over the WASM heap die with the next allocation: copy them out at once.
    const heap = oc.wasmMemory.buffer;
    return {
      positions: new Float32Array(heap, data.getVerticesPtr(), data.getVerticesSize()).slice(),
      normals: new Float32Array(heap, data.getNormalsPtr(), data.getNormalsSize()).slice(),
      rawIndices: new Uint32Array(heap, data.getTrianglesPtr(), data.getTrianglesSize()).slice(),
      groups: new Int32Array(heap, data.getFaceGroupsPtr(), data.getFaceGroupsSize()).slice(),
    };
  });
  const { indices, faceRanges } = orderByFace(rawIndices, groups, faces, 3);
  const lines = edgePolylines(oc, shape, edges, deflection);
  return {
    positions,
    normals,
    indices,
    faceRanges,
    edgePositions: lines.positions,
    edgeRanges: lines.ranges,
    linearDeflection: deflection.linear,
    angularDeflection: deflection.angular,
  };
}

function edgePolylines(oc: OC, shape: TopoDS_Shape, edges: ShapeIndex<TopoDS_Shape>, deflection: Deflection) {
  const { points, groups } = withScope((s) => {
    const data = s.track(oc.ReplicadEdgeMeshExtractor.extract(shape, deflection.linear, deflection.angular));
    const heap = oc.wasmMemory.buffer;
    return {
      points: new Float32Array(heap, data.getLinesPtr(), data.getLinesSize()).slice(),
      groups: new Int32Array(heap, data.getEdgeGroupsPtr(), data.getEdgeGroupsSize()).slice(),
    };
  });
  // Groups count points (xyz triples); regroup them per edge id like the triangles.
  const { indices, faceRanges } = orderByFace(
    Uint32Array.from({ length: points.length / 3 }, (_, i) => i),
    groups,
    edges,
    1,
  );
  const positions = new Float32Array(indices.length * 3);
  indices.forEach((p, i) => positions.set(points.subarray(p * 3, p * 3 + 3), i * 3));
  return { positions, ranges: faceRanges };
}

/**
 * Re-packs `items` (groups of `stride` entries per element) so that the elements of shape 0 come
 * first, then shape 1, ..., and returns each shape's [firstElement, elementCount]. Groups arrive as
 * [start, count, shapeHash] in entries; usually already in index order, so the hash check is cheap.
 */
function orderByFace(items: Uint32Array, groups: Int32Array, index: ShapeIndex<TopoDS_Shape>, stride: number) {
  const n = index.size;
  const groupOf = new Int32Array(n).fill(-1);
  const hashes = Array.from({ length: n }, (_, i) => index.hashOf(i));
  const byHash = new Map<number, number[]>();
  hashes.forEach((h, i) => byHash.set(h, [...(byHash.get(h) ?? []), i]));
  const claimed = new Set<number>();
  for (let g = 0; g < groups.length / 3; g++) {
    const hash = groups[g * 3 + 2]!;
    let id = g < n && hashes[g] === hash && !claimed.has(g) ? g : -1;
    if (id < 0) {
      const candidates = (byHash.get(hash) ?? []).filter((i) => !claimed.has(i));
      if (candidates.length !== 1) {
        throw new AnalysisError('INTERNAL', `Mesh group ${g} cannot be matched to a B-Rep entity (hash ${hash}).`);
      }
      id = candidates[0]!;
    }
    claimed.add(id);
    groupOf[id] = g;
  }
  const out = new Uint32Array(items.length);
  const ranges: [number, number][] = [];
  let at = 0;
  for (let id = 0; id < n; id++) {
    const g = groupOf[id]!;
    const start = g < 0 ? 0 : groups[g * 3]!;
    const count = g < 0 ? 0 : groups[g * 3 + 1]!;
    out.set(items.subarray(start, start + count), at);
    ranges.push([at / stride, count / stride]);
    at += count;
  }
  return { indices: out.subarray(0, at), faceRanges: ranges };
}
