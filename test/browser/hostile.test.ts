/**
 * Hostile pages, in Chromium (issue 29): a page's own script and text try to run code through
 * the extension, spoof its card, fool it with lookalike tickers, drown it in DOM work, or shut its
 * content script down. Nothing executes, nothing is spoofed, the page stays responsive, and the
 * extension keeps working. Each case's outcome is in docs/THREAT-MODEL.md.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverText } from '../../demo/browser-helpers';
import { xTimelinePage } from '../../demo/pages';
import { testPost } from '../../demo/posts';
import type { ScanResult } from '../../utils/messages';
import { type Harness, startHarness } from '../support/harness';

let h: Harness;
const WAIT = { timeout: 45_000 };
/** For the flooded page, where everything is slower on a loaded machine (never a speed claim). */
const FLOOD_WAIT = { timeout: 180_000 };
const XSS = '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">';
const JS_URL = 'javascript:window.__pwned=(window.__pwned||0)+1';

/** A timeline page with a script of the page's own before `</body>`. */
function withScript(html: string, script: string): string {
  return html.replace('</body>', `<script>${script}</script></body>`);
}

async function items(tabId: number): Promise<ScanResult['items']> {
  return (await h.scan(tabId).catch(() => ({ items: [] }) as unknown as ScanResult)).items;
}

async function opened(url: string, wait = WAIT): Promise<{ page: Page; tabId: number }> {
  const page = await h.open(url);
  const tabId = await h.tabIdOf(page);
  await expect.poll(async () => (await items(tabId)).length, wait).toBeGreaterThan(0);
  return { page, tabId };
}

/** Adds a post to X's timeline the way X does: a new cell, cloned from one there, with new text. */
function addPost(page: Page, text: string): Promise<void> {
  return page.evaluate((t) => {
    const cell = document.querySelector('[data-testid="cellInnerDiv"]') as Element;
    const copy = cell.cloneNode(true) as Element;
    (copy.querySelector('[data-testid="tweetText"]') as Element).textContent = t;
    cell.before(copy);
  }, text);
}

const pwned = (page: Page) => page.evaluate(() => (window as { __pwned?: number }).__pwned ?? 0);

beforeAll(async () => {
  h = await startHarness();
  h.serveX(
    '/hostile/markup',
    xTimelinePage([testPost('1', `${XSS} $TAO is the one`), testPost('2', `see ${JS_URL} and $SOL`)]),
  );
  h.serveX(
    '/hostile/lookalikes',
    xTimelinePage([
      testPost('1', 'Cyrillic $ЕТН and $ВТС are not tickers we know.'),
      testPost('2', 'Zero-width: $B\u200dTC and $E\u200bTH; the real one: $SOL.'),
    ]),
  );
});
afterAll(() => h?.close());

