/**
 * Issue 29 (2, 4, 6): where requests may go, what goes with them. A base URL off its source's
 * default host is used only when its host permission is granted (or it is this machine); the API
 * key goes only over https (or to this machine); no request carries cookies except Yahoo's
 * market-cap requests, which the user turns on.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { TickerlensDb } from '../../../utils/db';
import { DEFAULT_SETTINGS, migrateSettings, type Settings } from '../../../utils/settings';
import { isLoopback, keyMayGo, refusedHost } from '../../../utils/sources/base-urls';
import { coingeckoHeaders } from '../../../utils/sources/coingecko';
import { createDataService } from '../../../utils/sources/service';

describe('base URLs and the key', () => {
  it('tells this machine from the network', () => {
    expect(isLoopback('http://127.0.0.1:8080/x')).toBe(true);
    expect(isLoopback('http://localhost/x')).toBe(true);
    expect(isLoopback('http://[::1]:9/x')).toBe(true);
    expect(isLoopback('http://127.0.0.1.evil.example/x')).toBe(false);
    expect(isLoopback('https://api.coingecko.com/api/v3')).toBe(false);
    expect(isLoopback('not a url')).toBe(false);
  });

  it('sends the key over https or to this machine only', () => {
    expect(keyMayGo('http://proxy.example/api')).toBe(false);
    expect(coingeckoHeaders('http://proxy.example/api', 'CG-key')).toEqual({});
    expect(coingeckoHeaders('https://proxy.example/api', 'CG-key')).toEqual({
      'x-cg-demo-api-key': 'CG-key',
    });
    expect(coingeckoHeaders('https://pro-api.coingecko.com/api/v3', 'k')).toEqual({
      'x-cg-pro-api-key': 'k',
    });
    expect(coingeckoHeaders('http://127.0.0.1:9/api', 'k')).toEqual({ 'x-cg-demo-api-key': 'k' });
  });

  it('refuses a host whose permission is not granted, and nothing goes out', async () => {
    const granted = async (origin: string) => origin === 'https://api.coingecko.com';
    expect(await refusedHost('coingecko', 'https://api.coingecko.com/api/v3/ping', granted)).toBeUndefined();
    expect(await refusedHost('coingecko', 'http://127.0.0.1:1/ping', granted)).toBeUndefined();
    expect(await refusedHost('coingecko', 'https://evil.example/ping', granted)).toMatch(
      /no host permission for https:\/\/evil\.example/,
    );
    const settings = migrateSettings({ sources: { coingecko: { baseUrl: 'https://evil.example/api' } } });
    const tried = async (hostGranted: (origin: string) => Promise<boolean>) => {
      const calls: string[] = [];
      const svc = createDataService({
        db: new TickerlensDb({ indexedDB: new IDBFactory(), IDBKeyRange }),
        settings: () => settings,
        fetch: (async (url: string) => {
          calls.push(String(url));
          return new Response('[]');
        }) as typeof fetch,
        hostGranted,
        batchWindowMs: 1,
      });
      await svc.refreshAssetDetails('bitcoin');
      return calls;
    };
    expect(await tried(granted)).toEqual([]);
    // The same, granted: the request goes (so the refusal above is the permission's doing).
    expect((await tried(async () => true)).some((u) => u.startsWith('https://evil.example/api/'))).toBe(true);
  });
});

describe('Yahoo cookies', () => {
  it('are off by default, and an older stored setting reads as off', () => {
    expect(DEFAULT_SETTINGS.sources.stocks.yahooCookies).toBe(false);
    expect(
      migrateSettings({ sources: { stocks: { baseUrl: 'https://query1.finance.yahoo.com' } } }).sources
        .stocks,
    ).toEqual({ baseUrl: 'https://query1.finance.yahoo.com', yahooCookies: false });
    expect(
      migrateSettings({ sources: { stocks: { yahooCookies: 'yes' } } }).sources.stocks.yahooCookies,
    ).toBe(false);
  });

  async function stockRequests(yahooCookies: boolean) {
    const calls: Array<{ url: string; credentials: RequestCredentials | undefined }> = [];
    const settings: Settings = migrateSettings({ sources: { stocks: { yahooCookies } } });
    const db = new TickerlensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    // A stored Yahoo price without market figures: what a card of a stock holds before the quote call.
    await db.putQuotes([
      {
        assetId: 'stock:AAPL',
        symbol: 'AAPL',
        name: 'Apple Inc.',
        price: {
          source: 'stocks',
          fetchedAt: 0,
          usd: 220,
          change24hPct: null,
          change7dPct: null,
          asOf: null,
        },
        fetchedAt: 0,
      },
    ]);
    const svc = createDataService({
      db,
      settings: () => settings,
      fetch: (async (url: string, init?: RequestInit) => {
        calls.push({ url: String(url), credentials: init?.credentials });
        return new Response('no', { status: 401 });
      }) as typeof fetch,
      batchWindowMs: 1,
    });
    await svc.refreshStockMarkets(['stock:AAPL']);
    return calls;
  }

  it('are never sent unless turned on; turned on, only the crumb, primer and quote carry them', async () => {
    expect(await stockRequests(false)).toEqual([]);
    const on = await stockRequests(true);
    expect(on.length).toBeGreaterThan(0);
    for (const c of on) expect(c.credentials).toBe('include');
    expect(on.map((c) => new URL(c.url).host)).toEqual(
      expect.arrayContaining(['query1.finance.yahoo.com', 'fc.yahoo.com']),
    );
  });
});

describe('origins', () => {
  it('are read with the URL parser, not a pattern', async () => {
    const { isWebOrigin } = await import('../../../utils/origins');
    expect(isWebOrigin('https://www.coindesk.com')).toBe(true);
    expect(isWebOrigin('http://127.0.0.1:8080')).toBe(true);
    for (const bad of [
      'https://a.example@b.example',
      'https://*.com',
      'https://x.com/path',
      'https://X.com',
      'https://x.com:443',
      'javascript://x.com',
      'https://x.com?',
    ])
      expect(isWebOrigin(bad), bad).toBe(false);
    expect(
      migrateSettings({ enabledSites: ['https://ok.example', 'https://*.com', 'https://a@b.example'] })
        .enabledSites,
    ).toEqual(['https://ok.example']);
  });
});
