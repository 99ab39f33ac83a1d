/**
 * The hover card with data, in Chromium, against the local sources server (recorded real answers
 * and documented-shape fixtures): figures with source and age, the snapshot when sources are down,
 * ambiguous symbols with "always use this", claims checked against the unlock schedule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverText, pointOfText } from '../../demo/browser-helpers';
import { xTimelinePage } from '../../demo/pages';
import { testPost } from '../../demo/posts';
import type { ScanResult } from '../../utils/messages';
import { type Harness, startHarness } from '../support/harness';

let h: Harness;

const post = testPost;

beforeAll(async () => {
  h = await startHarness();
  h.serveX(
    '/cards',
    xTimelinePage([
      post('1', 'Bitcoin holds while $TAO runs.'),
      post('2', 'Is $STRK cheap here?'),
      post('3', '@HyperliquidX: no VC, no insiders, 28% airdrop.'),
      post('4', 'Apple reports on Thursday: $AAPL into the print.'),
      { ...post('5', 'HIP-3 markets are live.'), name: 'Hyperliquid', handle: 'HyperliquidX' },
    ]),
  );
});
afterAll(() => h?.close());

async function openCards(): Promise<{ page: import('playwright-core').Page; tabId: number }> {
  const page = await h.open('https://x.com/cards');
  const tabId = await h.tabIdOf(page);
  await expect
    .poll(
      async () => (await h.scan(tabId).catch(() => ({ items: [] }) as unknown as ScanResult)).items.length,
    )
    .toBeGreaterThan(3);
  return { page, tabId };
}

/** The cards page with live sources, the pointer on `text`, and the card (`selector`) it opened. */
async function hoverCard(text: string, within: string, selector = 'tickerlens-card') {
  await h.useLocalApi();
  const opened = await openCards();
  await hoverText(opened.page, text, within);
  const card = opened.page.locator(selector);
  await card.waitFor({ state: 'attached', timeout: 15_000 });
  return { ...opened, card };
}

/** Saves a note from the open card; the popup of the tab, and the newest note as stored. */
async function saveNote(card: import('playwright-core').Locator, tabId: number) {
  // The button opens the note's field; saving without typing still saves.
  await card.getByRole('button', { name: 'Save note' }).click();
  await card.locator('form.note-form button[type="submit"]').click();
  await card.getByText('Note saved').waitFor();
  const popup = await h.openPopup(tabId);
  const stored = await popup.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'tickerlens:recent-notes', limit: 1 }),
  );
  return { popup, note: stored.data.notes[0] };
}

