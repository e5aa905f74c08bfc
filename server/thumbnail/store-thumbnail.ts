/**
 * The thumbnail of an analysis being stored: rendered in the thumbnail thread (thumbnail-runner.ts)
 * while the analysis is written, then saved under the analysis's id. A picture that fails is
 * logged and left out: the analysis is stored and answered all the same, with `thumbnail_url: null`.
 */
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Store } from '../store/store.ts';
import { saveThumbnail, thumbnailPath } from '../store/thumbnails.ts';
import type { ThumbnailRunner } from './thumbnail-runner.ts';

export interface PendingThumbnail {
  /** Saves the rendered picture for the stored analysis; its URL, or null when there is none. */
  saveFor(analysisId: string): Promise<string | null>;
}

export function storeThumbnail(store: Store, runner: ThumbnailRunner, resultJson: string, log: Logger): PendingThumbnail {
  const rendering = runner.render(resultJson);
  // Handled in saveFor; this keeps a rejection from being unhandled when the analysis's save fails first.
  rendering.catch(() => undefined);
  return {
    async saveFor(analysisId) {
      try {
        const t = await rendering;
        await saveThumbnail(store, analysisId, t);
        log.info({ analysisId, renderMs: Math.round(t.renderMs), bytes: t.png.byteLength }, 'thumbnail stored');
        return thumbnailPath(analysisId);
      } catch (e) {
        log.warn({ analysisId, err: (e as Error).message }, 'no thumbnail stored');
        return null;
      }
    },
  };
}
