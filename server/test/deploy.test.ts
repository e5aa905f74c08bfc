/**
 * What the deployment files promise, checked without Docker or Deno: the image's runtime imports
 * are production dependencies only, the Dockerfile runs as non-root with a health check on
 * /health, the App Platform spec checks /health and keeps secrets secret, and the Supabase edge
 * function forwards with a correlation id and gives up after its timeout.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler } from '../../supabase/functions/analyze-cad/index.ts';
import { bundleServer, ROOT } from './helpers.ts';

describe('the image', () => {
  let bundle: ReturnType<typeof bundleServer>;
  beforeAll(() => {
    bundle = bundleServer();
  });
  afterAll(() => bundle?.cleanup());

  it('the server bundle imports nothing but Node built-ins and production dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const specifiers = new Set<string>();
    for (const file of readdirSync(bundle.dir).filter((f) => f.endsWith('.mjs'))) {
      const text = readFileSync(join(bundle.dir, file), 'utf8');
      for (const m of text.matchAll(/(?:^|\n)\s*import\s[^'"]*?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) specifiers.add(m[1] ?? m[2]!);
    }
    const packages = [...specifiers]
      .filter((s) => !s.startsWith('node:') && !s.startsWith('.'))
      .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
    expect(packages.length).toBeGreaterThan(3);
    for (const p of packages) expect(pkg.dependencies, `${p} must be a production dependency`).toHaveProperty(p);
  });

  it('Dockerfile: multi-stage, production deps, non-root, health check on /health, runs the bundle', () => {
    const docker = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(docker.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(docker).toMatch(/npm ci --omit=dev/);
    expect(docker).toMatch(/^USER node$/m);
    expect(docker).toMatch(/^HEALTHCHECK .*\n?.*\/health/m);
    expect(docker).toMatch(/CMD \["node", "dist-server\/index\.mjs"\]/);
    expect(docker).toMatch(/COPY .*supabase\/migrations/);
  });

  it('.do/app.yaml: health check on /health, secrets typed SECRET, autoscaling', () => {
    const spec = readFileSync(join(ROOT, '.do/app.yaml'), 'utf8');
    expect(spec).toMatch(/http_path: \/health/);
    expect(spec).toMatch(/http_port: 8080/);
    for (const secret of ['DATABASE_URL', 'REDIS_URL', 'API_KEYS', 'SUPABASE_JWT_SECRET']) {
      expect(spec).toMatch(new RegExp(`key: ${secret}\\n\\s+scope: RUN_TIME\\n\\s+type: SECRET`));
    }
    expect(spec).toMatch(/min_instance_count: 2/);
  });
});

describe('supabase/functions/analyze-cad', () => {
  let upstream: Server;
  let base = '';
  const seen: { url: string; headers: Record<string, string | string[] | undefined>; body: string }[] = [];

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', headers: req.headers, body });
        if (body === 'hang') return; // never answers
        res.writeHead(200, { 'content-type': 'application/json', 'x-cache': 'miss' });
        res.end(JSON.stringify({ ok: true, correlationId: req.headers['x-correlation-id'] }));
      });
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
    const a = upstream.address();
    base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  });
  afterAll(async () => {
    upstream.closeAllConnections();
    await new Promise((r) => upstream.close(r));
  });

  it('forwards body, query and correlation id to the service, with its API key', async () => {
    const handler = createHandler({ analyzerUrl: base, apiKey: 'k', timeoutMs: 5_000, allowedOrigin: '*' });
    const res = await handler(
      new Request('https://fn.example/analyze-cad?op=verify&persist=true', {
        method: 'POST',
        body: 'ISO-10303-21;...',
        headers: { 'content-type': 'application/octet-stream', 'x-correlation-id': 'corr-42' },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('x-correlation-id')).toBe('corr-42');
    expect(res.headers.get('x-cache')).toBe('miss');
    const last = seen.at(-1)!;
    expect(last.url).toBe('/verify?persist=true');
    expect(last.headers['x-correlation-id']).toBe('corr-42');
    expect(last.headers.authorization).toBe('Bearer k');
    expect(last.body).toBe('ISO-10303-21;...');
  });

  it('creates a correlation id when none (or a malformed one) is given', async () => {
    const handler = createHandler({ analyzerUrl: base, timeoutMs: 5_000, allowedOrigin: '*' });
    const res = await handler(
      new Request('https://fn.example/analyze-cad', { method: 'POST', body: 'x', headers: { 'x-correlation-id': 'bad id' } }),
    );
    const id = res.headers.get('x-correlation-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.at(-1)!.headers['x-correlation-id']).toBe(id);
  });

  it('gives up after its timeout with 504 TIMEOUT, and reports an unreachable service as 502', async () => {
    const handler = createHandler({ analyzerUrl: base, timeoutMs: 300, allowedOrigin: '*' });
    const began = Date.now();
    const res = await handler(new Request('https://fn.example/analyze-cad', { method: 'POST', body: 'hang' }));
    expect(res.status).toBe(504);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('TIMEOUT');
    expect(Date.now() - began).toBeLessThan(5_000);
    const dead = createHandler({ analyzerUrl: 'http://127.0.0.1:1', timeoutMs: 2_000, allowedOrigin: '*' });
    expect((await dead(new Request('https://fn.example/analyze-cad', { method: 'POST', body: 'x' }))).status).toBe(502);
  });
});
