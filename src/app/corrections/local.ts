/**
 * Corrections kept in the browser (IndexedDB, a database of their own beside the result cache),
 * by the file's sha256: they outlive a reload and a cache refresh, and wait there until a server
 * takes them. Every failure degrades to "not kept" (private mode, quota): the app stays usable.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CorrectionInput } from '../../analysis/corrections/schema.ts';

export interface LocalCorrection extends CorrectionInput {
  /** Local id until the server answers, then the server's id. */
  id: string;
  created_at: string;
  /** Sent to and stored by the server. */
  synced: boolean;
}

export interface PartCorrections {
  sha256: string;
  /** The server's analysis of this file, once stored there. */
  serverAnalysisId?: string;
  corrections: LocalCorrection[];
}

interface CorrectionsDB extends DBSchema {
  parts: { key: string; value: PartCorrections };
}

let db: Promise<IDBPDatabase<CorrectionsDB> | null> | undefined;

function open(): Promise<IDBPDatabase<CorrectionsDB> | null> {
  db ??= openDB<CorrectionsDB>('vectis-corrections', 1, {
    upgrade(database) {
      database.createObjectStore('parts', { keyPath: 'sha256' });
    },
  }).catch((e: unknown) => {
    console.warn('[vectis] corrections store unavailable:', e);
    return null;
  });
  return db;
}

export async function loadPart(sha256: string): Promise<PartCorrections> {
  try {
    return (await (await open())?.get('parts', sha256)) ?? { sha256, corrections: [] };
  } catch (e) {
    console.warn('[vectis] corrections read failed:', e);
    return { sha256, corrections: [] };
  }
}

export async function savePart(part: PartCorrections): Promise<void> {
  try {
    await (await open())?.put('parts', part);
  } catch (e) {
    console.warn('[vectis] corrections write failed:', e);
  }
}
