/**
 * A source that refuses (429 with Retry-After) while the user reads: the card keeps showing the
 * last data it has, marked stale with the reason, loses nothing, and recovers when the source
 * answers again. A fresh profile, so nothing was fetched before the fault.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverText } from '../../demo/browser-helpers';
import { xTimelinePage } from '../../demo/pages';
import { testPost } from '../../demo/posts';
import { type Harness, startHarness } from '../support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  h.serveX('/faults', xTimelinePage([testPost('1', 'Bitcoin holds the line.')]));
});
afterAll(() => h?.close());

describe('a source that refuses', () => {
  it('serves stale data with the reason, then recovers when the source answers', async () => {
    await h.useLocalApi();
    h.sources.fault('coingecko', 'rate-limit');
    h.sources.fault('llamaCoins', 'rate-limit');
    const page = await h.open('https://x.com/faults');
    await expect
      .poll(async () => (await h.scan(await h.tabIdOf(page)).catch(() => ({ items: [] }))).items.length)
      .toBeGreaterThan(0);
    await hoverText(page, 'Bitcoin', '[data-testid="tweetText"]');
    const card = page.locator('tickerlens-card[data-asset="cg:bitcoin"]');
    await card.waitFor({ state: 'attached' });
    await expect.poll(() => card.getAttribute('data-state')).toBe('stale');
    await expect
      .poll(async () => (await card.locator('.card').textContent()) ?? '')
      // The reason as a reader gets it (utils/sources/reasons.ts): the source, and the 429 as
      // "rate limited".
      .toContain('CoinGecko: rate limited');
    // Nothing lost: the snapshot's price is still on the card.
    expect(await card.locator('.price').textContent()).toMatch(/\$96,114/);
    expect(h.sources.requests('coingecko').some((u) => u.startsWith('/coins/markets'))).toBe(true);

    // The source answers again. Pointing the source anew (as a user fixing a proxy would) clears the
    // Retry-After wait; Retry then gets live data.
    h.sources.fault('coingecko', null);
    h.sources.fault('llamaCoins', null);
    await h.useDeadApi();
    await h.useLocalApi();
    await card.getByRole('button', { name: 'Retry' }).first().click();
    // CoinGecko's figures, no longer the refusal (stale still: the recording's own time is old).
    await expect
      .poll(async () => (await card.locator('footer').textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/Price: CoinGecko · updated \d+ d ago/);
    expect(await card.locator('footer').textContent()).not.toContain('rate limited');
    await page.close();
  });
});
