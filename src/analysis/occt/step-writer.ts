/**
 * Shape → STEP AP214 bytes, the one writer for everything we generate (fixtures, training parts,
 * bench parts, the warm-up part). Reproducible: the writer stamps the wall-clock time into the
 * header's FILE_NAME, which would change every fixture on every regeneration, so the time is fixed;
 * the product may be renamed (the writer numbers its products per session otherwise).
 */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import type { OC } from './engine.ts';
import { withScope } from './scope.ts';

export interface StepWriteOptions {
  /** Length unit written into the file (OCC's `write.step.unit`); the shape is in millimetres. */
  unit?: 'MM' | 'INCH' | 'M';
  /** Names the product (PRODUCT id and name) instead of the writer's per-session numbering. */
  product?: string;
  /** Path in the engine's in-memory file system used while writing (removed afterwards). */
  scratch?: string;
}

/** The fixed header time: nothing in a STEP file we generate may depend on when it was made. */
export const FIXED_STEP_TIME = '2000-01-01T00:00:00';

export function writeStep(oc: OC, shape: TopoDS_Shape, options: StepWriteOptions = {}): Uint8Array {
  const { unit = 'MM', product, scratch = '/vectis-written.step' } = options;
  return withScope((s) => {
    // The session's first writer resets the STEP statics to their defaults as it is made, so the
    // unit is set after making it (before, the first file of a session came out in millimetres).
    const writer = s.track(new oc.STEPControl_Writer());
    oc.Interface_Static.SetCVal('write.step.unit', unit);
    const progress = s.track(new oc.Message_ProgressRange());
    const status = writer.Transfer(shape, oc.STEPControl_StepModelType.STEPControl_AsIs, true, progress);
    if (status !== oc.IFSelect_ReturnStatus.IFSelect_RetDone) throw new Error(`STEP transfer failed: ${String(status)}`);
    writer.Write(scratch);
    const text = new TextDecoder().decode(oc.FS.readFile(scratch));
    oc.FS.unlink(scratch);
    let fixed = text.replace(/^(FILE_NAME\('[^']*',')[^']*'/m, `$1${FIXED_STEP_TIME}'`);
    if (product !== undefined) fixed = fixed.replace(/PRODUCT\('[^']*',\s*'[^']*'/, `PRODUCT('${product}','${product}'`);
    return new TextEncoder().encode(fixed);
  });
}
