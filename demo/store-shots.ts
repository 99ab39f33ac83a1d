/**
 * The store screenshots (store/listing.yaml): 1280×800, the size both stores take, written by the
 * headless demo beside its other screenshots, from the same run (built-in data, nothing fetched).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { hoverText, waitForCardSettled } from './browser-helpers';

const SIZE = { width: 1280, height: 800 };

export async function storeScreenshots(
  context: BrowserContext,
  extensionId: string,
  xPage: Page,
  out: string,
): Promise<string[]> {
  const written: string[] = [];
  const shot = async (page: Page, name: string) => {
    await page.screenshot({ path: resolve(out, name) });
    written.push(name);
  };

  // A marked post and its open card.
  await xPage.setViewportSize(SIZE);
  await xPage.keyboard.press('Escape');
  await xPage.mouse.move(5, 5);
  await xPage.evaluate(() => window.scrollTo(0, 0));
  await hoverText(xPage, 'Bitcoin', '[data-testid="tweetText"]');
  await waitForCardSettled(xPage);
  await shot(xPage, 'store-card.png');
  await xPage.keyboard.press('Escape');

  // The popup beside the page it sums up (the demo's popup.png), as the toolbar shows it.
  const popup = readFileSync(resolve(out, 'popup.png')).toString('base64');
  await xPage.mouse.move(5, 5);
  const pageShot = (await xPage.screenshot()).toString('base64');
  const board = await context.newPage();
  await board.setViewportSize(SIZE);
  await board.setContent(
    `<body style="margin:0;background:#e9ecef;display:flex;gap:24px;align-items:flex-start;padding:24px;box-sizing:border-box;height:800px;overflow:hidden">
      <img src="data:image/png;base64,${pageShot}" style="width:800px;border-radius:8px;box-shadow:0 4px 16px #0003">
      <img src="data:image/png;base64,${popup}" style="width:380px;max-height:752px;object-fit:cover;object-position:top;border-radius:8px;box-shadow:0 4px 16px #0003">
    </body>`,
  );
  await shot(board, 'store-checklist.png');
  await board.close();

  for (const [path, name, ready] of [
    ['notes.html', 'store-notes.png', 'article.note'],
    ['welcome.html', 'store-welcome.png', 'tickerlens-card:not([data-state="loading"])'],
  ] as const) {
    const page = await context.newPage();
    await page.setViewportSize(SIZE);
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    await page.locator(ready).first().waitFor({ timeout: 15_000 });
    await shot(page, name);
    await page.close();
  }
  return written;
}
