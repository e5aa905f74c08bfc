/**
 * One labelled part from (seed, index): its kind, its solid, STEP bytes and the label record in
 * the format of ../shared/data's `<name>.topexp_labels.json`, checked against a re-read of the
 * STEP file by analyze() (same face count, same surface types, same areas, in TopExp order).
 */
import { analyze, type OC } from '../../../src/analysis/index.ts';
import { CLASS_NAMES, SCHEME } from './classes.ts';
import { Builder } from './occ.ts';
import { prismaticPart, type FeatureRecord, type PartBuild } from './prismatic.ts';
import { Rng } from './rng.ts';
import { turnedPart } from './turned.ts';

/** Bumped whenever the same (seed, index) would give a different part: --resume redoes older ones. */
export const GENERATOR_VERSION = 4;

export const KINDS = ['mfcad', 'prismatic', 'turned'] as const;
export type Kind = (typeof KINDS)[number];
/** Share of each kind in a run. */
export const KIND_WEIGHTS: Record<Kind, number> = { mfcad: 0.35, prismatic: 0.5, turned: 0.15 };

export interface LabelRecord {
  source: string;
  scheme: string;
  class_names: string[];
  note: string;
  labels: number[];
  surface: string[];
  /** Feature instance of each face (0: stock or turned body). */
  instances: number[];
  features: FeatureRecord[];
  kind: Kind;
  generator: number;
  seed: number;
  index: number;
  attempt: number;
}

export interface GeneratedPart {
  name: string;
  step: Uint8Array;
  record: LabelRecord;
}

export function partName(seed: number, index: number): string {
  return `gen-s${seed}-${String(index).padStart(6, '0')}`;
}

export function kindOf(rng: Rng): Kind {
  return KINDS[rng.weighted(KINDS.map((k) => KIND_WEIGHTS[k]))]!;
}

/** Attempt k of a part draws from its own stream, so a retry is as reproducible as a first try. */
export async function generatePart(oc: OC, seed: number, index: number, attempt = 0): Promise<GeneratedPart> {
  const rng = Rng.forPart(seed, index + attempt * 0x1000000);
  const b = new Builder(oc);
  const kind = kindOf(rng);
  const build: PartBuild = kind === 'turned' ? turnedPart(b, rng) : prismaticPart(b, rng, kind === 'mfcad');
  const { solid } = build;
  try {
    if (!b.valid(solid.shape)) throw new Error(`${partName(seed, index)}: the solid fails BRepCheck`);
    const surface = solid.faces.shapes.map((f) => b.surfaceName(f));
    const areas = solid.faces.shapes.map((f) => b.area(f));
    const name = partName(seed, index);
    const step = b.stepBytes(solid.shape, name);
    await verify(step, name, surface, areas);
    const record: LabelRecord = {
      source: 'vectis models/training/generate',
      scheme: SCHEME,
      class_names: [...CLASS_NAMES],
      note: 'labels[i] is the class of the i-th face of TopExp_Explorer(shape, TopAbs_FACE) after STEPControl_Reader OneShape(); labels come from construction (which tool made the face)',
      labels: solid.labels,
      surface,
      instances: solid.instances,
      features: build.features,
      kind,
      generator: GENERATOR_VERSION,
      seed,
      index,
      attempt,
    };
    return { name, step, record };
  } finally {
    solid.dispose();
  }
}

async function verify(step: Uint8Array, name: string, surface: string[], areas: number[]): Promise<void> {
  const result = await analyze(step, { fileName: `${name}.step`, meshDeflection: 0.05 });
  if (result.faces.length !== surface.length) throw new Error(`${name}: STEP re-read has ${result.faces.length} faces, labels ${surface.length}`);
  result.faces.forEach((f, i) => {
    if ((f.surfaceSource ?? f.surface) !== surface[i]!.toLowerCase())
      throw new Error(`${name}: face ${i} is ${f.surface} on re-read, ${surface[i]} when built`);
    if (Math.abs(f.area - areas[i]!) > 2e-3 * Math.max(1, areas[i]!))
      throw new Error(`${name}: face ${i} area ${f.area} on re-read, ${areas[i]} when built`);
  });
}
