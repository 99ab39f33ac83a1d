/**
 * The data service when a source answers badly: DefiLlama's price when CoinGecko fails or leaves a
 * coin out, contract prices by platform, the daily registry refresh, and unlock schedules that are
 * missing, broken or another coin's. Driven through the service's injected `fetch`, so each test
 * says exactly what each source answers.
 *
 * The answers are the recorded ones (CoinGecko's top 250 of 2025-02-09, DefiLlama's documented
 * prices example, the recorded Hyperliquid emissions file and /protocols answer) or, where a test
 * needs a case no recording has, HAND-MADE copies of them with one field changed, said where they are.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { TickerlensDb } from '../../../utils/db';
import type { QuoteRecord } from '../../../utils/db/records';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import { LLAMA_PRICES_BATCH } from '../../../utils/sources/llama-coins';
import type { DataServiceOptions, RegistryLists } from '../../../utils/sources/service';
import { loadCoingeckoRecordings } from '../../support/api-server';
import {
  host,
  json,
  on,
  pathOf,
  type Reply,
  type Route,
  scriptedFetch,
  scriptedService,
  status,
} from '../../support/scripted-fetch';
import { fixtureJson, fixtureText, testClock, top250 } from '../../support/sources-server';

let db: TickerlensDb;
let clock: ReturnType<typeof testClock>;
let script: ReturnType<typeof scriptedFetch>;
let routes: Route[];
let asked: string[];

beforeEach(() => {
  db = new TickerlensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  clock = testClock('2025-02-09T18:00:00Z');
  script = scriptedFetch();
  routes = script.routes;
  asked = script.asked;
});

const CG = new URL(DEFAULT_SETTINGS.sources.coingecko.baseUrl);
const cgPath = (p: string) => pathOf('coingecko', p);

function service(extra: Partial<DataServiceOptions> = {}) {
  return scriptedService(db, clock, script, extra);
}

const rows = top250();
const row = (id: string) => {
  const r = rows.find((x) => x.id === id);
  if (!r) throw new Error(`${id} not in the recorded top 250`);
  return r;
};
/** DefiLlama's coins answer shape (its documented example, prices-current.json), for these keys. */
const llamaPrices = (coins: Record<string, { price: number; symbol?: string; timestamp?: number }>) => ({
  coins: Object.fromEntries(
    Object.entries(coins).map(([k, v]) => [k, { confidence: 0.99, decimals: 18, ...v }]),
  ),
});
/** DefiLlama coins requests, their `chain:address` keys decoded. */
const llamaAsked = () => asked.filter((u) => u.startsWith(host('llamaCoins'))).map(decodeURIComponent);

