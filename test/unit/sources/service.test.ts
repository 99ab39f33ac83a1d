import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TickerlensDb } from '../../../utils/db';
import type { Settings } from '../../../utils/settings';
import { createDataService, type DataServiceOptions } from '../../../utils/sources/service';
import { bundledSnapshot } from '../../../utils/sources/snapshot';
import {
  FAULTS,
  type Fault,
  fixtureJson,
  type SourcesServer,
  startSourcesServer,
  testClock,
} from '../../support/sources-server';

let server: SourcesServer;
beforeAll(async () => {
  server = await startSourcesServer();
});
afterAll(() => server.stop());

let db: TickerlensDb;
let clock: ReturnType<typeof testClock>;
beforeEach(() => {
  server.clearLog();
  for (const s of ['coingecko', 'llamaCoins', 'llamaApi', 'llamaDatasets', 'goplus', 'stocks'] as const)
    server.fault(s, null);
  server.emissionForm('object');
  db = new TickerlensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  clock = testClock('2024-11-01T00:00:00Z');
});

function service(extra: Partial<DataServiceOptions> = {}, settings: Settings = server.settings) {
  return createDataService({
    db,
    settings: () => settings,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0,
    // Real time: long enough for a loaded machine (CI runs both test projects at once) to serve
    // every answer, big ones included; the tests of timeouts shorten it (TIMEOUT_MS).
    timeoutMs: 10_000,
    batchWindowMs: 5,
    snapshot: bundledSnapshot(),
    ...extra,
  });
}

/** The request timeout of the tests that wait for one to fire (faults `timeout` and `trickle`). */
const TIMEOUT_MS = 300;
const timesOut = (fault: Fault) => fault === 'timeout' || fault === 'trickle';

const EXPECTED_REASON: Record<Fault, RegExp> = {
  'rate-limit': /rate limited \(429\)/,
  'server-error': /HTTP 500/,
  timeout: /timed out/,
  malformed: /malformed JSON/,
  'wrong-shape': /unexpected answer shape/,
  huge: /too large/,
  trickle: /timed out/,
};

