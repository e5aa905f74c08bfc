/**
 * Corrections in the app against a real server (issue 14): the bundled server (PGlite in a temp
 * folder) serves the built app and the API on one port, as `npm start` does; the app finds it on
 * its own origin. An estimator retypes a feature, reloads, drops the file again and sees the
 * correction (read back from the server), the feature tree marks the feature corrected, and the
 * server's accuracy report counts it. From the quote view, a group row's correction is one per
 * feature of the group, back after a reload and counted per feature. Served by a server that stores nothing, the correction
 * stays in the browser (IndexedDB) and survives a reload all the same.
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
const FILLETED_BOX = join(ROOT, 'fixtures/chamfer-filleted-box.step');

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

async function openServedApp(page: Page, url = server.url): Promise<void> {
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  await page.goto(`${url}/`);
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

  // A dimension corrected on a feature with one (the part is on the server already: sent at once).
  const dim = await page.evaluate(() => {
    for (const f of window.vectis.result!.features) {
      const entry = Object.entries(f.params).find(([, v]) => typeof v === 'number');
      if (entry) return { id: f.id, key: entry[0], value: entry[1] as number };
    }
    return null;
  });
  expect(dim, 'a feature with a measured dimension').not.toBeNull();
  await page.evaluate((id) => window.vectis.selectFeature(id), String(dim!.id));
  await expect(panel).toHaveAttribute('data-feature-id', String(dim!.id));
  await page.getByTestId('correct-action').selectOption('redimension');
  await page.getByTestId('correct-param').selectOption(dim!.key);
  await page.getByTestId('correct-value').fill(String(dim!.value + 0.5));
  await page.getByTestId('correct-submit').click();
  await expect(page.getByTestId('correction-item')).toHaveCount(2);
  await expect(page.getByTestId('correction-status')).toHaveAttribute('data-state', 'sent', { timeout: 60_000 });

  await page.reload();
  await page.waitForFunction(() => window.vectis !== undefined);
  await dropFile(page, PLATE);
  await waitDone(page);
  await expect(page.getByTestId('correction-item')).toHaveCount(2);
  await expect(page.getByTestId('correction-item').nth(1)).toHaveAttribute('data-action', 'redimension');
  await expect(page.getByTestId('correction-item').nth(1)).toHaveAttribute('data-feature-id', String(dim!.id));
  const item = page.getByTestId('correction-item').first();
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

  // The estimator's type of the redimensioned feature: the new type if it is the retyped one.
  const dimType = (id: number) => (id === feature.id ? newType : facts.features.find((f) => f.id === id)!.type);
  // The server holds them (not only this browser), and its report counts them.
  const report = (await (await fetch(`${server.url}/reports/accuracy`)).json()) as {
    corrections: number;
    classes: { type: string; support: number; predicted: number }[];
    most_corrected_parts: { analysis_id: string }[];
    redimensioned: Record<string, number>;
  };
  expect(report.corrections).toBe(2);
  expect(report.redimensioned[dimType(dim!.id)]).toBe(1);
  expect(report.classes.find((c) => c.type === newType)).toMatchObject({ support: 1, predicted: expect.any(Number) });
  const stored = (await (await fetch(`${server.url}/analyses/${report.most_corrected_parts[0]!.analysis_id}`)).json()) as {
    corrections: { action: string; type: string }[];
  };
  expect(stored.corrections).toMatchObject([
    { action: 'retype', type: newType },
    { action: 'redimension', params: { [dim!.key]: dim!.value + 0.5 } },
  ]);
});

test('in the quote view a group row offers the correction; it is one per feature, back after a reload and counted per feature', async ({ page }) => {
  test.setTimeout(240_000);
  type Report = { corrections: number; most_corrected_parts: { analysis_id: string; file_name: string; corrections: number }[] };
  const report = async () => (await (await fetch(`${server.url}/reports/accuracy`)).json()) as Report;
  // Other tests of this file store corrections on the same server: count what this one adds.
  const before = (await report()).corrections;
  await openServedApp(page);
  await dropFile(page, FILLETED_BOX);
  await waitDone(page);
  // The box's four R5 edges are one priced row, "4 × R5 fillet": a group of several features.
  const row = page.locator('[data-testid=feature-item][data-feature-type=fillet][data-feature-ids*=","]').first();
  await expect(row).toBeVisible();
  const groupId = (await row.getAttribute('data-feature-id'))!;
  const ids = (await row.getAttribute('data-feature-ids'))!.split(',').map(Number);
  expect(groupId).toMatch(/^group:/);
  expect(ids.length).toBeGreaterThan(1);

  await row.click();
  await expect(page.getByTestId('selection')).toHaveAttribute('data-feature-id', groupId);
  const panel = page.getByTestId('correct-feature');
  await expect(panel).toHaveAttribute('data-feature-id', groupId);
  await expect(panel).toHaveAttribute('data-feature-ids', ids.join(','));
  // Merge and split make no sense on a row of separate pieces: not offered.
  const offered = await page
    .getByTestId('correct-action')
    .locator('option')
    .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
  expect(offered).toEqual(['retype', 'redimension', 'not_a_feature']);
  await page.getByTestId('correct-action').selectOption('retype');
  await page.getByTestId('correct-type').fill('chamfer');
  await page.getByTestId('correct-submit').click();
  await expect(page.getByTestId('correction-status')).toHaveAttribute('data-state', 'sent', { timeout: 120_000 });
  const items = page.getByTestId('correction-item');
  await expect(items).toHaveCount(ids.length);
  await expect(row).toHaveAttribute('data-corrected', 'true');

  await page.reload();
  await page.waitForFunction(() => window.vectis !== undefined);
  await dropFile(page, FILLETED_BOX);
  await waitDone(page);
  await expect(items).toHaveCount(ids.length);
  const back = await items.evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-action'), e.getAttribute('data-type'), e.getAttribute('data-feature-id')]),
  );
  expect(back).toEqual(ids.map((id) => ['retype', 'chamfer', String(id)]));
  await expect(page.getByTestId('correction-status')).toHaveAttribute('data-state', 'sent');
  await expect(page.locator(`[data-testid=feature-item][data-feature-id="${groupId}"]`)).toHaveAttribute('data-corrected', 'true');

  // The server counts one correction per feature of the group.
  const after = await report();
  expect(after.corrections - before).toBe(ids.length);
  const part = after.most_corrected_parts.find((p) => p.file_name === 'chamfer-filleted-box.step');
  expect(part?.corrections).toBe(ids.length);
  const stored = (await (await fetch(`${server.url}/analyses/${part!.analysis_id}`)).json()) as { corrections: { feature_id: number }[] };
  expect(stored.corrections.map((c) => c.feature_id)).toEqual(ids);
});

test('without a server that stores analyses the correction stays in this browser and survives a reload', async ({ page }) => {
  test.setTimeout(240_000);
  // The same app from a server with persistence off (as under vite dev/preview, nothing takes
  // corrections); a server of this file's own, not the shared preview port other runs restart.
  const plain = await spawnServer(bundle.index, { PERSISTENCE: 'off', STATIC_DIR: join(ROOT, 'dist') });
  try {
    await openServedApp(page, plain.url);
    await dropFile(page, PLATE);
    await waitDone(page);
    const facts = await resultFacts(page);
    const free = facts.itemOfFace.findIndex((item) => item === '');
    expect(free, 'a face no feature claims').toBeGreaterThanOrEqual(0);
    await page.evaluate((id) => window.vectis.selectFace(id), free);
    await expect(page.getByTestId('correct-feature')).toHaveAttribute('data-feature-id', '');
    await expect(page.getByTestId('correct-action')).toHaveValue('name_region');
    await page.getByTestId('correct-type').fill('engraving');
    await page.getByTestId('correct-submit').click();
    const item = page.getByTestId('correction-item');
    await expect(item).toHaveCount(1);
    await expect(item).toHaveAttribute('data-synced', 'false');
    await expect(page.getByTestId('correction-status')).toHaveAttribute('data-state', 'local');

    await page.reload();
    await page.waitForFunction(() => window.vectis !== undefined);
    await dropFile(page, PLATE);
    await waitDone(page);
    await expect(item).toHaveCount(1);
    await expect(item).toHaveAttribute('data-action', 'name_region');
    await expect(item).toHaveAttribute('data-type', 'engraving');
    await expect(page.getByTestId('correction-status')).toHaveAttribute('data-state', 'local');
  } finally {
    await plain.stop();
  }
});
