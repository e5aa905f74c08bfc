/**
 * Surface texture (roughness) requirements: a SURFACE_TEXTURE_REPRESENTATION whose measure items
 * are named by their parameter ('Ra', 'Rz', ...), tied through PROPERTY_DEFINITION_REPRESENTATION
 * to a PROPERTY_DEFINITION of the shape aspect (the faces) it applies to. None of the NIST test
 * parts carries one; the generated fixture does (scripts/pmi-fixture.ts).
 */
import type { StepFile } from './step-file.ts';
import { refOf, refsOf, textOf } from './step-values.ts';
import { measureOf } from './units.ts';

export interface TextureItem {
  entity: number;
  /** The parameter: 'Ra', 'Rz', ... (the item's name; 'surface texture' when unnamed). */
  name: string;
  /** Micrometres for a length (roughness is specified in µm), as written otherwise. */
  value: number | null;
  unit: string;
  aspects: number[];
}

export function readSurfaceTextures(file: StepFile): TextureItem[] {
  // representation → the property definitions that use it
  const definitionsOf = new Map<number, number[]>();
  for (const link of file.ofType('PROPERTY_DEFINITION_REPRESENTATION')) {
    // (definition, used_representation)
    const params = file.params(link, 'PROPERTY_DEFINITION_REPRESENTATION') ?? [];
    const definition = refOf(params[0]);
    const representation = refOf(params[1]);
    if (definition === undefined || representation === undefined) continue;
    const list = definitionsOf.get(representation) ?? [];
    list.push(definition);
    definitionsOf.set(representation, list);
  }
  const items: TextureItem[] = [];
  for (const id of file.ofType('SURFACE_TEXTURE_REPRESENTATION')) {
    // (name, items, context_of_items)
    const params = file.params(id, 'SURFACE_TEXTURE_REPRESENTATION') ?? [];
    // PROPERTY_DEFINITION(name, description, definition): the definition is the shape aspect.
    const aspects = (definitionsOf.get(id) ?? []).flatMap((d) => refsOf(file.params(d, 'PROPERTY_DEFINITION')?.[2]));
    for (const item of refsOf(params[1])) {
      const measure = measureOf(file, item);
      if (!measure) continue;
      const name = (textOf(file.params(item, 'REPRESENTATION_ITEM')?.[0]) ?? '').trim() || 'surface texture';
      const length = measure.kind === 'length';
      items.push({ entity: item, name, value: length ? measure.value * 1000 : measure.value, unit: length ? 'um' : '', aspects });
    }
  }
  return items;
}
