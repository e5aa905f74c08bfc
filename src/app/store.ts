/**
 * The app's one store (zustand): what is loaded, how far the analysis is, what is selected and
 * what the camera was last asked to do. Components read slices of it; the analysis service and
 * the viewer write it through the actions below.
 */
import { create } from 'zustand';
import { buildQuote, withQuoteItems, type Quote } from './quote/quote.ts';
import { buildTree, type Tree } from './tree.ts';
import type { AnalysisResult, Progress, SerializedError, ShownPart, Step } from './types.ts';

export type Phase = 'idle' | 'running' | 'done' | 'error' | 'cancelled';
export type { Step };
/** `startedAt`: ms since the analysis began (worker clock); `ms`: how long the step took. */
export type StepState = { state: 'running' | 'done'; startedAt?: number; ms?: number };
/** The left panel: features grouped as they are priced (default), or one row per feature. */
export type ListMode = 'quote' | 'features';
export type ViewKind = 'fit' | 'iso' | 'top' | 'front' | 'right' | 'faces';
export interface ViewCommand {
  kind: ViewKind;
  faces?: number[];
  /** For 'faces': the feature's axis (part coordinates), a hint for where to look from. */
  axis?: readonly [number, number, number];
  /** Increases with every command, so that repeating one (Fit, Fit) still acts. */
  seq: number;
}

export interface VectisState {
  phase: Phase;
  fileName: string | null;
  fileBytes: number;
  steps: Partial<Record<Step, StepState>>;
  result: AnalysisResult | null;
  /** The worker's early mesh while the rest of the analysis runs (null once the result is in). */
  preview: ShownPart | null;
  tree: Tree | null;
  /** Groups, hole table and machining summary; its groups are items of `tree` too. */
  quote: Quote | null;
  /** Where the shown result came from, and when it was first analysed (cache hits). */
  source: 'analysis' | 'cache' | null;
  analysedAt: number | null;
  /** Wall time from file chosen to result in hand, ms. */
  wallMs: number | null;
  error: SerializedError | null;
  selectedFace: number | null;
  /** Tree item id (a feature id, or `surface:<type>` until features exist). */
  selectedItem: string | null;
  hoverFace: number | null;
  hoverItem: string | null;
  colorByFeature: boolean;
  listMode: ListMode;
  view: ViewCommand;

  begin(name: string, bytes: number): void;
  step(step: Step, state: 'running' | 'done', ms?: number): void;
  progress(p: Progress): void;
  /** The mesh exists: show the shaded part now, before the rest of the result. */
  showMesh(mesh: AnalysisResult['mesh'], bbox: AnalysisResult['part']['bbox']): void;
  finish(result: AnalysisResult, source: 'analysis' | 'cache', analysedAt: number, wallMs: number): void;
  fail(error: SerializedError): void;
  cancelled(): void;
  selectFace(id: number | null): void;
  selectItem(id: string | null, frame?: boolean): void;
  setHoverFace(id: number | null): void;
  setHoverItem(id: string | null): void;
  setColorByFeature(on: boolean): void;
  setListMode(mode: ListMode): void;
  requestView(kind: ViewKind, faces?: number[]): void;
}

const cleared = {
  result: null,
  preview: null,
  tree: null,
  quote: null,
  source: null,
  analysedAt: null,
  wallMs: null,
  error: null,
  selectedFace: null,
  selectedItem: null,
  hoverFace: null,
  hoverItem: null,
} as const;

export const useVectis = create<VectisState>()((set, get) => ({
  phase: 'idle',
  fileName: null,
  fileBytes: 0,
  steps: {},
  ...cleared,
  colorByFeature: false,
  listMode: 'quote',
  view: { kind: 'iso', seq: 0 },

  begin: (name, bytes) => set({ ...cleared, phase: 'running', fileName: name, fileBytes: bytes, steps: {} }),
  step: (step, state, ms) => set((s) => ({ steps: { ...s.steps, [step]: { state, ms } } })),
  progress: (p) =>
    set((s) => {
      const prev = s.steps[p.stage];
      const next: StepState =
        p.state === 'start'
          ? { state: 'running', startedAt: p.elapsed }
          : { state: 'done', startedAt: prev?.startedAt, ms: prev?.startedAt !== undefined ? p.elapsed - prev.startedAt : undefined };
      return { steps: { ...s.steps, [p.stage]: next } };
    }),
  showMesh: (mesh, bbox) =>
    set((s) => (s.phase === 'running' ? { preview: { mesh, part: { bbox }, faces: [] }, view: { kind: 'iso', seq: s.view.seq + 1 } } : {})),
  finish: (result, source, analysedAt, wallMs) =>
    set((s) => {
      const quote = buildQuote(result);
      return {
        ...cleared,
        phase: 'done',
        result,
        tree: withQuoteItems(buildTree(result), quote, result),
        quote,
        source,
        analysedAt,
        wallMs,
        fileName: result.file.name,
        // The preview was framed already; refitting now would jump under a user who began orbiting.
        view: s.preview ? s.view : { kind: 'iso', seq: s.view.seq + 1 },
      };
    }),
  fail: (error) => set({ ...cleared, phase: 'error', error }),
  cancelled: () => set({ ...cleared, phase: 'cancelled' }),

  selectFace: (id) => {
    const { tree, result } = get();
    if (id === null || !result || id < 0 || id >= result.faces.length) {
      set({ selectedFace: null, selectedItem: null });
      return;
    }
    set({ selectedFace: id, selectedItem: tree?.itemOfFace[id] ?? null });
  },
  selectItem: (id, frame = true) => {
    const item = id === null ? undefined : get().tree?.items.get(id);
    if (!item) {
      set({ selectedFace: null, selectedItem: null });
      return;
    }
    set((s) => ({
      selectedFace: null,
      selectedItem: item.id,
      view: frame ? { kind: 'faces', faces: item.faces, axis: item.axis, seq: s.view.seq + 1 } : s.view,
    }));
  },
  setHoverFace: (id) => {
    if (get().hoverFace !== id) set({ hoverFace: id });
  },
  setHoverItem: (id) => {
    if (get().hoverItem !== id) set({ hoverItem: id });
  },
  setColorByFeature: (on) => set({ colorByFeature: on }),
  setListMode: (mode) => set({ listMode: mode }),
  requestView: (kind, faces) => set((s) => ({ view: { kind, faces, seq: s.view.seq + 1 } })),
}));

/**
 * Faces drawn as selected. A face picked in the viewer is highlighted with the rest of its
 * feature when there are real features; until then (surface-type groups) only the face itself,
 * since "all planes" is no help. A tree row highlights all of its faces.
 */
export function highlightedFaces(s: Pick<VectisState, 'tree' | 'selectedFace' | 'selectedItem'>): number[] {
  const item = s.selectedItem !== null ? s.tree?.items.get(s.selectedItem) : undefined;
  if (s.selectedFace !== null) {
    if (item && s.tree?.mode === 'features') return [s.selectedFace, ...item.faces.filter((f) => f !== s.selectedFace)];
    return [s.selectedFace];
  }
  return item ? [...item.faces] : [];
}
