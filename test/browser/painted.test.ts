/**
 * Marks painted by X's positioned timeline cells (painted-marks.ts), in Chromium: every detection
 * outside X's cashtag links, but an @handle that names no asset, gets one tinted box per line of
 * its text (background layers of the cell) and nothing else does, the boxes follow the cell when X moves it, are placed again when the text
 * reflows or is re-rendered, and no highlight range, DOM node or pseudo-element is added for them.
 * A cell X unmounts loses its marks, so one put back whose text holds no detection shows none.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverText } from '../../demo/browser-helpers';
import { xTimelinePage } from '../../demo/pages';
import { testPost } from '../../demo/posts';
import type { ScanResult } from '../../utils/messages';
import { type Harness, startHarness } from '../support/harness';

let h: Harness;
const post = testPost;

beforeAll(async () => {
  h = await startHarness();
  h.serveX(
    '/painted',
    xTimelinePage(
      [
        post('1', 'Bitcoin and $ETH today, while Strategy keeps buying.'),
        post('2', 'No VC, fair launch for $TAO. 比特币 holds.'),
        post('3', '@HyperliquidX ships.'),
      ],
      { positioned: true },
    ),
  );
});
afterAll(() => h?.close());

type Box = [number, number, number, number];

/**
 * The boxes painted on each cell, and the boxes the detections' text occupies there (every
 * occurrence of a detected text outside X's cashtag and mention links, one box per line), both
 * relative to the cell's padding box, in CSS pixels to a hundredth.
 */
function boxes(page: Page, texts: string[]): Promise<Array<{ painted: Box[]; expected: Box[] }>> {
  return page.evaluate((texts: string[]) => {
    const round = (b: number[]) => b.map((n) => Math.round(n * 100) / 100) as Box;
    const sort = (a: Box[]) => a.sort((x, y) => x[1] - y[1] || x[0] - y[0]);
    const links = '[data-testid="tweetText"] a[href*="src=cashtag_click"]';
    return [...document.querySelectorAll<HTMLElement>('[data-testid="cellInnerDiv"]')].map((cell) => {
      const box = cell.getBoundingClientRect();
      const left = box.left + cell.clientLeft;
      const top = box.top + cell.clientTop;
      const numbers = (list: string) => [...list.matchAll(/-?[\d.]+(?=px)/g)].map((m) => Number(m[0]));
      const at = numbers(cell.style.backgroundPosition);
      const size = numbers(cell.style.backgroundSize);
      const painted = [...cell.style.backgroundImage.matchAll(/linear-gradient/g)].map((_, i) =>
        round([at[2 * i] ?? Number.NaN, at[2 * i + 1] ?? Number.NaN, size[2 * i] ?? 0, size[2 * i + 1] ?? 0]),
      );
      const expected: Box[] = [];
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (n.parentElement?.closest(links)) continue;
        for (const t of texts) {
          for (let i = n.data.indexOf(t); i >= 0; i = n.data.indexOf(t, i + t.length)) {
            const r = document.createRange();
            r.setStart(n, i);
            r.setEnd(n, i + t.length);
            for (const rect of r.getClientRects())
              expected.push(round([rect.left - left, rect.top - top, rect.width, rect.height]));
          }
        }
      }
      return { painted: sort(painted), expected: sort(expected) };
    });
  }, texts);
}

