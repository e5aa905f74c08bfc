/**
 * The face order contract: on every labelled file of the shared data set, our face count equals
 * the label count and each face's surface type equals the one recorded with the labels (which were
 * produced with TopExp order in opencascade.js 2.0), so labels[i] really belongs to face i.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../src/analysis/index.ts';
import { HAS_SHARED, SHARED_DATA, shared, sharedFiles } from './fixtures.ts';
import { expectConsistentTopology, expectFaceMapCoversEveryTriangle } from './invariants.ts';

interface Labels {
  labels: number[];
  surface?: string[];
}

const LABELLED = [
  ...sharedFiles('mfcad/dev', /\.step$/),
  ...sharedFiles('brepnet/step_examples', /\.stp$/),
  ...sharedFiles('aagnet', /^test\.step$/),
  ...sharedFiles('brepmfr_sample', /\.step$/),
];

const SURFACE_OF_LABEL: Record<string, string> = {
  Plane: 'plane',
  Cylinder: 'cylinder',
  Cone: 'cone',
  Sphere: 'sphere',
  Torus: 'torus',
  BSplineSurface: 'bspline',
  BezierSurface: 'bezier',
  SurfaceOfRevolution: 'revolution',
  SurfaceOfExtrusion: 'extrusion',
  OffsetSurface: 'offset',
};

function labelsFor(step: string): Labels {
  const path = join(SHARED_DATA, step.replace(/\.(step|stp)$/, '.topexp_labels.json'));
  return JSON.parse(readFileSync(path, 'utf8')) as Labels;
}

describe.skipIf(!HAS_SHARED)('labelled data sets (../shared/data)', () => {
  it('has the labelled files', () => {
    expect(LABELLED.length).toBeGreaterThan(150);
  });

  it.each(LABELLED)('%s: face count and surface types match the labels', async (file) => {
    const r: AnalysisResult = await analyze(shared(file), { fileName: file });
    const { labels, surface } = labelsFor(file);
    expect(r.faces.length).toBe(labels.length);
    if (surface) {
      const expected = surface.map((s) => SURFACE_OF_LABEL[s] ?? s.toLowerCase());
      expect(r.faces.map((f) => f.surfaceSource ?? f.surface)).toEqual(expected);
    }
    expectFaceMapCoversEveryTriangle(r);
    expectConsistentTopology(r);
    // Every face is meshed unless it is degenerate (no area).
    r.mesh.faceRanges.forEach(([, count], i) => {
      if (r.faces[i]!.area > 1e-9) expect(count, `face ${i} has no triangles`).toBeGreaterThan(0);
    });
  });
});
