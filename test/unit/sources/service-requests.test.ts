/**
 * How the data service asks: the request log the options page shows (what went out, what came back,
 * why it failed), the host permission a moved source needs, the CoinGecko key going to CoinGecko
 * alone, and the rate budget of the key's tier. Driven through the service's injected `fetch`.
 *
 * The answers are the recorded ones (CoinGecko's top 250 of 2025-02-09, Yahoo's AAPL chart) or
 * status codes; nothing else is made up.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { TickerlensDb } from '../../../utils/db';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings';
import { COINGECKO_BUDGETS } from '../../../utils/sources/budgets';
import type { DataServiceOptions } from '../../../utils/sources/service';
import {
  host,
  json,
  on,
  pathOf,
  type Route,
  scriptedFetch,
  scriptedService,
  status,
} from '../../support/scripted-fetch';
import { testClock, top250, yahooBody } from '../../support/sources-server';

let db: TickerlensDb;
let clock: ReturnType<typeof testClock>;
let script: ReturnType<typeof scriptedFetch>;
let routes: Route[];
/** Every request with the headers it carried. */
let sent: Array<{ url: string; headers: Record<string, string> }>;

beforeEach(() => {
  db = new TickerlensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  clock = testClock('2025-02-09T18:00:00Z');
  script = scriptedFetch();
  routes = script.routes;
  sent = [];
});

function service(settings: Settings = DEFAULT_SETTINGS, extra: Partial<DataServiceOptions> = {}) {
  const fetch = (async (input: string | URL, init?: RequestInit) => {
    sent.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) } });
    return script.fetch(input, init);
  }) as typeof globalThis.fetch;
  return scriptedService(db, clock, { fetch }, { settings: () => settings, ...extra });
}

const CG = host('coingecko');
const bitcoin = top250().find((r) => r.id === 'bitcoin');
const withKey = (baseUrl: string, apiKey: string): Settings => {
  const s = structuredClone(DEFAULT_SETTINGS);
  s.sources.coingecko = { ...s.sources.coingecko, baseUrl, apiKey };
  return s;
};

