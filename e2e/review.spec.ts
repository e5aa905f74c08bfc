/**
 * The review badge in Chromium: after an analysis the status bar shows whether the part may be
 * quoted unseen ([data-testid=review], data-auto-quote), from the result's review, with the
 * reasons as its tooltip; and the browser worker's review is the one Node's analyze() gives.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { analyze } from '../src/analysis/index.ts';
import { defaultModelPath, useNodeHost } from '../src/analysis/hosts/node.ts';
import { dropFile, openApp, waitDone } from './app-helpers.ts';

useNodeHost();

test('the status bar shows the review the pipeline decided, as Node decides it', async ({ page }) => {
  const file = 'fixtures/box-with-hole.step';
  const node = await analyze(new Uint8Array(readFileSync(file)), { model: defaultModelPath() });
  await openApp(page);
  await page.goto('/?cache=off');
  await page.waitForFunction(() => window.vectis !== undefined);
  await dropFile(page, file);
  await waitDone(page);
  const review = await page.evaluate(() => window.vectis.result?.review);
  expect(review).toEqual(node.review);
  const badge = page.getByTestId('review');
  await expect(badge).toHaveAttribute('data-auto-quote', String(node.review!.auto_quote));
  if (node.review!.auto_quote) await expect(badge).toHaveText('Auto-quote');
  else await expect(badge).toHaveAttribute('title', node.review!.reasons.join('\n'));
});
