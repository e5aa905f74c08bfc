/**
 * The generator's label scheme: MFCAD++'s 25 classes with their ids unchanged (0-24, 24 = stock),
 * then our additions. Ids 0-24 mean exactly what they mean in ../shared/data (MFInstSeg/AAGNet).
 */
import { MFCADPP_CLASSES } from '../../../src/analysis/index.ts';

export const EXTRA_CLASSES = [
  'counterbore',
  'countersunk_hole',
  /** Faces of a turned (revolved) body: diameters, shoulders, tapers, faced ends. */
  'turned_profile',
  /** Radial grooves turned into a diameter (relief, circlip, O-ring grooves on a shaft). */
  'turned_groove',
] as const;

export const CLASS_NAMES = [...MFCADPP_CLASSES, ...EXTRA_CLASSES] as const;
export type ClassName = (typeof CLASS_NAMES)[number];
export const SCHEME = `vectis-${CLASS_NAMES.length}`;

export function classId(name: ClassName): number {
  return (CLASS_NAMES as readonly string[]).indexOf(name);
}