describe('quotes', () => {
  it('refreshes coins in one batch and stocks per symbol, and builds cards from Dexie only', async () => {
    const svc = service();
    const { results } = await svc.refreshQuotes([
      'cg:bitcoin',
      'cg:ethereum',
      'cg:hyperliquid',
      'stock:AAPL',
    ]);
    expect([...results.values()].every((r) => r.ok)).toBe(true);
    expect(server.requests('coingecko')).toHaveLength(1);
    expect(server.requests('coingecko')[0]).toContain('ids=bitcoin,ethereum,hyperliquid');
    expect(server.requests('stocks')).toEqual(['/v8/finance/chart/AAPL?range=1mo&interval=1d']);

    server.clearLog();
    clock.advance(30_000);
    const card = await svc.getCard('cg:bitcoin');
    expect(server.api.log).toHaveLength(0); // never the network
    expect(card?.price).toMatchObject({
      source: 'coingecko',
      ageMs: 30_000,
      stale: false,
      value: { usd: 96114.08481738689 },
    });
    expect(card?.supply?.value).toMatchObject({ circulating: 19822040, max: 21000000, rank: 1 });
    const aapl = await svc.getCard('stock:AAPL');
    expect(aapl?.price).toMatchObject({ source: 'stocks', value: { usd: 220.003, change24hPct: null } });
    expect(await svc.getCard('cg:never-seen')).toBeNull();
  });

  it('marks a price stale when the source itself last updated it long ago, and says when', async () => {
    // In the recorded top 250 (2025-02-09), CoinGecko last updated resolv-wstusr on 2025-01-28.
    clock.set('2025-02-09T18:00:00Z');
    const svc = service();
    await svc.refreshQuotes(['cg:bitcoin', 'cg:resolv-wstusr']);
    const old = await svc.getCard('cg:resolv-wstusr');
    expect(old?.price).toMatchObject({
      ageMs: 0,
      asOf: Date.parse('2025-01-28T14:07:13.341Z'),
      sourceOld: true,
      stale: true,
      staleReason: 'source time older than 1 h',
    });
    // Supply may be a day old at the source; twelve days is too old for it too.
    expect(old?.supply).toMatchObject({ sourceOld: true, staleReason: 'source time older than 1 d' });
    const btc = await svc.getCard('cg:bitcoin');
    expect(btc?.price).toMatchObject({ asOf: Date.parse('2025-02-09T17:44:04.143Z'), stale: false });
  });

  it('reads a stock’s share count once a day, and gives its market cap at every new price', async () => {
    const svc = service();
    await svc.refreshQuotes(['stock:AAPL']);
    server.clearLog();
    await svc.refreshStockMarkets(['stock:AAPL', 'cg:bitcoin', 'stock:NEVERPRICED']);
    // One quote call for the priced stocks, with the crumb Yahoo ties to its session cookie.
    expect(server.requests('stocks')).toEqual([
      '/v1/test/getcrumb',
      '/v7/finance/quote?symbols=AAPL&crumb=haT3oykhHqZ',
    ]);
    // Yahoo's recorded quote: market cap 3,674,405,863,424 USD at 244.60.
    expect((await svc.getCard('stock:AAPL'))?.supply).toMatchObject({
      source: 'stocks',
      stale: false,
      value: { marketCapUsd: 3674405863424, fdvUsd: null, circulating: null, rank: null },
    });
    // The next price (the recorded chart: 220.003) carries the market cap with it; no quote call.
    server.clearLog();
    clock.advance(15 * 60_000);
    await svc.refreshQuotes(['stock:AAPL']);
    await svc.refreshStockMarkets(['stock:AAPL']);
    expect(server.requests('stocks')).toEqual(['/v8/finance/chart/AAPL?range=1mo&interval=1d']);
    const later = await svc.getCard('stock:AAPL');
    expect(later?.supply).toMatchObject({ stale: false, ageMs: 0 });
    expect(later?.supply?.value.marketCapUsd).toBeCloseTo((220.003 * 3674405863424) / 244.6, 0);
    // A day on, the share count is read again.
    server.clearLog();
    clock.advance(24 * 3_600_000);
    await svc.refreshStockMarkets(['stock:AAPL']);
    expect(server.requests('stocks')).toEqual(['/v7/finance/quote?symbols=AAPL&crumb=haT3oykhHqZ']);
  });

  it('coalesces the same asset and batches asks made together into one request', async () => {
    const svc = service();
    await Promise.all([
      svc.refreshQuotes(['cg:bitcoin', 'cg:ethereum']),
      svc.refreshQuotes(['cg:ethereum', 'cg:solana']),
      svc.refreshQuotes(['cg:bitcoin']),
      svc.refreshQuotes(['stock:AAPL']),
      svc.refreshQuotes(['stock:AAPL']),
    ]);
    expect(server.requests('coingecko')).toHaveLength(1);
    expect(server.requests('coingecko')[0]).toContain('ids=bitcoin,ethereum,solana');
    expect(server.requests('stocks')).toHaveLength(1);
  });

  it('tells a card which refresh is going for its asset', async () => {
    const svc = service();
    const run = svc.refreshQuotes(['cg:bitcoin', 'stock:AAPL']);
    expect(svc.quoteRefreshOf('stock:AAPL')).toBeDefined();
    expect(svc.quoteRefreshOf('cg:bitcoin')).toBeDefined();
    expect(svc.quoteRefreshOf('cg:ethereum')).toBeUndefined();
    await svc.quoteRefreshOf('stock:AAPL');
    expect((await svc.getCard('stock:AAPL'))?.price?.value.usd).toBe(220.003);
    await run;
    expect(svc.quoteRefreshOf('stock:AAPL')).toBeUndefined();
  });

  it('prices a stock without its market cap when Yahoo gives no crumb, and asks again later', async () => {
    server.crumb(false);
    try {
      const svc = service();
      await svc.refreshQuotes(['stock:AAPL']);
      server.clearLog();
      await svc.refreshStockMarkets(['stock:AAPL']);
      expect(server.requests('stocks')).toEqual(['/v1/test/getcrumb']);
      const card = await svc.getCard('stock:AAPL');
      expect(card?.price?.value.usd).toBe(220.003);
      expect(card?.supply).toBeUndefined();
      // A refused crumb is not the source failing: no backoff for the chart, and no new crumb ask
      // for half an hour.
      expect(svc.breakerStatus('stocks')).toBe('closed');
      server.clearLog();
      clock.advance(5 * 60_000);
      expect((await svc.refreshQuotes(['stock:AAPL'])).results.get('stock:AAPL')?.ok).toBe(true);
      await svc.refreshStockMarkets(['stock:AAPL']);
      expect(server.requests('stocks')).toEqual(['/v8/finance/chart/AAPL?range=1mo&interval=1d']);
      server.crumb(true);
      server.clearLog();
      clock.advance(30 * 60_000);
      await svc.refreshStockMarkets(['stock:AAPL']);
      expect(server.requests('stocks')).toEqual([
        '/v1/test/getcrumb',
        '/v7/finance/quote?symbols=AAPL&crumb=haT3oykhHqZ',
      ]);
      expect((await svc.getCard('stock:AAPL'))?.supply?.value.marketCapUsd).toBe(3674405863424);
    } finally {
      server.crumb(true);
    }
  });

  it('asks for a new crumb once when the quote endpoint refuses the one it has', async () => {
    const svc = service();
    await svc.refreshQuotes(['stock:AAPL']);
    await svc.refreshStockMarkets(['stock:AAPL']);
    server.clearLog();
    server.quote('expire-once');
    clock.advance(25 * 3_600_000);
    await svc.refreshStockMarkets(['stock:AAPL']);
    expect(server.requests('stocks')).toEqual([
      '/v7/finance/quote?symbols=AAPL&crumb=haT3oykhHqZ',
      '/v1/test/getcrumb',
      '/v7/finance/quote?symbols=AAPL&crumb=haT3oykhHqZ',
    ]);
    expect((await svc.getCard('stock:AAPL'))?.supply).toMatchObject({ stale: false, ageMs: 0 });
  });

  it('keeps the last market cap, marked stale, when the quote call fails', async () => {
    const svc = service();
    await svc.refreshQuotes(['stock:AAPL']);
    await svc.refreshStockMarkets(['stock:AAPL']);
    clock.advance(25 * 3_600_000);
    // The share count is due again; the quote endpoint's answer breaks off.
    server.quote('malformed');
    try {
      await svc.refreshStockMarkets(['stock:AAPL']);
    } finally {
      server.quote('ok');
    }
    const card = await svc.getCard('stock:AAPL');
    expect(card?.supply).toMatchObject({ stale: true, value: { marketCapUsd: 3674405863424 } });
    expect(card?.supply?.staleReason).toMatch(/quote: malformed JSON/);
  });

  it('reports an id CoinGecko does not know, after asking DefiLlama, without inventing data', async () => {
    const svc = service();
    const { results } = await svc.refreshQuotes(['cg:bitcoin', 'cg:no-such-coin', 'nonsense']);
    expect(results.get('cg:bitcoin')?.ok).toBe(true);
    expect(results.get('cg:no-such-coin')).toEqual({
      ok: false,
      reason: 'CoinGecko: not in the answer; not priced by DefiLlama',
      servedStale: false,
    });
    expect(results.get('nonsense')).toMatchObject({ ok: false, servedStale: false });
    expect(await db.getQuote('cg:no-such-coin')).toBeUndefined();
  });

  it('sends the CoinGecko key header of the configured tier, never in the logged path', async () => {
    const settings = structuredClone(server.settings);
    settings.sources.coingecko.apiKey = 'CG-demo-key';
    const svc = service({}, settings);
    await svc.refreshQuotes(['cg:bitcoin']);
    const req = server.api.requests('/coingecko')[0];
    expect(req?.headers['x-cg-demo-api-key']).toBe('CG-demo-key');
    const logged = await db.recentRequests(10);
    expect(logged[0]).toMatchObject({ source: 'coingecko', ok: true, status: 200 });
    expect(JSON.stringify(logged)).not.toContain('CG-demo-key');
  });

  it('serves the dated snapshot on first run, then replaces it with live data', async () => {
    const svc = service();
    expect(await svc.seedSnapshot()).toBe(251);
    const first = await svc.getCard('cg:bitcoin');
    expect(first?.price).toMatchObject({
      source: 'snapshot',
      snapshotDate: bundledSnapshot().asOf,
      stale: true,
    });
    // The date labels a snapshot figure; a reason is only given when a refresh failed.
    expect(first?.price?.staleReason).toBeUndefined();
    expect(server.api.log).toHaveLength(0);
    await svc.refreshQuotes(['cg:bitcoin']);
    const live = await svc.getCard('cg:bitcoin');
    expect(live?.price).toMatchObject({ source: 'coingecko', stale: false });
    expect(live?.price?.snapshotDate).toBeUndefined();
    // Seeding again never overwrites live data.
    await svc.seedSnapshot();
    expect((await svc.getCard('cg:bitcoin'))?.price?.source).toBe('coingecko');
  });

  it.each(FAULTS)(
    'CoinGecko fault %s: keeps serving the last good quote, stale with the reason, then recovers',
    async (fault) => {
      const svc = service(timesOut(fault) ? { timeoutMs: TIMEOUT_MS } : {});
      await svc.refreshQuotes(['cg:bitcoin', 'cg:ethereum']);
      const good = await db.getQuote('cg:bitcoin');

      server.fault('coingecko', fault);
      clock.advance(120_000);
      const { results } = await svc.refreshQuotes(['cg:bitcoin', 'cg:ethereum']);
      const r = results.get('cg:bitcoin');
      expect(r?.ok).toBe(false);
      expect(!r?.ok && r?.reason).toMatch(EXPECTED_REASON[fault]);
      expect(!r?.ok && r?.servedStale).toBe(true);
      // The DefiLlama fallback was asked (it does not price these coins in the documented example).
      expect(server.requests('llamaCoins')[0]).toBe(
        '/prices/current/coingecko%3Abitcoin,coingecko%3Aethereum',
      );
      const card = await svc.getCard('cg:bitcoin');
      expect(card?.price?.value.usd).toBe(good?.price.usd);
      expect(card?.price).toMatchObject({ stale: true, source: 'coingecko' });
      expect(card?.price?.staleReason).toMatch(EXPECTED_REASON[fault]);
      expect(card?.supply).toMatchObject({ stale: true, value: { circulating: 19822040 } });
      const failures = (await db.recentRequests(20, 'coingecko')).filter((e) => !e.ok);
      expect(failures[0]?.reason).toMatch(EXPECTED_REASON[fault]);

      // The source answers again: after the backoff, fresh data replaces the stale mark.
      server.fault('coingecko', null);
      clock.advance(fault === 'rate-limit' ? 31_000 : 5_000);
      const again = await svc.refreshQuotes(['cg:bitcoin', 'cg:ethereum']);
      expect(again.results.get('cg:bitcoin')).toEqual({ ok: true, source: 'coingecko' });
      const fresh = await svc.getCard('cg:bitcoin');
      expect(fresh?.price).toMatchObject({ stale: false, source: 'coingecko' });
      expect(fresh?.price?.staleReason).toBeUndefined();
    },
  );

  it('honours Retry-After: no request to the source before it has passed', async () => {
    const svc = service();
    server.fault('coingecko', 'rate-limit');
    await svc.refreshQuotes(['cg:bitcoin']);
    expect(svc.blockedUntil('coingecko')).toBe(clock.now() + 30_000);
    server.clearLog();
    clock.advance(29_000);
    const r = await svc.refreshQuotes(['cg:bitcoin']);
    expect(server.requests('coingecko')).toHaveLength(0);
    expect(r.results.get('cg:bitcoin')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/backing off/),
    });
  });

  it('opens the breaker after repeated failures, remembers it across a worker restart, and recovers', async () => {
    const svc = service();
    server.fault('stocks', 'server-error');
    for (let i = 0; i < 5; i++) {
      clock.advance(10 * 60_000); // past each backoff
      await svc.refreshQuotes(['stock:AAPL']);
    }
    expect(svc.breakerStatus('stocks')).toBe('open');
    // A new worker: new service instance over the same database.
    const restarted = service();
    server.clearLog();
    const r = await restarted.refreshQuotes(['stock:AAPL']);
    expect(server.requests('stocks')).toHaveLength(0);
    expect(r.results.get('stock:AAPL')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/circuit open|backing off/),
    });
    server.fault('stocks', null);
    clock.advance(60 * 60_000);
    expect((await restarted.refreshQuotes(['stock:AAPL'])).results.get('stock:AAPL')).toEqual({
      ok: true,
      source: 'stocks',
    });
    expect(restarted.breakerStatus('stocks')).toBe('closed');
  });

  it('prices contracts through CoinGecko, falling back to DefiLlama', async () => {
    const svc = service();
    const addr = '0xdF574c24545E5FfEcb9a659c229253D4111d87e1';
    const { results } = await svc.refreshContractPrices('ethereum', [addr]);
    // The token_price endpoint is not recorded (404 here): DefiLlama's documented example answers.
    expect(results.get(`ca:ethereum:${addr.toLowerCase()}`)).toEqual({ ok: true, source: 'llamaCoins' });
    const card = await svc.getCard(`ca:ethereum:${addr.toLowerCase()}`);
    expect(card?.price).toMatchObject({ source: 'llamaCoins', value: { usd: 0.022053735051098835 } });
  });
});

