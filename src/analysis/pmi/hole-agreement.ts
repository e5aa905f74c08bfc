/**
 * Does the recogniser's hole agree with the file's own diameter PMI? For each semantic diameter
 * dimension that names cylindrical faces: the faces' diameter as the geometry has it, the hole
 * features holding those faces, and whether each of them reports that diameter (as its drill,
 * counterbore, back counterbore or countersink diameter, or one of its steps) inside the PMI's
 * limits. The PMI value is only compared, never used to size a feature.
 */
import type { AnalysisResult, Feature, Pmi } from '../result.ts';

export type Agreement = 'agrees' | 'differs' | 'no hole' | 'not a bore';

export interface DiameterCheck {
  pmi: Pmi;
  /** Diameter of the PMI's cylindrical faces from their geometry (mm); null when none is a cylinder. */
  facesDiameter: number | null;
  /** Hole features holding any of the faces, with the diameters each reports. */
  holes: { id: number; type: string; diameters: number[] }[];
  verdict: Agreement;
}

/** Two diameters read from the same geometry agree to rounding (features round to 1e-4 mm). */
const SAME_DIAMETER = 1e-3;
/** Without deviations in the file, the model's size must be the nominal to this (mm). */
const NOMINAL_ONLY = 0.01;

export function isDiameterPmi(p: Pmi): boolean {
  return p.kind === 'dimension' && p.nominal !== null && /diameter/i.test(p.name) && !/spherical/i.test(p.name);
}

export function checkHoleDiameters(result: Pick<AnalysisResult, 'pmi' | 'faces' | 'features'>): DiameterCheck[] {
  const byId = new Map(result.features.map((f) => [f.id, f]));
  return result.pmi
    .filter((p) => isDiameterPmi(p) && p.faces.length > 0)
    .map((pmi) => {
      const cylinders = pmi.faces.map((f) => result.faces[f]!).filter((f) => f.surface === 'cylinder' && f.params.radius !== undefined);
      const facesDiameter = cylinders.length > 0 ? 2 * cylinders[0]!.params.radius! : null;
      const holes = pmi.features
        .map((id) => byId.get(id)!)
        .filter((f) => f && /hole/.test(f.type))
        .map((f) => ({ id: f.id, type: f.type, diameters: holeDiameters(f) }));
      // An outside diameter (a shaft, a boss) is no hole's business.
      const internal = cylinders.some((f) => f.params.internal === true);
      let verdict: Agreement;
      if (!internal && cylinders.length > 0) verdict = 'not a bore';
      else if (holes.length === 0) verdict = 'no hole';
      else verdict = holes.every((h) => h.diameters.some((d) => agrees(d, facesDiameter, pmi))) ? 'agrees' : 'differs';
      return { pmi, facesDiameter, holes, verdict };
    });
}

function agrees(d: number, facesDiameter: number | null, pmi: Pmi): boolean {
  if (facesDiameter !== null && Math.abs(d - facesDiameter) > SAME_DIAMETER) return false;
  const nominal = pmi.nominal!;
  if (pmi.upper === null || pmi.lower === null) return Math.abs(d - nominal) <= NOMINAL_ONLY;
  return d >= nominal + pmi.lower - SAME_DIAMETER && d <= nominal + pmi.upper + SAME_DIAMETER;
}

/** Every diameter a hole feature reports: drill, counterbores, countersink, and each step of its profile. */
export function holeDiameters(f: Pick<Feature, 'params'>): number[] {
  const out: number[] = [];
  for (const key of ['diameter', 'counterbore_diameter', 'back_counterbore_diameter', 'countersink_diameter']) {
    const v = f.params[key];
    if (typeof v === 'number') out.push(v);
  }
  const profile = f.params.profile;
  if (typeof profile === 'string') for (const m of profile.matchAll(/Ø([0-9.]+)/g)) out.push(Number(m[1]));
  return out;
}
