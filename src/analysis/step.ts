/**
 * STEP bytes → the solids to analyse. Header checks come first (step-header.ts); the engine then
 * reads and transfers the file. Faces and edges that belong to no solid (reference geometry, open
 * shells, free wires) are left out, and counted, so that only machinable material is analysed.
 */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { AnalysisError } from './errors.ts';
import type { OC } from './occt/engine.ts';
import { readStepHeader, type StepHeader } from './step-header.ts';

export interface StepModel extends StepHeader {
  /** The analysed shape: the file's shape, or a compound of its solids when it carries more. */
  shape: TopoDS_Shape;
  solids: number;
  ignoredShells: number;
}

const SCRATCH_FILE = '/vectis-input.stp';

export function readStep(oc: OC, bytes: Uint8Array, maxBytes: number): StepModel {
  const header = readStepHeader(bytes, maxBytes);
  const shape = transfer(oc, bytes);
  try {
    const solids = solidsOf(oc, shape);
    if (solids.shape !== shape) shape.delete();
    return { ...header, ...solids };
  } catch (e) {
    shape.delete();
    throw e;
  }
}

function transfer(oc: OC, bytes: Uint8Array): TopoDS_Shape {
  oc.FS.writeFile(SCRATCH_FILE, bytes);
  const reader = new oc.STEPControl_Reader();
  const progress = new oc.Message_ProgressRange();
  try {
    const status = reader.ReadFile(SCRATCH_FILE);
    if (status !== oc.IFSelect_ReturnStatus.IFSelect_RetDone) {
      // The header passed its checks, so the DATA section is what the reader cannot parse: the
      // file's fault (unbalanced parentheses, unterminated strings, garbage), not the engine's.
      throw new AnalysisError('INVALID_STEP', `The STEP reader could not parse the file's DATA section (${String(status)}): it is not valid ISO 10303-21.`);
    }
    if (reader.TransferRoots(progress) === 0) {
      throw new AnalysisError('NO_SOLID', 'The file holds no shape the STEP reader could transfer.');
    }
    return reader.OneShape();
  } finally {
    // Without both clears the reader's work session keeps the whole model alive (OCCT-NOTES).
    const session = reader.WS();
    session.ClearData(5);
    session.ClearData(1);
    session.delete();
    progress.delete();
    reader.delete();
    oc.FS.unlink(SCRATCH_FILE);
  }
}

function solidsOf(oc: OC, shape: TopoDS_Shape): { shape: TopoDS_Shape; solids: number; ignoredShells: number } {
  const { TopAbs_SOLID, TopAbs_SHELL, TopAbs_FACE, TopAbs_EDGE, TopAbs_SHAPE } = oc.TopAbs_ShapeEnum;
  const solids: TopoDS_Shape[] = [];
  const explorer = new oc.TopExp_Explorer(shape, TopAbs_SOLID, TopAbs_SHAPE);
  for (; explorer.More(); explorer.Next()) solids.push(explorer.Current());
  explorer.Init(shape, TopAbs_SHELL, TopAbs_SOLID);
  let ignoredShells = 0;
  for (; explorer.More(); explorer.Next()) ignoredShells++;
  explorer.Init(shape, TopAbs_FACE, TopAbs_SHELL);
  for (; explorer.More(); explorer.Next()) ignoredShells++;
  // Free edges (reference wires, sketch lines) are not material either.
  explorer.Init(shape, TopAbs_EDGE, TopAbs_FACE);
  for (; explorer.More(); explorer.Next()) ignoredShells++;
  explorer.delete();

  if (solids.length === 0) {
    throw new AnalysisError(
      'NO_SOLID',
      ignoredShells > 0
        ? `The file holds ${ignoredShells} surface shell(s) but no closed solid: export the part as a solid body.`
        : 'The file holds no solid body.',
    );
  }
  if (!solids.some((s) => hasSurfaceFace(oc, s))) {
    for (const s of solids) s.delete();
    // A tessellated-only body (AP242 TESSELLATED_SOLID: triangles, no surfaces, no edges) has no
    // B-Rep to measure: nothing to recognise and nothing the model could take.
    throw new AnalysisError(
      'NO_SOLID',
      'The file holds only a tessellated body (a triangle mesh), no B-Rep faces to measure: export the part as a solid (B-Rep) body.',
    );
  }
  if (ignoredShells === 0) {
    for (const s of solids) s.delete();
    return { shape, solids: solids.length, ignoredShells };
  }
  const compound = new oc.TopoDS_Compound();
  const builder = new oc.TopoDS_Builder();
  builder.MakeCompound(compound);
  for (const s of solids) {
    builder.Add(compound, s);
    s.delete();
  }
  builder.delete();
  return { shape: compound, solids: solids.length, ignoredShells };
}

/** True when at least one face of the solid has a surface (a B-Rep face, not only triangles). */
function hasSurfaceFace(oc: OC, solid: TopoDS_Shape): boolean {
  const { TopAbs_FACE, TopAbs_SHAPE } = oc.TopAbs_ShapeEnum;
  const explorer = new oc.TopExp_Explorer(solid, TopAbs_FACE, TopAbs_SHAPE);
  try {
    for (; explorer.More(); explorer.Next()) {
      const current = explorer.Current();
      const face = oc.TopoDS.Face(current);
      const geometric = oc.BRep_Tool.IsGeometric(face);
      face.delete();
      current.delete();
      if (geometric) return true;
    }
    return false;
  } finally {
    explorer.delete();
  }
}
