/**
 * window.vectis: the page's contract with tests and scripts. `result` is the shown result (or
 * null), `selectFace(id)` selects like a click in the viewer, `facePixel(id)` gives a canvas pixel
 * (CSS px from the canvas' top-left) where face `id` is visible now, or null.
 */
import { prepareSheet } from './print-sheet.ts';
import { highlightedFaces, useVectis } from './store.ts';
import type { AnalysisResult } from './types.ts';
import { viewerHandle } from './viewer/handle.ts';

export interface VectisApi {
  readonly result: AnalysisResult | null;
  selectFace(id: number | null): void;
  facePixel(id: number): { x: number; y: number } | null;
  /** Selects a tree row by its item id (feature id, or `surface:<type>`), framing its faces. */
  selectFeature(id: string | null): void;
  /** Faces drawn as selected right now. */
  highlightedFaces(): number[];
  /** The face under a canvas pixel, or null. */
  pickFace(x: number, y: number): number | null;
  /** Current selection and where the result came from; `shown`: what the viewer draws (the early mesh, or the result). */
  /**
   * Takes the printed quote sheet's picture (what "Print sheet" does before the browser's print
   * dialog), so a script can print the page itself (Playwright's page.pdf()).
   */
  prepareSheet(): Promise<void>;
  state(): {
    phase: string;
    source: string | null;
    shown: 'none' | 'mesh' | 'result';
    selectedFace: number | null;
    selectedFeature: string | null;
    colorByFeature: boolean;
  };
}

declare global {
  interface Window {
    vectis: VectisApi;
  }
}

export function installVectisApi(): void {
  const get = useVectis.getState;
  window.vectis = {
    get result() {
      return get().result;
    },
    selectFace: (id) => get().selectFace(id),
    facePixel: (id) => viewerHandle()?.facePixel(id) ?? null,
    selectFeature: (id) => get().selectItem(id),
    highlightedFaces: () => highlightedFaces(get()),
    pickFace: (x, y) => viewerHandle()?.pickFace(x, y) ?? null,
    prepareSheet,
    state: () => {
      const s = get();
      const shown = s.result ? 'result' : s.preview ? 'mesh' : 'none';
      return {
        phase: s.phase,
        source: s.source,
        shown,
        selectedFace: s.selectedFace,
        selectedFeature: s.selectedItem,
        colorByFeature: s.colorByFeature,
      };
    },
  };
}