describe('unlocks', () => {
  it('stores the schedule, shows next unlocks as a share of circulating supply with insiders flagged', async () => {
    const svc = service();
    await svc.refreshQuotes(['cg:hyperliquid']);
    expect(await svc.refreshUnlocks('hyperliquid')).toEqual({ ok: true });
    const card = await svc.getCard('cg:hyperliquid');
    const u = card?.unlocks;
    expect(u).toMatchObject({ source: 'llamaDatasets', stale: false });
    expect(u?.value.next).toEqual([
      {
        kind: 'cliff',
        date: 1732838400_000,
        end: null,
        amount: 60000000,
        ratePerDay: null,
        shareOfCirculatingPct: (60000000 / 333928180) * 100,
        category: 'insiders',
        label: 'Hyper Foundation Budget',
        insider: true,
      },
    ]);
    expect(u?.value.next30d).toMatchObject({ amount: 60000000, insiderAmount: 60000000 });
    expect(u?.value.allocation?.final.insiders).toBe(45.8);
    expect(u?.value.listed).toBe(true);
  });

  it('reads linear events as streams with a rate and a period, and counts them in the next 30 days', async () => {
    // Hand-made in DefiLlama's real shape from its EigenLayer adapter: two insider streams of two
    // years from 2025-05-10T05:49:46Z, at 3,541,000 and 3,061,000 tokens a week (events.ts rates).
    clock.set('2025-09-01T00:00:00Z');
    const svc = service();
    await svc.refreshQuotes(['cg:eigenlayer']);
    expect(await svc.refreshUnlocks('eigenlayer')).toEqual({ ok: true });
    const u = (await svc.getCard('cg:eigenlayer'))?.unlocks?.value;
    const start = 1746856186_000;
    const end = start + 730.4843981481481 * 86_400_000;
    const streams = u?.next.filter((e) => e.kind === 'stream');
    expect(streams?.map((e) => [e.label, e.date, e.end, e.ratePerDay, e.category, e.insider])).toEqual([
      ['Investors', start, end, 3_541_000 / 7, 'insiders', true],
      ['Early Contributors', start, end, 3_061_000 / 7, 'insiders', true],
    ]);
    // Each stream's amount is what it releases from now to its end, not the sum of its two rates.
    const now = Date.parse('2025-09-01T00:00:00Z');
    expect(streams?.[0]?.amount).toBeCloseTo((3_541_000 / 7) * ((end - now) / 86_400_000), 3);
    const month = ((3_541_000 + 3_061_000) / 7) * 30;
    expect(u?.next30d.amount).toBeCloseTo(month, 3);
    expect(u?.next30d.insiderAmount).toBeCloseTo(month, 3);
    expect(u?.next90d.amount).toBeCloseTo(month * 3, 3);
  });

  it('keeps cliffs of the last week as just unlocked, names sections, and reads streams only the series has', async () => {
    // Hand-made from DefiLlama's Arbitrum adapter: monthly steps of "Investors" (under `insiders`)
    // and the team; the DAO Treasury only as the five-year forecast of its series (no events).
    clock.set('2025-01-24T00:00:00Z');
    const svc = service();
    await svc.refreshQuotes(['cg:arbitrum']);
    expect(await svc.refreshUnlocks('arbitrum')).toEqual({ ok: true });
    const u = (await svc.getCard('cg:arbitrum'))?.unlocks?.value;
    const step = 1711155671_000 + 10 * 2629743_000; // 2025-01-21T09:51:41Z
    expect(u?.recent.map((e) => [e.kind, e.date, e.label, e.category, e.insider])).toEqual([
      ['cliff', step, 'Advisors Team OffchainLabs', 'insiders', true],
      ['cliff', step, 'Investors', 'insiders', true],
    ]);
    expect(u?.recent.map((e) => e.amount)).toEqual([
      (2_694_000_000 * 0.75) / 36,
      (1_753_000_000 * 0.75) / 36,
    ]);
    // Running streams first, then the next monthly steps.
    expect(u?.next.map((e) => [e.kind, e.label, e.category])).toEqual([
      ['stream', 'Arbitrum DAO Treasury', 'noncirculating'],
      ['stream', 'Ecosystem Development Fund', 'noncirculating'],
      ['cliff', 'Advisors Team OffchainLabs', 'insiders'],
      ['cliff', 'Investors', 'insiders'],
      ['cliff', 'Advisors Team OffchainLabs', 'insiders'],
    ]);
    const treasury = u?.next[0];
    expect(treasury?.date).toBe(Date.UTC(2025, 0, 20));
    expect(treasury?.ratePerDay).toBeCloseTo((10_000_000_000 * 0.4278 * 86_400) / (31_556_926 * 5), 3);
    expect(u?.next[2]?.date).toBe(step + 2629743_000);
    expect(u?.sections).toContainEqual(expect.objectContaining({ label: 'Investors', category: 'insiders' }));
    expect(u?.sections.map((s) => s.label).sort()).toEqual([
      'Advisors Team OffchainLabs',
      'Airdrop',
      'Arbitrum DAO Treasury',
      'Ecosystem Development Fund',
      'Investors',
    ]);
  });

  it('accepts the body as a JSON string', async () => {
    server.emissionForm('string');
    const svc = service();
    expect(await svc.refreshUnlocks('hyperliquid')).toEqual({ ok: true });
    expect((await db.getUnlocks('hyperliquid'))?.events).toHaveLength(1);
  });

  it('records "no schedule listed" as a fact for coins DefiLlama does not list', async () => {
    const svc = service();
    expect(await svc.refreshUnlocks('bitcoin')).toEqual({ ok: true });
    expect(server.requests('llamaDatasets')).toEqual(['/emissionsProtocolsList']);
    const card = await svc.getCard('cg:bitcoin');
    expect(card?.unlocks?.value).toMatchObject({ listed: false, next: [] });
  });

  it.each(['server-error', 'wrong-shape', 'malformed'] as const)(
    'fault %s: keeps the schedule, marks it stale',
    async (fault) => {
      const svc = service();
      await svc.refreshUnlocks('hyperliquid');
      server.fault('llamaDatasets', fault);
      clock.advance(13 * 3_600_000);
      const r = await svc.refreshUnlocks('hyperliquid');
      expect(r.ok).toBe(false);
      const stored = await db.getUnlocks('hyperliquid');
      expect(stored?.events).toHaveLength(1);
      expect(stored).toMatchObject({ stale: true, error: expect.stringMatching(EXPECTED_REASON[fault]) });
    },
  );
});

