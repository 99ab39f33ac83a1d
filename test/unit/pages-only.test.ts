/**
 * Only the messages marked `contentScripts` are answered for a content script (messaging-background.ts,
 * `senderOf` and the dispatcher's check): a content script, on any page, may save a note but never
 * read, edit, delete or export them, change a site's permission, check sources or list prices.
 */
import { describe, expect, it, vi } from 'vitest';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const world = vi.hoisted(() => ({
  onMessage: undefined as undefined | ((message: unknown, sender: unknown) => unknown),
}));

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      getURL: (path: string) => `chrome-extension://abcdefghijklmnopabcdefghijklmnop${path}`,
      onMessage: { addListener: (fn: typeof world.onMessage) => (world.onMessage = fn) },
      onConnect: { addListener: () => undefined },
    },
  },
}));

const { listenInBackground, senderOf } = await import('../../utils/messaging-background');
const { backgroundApi, isForContentScripts } = await import('../../utils/messages');

const CONTENT_SCRIPT = { url: 'https://x.com/home', tab: { id: 3, url: 'https://x.com/home' } };
const POPUP = { url: `${ORIGIN}/popup.html` };
const NOTES_TAB = { url: `${ORIGIN}/notes.html`, tab: { id: 4, url: `${ORIGIN}/notes.html` } };

describe('messages for the extension pages only', () => {
  it('tells an extension page from a content script', () => {
    expect(senderOf(POPUP, ORIGIN).extensionPage).toBe(true);
    expect(senderOf(NOTES_TAB, ORIGIN).extensionPage).toBe(true);
    expect(senderOf(CONTENT_SCRIPT, ORIGIN).extensionPage).toBe(false);
    // A frame of our origin inside a web page's tab, another extension's page, no URL at all.
    expect(
      senderOf({ url: `${ORIGIN}/notes.html`, tab: { id: 5, url: 'https://evil.example/' } }, ORIGIN)
        .extensionPage,
    ).toBe(false);
    expect(
      senderOf({ url: 'chrome-extension://otherextensionidotherextensionid/x.html' }, ORIGIN).extensionPage,
    ).toBe(false);
    expect(senderOf({}, ORIGIN).extensionPage).toBe(false);
    expect(senderOf({ url: `${ORIGIN}.evil.example/notes.html` }, ORIGIN).extensionPage).toBe(false);
  });

  it('gives content scripts only what the card and the marks need; everything else is refused', () => {
    const open = Object.keys(backgroundApi).filter((t) =>
      isForContentScripts(t as keyof typeof backgroundApi),
    );
    expect(open.sort()).toEqual([
      'tickerlens:card',
      'tickerlens:chart',
      'tickerlens:checklist',
      'tickerlens:claim-verdicts',
      'tickerlens:contract',
      'tickerlens:detect',
      'tickerlens:hello',
      'tickerlens:open-notes',
      'tickerlens:page-detected',
      'tickerlens:pin',
      'tickerlens:resolve',
      'tickerlens:save-note',
    ]);
  });

  it('refuses them from a content script and answers them for a page', async () => {
    const listed = vi.fn(async () => ({ notes: [], total: 0 }));
    const saved = vi.fn(async () => ({ id: 1, priceUsd: null }));
    listenInBackground({ 'tickerlens:notes-list': listed, 'tickerlens:save-note': saved } as never);
    const send = (message: object, sender: object) => world.onMessage?.(message, sender) as Promise<unknown>;
    const list = { type: 'tickerlens:notes-list', after: 0, limit: 10 };
    expect(await send(list, CONTENT_SCRIPT)).toEqual({
      ok: false,
      error: "tickerlens:notes-list is for the extension's own pages",
    });
    expect(listed).not.toHaveBeenCalled();
    expect(await send(list, NOTES_TAB)).toEqual({ ok: true, data: { notes: [], total: 0 } });
    const save = {
      type: 'tickerlens:save-note',
      asset: 'cg:bitcoin',
      quote: 'q',
      url: 'https://x.com/',
      detected: 'BTC',
    };
    expect(await send(save, CONTENT_SCRIPT)).toEqual({ ok: true, data: { id: 1, priceUsd: null } });
  });

  it('refuses sites, source checks, assets and notes to a content script, and a sender with no tab', async () => {
    const site = vi.fn(async () => ({ enabled: false }));
    const checked = vi.fn(async () => ({}));
    const hello = vi.fn(async () => ({ version: '1', marks: true }));
    listenInBackground({
      'tickerlens:site': site,
      'tickerlens:check-source': checked,
      'tickerlens:hello': hello,
    } as never);
    const send = (message: object, sender: object) => world.onMessage?.(message, sender) as Promise<unknown>;
    const off = { type: 'tickerlens:site', origin: 'https://x.com', enabled: false };
    expect(await send(off, CONTENT_SCRIPT)).toMatchObject({ ok: false });
    expect(
      await send({ type: 'tickerlens:check-source', source: 'coingecko' }, CONTENT_SCRIPT),
    ).toMatchObject({
      ok: false,
    });
    expect(site).not.toHaveBeenCalled();
    expect(checked).not.toHaveBeenCalled();
    expect(await send(off, POPUP)).toEqual({ ok: true, data: { enabled: false } });
    // A content script's message needs a tab: a sender with neither our page's URL nor a tab gets nothing.
    expect(await send({ type: 'tickerlens:hello' }, { url: 'https://x.com/' })).toMatchObject({ ok: false });
    expect(await send({ type: 'tickerlens:hello' }, CONTENT_SCRIPT)).toMatchObject({ ok: true });
  });
});
