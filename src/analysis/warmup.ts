/**
 * One analysis of a small generated part (a block with a hole, written to STEP by the engine
 * itself) as soon as a host starts. The first read in a fresh engine pays for lazy WASM
 * compilation and OCC's one-time initialisations (a cold first file takes 2-4x as long); a
 * warmed host hands none of that to the customer's first file.
 *
 * With a model, its onnxruntime (another large WASM module) and session start at the same time as
 * the engine, and the warm-up part runs through the 'infer' stage too: in the browser that first
 * model load takes seconds, which would otherwise land on the first file.
 */
import { analyze } from './analyze.ts';
import { isSession, type ModelOption } from './ml/infer.ts';
import { loadModel } from './ml/session.ts';
import { getEngine } from './occt/engine.ts';

export async function warmUp(options: { model?: ModelOption } = {}): Promise<void> {
  const { model } = options;
  // Sessions are cached by source, so analyze() below (and the customer's file) reuse this one.
  if (model !== undefined && !isSession(model)) loadModel(model).catch(() => undefined);
  const oc = await getEngine();
  const box = new oc.BRepPrimAPI_MakeBox(new oc.gp_Pnt(0, 0, 0), 40, 30, 20);
  const axes = new oc.gp_Ax2(new oc.gp_Pnt(20, 15, -1), new oc.gp_Dir(0, 0, 1));
  const hole = new oc.BRepPrimAPI_MakeCylinder(axes, 5, 22);
  const cut = new oc.BRepAlgoAPI_Cut(box.Solid(), hole.Shape(), new oc.Message_ProgressRange());
  const writer = new oc.STEPControl_Writer();
  const path = '/vectis-warmup.step';
  try {
    writer.Transfer(cut.Shape(), oc.STEPControl_StepModelType.STEPControl_AsIs, true, new oc.Message_ProgressRange());
    writer.Write(path);
    const bytes = oc.FS.readFile(path);
    oc.FS.unlink(path);
    await analyze(bytes, { fileName: 'warmup.step', model });
  } catch {
    // A failed warm-up only means a colder first analysis.
  } finally {
    for (const o of [writer, cut, hole, axes, box]) o.delete();
  }
}