describe('revenue', () => {
  it('stores revenue and holders revenue (buybacks, burns) with source and age', async () => {
    const svc = service();
    expect(await svc.refreshRevenue('hyperliquid')).toEqual({ ok: true });
    expect(server.requests('llamaApi')).toEqual([
      '/protocols',
      '/summary/fees/hyperliquid?dataType=dailyRevenue',
      '/summary/fees/hyperliquid?dataType=dailyHoldersRevenue',
    ]);
    clock.advance(3_600_000);
    const card = await svc.getCard('cg:hyperliquid');
    expect(card?.revenue).toMatchObject({
      source: 'llamaApi',
      ageMs: 3_600_000,
      stale: false,
      value: {
        name: 'Hyperliquid',
        revenue: { total24h: 4890250, total7d: 26184696 },
        holdersRevenue: { total24h: 4890250 },
      },
    });
  });

  it('never calls one day of revenue 30 days: the chart’s days are said as what they cover', async () => {
    // The documented example: a chart of one day (2024-12-23), no 30-day total.
    clock.set('2024-12-24T09:00:00Z');
    const svc = service();
    await svc.refreshRevenue('hyperliquid');
    const r = (await svc.getCard('cg:hyperliquid'))?.revenue;
    const day = Date.UTC(2024, 11, 23);
    expect(r?.value.revenue).toMatchObject({
      total30d: null,
      covered: { days: 1, sum: 1472923, from: day, to: day },
    });
    expect(r?.value.holdersRevenue?.total30d).toBeNull();
    expect(r?.asOf).toBe(day);
  });

  it('sums the 30 days before today by date when the chart covers them, and says the days of a shorter one', async () => {
    clock.set('2025-01-24T10:00:00Z');
    const svc = service();
    await svc.refreshRevenue('arbitrum');
    const { totalDataChart: chart } = fixtureJson(
      'defillama',
      'handmade',
      'summary-fees-arbitrum.generated.json',
    ) as { totalDataChart: Array<[number, number]> };
    const last30 = chart.slice(-30).reduce((a, [, v]) => a + v, 0);
    const arb = (await svc.getCard('cg:arbitrum'))?.revenue?.value.revenue;
    expect(arb?.total30d).toBe(last30);
    expect(arb?.covered).toEqual({
      days: 30,
      sum: last30,
      from: Date.UTC(2024, 11, 25),
      to: Date.UTC(2025, 0, 23),
    });

    clock.set('2025-09-01T10:00:00Z');
    await svc.refreshRevenue('eigenlayer');
    const eigen = (await svc.getCard('cg:eigenlayer'))?.revenue?.value;
    expect(eigen?.revenue).toMatchObject({
      total30d: null,
      covered: { days: 12, from: Date.UTC(2025, 7, 20), to: Date.UTC(2025, 7, 31) },
    });
    // DefiLlama lists no holders' revenue for it (404): none, not zero.
    expect(eigen?.holdersRevenue).toBeNull();
  });

  it('a coin without a DefiLlama protocol gets an empty record, not an error', async () => {
    const svc = service();
    expect(await svc.refreshRevenue('bitcoin')).toEqual({ ok: true });
    expect((await svc.getCard('cg:bitcoin'))?.revenue?.value).toEqual({
      name: '',
      revenue: null,
      holdersRevenue: null,
    });
  });

  it('a failing source leaves the last figures, stale with the reason', async () => {
    const svc = service();
    await svc.refreshRevenue('hyperliquid');
    server.fault('llamaApi', 'server-error');
    clock.advance(13 * 3_600_000);
    expect((await svc.refreshRevenue('hyperliquid')).ok).toBe(false);
    const card = await svc.getCard('cg:hyperliquid');
    expect(card?.revenue).toMatchObject({ stale: true, value: { revenue: { total24h: 4890250 } } });
    expect(card?.revenue?.staleReason).toMatch(/HTTP 500/);
  });
});

