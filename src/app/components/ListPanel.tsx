/**
 * The left panel: the quote view (features grouped as priced; the default) or the feature tree
 * (one row per feature, with its faces), switched by [data-testid=view-quote] and
 * [data-testid=view-features]; colour-by-feature applies to both.
 */
import { useVectis, type ListMode } from '../store.ts';
import { FeatureTree } from './FeatureTree.tsx';
import { QuoteView } from './QuoteView.tsx';

const MODES: Array<[ListMode, string, string]> = [
  ['quote', 'Quote', 'Features grouped as they are priced, hole table and machining summary'],
  ['features', 'Features', 'Every recognised feature on its own row, with its faces'],
];

export function ListPanel() {
  const mode = useVectis((s) => s.listMode);
  const tree = useVectis((s) => s.tree);
  const colorByFeature = useVectis((s) => s.colorByFeature);
  const { setListMode, setColorByFeature } = useVectis.getState();
  return (
    <section className="tree" aria-label={mode === 'quote' ? 'Quote view' : 'Feature tree'}>
      <div className="panel-header">
        <div className="segmented" role="tablist" aria-label="List">
          {MODES.map(([m, label, title]) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              title={title}
              data-testid={`view-${m}`}
              onClick={() => setListMode(m)}
            >
              {label}
            </button>
          ))}
        </div>
        <label className="toggle" title="Colour each feature group (or surface type) differently">
          <input
            type="checkbox"
            data-testid="color-toggle"
            checked={colorByFeature}
            disabled={!tree}
            onChange={(e) => setColorByFeature(e.currentTarget.checked)}
          />
          <span>Colour by feature</span>
        </label>
      </div>
      {mode === 'quote' ? <QuoteView /> : <FeatureTree />}
    </section>
  );
}
