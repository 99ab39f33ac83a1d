/**
 * Sites the user enabled besides X: each needs its optional host permission (granted from the
 * popup, where the click is) and a dynamically registered content script. The list lives in the
 * settings (`enabledSites`); the registration follows it on every start, settings change and
 * permission change, so revoking access in the browser's own UI disables the site too.
 */
import { browser } from 'wxt/browser';
import { STOP_MESSAGE } from '@/utils/messages';
import { sendToTab } from '@/utils/messaging';
import type { Settings } from '@/utils/settings';
import { loadSettings, writeSettings } from './settings-store';
import { showActiveOnTab } from './toolbar';

export const SITES_SCRIPT_ID = 'tickerlens-sites';
/** WXT's output path of the content script (entrypoints/content), from the extension's root. */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

const pattern = (origin: string) => `${origin}/*`;

/** The enabled sites we still have permission for. */
async function permittedSites(settings: Settings): Promise<string[]> {
  const out: string[] = [];
  for (const origin of settings.enabledSites) {
    if (await browser.permissions.contains({ origins: [pattern(origin)] })) out.push(origin);
  }
  return out;
}

/** The sync running or last run: syncs run one after another. */
let syncing: Promise<unknown> = Promise.resolve();

/**
 * Makes the registered content script match the enabled, permitted sites. Calls wait for the one
 * before them: enabling a site changes the settings, whose listener syncs while `enableSite` does,
 * and two syncs that both find no script registered both register it (Chromium refuses the second
 * as a duplicate id).
 */
export function syncSiteScripts(): Promise<string[]> {
  const next = syncing.then(syncNow, syncNow);
  syncing = next.catch(() => undefined);
  return next;
}

async function syncNow(): Promise<string[]> {
  const settings = await loadSettings();
  const sites = await permittedSites(settings);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SITES_SCRIPT_ID] });
  if (!sites.length) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SITES_SCRIPT_ID] });
    return sites;
  }
  const script = {
    id: SITES_SCRIPT_ID,
    matches: sites.map(pattern),
    js: [CONTENT_SCRIPT_FILE],
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  if (existing.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return sites;
}

/**
 * The tabs showing a page of the site, and `tabId` (the popup's tab) whatever it shows. Matching
 * tabs by URL needs host access to the site: asked while the permission is held.
 */
async function tabsOf(origin: string, tabId?: number): Promise<number[]> {
  const tabs = await browser.tabs.query({ url: pattern(origin) }).catch(() => []);
  const ids = new Set(tabs.flatMap((t) => (t.id === undefined ? [] : [t.id])));
  if (tabId !== undefined) ids.add(tabId);
  return [...ids];
}

/**
 * After the popup got the permission: remember the site, register, and start on every tab open on
 * it (a script already running there keeps running: content/index.ts lets the first live one win).
 */
export async function enableSite(origin: string, tabId?: number): Promise<boolean> {
  if (!(await browser.permissions.contains({ origins: [pattern(origin)] }))) return false;
  const settings = await loadSettings();
  if (!settings.enabledSites.includes(origin)) {
    await writeSettings({ ...settings, enabledSites: [...settings.enabledSites, origin] });
  }
  await syncSiteScripts();
  const tabs = await tabsOf(origin, tabId);
  await Promise.all(
    tabs.map((id) =>
      browser.scripting
        .executeScript({ target: { tabId: id }, files: [CONTENT_SCRIPT_FILE] })
        .catch(() => undefined),
    ),
  );
  return true;
}

/** Forgets the site, unregisters, gives the permission back, and stops the script on every tab of it. */
export async function disableSite(origin: string, tabId?: number): Promise<void> {
  const tabs = await tabsOf(origin, tabId);
  const settings = await loadSettings();
  await writeSettings({ ...settings, enabledSites: settings.enabledSites.filter((o) => o !== origin) });
  await syncSiteScripts();
  await browser.permissions.remove({ origins: [pattern(origin)] }).catch(() => false);
  await Promise.all(tabs.map((id) => sendToTab(id, { type: STOP_MESSAGE }).catch(() => undefined)));
  await Promise.all(tabs.map((id) => showActiveOnTab(id, false)));
}

/** Access revoked in the browser's UI: the site is no longer enabled. */
export async function onPermissionsRemoved(origins: readonly string[]): Promise<void> {
  const settings = await loadSettings();
  const left = settings.enabledSites.filter((o) => !origins.includes(pattern(o)));
  if (left.length !== settings.enabledSites.length) {
    await writeSettings({ ...settings, enabledSites: left });
  }
  await syncSiteScripts();
}
