/**
 * The shown part's corrections (issue 14): kept locally at once, sent to the server when there is
 * one (server-link.ts). The server's list is the truth once the part is stored there; corrections
 * made without a server wait locally and go when one is reachable. The pipeline's result in the
 * main store is never changed: the tree marks corrected features, it does not rewrite them.
 */
import { create } from 'zustand';
import { applyCorrection, CorrectionError, startingView } from '../../analysis/corrections/apply.ts';
import type { CorrectionInput } from '../../analysis/corrections/schema.ts';
import type { AnalysisResult } from '../types.ts';
import { loadPart, savePart, type LocalCorrection, type PartCorrections } from './local.ts';
import { fetchCorrections, sendCorrection, serverLink, storeAnalysis } from './server-link.ts';

export type SyncState = 'idle' | 'local' | 'sending' | 'sent' | 'error';

export interface CorrectionsState {
  part: PartCorrections | null;
  /** Pipeline feature ids that a correction changed, removed or merged. */
  corrected: ReadonlySet<number>;
  sync: SyncState;
  message: string | null;
  /** Loads the corrections of the shown result (locally, then from the server when linked). */
  open(result: AnalysisResult, file: Blob | null): Promise<void>;
  /**
   * Checks corrections against the part, keeps them, sends them; false (with `message`) when any
   * does not fit, and then none is kept. Several at once: a quote group's correction is one per
   * feature (the server takes one feature each), all or nothing, sent in one push.
   */
  add(inputs: CorrectionInput | readonly CorrectionInput[], result: AnalysisResult, file: Blob | null): Promise<boolean>;
}

let opened: string | null = null;

/** The estimator's view after these corrections, and the pipeline features they touched. */
function touched(result: AnalysisResult, corrections: readonly CorrectionInput[], extra: readonly CorrectionInput[] = []): Set<number> {
  let view = startingView(result.features);
  const ids = new Set<number>();
  for (const c of [...corrections, ...extra]) {
    const applied = applyCorrection(view, c, result.faces.length);
    for (const f of applied.before) for (const id of f.origins) ids.add(id);
    view = applied.features;
  }
  return ids;
}

export const useCorrections = create<CorrectionsState>()((set, get) => {
  const update = async (part: PartCorrections, result: AnalysisResult, state: Partial<CorrectionsState> = {}) => {
    let corrected = new Set<number>();
    try {
      corrected = touched(result, part.corrections);
    } catch (e) {
      // A server's list made by another pipeline may not fit this result: shown, not marked.
      console.warn('[vectis] corrections do not fit this result:', e);
    }
    set({ part, corrected, ...state });
    await savePart(part);
  };

  /** Sends what is not on the server yet; stores the analysis there first if needed. */
  const push = async (result: AnalysisResult, file: Blob | null) => {
    const link = await serverLink();
    const part = get().part;
    if (!link || !part) return;
    if (part.corrections.every((c) => c.synced)) return;
    set({ sync: 'sending', message: null });
    try {
      let analysisId = part.serverAnalysisId;
      if (!analysisId) {
        if (!file) throw new Error('The file is no longer at hand: drop it again to send the corrections.');
        analysisId = await storeAnalysis(link, file, result.file.name);
      }
      const corrections: LocalCorrection[] = [];
      for (const c of part.corrections) {
        if (c.synced) corrections.push(c);
        else {
          const { id: _local, created_at, synced: _s, ...input } = c;
          corrections.push({ ...input, id: await sendCorrection(link, analysisId, input), created_at, synced: true });
        }
      }
      await update({ ...part, serverAnalysisId: analysisId, corrections }, result, { sync: 'sent' });
    } catch (e) {
      set({ sync: 'error', message: `Kept in this browser; not sent: ${(e as Error).message}` });
    }
  };

  return {
    part: null,
    corrected: new Set(),
    sync: 'idle',
    message: null,

    async open(result, file) {
      const sha256 = result.file.sha256;
      if (opened === sha256) return;
      opened = sha256;
      let part = await loadPart(sha256);
      // The server is looked for only once there is something to send or read back: a page
      // without one (vite dev/preview) then logs no failed /health for every part shown.
      const link = part.corrections.length > 0 ? await serverLink() : null;
      if (link && part.serverAnalysisId) {
        try {
          const stored = await fetchCorrections(link, part.serverAnalysisId);
          const waiting = part.corrections.filter((c) => !c.synced);
          part = {
            ...part,
            corrections: [
              ...stored.map((c) => ({
                action: c.action,
                faces: c.faces,
                feature_id: c.feature_id,
                type: c.type,
                params: c.params,
                id: c.id,
                created_at: c.created_at,
                synced: true,
              })),
              ...waiting,
            ],
          };
        } catch (e) {
          console.warn('[vectis] corrections not read from the server:', e);
        }
      }
      if (opened !== sha256) return;
      const synced = part.corrections.every((c) => c.synced);
      await update(part, result, { sync: part.corrections.length === 0 ? 'idle' : synced && link ? 'sent' : 'local', message: null });
      if (!synced) await push(result, file);
    },

    async add(inputs, result, file) {
      const part = get().part ?? { sha256: result.file.sha256, corrections: [] };
      const added: readonly CorrectionInput[] = Array.isArray(inputs) ? inputs : [inputs as CorrectionInput];
      try {
        touched(result, part.corrections, added);
      } catch (e) {
        if (e instanceof CorrectionError) {
          set({ message: e.message, sync: 'error' });
          return false;
        }
        throw e;
      }
      const created_at = new Date().toISOString();
      const local: LocalCorrection[] = added.map((input, i) => ({
        ...input,
        id: `local-${Date.now()}-${part.corrections.length + i}`,
        created_at,
        synced: false,
      }));
      await update({ ...part, corrections: [...part.corrections, ...local] }, result, { sync: 'local', message: null });
      await push(result, file);
      return true;
    },
  };
});
