/**
 * STEP bytes → the solids to analyse. Header checks come first (step-header.ts); the engine then
 * reads and transfers the file. Faces and edges that belong to no solid (reference geometry, open
 * shells, free wires) are left out, and counted, so that only machinable material is analysed.
 */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { AnalysisError } from './errors.ts';
import type { OC } from './occt/engine.ts';
import { free, withScope } from './occt/scope.ts';
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
    if (solids.shape !== shape) free(shape);
    return { ...header, ...solids };
  } catch (e) {
    free(shape);
    throw e;
  }
}

/**
 * Reader settings that skip work whose output nothing here reads. `read.encoderegularity.angle`
 * > 0 (OCC's default 0.01) runs BRepLib::EncodeRegularity over the transferred shape: a tangency
 * test of the two faces along every edge, only to flag smooth edges for display. Convexity is
 * computed in brep/convexity.ts and neither the mesher nor GProp reads those flags; results are
 * byte-identical without the pass, and the read costs 8-15 % less CPU (docs/benchmarks.md).
 * Set before every read: the value is process-wide, and another caller may have changed it.
 */
function skipUnusedReaderWork(oc: OC): void {
  oc.Interface_Static.SetRVal('read.encoderegularity.angle', 0);
}

function transfer(oc: OC, bytes: Uint8Array): TopoDS_Shape {
  oc.FS.writeFile(SCRATCH_FILE, bytes);
  return withScope((s) => {
    const reader = s.track(new oc.STEPControl_Reader());
    // After the reader: its construction registers the STEP settings on first use.
    skipUnusedReaderWork(oc);
    const progress = s.track(new oc.Message_ProgressRange());
    try {
      const status = reader.ReadFile(SCRATCH_FILE);
      if (status !== oc.IFSelect_ReturnStatus.IFSelect_RetDone) {
        // The header passed its checks, so the DATA section is what the reader cannot parse: the
        // file's fault (unbalanced parentheses, unterminated strings, garbage), not the engine's.
        throw new AnalysisError(
          'INVALID_STEP',
          `The STEP reader could not parse the file's DATA section (${String(status)}): it is not valid ISO 10303-21.`,
        );
      }
      if (reader.TransferRoots(progress) === 0) {
        throw new AnalysisError('NO_SOLID', 'The file holds no shape the STEP reader could transfer.');
      }
      return reader.OneShape();
    } finally {
      // Without both clears the reader's work session keeps the whole model alive (60 reads doubled the heap).
      const session = s.track(reader.WS());
      session.ClearData(5);
      session.ClearData(1);
      oc.FS.unlink(SCRATCH_FILE);
    }
  });
}

function solidsOf(oc: OC, shape: TopoDS_Shape): { shape: TopoDS_Shape; solids: number; ignoredShells: number } {
  return withScope((s) => {
    const { TopAbs_SOLID, TopAbs_SHELL, TopAbs_FACE, TopAbs_EDGE, TopAbs_SHAPE } = oc.TopAbs_ShapeEnum;
    const solids: TopoDS_Shape[] = [];
    const explorer = s.track(new oc.TopExp_Explorer(shape, TopAbs_SOLID, TopAbs_SHAPE));
    for (; explorer.More(); explorer.Next()) solids.push(s.track(explorer.Current()));
    explorer.Init(shape, TopAbs_SHELL, TopAbs_SOLID);
    let ignoredShells = 0;
    for (; explorer.More(); explorer.Next()) ignoredShells++;
    explorer.Init(shape, TopAbs_FACE, TopAbs_SHELL);
    for (; explorer.More(); explorer.Next()) ignoredShells++;
    // Free edges (reference wires, sketch lines) are not material either.
    explorer.Init(shape, TopAbs_EDGE, TopAbs_FACE);
    for (; explorer.More(); explorer.Next()) ignoredShells++;

    if (solids.length === 0) {
      throw new AnalysisError(
        'NO_SOLID',
        ignoredShells > 0
          ? `The file holds ${ignoredShells} surface shell(s) but no closed solid: export the part as a solid body.`
          : 'The file holds no solid body.',
      );
    }
    if (!solids.some((solid) => hasSurfaceFace(oc, solid))) {
      // A tessellated-only body (AP242 TESSELLATED_SOLID: triangles, no surfaces, no edges) has no
      // B-Rep to measure: nothing to recognise and nothing the model could take.
      throw new AnalysisError(
        'NO_SOLID',
        'The file holds only a tessellated body (a triangle mesh), no B-Rep faces to measure: export the part as a solid (B-Rep) body.',
      );
    }
    if (ignoredShells === 0) return { shape, solids: solids.length, ignoredShells };
    // The compound outlives this scope: the caller owns it, as it owns the file's shape.
    const compound = new oc.TopoDS_Compound();
    const builder = s.track(new oc.TopoDS_Builder());
    builder.MakeCompound(compound);
    for (const solid of solids) builder.Add(compound, solid);
    return { shape: compound, solids: solids.length, ignoredShells };
  });
}

/** True when at least one face of the solid has a surface (a B-Rep face, not only triangles). */
function hasSurfaceFace(oc: OC, solid: TopoDS_Shape): boolean {
  const { TopAbs_FACE, TopAbs_SHAPE } = oc.TopAbs_ShapeEnum;
  return withScope((s) => {
    const explorer = s.track(new oc.TopExp_Explorer(solid, TopAbs_FACE, TopAbs_SHAPE));
    for (; explorer.More(); explorer.Next()) {
      const current = s.track(explorer.Current());
      const face = s.track(oc.TopoDS.Face(current));
      if (oc.BRep_Tool.IsGeometric(face)) return true;
    }
    return false;
  });
}
