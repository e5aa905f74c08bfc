/**
 * B-spline faces and edges recognised as the planes, cylinders, cones and tori they are: the same
 * block built from analytic primitives and from lofts (written as B-splines) gives the same
 * features with the same dimensions, while the model still sees the written types.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult, type Feature } from '../src/analysis/index.ts';
import { faceFeatures, edgeFeatures } from '../src/analysis/ml/inputs/scalar-columns.ts';
import { HAS_SHARED, fixture, shared } from './fixtures.ts';
import { BSPLINE_FIXTURES as B } from './bspline-fixtures.ts';

/** A feature as a machinist compares two: type and dimensions to 0.001 mm (or degree). */
const described = (f: Feature) =>
  `${f.type} ${Object.entries(f.params)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${typeof v === 'number' ? v.toFixed(3) : String(v)}`)
    .join(' ')}`;

describe('B-spline faces recognised as analytic ones', () => {
  let analytic: AnalysisResult;
  let bspline: AnalysisResult;
  beforeAll(async () => {
    analytic = await analyze(fixture(B.files.analytic), { fileName: B.files.analytic });
    bspline = await analyze(fixture(B.files.bspline), { fileName: B.files.bspline });
  });

  it('the lofted block is written with B-spline faces and edges', () => {
    const written = bspline.faces.map((f) => f.surfaceSource ?? f.surface);
    expect(written.filter((s) => s === 'bspline').length).toBeGreaterThanOrEqual(10);
    expect(bspline.edges.filter((e) => e.curveSource === 'bspline').length).toBeGreaterThanOrEqual(20);
    expect(analytic.faces.every((f) => f.surfaceSource === undefined)).toBe(true);
  });

  it('every face has the analytic twin its geometry is: plane, cylinder, cone, torus', () => {
    const types = (r: AnalysisResult) => r.faces.map((f) => f.surface).sort();
    expect(types(bspline)).toEqual(types(analytic));
    expect(new Set(bspline.faces.filter((f) => f.surfaceSource).map((f) => f.surface))).toEqual(new Set(['plane', 'cylinder', 'cone', 'torus']));
  });

  it('gives the same features with the same dimensions as the analytic original', () => {
    const features = (r: AnalysisResult) => r.features.map(described).sort();
    expect(features(bspline)).toEqual(features(analytic));
    const [, , hd] = B.hole;
    const [, , cd, csd] = B.countersink;
    expect(features(bspline)).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^hole .*diameter=${hd.toFixed(3)}`))]));
    const sink = bspline.features.find((f) => f.type === 'countersink_hole')!;
    expect(sink.params.diameter).toBeCloseTo(cd, 3);
    expect(sink.params.countersink_diameter).toBeCloseTo(csd, 3);
    expect(sink.params.countersink_angle).toBeCloseTo(90, 3);
    expect(bspline.features.find((f) => f.type === 'fillet')?.params.radius).toBeCloseTo(B.edgeRadius, 3);
    const pocket = bspline.features.find((f) => f.type === 'pocket')!;
    expect(pocket.params.depth).toBeCloseTo(B.pocket[4], 3);
  });

  it('the B-spline block turned about a skew axis gives the same features and dimensions', async () => {
    const rotated = await analyze(fixture(B.files.rotated), { fileName: B.files.rotated });
    expect(rotated.faces.filter((f) => f.surfaceSource === 'bspline').length).toBe(bspline.faces.filter((f) => f.surfaceSource === 'bspline').length);
    expect(rotated.features.map(described).sort()).toEqual(analytic.features.map(described).sort());
  });

  it('B-spline edges that are circles carry their radius', () => {
    const circles = bspline.edges.filter((e) => e.curveSource === 'bspline' && e.curve === 'circle');
    const radii = new Set(circles.map((e) => e.radius!.toFixed(3)));
    expect(radii).toContain((B.hole[2] / 2).toFixed(3));
    expect(radii).toContain((B.countersink[2] / 2).toFixed(3));
  });

  it("the model's inputs keep the written types: a recognised B-spline plane is still a B-spline to it", () => {
    const rows = faceFeatures(bspline, 1);
    const cols = rows.length / bspline.faces.length;
    bspline.faces.forEach((f, i) => {
      const oneHot = [...rows.subarray(i * cols, i * cols + 5)];
      expect(oneHot.some((x) => x === 1)).toBe(f.surfaceSource === undefined);
    });
    const edgeRows = edgeFeatures(bspline, 1);
    const edgeCols = edgeRows.length / bspline.edges.length;
    bspline.edges.forEach((e, i) => {
      // Columns 7/8: non-rational / rational B-spline edge.
      if (e.curveSource === 'bspline') expect(edgeRows[i * edgeCols + 7]! + edgeRows[i * edgeCols + 8]!).toBe(1);
    });
  });
});

describe.skipIf(!HAS_SHARED)('a real export whose every edge is a B-spline (NIST FTC-06, ../shared/data)', () => {
  it('finds the holes the same part written with analytic edges gives', async () => {
    const holes = (r: AnalysisResult) =>
      r.features
        .filter((f) => f.type.endsWith('hole'))
        .map((f) => `${f.type} Ø${Number(f.params.diameter).toFixed(3)} × ${Number(f.params.depth).toFixed(3)} ×${f.params.count ?? 1}`)
        .sort();
    const bsplineEdges = await analyze(shared('real/nist/nist_ftc_06_asme1_ap242-e1.stp'));
    const analyticEdges = await analyze(shared('real/nist/nist_ftc_06_asme1_rd.stp'));
    // Every edge of the AP242 export is written as a B-spline; all but its few ellipses are lines and circles.
    expect(bsplineEdges.edges.filter((e) => e.curve !== 'degenerate').every((e) => (e.curveSource ?? e.curve) === 'bspline')).toBe(true);
    expect(bsplineEdges.edges.filter((e) => e.curveSource === 'bspline' && e.curve === 'circle').length).toBeGreaterThan(200);
    expect(holes(bsplineEdges)).toEqual(holes(analyticEdges));
    expect(holes(bsplineEdges)).toHaveLength(4);
  });
});
