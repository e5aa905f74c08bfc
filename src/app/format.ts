/** Text for people: numbers, sizes, stage names, face and feature descriptions, error advice. */
import type { ErrorCode, Face, Feature, Step } from './types.ts';

/** Up to `digits` decimals, trailing zeros dropped: 30, 16.5, 6.25. */
export function num(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '–';
  const fixed = value.toFixed(digits);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

export function mm(value: number): string {
  return `${num(value)} mm`;
}

export function dims(values: readonly number[]): string {
  return `${values.map((v) => num(v)).join(' × ')} mm`;
}

export function area(mm2: number): string {
  return mm2 >= 1e5 ? `${num(mm2 / 100, 1)} cm²` : `${num(mm2, 1)} mm²`;
}

export function volume(mm3: number): string {
  return mm3 >= 1e5 ? `${num(mm3 / 1000, 2)} cm³` : `${num(mm3, 1)} mm³`;
}

export function bytes(n: number): string {
  if (n >= 1024 * 1024) return `${num(n / (1024 * 1024), 1)} MB`;
  if (n >= 1024) return `${num(n / 1024, 0)} kB`;
  return `${n} B`;
}

export function duration(ms: number): string {
  return ms >= 1000 ? `${num(ms / 1000, 2)} s` : `${Math.round(ms)} ms`;
}

export const STEP_LABELS: Record<Step, string> = {
  cache: 'Checking cache',
  engine: 'Loading engine',
  read: 'Reading',
  brep: 'B-Rep graph',
  mesh: 'Meshing',
  metrics: 'Measuring',
  recognize: 'Recognising',
  infer: 'Inference',
};

export const SURFACE_GROUP_TITLES: Record<string, string> = {
  plane: 'Planes',
  cylinder: 'Cylinders',
  cone: 'Cones',
  sphere: 'Spheres',
  torus: 'Tori',
  bspline: 'B-spline surfaces',
  bezier: 'Bézier surfaces',
  revolution: 'Surfaces of revolution',
  extrusion: 'Extruded surfaces',
  offset: 'Offset surfaces',
  other: 'Other surfaces',
};

const AXES: Array<[string, [number, number, number]]> = [
  ['+X', [1, 0, 0]],
  ['−X', [-1, 0, 0]],
  ['+Y', [0, 1, 0]],
  ['−Y', [0, -1, 0]],
  ['+Z', [0, 0, 1]],
  ['−Z', [0, 0, -1]],
];

function axisName(v: readonly number[] | undefined): string | undefined {
  if (!v) return undefined;
  return AXES.find(([, a]) => a[0] * v[0]! + a[1] * v[1]! + a[2] * v[2]! > 0.9999)?.[0];
}

/** "Plane, normal +Z", "Cylinder Ø6.60 bore", "Torus r2": what a machinist reads off one face. */
export function faceDescription(face: Face): string {
  const p = face.params;
  switch (face.surface) {
    case 'plane': {
      const axis = axisName(p.normal);
      return axis ? `Plane, normal ${axis}` : 'Plane, inclined';
    }
    case 'cylinder':
      return `Cylinder Ø${(2 * (p.radius ?? 0)).toFixed(2)} ${p.internal ? 'bore' : 'boss'}`;
    case 'cone':
      return `Cone ${num(p.halfAngle ?? 0, 1)}°${p.internal ? ' (internal)' : ''}`;
    case 'sphere':
      return `Sphere Ø${(2 * (p.radius ?? 0)).toFixed(2)}`;
    case 'torus':
      return `Torus r${num(p.minorRadius ?? 0)}${p.radius !== undefined ? ` on R${num(p.radius)}` : ''}`;
    default:
      return SURFACE_GROUP_TITLES[face.surface]?.replace(/s$/, '') ?? face.surface;
  }
}

function param(f: Feature, key: string): number | undefined {
  const v = f.params[key];
  return typeof v === 'number' ? v : undefined;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace(/[_-]+/g, ' ');

/**
 * What a machinist reads first: "Hole Ø6.60 through", "4× Counterbore hole Ø6.60 through",
 * "Pocket 30 × 16 × 6, r2", "Fillet r2", "Round r50". Details go to featureDetail().
 */
export function featureTitle(f: Feature): string {
  const d = param(f, 'diameter');
  const depth = param(f, 'depth');
  const length = param(f, 'length');
  const width = param(f, 'width');
  const r = param(f, 'radius');
  const count = param(f, 'count');
  const through = f.params.through === true;
  // The group header already says "Counterbore holes": the row says "Counterbore Ø6.60 through".
  // A modelled thread reads by its designation ("Thread M16x1.5 × 20"), as on a drawing.
  if (f.type === 'thread' && typeof f.params.designation === 'string') {
    return `Thread ${f.params.designation}${f.params.internal === true ? ' internal' : ''}${length !== undefined ? ` × ${num(length)}` : ''}`;
  }
  // Whole-part and pattern features read by what an estimator prices: teeth, sheet, tube.
  if (f.type === 'gear')
    return `Gear ${param(f, 'teeth')} teeth Ø${num(param(f, 'tip_diameter') ?? 0)}${f.params.internal === true ? ' internal' : ''}`;
  if (f.type === 'sheet')
    return `Sheet metal ${num(param(f, 'thickness') ?? 0)} thick, ${param(f, 'bends')} bend${param(f, 'bends') === 1 ? '' : 's'}`;
  if (f.type === 'pipe') return `Tube Ø${num(param(f, 'outer_diameter') ?? 0)} / Ø${num(param(f, 'inner_diameter') ?? 0)} × ${num(length ?? 0)}`;
  const name = f.type === 'fillet' && f.params.convex === true ? 'Round' : capital(f.type.replace(/_hole$/, ''));
  const parts: string[] = [count !== undefined && count > 1 ? `${count}× ${name}` : name];
  if (d !== undefined) {
    parts.push(`Ø${d.toFixed(2)}`);
    parts.push(through ? 'through' : depth !== undefined ? `× ${num(depth)} deep` : '');
  } else if (length !== undefined || width !== undefined) {
    const box = [length, width, through ? undefined : depth].filter((v): v is number => v !== undefined);
    parts.push(box.map((v) => num(v)).join(' × '));
    if (through) parts.push('through');
  } else if (depth !== undefined && !through) {
    parts.push(`${num(depth)} deep`);
  }
  let text = parts.filter(Boolean).join(' ');
  if (r !== undefined) text += d === undefined && length === undefined && width === undefined ? ` r${num(r)}` : `, r${num(r)}`;
  return text;
}

/** The rest of the parameters, briefly: "counterbore Ø11 × 6.4 · grid 2 × 2", "flat bottom". */
export function featureDetail(f: Feature): string {
  const p = f.params;
  const out: string[] = [];
  const n = (k: string) => param(f, k);
  if (n('counterbore_diameter') !== undefined)
    out.push(`counterbore Ø${num(n('counterbore_diameter')!)}${n('counterbore_depth') !== undefined ? ` × ${num(n('counterbore_depth')!)}` : ''}`);
  if (n('back_counterbore_diameter') !== undefined)
    out.push(
      `back counterbore Ø${num(n('back_counterbore_diameter')!)}${n('back_counterbore_depth') !== undefined ? ` × ${num(n('back_counterbore_depth')!)}` : ''}`,
    );
  if (typeof p.profile === 'string') out.push(`steps ${p.profile}`);
  if (n('countersink_diameter') !== undefined)
    out.push(`countersink Ø${num(n('countersink_diameter')!)}${n('countersink_angle') !== undefined ? ` ${num(n('countersink_angle')!, 1)}°` : ''}`);
  // A cone at the mouth too small to seat a screw head: the hole's chamfer, no countersink.
  if (n('rim_chamfer_diameter') !== undefined)
    out.push(`chamfer Ø${num(n('rim_chamfer_diameter')!)}${n('rim_chamfer_angle') !== undefined ? ` ${num(n('rim_chamfer_angle')!, 1)}°` : ''}`);
  // Chamfered at both mouths: the far one is a second deburring setup.
  if (n('back_rim_chamfer_diameter') !== undefined)
    out.push(
      `back chamfer Ø${num(n('back_rim_chamfer_diameter')!)}${n('back_rim_chamfer_angle') !== undefined ? ` ${num(n('back_rim_chamfer_angle')!, 1)}°` : ''}`,
    );
  if (typeof p.bottom === 'string')
    out.push(
      `${p.bottom} bottom${n('bottom_angle') !== undefined ? ` ${num(n('bottom_angle')!, 1)}°` : n('bottom_radius') !== undefined ? ` r${num(n('bottom_radius')!)}` : ''}`,
    );
  if (typeof p.outline === 'string') out.push(p.outline);
  if (p.open === true) out.push(n('open_sides') !== undefined ? `open on ${n('open_sides')} side${n('open_sides') === 1 ? '' : 's'}` : 'open');
  if (f.type === 'thread') {
    if (n('pitch') !== undefined) out.push(`pitch ${num(n('pitch')!)}`);
    if (typeof p.form === 'string')
      out.push(p.form === 'v-rings' ? 'modelled as rings' : `${p.form}${typeof p.hand === 'string' ? ` ${p.hand}-hand` : ''}`);
  }
  if (typeof p.thread === 'string') out.push(`tap drill for ${p.thread}`);
  // No thread drawn: the size only hints at a tap (a Ø14 hole is as often a clearance hole).
  else if (typeof p.tap_drill_for === 'string') out.push(`${p.tap_drill_for} tap drill size, no thread drawn`);
  if (n('angle') !== undefined) out.push(`${num(n('angle')!, 1)}°`);
  if (typeof p.pattern === 'string') {
    const grid = n('rows') !== undefined && n('columns') !== undefined ? ` ${n('rows')} × ${n('columns')}` : '';
    out.push(`${p.pattern.replace(/_/g, ' ')}${grid}`);
  }
  return out.join(' · ');
}

export function featureGroupTitle(type: string): string {
  const t = capital(type);
  return /(s|sh|ch|x)$/.test(t) ? `${t}es` : `${t}s`;
}

const DFM_TITLES: Record<string, string> = {
  DEEP_HOLE: 'Deep hole',
  NON_STANDARD_HOLE: 'Non-standard hole size',
  SMALL_CORNER_RADIUS: 'Corner radius too small for its depth',
  THIN_WALL: 'Thin wall',
  UNREACHABLE_FEATURE: 'Undercut: no 3-axis direction reaches it',
  IMPLAUSIBLE_SIZE: 'Implausible part size: check the units',
};

/** "Deep hole: 14.5 (expected ≤ 6)": the check, and the figures it measured, briefly. */
export function dfmTitle(d: { code: string; expected: number | string; actual: number | string }): string {
  const name = DFM_TITLES[d.code] ?? capital(d.code.toLowerCase());
  const figure = (v: number | string) => (typeof v === 'number' ? num(v) : v);
  return `${name}: ${figure(d.actual)} (expected ${figure(d.expected)})`;
}

/** Autodesk's checkpoints name modelling operations in CamelCase ("ExtrudeSide"). */
const words = (s: string) => capital(s.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());

/**
 * A segmentation model's class as the user reads it: our models name machining features
 * ("Rectangular pocket"); Autodesk's BRepNet checkpoints name the CAD operation that made the face
 * ("Modelling operation: Extrude side"), which is not a machining feature and must not read as one.
 */
export function modelClassText(label: string, classKind: string | undefined): string {
  return classKind === 'modelling-operations' ? `Modelling operation: ${words(label)}` : capital(label);
}

export interface ErrorAdvice {
  title: string;
  advice: string;
}

const ADVICE: Record<ErrorCode, ErrorAdvice> = {
  NOT_STEP: { title: 'This is not a STEP file', advice: 'Choose a .step or .stp file exported from your CAD system (AP203, AP214 or AP242).' },
  EMPTY: { title: 'The file is empty', advice: 'Export the part again and choose the new file.' },
  INVALID_STEP: {
    title: 'The STEP data cannot be read',
    advice: 'The file has a STEP header but its data section is not valid STEP. Export the part again from your CAD system.',
  },
  TRUNCATED: {
    title: 'The file is incomplete',
    advice: 'It ends before the STEP data does; the download or export was probably cut off. Export or download it again.',
  },
  UNSUPPORTED_SCHEMA: { title: 'This STEP version is not supported', advice: 'Export as AP203, AP214 or AP242.' },
  NO_SOLID: { title: 'The file holds no solid body', advice: 'It has only surfaces or wireframe. Export the part as a solid (closed B-Rep).' },
  TOO_LARGE: { title: 'The file is too large', advice: 'Export the single part rather than the whole assembly, or simplify it.' },
  TIMEOUT: { title: 'The analysis took too long', advice: 'Try again; if it keeps happening, export the single part rather than an assembly.' },
  OUT_OF_MEMORY: { title: 'The part is too big for this browser tab', advice: 'Close other tabs and try again, or export a simpler part.' },
  OCC_FAILURE: {
    title: 'The geometry engine could not process this part',
    advice: 'The file may contain invalid geometry. Repair or re-export it from your CAD system.',
  },
  MODEL_UNAVAILABLE: {
    title: 'Feature recognition is unavailable',
    advice: 'The recognition model could not be loaded. Reload the page and try again.',
  },
  CANCELLED: { title: 'Analysis cancelled', advice: 'Drop a file to start again.' },
  INTERNAL: {
    title: 'Something went wrong on our side',
    advice: 'Reload the page and try again. If it happens again, send us the file and the code below.',
  },
};

export function errorAdvice(code: ErrorCode): ErrorAdvice {
  return ADVICE[code] ?? ADVICE.INTERNAL;
}
