/**
 * The data service's other parts at their edges: company treasuries, asset details, GoPlus's answer
 * cache, charts kept in memory, the refresh plan and its run, what a CoinGecko row becomes in full,
 * a database that fails mid-refresh, and which refresh a card waits for. Driven through the
 * scripted fetch (test/support/scripted-fetch.ts).
 *
 * Answers: the recorded CoinGecko top 250, treasury list (ethereum) and /coins/bitcoin detail, the
 * recorded GoPlus WETH answer, Yahoo's AAPL chart; HAND-MADE copies with a field changed, said where.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { TickerlensDb } from '../../../utils/db';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import { LLAMA_PRICES_BATCH } from '../../../utils/sources/llama-coins';
import { bundledSnapshot } from '../../../utils/sources/snapshot';
import { loadCoingeckoRecordings } from '../../support/api-server';
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
import { fixtureJson, testClock, top250, yahooBody } from '../../support/sources-server';

let db: TickerlensDb;
let clock: ReturnType<typeof testClock>;
let script: ReturnType<typeof scriptedFetch>;
let routes: Route[];

beforeEach(() => {
  db = new TickerlensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  clock = testClock('2025-02-09T18:00:00Z');
  script = scriptedFetch();
  routes = script.routes;
});

const service = (extra: Parameters<typeof scriptedService>[3] = {}) =>
  scriptedService(db, clock, script, extra);
const CG = host('coingecko');
const asked = (h: string) => script.asked.filter((u) => u.startsWith(h));
const rows = top250();
const row = (id: string) => {
  const r = rows.find((x) => x.id === id);
  if (!r) throw new Error(`${id} not in the recorded top 250`);
  return r;
};

describe('company treasuries', () => {
  type Treasury = { companies: Array<Record<string, unknown>> };
  const eth = () => fixtureJson('coingecko', 'companies_public_treasury_ethereum.json') as Treasury;

  it('one row per ticker: a company listed twice counts once, a row without a ticker not at all', async () => {
    // HAND-MADE: the recorded ethereum list with Coinbase listed again and a row whose symbol is blank.
    const list = eth();
    const [coinbase] = list.companies;
    list.companies.push(
      { ...coinbase, symbol: 'NASDAQ:COIN', total_holdings: 1 },
      { ...coinbase, symbol: ' ' },
    );
    routes.push(on(CG, pathOf('coingecko', '/companies/public_treasury/ethereum'), json(list)));
    routes.push(on(CG, pathOf('coingecko', '/companies/public_treasury/bitcoin'), json({ companies: [] })));
    expect(await service().refreshTreasuries()).toEqual({ ok: true });
    const coin = await db.treasuriesOf('COIN');
    expect(coin).toEqual([
      {
        coin: 'ethereum',
        ticker: 'COIN',
        exchange: 'NASDAQ',
        name: 'Coinbase',
        country: 'US',
        holdings: 48_880,
        entryValueUsd: 165_400_000,
        currentValueUsd: 93_382_085,
        pctOfSupply: 0.041,
        source: 'coingecko',
        fetchedAt: clock.now(),
      },
    ]);
    expect(await db.treasuriesOf('')).toEqual([]);
  });

  it('a row without country, values or share: each is unknown, not zero', async () => {
    // HAND-MADE: a company row with only the fields treasurySchema requires.
    const list = { companies: [{ name: 'Strategy', symbol: 'MSTR.US', total_holdings: 499_096 }] };
    routes.push(on(CG, /\/companies\/public_treasury\//, json(list)));
    await service().refreshTreasuries();
    expect(await db.treasuriesOf('MSTR')).toContainEqual(
      expect.objectContaining({
        country: null,
        entryValueUsd: null,
        currentValueUsd: null,
        pctOfSupply: null,
      }),
    );
  });

  it('a failure names each coin that failed, and leaves the other’s list fresh', async () => {
    routes.push(on(CG, pathOf('coingecko', '/companies/public_treasury/ethereum'), json(eth())));
    routes.push(on(CG, pathOf('coingecko', '/companies/public_treasury/bitcoin'), () => status(500)));
    expect(await service().refreshTreasuries()).toEqual({
      ok: false,
      reason: 'CoinGecko treasuries: bitcoin: HTTP 500',
    });
    expect((await db.treasuriesOf('COIN'))[0]).not.toHaveProperty('stale');
    script.clear();
    routes.push(on(CG, /\/companies\/public_treasury\//, () => status(502)));
    clock.advance(3_600_000);
    expect(await service().refreshTreasuries()).toEqual({
      ok: false,
      reason: 'CoinGecko treasuries: bitcoin: HTTP 502; ethereum: HTTP 502',
    });
    expect((await db.treasuriesOf('COIN'))[0]).toMatchObject({ stale: true, error: 'CoinGecko: HTTP 502' });
  });
});

describe('asset details', () => {
  const bitcoinDoc = () => {
    const r = loadCoingeckoRecordings().find((x) => x.path === '/api/v3/coins/ethereum');
    if (!r) throw new Error('no recorded coin detail');
    return JSON.parse(r.body) as Record<string, unknown>;
  };

  it('stores the coin’s name and upper-cased symbol with its handles, from CoinGecko, dated', async () => {
    routes.push(on(CG, pathOf('coingecko', '/coins/bitcoin'), json(bitcoinDoc())));
    expect(await service().refreshAssetDetails('bitcoin')).toEqual({ ok: true });
    expect(await db.getRegistry('cg:bitcoin')).toMatchObject({
      assetId: 'cg:bitcoin',
      symbol: 'BTC',
      name: 'Bitcoin',
      handles: ['bitcoin'],
      source: 'coingecko',
      fetchedAt: clock.now(),
    });
  });

  it('a failed ask says why and stores nothing', async () => {
    routes.push(on(CG, pathOf('coingecko', '/coins/bitcoin'), () => status(500)));
    expect(await service().refreshAssetDetails('bitcoin')).toEqual({
      ok: false,
      reason: 'CoinGecko: HTTP 500',
    });
    expect(await db.getRegistry('cg:bitcoin')).toBeUndefined();
  });
});

describe('GoPlus’s answers', () => {
  const WETH = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
  const answer = () => fixtureJson('goplus', 'token_security_1_weth.json');
  const goplusAsks = () => asked(host('goplus')).length;

  it('a chain GoPlus does not cover: said so, nothing asked', async () => {
    expect(await service().tokenSecurity('solana', WETH)).toEqual({
      data: null,
      source: 'goplus',
      fetchedAt: null,
      stale: false,
      error: 'chain solana not supported by GoPlus',
    });
    expect(script.asked).toEqual([]);
  });

  it('served from Dexie for six hours to the millisecond, then asked again', async () => {
    routes.push(on(host('goplus'), /token_security/, json(answer())));
    const svc = service();
    const first = await svc.tokenSecurity('ethereum', WETH);
    expect(first).toMatchObject({ source: 'goplus', fetchedAt: clock.now(), stale: false });
    const at = clock.now();
    clock.advance(6 * 3_600_000 - 1);
    expect(await svc.tokenSecurity('ethereum', WETH)).toEqual({
      data: first.data,
      source: 'goplus',
      fetchedAt: at,
      stale: false,
    });
    expect(goplusAsks()).toBe(1);
    expect(await db.getSecurity(`1:${WETH.toLowerCase()}`)).toMatchObject({
      source: 'goplus',
      fetchedAt: at,
    });
    clock.advance(1);
    await svc.tokenSecurity('ethereum', WETH);
    expect(goplusAsks()).toBe(2);
  });

  it('a failure with nothing stored: no data, no time, not stale, the reason', async () => {
    routes.push(on(host('goplus'), /token_security/, () => status(500)));
    expect(await service().tokenSecurity('ethereum', WETH)).toEqual({
      data: null,
      source: 'goplus',
      fetchedAt: null,
      stale: false,
      error: 'GoPlus: HTTP 500',
    });
    expect(await db.getSecurity(`1:${WETH.toLowerCase()}`)).toBeUndefined();
  });

  it('a failure with an answer stored: that answer, its time, stale, the reason, and marked so in Dexie', async () => {
    routes.push(on(host('goplus'), /token_security/, json(answer())));
    const svc = service();
    const first = await svc.tokenSecurity('ethereum', WETH);
    script.clear();
    routes.push(on(host('goplus'), /token_security/, () => status(500)));
    const at = first.fetchedAt;
    clock.advance(7 * 3_600_000);
    expect(await svc.tokenSecurity('ethereum', WETH)).toEqual({
      data: first.data,
      source: 'goplus',
      fetchedAt: at,
      stale: true,
      error: 'GoPlus: HTTP 500',
    });
    expect(await db.getSecurity(`1:${WETH.toLowerCase()}`)).toMatchObject({
      stale: true,
      error: 'GoPlus: HTTP 500',
    });
  });
});

describe('charts kept in memory', () => {
  const chartOf = () => json({ prices: [[Date.parse('2025-02-09T17:00:00Z'), 1]] });

  it('a stock’s 7 days come from Yahoo, never from its stored line', async () => {
    routes.push(on(host('stocks'), /^\/v8\/finance\/chart\//, json(yahooBody('chart-AAPL.json'))));
    await db.updateQuotes(['stock:AAPL'], () => ({
      assetId: 'stock:AAPL',
      symbol: 'AAPL',
      name: 'Apple Inc.',
      price: {
        source: 'stocks',
        fetchedAt: clock.now(),
        usd: 1,
        change24hPct: null,
        change7dPct: null,
        asOf: null,
      },
      sparkline: {
        source: 'stocks',
        fetchedAt: clock.now(),
        asOf: clock.now(),
        points: [1, 2],
        spanDays: 30,
      },
      fetchedAt: clock.now(),
    }));
    const chart = await service().priceChart('stock:AAPL', '7d');
    expect(chart).toMatchObject({ ok: true, source: 'stocks', fetchedAt: clock.now() });
    expect(asked(host('stocks'))).toHaveLength(1);
  });

  it('at most 100 charts are kept: the 101st starts the memory over', async () => {
    routes.push(on(CG, /\/market_chart$/, chartOf()));
    const svc = service({ maxTokenWaitMs: Number.POSITIVE_INFINITY });
    for (let i = 0; i < 100; i++) await svc.priceChart(`cg:coin-${i}`, '30d');
    await svc.priceChart('cg:coin-0', '30d');
    expect(asked(CG)).toHaveLength(100);
    await svc.priceChart('cg:coin-100', '30d');
    await svc.priceChart('cg:coin-0', '30d');
    expect(asked(CG)).toHaveLength(102);
  });
});

describe('the snapshot', () => {
  it('without one, seeding stores nothing', async () => {
    expect(await service().seedSnapshot()).toBe(0);
    expect(await db.countQuotes()).toBe(0);
  });

  it('fills only what has no quote yet', async () => {
    routes.push(on(CG, pathOf('coingecko', '/coins/markets'), json([row('bitcoin')])));
    const svc = service({ snapshot: bundledSnapshot() });
    await svc.refreshQuotes(['cg:bitcoin']);
    const seeded = await svc.seedSnapshot();
    expect(seeded).toBe(bundledSnapshot().quotes.length - 1);
    expect((await db.getQuote('cg:bitcoin'))?.price.source).toBe('coingecko');
  });
});

describe('the refresh plan', () => {
  it('leaves out what a source held back by a 429 would answer', async () => {
    routes.push(on(CG, pathOf('coingecko', '/coins/markets'), () => json('', 429, { 'retry-after': '600' })));
    routes.push(on(host('llamaCoins'), /^\/prices\/current\//, json({ coins: {} })));
    routes.push(on(host('stocks'), /^\/v8\/finance\/chart\//, json(yahooBody('chart-AAPL.json'))));
    const svc = service();
    await svc.refreshQuotes(['cg:bitcoin']);
    const until = svc.blockedUntil('coingecko');
    expect(until).toBeGreaterThanOrEqual(clock.now() + 600_000);
    const plan = await svc.plan(['cg:bitcoin', 'stock:AAPL'], []);
    expect(plan.quotes).toEqual(['stock:AAPL']);
    // Treasuries come from CoinGecko; the registry's refresh is planned by DefiLlama's.
    expect(plan.treasuries).toBe(false);
    expect(plan.registry).toBe(true);
  });

  it('a stored refresh time that is not a number is no refresh time', async () => {
    await db.setMeta('refresh:treasuries', 'yesterday', clock.now());
    await db.setMeta('refresh:registry', clock.now(), clock.now());
    const plan = await service().plan([], []);
    expect(plan.treasuries).toBe(true);
    expect(plan.registry).toBe(false);
  });

  it('runs every part: prices then share counts, schedules, revenue, treasuries, the registry', async () => {
    routes.push(on(CG, pathOf('coingecko', '/coins/markets'), json([row('bitcoin')])));
    routes.push(on(host('stocks'), /^\/v8\/finance\/chart\//, json(yahooBody('chart-AAPL.json'))));
    routes.push(on(host('llamaApi'), '/protocols', json([])));
    routes.push(on(host('llamaDatasets'), '/emissionsProtocolsList', json([])));
    routes.push(on(CG, /\/companies\/public_treasury\//, json({ companies: [] })));
    routes.push(on(CG, pathOf('coingecko', '/coins/list'), json([])));
    // A proxy: market caps need no cookie opt-in there.
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.sources.stocks.baseUrl = 'http://127.0.0.1:9';
    routes.push(on('127.0.0.1:9', /^\/v8\/finance\/chart\//, json(yahooBody('chart-AAPL.json'))));
    routes.push(on('127.0.0.1:9', '/v1/test/getcrumb', () => new Response('haT3oykhHqZ')));
    routes.push(on('127.0.0.1:9', '/v7/finance/quote', json(yahooBody('quote-AAPL.json'))));
    const svc = service({ settings: () => settings, maxTokenWaitMs: 60_000 });
    await svc.runPlan({
      quotes: ['cg:bitcoin', 'stock:AAPL'],
      unlocks: ['bitcoin'],
      revenue: ['bitcoin'],
      treasuries: true,
      registry: true,
      nextAt: 0,
    });
    expect((await db.getQuote('cg:bitcoin'))?.price.source).toBe('coingecko');
    expect((await db.getQuote('stock:AAPL'))?.market?.marketCapUsd).toBe(3_674_405_863_424);
    expect(await db.getUnlocks('bitcoin')).toMatchObject({ slug: '' });
    expect(await db.getRevenue('bitcoin')).toMatchObject({ slug: '' });
    expect(await db.getMeta('refresh:treasuries', (v) => v)).toBe(clock.now());
    expect(await db.getMeta('refresh:registry', (v) => v)).toBe(clock.now());
  });

  it('a plan with nothing due asks nothing', async () => {
    await service().runPlan({
      quotes: [],
      unlocks: [],
      revenue: [],
      treasuries: false,
      registry: false,
      nextAt: 0,
    });
    expect(script.asked).toEqual([]);
  });
});

describe('what a CoinGecko row becomes, in full', () => {
  it('its market figures as given, the row’s own time, a 7-day line of two points', async () => {
    // HAND-MADE: the recorded bitcoin row with a line of two points.
    const btc: Record<string, unknown> = { ...row('bitcoin'), sparkline_in_7d: { price: [95_000, 96_000] } };
    routes.push(on(CG, pathOf('coingecko', '/coins/markets'), json([btc])));
    await service().refreshQuotes(['cg:bitcoin']);
    const q = await db.getQuote('cg:bitcoin');
    const asOf = Date.parse(String(btc.last_updated));
    expect(q?.market).toEqual({
      source: 'coingecko',
      fetchedAt: clock.now(),
      asOf,
      marketCapUsd: btc.market_cap,
      fdvUsd: btc.fully_diluted_valuation,
      fdvMaxUsd: Number(btc.current_price) * Number(btc.max_supply),
      volume24hUsd: btc.total_volume,
      circulatingSupply: btc.circulating_supply,
      totalSupply: btc.total_supply,
      maxSupply: btc.max_supply,
      rank: 1,
    });
    expect(q?.price.change7dPct).toBe(btc.price_change_percentage_7d_in_currency ?? null);
    expect(q?.sparkline).toEqual({
      source: 'coingecko',
      fetchedAt: clock.now(),
      asOf,
      points: [95_000, 96_000],
      spanDays: 7,
    });
  });

  it('a row with no line at all keeps none', async () => {
    const { sparkline_in_7d: _s, ...btc } = row('bitcoin');
    routes.push(on(CG, pathOf('coingecko', '/coins/markets'), json([btc])));
    await service().refreshQuotes(['cg:bitcoin']);
    expect((await db.getQuote('cg:bitcoin'))?.sparkline).toBeUndefined();
  });

  it(`${LLAMA_PRICES_BATCH} coins CoinGecko cannot answer for are one DefiLlama call, not two`, async () => {
    routes.push(on(CG, pathOf('coingecko', '/coins/markets'), () => status(500)));
    routes.push(on(host('llamaCoins'), /^\/prices\/current\//, json({ coins: {} })));
    const ids = Array.from({ length: LLAMA_PRICES_BATCH }, (_, i) => `cg:coin-${i}`);
    const { results } = await service().refreshQuotes(ids);
    expect(asked(host('llamaCoins'))).toHaveLength(1);
    expect(new Set([...results.values()].map((r) => !r.ok && r.reason))).toEqual(
      new Set(['CoinGecko: HTTP 500; not priced by DefiLlama']),
    );
  });
});

describe('answers that are not asset ids, a failing database, and the refresh a card waits for', () => {
  it('an id no source quotes is said so', async () => {
    const { results } = await service().refreshQuotes(['nonsense', 'ca:ethereum:0x1']);
    expect(results.get('nonsense')).toEqual({
      ok: false,
      reason: 'not a quotable asset id',
      servedStale: false,
    });
    expect(script.asked).toEqual([]);
  });

  it('an operation that asked nothing writes no politeness state', async () => {
    await service().refreshQuotes(['nonsense']);
    expect(await db.getMeta('politeness', (v) => v)).toBeUndefined();
  });

  it('a database that fails mid-refresh: the refresh ends, saying the request was lost', async () => {
    routes.push(on(CG, pathOf('coingecko', '/coins/markets'), json([row('bitcoin')])));
    const svc = service();
    db.updateQuotes = async () => {
      throw new Error('QuotaExceededError');
    };
    const { results } = await svc.refreshQuotes(['cg:bitcoin']);
    expect(results.get('cg:bitcoin')).toEqual({ ok: false, reason: 'request lost', servedStale: true });
  });

  it('a database that fails while share counts are read: the read ends, the market caps as they were', async () => {
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.sources.stocks.baseUrl = 'http://127.0.0.1:9';
    routes.push(on('127.0.0.1:9', /^\/v8\/finance\/chart\//, json(yahooBody('chart-AAPL.json'))));
    routes.push(on('127.0.0.1:9', '/v1/test/getcrumb', () => new Response('haT3oykhHqZ')));
    routes.push(on('127.0.0.1:9', '/v7/finance/quote', json(yahooBody('quote-AAPL.json'))));
    const svc = service({ settings: () => settings });
    await svc.refreshQuotes(['stock:AAPL']);
    const before = await db.getQuote('stock:AAPL');
    db.updateQuotes = async () => {
      throw new Error('QuotaExceededError');
    };
    await svc.refreshStockMarkets(['stock:AAPL']);
    expect(await db.getQuote('stock:AAPL')).toEqual(before);
  });

  it('a card waits for the latest refresh of its asset, even after an earlier one ended', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    routes.push((url) => {
      if (url.host !== CG || url.pathname !== pathOf('coingecko', '/coins/markets')) return undefined;
      const ids = url.searchParams.get('ids') ?? '';
      if (ids !== 'ethereum') return json([row('bitcoin')]);
      return async () => {
        await held;
        return json([row('ethereum')]);
      };
    });
    const svc = service();
    const first = svc.refreshQuotes(['cg:bitcoin']);
    // Asked once the first batch went out: bitcoin joins it, ethereum waits in a batch of its own.
    while (!script.asked.length) await new Promise((r) => setTimeout(r, 1));
    const second = svc.refreshQuotes(['cg:bitcoin', 'cg:ethereum']);
    await first;
    expect(svc.quoteRefreshOf('cg:bitcoin')).toBeDefined();
    release();
    await second;
    expect(svc.quoteRefreshOf('cg:bitcoin')).toBeUndefined();
  });
});