describe('treasuries', () => {
  it('lists company holdings for a US ticker, valued at the live coin price; mNAV needs a market cap', async () => {
    const svc = service();
    await svc.refreshQuotes(['cg:bitcoin', 'cg:ethereum']);
    expect(await svc.refreshTreasuries()).toEqual({ ok: true });
    expect(server.requests('coingecko').filter((p) => p.startsWith('/companies'))).toEqual([
      '/companies/public_treasury/bitcoin',
      '/companies/public_treasury/ethereum',
    ]);
    const card = await svc.getCard('stock:MSTR');
    const t = card?.treasury?.value;
    expect(t?.company).toBe('MicroStrategy Inc.');
    // Bitcoin only: the ether list names no MSTR (the 174,530 "ETH" once asserted here were bitcoin's).
    expect(t?.holdings).toEqual([
      expect.objectContaining({
        coin: 'bitcoin',
        holdings: 158245,
        valueBasis: 'live price',
        valueUsd: 158245 * 96114.08481738689,
      }),
    ]);
    expect(t?.refused).toEqual([]);
    expect(t?.mNav).toBeNull();
    // No recorded Yahoo answer for MSTR: no market cap, so no mNAV (and the card says why).
    expect(t?.mNavNote).toBe('noMarketCap');
    // GLXY is listed on TSE in this answer: not a US ticker, so no card for stock:GLXY.
    expect((await svc.getCard('stock:GLXY'))?.treasury).toBeUndefined();
  });

  it('computes mNAV as market cap over the live value of all holdings', async () => {
    const svc = service();
    await svc.refreshQuotes(['cg:bitcoin', 'cg:ethereum']);
    await svc.refreshTreasuries();
    // Coinbase holds both coins in these lists (9,182 BTC; 48,880 ETH). No Yahoo recording for COIN:
    // its quote record is written here with a stated test market cap.
    const at = clock.now();
    const prov = { source: 'stocks' as const, fetchedAt: at };
    await db.updateQuotes(['stock:COIN'], () => ({
      assetId: 'stock:COIN',
      symbol: 'COIN',
      name: 'Coinbase',
      price: { ...prov, usd: 300, change24hPct: null, change7dPct: null, asOf: at },
      market: {
        ...prov,
        marketCapUsd: 30e9,
        fdvUsd: null,
        volume24hUsd: null,
        circulatingSupply: null,
        totalSupply: null,
        maxSupply: null,
        rank: null,
      },
      fetchedAt: at,
    }));
    const t = (await svc.getCard('stock:COIN'))?.treasury?.value;
    expect(t?.holdings.map((h) => [h.coin, h.holdings, h.valueBasis])).toEqual([
      ['bitcoin', 9182, 'live price'],
      ['ethereum', 48880, 'live price'],
    ]);
    expect(t?.totalValueUsd).toBeGreaterThan(0);
    expect(t?.mNav).toBeCloseTo(30e9 / (t?.totalValueUsd ?? Number.NaN), 12);
    expect(t?.mNavNote).toBeUndefined();
  });

  it('refuses a holding whose implied unit price is far from its coin’s: bitcoin’s list recorded as ether’s', async () => {
    // CoinGecko.Net's recording of /companies/public_treasury/ethereum holds bitcoin's list.
    server.ethereumTreasury('bitcoin-recorded-as-ether');
    try {
      const svc = service();
      await svc.refreshQuotes(['cg:bitcoin', 'cg:ethereum']);
      await svc.refreshTreasuries();
      const eth = (await db.getQuote('cg:ethereum'))?.price.usd ?? Number.NaN;
      const t = (await svc.getCard('stock:MSTR'))?.treasury?.value;
      // The bitcoin holding stays; the "ether" one is refused with what it implies.
      expect(t?.holdings.map((h) => h.coin)).toEqual(['bitcoin']);
      expect(t?.refused).toEqual([
        { coin: 'ethereum', holdings: 174530, impliedUnitUsd: 12160134022 / 174530, coinUsd: eth },
      ]);
      expect(12160134022 / 174530 / eth).toBeGreaterThan(20);
    } finally {
      server.ethereumTreasury('ether');
    }
  });

  it('keeps holdings, marked stale, when the answer breaks', async () => {
    const svc = service();
    await svc.refreshTreasuries();
    server.fault('coingecko', 'wrong-shape');
    clock.advance(13 * 3_600_000);
    expect((await svc.refreshTreasuries()).ok).toBe(false);
    const card = await svc.getCard('stock:COIN');
    expect(card?.treasury?.value.holdings.map((h) => h.coin)).toEqual(['bitcoin', 'ethereum']);
    expect(card?.treasury).toMatchObject({ stale: true });
    expect(card?.treasury?.staleReason).toMatch(/unexpected answer shape/);
  });
});

