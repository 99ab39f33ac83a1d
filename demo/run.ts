/**
 * `npm run demo` (after the build): Chromium with Tickerlens on the bundled demo pages, using only
 * data built into the extension; nothing is fetched from the network. With a display it opens a
 * window to play with; without one it runs headless, writes four screenshots to demo-output/ (the
 * page, a card, the popup, and the notes page with notes saved from the cards) and the four store
 * screenshots at 1280×800 (demo/store-shots.ts, store/listing.yaml),
 * prints what it found and exits 0.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

import type { Page, Worker } from 'playwright-core';
import { launchWithExtension, useOfflineSources } from '../test/support/chromium';
import type { ScanResult } from '../utils/messages';
import { hoverText, waitForCardSettled } from './browser-helpers';
import { articlePage, xTimelinePage } from './pages';
import { realPosts, writtenPosts } from './posts';
import { storeScreenshots } from './store-shots';
import { traderCardShots } from './trader-cards';

const OUT = resolve(import.meta.dirname, '../demo-output');
const TIMELINE_URL = 'https://x.com/home';
const ARTICLE_URL = 'https://news.example/markets/bitcoin-and-chips';

const headless =
  process.argv.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

const pages = new Map<string, string>([
  [
    TIMELINE_URL,
    xTimelinePage([...writtenPosts, ...realPosts.slice(0, 8)], {
      theme: 'light',
      banner:
        'Tickerlens demo: real X markup. The first six posts were written for the demo; the rest are real posts (demo/data/PROVENANCE.md).',
    }),
  ],
  [
    ARTICLE_URL,
    articlePage(
      'Bitcoin and chip stocks rally (demo article)',
      [
        'Bitcoin rose above $100,000 as NVIDIA and TSMC reported strong demand. 比特幣 and 台積電 led Asian trading.',
        'Tickerlens runs on X by default. On any other site it stays off until you turn it on from the popup ("Enable on this site"): open the popup on this tab to try it.',
      ],
      'const ignored = "$BTC inside code is never read";',
    ),
  ],
]);

async function main(): Promise<void> {
  const ext = await launchWithExtension({ headless, viewport: { width: 1200, height: 900 } });
  if (headless) {
    // Headless runs are the built-in-data demo: the data sources are unreachable (a closed local
    // port, and the route below drops any other request), so cards show the bundled, dated snapshot
    // and say so; nothing leaves the machine.
    await useOfflineSources(ext.worker);
  }
  await ext.context.route(
    () => true,
    async (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'chrome-extension:') return route.continue();
      const html = pages.get(url.origin + url.pathname);
      if (html) await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      // The recorded answers the trader-card shots read (trader-cards.ts), on this machine.
      else if (url.hostname === '127.0.0.1') await route.continue();
      // Headless, everything else (images in the captured markup, data APIs) is offline; with a
      // window, it goes to the network when there is one (live prices on the cards).
      else if (headless) await route.abort('internetdisconnected');
      else await route.continue();
    },
  );

  const page = await ext.context.newPage();
  await page.goto(TIMELINE_URL);
  const tabId = await activeTabId(ext.worker, page);
  const result = await waitForScan(ext.worker, tabId);
  printFindings(result);

  if (!headless) {
    const article = await ext.context.newPage();
    await article.goto(ARTICLE_URL);
    await page.bringToFront();
    console.log(
      '\nA Chromium window is open: hover a marked ticker, name or @handle on the X page for its card (or press Alt+Shift+K).',
    );
    console.log(`The popup for the X tab: chrome-extension://${ext.extensionId}/popup.html?tabId=${tabId}`);
    console.log('Close the window (or press Ctrl+C) to end the demo.');
    await new Promise<void>((done) => ext.context.on('close', () => done()));
    return;
  }

  mkdirSync(OUT, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: resolve(OUT, 'page.png') });

  await hoverText(page, 'Bitcoin', '[data-testid="tweetText"]');
  const card = page.locator('tickerlens-card[data-asset="cg:bitcoin"]');
  await card.waitFor({ state: 'visible', timeout: 5000 });
  // Wait for the card to settle (the worker tries the sources, then serves the snapshot).
  await waitForCardSettled(page);
  await page.screenshot({ path: resolve(OUT, 'card.png') });
  const cardState = await card.getAttribute('data-state');
  const cardText = (await card.locator('.card').textContent()) ?? '';

  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 380, height: 640 });
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=${tabId}`);
  await popup.getByTestId('page-summary').waitFor({ timeout: 5000 });
  // The checklist of the token the launch post is about (its first claim's subject), once the
  // background has tried the sources (all offline here: what the snapshot cannot say is unknown).
  const checklist = popup.locator('[data-testid="checklist"]');
  await checklist.waitFor({ timeout: 15_000 });
  await popup.waitForFunction(
    () => !document.querySelector('[data-testid="checklist"] [role="status"]'),
    undefined,
    {
      timeout: 20_000,
    },
  );
  await popup.screenshot({ path: resolve(OUT, 'popup.png'), fullPage: true });
  const score = await checklist.locator('[data-score]').getAttribute('data-score');
  const checklistAsset = await checklist.getAttribute('data-asset');

  const price = await card.locator('.price').textContent();
  const snapshot = /snapshot of (\d{4}-\d{2}-\d{2})/.exec(cardText)?.[1];

  const saved = await saveDemoNotes(page, ext.extensionId);
  const notesPage = await ext.context.newPage();
  await notesPage.setViewportSize({ width: 1000, height: 1100 });
  await notesPage.goto(`chrome-extension://${ext.extensionId}/notes.html`);
  await notesPage.locator('article.note').first().waitFor({ timeout: 5000 });
  await notesPage.screenshot({ path: resolve(OUT, 'notes.png') });
  const store = await storeScreenshots(ext.context, ext.extensionId, page, OUT);

  const traderShots = await traderCardShots(ext, page, OUT);

  console.log(`\nCard opened on "Bitcoin": data-asset="cg:bitcoin", data-state="${cardState ?? ''}".`);
  if (price)
    console.log(
      `  price ${price}${snapshot ? ` from the built-in snapshot of ${snapshot} (no network in this demo)` : ''}`,
    );
  console.log(`Notes saved from the cards: ${saved.join(', ')} (the notes page: notes.html).`);
  if (score && checklistAsset)
    console.log(
      `Popup: the launch post's checklist for ${checklistAsset} scores ${score} (offline: unknown boxes say why).`,
    );
  console.log(
    `Screenshots: ${['page.png', 'card.png', 'popup.png', 'notes.png', ...traderShots, ...store].map((f) => `demo-output/${f}`).join(', ')}`,
  );
  await ext.close();
}

/**
 * Saves a note from the card of a few detections on the timeline ("Save note"), as a reader does,
 * and writes words and tags on one from the notes page, so its screenshot shows real notes.
 */
