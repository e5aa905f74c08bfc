/**
 * From a chosen file to a result in the store: hash, cache lookup, analysis in the worker (the
 * bytes are transferred, not copied), cache write. One analysis at a time: a new file or Cancel
 * terminates the worker in flight (the only way to stop OCC) and a fresh one takes over.
 *
 * `?cache=off` in the page URL skips the cache (the browser benchmark uses it); `?ml=off` skips the
 * segmentation model (geometric recognition only).
 */
import { AnalysisClient } from './analysis-client.ts';
import { getCached, putCached, sha256Hex } from './cache.ts';
import { perfMark } from './perf-marks.ts';
import { useVectis } from './store.ts';

const client = new AnalysisClient();
/** Increases with every file and every cancel; a run whose number is stale drops its outcome. */
let run = 0;
/** The last cache write: a lookup waits for it, so the same file dropped twice in a row always hits. */
let lastWrite: Promise<void> = Promise.resolve();
/** The file last chosen: corrections send it to a server that has not stored this part yet. */
let lastFile: File | null = null;

/** The file of the shown result (its bytes went to the worker; the File can be read again). */
export function shownFile(): File | null {
  return lastFile;
}

function cacheEnabled(): boolean {
  return new URLSearchParams(location.search).get('cache') !== 'off';
}

function mlEnabled(): boolean {
  return new URLSearchParams(location.search).get('ml') !== 'off';
}

/** Starts the worker and its engine now, so they are ready when the user picks a file. */
export function warmUp(): void {
  client.warm();
}

export async function analyzeFile(file: File): Promise<void> {
  const store = useVectis.getState;
  if (store().phase === 'running') client.terminate();
  const mine = ++run;
  lastFile = file;
  const stale = () => mine !== run;
  const t0 = performance.now();
  perfMark('file');
  store().begin(file.name, file.size);

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    if (!stale()) store().fail({ code: 'INTERNAL', message: `The file could not be read: ${e instanceof Error ? e.message : String(e)}` });
    return;
  }
  if (stale()) return;

  if (cacheEnabled() && bytes.byteLength > 0) {
    store().step('cache', 'running');
    const c0 = performance.now();
    const hash = await sha256Hex(bytes);
    await lastWrite;
    const hit = await getCached(hash, mlEnabled());
    if (stale()) return;
    store().step('cache', 'done', performance.now() - c0);
    if (hit) {
      // Same bytes, maybe another name: show the name the user just chose.
      const result = { ...hit.result, file: { ...hit.result.file, name: file.name } };
      store().finish(result, 'cache', hit.analysedAt, performance.now() - t0);
      return;
    }
  }

  const w0 = performance.now();
  const outcome = await client.analyze(
    bytes,
    file.name,
    (p) => {
      if (!stale()) store().progress(p);
    },
    { ml: mlEnabled() },
    ({ mesh, bbox }) => {
      perfMark('mesh-received');
      if (!stale()) store().showMesh(mesh, bbox);
    },
  );
  if (stale()) return;
  if (!outcome.ok) {
    if (outcome.error.code === 'CANCELLED') store().cancelled();
    else store().fail(outcome.error);
    return;
  }
  perfMark('result-received');
  const analysedAt = Date.now();
  const r = outcome.result;
  console.debug(
    `[vectis] ${file.name}: worker call ${(performance.now() - w0).toFixed(0)} ms (pipeline ${r.timings.total?.toFixed(0)} ms), before it ${(w0 - t0).toFixed(0)} ms`,
  );
  store().finish(outcome.result, 'analysis', analysedAt, performance.now() - t0);
  if (cacheEnabled()) lastWrite = putCached(outcome.result, analysedAt, mlEnabled());
}

/** Cancels the analysis in flight: terminates its worker and starts a fresh one. */
export function cancelAnalysis(): void {
  if (useVectis.getState().phase !== 'running') return;
  run++;
  client.terminate();
  useVectis.getState().cancelled();
  client.warm();
}
