/**
 * Shape aspects → the STEP faces they name. A shape aspect names geometry through
 * GEOMETRIC_ITEM_SPECIFIC_USAGE (aspect → ADVANCED_FACE); a composite, group, all-around or
 * derived aspect (a hole's axis) gathers its members through SHAPE_ASPECT_RELATIONSHIP and its
 * subtypes (relating = the whole, related = a member). A dimension or a tolerance may also stand
 * where an aspect is expected (a position tolerance on a feature of size): it names what its
 * aspects name.
 */
import type { StepFile } from './step-file.ts';
import { refOf, refsOf } from './step-values.ts';

const RELATIONSHIPS = [
  'SHAPE_ASPECT_RELATIONSHIP',
  'SHAPE_ASPECT_DERIVING_RELATIONSHIP',
  'FEATURE_FOR_DATUM_TARGET_RELATIONSHIP',
  'SHAPE_ASPECT_ASSOCIATIVITY',
];

const USAGES = ['GEOMETRIC_ITEM_SPECIFIC_USAGE', 'ITEM_IDENTIFIED_REPRESENTATION_USAGE'];

/** Bounds the walk through nested aspects (files nest two or three levels; a cycle stops here too). */
const MAX_DEPTH = 12;

export class AspectFaces {
  /** aspect id → STEP faces it names directly. */
  private readonly direct = new Map<number, number[]>();
  /** aspect id → member aspects. */
  private readonly members = new Map<number, number[]>();
  /** datum id → datum features that establish it (relationship datum_feature → datum). */
  readonly featuresOfDatum = new Map<number, number[]>();

  constructor(private readonly file: StepFile) {
    // GEOMETRIC_ITEM_SPECIFIC_USAGE names one item; its supertype, written by some exporters,
    // may name a set of them: (name, description, definition, used_representation, identified_item).
    for (const type of USAGES)
      for (const usage of file.ofType(type)) {
        const params = file.params(usage, type) ?? [];
        const aspect = refOf(params[2]);
        if (aspect === undefined) continue;
        const faces = refsOf(params[4]).filter((item) => file.is(item, 'ADVANCED_FACE') || file.is(item, 'FACE_SURFACE'));
        if (faces.length > 0) push(this.direct, aspect, ...faces);
      }
    for (const type of RELATIONSHIPS) {
      for (const relation of file.ofType(type)) {
        // (name, description, relating, related, ...) for every relationship listed
        const params = file.params(relation, type) ?? [];
        const relating = refOf(params[2]);
        const related = refOf(params[3]);
        if (relating === undefined || related === undefined || relation === relating) continue;
        if (file.is(related, 'DATUM') && file.is(relating, 'DATUM_FEATURE')) push(this.featuresOfDatum, related, relating);
        push(this.members, relating, related);
      }
    }
  }

  /** STEP faces named by `aspect` (a shape aspect, a dimension, or a datum), without repeats. */
  facesOf(aspect: number): number[] {
    const out = new Set<number>();
    this.collect(aspect, out, new Set(), 0);
    return [...out];
  }

  private collect(aspect: number, out: Set<number>, visited: Set<number>, depth: number): void {
    if (visited.has(aspect) || depth > MAX_DEPTH) return;
    visited.add(aspect);
    for (const f of this.direct.get(aspect) ?? []) out.add(f);
    for (const m of this.members.get(aspect) ?? []) this.collect(m, out, visited, depth + 1);
    for (const f of this.featuresOfDatum.get(aspect) ?? []) this.collect(f, out, visited, depth + 1);
    for (const a of this.aspectsOfDimension(aspect)) this.collect(a, out, visited, depth + 1);
  }

  /** A dimension standing for its aspects: a size's applies_to, a location's two ends. */
  private aspectsOfDimension(id: number): number[] {
    const size = this.file.params(id, 'DIMENSIONAL_SIZE') ?? this.file.params(id, 'ANGULAR_SIZE');
    if (size) return refsOf(size[0]);
    for (const type of ['DIMENSIONAL_LOCATION', 'ANGULAR_LOCATION', 'DIMENSIONAL_LOCATION_WITH_PATH']) {
      const location = this.file.params(id, type);
      if (location) return [refOf(location[2]), refOf(location[3])].filter((x): x is number => x !== undefined);
    }
    return [];
  }
}

function push(map: Map<number, number[]>, key: number, ...values: number[]): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  list.push(...values);
}