describe('card with data', () => {
  it('falls back to the dated snapshot, labelled stale, when the sources are down', async () => {
    await h.useDeadApi();
    const { page } = await openCards();
    await hoverText(page, '$TAO', '[data-testid="tweetText"]');
    const card = page.locator('tickerlens-card[data-asset="cg:bittensor"]');
    await card.waitFor({ state: 'attached' });
    await expect.poll(() => card.getAttribute('data-state')).toBe('stale');
    const text = (await card.locator('.card').textContent()) ?? '';
    expect(text).toMatch(/snapshot of \d{4}-\d{2}-\d{2}/);
    // The snapshot's price, greyed with its own date, never the live headline.
    expect(await card.locator('.price').getAttribute('class')).toBe('price snapshot');
    expect(await card.locator('.asof').textContent()).toMatch(
      /^as of \w{3} \d{1,2}, \d{4} \(built-in snapshot\)$/,
    );
    // Why, for a reader: the source and what went wrong (the local server answers 503), not the
    // service's technical reason with its ISO timestamps. It shows once the refresh has failed,
    // with a way to try again (before, the card says the live price is on its way).
    const failed = card.locator('.card header .stale');
    await expect
      .poll(async () => (await failed.textContent().catch(() => '')) ?? '', { timeout: 10_000 })
      .toMatch(/CoinGecko: (answered with error 503|paused after repeated failures)/);
    expect(await failed.textContent()).toContain('Retry');
    expect(await card.locator('.card').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    await page.close();
  });

  it('shows live figures with the source’s own time, stale when the source has not updated them', async () => {
    await h.useLocalApi();
    const { page } = await openCards();
    await hoverText(page, 'Bitcoin', '[data-testid="tweetText"]');
    const card = page.locator('tickerlens-card[data-asset="cg:bitcoin"]');
    await card.waitFor({ state: 'attached', timeout: 15_000 });
    await expect
      .poll(async () => (await card.locator('.card').textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/Price: CoinGecko · updated/);
    const text = (await card.locator('.card').textContent()) ?? '';
    expect(text).toContain('96,114');
    expect(text).toContain('BTC');
    // Fetched a moment ago, but CoinGecko's own time in the recording is 2025-02-09: the card says
    // how old the source's figure is, and that a price that old is stale.
    expect(text).toMatch(/Price: CoinGecko · updated \d+ d ago · the source’s figure is over 1 hour old/);
    expect(await card.getAttribute('data-state')).toBe('stale');
    expect(
      h.sources.requests('coingecko').some((u) => u.startsWith('/coins/markets?') && u.includes('bitcoin')),
    ).toBe(true);
    await page.close();
  });

  it('shows a stock with its market cap from the quote endpoint, and no token supply', async () => {
    await h.useLocalApi();
    const { page } = await openCards();
    await hoverText(page, '$AAPL', '[data-testid="tweetText"]');
    const card = page.locator('tickerlens-card[data-asset="stock:AAPL"]');
    await card.waitFor({ state: 'attached', timeout: 15_000 });
    // Yahoo's recorded chart (price 220.003) and quote (market cap 3,674,405,863,424 USD).
    await expect.poll(async () => (await card.locator('.card').textContent()) ?? '').toContain('$3.67T');
    const text = (await card.locator('.card').textContent()) ?? '';
    expect(text).toContain('220.00');
    expect(text).toContain('Volume (session)');
    // Where it trades, in the header beside the symbol.
    expect(await card.locator('.card header .badge[data-where="exchange"]').textContent()).toMatch(/^\w+/);
    expect(text).not.toContain('Max supply');
    // The quote's own time (2025-02-14): more than four days is stale for a stock too.
    expect(text).toMatch(/Market cap: Stock quotes \(Yahoo\) · updated \d+ d ago · the source’s figure/);
    expect(h.sources.requests('stocks')).toContain('/v7/finance/quote?symbols=AAPL&crumb=haT3oykhHqZ');
    await page.close();
  });

  it("obeys only the reader: the page's own script can neither open a card nor press its buttons", async () => {
    await h.useLocalApi();
    const { page } = await openCards();
    const { x, y } = await pointOfText(page, '$STRK', '[data-testid="tweetText"]');
    // Mouse events the page dispatches over the mark, as a pointer resting there would bring.
    await page.evaluate(
      ([px, py]) => {
        const at = document.elementFromPoint(px as number, py as number);
        for (const type of ['mouseover', 'mousemove', 'mousemove'])
          at?.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: px, clientY: py }));
      },
      [x, y],
    );
    await page.waitForTimeout(1000);
    expect(await page.locator('tickerlens-card').count()).toBe(0);
    // The reader opens it; the page "clicks" always-use-this on the stock, through the open root.
    await hoverText(page, '$STRK', '[data-testid="tweetText"]');
    const card = page.locator('tickerlens-card');
    await card.getByText('Which one?').waitFor();
    await page.evaluate(() => {
      const root = document.querySelector('tickerlens-card')?.shadowRoot;
      root?.querySelector<HTMLButtonElement>('.candidates li[data-asset="stock:STRK"] button')?.click();
      root?.querySelector<HTMLButtonElement>('button.close')?.click();
    });
    await page.waitForTimeout(1000);
    expect(await card.getAttribute('data-asset')).toBe('');
    await page.close();
    const again = await openCards();
    expect((await h.scan(again.tabId)).items.find((i) => i.text === '$STRK')?.asset).toBeUndefined();
    await again.page.close();
  });

  it('lists candidates for an ambiguous symbol, and "always use this" pins the reading', async () => {
    await h.useLocalApi();
    // Another tab already showed $STRK's candidates: it reads the pin too, not its own memory.
    const other = await openCards();
    await hoverText(other.page, '$STRK', '[data-testid="tweetText"]');
    await other.page.locator('tickerlens-card').getByText('Which one?').waitFor();
    await other.page.keyboard.press('Escape');
    await other.page.locator('tickerlens-card').waitFor({ state: 'detached' });
    const { page, tabId } = await openCards();
    const strk = (await h.scan(tabId)).items.find((i) => i.text === '$STRK');
    expect(strk?.asset).toBeUndefined();
    expect(strk?.candidates).toContain('cg:starknet');
    expect(strk?.candidates).toContain('stock:STRK');
    // The popup says it is open, not that nothing was found.
    const popup = await h.openPopup(tabId);
    const row = popup.getByTestId('summary-row').filter({ hasText: '$STRK' });
    await expect.poll(() => row.textContent()).toMatch(/\d possible assets/);
    await popup.close();
    await hoverText(page, '$STRK', '[data-testid="tweetText"]');
    const card = page.locator('tickerlens-card');
    await card.getByText('Which one?').waitFor();
    const starknet = card.locator('.candidates li[data-asset="cg:starknet"]');
    expect(await starknet.textContent()).toMatch(/Starknet.*Coin/);
    expect(await card.locator('.candidates li[data-asset="stock:STRK"]').textContent()).toMatch(/Stock/);
    await starknet.getByRole('button', { name: 'Always use this' }).click();
    await page.locator('tickerlens-card[data-asset="cg:starknet"]').waitFor({ state: 'attached' });
    await other.page.bringToFront();
    await other.page.mouse.move(0, 0);
    await hoverText(other.page, '$STRK', '[data-testid="tweetText"]');
    await other.page.locator('tickerlens-card[data-asset="cg:starknet"]').waitFor({ state: 'attached' });
    await other.page.close();
    // The pin persists: a new page reads $STRK as Starknet.
    await page.close();
    const again = await openCards();
    const pinned = (await h.scan(again.tabId)).items.find((i) => i.text === '$STRK');
    expect(pinned?.asset).toBe('cg:starknet');
    await again.page.close();
  });

  it('checks the claims of a post against the unlock schedule', async () => {
    await h.useLocalApi();
    const { page } = await openCards();
    await hoverText(page, '@HyperliquidX', '[data-testid="tweetText"]');
    const card = page.locator('tickerlens-card[data-asset="cg:hyperliquid"]');
    await card.waitFor({ state: 'attached' });
    // The documented DefiLlama example gives insiders 45.8% and airdrops 47.7%, no private sale.
    await card.locator('[data-claim="no-insiders"][data-verdict="contradicts"]').waitFor({ timeout: 15_000 });
    expect(await card.locator('[data-claim="no-vc"]').getAttribute('data-verdict')).toBe('agrees');
    expect(await card.locator('[data-claim="airdrop"]').getAttribute('data-verdict')).toBe('contradicts');
    const text = (await card.locator('.card').textContent()) ?? '';
    // What the data shows, in its own words: the insiders' 45.8% holds a foundation's budget too.
    expect(text).toContain(
      'gives the team, insiders or investors up to 45.8% of the supply (“Core Contributors”',
    );
    expect(text).toContain('gives airdrops 47.7%, not the 28% the post says');
    expect(text).toContain('lists no allocation to investors');
    await page.close();
  });

  it('opens cards from the keyboard command in reading order, with focus inside, and closes on Esc and on scrolling', async () => {
    await h.useLocalApi();
    // The command has its key: Chromium gives none to a suggested key it keeps for itself.
    const commands = await h.inWorker(() => chrome.commands.getAll(), undefined);
    expect(commands.find((c) => c.name === 'next-ticker')?.shortcut).toMatch(/K/);
    const { page, tabId } = await openCards();
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      // Where the reader's focus was before the command: it goes back there when the card closes.
      // (A link: the page hides buttons, as X's stylesheet hides some.)
      const before = document.createElement('a');
      before.href = '#top';
      before.id = 'focus-before';
      before.textContent = 'before';
      document.body.prepend(before);
      before.focus();
    });
    // As a reader would: the marks are on screen before the key is pressed.
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('tickerlens-asset')?.size ?? 0))
      .toBeGreaterThan(0);
    const next = () =>
      h.inWorker((id: number) => chrome.tabs.sendMessage(id, { type: 'tickerlens:next-mark' }), tabId);
    await next();
    const card = page.locator('tickerlens-card');
    await card.waitFor({ state: 'attached' });
    const first = await card.locator('.card h2').textContent();
    expect(
      await page.evaluate(
        () =>
          document.activeElement?.localName === 'tickerlens-card' &&
          !!document.activeElement.shadowRoot?.activeElement,
      ),
    ).toBe(true);
    // Keys pressed in the card stay there: the page's own shortcuts (X's j, k, l) do not act.
    await page.evaluate(() => {
      const w = window as unknown as { pageKeys: string[] };
      w.pageKeys = [];
      document.addEventListener('keydown', (e) => w.pageKeys.push(e.key));
    });
    await page.keyboard.press('j');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (window as unknown as { pageKeys: string[] }).pageKeys)).toEqual([]);
    await next();
    await expect.poll(() => card.locator('.card h2').textContent()).not.toBe(first);
    const second = await card.locator('.card h2').textContent();
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('focus-before');
    // The next press goes on from the card closed, not from the top.
    await next();
    await card.waitFor({ state: 'attached' });
    const third = await card.locator('.card h2').textContent();
    expect([first, second]).not.toContain(third);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    // Scrolling the page closes an open card too.
    await next();
    await card.waitFor({ state: 'attached' });
    await page.evaluate(() => {
      document.body.style.minHeight = '4000px';
      window.scrollBy(0, 200);
    });
    await card.waitFor({ state: 'detached' });
    await page.close();
  });

  it('stays open while the pointer is on the word or the card, and closes once it has left both', async () => {
    const { page, card } = await hoverCard('$TAO', '[data-testid="tweetText"]');
    // Into the card, across the gap between it and the word.
    const box = await card.locator('.card').boundingBox();
    if (!box) throw new Error('the card has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 6 });
    await page.waitForTimeout(600);
    expect(await card.count()).toBe(1);
    // Away from both: it closes.
    await page.mouse.move(box.x + box.width + 200, box.y + box.height + 150, { steps: 4 });
    await card.waitFor({ state: 'detached' });
    await page.close();
  });

  it('opens again on the same word after its close button closed it', async () => {
    const { page, card } = await hoverCard('$TAO', '[data-testid="tweetText"]');
    await card.getByRole('button', { name: 'Close' }).click();
    await card.waitFor({ state: 'detached' });
    await hoverText(page, '$TAO', '[data-testid="tweetText"]');
    await card.waitFor({ state: 'attached' });
    await page.close();
  });

  it('keeps a card taller than the room beside the word inside the viewport, off the word, scrolling', async () => {
    await h.useLocalApi();
    const { page } = await openCards();
    await page.setViewportSize({ width: 900, height: 420 });
    const word = await pointOfText(page, '@HyperliquidX', '[data-testid="tweetText"]');
    await page.evaluate((y) => window.scrollBy(0, y - 210), word.y);
    await hoverText(page, '@HyperliquidX', '[data-testid="tweetText"]');
    const card = page.locator('tickerlens-card[data-asset="cg:hyperliquid"]');
    await card.waitFor({ state: 'attached' });
    // Its claims, unlocks and revenue make it far taller than either side of the word.
    await card.locator('[data-claim="no-insiders"][data-verdict="contradicts"]').waitFor({ timeout: 15_000 });
    const at = await pointOfText(page, '@HyperliquidX', '[data-testid="tweetText"]');
    const box = await card.locator('.card').boundingBox();
    expect(box).not.toBeNull();
    const b = box as NonNullable<typeof box>;
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.y + b.height).toBeLessThanOrEqual(420);
    expect(at.y < b.y || at.y > b.y + b.height).toBe(true);
    const scrolls = await card
      .locator('.card')
      .evaluate((el) => el.scrollHeight > el.clientHeight && getComputedStyle(el).overflowY === 'auto');
    expect(scrolls).toBe(true);
    // Its Save note button is reached by scrolling the card, which leaves it open.
    await card.getByRole('button', { name: 'Save note' }).scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    expect(await card.count()).toBe(1);
    await page.close();
  });

  it('saves a note quoting the post with the price shown, and the popup lists it', async () => {
    const { page, tabId, card } = await hoverCard(
      '$TAO',
      '[data-testid="tweetText"]',
      'tickerlens-card[data-asset="cg:bittensor"]',
    );
    // CoinGecko's price, not the snapshot's (the recording is old, so the card is stale either way).
    await expect
      .poll(async () => (await card.locator('footer').textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/Price: CoinGecko/);
    const { popup, note } = await saveNote(card, tabId);
    const notes = popup.getByTestId('recent-notes');
    await notes.waitFor();
    expect(await notes.textContent()).toMatch(/\$TAO\$361\.24/);
    expect(note).toMatchObject({
      assetId: 'cg:bittensor',
      capture: {
        quote: 'Bitcoin holds while $TAO runs.',
        url: 'https://x.com/cards',
        detected: '$TAO',
        priceSource: 'coingecko',
      },
    });
    await popup.close();
    await page.close();
  });

  it('quotes the post, not the author line, in a note saved from the author’s @handle', async () => {
    const { page, tabId, card } = await hoverCard(
      '@HyperliquidX',
      '[data-testid="User-Name"]',
      'tickerlens-card[data-asset="cg:hyperliquid"]',
    );
    const { popup, note } = await saveNote(card, tabId);
    expect(note).toMatchObject({
      assetId: 'cg:hyperliquid',
      capture: { quote: 'HIP-3 markets are live.', detected: '@HyperliquidX' },
    });
    await popup.close();
    await page.close();
  });
});