async function saveDemoNotes(page: Page, extensionId: string): Promise<string[]> {
  const saved: string[] = [];
  for (const word of ['Bitcoin', '@HyperliquidX', '$TAO', '比特币']) {
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await hoverText(page, word, '[data-testid="tweetText"]');
    const card = page.locator('tickerlens-card');
    const save = card.getByRole('button', { name: 'Save note' });
    await save.waitFor({ timeout: 15_000 });
    await save.click();
    // The field for words and tags opens; saving without typing still saves.
    await card.locator('form.note-form button[type="submit"]').click();
    await card.getByText('Note saved').waitFor();
    saved.push(word);
  }
  await page.keyboard.press('Escape');
  const notes = await page.context().newPage();
  await notes.goto(`chrome-extension://${extensionId}/notes.html`);
  const hype = notes.locator('article.note', { hasText: 'HyperliquidX' });
  await hype.getByRole('button', { name: 'Edit' }).click();
  await notes
    .getByRole('textbox', { name: 'Your note' })
    .fill('Check the unlock schedule before the next TGE.');
  await notes.getByRole('textbox', { name: /^Tags/ }).fill('perps, airdrop');
  await notes.getByRole('button', { name: 'Save', exact: true }).click();
  await hype.locator('ul.tags').waitFor();
  await notes.close();
  return saved;
}

/** The extension has no "tabs" permission (URLs are hidden from it): the page's tab is the active one. */
async function activeTabId(worker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (id === undefined) throw new Error(`no tab for ${page.url()}`);
  return id;
}

/** The content script scans in idle slices: ask until the page's detections are in. */
async function waitForScan(worker: Worker, tabId: number): Promise<ScanResult> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const r: ScanResult = await worker.evaluate(
        (id) => chrome.tabs.sendMessage(id, { type: 'tickerlens:scan' }),
        tabId,
      );
      if (r.items.length) return r;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    if (Date.now() > deadline) throw new Error('the content script found nothing on the demo page');
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

function printFindings(result: ScanResult): void {
  console.log(`\nTickerlens found ${result.items.length} items on ${result.url}:`);
  const byKind = new Map<string, string[]>();
  for (const item of result.items) {
    const label = item.claim
      ? `${item.text} → ${item.claim}`
      : item.asset
        ? `${item.text} → ${item.asset}`
        : item.candidates?.length
          ? `${item.text} → one of ${item.candidates.join(', ')}`
          : item.text;
    byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), label]);
  }
  for (const [kind, labels] of byKind) console.log(`  ${kind.padEnd(8)} ${labels.join(' · ')}`);
  const open = result.items.filter((i) => i.kind === 'ticker' && !i.asset && i.candidates?.length).length;
  if (open) {
    console.log(
      `  (${open} tickers could be several assets: their cards list the candidates, and "Always use this" pins one.)`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
