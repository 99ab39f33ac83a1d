/**
 * The worker's settings (background/settings-store.ts, contract §6), what it tells content scripts
 * to mark (background/marks.ts) and its first run (background/first-run.ts), against an in-memory
 * stand-in for `storage.local`, `storage.onChanged`, `tabs` and `runtime.onInstalled`. Each test
 * starts a fresh worker (the modules loaded anew), as the browser does after 30 s idle.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const chrome = vi.hoisted(() => ({
  stored: {} as Record<string, unknown>,
  reads: [] as string[],
  changed: [] as Array<(changes: Record<string, unknown>, area: string) => void>,
  installed: [] as Array<(details: { reason: string; previousVersion?: string }) => void>,
  tabs: [] as Array<{ id?: number }>,
  /** Tabs whose content script does not answer (a page without it, a tab being closed). */
  deaf: new Set<number>(),
  sent: [] as Array<[number, unknown]>,
  created: [] as string[],
  createFails: false,
  queryFails: false,
}));

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      getURL: (path: string) => `chrome-extension://tickerlens${path}`,
      getManifest: () => ({ version: '1.4.0' }),
      onInstalled: { addListener: (fn: (typeof chrome.installed)[number]) => chrome.installed.push(fn) },
    },
    storage: {
      local: {
        get: async (key: string) => {
          chrome.reads.push(key);
          return key in chrome.stored ? { [key]: structuredClone(chrome.stored[key]) } : {};
        },
        set: async (items: Record<string, unknown>) => {
          Object.assign(chrome.stored, structuredClone(items));
        },
      },
      onChanged: { addListener: (fn: (typeof chrome.changed)[number]) => chrome.changed.push(fn) },
    },
    tabs: {
      query: async () => {
        if (chrome.queryFails) throw new Error('No tabs API in this context');
        return chrome.tabs;
      },
      sendMessage: async (tabId: number, message: unknown) => {
        if (chrome.deaf.has(tabId)) throw new Error('Could not establish connection.');
        chrome.sent.push([tabId, message]);
      },
      create: async ({ url }: { url: string }) => {
        if (chrome.createFails) throw new Error('Tabs cannot be edited right now');
        chrome.created.push(url);
        return { id: 9, url };
      },
    },
  },
}));

const KEY = 'tickerlens:settings';
let store: typeof import('../../entrypoints/background/settings-store');
let settings: typeof import('../../utils/settings');

beforeEach(async () => {
  Object.assign(chrome, {
    stored: {},
    reads: [],
    changed: [],
    installed: [],
    tabs: [],
    deaf: new Set(),
    sent: [],
    created: [],
    createFails: false,
    queryFails: false,
  });
  vi.resetModules();
  store = await import('../../entrypoints/background/settings-store');
  settings = await import('../../utils/settings');
});

/** The browser tells every listener of a change in a storage area. */
const change = (changes: Record<string, unknown>, area = 'local') => {
  for (const fn of chrome.changed) fn(changes, area);
};

describe('the settings the worker obeys', () => {
  it('are the defaults of contract §6 when nothing is stored, read from storage.local under its key', async () => {
    const s = await store.loadSettings();
    expect(chrome.reads).toEqual([KEY]);
    expect(s).toEqual(settings.DEFAULT_SETTINGS);
    expect(s.sources.coingecko.baseUrl).toBe('https://api.coingecko.com/api/v3');
    expect(s.sources.stocks.baseUrl).toBe('https://query1.finance.yahoo.com');
  });

  it('complete a stored object from the defaults, field by field, keeping what the user set', async () => {
    chrome.stored[KEY] = {
      version: 1,
      sources: {
        coingecko: { baseUrl: 'http://127.0.0.1:8787/cg/', apiKey: ' CG-demo ' },
        goplus: { baseUrl: 'not a url' },
      },
      marks: 'sometimes',
    };
    const s = await store.loadSettings();
    expect(s.version).toBe(2);
    expect(s.sources.coingecko).toEqual({ baseUrl: 'http://127.0.0.1:8787/cg', apiKey: 'CG-demo' });
    expect(s.sources.goplus.baseUrl).toBe('https://api.gopluslabs.io');
    expect(s.marks).toBe(true);
    expect(s.markKinds).toEqual({ ticker: true, name: true, handle: true, address: true, claim: true });
  });

  it('are read from storage once, then kept until they change', async () => {
    chrome.stored[KEY] = { marks: false };
    const first = await store.loadSettings();
    chrome.stored[KEY] = { marks: true };
    expect(await store.loadSettings()).toBe(first);
    expect(chrome.reads).toEqual([KEY]);
  });

  it('take a change in storage.local at once, and tell whoever listens', async () => {
    store.watchSettings();
    const heard: string[] = [];
    store.onSettingsChanged(() => heard.push('a'));
    store.onSettingsChanged(() => heard.push('b'));
    chrome.stored[KEY] = { marks: false };
    expect((await store.loadSettings()).marks).toBe(false);
    chrome.stored[KEY] = { marks: true };
    change({ [KEY]: { newValue: { marks: true } } });
    expect(heard).toEqual(['a', 'b']);
    expect((await store.loadSettings()).marks).toBe(true);
    expect(chrome.reads).toEqual([KEY, KEY]);
  });

  it('ignore a change to another key, or in another storage area', async () => {
    store.watchSettings();
    const heard: string[] = [];
    store.onSettingsChanged(() => heard.push('changed'));
    chrome.stored[KEY] = { marks: false };
    await store.loadSettings();
    chrome.stored[KEY] = { marks: true };
    change({ 'tickerlens:installed': { newValue: {} } });
    change({ [KEY]: { newValue: { marks: true } } }, 'sync');
    change({ [KEY]: { newValue: { marks: true } } }, 'session');
    expect(heard).toEqual([]);
    expect((await store.loadSettings()).marks).toBe(false);
  });

  it('written by the worker are checked, stored under the key, and obeyed at once', async () => {
    const next = {
      ...settings.DEFAULT_SETTINGS,
      marks: false,
      enabledSites: ['https://www.coindesk.com', 'javascript:alert(1)', 'https://www.coindesk.com'],
    };
    await store.writeSettings(next);
    const stored = chrome.stored[KEY] as typeof next;
    expect(stored.marks).toBe(false);
    // Only web origins, each once.
    expect(stored.enabledSites).toEqual(['https://www.coindesk.com']);
    expect(await store.loadSettings()).toEqual(stored);
    expect(chrome.reads).toEqual([]);
  });
});

