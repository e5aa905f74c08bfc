/**
 * The printable quote sheet's picture and the print action. The picture is the viewer's canvas
 * taken with the whole part fitted in the current direction (a row click may have zoomed onto one
 * hole), colour-by-feature on and nothing selected or hovered (selection blue would hide the
 * groups' colours), so each group's colour matches the swatch of its row on the sheet; the
 * user's own selection and colouring come back right after (the view stays fitted).
 */
import { flushSync } from 'react-dom';
import { create } from 'zustand';
import { useVectis } from './store.ts';
import { viewerHandle } from './viewer/handle.ts';

export const useSheet = create<{ image: string | null }>()(() => ({ image: null }));

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Takes the sheet's picture: repaints the part coloured by group, renders and reads the canvas. */
export async function prepareSheet(): Promise<void> {
  const before = useVectis.getState();
  const { colorByFeature, selectedFace, selectedItem } = before;
  useVectis.setState({ colorByFeature: true, selectedFace: null, selectedItem: null, hoverFace: null, hoverItem: null });
  before.requestView('fit');
  // One frame for React to commit (the part model repaints its vertex colours in a layout effect), one to be safe.
  await nextFrame();
  await nextFrame();
  const image = viewerHandle()?.snapshot() ?? null;
  useVectis.setState({ colorByFeature, selectedFace, selectedItem });
  useSheet.setState({ image });
}

/** The toolbar's "Print quote sheet": picture first, then the browser's print dialog. */
export async function printQuoteSheet(): Promise<void> {
  await prepareSheet();
  window.print();
}

/**
 * Ctrl+P without the button: take the current view as it is (synchronously: the print layout is
 * made right after this event), unless a picture was already taken for this result.
 */
export function installPrintHook(): void {
  window.addEventListener('beforeprint', () => {
    if (useSheet.getState().image !== null) return;
    const image = viewerHandle()?.snapshot() ?? null;
    flushSync(() => useSheet.setState({ image }));
  });
  // A new result makes the old picture wrong.
  useVectis.subscribe((s, prev) => {
    if (s.result !== prev.result) useSheet.setState({ image: null });
  });
}
