/** The 'brepnet+dihedral' edge set: an 11th column, cos between the normals of two planar faces. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../index.ts';
import { fixture } from '../../../../test/fixtures.ts';
import { edgeColumns, edgeFeatures, type BrepGraphLike } from './scalar-columns.ts';
import { brepnetInputs, tensorShapes } from './inputs.ts';

describe('dihedral edge feature', () => {
  it('adds one column, standardised as is, and leaves the other ten unchanged', async () => {
    const result = await analyze(fixture('box-with-hole.step'));
    const plain = brepnetInputs(result, { normalization: 'area' });
    const withAngle = brepnetInputs(result, { normalization: 'area', edgeFeatures: 'brepnet+dihedral' });
    const E = result.edges.length;
    expect(tensorShapes(plain).Xe).toEqual([E, 10]);
    expect(tensorShapes(withAngle).Xe).toEqual([E, 11]);
    for (let e = 0; e < E; e++) {
      expect(Array.from(withAngle.Xe.subarray(e * 11, e * 11 + 10))).toEqual(Array.from(plain.Xe.subarray(e * 10, e * 10 + 10)));
      const edge = result.edges[e]!;
      const planar = edge.faces.length === 2 && edge.faces.every((f) => result.faces[f]!.surface === 'plane');
      // A box with a drilled hole: every plane-plane edge is a right angle, the rest are 0 too.
      expect(withAngle.Xe[e * 11 + 10]).toBeCloseTo(0, 6);
      if (planar) expect(edge.convexity).toBe('convex');
    }
  });

  it('is the cosine between the outward normals of two planar faces', () => {
    const c = Math.cos((2 * Math.PI) / 3);
    const s = Math.sin((2 * Math.PI) / 3);
    const graph = {
      faces: [
        { surface: 'plane', area: 1, params: { normal: [1, 0, 0] } },
        { surface: 'plane', area: 1, params: { normal: [c, s, 0] } },
        { surface: 'cylinder', area: 1, params: { axis: [0, 0, 1] } },
      ],
      edges: [
        { curve: 'line', length: 1, convexity: 'concave', faces: [0, 1], closed: false },
        { curve: 'circle', length: 1, convexity: 'convex', faces: [0, 2], closed: true },
      ],
      coedges: [],
      part: { bbox: { min: [0, 0, 0], max: [1, 1, 1] }, area: 6 },
    } as unknown as BrepGraphLike;
    const x = edgeFeatures(graph, 1, 'brepnet+dihedral');
    expect(edgeColumns('brepnet+dihedral')).toBe(11);
    expect(x[10]).toBeCloseTo(-0.5, 12);
    expect(x[21]).toBe(0);
  });
});
