/**
 * The browser-test harness: Chromium with the built extension, test pages served as
 * `https://x.com/…` through request interception (so the content script's default matches apply
 * exactly as for users), a static server on 127.0.0.1 for pages on other sites, the recorded-API
 * server, and helpers for the automation contract (scan message, popup, card).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Locator, Page, Worker } from 'playwright-core';
import type { ScanResult } from '../../utils/messages';
import { SETTINGS_KEY } from '../../utils/settings';
import type { ApiServer } from './api-server';
import { launchWithExtension } from './chromium';
import { type SourcesServer, startSourcesServer } from './sources-server';

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  api: ApiServer;
  /** Every data source on 127.0.0.1: recorded answers, documented fixtures, switchable faults. */
  sources: SourcesServer;
  /** Origin of the static server for pages on other sites (`http://127.0.0.1:<port>`). */
  staticOrigin: string;
  /** Serves `html` at `https://x.com<path>` (or another https URL given in full). */
  serveX(path: string, html: string): void;
  /** Serves `html` at `<staticOrigin><path>`. */
  serveStatic(path: string, html: string): string;
  open(url: string): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  scan(tabId: number): Promise<ScanResult>;
  openPopup(tabId?: number): Promise<Page>;
  /**
   * Writes settings (contract §6) into storage.local, as a user or a script would. Sources not
   * named keep pointing at the local server (never the live network).
   */
  setSettings(settings: Record<string, unknown>): Promise<void>;
  /** Writes exactly this object, unmerged (to test how the extension reads odd values). */
  setRawSettings(settings: unknown): Promise<void>;
  /** Points every data source at the local sources server (recorded real answers). */
  useLocalApi(): Promise<void>;
  /** Points every data source at a local address that always fails (503): offline behaviour. */
  useDeadApi(): Promise<void>;
  /** Evaluates a function in the extension's service worker. */
  inWorker<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  waitForCard(page: Page, state?: string): Promise<Locator>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const ext = await launchWithExtension();
  const sources = await startSourcesServer();
  const api = sources.api;
  // Tests never touch the live network: from the start, sources point at a local address that
  // answers 503 until a test points them at the recordings.
  api.use((_req, res, url) => {
    if (!url.pathname.startsWith('/down/')) return false;
    res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"offline"}');
    return true;
  });
  const staticPages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const html = staticPages.get(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (html === undefined) res.writeHead(404).end('not found');
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const staticOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const xPages = new Map<string, string>();
  // Everything off 127.0.0.1 is intercepted: X pages come from the map, and nothing else (images
  // in the captured markup, fonts) reaches for the network.
  await ext.context.route(
    (url) => url.protocol === 'https:' || (url.protocol === 'http:' && url.hostname !== '127.0.0.1'),
    async (route) => {
      const url = new URL(route.request().url());
      const html = xPages.get(url.origin + url.pathname);
      if (html !== undefined)
        await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      else await route.fulfill({ status: 404, body: '' });
    },
  );

  const deadSources: Record<string, { baseUrl: string }> = Object.fromEntries(
    Object.keys(sources.settings.sources).map((id) => [id, { baseUrl: `${api.origin}/down/${id}` }]),
  );
  /** Where sources point unless a test says otherwise. */
  let base: Record<string, object> = deadSources;

  const h: Harness = {
    context: ext.context,
    worker: ext.worker,
    extensionId: ext.extensionId,
    api,
    sources,
    staticOrigin,
    serveX(path, html) {
      const url = path.startsWith('https://') ? new URL(path) : new URL(path, 'https://x.com');
      xPages.set(url.origin + url.pathname, html);
    },
    serveStatic(path, html) {
      staticPages.set(path, html);
      return staticOrigin + path;
    },
    async open(url) {
      const page = await ext.context.newPage();
      await page.goto(url);
      return page;
    },
    async tabIdOf(page) {
      // Without the "tabs" permission (which Tickerlens does not ask for) tab URLs are hidden from
      // the extension, so the tab is found as the active one after bringing its page to the front.
      await page.bringToFront();
      const id = await h.inWorker(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id;
      }, undefined);
      if (id === undefined) throw new Error(`no tab for ${page.url()}`);
      return id;
    },
    async scan(tabId) {
      return h.inWorker((id: number) => chrome.tabs.sendMessage(id, { type: 'tickerlens:scan' }), tabId);
    },
    async openPopup(tabId) {
      const page = await ext.context.newPage();
      const query = tabId === undefined ? '' : `?tabId=${tabId}`;
      await page.goto(`chrome-extension://${ext.extensionId}/popup.html${query}`);
      return page;
    },
    async setSettings(settings) {
      const sourcesPart = (settings.sources ?? {}) as Record<string, object>;
      const merged = {
        ...settings,
        sources: Object.fromEntries(
          Object.entries(base).map(([id, v]) => [id, { ...v, ...(sourcesPart[id] ?? {}) }]),
        ),
      };
      await h.setRawSettings(merged);
    },
    async setRawSettings(settings) {
      await h.inWorker(([key, value]: [string, unknown]) => chrome.storage.local.set({ [key]: value }), [
        SETTINGS_KEY,
        settings,
      ] as [string, unknown]);
    },
    async useLocalApi() {
      base = structuredClone(sources.settings.sources);
      await h.setSettings({});
    },
    async useDeadApi() {
      base = deadSources;
      await h.setSettings({});
    },
    inWorker<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
      // Playwright types the argument as its serialised form; ours are plain JSON values.
      return ext.worker.evaluate(fn as (arg: unknown) => T | Promise<T>, arg as unknown);
    },
    async waitForCard(page, state) {
      const card = page.locator(state ? `tickerlens-card[data-state="${state}"]` : 'tickerlens-card');
      await card.waitFor({ state: 'attached' });
      return card;
    },
    async close() {
      await ext.close();
      await api.stop();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
  await h.useDeadApi();
  return h;
}
