/**
 * The analysis worker's bundled URL. Vite names the chunk by its content hash, and the chunk holds
 * the whole pipeline (recogniser included), so the URL changes exactly when the code that makes a
 * result does: the client starts the worker from it, and the result cache keys records by it.
 * (Under `npm run dev` the URL carries no hash: add `?cache=off` to the page while changing code.)
 */
import analysisWorkerUrl from '../../workers/analysis.worker.ts?worker&url';

export const ANALYSIS_WORKER_URL: string = analysisWorkerUrl;
