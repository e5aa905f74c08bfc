/** The comparison behind POST /verify, on features (which the fixtures may not exercise fully). */
import { describe, expect, it } from 'vitest';
import { verifyResult } from './verify.ts';

const base = () => ({
  schemaVersion: '1.2.0',
  file: { name: 'a.step', sha256: 'a'.repeat(64), bytes: 100, schema: 'AP214', units: 'mm' },
  part: {
    solids: 1,
    ignoredShells: 0,
    faces: 3,
    edges: 2,
    bbox: { min: [0, 0, 0], max: [10, 20, 30] },
    stock: [30, 20, 10],
    volume: 6000,
    area: 2200,
  },
  mesh: {
    positions: [0, 0, 0, 1, 1, 1],
    normals: [0, 0, 1, 0, 0, 1],
    indices: [0, 1, 0],
    faceRanges: [[0, 1]],
    edgePositions: [],
    edgeRanges: [],
    linearDeflection: 0.03,
    angularDeflection: 0.5,
  },
  faces: [
    {
      id: 0,
      surface: 'cylinder',
      area: 314.159,
      reversed: false,
      params: { axis: [0, 0, 1], radius: 5, internal: true },
      bbox: { min: [0, 0, 0], max: [1, 1, 1] },
      loops: [0],
    },
  ],
  edges: [],
  coedges: [],
  loops: [],
  features: [
    {
      id: 0,
      type: 'hole',
      faces: [4, 2, 9],
      params: { diameter: 10, depth: 20, through: true, standard: 'M10' },
      axis: [0, 0, -1],
      confidence: 0.97,
      method: 'geometric',
    },
    { id: 1, type: 'pocket', faces: [5], params: { width: 12.5 }, confidence: 0.81, method: 'ml', modelVersion: 'vectis-brepnet-1' },
  ],
  timings: { total: 12 },
});

function tampered(fn: (r: any) => void) {
  const r = base() as any;
  fn(r);
  return verifyResult(base(), r);
}

describe('verifyResult', () => {
  it('accepts an identical result, whatever the timings, name, face order inside a feature, and float noise', () => {
    const r = base() as any;
    r.timings = { total: 99 };
    r.file.name = 'renamed.step';
    r.features[0].faces = [9, 4, 2];
    r.features[0].params.diameter = 10 + 1e-9;
    r.features[1].confidence = 0.8104; // onnxruntime-web vs -node
    r.part.volume = 6000 * (1 + 1e-8);
    expect(verifyResult(base(), r)).toMatchObject({ verified: true, differences: [] });
  });

  it.each([
    ['feature type', (r: any) => (r.features[0].type = 'pocket'), 'features[0].type'],
    ['feature faces', (r: any) => (r.features[0].faces = [4, 2]), 'features[0].faces.length'],
    ['feature face ids', (r: any) => (r.features[0].faces = [4, 2, 8]), 'features[0].faces[2]'],
    ['feature dimension', (r: any) => (r.features[0].params.diameter = 10.01), 'features[0].params.diameter'],
    ['feature flag', (r: any) => (r.features[0].params.through = false), 'features[0].params.through'],
    ['feature text param', (r: any) => (r.features[0].params.standard = 'M12'), 'features[0].params.standard'],
    ['added feature param', (r: any) => (r.features[0].params.tolerance = 0.01), 'features[0].params.tolerance'],
    ['dropped feature param', (r: any) => delete r.features[0].params.depth, 'features[0].params.depth'],
    ['feature axis', (r: any) => (r.features[0].axis = [0, 0, 1]), 'features[0].axis[2]'],
    ['feature confidence', (r: any) => (r.features[1].confidence = 0.99), 'features[1].confidence'],
    ['feature method', (r: any) => (r.features[1].method = 'geometric'), 'features[1].method'],
    ['model version', (r: any) => (r.features[1].modelVersion = 'other'), 'features[1].modelVersion'],
    ['missing feature', (r: any) => r.features.pop(), 'features.length'],
    ['extra feature', (r: any) => r.features.push({ ...r.features[0], id: 7 }), 'features[2]'],
    ['face surface', (r: any) => (r.faces[0].surface = 'plane'), 'faces[0].surface'],
    ['face parameter', (r: any) => (r.faces[0].params.radius = 5.5), 'faces[0].params.radius'],
    ['part stock', (r: any) => (r.part.stock[0] = 31), 'part.stock[0]'],
    ['unit', (r: any) => (r.file.units = 'inch'), 'file.units'],
    ['mesh coordinates', (r: any) => (r.mesh.positions[4] = 2), 'mesh.positions[4]'],
    ['an unknown top-level claim', (r: any) => (r.price = 1), 'price'],
  ])('rejects a tampered %s', (_what, fn, path) => {
    const v = tampered(fn as (r: unknown) => void);
    expect(v.verified).toBe(false);
    expect(v.differences.map((d) => d.path)).toContain(path);
  });

  // A region the model flagged but nothing measured (ml/fusion/fuse.ts): its review flag and hint are claims too.
  const withReview = () => {
    const r = base() as any;
    r.features.push({
      id: 2,
      type: 'unrecognised',
      faces: [6, 7],
      params: {},
      confidence: 0.7,
      method: 'review',
      modelVersion: 'vectis-brepnet-1',
      hint: 'rectangular_pocket',
      needs_review: true,
    });
    return r;
  };
  it.each([
    ['review flag dropped', (r: any) => delete r.features[2].needs_review, 'features[2].needs_review'],
    ['review flag cleared', (r: any) => (r.features[2].needs_review = false), 'features[2].needs_review'],
    ['hint', (r: any) => (r.features[2].hint = 'through_hole'), 'features[2].hint'],
    ['review turned into a model feature', (r: any) => (r.features[2].method = 'ml'), 'features[2].method'],
  ])('rejects a tampered %s on a review feature', (_what, fn, path) => {
    const claimed = withReview();
    (fn as (r: unknown) => void)(claimed);
    const v = verifyResult(withReview(), claimed);
    expect(v.verified).toBe(false);
    expect(v.differences.map((d) => d.path)).toContain(path);
    expect(verifyResult(withReview(), withReview()).verified).toBe(true);
  });

  it("accepts a result sent back with the server's envelope (ids, cache, thumbnail, corrections)", () => {
    const r = base() as any;
    Object.assign(r, { analysisId: 'x', persisted: true, cache: 'hit', thumbnail_url: '/analyses/x/thumbnail.png', corrections: [{ id: 'c' }] });
    expect(verifyResult(base(), r)).toMatchObject({ verified: true, differences: [] });
  });

  it('caps the list but counts every difference', () => {
    const r = base() as any;
    r.mesh.positions = r.mesh.positions.map((x: number) => x + 1);
    Object.assign(r.part, { faces: 9, edges: 9, volume: 1, area: 1, solids: 2 });
    const v = verifyResult(base(), r, { maxDifferences: 3 });
    expect(v.differences).toHaveLength(3);
    expect(v.differenceCount).toBeGreaterThan(3);
  });
});
