/**
 * Class ids of the public data sets, for evaluation and for the ML model's outputs.
 *
 * MFCAD++ (25 classes) is the reference scheme: `faces[i].mfcadClass` uses these ids.
 *
 * MFCAD (16 classes): the order the data set's README prints (and copied into the
 * `class_names` of the mfcad `*.topexp_labels.json` files) does NOT match the labels. Measured on
 * mfcad/dev: label 0 faces are single slanted faces with only convex edges (chamfers); labels 9, 10
 * and 11 each have exactly one face per feature whose edges are all concave (pocket floors) with
 * 3, 4 and 6 walls. The geometry fits MFCAD++'s order with its circular classes removed, which is
 * MFCAD_CLASSES below. Map MFCAD labels through this list, never through the files' class_names.
 */
export const MFCADPP_CLASSES = [
  'chamfer',
  'through_hole',
  'triangular_passage',
  'rectangular_passage',
  '6sides_passage',
  'triangular_through_slot',
  'rectangular_through_slot',
  'circular_through_slot',
  'rectangular_through_step',
  '2sides_through_step',
  'slanted_through_step',
  'Oring',
  'blind_hole',
  'triangular_pocket',
  'rectangular_pocket',
  '6sides_pocket',
  'circular_end_pocket',
  'rectangular_blind_slot',
  'v_circular_end_blind_slot',
  'h_circular_end_blind_slot',
  'triangular_blind_step',
  'circular_blind_step',
  'rectangular_blind_step',
  'round',
  'stock',
] as const;
export type MfcadppClass = (typeof MFCADPP_CLASSES)[number];
export const STOCK_CLASS = MFCADPP_CLASSES.indexOf('stock');

/** The true meaning of MFCAD's 16 label ids (see above). */
export const MFCAD_CLASSES = [
  'chamfer',
  'triangular_passage',
  'rectangular_passage',
  '6sides_passage',
  'triangular_through_slot',
  'rectangular_through_slot',
  'rectangular_through_step',
  '2sides_through_step',
  'slanted_through_step',
  'triangular_pocket',
  'rectangular_pocket',
  '6sides_pocket',
  'rectangular_blind_slot',
  'triangular_blind_step',
  'rectangular_blind_step',
  'stock',
] as const satisfies readonly MfcadppClass[];

/** MFCAD label id → MFCAD++ id. */
export const MFCAD_TO_MFCADPP: readonly number[] = MFCAD_CLASSES.map((name) => MFCADPP_CLASSES.indexOf(name));

export function mfcadppId(name: string): number {
  return (MFCADPP_CLASSES as readonly string[]).indexOf(name);
}
