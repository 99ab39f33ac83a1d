/**
 * The demo's card screenshots as a trader sees them: a coin, a contract token and a treasury
 * company, with the sources pointed at the recorded real answers of the test server (127.0.0.1,
 * never the network), then back offline. The recordings are old: their figures say so.
 */
import { resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { startSourcesServer } from '../test/support/sources-server';
import { SETTINGS_KEY } from '../utils/settings';
import { hoverText } from './browser-helpers';

const SHOTS = [
  { word: 'Bitcoin', asset: 'cg:bitcoin', ready: '.stats', file: 'card-coin.png' },
  { word: '$USDC', asset: 'cg:usd-coin', ready: '.onward .copy', file: 'card-token.png' },
  { word: 'Strategy', asset: 'stock:MSTR', ready: '.treasury-line', file: 'card-treasury.png' },
] as const;

export async function traderCardShots(
  ext: { context: BrowserContext; worker: Worker },
  timeline: Page,
  out: string,
): Promise<string[]> {
  const server = await startSourcesServer();
  const written: string[] = [];
  let page = timeline;
  try {
    await ext.worker.evaluate(([key, value]) => chrome.storage.local.set({ [key]: value }), [
      SETTINGS_KEY,
      server.settings,
    ] as const);
    // A fresh tab: the open one keeps the offline cards it showed for a minute (card-controller.ts).
    page = await ext.context.newPage();
    await page.goto(timeline.url());
    // The content script reads the page in idle slices: its marks are in place well within this.
    await page.waitForTimeout(2_000);
    for (const shot of SHOTS) {
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 5);
      await hoverText(page, shot.word, '[data-testid="tweetText"]');
      const card = page.locator(`tickerlens-card[data-asset="${shot.asset}"]`);
      await card.waitFor({ state: 'attached', timeout: 15_000 });
      await card.locator(shot.ready).first().waitFor({ timeout: 20_000 });
      // The live figures and the chart, once the worker's refresh has landed.
      await page
        .waitForFunction(
          () =>
            !document.querySelector('tickerlens-card')?.shadowRoot?.querySelector('[role="status"].loading'),
          undefined,
          { timeout: 15_000 },
        )
        .catch(() => undefined);
      await card.locator('.card').screenshot({ path: resolve(out, shot.file) });
      written.push(shot.file);
    }
  } finally {
    if (page !== timeline) await page.close();
    await ext.worker.evaluate(([key]) => chrome.storage.local.set({ [key]: { sources: {} } }), [
      SETTINGS_KEY,
    ] as const);
    await server.stop();
  }
  return written;
}