describe('what content scripts are told to mark', () => {
  it('is whether to mark and each kind, as a copy a later change cannot reach', async () => {
    const { markOptions } = await import('../../entrypoints/background/marks');
    const s = {
      ...settings.DEFAULT_SETTINGS,
      marks: false,
      markKinds: { ...settings.DEFAULT_SETTINGS.markKinds, claim: false },
    };
    const told = markOptions(s);
    expect(told).toEqual({
      marks: false,
      kinds: { ticker: true, name: true, handle: true, address: true, claim: false },
    });
    s.markKinds.ticker = false;
    expect(told.kinds.ticker).toBe(true);
  });

  it('goes to every tab, whatever tabs do not answer, from the settings as stored', async () => {
    const { announceMarks } = await import('../../entrypoints/background/marks');
    chrome.stored[KEY] = { marks: true, markKinds: { handle: false } };
    chrome.tabs = [{ id: 1 }, {}, { id: 2 }, { id: 3 }];
    chrome.deaf.add(2);
    await announceMarks();
    await new Promise((r) => setTimeout(r, 0));
    const message = {
      type: 'tickerlens:marks-changed',
      marks: true,
      kinds: { ticker: true, name: true, handle: false, address: true, claim: true },
    };
    expect(chrome.sent).toEqual([
      [1, message],
      [3, message],
    ]);
  });

  it('goes nowhere, without an error, when the tabs cannot be listed', async () => {
    const { announceMarks } = await import('../../entrypoints/background/marks');
    chrome.queryFails = true;
    chrome.tabs = [{ id: 1 }];
    await expect(announceMarks()).resolves.toBeUndefined();
    expect(chrome.sent).toEqual([]);
  });
});

describe('the first run', () => {
  const install = async (details: { reason: string; previousVersion?: string }) => {
    const { registerFirstRun } = await import('../../entrypoints/background/first-run');
    registerFirstRun();
    for (const fn of chrome.installed) fn(details);
    await vi.waitFor(() => expect(chrome.stored['tickerlens:installed']).toBeDefined());
    return chrome.stored['tickerlens:installed'];
  };

  it('welcomes a new install only: not an update, a browser update or a shared module’s', async () => {
    const { welcomes } = await import('../../entrypoints/background/first-run');
    expect(welcomes('install')).toBe(true);
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update'])
      expect(welcomes(reason)).toBe(false);
  });

  it('opens the welcome page once on install, then records that it did', async () => {
    const before = Date.now();
    const record = await install({ reason: 'install' });
    expect(chrome.created).toEqual(['chrome-extension://tickerlens/welcome.html']);
    expect(record).toEqual({
      reason: 'install',
      version: '1.4.0',
      welcomeOpened: true,
      at: expect.any(Number),
    });
    expect((record as { at: number }).at).toBeGreaterThanOrEqual(before);
  });

  it('opens nothing on an update, and records the version it came from', async () => {
    const record = await install({ reason: 'update', previousVersion: '1.3.2' });
    expect(chrome.created).toEqual([]);
    expect(record).toMatchObject({
      reason: 'update',
      version: '1.4.0',
      previousVersion: '1.3.2',
      welcomeOpened: false,
    });
  });

  it('records a welcome that could not open as not opened', async () => {
    chrome.createFails = true;
    const record = await install({ reason: 'install' });
    expect(record).toMatchObject({ reason: 'install', welcomeOpened: false });
    expect(record).not.toHaveProperty('previousVersion');
  });
});