describe('painted marks on X-positioned cells', () => {
  it('paints one box per line of each detection, follows the cell, reflows, and adds no node or range', async () => {
    const page = await h.open('https://x.com/painted');
    const tabId = await h.tabIdOf(page);
    await expect
      .poll(
        async () => (await h.scan(tabId).catch(() => ({ items: [] }) as unknown as ScanResult)).items.length,
      )
      .toBeGreaterThan(6);
    const scan = await h.scan(tabId);
    // Marked: every detection but the @handles that name no asset (the authors', @testauthor).
    const marked = scan.items.filter((i) => i.kind !== 'handle' || i.asset || i.candidates?.length);
    const texts = [...new Set(marked.map((i) => i.text))];
    expect(texts).toEqual(
      expect.arrayContaining(['Bitcoin', 'Strategy', 'No VC', 'fair launch', '比特币', '@HyperliquidX']),
    );
    expect(scan.items).toContainEqual({ kind: 'handle', text: '@testauthor' });
    expect(texts).not.toContain('@testauthor');
    const matching = async () => {
      const cells = await boxes(page, texts);
      // The painter writes tenths of a pixel: each edge within 0.05 px of the text's, and a hundredth
      // for the float sums.
      const near = (a: Box, b: Box) => a.every((n, i) => Math.abs(n - (b[i] as number)) <= 0.06);
      return cells.every(
        (c) =>
          c.painted.length > 0 &&
          c.painted.length === c.expected.length &&
          c.painted.every((box, i) => near(box, c.expected[i] as Box)),
      );
    };
    await expect.poll(matching).toBe(true);
    const cells = await boxes(page, texts);
    expect(cells).toHaveLength(3);
    // The cells' own background, not nodes, pseudo-elements or ranges: X's markup and the
    // highlight registry are untouched, and the cells' background colour is the page's.
    const page0 = await page.evaluate(() => {
      const cells = [...document.querySelectorAll<HTMLElement>('[data-testid="cellInnerDiv"]')];
      return {
        painted: cells.filter((c) => getComputedStyle(c).backgroundImage.includes('linear-gradient')).length,
        repeat: [...new Set(getComputedStyle(cells[0] as Element).backgroundRepeat.split(', '))],
        colour: getComputedStyle(cells[0] as Element).backgroundColor,
        after: cells.filter((c) => getComputedStyle(c, '::after').content !== 'none').length,
        ranges:
          (CSS.highlights.get('tickerlens-asset')?.size ?? 0) +
          (CSS.highlights.get('tickerlens-claim')?.size ?? 0),
        strays: document.querySelectorAll('mark, tickerlens-mark, [data-tickerlens-mark]').length,
      };
    });
    expect(page0).toEqual({
      painted: 3,
      repeat: ['no-repeat'],
      colour: 'rgba(0, 0, 0, 0)',
      after: 0,
      ranges: 0,
      strays: 0,
    });

    // X moves a cell (a height above it was measured): the marks move with it, with no repaint.
    const before: string[] = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="cellInnerDiv"]')].map(
        (c) => c.style.backgroundPosition,
      ),
    );
    await page.evaluate(() => {
      const first = document.querySelector<HTMLElement>('[data-testid="cellInnerDiv"]');
      if (first) first.style.paddingTop = '37px';
    });
    const layers = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="cellInnerDiv"]')].map(
          (c) => c.style.backgroundPosition,
        ),
      );
    // The first cell's text moved inside it (it grew): painted again, 37 px lower.
    await expect.poll(async () => (await layers())[0]).not.toBe(before[0]);
    await expect.poll(matching).toBe(true);
    // The others only moved down with their cells: their marks are untouched.
    expect((await layers()).slice(1)).toEqual(before.slice(1));

    // The column narrows: the text wraps anew, and the cells are painted again to match.
    const wide = await layers();
    await page.evaluate(() => {
      const column = document.querySelector<HTMLElement>('[data-testid="primaryColumn"]');
      if (column) column.style.width = '200px';
    });
    await expect.poll(async () => (await layers()).filter((l, i) => l !== wide[i]).length).toBeGreaterThan(0);
    await expect.poll(matching).toBe(true);

    // React re-renders the same text with new nodes: the same marks, on the new nodes.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('[data-testid="tweetText"]'))
        el.replaceChildren(...[...el.childNodes].map((n) => n.cloneNode(true)));
    });
    await page.waitForTimeout(300);
    await expect.poll(matching).toBe(true);

    // The keyboard command finds painted detections in view.
    await h.inWorker((id: number) => chrome.tabs.sendMessage(id, { type: 'tickerlens:next-mark' }), tabId);
    const card = page.locator('tickerlens-card');
    await card.waitFor({ state: 'attached' });
    expect(await card.getAttribute('data-state')).toBeTruthy();
    await page.keyboard.press('Escape');

    // Taken out and put back a moment later, after the content script's mutation observer saw it go
    // (the observers' callbacks were queued first) and before the scanner swept its entries: its
    // marks went with it, and it is painted again.
    await page.evaluate(() => {
      const cell = document.querySelectorAll<HTMLElement>('[data-testid="cellInnerDiv"]')[1];
      const parent = cell?.parentElement;
      if (!cell || !parent) return;
      const next = cell.nextSibling;
      cell.remove();
      queueMicrotask(() => parent.insertBefore(cell, next));
    });
    await expect.poll(matching).toBe(true);

    // A cell X unmounts takes its marks with it; what stays is unchanged.
    await page.evaluate(() => {
      const cell = document.querySelector<HTMLElement>('[data-testid="cellInnerDiv"]');
      (window as unknown as { gone?: HTMLElement }).gone = cell ?? undefined;
      cell?.remove();
    });
    await expect.poll(async () => (await boxes(page, texts)).length).toBe(2);
    await expect.poll(matching).toBe(true);

    // Put back later with text that holds no detection: no old marks on it.
    const gone = () =>
      page.evaluate(() => {
        const cell = (window as unknown as { gone: HTMLElement }).gone;
        return { image: cell.style.backgroundImage, connected: cell.isConnected };
      });
    await expect.poll(async () => (await gone()).image).toBe('');
    await page.evaluate(() => {
      const cell = (window as unknown as { gone: HTMLElement }).gone;
      for (const text of cell.querySelectorAll('[data-testid="tweetText"], [data-testid="User-Name"]'))
        text.replaceChildren(document.createTextNode('gm, nothing to see here'));
      document.querySelector('[data-testid="cellInnerDiv"]')?.parentElement?.append(cell);
    });
    await page.waitForTimeout(1200);
    expect(await gone()).toEqual({ image: '', connected: true });
    await page.close();
  });

  it('leaves nothing behind when it stops (the site disabled)', async () => {
    const page = await h.open('https://x.com/painted');
    const tabId = await h.tabIdOf(page);
    const left = () =>
      page.evaluate(() => {
        const link = document.querySelector('a[href*="src=cashtag_click"]');
        return {
          layers: [...document.querySelectorAll<HTMLElement>('[data-testid="cellInnerDiv"]')].filter(
            (c) => c.style.backgroundImage !== '',
          ).length,
          ranges: [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0),
          sheets: document.adoptedStyleSheets.length,
          linkMark: link ? getComputedStyle(link).backgroundColor : 'no link',
          cards: document.querySelectorAll('tickerlens-card').length,
        };
      });
    await expect.poll(async () => (await left()).layers).toBe(3);
    const marked = await left();
    expect(marked.sheets).toBe(1);
    expect(marked.linkMark).not.toBe('rgba(0, 0, 0, 0)');
    await h.inWorker((id: number) => chrome.tabs.sendMessage(id, { type: 'tickerlens:stop' }), tabId);
    await expect
      .poll(left)
      .toEqual({ layers: 0, ranges: 0, sheets: 0, linkMark: 'rgba(0, 0, 0, 0)', cards: 0 });
    await page.close();
  });

  it('tears itself down when the extension is reloaded under it, and opens no card after', async () => {
    // A browser of its own: the reload takes the shared one's extension away.
    const own = await startHarness();
    try {
      own.serveX('/reloaded', xTimelinePage([post('1', 'Bitcoin and $ETH today.')], { positioned: true }));
      const page = await own.open('https://x.com/reloaded');
      const left = () =>
        page.evaluate(() => ({
          layers: [...document.querySelectorAll<HTMLElement>('[data-testid="cellInnerDiv"]')].filter(
            (c) => c.style.backgroundImage !== '',
          ).length,
          sheets: document.adoptedStyleSheets.length,
          cards: document.querySelectorAll('tickerlens-card').length,
        }));
      await expect.poll(async () => (await left()).layers).toBe(1);
      // Quiet first: no report or answer due that would find the runtime gone on its own.
      await page.waitForTimeout(2500);
      // The old copy of the script stays on the page, orphaned: the new extension does not inject
      // itself into tabs already open.
      await own.worker
        .evaluate(() => void setTimeout(() => chrome.runtime.reload(), 50))
        .catch(() => undefined);
      await expect.poll(left, { timeout: 10_000 }).toEqual({ layers: 0, sheets: 0, cards: 0 });
      await hoverText(page, 'Bitcoin', '[data-testid="tweetText"]');
      await page.waitForTimeout(1000);
      expect(await left()).toEqual({ layers: 0, sheets: 0, cards: 0 });
    } finally {
      await own.close().catch(() => undefined);
    }
  });
});
