/** The current selection: the picked face and its feature (or surface group), with attributes for tests. */
import { area, modelClassText, num } from '../format.ts';
import { highlightedFaces, useVectis } from '../store.ts';
import { CorrectFeature } from './CorrectFeature.tsx';

export function SelectionPanel() {
  const result = useVectis((s) => s.result);
  const tree = useVectis((s) => s.tree);
  const selectedFace = useVectis((s) => s.selectedFace);
  const selectedItem = useVectis((s) => s.selectedItem);
  const { selectFace, requestView } = useVectis.getState();
  const item = selectedItem !== null ? tree?.items.get(selectedItem) : undefined;
  const face = selectedFace !== null ? result?.faces[selectedFace] : undefined;
  const faces = highlightedFaces({ tree, selectedFace, selectedItem });
  const total = faces.reduce((sum, f) => sum + (result?.faces[f]?.area ?? 0), 0);

  return (
    <section
      className="selection"
      data-testid="selection"
      data-face-id={selectedFace ?? ''}
      data-feature-id={selectedItem ?? ''}
      aria-label="Selection"
    >
      <div className="panel-header">
        <h2>Selection</h2>
        {faces.length > 0 && (
          <div className="header-actions">
            <button type="button" className="btn btn-small btn-ghost" onClick={() => requestView('faces', faces)}>
              Frame
            </button>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => selectFace(null)}>
              Clear
            </button>
          </div>
        )}
      </div>
      {faces.length === 0 ? (
        <p className="empty-note">{result ? 'Click a face in the view or a row in the tree.' : 'Nothing selected.'}</p>
      ) : (
        <dl className="facts">
          {face && (
            <>
              <dt>Face</dt>
              <dd data-testid="selection-face">
                <strong>{face.id}</strong> · {tree?.faceText[face.id]}
              </dd>
              <dt>Face area</dt>
              <dd>{area(face.area)}</dd>
              {face.label !== undefined && (
                <>
                  <dt>Model</dt>
                  <dd data-testid="selection-label">
                    {modelClassText(face.label, result?.model?.classKind)}
                    {face.confidence !== undefined && <span className="muted"> · {num(face.confidence * 100, 0)}%</span>}
                  </dd>
                </>
              )}
            </>
          )}
          <dt>{tree?.mode === 'features' ? 'Feature' : 'Group'}</dt>
          <dd data-testid="selection-feature">
            {item ? (
              <>
                {item.title}
                {item.confidence !== undefined && (
                  <span className="muted">
                    {' '}
                    · {num(item.confidence * 100, 0)}% · {item.method}
                  </span>
                )}
              </>
            ) : (
              <span className="muted">none</span>
            )}
          </dd>
          {!face && (
            <>
              <dt>Faces</dt>
              <dd>
                {faces.length} · {area(total)}
              </dd>
            </>
          )}
        </dl>
      )}
      <CorrectFeature />
    </section>
  );
}
