/**
 * Part thumbnails in public.analysis_thumbnails (migration 20251204000200), one PNG per stored
 * analysis, on PGlite and Postgres alike. Read with the analysis's owner so the route can apply
 * the same access rule as GET /analyses/:id.
 */
import type { Store } from './store.ts';

export interface StoredThumbnail {
  png: Uint8Array;
  width: number;
  height: number;
  /** The analysis's `created_by`, for the access check. */
  createdBy: string | null;
}

export async function saveThumbnail(store: Store, analysisId: string, t: { png: Uint8Array; width: number; height: number }): Promise<void> {
  await store.query(
    `insert into public.analysis_thumbnails (analysis_id, width, height, image, byte_size) values ($1, $2, $3, $4, $5)
     on conflict (analysis_id) do update set width = excluded.width, height = excluded.height, image = excluded.image,
       byte_size = excluded.byte_size, created_at = now()`,
    [analysisId, t.width, t.height, t.png, t.png.byteLength],
  );
}

/** The analysis's thumbnail, or undefined when the analysis or its picture does not exist. */
export async function getThumbnail(store: Store, analysisId: string): Promise<StoredThumbnail | undefined> {
  const rows = await store.query<{ image: Uint8Array; width: number; height: number; created_by: string | null }>(
    `select t.image, t.width, t.height, a.created_by from public.analysis_thumbnails t
     join public.analyses a on a.id = t.analysis_id where t.analysis_id = $1`,
    [analysisId],
  );
  const row = rows[0];
  return row ? { png: row.image, width: row.width, height: row.height, createdBy: row.created_by } : undefined;
}

export async function hasThumbnail(store: Store, analysisId: string): Promise<boolean> {
  const rows = await store.query('select 1 from public.analysis_thumbnails where analysis_id = $1', [analysisId]);
  return rows.length > 0;
}

/** The path that serves an analysis's thumbnail (GET /analyses/:id/thumbnail.png). */
export function thumbnailPath(analysisId: string): string {
  return `/analyses/${analysisId}/thumbnail.png`;
}
