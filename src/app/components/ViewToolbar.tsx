/** Floating view buttons over the canvas: fit and the standard views. */
import { useVectis, type ViewKind } from '../store.ts';

const VIEWS: Array<[ViewKind, string, string]> = [
  ['fit', 'Fit', 'Fit the part to the view (F)'],
  ['iso', 'Iso', 'Isometric view'],
  ['top', 'Top', 'View from +Z'],
  ['front', 'Front', 'View from −Y'],
  ['right', 'Right', 'View from +X'],
];

export function ViewToolbar() {
  const requestView = useVectis((s) => s.requestView);
  return (
    <div className="view-toolbar" role="toolbar" aria-label="Views">
      {VIEWS.map(([kind, label, title]) => (
        <button key={kind} type="button" className="btn btn-ghost" data-testid={`view-${kind}`} title={title} onClick={() => requestView(kind)}>
          {label}
        </button>
      ))}
    </div>
  );
}
