/**
 * X is a single-page React app: it re-renders post text in place, recycles timeline cells, and
 * navigates with history.pushState. None of that may duplicate or lose a detection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTweet, xTimelinePage } from '../../demo/pages';
import { testPost } from '../../demo/posts';
import type { ScanResult } from '../../utils/messages';
import { type Harness, startHarness } from '../support/harness';

let h: Harness;

const post = testPost;

const HOME = [post('1', 'Bitcoin and $ETH today.'), post('2', 'No VC, fair launch for $TAO.')];
const OTHER = [post('3', '英伟达 and $NVDA earnings.'), post('4', '@HyperliquidX ships.')];

beforeAll(async () => {
  h = await startHarness();
  const other = OTHER.map((p) => renderTweet(p, 'light'));
  const script = `<script>
    window.__spa = {
      rerender() {
        // What React does on a state change: the same text, new nodes.
        for (const el of document.querySelectorAll('[data-testid="tweetText"]')) el.innerHTML = el.innerHTML;
      },
      navigate() {
        history.pushState({}, '', '/spa/other');
        const list = document.querySelector('[aria-label^="Timeline"]');
        list.replaceChildren();
        list.insertAdjacentHTML('beforeend', ${JSON.stringify(other.join('')).replace(/</g, '\\u003c')});
      },
    };
  </script>`;
  h.serveX('/spa', xTimelinePage(HOME).replace('</body>', `${script}</body>`));
});
afterAll(() => h?.close());

/** Detections in the posts' text (authors' @handles in the name rows left out). */
const tickers = (r: ScanResult) => r.items.filter((i) => i.kind !== 'handle').map((i) => i.text);

async function settled(tabId: number, expected: number): Promise<ScanResult> {
  await expect
    .poll(
      async () => (await h.scan(tabId).catch(() => ({ items: [] }) as unknown as ScanResult)).items.length,
    )
    .toBe(expected);
  return h.scan(tabId);
}

describe('single-page app behaviour', () => {
  it('neither duplicates nor loses detections across re-renders and pushState navigation', async () => {
    const page = await h.open('https://x.com/spa');
    const tabId = await h.tabIdOf(page);
    await expect
      .poll(async () => (await h.scan(tabId).catch(() => ({ items: [] }))).items.length)
      .toBeGreaterThan(4);
    const home = await h.scan(tabId);
    expect(tickers(home)).toEqual(['Bitcoin', '$ETH', 'No VC', 'fair launch', '$TAO']);
    const marks = () => page.evaluate(() => CSS.highlights.get('tickerlens-asset')?.size ?? 0);
    await expect.poll(marks).toBeGreaterThan(0);
    const marksBefore = await marks();

    await page.evaluate(() => (window as unknown as { __spa: { rerender(): void } }).__spa.rerender());
    const again = await settled(tabId, home.items.length);
    expect(again.items).toEqual(home.items);
    await expect.poll(marks).toBe(marksBefore);

    await page.evaluate(() => (window as unknown as { __spa: { navigate(): void } }).__spa.navigate());
    await expect.poll(async () => tickers(await h.scan(tabId))).toEqual(['英伟达', '$NVDA']);
    const navigated = await h.scan(tabId);
    expect(navigated.url).toBe('https://x.com/spa/other');
    expect(navigated.items.find((i) => i.text === '@HyperliquidX')?.asset).toBe('cg:hyperliquid');
    // The old posts' marks are gone with their nodes.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const ranges = [...((CSS.highlights.get('tickerlens-asset') ?? []) as Iterable<Range>)];
          return ranges.every((r) => r.startContainer.isConnected);
        }),
      )
      .toBe(true);
    // And so are their flags: the elements flagged for the mark styles are exactly the parents of
    // the ranges the highlights hold (a flag left behind would tint text nobody marked).
    await expect
      .poll(() =>
        page.evaluate(() => {
          const parents = new Set<Element>();
          for (const name of ['tickerlens-asset', 'tickerlens-claim']) {
            for (const r of (CSS.highlights.get(name) ?? []) as Iterable<Range>) {
              if (r.startContainer.parentElement) parents.add(r.startContainer.parentElement);
            }
          }
          const flagged = [...document.querySelectorAll('[data-tickerlens-mark]')];
          return flagged.length === parents.size && flagged.every((el) => parents.has(el));
        }),
      )
      .toBe(true);
    await page.close();
  });
});
