/**
 * Semantic PMI (src/analysis/pmi/): on our generated AP242 plate (fixtures/pmi-plate.step, written
 * in inches by scripts/pmi-fixture.ts) and on NIST's AP242 test parts (skipped loudly without
 * ../shared/data). Faces are identified here by their geometry in the result, not by the reader.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult, type Pmi } from '../src/analysis/index.ts';
import { readPmi } from '../src/analysis/pmi/index.ts';
import { checkHoleDiameters, isDiameterPmi } from '../src/analysis/pmi/hole-agreement.ts';
import { StepFile } from '../src/analysis/pmi/step-file.ts';
import { refOf, refsOf } from '../src/analysis/pmi/step-values.ts';
import { HAS_SHARED, fixture, shared, sharedFiles } from './fixtures.ts';
import { INCH, PMI_FIXTURE as P } from './pmi-fixture.ts';

const near = (a: number | null | undefined, b: number, eps = 1e-6) => a !== null && a !== undefined && Math.abs(a - b) <= eps;

function byName(result: AnalysisResult, kind: Pmi['kind'], name: string): Pmi[] {
  return result.pmi.filter((p) => p.kind === kind && p.name === name);
}

describe('PMI on the generated plate (inches)', async () => {
  const result = await analyze(fixture(P.file), { fileName: P.file });
  const cylinders = (diameter: number) =>
    result.faces.filter((f) => f.surface === 'cylinder' && near(2 * f.params.radius!, diameter * INCH, 1e-4)).map((f) => f.id);
  const plane = (axis: number, sign: number, at: number) =>
    result.faces
      .filter((f) => f.surface === 'plane' && near(f.params.normal![axis]! * sign, 1) && near(f.params.origin![axis]!, at, 1e-4))
      .map((f) => f.id);

  it("reads the holes' diameter in mm with its deviations, on the holes' faces and feature", () => {
    const [holes, bore] = byName(result, 'dimension', 'diameter').sort((a, b) => a.nominal! - b.nominal!);
    expect(holes!.nominal).toBeCloseTo(P.holes.diameter * INCH, 6);
    expect(holes!.upper).toBeCloseTo(P.holes.upper * INCH, 6);
    expect(holes!.lower).toBeCloseTo(-P.holes.lower * INCH, 6);
    expect(holes!.unit).toBe('mm');
    expect(holes!.faces).toEqual(cylinders(P.holes.diameter));
    expect(holes!.faces).toHaveLength(2);
    const holeFeatures = result.features.filter((f) => f.faces.some((x) => holes!.faces.includes(x))).map((f) => f.id);
    expect(holes!.features).toEqual(holeFeatures);
    expect(bore!.nominal).toBeCloseTo(P.bore.diameter * INCH, 6);
    expect(bore!.tolerance_class).toBe(P.bore.fit.join(''));
    expect(bore!.faces).toEqual(cylinders(P.bore.diameter));
  });

  it('reads a location given as limits as their middle with symmetric deviations', () => {
    const [thickness] = byName(result, 'dimension', 'linear distance');
    expect(thickness!.nominal).toBeCloseTo(P.size[2], 6);
    expect(thickness!.upper).toBeCloseTo(0.004 * INCH, 6);
    expect(thickness!.lower).toBeCloseTo(-0.004 * INCH, 6);
    expect(thickness!.faces).toEqual([...plane(2, 1, P.size[2]), ...plane(2, -1, 0)].sort((a, b) => a - b));
  });

  it('reads the position tolerance with its zone, modifier, datums in order, and the flatness', () => {
    const [position] = byName(result, 'geometric_tolerance', 'position');
    expect(position!.nominal).toBeCloseTo(P.position.value * INCH, 6);
    expect(position!.datums).toEqual(['A', 'B']);
    expect(position!.modifiers).toEqual(['diameter', 'maximum_material_requirement']);
    expect(position!.faces).toEqual(cylinders(P.holes.diameter));
    const [flatness] = byName(result, 'geometric_tolerance', 'flatness');
    expect(flatness!.nominal).toBeCloseTo(P.flatness.value * INCH, 6);
    expect(flatness!.faces).toEqual(plane(2, 1, P.size[2]));
  });

  it("reads the surface texture in micrometres on the bore's wall", () => {
    const [texture] = result.pmi.filter((p) => p.kind === 'surface_texture');
    expect(texture!.name).toBe(P.texture.parameter);
    expect(texture!.nominal).toBeCloseTo(P.texture.micrometres, 6);
    expect(texture!.unit).toBe('um');
    expect(texture!.faces).toEqual(cylinders(P.bore.diameter));
  });

  it('reads the datum features with their letters and faces', () => {
    expect(byName(result, 'datum', 'A')[0]!.faces).toEqual(plane(2, -1, 0));
    expect(byName(result, 'datum', 'B')[0]!.faces).toEqual(plane(0, -1, 0));
  });

  it('finds the diameter PMI on the holes in agreement with the hole features', () => {
    const checks = checkHoleDiameters(result);
    expect(checks.map((c) => c.verdict)).toEqual(['agrees', 'agrees']);
  });

  it("attaches no face when the file's face order does not match the part read", () => {
    const text = readFileSync(new URL(`../fixtures/${P.file}`, import.meta.url), 'latin1');
    const written = result.faces.map((f) => f.surfaceSource ?? f.surface);
    const reading = readPmi({ text, writtenSurfaces: [...written].reverse(), features: result.features });
    expect(reading.faceMapProblem).toMatch(/written as/);
    expect(reading.items.length).toBe(result.pmi.length);
    expect(reading.items.flatMap((p) => p.faces)).toEqual([]);
    // One face more or less than the file's solids hold: no map either.
    expect(readPmi({ text, writtenSurfaces: written.slice(1), features: [] }).faceMapProblem).toMatch(/faces/);
  });
});

describe('STEP text scan', () => {
  it('takes no ";", "#n=" or "(" inside strings and comments for structure', () => {
    const text =
      "DATA;\n#1=SHAPE_ASPECT('a;#2=X(',/* #3=Y(; */'',#9,.T.);\n#4 = ( A() B('it''s') C((1.,2.),$,*) );\n#5=DIMENSIONAL_SIZE(#1,'dia;meter');\nENDSEC;";
    const file = new StepFile(text);
    expect(file.instances.size).toBe(3);
    expect(file.instances.get(1)!.types).toEqual(['SHAPE_ASPECT']);
    expect(file.instances.get(4)!.types).toEqual(['A', 'B', 'C']);
    expect(file.params(4, 'B')).toEqual(["it's"]);
    expect(file.params(4, 'C')).toEqual([[1, 2], null, { derived: true }]);
    expect(file.params(5, 'DIMENSIONAL_SIZE')).toEqual([{ ref: 1 }, 'dia;meter']);
  });

  it('reads a truncated or malformed PMI section without throwing', () => {
    const broken = [
      "#1=DIMENSIONAL_SIZE(#2,'diameter');#3=DIMENSIONAL_CHARACTERISTIC_REPRESENTATION(#1,#4);#4=SHAPE_DIMENSION_REPRESENTATION('',(#5),#6);#5=(MEASURE_WITH_UNIT(LENGTH_MEASURE(",
      "#1=DIMENSIONAL_SIZE(#1,#1);#2=PLUS_MINUS_TOLERANCE(#2,#1);#3=DATUM_SYSTEM('',$,#3,.F.,(#3));#4=(GEOMETRIC_TOLERANCE('',$,#4,#4)GEOMETRIC_TOLERANCE_WITH_DATUM_REFERENCE((#3))POSITION_TOLERANCE());",
      `#1=DIMENSIONAL_SIZE(${'('.repeat(200_000)}#2${')'.repeat(200_000)},'diameter');#2=DIMENSIONAL_CHARACTERISTIC_REPRESENTATION(#1,#1);`,
      "#1=SHAPE_ASPECT_RELATIONSHIP('','',#2,#3);#2=SHAPE_ASPECT_RELATIONSHIP('','',#3,#2);#3=DIMENSIONAL_LOCATION('x','',#2,#3);#9=CONVERSION_BASED_UNIT('LOOP',#10);#10=MEASURE_WITH_UNIT(LENGTH_MEASURE(1.),#9);#11=TOLERANCE_VALUE(#10,#10);#12=PLUS_MINUS_TOLERANCE(#11,#3);",
    ];
    for (const text of broken) {
      const reading = readPmi({ text, writtenSurfaces: [], features: [] });
      expect(reading.items.length).toBeGreaterThan(0);
      for (const item of reading.items) expect(item.faces).toEqual([]);
    }
  });
});

