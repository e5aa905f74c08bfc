/**
 * Shared checks of the feature tests: run a fixture through the whole pipeline, pick features by
 * type, compare parameters to 0.01 mm, and compare a part with its rotated copy.
 */
import { expect } from 'vitest';
import { analyze, type AnalysisResult, type Feature } from '../src/analysis/index.ts';
import { fixture } from './fixtures.ts';

export const run = (name: string) => analyze(fixture(name), { fileName: name });
export const byType = (r: AnalysisResult, type: string) => r.features.filter((f) => f.type === type);

export function expectParams(feature: Feature | undefined, expected: Record<string, number | string | boolean>): void {
  expect(feature, 'feature missing').toBeDefined();
  for (const [key, value] of Object.entries(expected)) {
    if (typeof value === 'number') expect(feature!.params[key], key).toBeCloseTo(value, 2);
    else expect(feature!.params[key], key).toBe(value);
  }
}

/** Same features (type, faces, params to 0.01 mm) whatever the part's orientation. */
export function expectSameFeatures(a: AnalysisResult, b: AnalysisResult): void {
  expect(b.features.map((f) => [f.type, f.faces])).toEqual(a.features.map((f) => [f.type, f.faces]));
  a.features.forEach((f, i) => expectParams(b.features[i], f.params));
  expect(b.setups.length).toBe(a.setups.length);
  b.part.stock.forEach((size, i) => expect(size).toBeCloseTo(a.part.stock[i]!, 2));
  expect(b.part.process).toBe(a.part.process);
}
