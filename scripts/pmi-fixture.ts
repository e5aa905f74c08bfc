/**
 * fixtures/pmi-plate.step: a part written by the engine's STEP writer (in inches), then given
 * semantic PMI as an AP242 exporter writes it: diameter dimensions with plus-minus deviations and a
 * fit class, a location with limits, a position tolerance with a ⌀ zone, a modifier and a datum
 * system, a flatness tolerance, and two datum features, each tied to the writer's ADVANCED_FACE
 * instances through GEOMETRIC_ITEM_SPECIFIC_USAGE. The faces are found here by their geometry in
 * the written text, independently of the reader under test (src/analysis/pmi/).
 * Run: `npx tsx scripts/pmi-fixture.ts`, or `npm run fixtures` (make-fixtures.ts imports it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR } from '../test/fixtures.ts';
import { INCH, PMI_FIXTURE as P } from '../test/pmi-fixture.ts';
import { b, write, Z } from './fixture-kit.ts';

let plate = b.box(P.size[0], P.size[1], P.size[2]);
for (const [x, y] of P.holes.at) plate = b.cut(plate, b.cylinder([x, y, -1], Z, (P.holes.diameter * INCH) / 2, P.size[2] + 2));
plate = b.cut(plate, b.cylinder([P.bore.at[0], P.bore.at[1], P.size[2] - P.bore.depth], Z, (P.bore.diameter * INCH) / 2, P.bore.depth + 1));
write(P.file, plate, 'INCH');

const path = join(FIXTURE_DIR, P.file);
const text = readFileSync(path, 'latin1');
const entities = new Map<number, string>();
for (const m of text.matchAll(/#(\d+)\s*=\s*([\s\S]*?);\s*(?=#\d+\s*=|ENDSEC)/g)) entities.set(Number(m[1]), m[2]!.replace(/\s+/g, ''));
const idOf = (pattern: RegExp) => [...entities].find(([, body]) => pattern.test(body))?.[0];
const refs = (body: string) => [...body.matchAll(/#(\d+)/g)].map((m) => Number(m[1]));
const numbers = (id: number) => (entities.get(id)!.match(/\(([^()]*)\)\)$/)?.[1] ?? '').split(',').map(Number);

/** ADVANCED_FACE ids whose surface passes `test` (surface body, its placement's point and direction, in inches). */
function faces(test: (surface: string, at: number[], dir: number[]) => boolean): number[] {
  const out: number[] = [];
  for (const [id, body] of entities) {
    if (!body.startsWith('ADVANCED_FACE')) continue;
    const surfaceId = refs(body).at(-1)!;
    const surface = entities.get(surfaceId)!;
    const [axis] = refs(surface);
    const [point, direction] = refs(entities.get(axis!)!);
    if (test(surface, numbers(point!), numbers(direction!))) out.push(id);
  }
  if (out.length === 0) throw new Error('no face matched');
  return out;
}
const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
const holeFaces = faces(
  (s, at) => s.startsWith('CYLINDRICAL_SURFACE') && P.holes.at.some(([x, y]) => near(at[0]!, x / INCH) && near(at[1]!, y / INCH)),
);
const boreFaces = faces((s, at) => s.startsWith('CYLINDRICAL_SURFACE') && near(at[0]!, P.bore.at[0] / INCH) && near(at[1]!, P.bore.at[1] / INCH));
const planeAt = (axis: number, value: number) =>
  faces((s, at, dir) => s.startsWith('PLANE') && near(Math.abs(dir[axis]!), 1) && near(at[axis]!, value / INCH));
const [top, bottom, side] = [planeAt(2, P.size[2]), planeAt(2, 0), planeAt(0, 0)];

