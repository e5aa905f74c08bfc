/**
 * fixtures/tessellated-only.step: an AP242 part whose only body is a TESSELLATED_SOLID (a cube
 * 10 mm on a side as 12 triangles: no surfaces, no edges), as some exporters write lightweight or
 * JT-derived parts. The engine transfers it as a solid of triangulation-only faces; the pipeline
 * must refuse it with a typed error, and no empty tensor may reach the model.
 *
 * Written as text, not through the engine's STEP writer, which writes B-Rep only.
 * Run: `npx tsx scripts/tessellated-fixture.ts`, or `npm run fixtures` (make-fixtures.ts imports it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR } from '../test/fixtures.ts';

export const TESSELLATED_CUBE_SIZE = 10;

export function tessellatedCubeStep(size = TESSELLATED_CUBE_SIZE): string {
  const corners = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => [i & 1, (i >> 1) & 1, (i >> 2) & 1].map((b) => `${(b * size).toFixed(1)}`).join(','));
  // Two outward-facing triangles per side (1-based point indices, counter-clockwise from outside).
  const triangles = [
    [1, 3, 4],
    [1, 4, 2],
    [5, 6, 8],
    [5, 8, 7],
    [1, 2, 6],
    [1, 6, 5],
    [3, 7, 8],
    [3, 8, 4],
    [1, 5, 7],
    [1, 7, 3],
    [2, 4, 8],
    [2, 8, 6],
  ]
    .map((t) => `(${t.join(',')})`)
    .join(',');
  return `ISO-10303-21;
HEADER;
FILE_DESCRIPTION(('Vectis fixture: tessellated-only part'),'2;1');
FILE_NAME('tessellated-only.step','2026-12-03T00:00:00',(''),(''),'','','');
FILE_SCHEMA(('AP242_MANAGED_MODEL_BASED_3D_ENGINEERING_MIM_LF { 1 0 10303 442 1 1 4 }'));
ENDSEC;
DATA;
#1=APPLICATION_CONTEXT('managed model based 3d engineering');
#2=APPLICATION_PROTOCOL_DEFINITION('international standard','ap242_managed_model_based_3d_engineering',2011,#1);
#3=PRODUCT_CONTEXT('',#1,'mechanical');
#4=PRODUCT('cube','cube','',(#3));
#5=PRODUCT_DEFINITION_FORMATION('','',#4);
#6=PRODUCT_DEFINITION_CONTEXT('part definition',#1,'design');
#7=PRODUCT_DEFINITION('design','',#5,#6);
#8=PRODUCT_DEFINITION_SHAPE('','',#7);
#9=SHAPE_DEFINITION_REPRESENTATION(#8,#20);
#10=(LENGTH_UNIT()NAMED_UNIT(*)SI_UNIT(.MILLI.,.METRE.));
#11=(NAMED_UNIT(*)PLANE_ANGLE_UNIT()SI_UNIT($,.RADIAN.));
#12=(NAMED_UNIT(*)SI_UNIT($,.STERADIAN.)SOLID_ANGLE_UNIT());
#13=UNCERTAINTY_MEASURE_WITH_UNIT(LENGTH_MEASURE(1.E-07),#10,'distance_accuracy_value','');
#14=(GEOMETRIC_REPRESENTATION_CONTEXT(3)GLOBAL_UNCERTAINTY_ASSIGNED_CONTEXT((#13))GLOBAL_UNIT_ASSIGNED_CONTEXT((#10,#11,#12))REPRESENTATION_CONTEXT('',''));
#20=TESSELLATED_SHAPE_REPRESENTATION('',(#30),#14);
#25=COORDINATES_LIST('',8,(${corners.map((c) => `(${c})`).join(',')}));
#26=TRIANGULATED_FACE('',#25,0,(),$,(1,2,3,4,5,6,7,8),(${triangles}));
#30=TESSELLATED_SOLID('',(#26),$);
ENDSEC;
END-ISO-10303-21;
`;
}

// Written on import, like the other fixture scripts that make-fixtures.ts imports.
const file = join(FIXTURE_DIR, 'tessellated-only.step');
writeFileSync(file, tessellatedCubeStep());
console.log(`wrote ${file}`);