describe('DefiLlama’s price when CoinGecko fails', () => {
  it('a 429 from CoinGecko: DefiLlama’s price, no change figures, supply kept but stale with the reason', async () => {
    routes.push(on(CG.host, cgPath('/coins/markets'), json([row('bitcoin')])));
    const svc = service();
    await svc.refreshQuotes(['cg:bitcoin']);
    clock.advance(60_000);

    routes.length = 0;
    routes.push(on(CG.host, cgPath('/coins/markets'), () => status(429)));
    routes.push(
      on(
        host('llamaCoins'),
        /^\/prices\/current\//,
        json(
          llamaPrices({ 'coingecko:bitcoin': { price: 97_000, symbol: 'BTC', timestamp: 1_739_123_000 } }),
        ),
      ),
    );
    const { results } = await svc.refreshQuotes(['cg:bitcoin']);
    expect(results.get('cg:bitcoin')).toEqual({ ok: true, source: 'llamaCoins' });
    expect(llamaAsked()).toEqual([`${host('llamaCoins')}/prices/current/coingecko:bitcoin`]);
    const stored = await db.getQuote('cg:bitcoin');
    expect(stored?.price).toEqual({
      source: 'llamaCoins',
      fetchedAt: clock.now(),
      usd: 97_000,
      change24hPct: null,
      change7dPct: null,
      asOf: 1_739_123_000_000,
    });
    expect(stored?.market).toMatchObject({
      source: 'coingecko',
      circulatingSupply: 19_822_040,
      stale: true,
      error: 'CoinGecko: rate limited (429)',
    });
  });

  it('both down: the stored record stays, stale with both reasons; a coin never stored is said not served', async () => {
    routes.push(on(CG.host, cgPath('/coins/markets'), json([row('bitcoin')])));
    const svc = service();
    await svc.refreshQuotes(['cg:bitcoin']);

    routes.length = 0;
    routes.push(on(CG.host, cgPath('/coins/markets'), () => status(500)));
    routes.push(on(host('llamaCoins'), /^\/prices\/current\//, () => status(502)));
    clock.advance(60_000);
    const { results } = await svc.refreshQuotes(['cg:bitcoin', 'cg:ethereum']);
    const reason = 'CoinGecko: HTTP 500; DefiLlama: HTTP 502';
    expect(results.get('cg:bitcoin')).toEqual({ ok: false, reason, servedStale: true });
    expect(results.get('cg:ethereum')).toEqual({ ok: false, reason, servedStale: false });
    const stored = await db.getQuote('cg:bitcoin');
    expect(stored?.price).toMatchObject({ usd: 96114.08481738689, stale: true, error: reason });
    expect(stored?.market).toMatchObject({ stale: true, error: reason });
    expect(await db.getQuote('cg:ethereum')).toBeUndefined();
  });

  it('a coin CoinGecko leaves out and DefiLlama does not price: said so, the old record stale', async () => {
    routes.push(on(CG.host, cgPath('/coins/markets'), json([row('bitcoin'), row('ethereum')])));
    const svc = service();
    await svc.refreshQuotes(['cg:bitcoin', 'cg:ethereum']);

    routes.length = 0;
    routes.push(on(CG.host, cgPath('/coins/markets'), json([row('bitcoin')])));
    routes.push(on(host('llamaCoins'), /^\/prices\/current\//, json(llamaPrices({}))));
    const { results } = await svc.refreshQuotes(['cg:bitcoin', 'cg:ethereum']);
    expect(results.get('cg:bitcoin')).toEqual({ ok: true, source: 'coingecko' });
    expect(results.get('cg:ethereum')).toEqual({
      ok: false,
      reason: 'CoinGecko: not in the answer; not priced by DefiLlama',
      servedStale: true,
    });
    // Only the missing coin goes to DefiLlama.
    expect(llamaAsked()).toEqual([`${host('llamaCoins')}/prices/current/coingecko:ethereum`]);
    expect((await db.getQuote('cg:ethereum'))?.price).toMatchObject({
      stale: true,
      error: 'CoinGecko: not in the answer',
    });
  });

  it('a row without a price is no price: DefiLlama’s seeds a new record named by its symbol', async () => {
    // HAND-MADE: the recorded bitcoin row with `current_price: null`, as CoinGecko sends for a coin
    // it has no trades for.
    routes.push(on(CG.host, cgPath('/coins/markets'), json([{ ...row('bitcoin'), current_price: null }])));
    routes.push(
      on(
        host('llamaCoins'),
        /^\/prices\/current\//,
        json(llamaPrices({ 'coingecko:bitcoin': { price: 95_000, symbol: 'btc' } })),
      ),
    );
    const { results } = await service().refreshQuotes(['cg:bitcoin']);
    expect(results.get('cg:bitcoin')).toEqual({ ok: true, source: 'llamaCoins' });
    const stored = await db.getQuote('cg:bitcoin');
    expect(stored).toMatchObject({ assetId: 'cg:bitcoin', symbol: 'BTC', name: 'btc' });
    expect(stored?.price).toMatchObject({ usd: 95_000, asOf: null, source: 'llamaCoins' });
    expect(stored?.market).toBeUndefined();
  });

  it('an answer of rows that all fail their checks is a misshaped answer, and DefiLlama is asked', async () => {
    // HAND-MADE: the recorded row with its name as a number, which parseMarkets rejects.
    routes.push(on(CG.host, cgPath('/coins/markets'), json([{ ...row('bitcoin'), name: 42 }])));
    routes.push(on(host('llamaCoins'), /^\/prices\/current\//, json(llamaPrices({}))));
    const { results } = await service().refreshQuotes(['cg:bitcoin']);
    const r = results.get('cg:bitcoin');
    expect(r?.ok).toBe(false);
    expect(!r?.ok && r?.reason).toMatch(
      /^CoinGecko: unexpected answer shape \(.+\); not priced by DefiLlama$/,
    );
    expect(llamaAsked()).toHaveLength(1);
  });

  it(`asks DefiLlama for at most ${LLAMA_PRICES_BATCH} coins a call`, async () => {
    routes.push(on(CG.host, cgPath('/coins/markets'), json([])));
    routes.push(on(host('llamaCoins'), /^\/prices\/current\//, json(llamaPrices({}))));
    const ids = rows.slice(0, LLAMA_PRICES_BATCH + 1).map((r) => `cg:${r.id}`);
    await service().refreshQuotes(ids);
    const calls = llamaAsked().map(
      (u) => decodeURIComponent(u).split('/prices/current/')[1]?.split(',').length,
    );
    expect(calls.reduce((a = 0, n = 0) => a + n, 0)).toBe(LLAMA_PRICES_BATCH + 1);
    expect(calls.every((n = 0) => n <= LLAMA_PRICES_BATCH)).toBe(true);
  });
});

describe('what a CoinGecko row becomes', () => {
  it('the upper-cased symbol, the change in currency, FDV at max supply, its peak and its own time', async () => {
    routes.push(on(CG.host, cgPath('/coins/markets'), json([row('bitcoin')])));
    await service().refreshQuotes(['cg:bitcoin']);
    const q = (await db.getQuote('cg:bitcoin')) as QuoteRecord;
    expect(q.symbol).toBe('BTC');
    expect(q.price).toMatchObject({
      change24hPct: -0.150588130572198,
      high24h: 97317,
      low24h: 95867,
      asOf: Date.parse('2025-02-09T17:44:04.143Z'),
      peak: { usd: 108786, changePct: -11.71842, date: Date.parse('2025-01-20T09:11:54.494Z'), basis: 'ath' },
    });
    expect(q.market).toMatchObject({
      fdvUsd: 1903747771956,
      fdvMaxUsd: 96114.08481738689 * 21_000_000,
      maxSupply: 21_000_000,
      rank: 1,
    });
  });

  it('no peak without its distance, no FDV at max without a max, no time from a bad date, a short line kept from before', async () => {
    // HAND-MADE from the recorded row: a 7-day line first, then a row without peak distance,
    // max supply, a readable time or a line.
    const first = {
      ...row('bitcoin'),
      sparkline_in_7d: { price: [1, 2, 3] },
    };
    routes.push(on(CG.host, cgPath('/coins/markets'), json([first])));
    const svc = service();
    await svc.refreshQuotes(['cg:bitcoin']);
    const line = (await db.getQuote('cg:bitcoin'))?.sparkline;
    expect(line).toMatchObject({ points: [1, 2, 3], spanDays: 7 });

    routes.length = 0;
    const second = {
      ...row('bitcoin'),
      ath_change_percentage: null,
      max_supply: null,
      last_updated: 'yesterday',
      price_change_percentage_24h_in_currency: null,
      sparkline_in_7d: { price: [4] },
    };
    routes.push(on(CG.host, cgPath('/coins/markets'), json([second])));
    clock.advance(60_000);
    await svc.refreshQuotes(['cg:bitcoin']);
    const q = (await db.getQuote('cg:bitcoin')) as QuoteRecord;
    expect(q.price).toMatchObject({ peak: null, asOf: null, change24hPct: -0.15059 });
    expect(q.market).toMatchObject({ fdvMaxUsd: null, maxSupply: null, asOf: null });
    expect(q.sparkline).toEqual(line);
  });
  it('a 7-day line of hourly points is thinned to 84, its gaps dropped, its last point kept', async () => {
    // HAND-MADE: the recorded row with CoinGecko's hourly 7-day line (168 points), one of them null.
    const hourly: Array<number | null> = Array.from({ length: 168 }, (_, i) => 1000 + i);
    hourly[10] = null;
    routes.push(
      on(
        CG.host,
        cgPath('/coins/markets'),
        json([{ ...row('bitcoin'), sparkline_in_7d: { price: hourly } }]),
      ),
    );
    await service().refreshQuotes(['cg:bitcoin']);
    const line = (await db.getQuote('cg:bitcoin'))?.sparkline;
    expect(line?.points).toHaveLength(84);
    expect(line?.points[0]).toBe(1000);
    expect(line?.points.at(-1)).toBe(1167);
    expect(line?.points).not.toContain(null);
    expect(line).toMatchObject({
      source: 'coingecko',
      spanDays: 7,
      asOf: Date.parse('2025-02-09T17:44:04.143Z'),
    });
  });
});

describe('contract prices', () => {
  const A = '0x1111111111111111111111111111111111111111';
  const B = '0x2222222222222222222222222222222222222222';

  it('asks once per address whatever its letter case; CoinGecko first, DefiLlama for the rest', async () => {
    routes.push(
      on(
        CG.host,
        cgPath('/simple/token_price/ethereum'),
        json({ [A]: { usd: 1.5, usd_24h_change: -2, last_updated_at: 1_739_120_000 }, [B]: { usd: null } }),
      ),
    );
    routes.push(
      on(
        host('llamaCoins'),
        /^\/prices\/current\//,
        json(
          llamaPrices({
            [`ethereum:${B.toUpperCase().replace('0X', '0x')}`]: { price: 3, timestamp: 1_739_000_000 },
          }),
        ),
      ),
    );
    const { results } = await service().refreshContractPrices('ethereum', [
      A,
      A.toUpperCase().replace('0X', '0x'),
      B,
    ]);
    expect([...results.keys()]).toEqual([`ca:ethereum:${A}`, `ca:ethereum:${B}`]);
    expect(results.get(`ca:ethereum:${A}`)).toEqual({ ok: true, source: 'coingecko' });
    expect(results.get(`ca:ethereum:${B}`)).toEqual({ ok: true, source: 'llamaCoins' });
    expect(llamaAsked()).toEqual([`${host('llamaCoins')}/prices/current/ethereum:${B}`]);
    expect((await db.getQuote(`ca:ethereum:${A}`))?.price).toEqual({
      source: 'coingecko',
      fetchedAt: clock.now(),
      usd: 1.5,
      change24hPct: -2,
      change7dPct: null,
      asOf: 1_739_120_000_000,
    });
    expect((await db.getQuote(`ca:ethereum:${B}`))?.price).toMatchObject({
      source: 'llamaCoins',
      usd: 3,
      change24hPct: null,
      asOf: 1_739_000_000_000,
    });
  });

  it('neither source prices it: the reasons of both, the stored price stale', async () => {
    routes.push(on(CG.host, cgPath('/simple/token_price/ethereum'), json({ [A]: { usd: 2 } })));
    const svc = service();
    await svc.refreshContractPrices('ethereum', [A]);

    routes.length = 0;
    routes.push(on(CG.host, cgPath('/simple/token_price/ethereum'), () => status(429)));
    routes.push(on(host('llamaCoins'), /^\/prices\/current\//, () => status(500)));
    const { results } = await svc.refreshContractPrices('ethereum', [A, B]);
    const reason = 'CoinGecko: rate limited (429); DefiLlama: HTTP 500';
    expect(results.get(`ca:ethereum:${A}`)).toEqual({ ok: false, reason, servedStale: true });
    expect(results.get(`ca:ethereum:${B}`)).toEqual({ ok: false, reason, servedStale: false });
    expect((await db.getQuote(`ca:ethereum:${A}`))?.price).toMatchObject({
      usd: 2,
      stale: true,
      error: reason,
    });
  });

  it('an answer without a price for it says "no price", and asks DefiLlama on the chain DefiLlama names', async () => {
    routes.push(on(CG.host, cgPath('/simple/token_price/binance-smart-chain'), json({})));
    routes.push(on(host('llamaCoins'), /^\/prices\/current\//, json(llamaPrices({}))));
    const { results } = await service().refreshContractPrices('binance-smart-chain', [A]);
    expect(results.get(`ca:binance-smart-chain:${A}`)).toEqual({
      ok: false,
      reason: 'CoinGecko: no price',
      servedStale: false,
    });
    expect(llamaAsked()).toEqual([`${host('llamaCoins')}/prices/current/bsc:${A}`]);
  });
});

describe('registry refresh', () => {
  const coinsList = [
    { id: 'bitcoin', symbol: 'btc', name: 'Bitcoin', platforms: {} },
    {
      id: 'weth',
      symbol: 'weth',
      name: 'WETH',
      platforms: { ethereum: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2' },
    },
  ];
  /** HAND-MADE rank pages in the shape of the recorded markets rows (id, rank, cap). */
  const page = (n: number) =>
    n === 1
      ? [
          { id: 'bitcoin', market_cap_rank: 1, market_cap: 1.9e12 },
          { id: 'weth', market_cap_rank: null, market_cap: 0 },
        ]
      : n === 2
        ? [{ id: 'bitcoin', market_cap_rank: 7, market_cap: 5 }]
        : [];

  function registryRoutes(over: { list?: Reply; page2?: Reply; protocols?: Reply } = {}) {
    routes.push(on(CG.host, cgPath('/coins/list'), over.list ?? json(coinsList)));
    routes.push((url) => {
      if (url.host !== CG.host || url.pathname !== cgPath('/coins/markets')) return undefined;
      const n = Number(url.searchParams.get('page'));
      return n === 2 && over.page2 ? over.page2 : json(page(n));
    });
    routes.push(
      on(host('llamaApi'), '/protocols', over.protocols ?? json(fixtureJson('defillama', 'protocols.json'))),
    );
  }

  it('hands over the list, the first rank and positive cap of each coin, and the X handles', async () => {
    registryRoutes();
    let lists: RegistryLists | undefined;
    const r = await service({
      onRegistryLists: async (l) => {
        lists = l;
      },
    }).refreshRegistry();
    expect(r).toEqual({ ok: true });
    expect(lists?.coins.map((c) => c.id)).toEqual(['bitcoin', 'weth']);
    expect([...(lists?.ranks ?? [])]).toEqual([['bitcoin', 1]]);
    expect([...(lists?.caps ?? [])]).toEqual([['bitcoin', 1.9e12]]);
    expect(lists?.handles).toBeDefined();
    expect(lists?.fetchedAt).toBe(clock.now());
    expect(await db.getMeta('refresh:registry', (v) => (typeof v === 'number' ? v : undefined))).toBe(
      clock.now(),
    );
  });

  it('a rank page that fails keeps the registry as it was, and says which', async () => {
    registryRoutes({ page2: () => status(429) });
    let called = false;
    const r = await service({
      onRegistryLists: async () => {
        called = true;
      },
    }).refreshRegistry();
    expect(r).toEqual({ ok: false, reason: 'ranks: rate limited (429)' });
    expect(called).toBe(false);
  });

  it('without DefiLlama’s protocols the lists still go over, and the refresh says what was missing', async () => {
    registryRoutes({ protocols: () => status(503) });
    let lists: RegistryLists | undefined;
    const r = await service({
      onRegistryLists: async (l) => {
        lists = l;
      },
    }).refreshRegistry();
    expect(r).toEqual({ ok: false, reason: 'DefiLlama /protocols unavailable' });
    expect(lists?.coins).toHaveLength(2);
    expect(lists && 'handles' in lists).toBe(false);
  });

  it('a broken coin list is named first, before a failed page', async () => {
    registryRoutes({ list: json('{"id":'), page2: () => status(500) });
    const r = await service().refreshRegistry();
    expect(r).toEqual({ ok: false, reason: 'coin list: malformed JSON' });
  });
});

describe('unlock schedules', () => {
  const datasets = host('llamaDatasets');
  const emission = () =>
    JSON.parse(fixtureText('defillama', 'emission-hyperliquid.object.json')) as {
      body: { metadata: Record<string, unknown> };
      lastModified?: string;
    };

  function unlockRoutes(over: { list?: Reply; file?: Reply; protocols?: Reply } = {}) {
    routes.push(on(datasets, '/emissionsProtocolsList', over.list ?? json(['hyperliquid', 'arbitrum'])));
    routes.push(on(datasets, '/emissions/hyperliquid', over.file ?? json(emission())));
    routes.push(
      on(host('llamaApi'), '/protocols', over.protocols ?? json(fixtureJson('defillama', 'protocols.json'))),
    );
  }

  it('stores the recorded schedule with its file’s time, allocation and sources', async () => {
    unlockRoutes();
    clock.set('2024-11-01T00:00:00Z');
    expect(await service().refreshUnlocks('hyperliquid')).toEqual({ ok: true });
    const rec = await db.getUnlocks('hyperliquid');
    const file = emission();
    expect(rec).toMatchObject({
      slug: 'hyperliquid',
      shape: 2,
      source: 'llamaDatasets',
      fetchedAt: clock.now(),
    });
    expect(rec?.asOf).toBe(file.lastModified ? Date.parse(file.lastModified) : null);
    expect(rec?.events.length).toBeGreaterThan(0);
  });

  it('a coin the list does not name is a fact (an empty schedule), asked of no file', async () => {
    unlockRoutes();
    expect(await service().refreshUnlocks('bitcoin')).toEqual({ ok: true });
    expect(await db.getUnlocks('bitcoin')).toMatchObject({ slug: '', events: [], sections: [] });
    expect(asked.some((u) => u.includes('/emissions/'))).toBe(false);
  });

  it('without the list, the coin’s own id is tried; a 404 then is a failure with its reason', async () => {
    unlockRoutes({ list: () => status(500), file: () => status(404) });
    const r = await service().refreshUnlocks('hyperliquid');
    expect(r).toEqual({ ok: false, reason: 'DefiLlama emissions: HTTP 404' });
    expect(asked.filter((u) => u.includes('/emissions/'))).toEqual([`${datasets}/emissions/hyperliquid`]);
  });

  it('a file that is another coin’s schedule is refused, and the stored one kept, stale', async () => {
    unlockRoutes();
    clock.set('2024-11-01T00:00:00Z');
    const svc = service();
    await svc.refreshUnlocks('hyperliquid');
    const before = await db.getUnlocks('hyperliquid');

    routes.length = 0;
    // HAND-MADE: the recorded file with another coin's gecko_id in its metadata.
    const other = emission();
    other.body.metadata.gecko_id = 'arbitrum';
    unlockRoutes({ file: json(other) });
    clock.advance(25 * 3_600_000);
    const r = await svc.refreshUnlocks('hyperliquid');
    expect(r).toEqual({
      ok: false,
      reason: 'DefiLlama emissions: hyperliquid is the schedule of arbitrum',
    });
    const after = await db.getUnlocks('hyperliquid');
    expect(after?.events).toEqual(before?.events);
    expect(after).toMatchObject({ stale: true, error: r.ok ? '' : r.reason });
  });

  it('a body that is not a schedule is a failure with the shape it had', async () => {
    unlockRoutes({ file: json({ body: { documentedData: { data: 'none' } } }) });
    const r = await service().refreshUnlocks('hyperliquid');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^DefiLlama emissions: unexpected answer shape/);
  });
});

describe('facts of an unlisted contract', () => {
  const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
  const recordedDetail = () => {
    const r = loadCoingeckoRecordings().find((x) => x.path === '/api/v3/coins/ethereum/contract/123');
    if (!r) throw new Error('no recorded contract detail');
    return JSON.parse(r.body) as Record<string, unknown>;
  };

  it('DefiLlama without a price: CoinGecko’s, dated by its market data, on the platform asked', async () => {
    routes.push(on(host('llamaCoins'), /^\/prices\/current\//, json(llamaPrices({}))));
    routes.push(on(CG.host, /\/coins\/ethereum\/contract\//, json(recordedDetail())));
    routes.push(on(host('goplus'), /token_security/, () => status(500)));
    const f = await service().contractFacts('evm', USDC);
    expect(f?.price).toEqual({
      usd: 1.003,
      source: 'coingecko',
      asOf: Date.parse('2024-04-07T16:35:22.339Z'),
    });
    expect(f?.pricedOn).toBe('ethereum');
    expect(f?.coingecko).toEqual({ id: 'usd-coin', name: 'USDC', symbol: 'USDC' });
    expect(f?.errors[0]).toBe('DefiLlama: no price for this contract');
    expect(f?.errors.some((e) => e.startsWith('GoPlus'))).toBe(true);
  });

  it('DefiLlama’s price wins over CoinGecko’s, and its symbol is what the token calls itself', async () => {
    routes.push(
      on(
        host('llamaCoins'),
        /^\/prices\/current\//,
        json(llamaPrices({ [`base:${USDC}`]: { price: 0.999, symbol: 'USDC', timestamp: 1_700_000_000 } })),
      ),
    );
    routes.push(on(CG.host, /\/contract\//, json(recordedDetail())));
    const f = await service().contractFacts('evm', USDC);
    expect(f?.price).toEqual({ usd: 0.999, source: 'llamaCoins', asOf: 1_700_000_000_000 });
    expect(f?.pricedOn).toBe('base');
    // CoinGecko is asked on the platform DefiLlama priced it on.
    expect(asked.find((u) => u.includes('/contract/'))).toContain('/coins/base/contract/');
    expect(f?.calls).toEqual({ symbol: 'USDC' });
  });

  it('kept for exactly ten minutes; a Solana mint is a different key in another letter case', async () => {
    const mint = 'JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN';
    routes.push(on(host('llamaCoins'), /^\/prices\/current\//, json(llamaPrices({}))));
    const svc = service();
    await svc.contractFacts('solana', mint);
    expect(llamaAsked()).toEqual([`${host('llamaCoins')}/prices/current/solana:${mint}`]);
    clock.advance(10 * 60_000 - 1);
    await svc.contractFacts('solana', mint);
    expect(llamaAsked()).toHaveLength(1);
    await svc.contractFacts('solana', mint.toLowerCase().replace(/l/g, 'L'));
    expect(llamaAsked()).toHaveLength(2);
    clock.advance(1);
    await svc.contractFacts('solana', mint);
    expect(llamaAsked()).toHaveLength(3);
  });
});
