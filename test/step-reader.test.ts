/**
 * The STEP read skips OCC's regularity pass (step.ts, `read.encoderegularity.angle` = 0): nothing
 * downstream reads the flags it sets. The control read, with OCC's default angle, shows the pass
 * does flag this part's tangent edges (fillets on a box), so the check below can see it run.
 */
import { describe, expect, it } from 'vitest';
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { free, getEngine, readStep, withScope, type OC } from '../src/analysis/index.ts';
import { fixture } from './fixtures.ts';

const FILE = 'chamfer-filleted-box.step';

/** Edges that carry a continuity flag between their faces (what EncodeRegularity writes). */
function flaggedEdges(oc: OC, shape: TopoDS_Shape): number {
  return withScope((s) => {
    const { TopAbs_EDGE, TopAbs_SHAPE } = oc.TopAbs_ShapeEnum;
    const explorer = s.track(new oc.TopExp_Explorer(shape, TopAbs_EDGE, TopAbs_SHAPE));
    let flagged = 0;
    for (; explorer.More(); explorer.Next()) {
      const edge = s.track(oc.TopoDS.Edge(s.track(explorer.Current())));
      if (oc.BRep_Tool.HasContinuity(edge)) flagged++;
    }
    return flagged;
  });
}

/** A plain STEPControl_Reader read with OCC's default regularity angle. */
function readWithRegularity(oc: OC, bytes: Uint8Array): TopoDS_Shape {
  oc.FS.writeFile('/regularity-control.stp', bytes);
  return withScope((s) => {
    const reader = s.track(new oc.STEPControl_Reader());
    oc.Interface_Static.SetRVal('read.encoderegularity.angle', 0.01);
    reader.ReadFile('/regularity-control.stp');
    reader.TransferRoots(s.track(new oc.Message_ProgressRange()));
    const shape = reader.OneShape();
    const session = s.track(reader.WS());
    session.ClearData(5);
    session.ClearData(1);
    oc.FS.unlink('/regularity-control.stp');
    return shape;
  });
}

describe('STEP reader settings', () => {
  it('skips the regularity pass, which would flag the fillets', async () => {
    const oc = await getEngine();
    const bytes = fixture(FILE);
    const control = readWithRegularity(oc, bytes);
    try {
      expect(flaggedEdges(oc, control)).toBeGreaterThan(0);
    } finally {
      free(control);
    }
    const model = readStep(oc, bytes, 100 * 1024 * 1024);
    try {
      expect(flaggedEdges(oc, model.shape)).toBe(0);
    } finally {
      free(model.shape);
    }
  });
});
