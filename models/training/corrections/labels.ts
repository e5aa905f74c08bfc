/**
 * A corrected analysis → per-face training labels in the generator's scheme (generate/classes.ts),
 * the `<name>.topexp_labels.json` record `npm run model:data` writes for generated parts.
 *
 * Faces start from the pipeline's own class (`faces[i].mfcadClass`, MFCAD++ ids, which are the
 * scheme's ids 0-24). Faces of every feature a correction touched are reset to stock and then
 * labelled from the estimator's view (src/analysis/corrections/apply.ts): a feature's type names a
 * class directly (any class name of the scheme: `triangular_pocket`, `counterbore`), or through
 * TYPE_CLASS for the recogniser's own types (a `hole` through or blind by its `through` param).
 * A type with no class is not guessed: the part is skipped with the reason.
 */
import { applyCorrection, startingView } from '../../../src/analysis/corrections/apply.ts';
import type { CorrectedAnalysis } from '../../../src/analysis/corrections/record.ts';
import type { CorrectedFeature } from '../../../src/analysis/corrections/schema.ts';
import { CLASS_NAMES, SCHEME, classId, type ClassName } from '../generate/classes.ts';
import type { LabelRecord } from '../generate/part.ts';

const STOCK = classId('stock');

/** The recogniser's feature types → the scheme's classes (a through/blind pair by `through`). */
const TYPE_CLASS: Record<string, ClassName | readonly [through: ClassName, blind: ClassName]> = {
  hole: ['through_hole', 'blind_hole'],
  slot: ['rectangular_through_slot', 'rectangular_blind_slot'],
  step: ['rectangular_through_step', 'rectangular_blind_step'],
  pocket: 'rectangular_pocket',
  passage: 'rectangular_passage',
  countersink: 'countersunk_hole',
  fillet: 'round',
  groove: 'Oring',
  oring_groove: 'Oring',
  turned_diameter: 'turned_profile',
  turned_face: 'turned_profile',
  taper: 'turned_profile',
};

export class UnlabelledError extends Error {}

export function classOf(f: Pick<CorrectedFeature, 'type' | 'params'>): number {
  if ((CLASS_NAMES as readonly string[]).includes(f.type)) return classId(f.type as ClassName);
  const mapped = TYPE_CLASS[f.type];
  if (mapped === undefined) throw new UnlabelledError(`type '${f.type}' has no training class (name one of: ${CLASS_NAMES.join(', ')})`);
  return typeof mapped === 'string' ? classId(mapped) : classId(f.params.through === true ? mapped[0] : mapped[1]);
}

/** The generator's record (generate/part.ts) without its generation facts, plus where it came from. */
export interface CorrectedLabelRecord extends Omit<LabelRecord, 'kind' | 'generator' | 'seed' | 'index' | 'attempt'> {
  kind: 'corrected';
  analysis_id: string;
  file_sha256: string;
  pipeline_version: string;
  model_version: string | null;
  corrections: number;
}

/** Labels of one corrected analysis; throws UnlabelledError when it cannot be labelled honestly. */
export function correctedLabels(a: CorrectedAnalysis): CorrectedLabelRecord {
  const faces = a.faces;
  if (!faces || faces.length !== a.part.faces)
    throw new UnlabelledError('the export has no per-face classes (export GET /analyses/:id answers whole)');
  const labels = faces.map((f) => f.mfcadClass ?? STOCK);
  let view = startingView(a.features);
  const touched = new Set<number>();
  for (const c of a.corrections) {
    const applied = applyCorrection(view, c, faces.length);
    for (const f of applied.before) for (const id of f.origins) touched.add(id);
    view = applied.features;
  }
  for (const f of a.features) if (touched.has(f.id)) for (const face of f.faces) labels[face] = STOCK;
  const instances = faces.map(() => 0);
  const features: { instance: number; name: string }[] = [];
  view.forEach((f, i) => {
    const changed = f.origins.length === 0 || f.origins.some((id) => touched.has(id));
    const cls = changed ? classOf(f) : undefined;
    for (const face of f.faces) {
      if (cls !== undefined) labels[face] = cls;
      instances[face] = i + 1;
    }
    features.push({ instance: i + 1, name: cls !== undefined ? CLASS_NAMES[cls]! : f.type });
  });
  return {
    source: 'vectis corrections (models/training/corrections)',
    scheme: SCHEME,
    class_names: [...CLASS_NAMES],
    note: "labels[i] is the class of the i-th face in TopExp order: the pipeline's class, replaced on corrected features by the estimator's",
    labels,
    surface: faces.map((f) => f.surface),
    instances,
    features,
    kind: 'corrected',
    analysis_id: a.id,
    file_sha256: a.file.sha256,
    pipeline_version: a.pipelineVersion,
    model_version: a.model?.version ?? null,
    corrections: a.corrections.length,
  };
}
