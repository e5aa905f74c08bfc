/** The UV classifier behind the trimming mask, on hand-made boundaries (no engine). */
import { describe, expect, it } from 'vitest';
import { classifyUv } from './uv-trim.ts';

const segments = (...s: number[][]) => ({ segments: Float64Array.from(s.flat()), arcs: new Float64Array(0) });

describe('classifyUv', () => {
  // A 10 x 10 square with a 2 x 2 square hole in the middle.
  const plate = segments([0, 0, 10, 0], [10, 0, 10, 10], [10, 10, 0, 10], [0, 10, 0, 0], [4, 4, 4, 6], [4, 6, 6, 6], [6, 6, 6, 4], [6, 4, 4, 4]);

  it('inside, in the hole, outside, and on either boundary', () => {
    expect(classifyUv(plate, 2, 3, 10)).toBe('in');
    expect(classifyUv(plate, 5, 5, 10)).toBe('out');
    expect(classifyUv(plate, 12, 5, 10)).toBe('out');
    expect(classifyUv(plate, 0, 7, 10)).toBe('on');
    expect(classifyUv(plate, 10, 10 * (9 / 9), 10)).toBe('on');
    expect(classifyUv(plate, 5, 4, 10)).toBe('on');
    // Level with vertices and along edges: the first ray direction is never axis-parallel.
    expect(classifyUv(plate, -1, 0, 10)).toBe('out');
    expect(classifyUv(plate, 2, 4, 10)).toBe('in');
  });

  it('a ray through a vertex where two pcurves miss each other by 1e-15 is retried', () => {
    // Triangle whose right side stops 1.8e-15 above where the lower side starts (adjacent pcurves
    // meet only within tolerance). (0, 0) lies outside, level with that vertex: a ray along +u
    // would cross the lower side at its start and slip past the right side's end: "inside".
    const triangle = segments([20, 0, 5, 3], [5, 3, 20, 10], [20, 10, 20, 1.8e-15]);
    expect(classifyUv(triangle, 0, 0, 20)).toBe('out');
    expect(classifyUv(triangle, 15, 3, 20)).toBe('in');
  });

  it('exact arcs: a round hole, and a D shape whose circle the ray also meets outside the arc', () => {
    const square = segments([0, 0, 10, 0], [10, 0, 10, 10], [10, 10, 0, 10], [0, 10, 0, 0]).segments;
    const holed = { segments: square, arcs: Float64Array.from([5, 5, 2, 0, 2 * Math.PI, 7, 5, 7, 5]) };
    expect(classifyUv(holed, 7 - 1e-6, 5, 10)).toBe('out'); // just inside the hole's circle
    expect(classifyUv(holed, 5, 7 + 1e-6, 10)).toBe('in');
    expect(classifyUv(holed, 5 + 2 * Math.cos(1), 5 + 2 * Math.sin(1), 10)).toBe('on');
    // Right half-disc: the chord x = 0 and the arc from -π/2 over π.
    const d = { segments: Float64Array.from([0, -1, 0, 1]), arcs: Float64Array.from([0, 0, 1, -Math.PI / 2, Math.PI, 0, -1, 0, 1]) };
    expect(classifyUv(d, 0.5, 0, 1)).toBe('in');
    expect(classifyUv(d, -0.5, 0, 1)).toBe('out');
    expect(classifyUv(d, -2, 0.1, 1)).toBe('out');
    expect(classifyUv(d, Math.cos(0.3), Math.sin(0.3), 1)).toBe('on');
    expect(classifyUv(d, -Math.cos(0.3), Math.sin(0.3), 1)).toBe('out'); // on the circle, off the arc
  });

  it('an untrimmed face (no boundary) is inside everywhere', () => {
    expect(classifyUv(segments(), 1, 2, 1)).toBe('in');
  });
});
