/**
 * Face colours: a calm neutral for the part, muted palette colours per feature (colour-by-feature),
 * blue for the selection, an amber tint under the pointer. Painting writes one colour per face
 * into the vertex colours; it is cheap enough (one pass over the vertices) to redo on every change.
 */
import { Color } from 'three';
import type { Tree } from '../tree.ts';
import { BASE_HEX, PALETTE_HEX } from './palette.ts';

export const BASE = new Color(BASE_HEX);
export const SELECTED = new Color('#2563eb');
export const SELECTED_SOFT = new Color('#86a8ee');
const HOVER = new Color('#f2b134');
const WHITE = new Color('#ffffff');

export const PALETTE = PALETTE_HEX.map((c) => new Color(c));

export function paletteColor(index: number): Color {
  return PALETTE[index % PALETTE.length]!;
}

export interface PaintState {
  tree: Tree | null;
  colorByFeature: boolean;
  /** Faces of the selection; the first one strongest when a single face was picked. */
  highlighted: readonly number[];
  primaryFace: number | null;
  hovered: readonly number[];
}

export function paint(colors: Float32Array, faceOfVertex: Int32Array, faceCount: number, s: PaintState): void {
  const face = new Float32Array(faceCount * 3);
  const c = new Color();
  for (let f = 0; f < faceCount; f++) {
    const item = s.colorByFeature ? s.tree?.itemOfFace[f] : null;
    c.copy(item != null ? paletteColor(s.tree!.items.get(item)?.color ?? 0) : BASE);
    face[3 * f] = c.r;
    face[3 * f + 1] = c.g;
    face[3 * f + 2] = c.b;
  }
  const set = (f: number, col: Color) => {
    if (f < 0 || f >= faceCount) return;
    face[3 * f] = col.r;
    face[3 * f + 1] = col.g;
    face[3 * f + 2] = col.b;
  };
  for (const f of s.highlighted) set(f, s.primaryFace === null || f === s.primaryFace ? SELECTED : SELECTED_SOFT);
  const selected = new Set(s.highlighted);
  for (const f of s.hovered) {
    if (f < 0 || f >= faceCount) continue;
    // Amber over the plain part; a selected face only brightens, so it stays clearly blue.
    c.setRGB(face[3 * f]!, face[3 * f + 1]!, face[3 * f + 2]!).lerp(selected.has(f) ? WHITE : HOVER, selected.has(f) ? 0.25 : 0.45);
    set(f, c);
  }
  for (let v = 0; v < faceOfVertex.length; v++) {
    const f = faceOfVertex[v]!;
    if (f < 0) continue;
    colors[3 * v] = face[3 * f]!;
    colors[3 * v + 1] = face[3 * f + 1]!;
    colors[3 * v + 2] = face[3 * f + 2]!;
  }
}
