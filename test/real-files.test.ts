/**
 * Real-world files, each with its outcome pinned: the part it yields (solids, faces, reference
 * shells set aside) or the exact typed error. A change of outcome, a file nobody pinned, or an
 * INTERNAL error (a failure we did not classify) fails the test. After every file, failure or
 * not, the engine still analyses a fixture: no file poisons the next analysis.
 */
import { describe, expect, it } from 'vitest';
import { analyze, isErrorCode, AnalysisError } from '../src/analysis/index.ts';
import { HAS_SHARED, fixture, shared, sharedFiles } from './fixtures.ts';

const DIRS = ['fabricad', 'hierarchical-cadnet', 'misc', 'nist', 'occt-import-js', 'odd', 'pythonocc-demos'];
const REAL = DIRS.flatMap((dir) => sharedFiles(`real/${dir}`, /\.(step|stp|igs|brep)$/i));

type Part = { solids: number; faces: number; ignoredShells: number };

/**
 * Measured with OCCT 8 (replicad-opencascadejs); keys are paths under ../shared/data/real.
 * Face counts follow the exporter, not the part (NIST CTC-01 is 139 faces from AP203, 117 from
 * AP242); `ignoredShells` are open shells of reference geometry that belong to no solid.
 */
const OUTCOME: Record<string, Part | string> = {
  'fabricad/geometry_00000000.STEP': { solids: 1, faces: 20, ignoredShells: 0 },
  'fabricad/geometry_00000002.STEP': { solids: 2, faces: 50, ignoredShells: 0 },
  'fabricad/geometry_00000004.STEP': { solids: 1, faces: 18, ignoredShells: 0 },
  'fabricad/geometry_00000006.STEP': { solids: 1, faces: 38, ignoredShells: 0 },
  'fabricad/geometry_00000008.STEP': { solids: 1, faces: 16, ignoredShells: 0 },
  'fabricad/geometry_00000010.STEP': { solids: 5, faces: 63, ignoredShells: 0 },
  'fabricad/geometry_00000012.STEP': { solids: 1, faces: 22, ignoredShells: 0 },
  'fabricad/geometry_00000014.STEP': { solids: 1, faces: 17, ignoredShells: 0 },
  'fabricad/geometry_00000016.STEP': { solids: 1, faces: 15, ignoredShells: 0 },
  'fabricad/geometry_00000018.STEP': { solids: 1, faces: 30, ignoredShells: 0 },
  'fabricad/geometry_00000020.STEP': { solids: 1, faces: 28, ignoredShells: 0 },
  'fabricad/geometry_00000022.STEP': { solids: 1, faces: 34, ignoredShells: 0 },
  'fabricad/geometry_00000024.STEP': { solids: 5, faces: 58, ignoredShells: 0 },
  'hierarchical-cadnet/004-15944-2_pressure_plate_MT09_18.step': { solids: 1, faces: 669, ignoredShells: 0 },
  'hierarchical-cadnet/sheetMetal.step': { solids: 1, faces: 152, ignoredShells: 0 },
  'misc/occwl_example.stp': { solids: 1, faces: 141, ignoredShells: 0 },
  'nist/nist_ctc_01_asme1_ap203.stp': { solids: 1, faces: 139, ignoredShells: 78 },
  'nist/nist_ctc_01_asme1_ap242-e1.stp': { solids: 1, faces: 117, ignoredShells: 0 },
  'nist/nist_ctc_01_asme1_rd.stp': { solids: 1, faces: 139, ignoredShells: 78 },
  'nist/nist_ctc_03_asme1_ap242-e2.stp': { solids: 1, faces: 120, ignoredShells: 86 },
  'nist/nist_ctc_03_asme1_rc.stp': { solids: 1, faces: 139, ignoredShells: 87 },
  'nist/nist_ctc_05_asme1_ap242-e1.stp': { solids: 1, faces: 156, ignoredShells: 9 },
  'nist/nist_ctc_05_asme1_rd.stp': { solids: 1, faces: 208, ignoredShells: 6 },
  'nist/nist_ftc_06_asme1_ap242-e1.stp': { solids: 1, faces: 187, ignoredShells: 32 },
  'nist/nist_ftc_06_asme1_rd.stp': { solids: 1, faces: 144, ignoredShells: 73 },
  'nist/nist_ftc_07_asme1_rd.stp': { solids: 1, faces: 269, ignoredShells: 0 },
  'occt-import-js/as1-oc-214.stp': { solids: 18, faces: 160, ignoredShells: 0 },
  'occt-import-js/as1-tu-203.stp': { solids: 18, faces: 160, ignoredShells: 0 },
  'occt-import-js/as1_pe_203.brep': 'NOT_STEP',
  'occt-import-js/as1_pe_203.stp': { solids: 18, faces: 160, ignoredShells: 32 },
  'occt-import-js/conical-surface.step': { solids: 1, faces: 5, ignoredShells: 0 },
  'occt-import-js/cube-in.step': { solids: 1, faces: 6, ignoredShells: 0 },
  'occt-import-js/rounded-cube.step': { solids: 1, faces: 7, ignoredShells: 0 },
  'odd/EMPTY_DATA_section.stp': 'EMPTY',
  'odd/TRUNCATED_nist_ctc_01_asme1_rd.stp': 'TRUNCATED',
  'odd/brepnet_issue16_21256_997bab67_0078_2.step': { solids: 3, faces: 104, ignoredShells: 0 },
  'odd/occwl_AVoid.stp': { solids: 1, faces: 12, ignoredShells: 0 },
  'odd/occwl_ManyBodies.stp': { solids: 4, faces: 28, ignoredShells: 0 },
  'pythonocc-demos/belever_gear.step': 'NO_SOLID',
  'pythonocc-demos/face_recognition_sample_part.stp': { solids: 1, faces: 23, ignoredShells: 15 },
  'pythonocc-demos/surf114.igs': 'NOT_STEP',
};

async function outcomeOf(file: string): Promise<Part | string> {
  try {
    const r = await analyze(shared(file), { fileName: file });
    expect(r.faces.length).toBe(r.mesh.faceRanges.length);
    // Free edges (reference wires) are set aside with the open shells: every edge bounds a face.
    expect(r.edges.filter((e) => e.faces.length === 0)).toEqual([]);
    return { solids: r.part.solids, faces: r.part.faces, ignoredShells: r.part.ignoredShells };
  } catch (e) {
    if (!(e instanceof AnalysisError)) throw e;
    expect(isErrorCode(e.code)).toBe(true);
    return e.code;
  }
}

describe('pinned outcomes', () => {
  it('name only typed errors we classify (never INTERNAL)', () => {
    const codes = Object.values(OUTCOME).filter((o): o is string => typeof o === 'string');
    for (const code of codes) expect(isErrorCode(code) && code !== 'INTERNAL', code).toBe(true);
  });
});

describe.skipIf(!HAS_SHARED)('real files (../shared/data/real)', () => {
  it('every file there has a pinned outcome, and every pinned file is there', () => {
    expect(REAL.map((f) => f.slice('real/'.length)).sort()).toEqual(Object.keys(OUTCOME).sort());
  });

  it.each(REAL)('%s has its pinned outcome', async (file) => {
    const outcome = await outcomeOf(file);
    expect(outcome).not.toBe('INTERNAL');
    expect(outcome).toEqual(OUTCOME[file.slice('real/'.length)]);
    // The engine is still healthy afterwards.
    expect((await analyze(fixture('block.step'))).part.faces).toBe(6);
  });
});
