/** Helpers for e2e/app.spec.ts: open the app, drop files, read the result, click faces. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, type Page } from '@playwright/test';
// For its `window.vectis` typing.
import type {} from '../src/app/vectis-api.ts';

export async function openApp(page: Page): Promise<void> {
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`[page console] ${m.text()}`);
  });
  await page.goto('/');
  await expect(page).toHaveTitle('Vectis part analyzer');
  await page.waitForFunction(() => window.vectis !== undefined);
  await expect(page.getByTestId('dropzone').locator('input[type="file"]')).toHaveCount(1);
}

/** Drops a file on the window the way a browser does: dragenter, dragover, drop with a DataTransfer. */
export async function dropFile(page: Page, file: string | { name: string; buffer: Buffer }, name?: string): Promise<void> {
  const buffer = typeof file === 'string' ? readFileSync(file) : file.buffer;
  const fileName = name ?? (typeof file === 'string' ? basename(file) : file.name);
  await page.evaluate(
    ([b64, n]) => {
      const text = atob(b64);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File([bytes], n));
      const zone = document.querySelector('[data-testid=dropzone]');
      if (!zone) throw new Error('no drop zone');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }));
      }
    },
    [buffer.toString('base64'), fileName] as const,
  );
}

export async function waitDone(page: Page, timeout = 90_000): Promise<void> {
  const status = page.getByTestId('status');
  await expect(status).toHaveAttribute('data-state', /done|error/, { timeout });
  const state = await status.getAttribute('data-state');
  if (state !== 'done') throw new Error(`analysis failed: ${await status.getAttribute('data-code')}: ${await status.textContent()}`);
}

export interface ResultFacts {
  name: string;
  sha256: string;
  faces: number;
  faceArray: number;
  total: number;
  features: { id: number; type: string; faces: number[] }[];
  /** Expected tree item of every face: the first feature that claims it, else ''; `surface:<type>` without features. */
  itemOfFace: string[];
  itemFaces: Record<string, number[]>;
  /** The segmentation model's label of every face, and the model's version (undefined: none ran). */
  labels: (string | undefined)[];
  modelVersion?: string;
}

/** The shown result, read through window.vectis, with the expected face → tree item map. */
export function resultFacts(page: Page): Promise<ResultFacts> {
  return page.evaluate(() => {
    const r = window.vectis.result;
    if (!r) throw new Error('no result');
    const itemOfFace: string[] = r.faces.map(() => '');
    const itemFaces: Record<string, number[]> = {};
    if (r.features.length > 0) {
      for (const f of r.features) {
        itemFaces[String(f.id)] = [...f.faces];
        for (const face of f.faces) if (itemOfFace[face] === '') itemOfFace[face] = String(f.id);
      }
    } else {
      for (const face of r.faces) {
        const key = `surface:${face.surface}`;
        (itemFaces[key] ??= []).push(face.id);
        itemOfFace[face.id] = key;
      }
    }
    return {
      name: r.file.name,
      sha256: r.file.sha256,
      faces: r.part.faces,
      faceArray: r.faces.length,
      total: r.timings.total ?? NaN,
      features: r.features.map((f) => ({ id: f.id, type: f.type, faces: [...f.faces] })),
      labels: r.faces.map((f) => f.label),
      modelVersion: r.model?.version,
      itemOfFace,
      itemFaces,
    };
  });
}

export function expectedItemOfFace(facts: ResultFacts, face: number): string {
  return facts.itemOfFace[face] ?? '';
}

/** Up to `n` faces visible in the current view, half of them (where possible) inside features. */
export async function pickableFaces(page: Page, n: number, facts: ResultFacts): Promise<number[]> {
  const visible = await page.evaluate((count) => {
    const ids: number[] = [];
    for (let id = 0; id < count; id++) if (window.vectis.facePixel(id) !== null) ids.push(id);
    return ids;
  }, facts.faces);
  const inFeature = visible.filter((f) => expectedItemOfFace(facts, f) !== '');
  const rest = visible.filter((f) => expectedItemOfFace(facts, f) === '');
  const picked = [...inFeature.slice(0, Math.ceil(n / 2)), ...rest.slice(0, n)].slice(0, n);
  return picked.length < n ? [...picked, ...inFeature.slice(Math.ceil(n / 2), Math.ceil(n / 2) + n - picked.length)] : picked;
}

/** Clicks the canvas where face `id` is visible (window.vectis.facePixel in the current view). */
export async function clickFace(page: Page, id: number): Promise<void> {
  const pixel = await page.evaluate((face) => window.vectis.facePixel(face), id);
  if (!pixel) throw new Error(`face ${id} is not visible`);
  const box = await page.locator('[data-testid=dropzone] canvas').first().boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.click(box.x + pixel.x, box.y + pixel.y);
}
