/**
 * The plumbing, proven in a real Chromium with the built extension: the content script injected on
 * an X page (and only there), the scan message, a message round trip content ↔ background, the
 * popup rendered for a given tab, the settings read by the background, the hover card element.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverText } from '../../demo/browser-helpers';
import { articlePage, xTimelinePage } from '../../demo/pages';
import { realPosts, writtenPosts } from '../../demo/posts';
import type { ScanResult } from '../../utils/messages';
import { type Harness, startHarness } from '../support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  h.serveX('/home', xTimelinePage([...writtenPosts, ...realPosts.slice(0, 4)]));
  h.serveX('/dim', xTimelinePage(writtenPosts.slice(0, 1), { theme: 'dim' }));
});
afterAll(() => h?.close());

/** The content script scans in idle slices after load; the scan message itself is synchronous. */
async function scanWhenReady(tabId: number): Promise<ScanResult> {
  for (let i = 0; ; i++) {
    try {
      return await h.scan(tabId);
    } catch (err) {
      if (i > 50) throw err;
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
}

describe('content script on X', () => {
  it('is injected on x.com and answers the scan message with the whole document, in order', async () => {
    const page = await h.open('https://x.com/home');
    const tabId = await h.tabIdOf(page);
    const result = await scanWhenReady(tabId);
    expect(result.url).toBe('https://x.com/home');
    const texts = result.items.map((i) => i.text);
    // In document order: the first post's cashtags come before the second post's handle.
    expect(texts.indexOf('$BTC')).toBeGreaterThanOrEqual(0);
    expect(texts.indexOf('$BTC')).toBeLessThan(texts.indexOf('@HyperliquidX'));
    expect(result.items).toContainEqual({ kind: 'ticker', text: '$BTC', asset: 'cg:bitcoin' });
    expect(result.items).toContainEqual({ kind: 'handle', text: '@HyperliquidX', asset: 'cg:hyperliquid' });
    expect(result.items).toContainEqual(
      expect.objectContaining({ kind: 'name', text: 'Bitcoin', asset: 'cg:bitcoin' }),
    );
    expect(result.items).toContainEqual(
      expect.objectContaining({ kind: 'name', text: '比特币', asset: 'cg:bitcoin' }),
    );
    // A claim says which token it is about (claimSubject, as the card and the popup judge it).
    expect(result.items).toContainEqual({
      kind: 'claim',
      text: 'No VC',
      claim: 'no-vc',
      aboutText: '$HYPE',
      about: 'cg:hyperliquid',
      context: expect.stringContaining('No VC, no private round'),
    });
    expect(result.items).toContainEqual(
      expect.objectContaining({
        kind: 'address',
        text: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
        chain: 'evm',
      }),
    );
    // Prices are not tickers, and the negated claim is no claim.
    expect(texts).not.toContain('$67k');
    expect(result.items.filter((i) => i.claim === 'fair-launch')).toHaveLength(1);
    // A real post from the fixtures: "Tesla" is a name.
    expect(result.items).toContainEqual(expect.objectContaining({ kind: 'name', text: 'Tesla' }));
    await page.close();
  });

  it('is not injected on other sites by default (minimal permissions)', async () => {
    const url = h.serveStatic('/article', articlePage('Markets', ['Bitcoin and $BTC rallied.']));
    const page = await h.open(url);
    const tabId = await h.tabIdOf(page);
    await expect(h.scan(tabId)).rejects.toThrow(
      /Receiving end does not exist|Could not establish connection/,
    );
    const popup = await h.openPopup(tabId);
    await popup.getByTestId('inactive').waitFor();
    await popup.close();
    await page.close();
  });

  it('badges the tab with every detection, and marks only a window around the viewport that follows scrolling (content → background)', async () => {
    // A long timeline: every post is read and counted, but highlight ranges (each one costs
    // Chromium work whenever the page changes) exist only for posts around the viewport.
    const all = [...writtenPosts, ...realPosts];
    const posts = Array.from({ length: 120 }, (_, i) => {
      const post = all[i % all.length] as (typeof all)[number];
      return { ...post, id: `${post.id}-${i}` };
    });
    // It ends with posts that hold marks (the real posts before them hold only people's @handles,
    // which are detected but not marked).
    posts.push(...writtenPosts.map((p) => ({ ...p, id: `${p.id}-end` })));
    h.serveX('/long', xTimelinePage(posts));
    const page = await h.open('https://x.com/long');
    const tabId = await h.tabIdOf(page);
    const total = (await scanWhenReady(tabId)).items.length;
    const badge = () => h.inWorker((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge, { timeout: 5000 }).toBe(String(total));
    /** Where the marked posts are, in viewport heights from the top of the viewport. */
    const marked = () =>
      page.evaluate(() => {
        const tops: number[] = [];
        for (const name of ['tickerlens-asset', 'tickerlens-claim']) {
          for (const r of (CSS.highlights.get(name) ?? []) as Iterable<Range>) {
            tops.push(r.getBoundingClientRect().top / innerHeight);
          }
        }
        return { count: tops.length, lowest: Math.max(...tops), highest: Math.min(...tops) };
      });
    await expect.poll(async () => (await marked()).count).toBeGreaterThan(0);
    const atTop = await marked();
    const height = await page.evaluate(() => document.documentElement.scrollHeight / innerHeight);
    // The page is far longer than the window: posts near its end are not marked yet.
    expect(height).toBeGreaterThan(20);
    expect(atTop.lowest).toBeLessThan(height - 2);
    // Scrolled to the end, the window follows: the posts there are marked, those at the top are not.
    for (let y = 0; y <= height; y += 0.8) {
      await page.evaluate((top) => window.scrollTo(0, top * innerHeight), y);
      await page.waitForTimeout(40);
    }
    await expect.poll(async () => (await marked()).lowest, { timeout: 5000 }).toBeGreaterThan(0);
    const atEnd = await marked();
    expect(atEnd.highest).toBeGreaterThan(-height + 3);
    expect(atEnd.count).toBeGreaterThan(0);
    // Home: back to the top in one jump, past the window's edge without ever nearing it; the
    // window follows there too.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(async () => (await marked()).highest, { timeout: 5000 }).toBeLessThan(1);
    await page.close();
  });

  it('marks detections with highlights, and obeys the settings it asks the background for (round trip)', async () => {
    const page = await h.open('https://x.com/home');
    await scanWhenReady(await h.tabIdOf(page));
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('tickerlens-asset')?.size ?? 0))
      .toBeGreaterThan(5);
    expect(await page.evaluate(() => CSS.highlights.get('tickerlens-claim')?.size ?? 0)).toBeGreaterThan(0);
    // X's own cashtag and mention links are marked by a stylesheet rule, not by ranges.
    const linkBackground = await page.evaluate(() => {
      const a = document.querySelector('[data-testid="tweetText"] a[href*="src=cashtag_click"]');
      return a ? getComputedStyle(a).backgroundColor : '';
    });
    expect(linkBackground).toBe('rgba(29, 155, 240, 0.16)');
    // The mark styles apply only where a range is: every registered range's text sits in an
    // element flagged for them, and nothing else on the page is flagged.
    const flags = await page.evaluate(() => {
      const parents = new Set<Element>();
      for (const name of ['tickerlens-asset', 'tickerlens-claim']) {
        for (const r of (CSS.highlights.get(name) ?? []) as Iterable<Range>) {
          const p = r.startContainer.parentElement;
          if (p) parents.add(p);
        }
      }
      const flagged = [...document.querySelectorAll('[data-tickerlens-mark]')];
      return {
        parents: parents.size,
        unflagged: [...parents].filter((p) => !p.hasAttribute('data-tickerlens-mark')).length,
        strays: flagged.filter((el) => !parents.has(el)).length,
      };
    });
    expect(flags.parents).toBeGreaterThan(0);
    expect(flags.unflagged).toBe(0);
    expect(flags.strays).toBe(0);
    // The marks add no DOM nodes: X's own markup is untouched.
    expect(await page.locator('mark, tickerlens-mark').count()).toBe(0);
    await page.close();

    await h.setSettings({ marks: false });
    const quiet = await h.open('https://x.com/home');
    await scanWhenReady(await h.tabIdOf(quiet));
    expect(await quiet.evaluate(() => CSS.highlights.has('tickerlens-asset'))).toBe(false);
    await quiet.close();
    await h.useDeadApi();
  });

  it('unmarks text that becomes editable, and marks it again once it is not', async () => {
    const page = await h.open('https://x.com/home');
    const tabId = await h.tabIdOf(page);
    await scanWhenReady(tabId);
    /** Ranges registered inside the first post's text, and what the scan reports of it. */
    const firstPost = async () => {
      const ranges = await page.evaluate(() => {
        const text = document.querySelector('[data-testid="tweetText"]');
        let n = 0;
        for (const hl of CSS.highlights.values())
          for (const r of hl as Iterable<Range>) if (text?.contains(r.startContainer)) n++;
        return n;
      });
      const scanned = (await h.scan(tabId)).items.filter((i) => i.text === '$BTC').length;
      return { ranges, scanned };
    };
    await expect.poll(async () => (await firstPost()).ranges).toBeGreaterThan(0);
    const before = await firstPost();
    await page.evaluate(() =>
      document.querySelector('[data-testid="tweetText"]')?.setAttribute('contenteditable', 'true'),
    );
    // Removed text's ranges go with the next change of the marks, or after a quiet second.
    await expect.poll(firstPost, { timeout: 5000 }).toEqual({ ranges: 0, scanned: before.scanned - 1 });
    await page.evaluate(() =>
      document.querySelector('[data-testid="tweetText"]')?.removeAttribute('contenteditable'),
    );
    await expect.poll(async () => (await firstPost()).ranges, { timeout: 5000 }).toBe(before.ranges);
    await page.close();
  });
});

describe('popup', () => {
  it('renders the summary of the tab given by ?tabId=', async () => {
    const page = await h.open('https://x.com/home');
    const tabId = await h.tabIdOf(page);
    await scanWhenReady(tabId);
    const popup = await h.openPopup(tabId);
    const summary = popup.getByTestId('page-summary');
    await summary.waitFor();
    await expect.poll(() => summary.textContent()).toContain('$BTC');
    expect(await summary.textContent()).toContain('@HyperliquidX');
    // One row per asset, by its name, never its id.
    await expect
      .poll(() => summary.locator('[data-asset="cg:bitcoin"] strong').textContent())
      .toBe('Bitcoin (BTC)');
    expect(await summary.textContent()).not.toMatch(/cg:|stock:/);
    // The claims, grouped by the token they are about.
    const claims = popup.getByTestId('page-claims');
    expect(
      await claims.locator('.claim-group[data-asset="cg:hyperliquid"] [data-claim="no-vc"]').count(),
    ).toBe(1);
    await popup.close();
    await page.close();
  });
});

describe('settings read by the background', () => {
  it('checks a data source at the base URL from the settings, with the API key header, live on change', async () => {
    await h.useLocalApi();
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    // The source fields are under "Advanced", collapsed until opened.
    await options.getByTestId('advanced').locator('summary').click();
    const cg = options.locator('[data-source="coingecko"]');
    await expect
      .poll(() => cg.locator('input[type="url"]').inputValue())
      .toBe(`${h.api.origin}/coingecko/api/v3`);
    await cg.getByRole('button').click();
    await cg.locator('.ok').waitFor();
    expect(await cg.locator('.ok').textContent()).toContain('(V3) To the Moon!');
    const pings = h.api.requests('/coingecko/api/v3/ping');
    expect(pings).toHaveLength(1);
    expect(pings[0]?.headers['x-cg-demo-api-key']).toBeUndefined();

    // A change takes effect without reloading the extension: a key, then a broken base URL.
    await h.setSettings({
      sources: { coingecko: { baseUrl: `${h.api.origin}/coingecko/api/v3`, apiKey: 'CG-test' } },
    });
    const reply = await options.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'tickerlens:check-source', source: 'coingecko' }),
    );
    expect(reply).toMatchObject({ ok: true, data: { ok: true, detail: '(V3) To the Moon!' } });
    expect(h.api.requests('/coingecko/api/v3/ping').at(-1)?.headers['x-cg-demo-api-key']).toBe('CG-test');

    await h.setSettings({ sources: { coingecko: { baseUrl: `${h.api.origin}/nowhere` } } });
    const broken = await options.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'tickerlens:check-source', source: 'coingecko' }),
    );
    expect(broken).toMatchObject({ ok: true, data: { ok: false, status: 404, detail: 'HTTP 404' } });

    const malformed = await options.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'tickerlens:check-source' }),
    );
    expect(malformed).toMatchObject({ ok: false, error: expect.stringContaining('Malformed') });

    // The extension's own pages and content script send JSON text, and get JSON text back; text
    // that is not JSON is a malformed message, answered as one.
    const asJson = await options.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'tickerlens:check-source', json: '{"source":"coingecko"}' }),
    );
    expect(typeof asJson).toBe('string');
    expect(JSON.parse(asJson as string)).toMatchObject({ ok: true, data: { ok: false, status: 404 } });
    const notJson = await options.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'tickerlens:check-source', json: '{"source":' }),
    );
    expect(JSON.parse(notJson as string)).toMatchObject({
      ok: false,
      error: expect.stringContaining('Malformed'),
    });
    await options.close();
    await h.useDeadApi();
  });
});

