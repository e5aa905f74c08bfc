/** Page-side pieces of bench/browser.ts: the preview server, a worker run, a drop in the app. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { Page } from '@playwright/test';

export interface WorkerRun {
  ok: boolean;
  error?: string;
  wallMs: number;
  timings: Record<string, number>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `vite preview` of a build (dist/ unless `outDir`) on a free port; resolves once it answers. */
export async function startPreview(root: string, outDir?: string): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const dir = outDir ? ['--outDir', outDir] : [];
  const child = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', ...dir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/`)).ok) return { url, stop };
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      stop();
      throw new Error(`vite preview did not start on ${url}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** One analysis through the harness page (e2e/harness.html: the app's worker client, nothing else). */
export async function harnessRun(page: Page, bytes: Buffer, name: string): Promise<WorkerRun> {
  await page.evaluate((b64) => {
    (window as unknown as { benchInput: string }).benchInput = b64;
  }, bytes.toString('base64'));
  const s = await page.evaluate((n) => window.runAnalysis((window as unknown as { benchInput: string }).benchInput, n), name);
  return { ok: s.ok, error: s.error ? `${s.error.code}: ${s.error.message}` : undefined, wallMs: s.wallMs, timings: s.result?.timings ?? {} };
}

export interface AppDrop {
  /** Drop → the part drawn (two frames after the app shows a mesh: a preview or the result). */
  shadedMs: number;
  /** Drop → the whole result shown (status done, two frames drawn). */
  fullMs: number;
  state: string;
  source: string | null;
  faces?: number;
  timings: Record<string, number>;
}

/**
 * Drops the file on the app window and times, in the page's clock, until the part is shaded on
 * screen (the app's `state().shown` says a mesh is in the scene, then two frames) and until the
 * whole result is shown.
 */
export async function appDrop(page: Page, bytes: Buffer, name: string): Promise<AppDrop> {
  return page.evaluate(
    async ([b64, n]) => {
      const text = atob(b64);
      const data = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) data[i] = text.charCodeAt(i);
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File([data], n));
      const zone = document.querySelector('[data-testid=dropzone]')!;
      const t0 = performance.now();
      for (const type of ['dragenter', 'dragover', 'drop'])
        zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }));
      // (No named functions in here: tsx would wrap them in a helper the page does not have.)
      let shadedMs = NaN;
      for (;;) {
        const s = window.vectis.state();
        // (A build from before the early mesh has no `shown`: the part appears with the result.)
        const drawn = s.shown === undefined ? s.phase === 'done' : s.shown !== 'none';
        if (Number.isNaN(shadedMs) && drawn) {
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          shadedMs = performance.now() - t0;
        }
        if (['done', 'error'].includes(s.phase)) break;
        await new Promise((r) => setTimeout(r, 2));
      }
      const status = document.querySelector('[data-testid=status]')!;
      const phase = window.vectis.state().phase;
      while (status.getAttribute('data-state') !== phase) await new Promise((r) => setTimeout(r, 2));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const fullMs = performance.now() - t0;
      const result = window.vectis.result;
      return {
        shadedMs: Number.isNaN(shadedMs) ? fullMs : shadedMs,
        fullMs,
        state: phase,
        source: window.vectis.state().source,
        faces: result?.part.faces,
        timings: { ...(result?.timings ?? {}) },
      };
    },
    [bytes.toString('base64'), name] as const,
  );
}
