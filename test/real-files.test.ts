/**
 * Real-world files: each one either analyses or fails with a typed error; none crashes the
 * process, and a failure never poisons the next analysis.
 */
import { describe, expect, it } from 'vitest';
import { analyze, isErrorCode, AnalysisError } from '../src/analysis/index.ts';
import { HAS_SHARED, fixture, shared, sharedFiles } from './fixtures.ts';

const REAL = ['fabricad', 'hierarchical-cadnet', 'misc', 'nist', 'occt-import-js', 'odd', 'pythonocc-demos'].flatMap(
  (dir) => sharedFiles(`real/${dir}`, /\.(step|stp|igs|brep)$/i),
);

/** Files whose outcome is known. */
const EXPECTED: Record<string, string> = {
  'real/odd/EMPTY_DATA_section.stp': 'EMPTY',
  'real/odd/TRUNCATED_nist_ctc_01_asme1_rd.stp': 'TRUNCATED',
  'real/pythonocc-demos/surf114.igs': 'NOT_STEP',
  'real/occt-import-js/as1_pe_203.brep': 'NOT_STEP',
  'real/pythonocc-demos/belever_gear.step': 'NO_SOLID',
};

describe.skipIf(!HAS_SHARED)('real files (../shared/data/real)', () => {
  it.each(REAL)('%s analyses or fails with a typed error', async (file) => {
    let outcome = 'OK';
    try {
      const r = await analyze(shared(file), { fileName: file });
      expect(r.part.solids).toBeGreaterThan(0);
      expect(r.faces.length).toBe(r.mesh.faceRanges.length);
      // Free edges (reference wires) are set aside with the open shells: every edge bounds a face.
      expect(r.edges.filter((e) => e.faces.length === 0)).toEqual([]);
    } catch (e) {
      expect(e).toBeInstanceOf(AnalysisError);
      expect(isErrorCode((e as AnalysisError).code)).toBe(true);
      outcome = (e as AnalysisError).code;
    }
    if (EXPECTED[file]) expect(outcome).toBe(EXPECTED[file]);
    // The engine is still healthy afterwards.
    expect((await analyze(fixture('block.step'))).part.faces).toBe(6);
  });
});