describe('the request log', () => {
  it('logs each request that went out: when, the source, the path with its query, status and time', async () => {
    routes.push(on(CG, pathOf('coingecko', '/coins/markets'), json([bitcoin])));
    const svc = service();
    await svc.refreshQuotes(['cg:bitcoin']);
    const [entry, ...more] = await db.recentRequests(10);
    expect(more).toEqual([]);
    expect(entry).toEqual({
      id: expect.any(Number),
      at: clock.now(),
      source: 'coingecko',
      path: `${pathOf('coingecko', '/coins/markets')}?${new URL(sent[0]?.url ?? '').search.slice(1)}`,
      ok: true,
      status: 200,
      ms: expect.any(Number),
    });
    expect(entry?.path).toContain('ids=bitcoin');
  });

  it('a failure is logged with its status and reason; one that never reached a server has no status', async () => {
    routes.push(on(CG, pathOf('coingecko', '/coins/markets'), () => status(500)));
    routes.push(
      on(host('llamaCoins'), /^\/prices\/current\//, () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const svc = service();
    await svc.refreshQuotes(['cg:bitcoin']);
    const log = await db.recentRequests(10);
    expect(log.map(({ source, ok, status, reason }) => ({ source, ok, status, reason }))).toEqual([
      { source: 'llamaCoins', ok: false, status: null, reason: 'network error: Failed to fetch' },
      { source: 'coingecko', ok: false, status: 500, reason: 'HTTP 500' },
    ]);
  });

  it('a request held back (a 429’s Retry-After) never went out and is not logged', async () => {
    routes.push(on(CG, pathOf('coingecko', '/coins/markets'), () => json('', 429, { 'retry-after': '600' })));
    routes.push(on(host('llamaCoins'), /^\/prices\/current\//, json({ coins: {} })));
    const svc = service();
    await svc.refreshQuotes(['cg:bitcoin']);
    expect(await db.recentRequests(10, 'coingecko')).toHaveLength(1);
    const chart = await svc.priceChart('cg:bitcoin', '30d');
    expect(chart).toMatchObject({ ok: false, reason: expect.stringMatching(/^CoinGecko: /) });
    expect(sent.filter((r) => r.url.includes('market_chart'))).toEqual([]);
    expect(await db.recentRequests(10, 'coingecko')).toHaveLength(1);
  });
});

describe('where requests may go', () => {
  it('a source moved to a host the browser does not grant: nothing goes out, the card says why', async () => {
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.sources.stocks.baseUrl = 'https://quotes.example';
    const granted: string[] = [];
    const svc = service(settings, {
      hostGranted: async (origin) => {
        granted.push(origin);
        return false;
      },
    });
    const { results } = await svc.refreshQuotes(['stock:AAPL']);
    expect(sent).toEqual([]);
    expect(granted).toEqual(['https://quotes.example']);
    expect(results.get('stock:AAPL')).toEqual({
      ok: false,
      reason:
        'stocks: no host permission for https://quotes.example: save the address again in the options to grant it',
      servedStale: false,
    });
    expect(await db.recentRequests(10)).toEqual([]);
  });

  it('the same host, granted: the request goes', async () => {
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.sources.stocks.baseUrl = 'https://quotes.example';
    routes.push(on('quotes.example', '/v8/finance/chart/AAPL', json(yahooBody('chart-AAPL.json'))));
    const svc = service(settings, { hostGranted: async () => true });
    const { results } = await svc.refreshQuotes(['stock:AAPL']);
    expect(results.get('stock:AAPL')).toEqual({ ok: true, source: 'stocks' });
  });

  it('the CoinGecko key goes to CoinGecko alone, never to DefiLlama', async () => {
    routes.push(on(CG, pathOf('coingecko', '/coins/markets'), () => status(500)));
    routes.push(on(host('llamaCoins'), /^\/prices\/current\//, json({ coins: {} })));
    const svc = service(withKey(DEFAULT_SETTINGS.sources.coingecko.baseUrl, 'CG-demo-key'));
    await svc.refreshQuotes(['cg:bitcoin']);
    expect(sent.map((r) => [new URL(r.url).host, r.headers['x-cg-demo-api-key']])).toEqual([
      [CG, 'CG-demo-key'],
      [host('llamaCoins'), undefined],
    ]);
  });
});

describe('the rate budget follows the key', () => {
  /** The test clock's time at each of `n` chart requests to CoinGecko, from the first. */
  async function timesOf(n: number, settings: Settings) {
    routes.push(
      on(new URL(settings.sources.coingecko.baseUrl).host, /\/market_chart$/, json({ prices: [] })),
    );
    const svc = service(settings, { maxTokenWaitMs: 60_000 });
    const start = clock.now();
    const at: number[] = [];
    for (let i = 0; i < n; i++) {
      await svc.priceChart(`cg:coin-${i}`, '30d');
      at.push(clock.now() - start);
    }
    expect(sent).toHaveLength(n);
    return at;
  }

  it('keyless: a burst of five at once, then the public plan’s pace', async () => {
    const { burst, perMinute } = COINGECKO_BUDGETS.keyless;
    const at = await timesOf(burst + 1, DEFAULT_SETTINGS);
    expect(at.slice(0, burst)).toEqual(Array(burst).fill(0));
    expect(at[burst]).toBe(60_000 / perMinute);
  });

  it('a demo key on the public API: the demo plan’s burst and pace', async () => {
    const { burst, perMinute } = COINGECKO_BUDGETS.demo;
    const at = await timesOf(burst + 1, withKey(DEFAULT_SETTINGS.sources.coingecko.baseUrl, 'CG-demo'));
    expect(at.slice(0, burst)).toEqual(Array(burst).fill(0));
    expect(at[burst]).toBe(60_000 / perMinute);
  });

  it('a key on pro-api.coingecko.com: the paid plan’s burst and pace, with the pro header', async () => {
    const { burst, perMinute } = COINGECKO_BUDGETS.pro;
    const at = await timesOf(burst + 1, withKey('https://pro-api.coingecko.com/api/v3', 'CG-pro'));
    expect(at.slice(0, burst)).toEqual(Array(burst).fill(0));
    expect(at[burst]).toBe(60_000 / perMinute);
    expect(sent.every((r) => r.headers['x-cg-pro-api-key'] === 'CG-pro')).toBe(true);
  });
});

describe('after the user changes a source', () => {
  it('its backoff starts over, and a worker started later does not bring it back', async () => {
    routes.push(on(CG, pathOf('coingecko', '/coins/markets'), () => json('', 429, { 'retry-after': '600' })));
    routes.push(on(host('llamaCoins'), /^\/prices\/current\//, json({ coins: {} })));
    const svc = service();
    await svc.refreshQuotes(['cg:bitcoin']);
    expect(svc.blockedUntil('coingecko')).toBeGreaterThan(clock.now());
    // What it knows is in Dexie: a worker started now knows the same.
    const other = service();
    await other.plan([], []);
    expect(other.politenessState()).toEqual(svc.politenessState());
    expect(svc.politenessState().coingecko?.backoffUntil).toBe(svc.blockedUntil('coingecko'));
    await svc.resetSource('coingecko');
    expect(svc.blockedUntil('coingecko')).toBe(0);
    const restarted = service();
    await restarted.plan([], []);
    expect(restarted.blockedUntil('coingecko')).toBe(0);
  });
});

describe('politeness the caller sets', () => {
  it('a breaker that opens after one failure, for its own cool-down', async () => {
    routes.push(on(CG, /\/market_chart$/, () => status(500)));
    const svc = service(DEFAULT_SETTINGS, {
      breaker: { threshold: 1, cooldownMs: 10 * 60_000, maxCooldownMs: 60 * 60_000, trialTimeoutMs: 30_000 },
      random: () => 1,
    });
    await svc.priceChart('cg:bitcoin', '30d');
    expect(svc.breakerStatus('coingecko')).toBe('open');
    expect(svc.blockedUntil('coingecko')).toBe(clock.now() + 10 * 60_000);
  });

  it('the backoff of a minute holds the next request for that minute', async () => {
    routes.push(on(CG, /\/market_chart$/, () => status(500)));
    const svc = service(DEFAULT_SETTINGS, { backoff: { baseMs: 60_000, maxMs: 60_000 }, random: () => 1 });
    await svc.priceChart('cg:bitcoin', '30d');
    expect(svc.breakerStatus('coingecko')).toBe('closed');
    expect(svc.blockedUntil('coingecko')).toBe(clock.now() + 60_000);
  });
});
