/**
 * The guard on WXT's "a newer copy started" event: a page's own script that dispatches it must not
 * stop a live content script (the extension id is public); an orphaned copy (its extension reloaded,
 * updated or removed) still hears it and stops. The event and WXT's context are stood in for here;
 * test/browser/hostile.test.ts dispatches it from a real page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

const fake: { browser: { runtime?: { id?: string } } } = { browser: {} };
vi.mock('wxt/browser', () => fake);

const { guardScriptStarted } = await import('../../../entrypoints/content/start-guard');

const TYPE = 'abcdefghijklmnop:content:wxt:content-script-started';

/** WXT's context as far as the guard reads it: the event's name on its class, and invalidation. */
function contextOf(...given: unknown[]) {
  const name = given.length ? given[0] : TYPE;
  const invalidated: Array<() => void> = [];
  class Context {
    static SCRIPT_STARTED_MESSAGE_TYPE = name;
    onInvalidated(fn: () => void) {
      invalidated.push(fn);
    }
  }
  return {
    ctx: new Context() as unknown as ContentScriptContext,
    invalidate: () => {
      for (const fn of invalidated) fn();
    },
  };
}

let page: EventTarget;
/** What WXT's own listener (added after the guard) hears. */
let heard: string[];

beforeEach(() => {
  page = new EventTarget();
  vi.stubGlobal('window', page);
  heard = [];
  fake.browser.runtime = { id: 'abcdefghijklmnop' };
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** WXT's listener for the event, and one for another event, both after the guard. */
function listenLikeWxt() {
  page.addEventListener(TYPE, () => heard.push('started'));
  page.addEventListener('message', () => heard.push('message'));
}

describe('guardScriptStarted', () => {
  it('keeps a page\'s "script started" event from a live content script', () => {
    const { ctx } = contextOf();
    guardScriptStarted(ctx);
    listenLikeWxt();
    page.dispatchEvent(new Event(TYPE));
    expect(heard).toEqual([]);
  });

  it('lets other events through', () => {
    const { ctx } = contextOf();
    guardScriptStarted(ctx);
    listenLikeWxt();
    page.dispatchEvent(new Event('message'));
    expect(heard).toEqual(['message']);
  });

  it('lets the event through to an orphaned copy, whose extension is gone', () => {
    const { ctx } = contextOf();
    guardScriptStarted(ctx);
    listenLikeWxt();
    fake.browser.runtime = { id: undefined };
    page.dispatchEvent(new Event(TYPE));
    fake.browser.runtime = undefined;
    page.dispatchEvent(new Event(TYPE));
    expect(heard).toEqual(['started', 'started']);
  });

  it('stops guarding once the context is invalidated', () => {
    const { ctx, invalidate } = contextOf();
    guardScriptStarted(ctx);
    listenLikeWxt();
    invalidate();
    page.dispatchEvent(new Event(TYPE));
    expect(heard).toEqual(['started']);
  });

  it('guards nothing when WXT no longer names the event where it did', () => {
    for (const name of [undefined, 42]) {
      page = new EventTarget();
      vi.stubGlobal('window', page);
      heard = [];
      const { ctx } = contextOf(name);
      const add = vi.spyOn(page, 'addEventListener');
      guardScriptStarted(ctx);
      expect(add).not.toHaveBeenCalled();
    }
  });

  it('listens in the capture phase, before the page and WXT hear the event', () => {
    const { ctx } = contextOf();
    const add = vi.spyOn(page, 'addEventListener');
    guardScriptStarted(ctx);
    expect(add).toHaveBeenCalledWith(TYPE, expect.any(Function), { capture: true });
  });
});
