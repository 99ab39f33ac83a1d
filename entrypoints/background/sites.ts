/**
 * Sites the user enabled besides X: each needs its optional host permission (granted from the
 * popup, where the click is) and a dynamically registered content script. The list lives in the
 * settings (`enabledSites`); the registration follows it on every start, settings change and
 * permission change, so revoking access in the browser's own UI disables the site too.
 */
import { browser } from 'wxt/browser';
import type { Settings } from '@/utils/settings';
import { loadSettings, writeSettings } from './settings-store';

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

/** Makes the registered content script match the enabled, permitted sites. */
export async function syncSiteScripts(): Promise<string[]> {
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

/** After the popup got the permission: remember the site, register, and start on the open tab. */
export async function enableSite(origin: string, tabId?: number): Promise<boolean> {
  if (!(await browser.permissions.contains({ origins: [pattern(origin)] }))) return false;
  const settings = await loadSettings();
  if (!settings.enabledSites.includes(origin)) {
    await writeSettings({ ...settings, enabledSites: [...settings.enabledSites, origin] });
  }
  await syncSiteScripts();
  if (tabId !== undefined) {
    await browser.scripting
      .executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] })
      .catch(() => undefined);
  }
  return true;
}

/** Forgets the site, unregisters, gives the permission back, and stops the running script. */
export async function disableSite(origin: string, tabId?: number): Promise<void> {
  const settings = await loadSettings();
  await writeSettings({ ...settings, enabledSites: settings.enabledSites.filter((o) => o !== origin) });
  await syncSiteScripts();
  await browser.permissions.remove({ origins: [pattern(origin)] }).catch(() => false);
  if (tabId !== undefined)
    await browser.tabs.sendMessage(tabId, { type: 'tickerlens:stop' }).catch(() => undefined);
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
