/**
 * Picking through the face map: a ray hits a triangle (BVH-accelerated, first hit only), the
 * triangle's index gives the face. `facePixel` goes the other way: a canvas pixel where face `id`
 * is visible in the current view, checked by picking at that very pixel.
 */
import { Raycaster, Vector2, Vector3, type Camera, type Mesh } from 'three';
import type { ShownPart } from '../types.ts';
import { ensureBvh } from './part-geometry.ts';

export interface PickContext {
  camera: Camera;
  canvas: HTMLCanvasElement;
  mesh: Mesh;
  faceOfTriangle: Int32Array;
  result: ShownPart;
}

/** Canvas corner kept for the view cube (it takes clicks there); CSS pixels from bottom-right. */
export const GIZMO_SIZE = 150;

const raycaster = new Raycaster();
raycaster.firstHitOnly = true;

/** Face under canvas pixel (x, y) in CSS pixels from the canvas' top-left, or null. */
export function pickFace(ctx: PickContext, x: number, y: number): number | null {
  const { width, height } = ctx.canvas.getBoundingClientRect();
  if (width === 0 || height === 0) return null;
  const ndc = new Vector2((x / width) * 2 - 1, 1 - (y / height) * 2);
  raycaster.setFromCamera(ndc, ctx.camera);
  ensureBvh(ctx.mesh.geometry);
  ctx.mesh.updateWorldMatrix(true, false);
  const hit = raycaster.intersectObject(ctx.mesh, false)[0];
  if (!hit || hit.faceIndex == null) return null;
  const face = ctx.faceOfTriangle[hit.faceIndex];
  return face === undefined || face < 0 ? null : face;
}

/**
 * A canvas pixel (CSS pixels from the canvas' top-left) inside face `id` as it is seen now, or
 * null when the face is hidden. Candidates are the centroids of its largest-on-screen triangles;
 * the first that picks back to `id` (and is not under an overlay or the view cube) wins.
 */
export function facePixel(ctx: PickContext, id: number): { x: number; y: number } | null {
  const range = ctx.result.mesh.faceRanges[id];
  if (!range) return null;
  const rect = ctx.canvas.getBoundingClientRect();
  const { positions, indices } = ctx.result.mesh;
  const [first, count] = range;
  ctx.mesh.updateWorldMatrix(true, false);
  const m = ctx.mesh.matrixWorld;
  const p = [new Vector3(), new Vector3(), new Vector3()] as const;
  const candidates: { x: number; y: number; area: number }[] = [];
  for (let t = first; t < first + count; t++) {
    for (let k = 0; k < 3; k++) {
      const v = indices[3 * t + k]!;
      p[k]!.set(positions[3 * v]!, positions[3 * v + 1]!, positions[3 * v + 2]!)
        .applyMatrix4(m)
        .project(ctx.camera);
    }
    if (p.some((q) => q.z < -1 || q.z > 1)) continue;
    const sx = p.map((q) => ((q.x + 1) / 2) * rect.width);
    const sy = p.map((q) => ((1 - q.y) / 2) * rect.height);
    const area = Math.abs((sx[1]! - sx[0]!) * (sy[2]! - sy[0]!) - (sx[2]! - sx[0]!) * (sy[1]! - sy[0]!)) / 2;
    if (area < 2) continue;
    candidates.push({ x: (sx[0]! + sx[1]! + sx[2]!) / 3, y: (sy[0]! + sy[1]! + sy[2]!) / 3, area });
  }
  candidates.sort((a, b) => b.area - a.area);
  for (const c of candidates.slice(0, 200)) {
    const x = Math.round(c.x);
    const y = Math.round(c.y);
    if (x < 2 || y < 2 || x > rect.width - 2 || y > rect.height - 2) continue;
    if (x > rect.width - GIZMO_SIZE && y > rect.height - GIZMO_SIZE) continue;
    const top = ctx.canvas.ownerDocument.elementFromPoint(rect.left + x, rect.top + y);
    if (top !== ctx.canvas) continue;
    if (pickFace(ctx, x, y) === id) return { x, y };
  }
  return null;
}