describe('hover card (contract §3)', () => {
  it('opens one tickerlens-card under <html> on hover intent, labelled, and closes on Esc', async () => {
    const page = await h.open('https://x.com/home');
    await scanWhenReady(await h.tabIdOf(page));
    await hoverText(page, 'Bitcoin', '[data-testid="tweetText"]');
    const card = await h.waitForCard(page);
    expect(await card.getAttribute('data-asset')).toBe('cg:bitcoin');
    expect(['loading', 'ready', 'stale', 'error']).toContain(await card.getAttribute('data-state'));
    expect(await page.locator('html > tickerlens-card').count()).toBe(1);
    const dialog = card.getByRole('dialog');
    expect(await dialog.getAttribute('aria-labelledby')).toBeTruthy();
    expect(await dialog.textContent()).toContain('Bitcoin');
    // Never over the hovered word: the card's box does not intersect the word's box.
    const overlap = await page.evaluate(() => {
      const host = document.querySelector('tickerlens-card')?.getBoundingClientRect();
      const el = [...document.querySelectorAll('[data-testid="tweetText"] span')].find((s) =>
        s.textContent?.includes('Bitcoin'),
      );
      if (!host || !el?.firstChild) return true;
      const text = el.firstChild as Text;
      const r = document.createRange();
      const i = text.data.indexOf('Bitcoin');
      r.setStart(text, i);
      r.setEnd(text, i + 7);
      const w = r.getBoundingClientRect();
      return !(host.bottom <= w.top || host.top >= w.bottom || host.right <= w.left || host.left >= w.right);
    });
    expect(overlap).toBe(false);
    await page.keyboard.press('Escape');
    await page.locator('tickerlens-card').waitFor({ state: 'detached' });

    // Another word, another card: still exactly one element.
    await hoverText(page, '@HyperliquidX', '[data-testid="tweetText"]');
    await page.locator('tickerlens-card[data-asset="cg:hyperliquid"]').waitFor({ state: 'attached' });
    expect(await page.locator('tickerlens-card').count()).toBe(1);
    await page.close();
  });

  it('follows X’s dim theme', async () => {
    const page = await h.open('https://x.com/dim');
    await scanWhenReady(await h.tabIdOf(page));
    await hoverText(page, 'Bitcoin', '[data-testid="tweetText"]');
    const card = await h.waitForCard(page);
    expect(await card.getAttribute('data-theme')).toBe('dim');
    await page.close();
  });
});