describe('hostile pages', () => {
  it('post text with markup and javascript: URLs: nothing runs, in the page, the card, the popup or the notes', async () => {
    await h.useDeadApi();
    const { page, tabId } = await opened('https://x.com/hostile/markup');
    const found = await items(tabId);
    expect(found).toContainEqual(expect.objectContaining({ kind: 'ticker', text: '$TAO' }));
    await hoverText(page, '$TAO', '[data-testid="tweetText"]');
    const card = page.locator('tickerlens-card');
    await card.waitFor({ state: 'attached', timeout: 15_000 });
    await card.getByRole('button', { name: 'Save note' }).click();
    await card.locator('form.note-form button[type="submit"]').click();
    await card
      .getByText('Note saved')
      .waitFor()
      .catch(async (err) => {
        throw new Error(`${err}\ncard: ${await card.locator('.card').textContent()}`);
      });
    expect(await card.locator('img').count()).toBe(0);
    expect(await pwned(page)).toBe(0);

    const popup = await h.openPopup(tabId);
    const stored = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'tickerlens:recent-notes', limit: 1 }),
    );
    // Kept as the text it was, shown as text.
    expect(stored.data.notes[0].capture.quote).toContain('<img src=x onerror=');
    const notes = await h.context.newPage();
    await notes.goto(`chrome-extension://${h.extensionId}/notes.html`);
    await notes.getByText('<img src=x onerror=', { exact: false }).first().waitFor(WAIT);
    expect(await notes.locator('img[onerror]').count()).toBe(0);
    expect(await pwned(notes)).toBe(0);
    expect(await popup.locator('img[onerror]').count()).toBe(0);
    expect(await pwned(popup)).toBe(0);
    await Promise.all([notes.close(), popup.close(), page.close()]);
  });

  it('API names with markup and javascript: URLs are shown as text, never run', async () => {
    // A data source (here a local stand-in for a compromised API) answers bittensor's row with
    // markup in its name and a javascript: URL as its image.
    const recorded = await fetch(
      `${h.api.origin}${new URL(h.sources.settings.sources.coingecko.baseUrl).pathname}/coins/markets?vs_currency=usd&ids=bittensor&sparkline=true&price_change_percentage=24h,7d`,
    ).then((r) => r.json() as Promise<Array<Record<string, unknown>>>);
    const row = { ...(recorded[0] ?? {}), name: `${XSS}Bittensor`, image: JS_URL };
    h.api.use((req, res, url) => {
      if (!url.pathname.startsWith('/hostile-cg/')) return false;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(url.pathname.endsWith('/coins/markets') ? [row] : {}));
      void req;
      return true;
    });
    await h.useLocalApi();
    await h.setSettings({ sources: { coingecko: { baseUrl: `${h.api.origin}/hostile-cg` } } });
    const { page } = await opened('https://x.com/hostile/markup');
    await hoverText(page, '$TAO', '[data-testid="tweetText"]');
    const card = page.locator('tickerlens-card');
    await card.waitFor({ state: 'attached', timeout: 15_000 });
    await expect
      .poll(async () => (await card.locator('.card').textContent()) ?? '', WAIT)
      .toContain('<img src=x');
    expect(await card.locator('img').count()).toBe(0);
    expect(await card.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await pwned(page)).toBe(0);
    await page.close();
  });

  it('lookalike tickers (Cyrillic letters, zero-width joiners) are not read as the real ones', async () => {
    await h.useDeadApi();
    const { page, tabId } = await opened('https://x.com/hostile/lookalikes');
    await expect.poll(async () => (await items(tabId)).map((i) => i.text), WAIT).toContain('$SOL');
    for (const item of await items(tabId)) {
      if (item.asset === 'cg:ethereum' || item.asset === 'cg:bitcoin')
        expect(item.text).toMatch(/^[\x20-\x7e]+$/);
      expect(item.text).not.toMatch(/[\u200b-\u200d\u0400-\u04ff]/u);
    }
    await page.close();
  });

  it('a page that imitates the card (its own tickerlens-card, the element defined by the page) spoofs nothing', async () => {
    await h.useDeadApi();
    const fake = `
      customElements.define('tickerlens-card', class extends HTMLElement {
        constructor() { super(); window.__constructed = (window.__constructed || 0) + 1; }
      });
      const decoy = document.createElement('tickerlens-card');
      decoy.setAttribute('data-asset', 'cg:bitcoin');
      decoy.setAttribute('data-state', 'fresh');
      decoy.textContent = 'Bitcoin $1.00 (a fake card)';
      document.documentElement.append(decoy);`;
    h.serveX('/hostile/imitation', withScript(xTimelinePage([testPost('1', 'Watching $TAO today')]), fake));
    const { page, tabId } = await opened('https://x.com/hostile/imitation');
    expect((await items(tabId)).map((i) => i.text)).toContain('$TAO');
    await hoverText(page, '$TAO', '[data-testid="tweetText"]');
    // Ours opens beside the decoy, with its own shadow root and the asset hovered.
    const ours = page.locator('tickerlens-card[data-asset="cg:bittensor"]');
    await ours.waitFor({ state: 'attached', timeout: 15_000 });
    expect(await ours.locator('.card').count()).toBe(1);
    expect((await ours.locator('.card').textContent()) ?? '').not.toContain('a fake card');
    // The page's decoy is left alone, and our card's content is not the page's.
    expect(await page.locator('tickerlens-card[data-asset="cg:bitcoin"]').textContent()).toContain(
      'fake card',
    );
    await page.close();
  });

  it('a post of 300,000 characters is detected, and the posts beside it too (a block past the message limit)', async () => {
    await h.useDeadApi();
    const giant = `${'lorem ipsum dolor '.repeat(10_000)}buying $SOL here ${'sit amet '.repeat(13_000)}and $ETH`;
    h.serveX(
      '/hostile/giant',
      xTimelinePage([
        testPost('1', 'Before it: $TAO'),
        testPost('2', giant),
        testPost('3', 'After it: $HYPE'),
      ]),
    );
    const { page, tabId } = await opened('https://x.com/hostile/giant');
    await expect
      .poll(async () => (await items(tabId)).map((i) => i.text), WAIT)
      .toEqual(expect.arrayContaining(['$TAO', '$SOL', '$ETH', '$HYPE']));
    await page.close();
  });

  it('a page that floods the DOM (100,000 nodes, changes every frame) stays responsive; detection goes on', {
    timeout: 240_000,
  }, async () => {
    await h.useDeadApi();
    // 1,000 cells of 100 spans each in X's own timeline markup (what the scanner reads on X), and
    // every frame one cell's text changes, one cell is added and one removed.
    const flood = `
      window.__frames = 0;
      const list = document.querySelector('[aria-label="Timeline: Your Home Timeline"]');
      const model = list.querySelector('[data-testid="cellInnerDiv"]');
      const cellOf = (i) => {
        const c = model.cloneNode(true);
        const t = c.querySelector('[data-testid="tweetText"]');
        t.textContent = '';
        for (let j = 0; j < 100; j++) {
          const s = document.createElement('span');
          s.textContent = 'w' + i + '.' + j + ' $X ';
          t.append(s);
        }
        return c;
      };
      // Built once the page has loaded, 100 cells a task, so the page's own load is not what is
      // measured by the test's navigation.
      const build = (from) => {
        for (let i = from; i < from + 100; i++) list.append(cellOf(i));
        if (from + 100 < 1000) setTimeout(() => build(from + 100), 0);
        else window.__built = true;
      };
      addEventListener('load', () => setTimeout(() => build(0), 0));
      (function frame() {
        window.__frames++;
        const n = window.__frames;
        const cells = list.children;
        const some = cells[1 + (n % (cells.length - 1))];
        const text = some && some.querySelector('[data-testid="tweetText"]');
        if (text && text.firstChild) text.firstChild.textContent = 'tick ' + n + ' $BTC ';
        const extra = model.cloneNode(true);
        extra.querySelector('[data-testid="tweetText"]').textContent = 'frame ' + n + ' $ETH';
        list.append(extra);
        if (cells.length > 1050) cells[cells.length - 2].remove();
        requestAnimationFrame(frame);
      })();
      document.addEventListener('click', () => { window.__clicked = (window.__clicked || 0) + 1; });`;
    h.serveX('/hostile/flood', withScript(xTimelinePage([testPost('1', 'Before the flood: $TAO')]), flood));
    const { page, tabId } = await opened('https://x.com/hostile/flood', FLOOD_WAIT);
    await expect
      .poll(() => page.evaluate(() => (window as { __built?: boolean }).__built), FLOOD_WAIT)
      .toBe(true);
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    expect(nodes).toBeGreaterThan(100_000);
    // The page's frames go on, and its own click handler answers.
    const frames = await page.evaluate(() => (window as { __frames?: number }).__frames ?? 0);
    await expect
      .poll(() => page.evaluate(() => (window as { __frames?: number }).__frames ?? 0), FLOOD_WAIT)
      .toBeGreaterThan(frames + 30);
    await page.mouse.click(5, 5);
    await expect
      .poll(() => page.evaluate(() => (window as { __clicked?: number }).__clicked ?? 0), FLOOD_WAIT)
      .toBe(1);
    // A post added now is read and detected.
    await addPost(page, 'Late post about $SOL');
    await expect.poll(async () => (await items(tabId)).map((i) => i.text), FLOOD_WAIT).toContain('$SOL');
    await page.close();
  });

  it('a page that sends WXT’s “script started” event does not shut the content script down', async () => {
    await h.useDeadApi();
    h.serveX('/hostile/shutdown', xTimelinePage([testPost('1', 'Still here: $TAO')]));
    const { page, tabId } = await opened('https://x.com/hostile/shutdown');
    // The event name WXT uses (wxt/utils/content-script-context): public once the extension id is.
    await page.evaluate((id) => {
      const name = `${id}:content:wxt:content-script-started`;
      for (const detail of [
        { contentScriptName: 'content', messageId: 'page' },
        JSON.stringify({ contentScriptName: 'content', messageId: 'page' }),
      ])
        document.dispatchEvent(new CustomEvent(name, { detail }));
      window.postMessage({ type: name, contentScriptName: 'content', messageId: 'page' }, '*');
    }, h.extensionId);
    // Still scanning, still marking, and a new post is still read.
    await addPost(page, 'After the event: $SOL');
    await expect.poll(async () => (await items(tabId)).map((i) => i.text), WAIT).toContain('$SOL');
    await hoverText(page, '$TAO', '[data-testid="tweetText"]');
    await page.locator('tickerlens-card').waitFor({ state: 'attached', timeout: 15_000 });
    await page.close();
  });
});

