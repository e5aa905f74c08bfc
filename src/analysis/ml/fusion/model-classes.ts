/**
 * Our model's class names → MFCAD++ ids, the scheme of `faces[i].mfcadClass`. The first 25 are
 * MFCAD++'s own names; our four additions map as the geometric recogniser maps the same features
 * (recognize.ts): a counterbored or countersunk hole is a through hole in MFCAD++ (it has no
 * stepped-hole class, and the model's hole classes say nothing about the far end), and turned
 * faces are stock there. A name outside both lists (another model) has no MFCAD++ meaning.
 */
import { MFCADPP_CLASSES, mfcadppId } from '../../features/classes.ts';

const EXTRA_TO_MFCADPP: Readonly<Record<string, (typeof MFCADPP_CLASSES)[number]>> = {
  counterbore: 'through_hole',
  countersunk_hole: 'through_hole',
  turned_profile: 'stock',
  turned_groove: 'stock',
};

/** MFCAD++ id of a model label, or undefined when the label is not a machining class we know. */
export function mfcadppIdOfLabel(label: string): number | undefined {
  const direct = mfcadppId(label);
  if (direct >= 0) return direct;
  const mapped = EXTRA_TO_MFCADPP[label];
  return mapped === undefined ? undefined : mfcadppId(mapped);
}
