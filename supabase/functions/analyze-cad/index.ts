/**
 * Supabase Edge Function `analyze-cad` (Deno): forwards a STEP upload to the Vectis analyzer
 * service on App Platform and returns its answer.
 *
 * - The request body (multipart `file` + fields, or raw STEP bytes) is streamed through unchanged,
 *   to POST /analyze, or to POST /verify with `?op=verify`; the query string is passed on.
 * - Correlation id: the caller's `x-correlation-id` (when well-formed) or a new one; sent to the
 *   service, returned to the caller, and on this function's log line.
 * - 30 s timeout (ANALYZER_TIMEOUT_MS): the service's own per-job limit is 30 s too; past it the
 *   caller gets 504 TIMEOUT and the upstream request is aborted.
 * - Authentication towards the service with ANALYZER_API_KEY (one of the service's API_KEYS).
 *   Supabase verifies the caller's JWT before this function runs (verify_jwt, the default).
 *
 * Secrets: `supabase secrets set ANALYZER_URL=https://... ANALYZER_API_KEY=...`
 * Deploy:  `supabase functions deploy analyze-cad`
 *
 * Only web-standard APIs are used besides Deno.serve/Deno.env, so the handler is tested under
 * Node too (server/test/edge-function.test.ts).
 */

export interface EdgeConfig {
  analyzerUrl: string;
  apiKey?: string;
  timeoutMs: number;
  allowedOrigin: string;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const PASS_THROUGH = ['content-type', 'retry-after', 'x-cache'];

export function createHandler(config: EdgeConfig): (request: Request) => Promise<Response> {
  const cors = {
    'access-control-allow-origin': config.allowedOrigin,
    'access-control-allow-headers': 'authorization, x-client-info, apikey, content-type, x-correlation-id',
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-expose-headers': 'x-correlation-id, retry-after',
  };

  const answer = (status: number, correlationId: string, code: string, message: string, extra: Record<string, string> = {}) =>
    new Response(JSON.stringify({ error: { code, message }, correlationId }), {
      status,
      headers: { ...cors, ...extra, 'content-type': 'application/json', 'x-correlation-id': correlationId },
    });

  return async (request) => {
    const given = request.headers.get('x-correlation-id');
    const correlationId = given && CORRELATION_ID.test(given) ? given : crypto.randomUUID();
    if (request.method === 'OPTIONS') return new Response('ok', { headers: cors });
    if (request.method !== 'POST') return answer(405, correlationId, 'BAD_REQUEST', 'Use POST.');
    if (!config.analyzerUrl) return answer(500, correlationId, 'INTERNAL', 'ANALYZER_URL is not configured.');

    const incoming = new URL(request.url);
    const op = incoming.searchParams.get('op') === 'verify' ? 'verify' : 'analyze';
    incoming.searchParams.delete('op');
    const target = new URL(`/${op}`, config.analyzerUrl);
    target.search = incoming.search;

    const headers: Record<string, string> = { 'x-correlation-id': correlationId };
    const type = request.headers.get('content-type');
    if (type) headers['content-type'] = type;
    const length = request.headers.get('content-length');
    if (length) headers['content-length'] = length;
    if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`;

    const began = Date.now();
    const log = (status: number, outcome: string) =>
      console.log(JSON.stringify({ fn: 'analyze-cad', correlationId, op, status, outcome, ms: Date.now() - began }));
    try {
      const upstream = await fetch(target, {
        method: 'POST',
        headers,
        body: request.body,
        signal: AbortSignal.timeout(config.timeoutMs),
        // A streamed request body (Deno and Node both need it said).
        duplex: 'half',
      } as RequestInit);
      const out: Record<string, string> = { ...cors, 'x-correlation-id': correlationId };
      for (const h of PASS_THROUGH) {
        const v = upstream.headers.get(h);
        if (v) out[h] = v;
      }
      log(upstream.status, 'forwarded');
      return new Response(upstream.body, { status: upstream.status, headers: out });
    } catch (e) {
      const name = (e as { name?: string }).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        log(504, 'timeout');
        return answer(504, correlationId, 'TIMEOUT', `The analyzer did not answer within ${config.timeoutMs / 1000} s.`);
      }
      log(502, 'unreachable');
      return answer(502, correlationId, 'UPSTREAM_UNAVAILABLE', 'The analyzer service cannot be reached; retry shortly.', { 'retry-after': '5' });
    }
  };
}

interface DenoLike {
  env: { get(name: string): string | undefined };
  serve(handler: (request: Request) => Promise<Response>): unknown;
}

const deno = (globalThis as unknown as { Deno?: DenoLike }).Deno;
if (deno) {
  deno.serve(
    createHandler({
      analyzerUrl: deno.env.get('ANALYZER_URL') ?? '',
      apiKey: deno.env.get('ANALYZER_API_KEY'),
      timeoutMs: Number(deno.env.get('ANALYZER_TIMEOUT_MS') ?? 30_000),
      allowedOrigin: deno.env.get('ALLOWED_ORIGIN') ?? '*',
    }),
  );
}
