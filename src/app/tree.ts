/**
 * The feature tree's model, built once per result. With recognised features: groups by feature
 * type, one item per feature. Until the recogniser lands (features empty): one item per surface
 * type ("Cylinders", "Planes"), so that selection, framing and colouring work the same way.
 * Every item has a stable string id: the feature id, or `surface:<type>`.
 */
import { dfmTitle, faceDescription, featureDetail, featureGroupTitle, featureTitle, modelClassText, SURFACE_GROUP_TITLES } from './format.ts';
import { pmiGroup } from './pmi-items.ts';
import type { AnalysisResult, Feature } from './types.ts';

export interface TreeItem {
  id: string;
  type: string;
  title: string;
  /** Secondary parameters ("counterbore Ø11 × 6.4 · grid 2 × 2"); empty when none. */
  detail: string;
  faces: number[];
  confidence?: number;
  method?: Feature['method'];
  /** A region the model flagged but nothing could measure: a person must look before quoting. */
  needsReview?: boolean;
  /** The feature's axis (holes, turned faces), part coordinates. */
  axis?: readonly [number, number, number];
  /** Index into the colour palette for colour-by-feature. */
  color: number;
  /** Manufacturability checks only (ids `dfm:<index>`): how bad it is. */
  severity?: 'info' | 'warning' | 'error';
}

export interface TreeGroup {
  key: string;
  title: string;
  items: TreeItem[];
}

export interface Tree {
  mode: 'features' | 'surfaces';
  groups: TreeGroup[];
  items: Map<string, TreeItem>;
  /** Item id of each face, null for a face in no feature. */
  itemOfFace: (string | null)[];
  /** One line per face: "Cylinder Ø6.60 bore". */
  faceText: string[];
  /** Faces in no feature (stock faces and what the recogniser left), features mode only. */
  unassigned: number[];
}

/** Surface types in the order a machinist scans them. */
const SURFACE_ORDER = ['plane', 'cylinder', 'cone', 'torus', 'sphere', 'bspline', 'bezier', 'revolution', 'extrusion', 'offset', 'other'];

export function surfaceItemId(surface: string): string {
  return `surface:${surface}`;
}

/**
 * The result's manufacturability checks as the tree's first group: a row selects and frames the
 * faces it is about, like a feature row, but claims no face (faces belong to their features).
 */
function checksGroup(result: AnalysisResult, items: Map<string, TreeItem>): TreeGroup | undefined {
  const checks = (result.dfm ?? []).map((d, i): TreeItem => ({
    id: `dfm:${i}`,
    type: 'dfm',
    title: dfmTitle(d),
    detail: d.message,
    faces: [...d.faces],
    severity: d.severity,
    color: 0,
  }));
  for (const item of checks) items.set(item.id, item);
  return checks.length > 0 ? { key: 'dfm', title: 'Manufacturability checks', items: checks } : undefined;
}

const UNRECOGNISED = 'unrecognised';

/** "Unrecognised region, 3 faces": no size to show, so its extent in faces. */
function reviewTitle(f: Feature): string {
  return `Unrecognised region, ${f.faces.length} face${f.faces.length === 1 ? '' : 's'}`;
}

/** What the model suggests, and why it is not a feature: "model: Rectangular pocket? · no size measured". */
function reviewDetail(f: Feature, classKind: string | undefined): string {
  const hint = f.hint ? `model: ${modelClassText(f.hint, classKind)}? · ` : '';
  return `${hint}no size measured, check before quoting`;
}

export function buildTree(result: AnalysisResult): Tree {
  const itemOfFace: (string | null)[] = result.faces.map(() => null);
  const faceText = result.faces.map(faceDescription);
  const items = new Map<string, TreeItem>();
  const groups: TreeGroup[] = [];

  if (result.features.length > 0) {
    const byType = new Map<string, TreeItem[]>();
    // Features of a model that labels modelling operations are named as such, never as machining.
    const operations = result.model?.classKind === 'modelling-operations';
    const isOperation = (type: string) => operations && result.features.some((f) => f.type === type && f.method === 'ml');
    for (const f of result.features) {
      const review = f.type === UNRECOGNISED;
      const item: TreeItem = {
        id: String(f.id),
        type: f.type,
        title: review ? reviewTitle(f) : f.method === 'ml' && operations ? modelClassText(f.type, 'modelling-operations') : featureTitle(f),
        detail: review ? reviewDetail(f, result.model?.classKind) : featureDetail(f),
        faces: [...f.faces],
        confidence: f.confidence,
        method: f.method,
        axis: f.axis,
        color: 0,
        ...(f.needs_review ? { needsReview: true } : {}),
      };
      items.set(item.id, item);
      for (const face of f.faces) if (face >= 0 && face < itemOfFace.length && itemOfFace[face] === null) itemOfFace[face] = item.id;
      const list = byType.get(f.type) ?? [];
      list.push(item);
      byType.set(f.type, list);
    }
    let color = 0;
    // Regions to review come first: they are what a quote cannot be made without.
    const order = (t: string) => (t === UNRECOGNISED ? 0 : 1);
    for (const [type, list] of [...byType].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))) {
      for (const item of list) item.color = color++;
      const title =
        type === UNRECOGNISED ? 'Needs review' : isOperation(type) ? modelClassText(type, 'modelling-operations') : featureGroupTitle(type);
      groups.push({ key: type, title, items: list });
    }
    const unassigned = itemOfFace.flatMap((item, face) => (item === null ? [face] : []));
    const checks = checksGroup(result, items);
    // The file's own tolerances last: they qualify the features above, they are not features.
    const pmi = pmiGroup(result, items);
    return { mode: 'features', groups: [...(checks ? [checks] : []), ...groups, ...(pmi ? [pmi] : [])], items, itemOfFace, faceText, unassigned };
  }

  const bySurface = new Map<string, number[]>();
  for (const face of result.faces) {
    const list = bySurface.get(face.surface) ?? [];
    list.push(face.id);
    bySurface.set(face.surface, list);
  }
  const order = (s: string) => (SURFACE_ORDER.indexOf(s) + SURFACE_ORDER.length + 1) % (SURFACE_ORDER.length + 1);
  const list: TreeItem[] = [...bySurface]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([surface, faces], i) => ({
      id: surfaceItemId(surface),
      type: surface,
      title: SURFACE_GROUP_TITLES[surface] ?? surface,
      detail: '',
      faces,
      color: i,
    }));
  for (const item of list) {
    items.set(item.id, item);
    for (const face of item.faces) itemOfFace[face] = item.id;
  }
  const checks = checksGroup(result, items);
  if (checks) groups.push(checks);
  groups.push({ key: 'surfaces', title: 'Faces by surface type', items: list });
  const pmi = pmiGroup(result, items);
  if (pmi) groups.push(pmi);
  return { mode: 'surfaces', groups, items, itemOfFace, faceText, unassigned: [] };
}
