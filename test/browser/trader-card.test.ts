/**
 * The card as a trader's first stop (issue 26), in Chromium with the built extension and recorded
 * real answers: the header's volume, range and drawdown, the chart's ranges, a contract token's
 * copy button and explorer, "Not this?" on a symbol resolved by its post, and Tab kept in the card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverText } from '../../demo/browser-helpers';
import { xTimelinePage } from '../../demo/pages';
import { testPost as post } from '../../demo/posts';
import type { ScanResult } from '../../utils/messages';
import { type Harness, startHarness } from '../support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  h.serveX(
    '/trader',
    xTimelinePage([
      post('1', 'Bitcoin holds the range.'),
      post('2', 'Rotating into $USDC until the dust settles.'),
      post('3', '$STRK big unlock next week, team and investors get their tokens.'),
    ]),
  );
});
afterAll(() => h?.close());

async function openTrader() {
  await h.useLocalApi();
  const page = await h.open('https://x.com/trader');
  const tabId = await h.tabIdOf(page);
  await expect
    .poll(
      async () => (await h.scan(tabId).catch(() => ({ items: [] }) as unknown as ScanResult)).items.length,
    )
    .toBeGreaterThan(2);
  return { page, tabId };
}

const TWEET = '[data-testid="tweetText"]';

describe('the card as a trader’s first stop', () => {
  it('heads a coin with its volume, 24 h range and drawdown from the ATH, and charts the range asked', async () => {
    const { page } = await openTrader();
    await hoverText(page, 'Bitcoin', TWEET);
    const card = page.locator('tickerlens-card[data-asset="cg:bitcoin"]');
    await card.waitFor({ state: 'attached', timeout: 15_000 });
    const stat = (k: string) => card.locator(`.stats [data-stat="${k}"]`);
    await stat('volume').waitFor({ timeout: 15_000 });
    // CoinGecko's recorded row for bitcoin (2025-02-09).
    expect(await stat('volume').textContent()).toMatch(/^Volume 24h\$\d+\.\d{2}B$/);
    expect(await stat('range').textContent()).toMatch(/^24h range\$95,867 – \$97,317$/);
    expect(await stat('peak').textContent()).toMatch(/^From ATH-\d+(\.\d+)?%$/);
    // Name, price and the compact row fit in the card's top ~120 px, no scrolling.
    const top = await card.locator('.card').boundingBox();
    const stats = await card.locator('.stats').boundingBox();
    expect((stats?.y ?? 0) + (stats?.height ?? 0) - (top?.y ?? 0)).toBeLessThan(125);
    // The chart: the recorded market chart, labelled by the dates it covers, in words as well.
    await card.locator('.range[data-range="30d"]').click();
    await expect
      .poll(() => card.locator('svg.line').getAttribute('aria-label'), { timeout: 15_000 })
      .toMatch(/^Price Mar 31, 2024 – Apr 1, 2024, 15:01 UTC: high \$71,247, low \$68,888, change -1\.17%$/);
    expect(await card.locator('.range[data-range="30d"]').getAttribute('aria-pressed')).toBe('true');
    expect(h.sources.requests('coingecko')).toContain('/coins/bitcoin/market_chart?vs_currency=usd&days=30');
    await page.close();
  });

  it('gives a contract token a working copy button and the right explorer for its chain', async () => {
    const { page } = await openTrader();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://x.com' });
    await hoverText(page, '$USDC', TWEET);
    const card = page.locator('tickerlens-card[data-asset="cg:usd-coin"]');
    await card.waitFor({ state: 'attached', timeout: 15_000 });
    await card.locator('.onward').waitFor({ timeout: 15_000 });
    expect(await card.locator('.badge[data-where="chain"]').textContent()).toBe('Ethereum');
    expect(await card.locator('[data-link="explorer"]').getAttribute('href')).toBe(
      'https://etherscan.io/token/0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48',
    );
    expect(await card.locator('[data-link="explorer"]').getAttribute('rel')).toBe('noopener noreferrer');
    expect(await card.locator('[data-link="chart"]').getAttribute('href')).toBe(
      'https://dexscreener.com/ethereum/0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48',
    );
    const copy = card.getByRole('button', { name: 'Copy the contract address on Ethereum' });
    await copy.click();
    await expect.poll(() => copy.textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48',
    );
    // The other chains' contracts, on demand.
    await card.getByRole('button', { name: /^Contracts on \d+ more chains$/ }).click();
    expect(await card.locator('.contracts [data-platform="base"] .copy').count()).toBe(1);
    await page.close();
  });

  it('reads $STRK in a post about unlocks as Starknet, and offers "Not this?" to switch', async () => {
    const { page } = await openTrader();
    await hoverText(page, '$STRK', TWEET);
    const card = page.locator('tickerlens-card[data-asset="cg:starknet"]');
    await card.waitFor({ state: 'attached', timeout: 15_000 });
    await card.getByRole('button', { name: 'Not this?' }).click();
    const other = card.locator('.not-this li[data-asset="stock:STRK"]');
    await other.waitFor();
    // "Just here": this page reads it as the stock; nothing is pinned.
    await other.getByRole('button', { name: 'Just here' }).click();
    await page.locator('tickerlens-card[data-asset="stock:STRK"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('tickerlens-card .not-this').textContent()).toContain(
      'Read this way on this page only.',
    );
    const pins = await h.inWorker(
      async () => (await chrome.storage.local.get(null)) as Record<string, unknown>,
      undefined,
    );
    expect(JSON.stringify(pins)).not.toContain('stock:STRK');
    await page.close();
  });

  it('keeps Tab within the open card until Esc, and says the asset and price when the keyboard opened it', async () => {
    const { page, tabId } = await openTrader();
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('tickerlens-asset')?.size ?? 0))
      .toBeGreaterThan(0);
    await h.inWorker((id: number) => chrome.tabs.sendMessage(id, { type: 'tickerlens:next-mark' }), tabId);
    const card = page.locator('tickerlens-card');
    await card.waitFor({ state: 'attached' });
    await card.locator('.stats').waitFor({ timeout: 15_000 });
    await expect.poll(() => card.locator('[role="status"].sr-only').textContent()).toMatch(/^Bitcoin, \$\d/);
    const focusables = await card.locator('a[href], button:not([disabled]), summary').count();
    const inCard = () =>
      page.evaluate(
        () =>
          document.activeElement?.localName === 'tickerlens-card' &&
          !!document.activeElement.shadowRoot?.activeElement,
      );
    for (let i = 0; i < focusables + 3; i++) {
      await page.keyboard.press('Tab');
      expect(await inCard()).toBe(true);
    }
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await inCard()).toBe(true);
    }
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    await page.close();
  });
});
