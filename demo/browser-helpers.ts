/** Small page helpers shared by the demo, the browser tests and the benchmarks. */
import type { Page } from 'playwright-core';

/**
 * In the page: the centre of the first occurrence of `needle` in a text node under `scope` (the
 * body when empty), scrolled into view, in viewport px; null when absent. Self-contained, so
 * Playwright and Puppeteer (scripts/firefox-proof.ts) can both run it.
 */
export function textPointInPage([needle, scope]: readonly [string, string]): { x: number; y: number } | null {
  const roots = scope ? [...document.querySelectorAll(scope)] : [document.body];
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(needle);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + needle.length);
      (n.parentElement as Element).scrollIntoView({ block: 'center' });
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
  }
  return null;
}

/** Centre of the first occurrence of `text` in a text node (optionally under `within`), in viewport px. */
export async function pointOfText(
  page: Page,
  text: string,
  within?: string,
): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(textPointInPage, [text, within ?? ''] as const);
  if (!point) throw new Error(`text not found on the page: ${text}`);
  return point;
}

/** Moves the pointer onto `text` the way a person does (a few steps), so hover intent fires. */
export async function hoverText(page: Page, text: string, within?: string): Promise<void> {
  const { x, y } = await pointOfText(page, text, within);
  await page.mouse.move(x - 30, y - 30);
  await page.mouse.move(x, y, { steps: 4 });
}

/** Until the open card has settled (the worker tried the sources, then served what it holds). */
export async function waitForCardSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      ['ready', 'stale', 'error'].includes(
        document.querySelector('tickerlens-card')?.getAttribute('data-state') ?? '',
      ),
    undefined,
    { timeout: 15_000 },
  );
}
