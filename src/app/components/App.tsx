/**
 * The app shell. The whole window is the drop zone ([data-testid=dropzone], holding the file
 * input); header, feature tree, viewer with its overlays, summary, status bar.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { analyzeFile } from '../analysis-service.ts';
import { useVectis } from '../store.ts';
import { ViewportOverlay } from './Overlays.tsx';
import { ListPanel } from './ListPanel.tsx';
import { QuoteSheet } from './QuoteSheet.tsx';
import { SelectionPanel } from './SelectionPanel.tsx';
import { StatusBar } from './StatusBar.tsx';
import { Summary } from './Summary.tsx';
import { TopBar } from './TopBar.tsx';
import { ViewToolbar } from './ViewToolbar.tsx';

// three.js, @react-three/fiber and drei are most of the app's code: the shell, drop zone and tree
// paint first, and the viewer's chunk loads meanwhile (long before an analysis can finish).
const Viewer = lazy(() => import('../viewer/Viewer.tsx').then((m) => ({ default: m.Viewer })));

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function App() {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const hasResult = useVectis((s) => s.result !== null);
  const openPicker = useCallback(() => input.current?.click(), []);

  // Escape clears the selection and F fits the view, as in CAD tools.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Escape') useVectis.getState().selectFace(null);
      if ((e.key === 'f' || e.key === 'F') && useVectis.getState().result) useVectis.getState().requestView('fit');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div
      className="app"
      data-testid="dropzone"
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(e) => {
        // Leaving the window (not just moving between children) ends the drag.
        if (e.relatedTarget === null) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) void analyzeFile(file);
      }}
    >
      <input
        ref={input}
        type="file"
        accept=".step,.stp,.STEP,.STP"
        data-testid="file-input"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Reset, so that choosing the same file again fires `change` again (and hits the cache).
          e.currentTarget.value = '';
          if (file) void analyzeFile(file);
        }}
      />
      <TopBar onOpen={openPicker} />
      <main className="workspace">
        <aside className="panel panel-left">
          <ListPanel />
        </aside>
        <section className="viewport">
          <Suspense fallback={<div className="viewer-loading" data-testid="viewer-loading" />}>
            <Viewer />
          </Suspense>
          {hasResult && <ViewToolbar />}
          <ViewportOverlay onOpen={openPicker} />
          {dragging && (
            <div className="drop-overlay" aria-hidden>
              <div>Drop the STEP file to analyse it</div>
            </div>
          )}
        </section>
        <aside className="panel panel-right">
          <SelectionPanel />
          <Summary />
        </aside>
      </main>
      <StatusBar />
      <QuoteSheet />
    </div>
  );
}
