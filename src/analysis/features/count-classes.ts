/**
 * How our features count in MFCAD-VLM's 16 feature classes (Khan, Chen et al., arXiv:2411.02810;
 * the benchmark's README): the unit an estimator counts, per part and class.
 *
 * The benchmark counts what a person sees, not faces or CAD operations, so the mapping is:
 * - one unit per feature we report, and `params.count` units for a pattern of equal holes or slots
 *   (experts count each of six equal holes: "Hole 6");
 * - a repeated tooth profile (`gear`, `spline`) is one Gear Teeth, whatever its tooth count;
 * - the part as a whole: a `sheet` (the one feature of a sheet-metal part) is one Sheet Metal
 *   Features; a
 *   `pipe` feature (a tube-shaped body) is one Pipe / Tube;
 * - what describes the stock rather than a machined region counts nothing: a turned part's outside
 *   diameters and end faces (`turned_diameter`, `turned_face`) are its bar, a sheet's `bend`s are
 *   part of its one Sheet Metal Features;
 * - `unrecognised` regions (no dimensions, `needs_review`) count nothing: an estimator cannot
 *   price them;
 * - the model's features (`method: 'ml'`) count as the product reports them: by our type where it
 *   measured them, else by their MFCAD++ class name; `unrecognised` regions (`method: 'review'`)
 *   count nothing.
 * - what an estimator does not count apart (count-units.ts): edge breaks (also rounds, and
 *   engraved marks: count-marks.ts), the pieces of one
 *   modelled threaded hole beyond one hole and one thread, the steps of a counterbored slot; and
 *   what it does: a turned part's axial bore of a drill's size is a hole, the long body standing
 *   out of its flange or collar a boss or, bored wider than a drill, a pipe (count-turned.ts), a
 *   shallow taper one Draft per tapered wall (count-drafts.ts), each shoulder along a spigot one
 *   Step, a blend inside its axial bore part of the bore (count-bore-blends.ts); an ear drawn in a plate's outline
 *   a boss, the steps beside it none (count-ears.ts); a gusset's web
 *   (count-gussets.ts) is one Gusset, and the cut the recogniser reads beside it none.
 * Grooves have no class of their own: a groove turned in an outside is a Neck (the benchmark's
 * recess on a turned part), a groove inside a bore part of its hole, an O-ring groove in a flat
 * face a Slot (a channel cut along a path).
 */
import type { Feature } from '../result.ts';
import type { MfcadppClass } from './classes.ts';
import { edgeBreaks, stackedSlots, threadedHoleUnits, turnedBoreCount, type CountedResult } from './count-units.ts';
import { findGussets } from './count-gussets.ts';
import { finishMarks } from './count-marks.ts';
import { turnedSpigots } from './count-turned.ts';
import { turnedDraftCount } from './count-drafts.ts';
import { findEars } from './count-ears.ts';
import { weldment } from './count-bodies.ts';
import { boreBlends } from './count-bore-blends.ts';

/** The benchmark's class names, exactly as its annotation files spell them. */
export const COUNT_CLASSES = [
  'Hole (Through / Blind Hole)',
  'Slot (Through / Blind / T-Slot / Dovetail)',
  'Step (Through / Blind Step)',
  'Pocket (Blind / Through / Circular End Pocket)',
  'Chamfer / Bevel (Sharp Edge)',
  'Fillet / Round (Concave / Convex)',
  'Threaded Feature',
  'Gear Teeth',
  'Neck',
  'Pipe / Tube',
  'Boss (Circular / Obround / Irregular / Rectangular, etc)',
  'Freeform Features (Depression, Protrusion)',
  'Rib',
  'Gusset',
  'Draft',
  'Sheet Metal Features',
] as const;
export type CountClass = (typeof COUNT_CLASSES)[number];