const NIST = sharedFiles('real/nist', /_ap242.*\.stp$/i);

describe.skipIf(!HAS_SHARED || NIST.length === 0)('PMI on NIST MBE PMI AP242 parts (../shared/data/real/nist)', () => {
  it.each(NIST)('%s: every dimension that names a face has its faces, value and limits; diameters on bores agree with the holes', async (path) => {
    const bytes = shared(path);
    const result = await analyze(bytes, { fileName: path });
    const file = new StepFile(new TextDecoder('latin1').decode(bytes));
    const dimensionIds = ['DIMENSIONAL_SIZE', 'DIMENSIONAL_LOCATION', 'ANGULAR_LOCATION', 'ANGULAR_SIZE'].flatMap((t) => file.ofType(t));
    const dimensions = result.pmi.filter((p) => p.kind === 'dimension');
    expect(dimensions.map((p) => p.entity).sort()).toEqual([...new Set(dimensionIds)].sort());
    for (const p of dimensions) {
      // Faces the dimension's aspects name directly (one GISU step): those at least must be there.
      const direct = directFaces(file, p.entity!);
      if (direct > 0) expect(p.faces.length, `${p.name} #${p.entity}`).toBeGreaterThanOrEqual(direct);
      if (p.nominal !== null && p.upper !== null) expect(p.upper).toBeGreaterThanOrEqual(p.lower!);
    }
    const checks = checkHoleDiameters(result);
    const onBores = checks.filter((c) => c.verdict !== 'not a bore');
    expect(onBores.length).toBeGreaterThan(0);
    expect(onBores.filter((c) => c.verdict !== 'agrees').map((c) => `#${c.pmi.entity} Ø${c.pmi.nominal}: ${c.verdict}`)).toEqual([]);
    // Every diameter dimension with a value and faces was checked.
    expect(checks.length).toBe(result.pmi.filter((p) => isDiameterPmi(p) && p.faces.length > 0).length);
  });
});

/** ADVANCED_FACEs named by GEOMETRIC_ITEM_SPECIFIC_USAGE of the dimension's own aspects. */
function directFaces(file: StepFile, dimension: number): number {
  const size = file.params(dimension, 'DIMENSIONAL_SIZE');
  const location = file.params(dimension, 'DIMENSIONAL_LOCATION') ?? file.params(dimension, 'ANGULAR_LOCATION');
  const aspects = new Set(size ? refsOf(size[0]) : [refOf(location?.[2]), refOf(location?.[3])].filter((x): x is number => x !== undefined));
  let count = 0;
  for (const usage of file.ofType('GEOMETRIC_ITEM_SPECIFIC_USAGE')) {
    const params = file.params(usage, 'GEOMETRIC_ITEM_SPECIFIC_USAGE')!;
    if (aspects.has(refOf(params[2])!) && file.is(refOf(params[4])!, 'ADVANCED_FACE')) count++;
  }
  return count;
}
