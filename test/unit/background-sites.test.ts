/**
 * The enabled sites' script registration (background/sites.ts) against an in-memory stand-in for
 * Chromium's `scripting`, `permissions` and `tabs`, which refuses a second registration of one id
 * as Chromium does ("Duplicate script ID"): syncs run one after another, and enabling or disabling a
 * site starts or stops the script on every tab open on it, not only the popup's (and a disabled
 * site's tabs show the grey toolbar icon).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';

const chrome = vi.hoisted(() => ({
  settings: undefined as unknown as Settings,
  granted: new Set<string>(),
  registered: new Map<string, { matches: string[] }>(),
  tabs: [] as Array<{ id: number; url: string }>,
  injected: [] as number[],
  stopped: [] as number[],
  /** The toolbar icon set on each tab (its 16 px file). */
  icons: new Map<number, string>(),
}));

/** A later task, as the browser answers. */
const later = () => new Promise((r) => setTimeout(r, 0));

vi.mock('wxt/browser', () => ({
  browser: {
    action: {
      setIcon: async ({ tabId, path }: { tabId: number; path: Record<string, string> }) => {
        chrome.icons.set(tabId, path['16'] ?? '');
      },
    },
    permissions: {
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => chrome.granted.has(o)),
      remove: async ({ origins }: { origins: string[] }) => {
        for (const o of origins) chrome.granted.delete(o);
        return true;
      },
    },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => {
        await later();
        return ids.flatMap((id) => (chrome.registered.has(id) ? [{ id }] : []));
      },
      registerContentScripts: async (scripts: Array<{ id: string; matches: string[] }>) => {
        await later();
        for (const s of scripts) {
          if (chrome.registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          chrome.registered.set(s.id, { matches: s.matches });
        }
      },
      updateContentScripts: async (scripts: Array<{ id: string; matches: string[] }>) => {
        await later();
        for (const s of scripts) chrome.registered.set(s.id, { matches: s.matches });
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        await later();
        for (const id of ids) chrome.registered.delete(id);
      },
      executeScript: async ({ target }: { target: { tabId: number } }) => {
        chrome.injected.push(target.tabId);
        return [];
      },
    },
    tabs: {
      // Chromium matches URLs only for hosts the extension may access.
      query: async ({ url }: { url: string }) => {
        if (!chrome.granted.has(url)) return [];
        const origin = url.slice(0, -2);
        return chrome.tabs.filter((t) => t.url.startsWith(`${origin}/`));
      },
      sendMessage: async (tabId: number) => {
        chrome.stopped.push(tabId);
      },
    },
  },
}));

vi.mock('../../entrypoints/background/settings-store', () => ({
  loadSettings: async () => chrome.settings,
  writeSettings: async (next: Settings) => {
    chrome.settings = next;
  },
}));

const { disableSite, enableSite, onPermissionsRemoved, syncSiteScripts, SITES_SCRIPT_ID } = await import(
  '../../entrypoints/background/sites'
);

const SITE = 'https://news.example';

beforeEach(() => {
  chrome.settings = { ...DEFAULT_SETTINGS, enabledSites: [] };
  chrome.icons.clear();
  chrome.granted = new Set();
  chrome.registered = new Map();
  chrome.tabs = [
    { id: 1, url: `${SITE}/a` },
    { id: 2, url: `${SITE}/b` },
    { id: 3, url: 'https://other.example/' },
  ];
  chrome.injected = [];
  chrome.stopped = [];
});

describe('enabled sites', () => {
  it('runs syncs one after another, so two at once register the script once', async () => {
    chrome.granted.add(`${SITE}/*`);
    chrome.settings = { ...chrome.settings, enabledSites: [SITE] };
    // The settings listener and enableSite both sync when a site is enabled.
    const results = await Promise.allSettled([syncSiteScripts(), syncSiteScripts(), syncSiteScripts()]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(chrome.registered.get(SITES_SCRIPT_ID)?.matches).toEqual([`${SITE}/*`]);
  });

  it('goes on syncing after one sync failed', async () => {
    chrome.granted.add(`${SITE}/*`);
    chrome.settings = { ...chrome.settings, enabledSites: [SITE] };
    chrome.registered.set(SITES_SCRIPT_ID, { matches: [] });
    const { scripting } = (await import('wxt/browser')).browser as unknown as {
      scripting: { updateContentScripts: (s: unknown) => Promise<void> };
    };
    const update = scripting.updateContentScripts;
    scripting.updateContentScripts = async () => {
      throw new Error('Extension context invalidated');
    };
    await expect(syncSiteScripts()).rejects.toThrow('invalidated');
    scripting.updateContentScripts = update;
    await expect(syncSiteScripts()).resolves.toEqual([SITE]);
    expect(chrome.registered.get(SITES_SCRIPT_ID)?.matches).toEqual([`${SITE}/*`]);
  });

  it('starts the script on every tab open on the site when enabled, and stops it on each when disabled', async () => {
    chrome.granted.add(`${SITE}/*`);
    expect(await enableSite(SITE, 1)).toBe(true);
    expect(chrome.injected.sort()).toEqual([1, 2]);
    expect(chrome.settings.enabledSites).toEqual([SITE]);

    await disableSite(SITE, 1);
    expect(chrome.stopped.sort()).toEqual([1, 2]);
    // The toolbar says Tickerlens no longer runs there, on each tab.
    expect([...chrome.icons].sort()).toEqual([
      [1, '/icon-off/16.png'],
      [2, '/icon-off/16.png'],
    ]);
    expect(chrome.registered.has(SITES_SCRIPT_ID)).toBe(false);
    expect(chrome.granted.has(`${SITE}/*`)).toBe(false);
  });

  it('does not enable a site whose permission was not granted', async () => {
    expect(await enableSite(SITE, 1)).toBe(false);
    expect(chrome.injected).toEqual([]);
    expect(chrome.settings.enabledSites).toEqual([]);
  });

  it('forgets a site whose access was revoked in the browser, keeping the others registered', async () => {
    const OTHER = 'https://other.example';
    chrome.granted.add(`${SITE}/*`);
    chrome.granted.add(`${OTHER}/*`);
    chrome.settings = { ...chrome.settings, enabledSites: [SITE, OTHER] };
    await syncSiteScripts();
    // The browser's own UI took the permission away, then told the worker.
    chrome.granted.delete(`${SITE}/*`);
    await onPermissionsRemoved([`${SITE}/*`]);
    expect(chrome.settings.enabledSites).toEqual([OTHER]);
    expect(chrome.registered.get(SITES_SCRIPT_ID)?.matches).toEqual([`${OTHER}/*`]);
    // The last one revoked: nothing left enabled, nothing registered.
    chrome.granted.delete(`${OTHER}/*`);
    await onPermissionsRemoved([`${OTHER}/*`]);
    expect(chrome.settings.enabledSites).toEqual([]);
    expect(chrome.registered.has(SITES_SCRIPT_ID)).toBe(false);
  });

  it('leaves the enabled sites as they are when another origin is revoked', async () => {
    chrome.granted.add(`${SITE}/*`);
    chrome.settings = { ...chrome.settings, enabledSites: [SITE] };
    const before = chrome.settings;
    await onPermissionsRemoved(['https://unrelated.example/*']);
    // Not rewritten (a settings write wakes every listener).
    expect(chrome.settings).toBe(before);
    expect(chrome.registered.get(SITES_SCRIPT_ID)?.matches).toEqual([`${SITE}/*`]);
  });
});