describe('asset details and token security', () => {
  it('stores handles and categories, and refuses an answer for another coin', async () => {
    const svc = service();
    expect(await svc.refreshAssetDetails('bitcoin')).toEqual({ ok: true });
    expect((await svc.getCard('cg:bitcoin'))?.profile?.value.handles).toEqual(['bitcoin']);
    // The recorded /coins/ethereum answer is bitcoin's document.
    expect(await svc.refreshAssetDetails('ethereum')).toEqual({
      ok: false,
      reason: 'CoinGecko: answer is for bitcoin, not ethereum',
    });
  });

  it('reads buy/sell tax from GoPlus, caches it, and serves it stale when GoPlus fails', async () => {
    const svc = service({ timeoutMs: TIMEOUT_MS });
    const weth = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
    const a = await svc.tokenSecurity('ethereum', weth);
    expect(a).toMatchObject({ stale: false, data: { symbol: 'WETH', buyTax: 0, sellTax: 0 } });
    await svc.tokenSecurity('1', weth);
    expect(server.requests('goplus')).toHaveLength(1);
    server.fault('goplus', 'timeout');
    const b = await svc.tokenSecurity('1', weth, { force: true });
    expect(b).toMatchObject({ stale: true, data: { symbol: 'WETH' }, error: 'GoPlus: timed out' });
    expect((await svc.tokenSecurity('solana', weth)).error).toMatch(/not supported/);
  });

  it('caches GoPlus per contract whatever the letter case of the address', async () => {
    const svc = service({ timeoutMs: TIMEOUT_MS });
    const mixed = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
    await svc.tokenSecurity('ethereum', mixed);
    const lower = await svc.tokenSecurity('ethereum', mixed.toLowerCase());
    const upper = await svc.tokenSecurity('ethereum', `0x${mixed.slice(2).toUpperCase()}`);
    expect(server.requests('goplus')).toHaveLength(1);
    expect(lower).toMatchObject({ stale: false, data: { symbol: 'WETH' } });
    expect(upper).toMatchObject({ stale: false, data: { symbol: 'WETH' } });
  });

  it('asks GoPlus again on an ordinary call after a failed forced refresh, not serving stale as fresh', async () => {
    const svc = service({ timeoutMs: TIMEOUT_MS });
    const weth = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
    await svc.tokenSecurity('ethereum', weth);
    server.fault('goplus', 'server-error');
    expect(await svc.tokenSecurity('ethereum', weth, { force: true })).toMatchObject({ stale: true });
    server.fault('goplus', null);
    server.clearLog();
    const after = await svc.tokenSecurity('ethereum', weth);
    expect(server.requests('goplus')).toHaveLength(1);
    expect(after).toMatchObject({ stale: false, data: { symbol: 'WETH' } });
    expect(after.error).toBeUndefined();
  });
});

