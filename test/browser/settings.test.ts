/**
 * The settings page a reader uses (issue 26, item 8), in Chromium with the built extension: what to
 * mark applies to an open page at once, pinned choices are listed by name and undone, and the
 * data-source fields sit under "Advanced", collapsed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xTimelinePage } from '../../demo/pages';
import { testPost, writtenPosts } from '../../demo/posts';
import type { ScanResult } from '../../utils/messages';
import { type Harness, startHarness } from '../support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  h.serveX('/home', xTimelinePage(writtenPosts));
  h.serveX('/strk', xTimelinePage([testPost('1', 'Is $STRK cheap here?')]));
  h.serveX(
    '/painted',
    xTimelinePage([testPost('1', 'Bitcoin and $ETH today.'), testPost('2', 'No VC, fair launch for $TAO.')], {
      positioned: true,
    }),
  );
});
afterAll(() => h?.close());

async function scanWhenReady(page: Page): Promise<{ tabId: number; result: ScanResult }> {
  const tabId = await h.tabIdOf(page);
  await expect
    .poll(
      async () => (await h.scan(tabId).catch(() => ({ items: [] }) as unknown as ScanResult)).items.length,
    )
    .toBeGreaterThan(0);
  return { tabId, result: await h.scan(tabId) };
}

async function openOptions(): Promise<Page> {
  const options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  return options;
}

/** Ranges in the page's highlights: claim marks (any verdict) and asset marks. */
const markCounts = (page: Page) =>
  page.evaluate(() => {
    const size = (name: string) => CSS.highlights.get(name)?.size ?? 0;
    return {
      claims:
        size('tickerlens-claim') + size('tickerlens-claim-agrees') + size('tickerlens-claim-contradicts'),
      assets: size('tickerlens-asset'),
    };
  });

/** The background colour X's first cashtag link gets from the mark stylesheet. */
const cashtagBackground = (page: Page) =>
  page.evaluate(() => {
    const a = document.querySelector('[data-testid="tweetText"] a[href*="src=cashtag_click"]');
    return a ? getComputedStyle(a).backgroundColor : 'no link';
  });

describe('what to mark', () => {
  it('switching off claims removes claim marks from an open page at once; the scan still reports them', async () => {
    const page = await h.open('https://x.com/home');
    const { tabId } = await scanWhenReady(page);
    await expect.poll(async () => (await markCounts(page)).claims).toBeGreaterThan(0);
    const before = await markCounts(page);
    expect(before.assets).toBeGreaterThan(0);
    const claimsFound = (await h.scan(tabId)).items.filter((i) => i.kind === 'claim').length;
    expect(claimsFound).toBeGreaterThan(0);

    const options = await openOptions();
    const claims = options.getByRole('checkbox', { name: /Launch claims/ });
    expect(await claims.isChecked()).toBe(true);
    // Every kind is there, each on by default.
    for (const name of ['Tickers ($BTC, BTC)', /Names/, /Handles/, /Contract addresses/])
      expect(await options.getByRole('checkbox', { name }).isChecked()).toBe(true);
    await claims.uncheck();

    await expect.poll(async () => (await markCounts(page)).claims).toBe(0);
    expect((await markCounts(page)).assets).toBe(before.assets);
    // The contract's scan reports what is detected, marked or not (the popup lists it).
    expect((await h.scan(tabId)).items.filter((i) => i.kind === 'claim')).toHaveLength(claimsFound);
    const stored = await h.inWorker(() => chrome.storage.local.get('tickerlens:settings'), undefined);
    expect(stored['tickerlens:settings']).toMatchObject({
      version: 2,
      markKinds: { claim: false, ticker: true, name: true, handle: true, address: true },
    });

    // Tickers off: their ranges and X's cashtag-link marks go too; on again, everything is back.
    const linkMarked = await cashtagBackground(page);
    expect(linkMarked).not.toBe('rgba(0, 0, 0, 0)');
    await options.getByRole('checkbox', { name: /Tickers/ }).uncheck();
    await expect.poll(() => cashtagBackground(page)).toBe('rgba(0, 0, 0, 0)');
    await expect.poll(async () => (await markCounts(page)).assets).toBeLessThan(before.assets);
    await options.getByRole('checkbox', { name: /Tickers/ }).check();
    await claims.check();
    await expect.poll(() => markCounts(page)).toEqual(before);
    expect(await cashtagBackground(page)).toBe(linkMarked);
    await options.close();
    await page.close();
  });
});

/** The boxes X's positioned cells paint (painted-marks.ts: one background layer per box). */
const paintedBoxes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="cellInnerDiv"]')].reduce(
      (n, cell) => n + [...cell.style.backgroundImage.matchAll(/linear-gradient/g)].length,
      0,
    ),
  );

