/**
 * WXT stops an older copy of the content script when a newer one starts: the newer one dispatches
 * a `<extension id>:content:wxt:content-script-started` event on the document, and every older
 * context that hears it invalidates itself. A page's own script can dispatch the same event (the
 * extension id is public), and did shut Tickerlens down on its page (test/browser/hostile.test.ts).
 *
 * So the event reaches WXT's listener only when this copy is orphaned (its extension was reloaded,
 * updated or removed: `runtime.id` is gone), which is the one case the event is for. A live copy
 * stops it at the window, before the document hears it; a newer copy of a live extension then sees
 * this one valid and leaves (index.ts).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export function guardScriptStarted(ctx: ContentScriptContext): void {
  // WXT's own name for the event (a private static of its context class, read, not rebuilt).
  const type = (ctx.constructor as unknown as { SCRIPT_STARTED_MESSAGE_TYPE?: unknown })
    .SCRIPT_STARTED_MESSAGE_TYPE;
  if (typeof type !== 'string') return;
  const stop = (event: Event): void => {
    if (browser.runtime?.id != null) event.stopImmediatePropagation();
  };
  window.addEventListener(type, stop, { capture: true });
  ctx.onInvalidated(() => window.removeEventListener(type, stop, { capture: true }));
}
