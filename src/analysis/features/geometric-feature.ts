/** Every recogniser family's find becomes a result feature the same way. */
import type { Feature, Vec3 } from '../result.ts';

/** What a family found. */
export interface Found {
  type: string;
  faces: number[];
  params: Feature['params'];
  axis?: Vec3 | undefined;
}

/** The find as a feature (keys in the schema's order; no axis key without one). Geometry measured it: confidence 1. */
export function geometricFeature(found: Found): Omit<Feature, 'id'> {
  const { type, faces, params, axis } = found;
  return { type, faces, params, ...(axis ? { axis } : {}), confidence: 1, method: 'geometric' };
}
