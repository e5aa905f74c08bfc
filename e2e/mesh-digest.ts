/**
 * A digest of a mesh's arrays (FNV-1a over their bytes), computed the same way in the page and in
 * Node, so that a test compares the worker's mesh with Node's bit for bit without moving it.
 */
import type { Mesh } from '../src/analysis/index.ts';

export function meshDigest(mesh: Mesh): string {
  let h = 0x811c9dc5;
  for (const a of [mesh.positions, mesh.normals, mesh.indices, mesh.edgePositions]) {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  }
  return `${(h >>> 0).toString(16)}:${mesh.positions.length}:${mesh.indices.length}:${mesh.edgePositions.length}`;
}
