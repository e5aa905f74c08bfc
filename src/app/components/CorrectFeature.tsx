/**
 * [data-testid=correct-feature]: the estimator corrects what is selected (issue 14). On a feature:
 * change its type, correct a dimension, or say it is not a feature; on faces no feature claims:
 * name the region. On a quote group (`group:<key>`, the quote view's row): the same change to every
 * feature of the group, one correction per feature (the server takes one feature each), so the
 * accuracy report counts each. Kept in this browser at once and sent to the server when the
 * app has one (corrections/server-link.ts); [data-testid=correction-status] says which. The
 * part's corrections are listed as [data-testid=correction-item]. The pipeline's result is not
 * changed: corrections are the estimator's, shown beside it.
 */
import { useEffect, useState } from 'react';
import { CORRECTION_ACTIONS, type CorrectionAction, type CorrectionInput } from '../../analysis/corrections/schema.ts';
import { shownFile } from '../analysis-service.ts';
import { useCorrections } from '../corrections/store.ts';
import { highlightedFaces, useVectis } from '../store.ts';
import type { Quote } from '../quote/quote.ts';
import type { AnalysisResult, Feature } from '../types.ts';

const ACTION_TEXT: Record<CorrectionAction, string> = {
  retype: 'Change type',
  redimension: 'Correct a dimension',
  not_a_feature: 'Not a feature',
  name_region: 'Name this region',
  merge: 'Merge',
  split: 'Split',
};
const STATUS_TEXT = { idle: '', local: 'Kept in this browser', sending: 'Sending…', sent: 'Stored on the server', error: '' } as const;

/** The feature the selection points at: the selected row, or the feature of the picked face. */
function selectedFeature(
  result: AnalysisResult,
  item: string | null,
  face: number | null,
  itemOfFace: (string | null)[] | undefined,
): Feature | undefined {
  const id = item !== null && /^\d+$/.test(item) ? item : face !== null ? itemOfFace?.[face] : null;
  return id && /^\d+$/.test(id) ? result.features.find((f) => f.id === Number(id)) : undefined;
}

/**
 * The features a selection corrects: a quote group's features when its row is selected, else the
 * one selected feature; `id` is what [data-testid=correct-feature] names (`group:<key>` or the
 * feature id). A group without features (none so far) falls through to the face-set form.
 */
function selectedFeatures(
  result: AnalysisResult,
  quote: Quote | null,
  item: string | null,
  face: number | null,
  itemOfFace: (string | null)[] | undefined,
): { id: string; features: Feature[] } | undefined {
  const group = item?.startsWith('group:') ? quote?.groups.find((g) => g.id === item) : undefined;
  if (group && group.featureIds.length > 0) {
    const features = result.features.filter((f) => group.featureIds.includes(f.id));
    return { id: group.id, features };
  }
  const feature = selectedFeature(result, item, face, itemOfFace);
  return feature ? { id: String(feature.id), features: [feature] } : undefined;
}

function CorrectionList() {
  const part = useCorrections((s) => s.part);
  if (!part || part.corrections.length === 0) return null;
  return (
    <ul className="items" aria-label="Corrections" style={{ padding: '0 14px 10px', margin: 0 }}>
      {part.corrections.map((c) => (
        <li
          key={c.id}
          data-testid="correction-item"
          data-action={c.action}
          data-feature-id={c.feature_id ?? ''}
          data-type={c.type ?? ''}
          data-synced={String(c.synced)}
          className="muted"
        >
          {ACTION_TEXT[c.action]}
          {c.feature_id !== undefined ? ` · feature ${c.feature_id}` : ` · ${c.faces.length} faces`}
          {c.type ? ` → ${c.type}` : ''}
          {c.params
            ? ` · ${Object.entries(c.params)
                .map(([k, v]) => `${k} ${String(v)}`)
                .join(', ')}`
            : ''}
          {c.synced ? '' : ' (not sent)'}
        </li>
      ))}
    </ul>
  );
}

