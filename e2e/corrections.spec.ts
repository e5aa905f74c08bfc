/**
 * Corrections in the app against a real server (issue 14): the bundled server (PGlite in a temp
 * folder) serves the built app and the API on one port, as `npm start` does; the app finds it on
 * its own origin. An estimator retypes a feature, reloads, drops the file again and sees the
 * correction (read back from the server), the feature tree marks the feature corrected, and the
 * server's accuracy report counts it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { bundleServer, spawnServer, type ChildServer } from '../server/test/helpers.ts';
import { dropFile, resultFacts, waitDone } from './app-helpers.ts';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const PLATE = join(ROOT, 'fixtures/plate-holes.step');

let bundle: ReturnType<typeof bundleServer>;
let server: ChildServer;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  bundle = bundleServer();
  dataDir = mkdtempSync(join(tmpdir(), 'vectis-e2e-corrections-'));
  // The production build the config's webServer made (dist/), served by the server itself.
  server = await spawnServer(bundle.index, { DATA_DIR: dataDir, STATIC_DIR: join(ROOT, 'dist') });
});

test.afterAll(async () => {
  await server?.stop();
  bundle?.cleanup();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function openServedApp(page: Page): Promise<void> {
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  await page.goto(`${server.url}/`);
  await expect(page).toHaveTitle('Vectis part analyzer');
  await page.waitForFunction(() => window.vectis !== undefined);
}

test('an estimator retypes a feature; after a reload the correction is back from the server, marked in the tree and counted in the report', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openServedApp(page);
  await dropFile(page, PLATE);
  await waitDone(page);
  const facts = await resultFacts(page);
  expect(facts.features.length, 'the plate fixture has recognised features').toBeGreaterThan(0);
  const feature = facts.features[0]!;
  const newType = feature.type === 'slot' ? 'pocket' : 'slot';

  await page.evaluate((id) => window.vectis.selectFeature(id), String(feature.id));
  const panel = page.getByTestId('correct-feature');
  await expect(panel).toHaveAttribute('data-feature-id', String(feature.id));
  await page.getByTestId('correct-action').selectOption('retype');
  await page.getByTestId('correct-type').fill(newType);
  await page.getByTestId('correct-submit').click();
  // Kept locally at once, then stored on the server (which first analyses and stores the part).
  await expect(page.getByTestId('correction-status')).toHaveAttribute('data-state', 'sent', { timeout: 120_000 });
  await expect(page.getByTestId('correction-item')).toHaveCount(1);
  await expect(page.getByTestId('correction-item')).toHaveAttribute('data-synced', 'true');

  await page.reload();
  await page.waitForFunction(() => window.vectis !== undefined);
  await dropFile(page, PLATE);
  await waitDone(page);
  const item = page.getByTestId('correction-item');
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-action', 'retype');
  await expect(item).toHaveAttribute('data-type', newType);
  await expect(item).toHaveAttribute('data-feature-id', String(feature.id));
  await expect(page.getByTestId('correction-status')).toHaveAttribute('data-state', 'sent');
  // The pipeline's answer is unchanged; the tree marks the feature as corrected.
  expect((await resultFacts(page)).features.find((f) => f.id === feature.id)?.type).toBe(feature.type);
  const featuresView = page.getByTestId('view-features');
  if ((await featuresView.count()) > 0) await featuresView.click();
  const row = page.locator(`[data-testid=feature-item][data-feature-id="${feature.id}"]`);
  await expect(row).toHaveAttribute('data-corrected', 'true');
  await expect(row.getByTestId('corrected-mark')).toBeVisible();

  // The server holds it (not only this browser), and its report counts it.
  const report = (await (await fetch(`${server.url}/reports/accuracy`)).json()) as {
    corrections: number;
    classes: { type: string; support: number; predicted: number }[];
    most_corrected_parts: { analysis_id: string }[];
  };
  expect(report.corrections).toBe(1);
  expect(report.classes.find((c) => c.type === newType)).toMatchObject({ support: 1, predicted: expect.any(Number) });
  const stored = (await (await fetch(`${server.url}/analyses/${report.most_corrected_parts[0]!.analysis_id}`)).json()) as {
    corrections: { action: string; type: string }[];
  };
  expect(stored.corrections).toMatchObject([{ action: 'retype', type: newType }]);
});
