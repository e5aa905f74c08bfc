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

/**
 * Drops the file on the app window and waits until the result is shown and two frames have been
 * drawn (the shaded part is on screen). Returns the wall time from the drop, in the page's clock.
 */
export async function appDropToShaded(page: Page, bytes: Buffer, name: string): Promise<{ ms: number; state: string; source: string | null }> {
  return page.evaluate(
    async ([b64, n]) => {
      const text = atob(b64);
      const data = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) data[i] = text.charCodeAt(i);
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File([data], n));
      const zone = document.querySelector('[data-testid=dropzone]')!;
      const t0 = performance.now();
      for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }));
      // (No named functions in here: tsx would wrap them in a helper the page does not have.)
      while (!['done', 'error'].includes(window.vectis.state().phase)) await new Promise((r) => setTimeout(r, 2));
      const status = document.querySelector('[data-testid=status]')!;
      const phase = window.vectis.state().phase;
      while (status.getAttribute('data-state') !== phase) await new Promise((r) => setTimeout(r, 2));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return { ms: performance.now() - t0, state: phase, source: window.vectis.state().source };
    },
    [bytes.toString('base64'), name] as const,
  );
}
