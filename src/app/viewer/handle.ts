/**
 * What the viewer lets the rest of the app (and the tests, through window.vectis) ask of it,
 * registered by the part model while one is shown.
 */
export interface ViewerHandle {
  /** A canvas pixel (CSS px from the canvas' top-left) inside face `id` as seen now, or null if hidden. */
  facePixel(id: number): { x: number; y: number } | null;
  /** The face under a canvas pixel, or null. */
  pickFace(x: number, y: number): number | null;
  /**
   * The view as a PNG data URL, rendered now: the canvas renders on demand without keeping its
   * drawing buffer, so it is drawn and read in one go (the printed quote sheet's picture).
   */
  snapshot(): string | null;
}

let current: ViewerHandle | null = null;

export function setViewerHandle(handle: ViewerHandle | null): void {
  current = handle;
}

export function viewerHandle(): ViewerHandle | null {
  return current;
}
