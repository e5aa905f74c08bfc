/**
 * The file's PMI in the app (Chromium): an AP242 part with semantic PMI (fixtures/pmi-plate.step)
 * shows a PMI group in the feature tree, one row per `result.pmi` item with the drawing's text,
 * and a row selects exactly the faces its item names.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { openApp, waitDone } from './app-helpers.ts';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const PMI_PLATE = join(ROOT, 'fixtures/pmi-plate.step');

interface PmiFacts {
  id: number;
  kind: string;
  name: string;
  faces: number[];
}

test("PMI rows show the file's tolerances and select their faces", async ({ page }) => {
  await openApp(page);
  await page.getByTestId('dropzone').locator('input[type="file"]').setInputFiles(PMI_PLATE);
  await waitDone(page);
  const pmi = await page.evaluate(
    () => window.vectis.result!.pmi.map((p) => ({ id: p.id, kind: p.kind, name: p.name, faces: p.faces })) as PmiFacts[],
  );
  expect(pmi.length).toBeGreaterThan(0);

  // The per-feature tree holds the PMI group (the quote view, where there is one, is a toggle away).
  const features = page.getByTestId('view-features');
  if ((await features.count()) > 0) await features.click();
  const rows = page.locator('[data-testid=feature-item][data-feature-type="pmi"]');
  await expect(rows).toHaveCount(pmi.length);
  const position = pmi.find((p) => p.name === 'position')!;
  const row = page.locator(`[data-testid=feature-item][data-feature-id="pmi:${position.id}"]`);
  await expect(row).toContainText('position ⌀0.127 Ⓜ |A|B|');
  await row.click();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  const highlighted = await page.evaluate(() => window.vectis.highlightedFaces());
  expect([...highlighted].sort((a, b) => a - b)).toEqual(position.faces);
  const diameter = page.locator('[data-testid=feature-item][data-feature-type="pmi"]', { hasText: 'Ø7.938 +0.0508/0 × 2' });
  await expect(diameter).toHaveCount(1);
});
