/**
 * The toolbar button: its icon says whether Tickerlens runs on the tab. The manifest's default is
 * the grey "off" icon (public/icon-off); a tab where the content script has started (its hello) gets
 * the coloured one. The browser drops a tab's own icon when the tab loads a new document, so a tab
 * that leaves X, or a site the user disabled, shows "off" again without being told. The badge (the
 * count of detections) is set apart and unchanged.
 */
import { browser } from 'wxt/browser';
import { ICONS } from '@/utils/icons';

/** The toolbar button: `action` in MV3, `browserAction` in Firefox's MV2 build. */
export function toolbarAction(): typeof browser.action {
  const b = browser as typeof browser & { browserAction?: typeof browser.action };
  return browser.action ?? (b.browserAction as typeof browser.action);
}

/** Shows on the tab's toolbar button whether Tickerlens is active there. A closed tab is no error. */
export async function showActiveOnTab(tabId: number, active: boolean): Promise<void> {
  // From the extension's root: the worker's relative paths would follow its own URL.
  const set = active ? ICONS.on : ICONS.off;
  const path = Object.fromEntries(Object.entries(set).map(([size, file]) => [size, `/${file}`]));
  await toolbarAction()
    .setIcon({ tabId, path })
    .catch(() => undefined);
}
