/**
 * three.js geometry for one result: the shaded mesh (with a colour per vertex, repainted per face),
 * the B-Rep edge polylines as line segments, and the face map both ways (triangle → face for
 * picking, face → vertices for painting). The BVH for fast picking is built apart (ensureBvh),
 * after the part's first frame: the shaded part must not wait for what only picking needs.
 *
 * The part is Z-up (STEP) and three.js is Y-up: the part sits in a group rotated -90° about X and
 * moved so that its box centre is the world origin (good for the BVH's precision and for orbiting).
 */
import { Box3, BufferAttribute, BufferGeometry, Matrix3, Matrix4, Vector3 } from 'three';
import { MeshBVH } from 'three-mesh-bvh';
import { perfMark } from '../perf-marks.ts';
import type { ShownPart } from '../types.ts';

export interface PartGeometry {
  mesh: BufferGeometry;
  edges: BufferGeometry;
  /** Part (mm, Z-up) → world. */
  partToWorld: Matrix4;
  /** Face id of every triangle (original index order; the BVH is built indirect so that holds). */
  faceOfTriangle: Int32Array;
  /** Face id of every vertex (faces share no vertices in our meshes). */
  faceOfVertex: Int32Array;
  colors: Float32Array;
  dispose(): void;
}

export function buildPartGeometry(result: ShownPart): PartGeometry {
  perfMark('geometry-start');
  const { positions, normals, indices, faceRanges, edgePositions, edgeRanges } = result.mesh;
  const mesh = new BufferGeometry();
  mesh.setAttribute('position', new BufferAttribute(positions, 3));
  mesh.setAttribute('normal', new BufferAttribute(normals, 3));
  const colors = new Float32Array(positions.length);
  mesh.setAttribute('color', new BufferAttribute(colors, 3));
  mesh.setIndex(new BufferAttribute(indices, 1));
  mesh.computeBoundingBox();
  mesh.computeBoundingSphere();

  const triangleCount = indices.length / 3;
  const faceOfTriangle = new Int32Array(triangleCount).fill(-1);
  const faceOfVertex = new Int32Array(positions.length / 3).fill(-1);
  faceRanges.forEach(([first, count], face) => {
    for (let t = first; t < first + count && t < triangleCount; t++) {
      faceOfTriangle[t] = face;
      for (let k = 0; k < 3; k++) faceOfVertex[indices[3 * t + k]!] = face;
    }
  });

  const edges = new BufferGeometry();
  const { min, max } = result.part.bbox;
  edges.setAttribute('position', new BufferAttribute(polylinesToSegments(edgePositions, edgeRanges, result.part.bbox), 3));

  const center = new Vector3((min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2);
  const partToWorld = new Matrix4().makeRotationX(-Math.PI / 2).multiply(new Matrix4().makeTranslation(-center.x, -center.y, -center.z));
  perfMark('geometry-end');

  return {
    mesh,
    edges,
    partToWorld,
    faceOfTriangle,
    faceOfVertex,
    colors,
    // GPU buffers only: three uploads them again if the geometry is drawn again (React StrictMode
    // runs effect cleanups once on mount in development), and the BVH stays valid.
    dispose() {
      mesh.dispose();
      edges.dispose();
    },
  };
}

/**
 * Builds the mesh's BVH unless it has one. Until then three-mesh-bvh's accelerated raycast falls
 * back to testing every triangle, which gives the same hits (the same faceIndex), only slower.
 */
export function ensureBvh(mesh: BufferGeometry): void {
  if ('boundsTree' in mesh && mesh.boundsTree) return;
  perfMark('bvh-start');
  // Indirect: the index buffer keeps its order, so a hit's faceIndex is still our triangle index.
  // (Assigned untyped: drei bundles an older three-mesh-bvh whose typing of `boundsTree` differs.)
  Object.assign(mesh, { boundsTree: new MeshBVH(mesh, { indirect: true }) });
  perfMark('bvh-end');
}

/**
 * Each polyline [p0, p1, ..., pn] becomes segments (p0 p1)(p1 p2)...: one LineSegments draw call.
 * A polyline that leaves the part's box (beyond 1 % of its diagonal) is wrong data from the
 * engine (seen on NIST CTC-01: straight edges drawn to far-away points); it is left out, with a
 * warning, rather than drawn across the view.
 */
function polylinesToSegments(points: Float32Array, ranges: readonly (readonly [number, number])[], bbox: ShownPart['part']['bbox']): Float32Array {
  const { min, max } = bbox;
  const tol = 0.01 * Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]);
  const inside = (i: number) => [0, 1, 2].every((k) => points[3 * i + k]! >= min[k]! - tol && points[3 * i + k]! <= max[k]! + tol);
  const kept: (readonly [number, number])[] = [];
  const dropped: number[] = [];
  ranges.forEach(([first, count], edge) => {
    let ok = true;
    for (let i = first; i < first + count && ok; i++) ok = inside(i);
    if (ok) kept.push([first, count]);
    else dropped.push(edge);
  });
  if (dropped.length > 0) console.warn(`[vectis] ${dropped.length} edge polyline(s) outside the part box not drawn: edges ${dropped.join(', ')}`);
  let segments = 0;
  for (const [, count] of kept) segments += Math.max(0, count - 1);
  const out = new Float32Array(segments * 6);
  let o = 0;
  for (const [first, count] of kept) {
    for (let i = first; i < first + count - 1; i++) {
      out.set(points.subarray(3 * i, 3 * i + 6), o);
      o += 6;
    }
  }
  return out;
}

/** World-space box of some faces (their B-Rep boxes, through the part transform); all faces when empty. */
export function worldBoxOfFaces(result: ShownPart, partToWorld: Matrix4, faces?: readonly number[]): Box3 {
  const box = new Box3();
  const boxes = faces && faces.length > 0 ? faces.map((f) => result.faces[f]?.bbox).filter((b) => b !== undefined) : [result.part.bbox];
  const corner = new Vector3();
  for (const b of boxes) {
    for (let i = 0; i < 8; i++) {
      corner.set(i & 1 ? b.max[0] : b.min[0], i & 2 ? b.max[1] : b.min[1], i & 4 ? b.max[2] : b.min[2]).applyMatrix4(partToWorld);
      box.expandByPoint(corner);
    }
  }
  return box;
}

/** Mean vertex normal of some faces, in world space: unit length when they all face one way, ~0 for a bore. */
export function meanNormal(result: ShownPart, geom: PartGeometry, faces: readonly number[]): Vector3 {
  const wanted = new Uint8Array(result.mesh.faceRanges.length);
  for (const f of faces) if (f >= 0 && f < wanted.length) wanted[f] = 1;
  const { normals } = result.mesh;
  const sum = new Vector3();
  let count = 0;
  for (let v = 0; v < geom.faceOfVertex.length; v++) {
    if (!wanted[geom.faceOfVertex[v]!]) continue;
    sum.x += normals[3 * v]!;
    sum.y += normals[3 * v + 1]!;
    sum.z += normals[3 * v + 2]!;
    count++;
  }
  return count > 0 ? sum.divideScalar(count).applyMatrix3(new Matrix3().setFromMatrix4(geom.partToWorld)) : sum;
}