describe('a compromised content-script context', () => {
  /** Runs code in Tickerlens' own content-script world on the page (as a renderer exploit could). */
  async function inContentWorld(page: Page, expression: string): Promise<unknown> {
    const cdp = await page.context().newCDPSession(page);
    const worlds: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
    await cdp.send('Runtime.enable');
    await expect
      .poll(() => worlds.some((w) => w.auxData?.type === 'isolated' && w.name === 'Tickerlens'), WAIT)
      .toBe(true);
    const world = worlds.find((w) => w.auxData?.type === 'isolated' && w.name === 'Tickerlens');
    const out = await cdp.send('Runtime.evaluate', {
      contextId: world?.id,
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    await cdp.detach();
    if (out.exceptionDetails)
      return { threw: out.exceptionDetails.exception?.description ?? out.exceptionDetails.text };
    return out.result.value;
  }

  it('cannot read or write the settings, nor read notes, change sites, check sources or remove pins', async () => {
    await h.useDeadApi();
    await h.setSettings({ sources: { coingecko: { apiKey: 'CG-secret-key' } } });
    h.serveX('/hostile/world', xTimelinePage([testPost('1', 'Content world: $TAO')]));
    const { page } = await opened('https://x.com/hostile/world');
    const storage = await inContentWorld(
      page,
      `chrome.storage.local.get(null).then((v) => JSON.stringify(v), (e) => 'refused: ' + e.message)`,
    );
    // Chromium's words for an area closed to content scripts (storage.local.setAccessLevel).
    expect(storage).toBe('refused: Access to storage is not allowed from this context.');
    const write = await inContentWorld(
      page,
      `chrome.storage.local.set({ 'tickerlens:settings': { sources: { coingecko: { baseUrl: 'https://evil.example' } } } }).then(() => 'written', (e) => 'refused: ' + e.message)`,
    );
    expect(write).toBe('refused: Access to storage is not allowed from this context.');
    const stored = await h.inWorker(() => chrome.storage.local.get('tickerlens:settings'), undefined);
    expect(JSON.stringify(stored)).not.toContain('evil.example');

    const replies = (await inContentWorld(
      page,
      `Promise.all([
        { type: 'tickerlens:recent-notes', limit: 5 },
        { type: 'tickerlens:notes-list', after: 0, limit: 5 },
        { type: 'tickerlens:site', origin: 'https://x.com', enabled: false },
        { type: 'tickerlens:check-source', source: 'coingecko' },
        { type: 'tickerlens:pin', key: 'TAO', asset: null },
        { type: 'tickerlens:pin', key: 'TAO', asset: 'cg:ethereum' },
      ].map((m) => chrome.runtime.sendMessage(m)))`,
    )) as Array<{ ok: boolean; error?: string }>;
    expect(replies.map((r) => r.ok)).toEqual([false, false, false, false, false, false]);
    // What a content script needs still answers.
    const card = (await inContentWorld(
      page,
      `chrome.runtime.sendMessage({ type: 'tickerlens:card', asset: 'cg:bittensor' })`,
    )) as { ok: boolean };
    expect(card.ok).toBe(true);
    // And X is still enabled: the refused site message changed nothing.
    expect((await items(await h.tabIdOf(page))).length).toBeGreaterThan(0);
    await page.close();
  });
});
