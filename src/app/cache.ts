/**
 * Results cached in IndexedDB by the file's sha256, so dropping the same file again shows it at
 * once. Records carry the pipeline that made them (schema version, and the worker's and the model's
 * asset URLs, which carry content hashes); one from another pipeline is ignored (and replaced by the
 * next analysis), so a new recogniser, model or schema never shows stale features. Every failure
 * (private mode, quota, a blocked upgrade) degrades to "no cache": the cache may only ever save
 * time, never break an analysis.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { SCHEMA_VERSION } from '../analysis/result.ts';
import { DEFAULT_MODEL_URL } from '../analysis/hosts/browser.ts';
import { ANALYSIS_WORKER_URL } from './worker-url.ts';
import type { AnalysisResult } from './types.ts';

interface CachedRecord {
  sha256: string;
  schemaVersion: string;
  /** See pipelineKey(); absent in records from before models shipped (never a hit). */
  pipeline?: string;
  /** When the analysis ran (ms since epoch). */
  analysedAt: number;
  result: AnalysisResult;
}

interface CacheDB extends DBSchema {
  results: { key: string; value: CachedRecord };
}

const DB_NAME = 'vectis';
const STORE = 'results';

let db: Promise<IDBPDatabase<CacheDB> | null> | undefined;

function open(): Promise<IDBPDatabase<CacheDB> | null> {
  db ??= openDB<CacheDB>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore(STORE, { keyPath: 'sha256' });
    },
  }).catch((e: unknown) => {
    console.warn('[vectis] result cache unavailable:', e);
    return null;
  });
  return db;
}

/** What must match for a cached result to stand in for a new analysis. */
function pipelineKey(ml: boolean): string {
  return `${SCHEMA_VERSION} ${ANALYSIS_WORKER_URL} ${ml ? DEFAULT_MODEL_URL : 'geometric-only'}`;
}

export async function getCached(sha256: string, ml: boolean): Promise<{ result: AnalysisResult; analysedAt: number } | null> {
  try {
    const record = await (await open())?.get(STORE, sha256);
    if (!record || record.pipeline !== pipelineKey(ml) || record.result.schemaVersion !== SCHEMA_VERSION) return null;
    return { result: record.result, analysedAt: record.analysedAt };
  } catch (e) {
    console.warn('[vectis] result cache read failed:', e);
    return null;
  }
}

export async function putCached(result: AnalysisResult, analysedAt: number, ml: boolean): Promise<void> {
  try {
    await (await open())?.put(STORE, { sha256: result.file.sha256, schemaVersion: SCHEMA_VERSION, pipeline: pipelineKey(ml), analysedAt, result });
  } catch (e) {
    console.warn('[vectis] result cache write failed:', e);
  }
}

/** sha256 of the bytes as lowercase hex (WebCrypto): the same key the worker puts in `file.sha256`. */
export { sha256Hex } from '../analysis/sha256.ts';