/** Short names for tables (the part of the benchmark's name before any parenthesis). */
export function shortName(c: CountClass): string {
  return c.replace(/\s*\(.*$/, '');
}

/** A benchmark name (full or short, any case) → its class; undefined for names not in the list. */
export function countClassNamed(name: string): CountClass | undefined {
  const key = name.trim().toLowerCase();
  return COUNT_CLASSES.find((c) => c.toLowerCase() === key || shortName(c).toLowerCase() === key);
}

const [HOLE, SLOT, STEP, POCKET, CHAMFER, FILLET, THREAD, GEAR, NECK, PIPE, BOSS, , , GUSSET, DRAFT, SHEET] = COUNT_CLASSES;

/** Our geometric feature types. Types absent here (stock descriptions, unrecognised) count nothing. */
const GEOMETRIC: Record<string, CountClass> = {
  hole: HOLE,
  counterbore_hole: HOLE,
  countersink_hole: HOLE,
  counterdrill_hole: HOLE,
  slot: SLOT,
  oring_groove: SLOT,
  step: STEP,
  pocket: POCKET,
  passage: POCKET,
  chamfer: CHAMFER,
  fillet: FILLET,
  thread: THREAD,
  gear: GEAR,
  spline: GEAR,
  groove: NECK,
  pipe: PIPE,
  boss: BOSS,
  draft: DRAFT,
  // A sheet-metal part is one Sheet Metal Features to the benchmark, however many bends it has.
  sheet: SHEET,
};

/**
 * The model's classes (its features' types): MFCAD++'s, then the shipped model's own
 * (models/README.md); `turned_profile` is a turned body's outline, background like `stock`.
 */
const MODEL: Record<Exclude<MfcadppClass, 'stock'> | 'counterbore' | 'countersunk_hole' | 'turned_groove', CountClass> = {
  chamfer: CHAMFER,
  through_hole: HOLE,
  blind_hole: HOLE,
  triangular_passage: POCKET,
  rectangular_passage: POCKET,
  '6sides_passage': POCKET,
  triangular_pocket: POCKET,
  rectangular_pocket: POCKET,
  '6sides_pocket': POCKET,
  circular_end_pocket: POCKET,
  triangular_through_slot: SLOT,
  rectangular_through_slot: SLOT,
  circular_through_slot: SLOT,
  rectangular_blind_slot: SLOT,
  v_circular_end_blind_slot: SLOT,
  h_circular_end_blind_slot: SLOT,
  rectangular_through_step: STEP,
  '2sides_through_step': STEP,
  slanted_through_step: STEP,
  triangular_blind_step: STEP,
  circular_blind_step: STEP,
  rectangular_blind_step: STEP,
  Oring: NECK,
  round: FILLET,
  counterbore: HOLE,
  countersunk_hole: HOLE,
  turned_groove: NECK,
};

/** Which class one feature counts in (undefined: none). */
export function countClassOf(feature: Pick<Feature, 'type' | 'method'>): CountClass | undefined {
  // The model's measured features carry our types; its raw regions, its class names.
  if (feature.method === 'ml') return GEOMETRIC[feature.type] ?? (MODEL as Record<string, CountClass>)[feature.type];
  return GEOMETRIC[feature.type];
}

/** Units a feature contributes: its pattern count, except a tooth profile, which is one feature. */
function unitsOf(feature: Pick<Feature, 'params'>, cls: CountClass): number {
  if (cls === GEAR) return 1;
  const n = feature.params.count;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 1;
}

export type ClassCounts = Partial<Record<CountClass, number>>;

/**
 * A groove cut inside a bore (a circlip or O-ring gland) is a step of that hole, as a counterbore
 * is: the benchmark's Neck is a recess turned in a shaft's outside, and its experts list none for
 * a grooved bore.
 */
function isBoreGroove(f: Pick<Feature, 'type' | 'params'>): boolean {
  return f.type === 'groove' && f.params.internal === true;
}

/** Classes of material cut away, which a web standing in their place is not. */
const CUTS = new Set<CountClass>([SLOT, STEP, POCKET]);

/**
 * What an estimator would read off our result: units per class (classes with none left out). The
 * rules of count-units.ts need the result's faces and part box; without them every feature counts.
 */
export function countFeatures(result: CountedResult): ClassCounts {
  const counts: ClassCounts = {};
  const add = (cls: CountClass, n: number) => (counts[cls] = (counts[cls] ?? 0) + n);
  const breaks = edgeBreaks(result);
  const marks = finishMarks(result);
  // A blend inside a turned part's axial bore is part of the bore, as a hole's blends are the hole's.
  const inBores = boreBlends(result);
  // An ear drawn in a plate's outline is a boss; the steps its sides wall are none.
  const ears = findEars(result);
  if (ears.ears.length) add(BOSS, ears.ears.length);
  // A weldment written as several bodies: beads count nothing, welded-on members are bosses or pipes.
  const welded = weldment(result);
  if (welded.bosses) add(BOSS, welded.bosses);
  if (welded.pipes) add(PIPE, welded.pipes);
  const stacked = stackedSlots(result);
  const threaded = threadedHoleUnits(result);
  // A gusset's web is no cut: the pocket or slot read beside it, walled by the web, is the gusset.
  const gussets = result.faces && result.edges ? findGussets(result.faces, result.edges) : [];
  const web = new Set(gussets.flatMap((g) => g.faces));
  if (gussets.length) add(GUSSET, gussets.length);
  result.features.forEach((f, i) => {
    const cls = countClassOf(f);
    if (!cls || breaks.has(i) || marks.has(i) || inBores.has(i) || welded.none.has(i) || ears.steps.has(i) || stacked.has(i) || isBoreGroove(f))
      return;
    if (CUTS.has(cls) && (f as { faces?: number[] }).faces?.some((id) => web.has(id))) return;
    const n = threaded.get(i) ?? unitsOf(f, cls);
    if (n > 0) add(cls, n);
  });
  const bores = turnedBoreCount(result);
  if (bores > 0) add(HOLE, bores);
  const spigots = turnedSpigots(result);
  if (spigots.bosses > 0) add(BOSS, spigots.bosses);
  if (spigots.pipes > 0) add(PIPE, spigots.pipes);
  if (spigots.steps > 0) add(STEP, spigots.steps);
  const drafts = turnedDraftCount(result);
  if (drafts > 0) add(DRAFT, drafts);
  return counts;
}
