/**
 * The thumbnail's colours: one per feature class, from the app's palette (src/app/viewer/palette.ts),
 * so a stored picture reads like the viewer's colour-by-feature. Classes take palette colours in
 * the order the app's tree lists them (regions to review first, then by name); faces no feature
 * holds are the app's neutral. A face in two features takes the first one's, as the app paints it.
 */
import { BASE_HEX, PALETTE_HEX } from '../../src/app/viewer/palette.ts';

/** The feature type the pipeline gives a region it could not name (the app's "Needs review"). */
const UNRECOGNISED = 'unrecognised';

export interface FeatureFaces {
  type: string;
  faces: readonly number[];
}

/** Feature types in the app's tree order: unrecognised first, then alphabetical. */
export function classOrder(features: readonly FeatureFaces[]): string[] {
  const types = [...new Set(features.map((f) => f.type))];
  const rank = (t: string) => (t === UNRECOGNISED ? 0 : 1);
  return types.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Three bytes (RGB) per face. */
export function faceColors(features: readonly FeatureFaces[], faceCount: number): Uint8Array {
  const out = new Uint8Array(faceCount * 3);
  const base = rgb(BASE_HEX);
  for (let f = 0; f < faceCount; f++) out.set(base, 3 * f);
  const colourOf = new Map(classOrder(features).map((type, i) => [type, rgb(PALETTE_HEX[i % PALETTE_HEX.length]!)]));
  const painted = new Uint8Array(faceCount);
  for (const feature of features) {
    const colour = colourOf.get(feature.type)!;
    for (const face of feature.faces) {
      if (!Number.isInteger(face) || face < 0 || face >= faceCount || painted[face]) continue;
      painted[face] = 1;
      out.set(colour, 3 * face);
    }
  }
  return out;
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