describe('planning', () => {
  it('plans what is due from Dexie and the politeness state', async () => {
    const svc = service();
    await svc.refreshQuotes(['cg:bitcoin']);
    await svc.refreshUnlocks('hyperliquid');
    clock.advance(90_000);
    const plan = await svc.plan(['cg:bitcoin', 'stock:AAPL'], ['cg:ethereum']);
    expect(plan).toMatchObject({
      quotes: ['cg:bitcoin', 'stock:AAPL', 'cg:ethereum'],
      unlocks: [],
      treasuries: true,
      registry: true,
    });
    server.clearLog();
    await svc.runPlan(plan);
    // One batch for the quotes; the registry's daily refresh asks for the list and four rank pages.
    const cg = server.requests('coingecko');
    expect(cg.filter((p) => p.startsWith('/coins/markets?') && p.includes('ids='))).toHaveLength(1);
    expect(cg.filter((p) => p.startsWith('/coins/list?include_platform=true'))).toHaveLength(1);
    expect(cg.filter((p) => p.startsWith('/coins/markets?') && !p.includes('ids='))).toHaveLength(4);
    const next = await svc.plan(['cg:bitcoin', 'stock:AAPL'], ['cg:ethereum']);
    expect(next.quotes).toEqual([]);
    expect(next.registry).toBe(false);
  });
});

