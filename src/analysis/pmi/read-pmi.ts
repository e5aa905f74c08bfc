/**
 * The semantic PMI of a STEP file (AP242) as result items, each tied to our faces and to the
 * features holding them. Read from the file's text: this engine build has no XDE
 * (STEPCAFControl_Reader, XCAFDoc_DimTolTool are absent), and the text is scanned once, linearly.
 */
import type { Feature, Pmi, SurfaceType } from '../result.ts';
import { AspectFaces } from './aspects.ts';
import { readDimensions } from './dimensions.ts';
import { mapFaces } from './face-map.ts';
import { datumLetter, readGeometricTolerances } from './geometric-tolerances.ts';
import { StepFile } from './step-file.ts';
import { readSurfaceTextures } from './surface-texture.ts';
import type { MeasureKind } from './units.ts';

export interface PmiInput {
  /** The file's text (latin1: STEP is 7-bit, so no byte changes meaning). */
  text: string;
  /** Per face id, the surface type the file wrote (a face's surfaceSource, else its surface). */
  writtenSurfaces: readonly SurfaceType[];
  features: readonly Pick<Feature, 'id' | 'faces'>[];
}

export interface PmiReading {
  items: Pmi[];
  /** Why no face could be attached (the face map failed its check); undefined when it held. */
  faceMapProblem?: string;
}

/** Any of these in the text means there is semantic PMI to read; without them the scan is skipped. */
const PMI_MARKERS = /DIMENSIONAL_(?:SIZE|LOCATION)|ANGULAR_(?:SIZE|LOCATION)|_TOLERANCE\s*\(|DATUM_FEATURE|SURFACE_TEXTURE_REPRESENTATION/;

export function hasSemanticPmi(text: string): boolean {
  return PMI_MARKERS.test(text);
}

export function readPmi(input: PmiInput): PmiReading {
  if (!hasSemanticPmi(input.text)) return { items: [] };
  const file = new StepFile(input.text);
  const faceMap = mapFaces(
    file,
    input.writtenSurfaces.map((written) => ({ written })),
  );
  const aspects = new AspectFaces(file);
  const featuresOfFace = indexFeatures(input.features);
  const toFaces = (aspectIds: number[]): number[] => {
    const faces = new Set<number>();
    for (const aspect of aspectIds) {
      for (const stepFace of aspects.facesOf(aspect)) {
        const face = faceMap.faces.get(stepFace);
        if (face !== undefined) faces.add(face);
      }
    }
    return [...faces].sort((a, b) => a - b);
  };
  const toFeatures = (faces: number[]): number[] => [...new Set(faces.flatMap((f) => featuresOfFace.get(f) ?? []))].sort((a, b) => a - b);

  const items: Omit<Pmi, 'id'>[] = [];
  /** One item: its faces from its aspects, its features from its faces; the rest as read. */
  const add = (item: Omit<Pmi, 'id' | 'faces' | 'features'>, aspectIds: number[]) => {
    const faces = toFaces(aspectIds);
    items.push({ ...item, faces, features: toFeatures(faces) });
  };
  for (const d of readDimensions(file)) {
    add(
      {
        kind: 'dimension',
        name: d.name,
        nominal: tidy(d.nominal),
        upper: tidy(d.upper),
        lower: tidy(d.lower),
        unit: unitName(d.kind),
        ...(d.toleranceClass ? { tolerance_class: d.toleranceClass } : {}),
        entity: d.entity,
      },
      d.aspects,
    );
  }
  for (const t of readGeometricTolerances(file)) {
    add(
      {
        kind: 'geometric_tolerance',
        name: t.name,
        ...unsigned(t.value, t.value === null ? '' : 'mm'),
        ...(t.datums.length > 0 ? { datums: t.datums } : {}),
        ...(t.modifiers.length > 0 ? { modifiers: t.modifiers } : {}),
        entity: t.entity,
      },
      t.aspects,
    );
  }
  for (const t of readSurfaceTextures(file)) {
    add({ kind: 'surface_texture', name: t.name, ...unsigned(t.value, t.unit), entity: t.entity }, t.aspects);
  }
  const datumOfFeature = new Map<number, number>();
  for (const [datum, datumFeatures] of aspects.featuresOfDatum) for (const f of datumFeatures) datumOfFeature.set(f, datum);
  for (const id of file.ofType('DATUM_FEATURE')) {
    add({ kind: 'datum', name: datumLetter(file, datumOfFeature.get(id)) ?? '?', ...unsigned(null, ''), entity: id }, [id]);
  }
  return {
    items: items.map((item, id) => ({ id, ...item })),
    ...(faceMap.problem ? { faceMapProblem: faceMap.problem } : {}),
  };
}

/**
 * Values converted from inches carry float noise (0.005 in → 0.12700000000050798 mm); a nanometre
 * is far below any tolerance, and rounding there makes the value read as the drawing states it.
 */
function tidy(v: number | null): number | null {
  return v === null ? null : Math.round(v * 1e6) / 1e6 + 0;
}

/** A value without deviations (a tolerance zone, a roughness, a datum's none). */
function unsigned(value: number | null, unit: string): Pick<Pmi, 'nominal' | 'upper' | 'lower' | 'unit'> {
  return { nominal: tidy(value), upper: null, lower: null, unit };
}

function unitName(kind: MeasureKind): string {
  return kind === 'length' ? 'mm' : kind === 'angle' ? 'deg' : '';
}

function indexFeatures(features: readonly Pick<Feature, 'id' | 'faces'>[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const feature of features) {
    for (const face of feature.faces) {
      let list = out.get(face);
      if (!list) out.set(face, (list = []));
      list.push(feature.id);
    }
  }
  return out;
}