export function CorrectFeature() {
  const result = useVectis((s) => s.result);
  const tree = useVectis((s) => s.tree);
  const selectedFace = useVectis((s) => s.selectedFace);
  const selectedItem = useVectis((s) => s.selectedItem);
  const quote = useVectis((s) => s.quote);
  const sync = useCorrections((s) => s.sync);
  const message = useCorrections((s) => s.message);
  const [action, setAction] = useState<CorrectionAction>('retype');
  const [type, setType] = useState('');
  const [param, setParam] = useState('');
  const [value, setValue] = useState('');

  useEffect(() => {
    if (result) void useCorrections.getState().open(result, shownFile());
  }, [result]);

  const selected = result ? selectedFeatures(result, quote, selectedItem, selectedFace, tree?.itemOfFace) : undefined;
  const features = selected?.features ?? [];
  const feature = features[0];
  const faces = selected ? features.flatMap((f) => f.faces) : highlightedFaces({ tree, selectedFace, selectedItem });
  const claimed = faces.some((f) => tree?.itemOfFace[f] !== null && /^\d+$/.test(tree?.itemOfFace[f] ?? ''));
  // Merge and split are not offered, on a feature or a group: a group's features are separate
  // pieces of one size (merging them would make one feature of parts apart), and a split picks
  // some faces of one feature, which needs faces picked in the view, not a row.
  const actions = CORRECTION_ACTIONS.filter((a) =>
    feature ? ['retype', 'redimension', 'not_a_feature'].includes(a) : a === 'name_region' && !claimed,
  );
  const chosen = actions.includes(action) ? action : actions[0];
  // A group's features share their priced dimensions: offer those every one of them has.
  const dimensions = feature
    ? Object.entries(feature.params)
        .filter(([k, v]) => typeof v === 'number' && features.every((f) => typeof f.params[k] === 'number'))
        .map(([k]) => k)
    : [];
  const dimension = dimensions.includes(param) ? param : (dimensions[0] ?? '');

  if (!result) return null;
  const types = [...new Set(result.features.map((f) => f.type))].sort();
  const submit = async () => {
    if (!chosen) return;
    const change: Pick<CorrectionInput, 'type' | 'params'> = {};
    if (chosen === 'retype' || chosen === 'name_region') change.type = type.trim();
    if (chosen === 'redimension') change.params = { [dimension]: Number(value) };
    const inputs: CorrectionInput[] = selected
      ? features.map((f) => ({ action: chosen, faces: [...f.faces], feature_id: f.id, ...change }))
      : [{ action: chosen, faces: [...faces], ...change }];
    if (await useCorrections.getState().add(inputs, result, shownFile())) {
      setType('');
      setValue('');
    }
  };
  const ready =
    chosen === 'retype' || chosen === 'name_region'
      ? /^[a-z][a-z0-9_]*$/.test(type.trim())
      : chosen === 'redimension'
        ? dimension !== '' && value.trim() !== '' && Number.isFinite(Number(value))
        : !!chosen;

  return (
    <div data-testid="correct-feature" data-feature-id={selected?.id ?? ''} data-feature-ids={features.map((f) => f.id).join(',')} data-sync={sync}>
      {chosen && faces.length > 0 && (
        <form
          className="facts"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {features.length > 1 && (
            <>
              <dt>Applies to</dt>
              <dd data-testid="correct-scope">each of the group's {features.length} features</dd>
            </>
          )}
          <dt>Correct</dt>
          <dd>
            <select data-testid="correct-action" value={chosen} onChange={(e) => setAction(e.currentTarget.value as CorrectionAction)}>
              {actions.map((a) => (
                <option key={a} value={a}>
                  {ACTION_TEXT[a]}
                </option>
              ))}
            </select>
          </dd>
          {(chosen === 'retype' || chosen === 'name_region') && (
            <>
              <dt>Type</dt>
              <dd>
                <input
                  data-testid="correct-type"
                  list="vectis-feature-types"
                  value={type}
                  placeholder="e.g. pocket"
                  onChange={(e) => setType(e.currentTarget.value)}
                />
                <datalist id="vectis-feature-types">
                  {types.map((t) => (
                    <option key={t} value={t} />
                  ))}
                </datalist>
              </dd>
            </>
          )}
          {chosen === 'redimension' && (
            <>
              <dt>Dimension</dt>
              <dd>
                <select data-testid="correct-param" value={dimension} onChange={(e) => setParam(e.currentTarget.value)}>
                  {dimensions.map((d) => (
                    <option key={d} value={d}>
                      {d} (now {String(feature?.params[d])})
                    </option>
                  ))}
                </select>{' '}
                <input data-testid="correct-value" inputMode="decimal" size={8} value={value} onChange={(e) => setValue(e.currentTarget.value)} />
              </dd>
            </>
          )}
          <dt />
          <dd>
            <button type="submit" className="btn btn-small btn-primary" data-testid="correct-submit" disabled={!ready}>
              Save correction
            </button>
          </dd>
        </form>
      )}
      <p className="muted" data-testid="correction-status" data-state={sync} style={{ padding: '0 14px', margin: '0 0 6px' }}>
        {message ?? STATUS_TEXT[sync]}
      </p>
      <CorrectionList />
    </div>
  );
}