describe('registry refresh', () => {
  it('hands the full coin list with contracts and the ranks to the registry, once a day', async () => {
    let lists: Parameters<NonNullable<DataServiceOptions['onRegistryLists']>>[0] | undefined;
    const svc = service({
      onRegistryLists: async (l) => {
        lists = l;
      },
    });
    expect(await svc.refreshRegistry()).toEqual({ ok: true });
    expect(lists?.coins.length).toBeGreaterThan(17_000);
    expect(lists?.coins.find((c) => c.id === '0chain')?.platforms).toMatchObject({
      ethereum: '0xb9ef770b6a5e12e45983c5d80545258aa38f3b78',
    });
    expect(lists?.ranks.get('bitcoin')).toBe(1);
    expect(lists?.ranks.size).toBe(250);
  });

  it('keeps the registry as it was when the list fails, and says why', async () => {
    let called = false;
    const svc = service({
      onRegistryLists: async () => {
        called = true;
      },
    });
    server.fault('coingecko', 'server-error');
    const r = await svc.refreshRegistry();
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/coin list: HTTP 500/);
    expect(called).toBe(false);
  });
});

describe('price charts on demand', () => {
  it('fetches a coin’s range from CoinGecko once, keeps it, and says why when the source fails', async () => {
    const svc = service();
    const first = await svc.priceChart('cg:bitcoin', '30d');
    expect(first.ok && first.points).toHaveLength(3);
    await svc.priceChart('cg:bitcoin', '30d');
    expect(server.requests('coingecko').filter((u) => u.includes('/market_chart'))).toEqual([
      '/coins/bitcoin/market_chart?vs_currency=usd&days=30',
    ]);
    server.fault('coingecko', 'server-error');
    const failed = await svc.priceChart('cg:ethereum', '1d');
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.reason).toMatch(/^CoinGecko: .*HTTP 500/);
  });

  it('draws a coin’s 7 days from its fresh sparkline without a request, and a stock’s from Yahoo', async () => {
    const svc = service();
    // The recorded markets rows carry no sparkline: one as CoinGecko sends it, stored by hand.
    const at = clock.now();
    const prov = { source: 'coingecko' as const, fetchedAt: at };
    await db.updateQuotes(['cg:bitcoin'], () => ({
      assetId: 'cg:bitcoin',
      symbol: 'BTC',
      name: 'Bitcoin',
      price: { ...prov, usd: 3, change24hPct: null, change7dPct: null, asOf: at },
      sparkline: { ...prov, asOf: at, points: [1, 2, 3], spanDays: 7 },
      fetchedAt: at,
    }));
    server.clearLog();
    const week = await svc.priceChart('cg:bitcoin', '7d');
    expect(week.ok && week.points.map(([t]) => t)).toEqual([at - 7 * 86_400_000, at - 3.5 * 86_400_000, at]);
    expect(server.requests('coingecko').filter((u) => u.includes('market_chart'))).toEqual([]);
    const stock = await svc.priceChart('stock:AAPL', '7d');
    expect(stock.ok).toBe(true);
    expect(server.requests('stocks')).toEqual(['/v8/finance/chart/AAPL?range=5d&interval=30m']);
  });
});