const shapeDefinition = idOf(/^PRODUCT_DEFINITION_SHAPE\(/)!;
const brep = idOf(/^ADVANCED_BREP_SHAPE_REPRESENTATION\(/)!;
const inch = idOf(/CONVERSION_BASED_UNIT\('INCH'/)!;
const context = refs(entities.get(brep)!).at(-1)!;

let next = Math.max(...entities.keys()) + 100;
const lines: string[] = [];
const add = (body: string) => {
  const id = next++;
  lines.push(`#${id}=${body};`);
  return id;
};
const aspect = (name: string, stepFaces: number[]) => {
  const id = add(`SHAPE_ASPECT('${name}','',#${shapeDefinition},.T.)`);
  for (const f of stepFaces) add(`GEOMETRIC_ITEM_SPECIFIC_USAGE('','',#${id},#${brep},#${f})`);
  return id;
};
/** A STEP REAL always has its decimal point ("0.", not "0"). */
const real = (v: number) => (Number.isInteger(v) ? `${v}.` : String(v));
const length = (value: number, name = '') =>
  add(
    `(LENGTH_MEASURE_WITH_UNIT()MEASURE_REPRESENTATION_ITEM()MEASURE_WITH_UNIT(LENGTH_MEASURE(${real(value)}),#${inch})REPRESENTATION_ITEM('${name}'))`,
  );
const valued = (dimension: number, items: number[]) => {
  const representation = add(`SHAPE_DIMENSION_REPRESENTATION('',(${items.map((i) => `#${i}`).join(',')}),#${context})`);
  add(`DIMENSIONAL_CHARACTERISTIC_REPRESENTATION(#${dimension},#${representation})`);
};

// The two holes as one composite aspect (a "2X" callout), each hole's face(s) a member.
const holes = add(`COMPOSITE_SHAPE_ASPECT('2X holes','',#${shapeDefinition},.T.)`);
for (const f of holeFaces) add(`SHAPE_ASPECT_RELATIONSHIP('','',#${holes},#${aspect('hole', [f])})`);
const holeSize = add(`DIMENSIONAL_SIZE(#${holes},'diameter')`);
valued(holeSize, [length(P.holes.diameter, 'nominal value')]);
add(`PLUS_MINUS_TOLERANCE(#${add(`TOLERANCE_VALUE(#${length(-P.holes.lower)},#${length(P.holes.upper)})`)},#${holeSize})`);

const boreSize = add(`DIMENSIONAL_SIZE(#${aspect('bore', boreFaces)},'diameter')`);
valued(boreSize, [length(P.bore.diameter, 'nominal value')]);
add(`PLUS_MINUS_TOLERANCE(#${add(`LIMITS_AND_FITS('${P.bore.fit[0]}','','${P.bore.fit[1]}','')`)},#${boreSize})`);

const thickness = add(`DIMENSIONAL_LOCATION('linear distance','',#${aspect('top', top)},#${aspect('bottom', bottom)})`);
valued(thickness, [length(P.thickness.upper, 'upper limit'), length(P.thickness.lower, 'lower limit')]);

// Datums A (the bottom) and B (the x = 0 side): feature → datum, as AP242 relates them.
const datum = (letter: string, stepFaces: number[]) => {
  const feature = add(`DATUM_FEATURE('${letter}','',#${shapeDefinition},.T.)`);
  for (const f of stepFaces) add(`GEOMETRIC_ITEM_SPECIFIC_USAGE('','',#${feature},#${brep},#${f})`);
  const d = add(`DATUM('','',#${shapeDefinition},.F.,'${letter}')`);
  add(`SHAPE_ASPECT_RELATIONSHIP('','',#${feature},#${d})`);
  return add(`DATUM_REFERENCE_COMPARTMENT('','',#${shapeDefinition},.F.,#${d},$)`);
};
const system = add(`DATUM_SYSTEM('','',#${shapeDefinition},.F.,(#${datum('A', bottom)},#${datum('B', side)}))`);
const position = add(
  `(GEOMETRIC_TOLERANCE('position','',#${length(P.position.value)},#${holes})GEOMETRIC_TOLERANCE_WITH_DATUM_REFERENCE((#${system}))GEOMETRIC_TOLERANCE_WITH_MODIFIERS((.MAXIMUM_MATERIAL_REQUIREMENT.))POSITION_TOLERANCE())`,
);
add(`TOLERANCE_ZONE('','',#${shapeDefinition},.F.,(#${position}),#${add(`TOLERANCE_ZONE_FORM('cylindrical or circular')`)})`);
add(`FLATNESS_TOLERANCE('flatness','',#${length(P.flatness.value)},#${aspect('top flat', top)})`);

// Roughness of the bore's wall: a surface texture representation in micrometres, tied to the
// bore's aspect through a property definition.
const micrometre = add('(LENGTH_UNIT()NAMED_UNIT(*)SI_UNIT(.MICRO.,.METRE.))');
const roughness = add(
  `(MEASURE_REPRESENTATION_ITEM()MEASURE_WITH_UNIT(LENGTH_MEASURE(${real(P.texture.micrometres)}),#${micrometre})REPRESENTATION_ITEM('${P.texture.parameter}'))`,
);
const texture = add(`SURFACE_TEXTURE_REPRESENTATION('',(#${roughness}),#${context})`);
add(`PROPERTY_DEFINITION_REPRESENTATION(#${add(`PROPERTY_DEFINITION('surface texture','',#${aspect('bore wall', boreFaces)})`)},#${texture})`);

// Semantic PMI is AP242's: the header says so, as an AP242 exporter's would.
const ap242 = text.replace(/FILE_SCHEMA\(\([^;]*\);/, "FILE_SCHEMA(('AP242_MANAGED_MODEL_BASED_3D_ENGINEERING_MIM_LF { 1 0 10303 442 1 1 4 }'));");
writeFileSync(path, ap242.replace(/ENDSEC;\s*END-ISO-10303-21;\s*$/, `${lines.join('\n')}\nENDSEC;\nEND-ISO-10303-21;\n`));
console.log(`added ${lines.length} PMI instances to ${path}`);
