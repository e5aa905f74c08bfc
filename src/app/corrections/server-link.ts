/**
 * The app's link to a Vectis server, for corrections (issue 14). The app analyses in the browser
 * and needs no server; corrections are kept locally (local.ts) and sent to a server only when one
 * is there:
 * - `?server=<url>` in the page's URL, or localStorage `vectis.server`, names one;
 * - otherwise the page's own origin is used when it is a Vectis server with a database (the app
 *   as `npm start` and the image serve it: GET /health answers with `db` on).
 * localStorage `vectis.token` (an API key or a Supabase JWT) is sent as the bearer token when set.
 * Under `vite dev` / `vite preview` (no server) nothing is sent and corrections stay local.
 */
import type { CorrectionInput, StoredCorrection } from '../../analysis/corrections/schema.ts';

export interface ServerLink {
  base: string;
  headers: Record<string, string>;
}

let found: Promise<ServerLink | null> | undefined;

function setting(name: string): string | null {
  const fromUrl = new URLSearchParams(location.search).get(name);
  if (fromUrl) return fromUrl;
  try {
    return localStorage.getItem(`vectis.${name}`);
  } catch {
    return null;
  }
}

/** The server to send corrections to, or null (looked up once a page). */
export function serverLink(): Promise<ServerLink | null> {
  found ??= (async () => {
    const base = (setting('server') ?? location.origin).replace(/\/+$/, '');
    const token = setting('token');
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    try {
      const res = await fetch(`${base}/health`, { headers: { accept: 'application/json' } });
      const health = (await res.json()) as { pipelineVersion?: unknown; db?: unknown };
      // A Vectis server that stores analyses (a 503 while its engine starts still says so).
      return typeof health.pipelineVersion === 'string' && health.db !== 'off' ? { base, headers } : null;
    } catch {
      return null;
    }
  })();
  return found;
}

export class ServerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => ({}))) as T & { error?: { code: string; message: string } };
  if (!res.ok) throw new ServerError(body.error?.code ?? `HTTP_${res.status}`, body.error?.message ?? `The server answered ${res.status}.`);
  return body;
}

/** Stores the analysis on the server (it recomputes it from the file: the server keeps only its own results). */
export async function storeAnalysis(link: ServerLink, file: Blob, name: string): Promise<string> {
  const form = new FormData();
  form.append('persist', 'true');
  form.append('file', file, name);
  const body = await answer<{ id: string }>(await fetch(`${link.base}/analyze`, { method: 'POST', body: form, headers: link.headers }));
  return body.id;
}

export async function sendCorrection(link: ServerLink, analysisId: string, c: CorrectionInput): Promise<string> {
  const res = await fetch(`${link.base}/analyses/${analysisId}/corrections`, {
    method: 'POST',
    headers: { ...link.headers, 'content-type': 'application/json' },
    body: JSON.stringify(c),
  });
  return (await answer<{ id: string }>(res)).id;
}

export async function fetchCorrections(link: ServerLink, analysisId: string): Promise<StoredCorrection[]> {
  const res = await fetch(`${link.base}/analyses/${analysisId}`, { headers: link.headers });
  return (await answer<{ corrections?: StoredCorrection[] }>(res)).corrections ?? [];
}