describe('what to mark, on cells X positions', () => {
  it('paints the cells again without the kinds switched off, and with them once back on', async () => {
    const page = await h.open('https://x.com/painted');
    await scanWhenReady(page);
    // Bitcoin (a name), the two claims; the cashtags are X's links, marked by the stylesheet.
    await expect.poll(() => paintedBoxes(page)).toBe(3);
    const options = await openOptions();
    /** A change in the options page, then back to the X tab (a tab in the background paints late). */
    const toggle = async (name: RegExp, on: boolean) => {
      await options.bringToFront();
      await options.getByRole('checkbox', { name }).setChecked(on);
      await page.bringToFront();
    };
    await toggle(/Names/, false);
    await expect.poll(() => paintedBoxes(page)).toBe(2);
    await toggle(/Launch claims/, false);
    await expect.poll(() => paintedBoxes(page)).toBe(0);
    await toggle(/Names/, true);
    await toggle(/Launch claims/, true);
    await expect.poll(() => paintedBoxes(page)).toBe(3);
    await options.close();
    await page.close();
  });
});

describe('pinned choices', () => {
  it('lists a pin made with the pin message by name, and Undo removes it and the page resolves again', async () => {
    await h.useLocalApi();
    const page = await h.open('https://x.com/strk');
    const { tabId, result } = await scanWhenReady(page);
    const reading = (r: ScanResult) => {
      const item = r.items.find((i) => i.text === '$STRK');
      return { asset: item?.asset, candidates: item?.candidates };
    };
    const unpinned = reading(result);
    expect(unpinned.asset).not.toBe('stock:STRK');

    const options = await openOptions();
    await options.getByTestId('pins-empty').waitFor();
    expect(await options.getByTestId('pins-empty').textContent()).toContain('Always use this');
    const pinned = await options.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'tickerlens:pin', key: 'STRK', asset: 'stock:STRK' }),
    );
    expect(pinned).toEqual({ ok: true, data: { ok: true } });
    await expect.poll(async () => reading(await h.scan(tabId)).asset).toBe('stock:STRK');

    await options.reload();
    const row = options.getByTestId('pins-list').locator('li[data-key="STRK"]');
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    // By name, symbol and kind with its exchange; never the internal id.
    expect(text).toContain('MicroStrategy Incorporated - 8.00% Series A Perpetual Strike Preferred Stock');
    expect(text).toContain('(STRK)');
    expect(text).toContain('stock on NASDAQ');
    expect(text).not.toContain('stock:');

    const undo = row.getByRole('button', { name: /^Undo: STRK always reads as MicroStrategy/ });
    // Keyboard: the button takes focus and Enter presses it.
    await undo.focus();
    await options.keyboard.press('Enter');
    await options.getByTestId('pins-empty').waitFor();
    expect(await options.getByRole('status').textContent()).toContain('STRK is no longer pinned');
    // The open page was told, and reads $STRK as before the pin.
    await expect.poll(async () => reading(await h.scan(tabId))).toEqual(unpinned);
    await options.close();
    await page.close();
    await h.useDeadApi();
  });
});

describe('settings page layout', () => {
  it('puts the reader’s settings first and the source fields under a collapsed "Advanced"', async () => {
    const options = await openOptions();
    const advanced = options.getByTestId('advanced');
    await advanced.waitFor();
    expect(await advanced.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    // Every source field is inside it, hidden until it opens; none is outside.
    expect(await advanced.locator('[data-source]').count()).toBe(6);
    expect(await options.locator('[data-source]').count()).toBe(6);
    expect(await advanced.locator('#cg-key').count()).toBe(1);
    expect(await options.locator('#url-coingecko').isVisible()).toBe(false);
    // Reader-facing sections come first, in this order.
    const order = await options.evaluate(() =>
      [...document.querySelectorAll('main > section, main > details')].map(
        (el) => el.getAttribute('data-testid') ?? el.getAttribute('aria-labelledby'),
      ),
    );
    expect(order).toEqual(['marks', 'sites-title', 'pins', 'shortcut', 'advanced']);
    // The shortcut of the extension's command, and the way to change it.
    expect(await options.locator('[data-command="next-ticker"]').textContent()).toMatch(/Alt\+Shift\+K/);
    const opened = h.context.waitForEvent('page');
    await options.getByRole('button', { name: 'Change shortcuts' }).click();
    const shortcuts = await opened;
    await expect.poll(() => shortcuts.url()).toBe('chrome://extensions/shortcuts');
    await shortcuts.close();
    // Opened from the keyboard, the fields show.
    await options.locator('summary').focus();
    await options.keyboard.press('Enter');
    await options.locator('#url-coingecko').waitFor({ state: 'visible' });
    await options.close();
  });
});
