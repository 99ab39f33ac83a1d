/**
 * Stocks' market caps through Yahoo's v7 quote endpoint: the user's cookie opt-in, the crumb and the
 * session cookie it is tied to, what a refusal keeps and for how long, and the share count a later
 * price carries. Driven through the service's injected `fetch`, which also keeps what each request
 * said about cookies.
 *
 * The answers are Yahoo's recorded ones (chart-AAPL.json, quote-AAPL.json, and the crumb the quote
 * was asked with) or, where a test needs a case no recording has, HAND-MADE copies of them with one
 * field changed, said where they are.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { TickerlensDb } from '../../../utils/db';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings';
import type { DataServiceOptions } from '../../../utils/sources/service';
import { json, on, type Route, scriptedFetch, scriptedService, status } from '../../support/scripted-fetch';
import { testClock, yahooBody } from '../../support/sources-server';

const YAHOO = 'query1.finance.yahoo.com';
const PROXY = 'http://127.0.0.1:9/yahoo';
const CHART = '/v8/finance/chart/AAPL';
const CRUMB = '/v1/test/getcrumb';
const QUOTE = '/v7/finance/quote';
/** The crumb the recorded quote was asked with. */
const RECORDED_CRUMB = 'haT3oykhHqZ';
/** Yahoo's recorded quote: market cap 3,674,405,863,424 USD at 244.60. */
const RECORDED_CAP = 3_674_405_863_424;
const RECORDED_PRICE = 244.6;

const chart = yahooBody('chart-AAPL.json');
const quote = yahooBody('quote-AAPL.json') as { quoteResponse: { result: Array<Record<string, unknown>> } };
const quoteRow = quote.quoteResponse.result[0] ?? {};
const quoteWith = (rows: unknown[]) => ({ quoteResponse: { result: rows, error: null } });

/** Settings with the stocks source at `baseUrl` and Yahoo's cookies on or off. */
function stocksAt(baseUrl: string, yahooCookies: boolean): Settings {
  const s = structuredClone(DEFAULT_SETTINGS);
  s.sources.stocks = { ...s.sources.stocks, baseUrl, yahooCookies };
  return s;
}
const OPTED_IN = stocksAt(DEFAULT_SETTINGS.sources.stocks.baseUrl, true);
/** Yahoo's recorded market cap as stored, without a share count. */
const STORED_MARKET = {
  source: 'stocks' as const,
  fetchedAt: 0,
  asOf: null,
  marketCapUsd: RECORDED_CAP,
  fdvUsd: null,
  fdvMaxUsd: null,
  volume24hUsd: null,
  circulatingSupply: null,
  totalSupply: null,
  maxSupply: null,
  rank: null,
  sharesAt: 0,
};

let db: TickerlensDb;
let clock: ReturnType<typeof testClock>;
let script: ReturnType<typeof scriptedFetch>;
let routes: Route[];
/** `host/path` of every request with the cookie mode it was sent with. */
let sent: Array<{ to: string; credentials: RequestCredentials | undefined }>;

beforeEach(() => {
  db = new TickerlensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  clock = testClock('2025-03-24T14:00:00Z');
  script = scriptedFetch();
  routes = script.routes;
  sent = [];
});

function service(settings: Settings = OPTED_IN, extra: Partial<DataServiceOptions> = {}) {
  let current = settings;
  const fetch = (async (input: string | URL, init?: RequestInit) => {
    const u = new URL(String(input));
    sent.push({ to: `${u.host}${u.pathname}`, credentials: init?.credentials });
    return script.fetch(input, init);
  }) as typeof globalThis.fetch;
  // The token waits are the test clock's: a first read that needs Yahoo's cookie page takes five
  // calls, one more than the stocks budget's burst.
  const svc = scriptedService(
    db,
    clock,
    { fetch },
    { settings: () => current, maxTokenWaitMs: 60_000, ...extra },
  );
  return Object.assign(svc, {
    /** The user changes the settings while the worker lives. */
    use: (next: Settings) => {
      current = next;
    },
  });
}

/** A market cap read before (Yahoo's recorded one), so a refusal shows as its stale reason. */
const storeMarket = () =>
  db.updateQuotes(['stock:AAPL'], (q) =>
    q ? { ...q, market: { ...STORED_MARKET, fetchedAt: clock.now() } } : undefined,
  );

/** The stored market figures' stale reason (the card adds its own about the quote's age). */
const marketError = async () => (await db.getQuote('stock:AAPL'))?.market?.error;

/** Paths asked of `host` since `from` (an index into `sent`). */
const pathsTo = (host: string, from = 0) =>
  sent
    .slice(from)
    .filter((r) => r.to.startsWith(host))
    .map((r) => r.to.slice(host.length));

/** Yahoo answering the recorded chart, the crumb and the recorded quote for that crumb. */
function yahooAnswers(host = YAHOO, prefix = '') {
  routes.push(on(host, `${prefix}${CHART}`, json(chart)));
  routes.push(on(host, `${prefix}${CRUMB}`, () => new Response(RECORDED_CRUMB, { status: 200 })));
  routes.push(on(host, `${prefix}${QUOTE}`, json(quote)));
}

async function pricedWithCap(svc: ReturnType<typeof service>) {
  await svc.refreshQuotes(['stock:AAPL']);
  await svc.refreshStockMarkets(['stock:AAPL']);
}

describe('the cookie opt-in', () => {
  it('on Yahoo’s own host without the opt-in: priced without cookies, no market cap asked', async () => {
    yahooAnswers();
    const svc = service(DEFAULT_SETTINGS);
    await pricedWithCap(svc);
    expect(pathsTo(YAHOO)).toEqual([CHART]);
    expect(sent[0]?.credentials).toBe('omit');
    expect((await svc.getCard('stock:AAPL'))?.supply).toBeUndefined();
  });

  it('with the opt-in: the crumb and the quote go with Yahoo’s cookies, the chart never', async () => {
    yahooAnswers();
    const svc = service();
    await pricedWithCap(svc);
    expect(sent).toEqual([
      { to: `${YAHOO}${CHART}`, credentials: 'omit' },
      { to: `${YAHOO}${CRUMB}`, credentials: 'include' },
      { to: `${YAHOO}${QUOTE}`, credentials: 'include' },
    ]);
    expect((await svc.getCard('stock:AAPL'))?.supply?.value.marketCapUsd).toBe(RECORDED_CAP);
  });

  it('a proxy the user points the source at gets market caps without the opt-in, and no cookie', async () => {
    yahooAnswers('127.0.0.1:9', '/yahoo');
    const svc = service(stocksAt(PROXY, false));
    await pricedWithCap(svc);
    expect(pathsTo('127.0.0.1:9')).toEqual([`/yahoo${CHART}`, `/yahoo${CRUMB}`, `/yahoo${QUOTE}`]);
    expect(sent.map((r) => r.credentials)).toEqual(['omit', 'omit', 'omit']);
    expect((await svc.getCard('stock:AAPL'))?.supply?.value.marketCapUsd).toBe(RECORDED_CAP);
  });
});

describe('the crumb', () => {
  it.each([401, 403])(
    'no crumb without the session cookie (%i): one visit to the page that sets it, then one more ask',
    async (refusal) => {
      routes.push(on(YAHOO, CHART, json(chart)));
      let crumbAsks = 0;
      routes.push(
        on(YAHOO, CRUMB, () => (++crumbAsks === 1 ? status(refusal) : new Response(RECORDED_CRUMB))),
      );
      routes.push(on('fc.yahoo.com', '/', () => status(404)));
      routes.push(on(YAHOO, QUOTE, json(quote)));
      const svc = service();
      await pricedWithCap(svc);
      expect(sent.slice(1)).toEqual([
        { to: `${YAHOO}${CRUMB}`, credentials: 'include' },
        // fc.yahoo.com answers 404 with the cookie set: what it answers does not matter.
        { to: 'fc.yahoo.com/', credentials: 'include' },
        { to: `${YAHOO}${CRUMB}`, credentials: 'include' },
        { to: `${YAHOO}${QUOTE}`, credentials: 'include' },
      ]);
      expect((await svc.getCard('stock:AAPL'))?.supply?.value.marketCapUsd).toBe(RECORDED_CAP);
    },
  );

  it('the cookie page is read whole (up to 256 KB) and logged as answered', async () => {
    routes.push(on(YAHOO, CHART, json(chart)));
    let crumbAsks = 0;
    routes.push(on(YAHOO, CRUMB, () => (++crumbAsks === 1 ? status(401) : new Response(RECORDED_CRUMB))));
    // HAND-MADE: a page of Yahoo's consent site's size (about 100 KB).
    routes.push(on('fc.yahoo.com', '/', () => new Response(`<html>${'x'.repeat(100_000)}</html>`)));
    routes.push(on(YAHOO, QUOTE, json(quote)));
    await pricedWithCap(service());
    const log = await db.recentRequests(10, 'stocks');
    expect(log.find((r) => r.path === '/')).toMatchObject({ ok: true, status: 200 });
  });

  it('a market cap read is in the request log, and its 429 known to the next worker', async () => {
    routes.push(on(YAHOO, CHART, json(chart)));
    routes.push(on(YAHOO, CRUMB, () => new Response(RECORDED_CRUMB)));
    routes.push(on(YAHOO, QUOTE, () => json('', 429, { 'retry-after': '600' })));
    const svc = service();
    await pricedWithCap(svc);
    const log = await db.recentRequests(10, 'stocks');
    expect(log.map((r) => [r.path.split('?')[0], r.status])).toEqual([
      [QUOTE, 429],
      [CRUMB, 200],
      [CHART, 200],
    ]);
    const next = service();
    await next.plan([], []);
    expect(next.blockedUntil('stocks')).toBeGreaterThanOrEqual(clock.now() + 600_000);
  });

  it('an answer that is not a crumb (a page) also sends it to the cookie page, once', async () => {
    routes.push(on(YAHOO, CHART, json(chart)));
    // HAND-MADE: what Yahoo serves for a consent wall, an HTML page with status 200.
    routes.push(on(YAHOO, CRUMB, () => new Response('<html><body>Consent</body></html>')));
    routes.push(on('fc.yahoo.com', '/', () => new Response('')));
    const svc = service();
    await pricedWithCap(svc);
    expect(pathsTo(YAHOO, 1).concat(pathsTo('fc.yahoo.com'))).toEqual([CRUMB, CRUMB, '/']);
    expect(sent.map((r) => r.to)).toEqual([
      `${YAHOO}${CHART}`,
      `${YAHOO}${CRUMB}`,
      'fc.yahoo.com/',
      `${YAHOO}${CRUMB}`,
    ]);
    expect((await svc.getCard('stock:AAPL'))?.supply).toBeUndefined();
  });

  it.each([500, 429])(
    'a crumb endpoint that fails outright (%i) is not a cookie problem: no visit to the page',
    async (code) => {
      routes.push(on(YAHOO, CHART, json(chart)));
      routes.push(on(YAHOO, CRUMB, () => status(code)));
      const svc = service();
      await pricedWithCap(svc);
      expect(sent.map((r) => r.to)).toEqual([`${YAHOO}${CHART}`, `${YAHOO}${CRUMB}`]);
    },
  );

  it('a proxy that refuses the crumb is not sent to Yahoo’s cookie page', async () => {
    routes.push(on('127.0.0.1:9', `/yahoo${CHART}`, json(chart)));
    routes.push(on('127.0.0.1:9', `/yahoo${CRUMB}`, () => status(401)));
    const svc = service(stocksAt(PROXY, false));
    await pricedWithCap(svc);
    expect(sent.map((r) => r.to)).toEqual([`127.0.0.1:9/yahoo${CHART}`, `127.0.0.1:9/yahoo${CRUMB}`]);
  });

  it('is asked once a worker’s life, whatever the number of market cap reads', async () => {
    yahooAnswers();
    const svc = service();
    await pricedWithCap(svc);
    clock.advance(25 * 3_600_000);
    await svc.refreshStockMarkets(['stock:AAPL']);
    expect(pathsTo(YAHOO)).toEqual([CHART, CRUMB, QUOTE, QUOTE]);
  });

  it('a refusal holds for exactly half an hour, and says why on the market cap it leaves stale', async () => {
    yahooAnswers();
    const svc = service();
    await pricedWithCap(svc);
    // A day on, the quote refuses the crumb and Yahoo gives no new one.
    routes.length = 0;
    routes.push(on(YAHOO, QUOTE, () => status(401)));
    routes.push(on(YAHOO, CRUMB, () => status(401)));
    routes.push(on('fc.yahoo.com', '/', () => status(404)));
    clock.advance(24 * 3_600_000);
    let from = sent.length;
    await svc.refreshStockMarkets(['stock:AAPL']);
    expect(pathsTo(YAHOO, from)).toEqual([QUOTE, CRUMB, CRUMB]);
    const card = await svc.getCard('stock:AAPL');
    expect(card?.supply).toMatchObject({ stale: true, value: { marketCapUsd: RECORDED_CAP } });
    expect(await marketError()).toBe('stocks: quote: HTTP 401');
    // Within the half hour nothing is asked, and the refusal is the reason given.
    clock.advance(30 * 60_000 - 1);
    from = sent.length;
    await svc.refreshStockMarkets(['stock:AAPL']);
    expect(sent.length).toBe(from);
    expect(await marketError()).toBe('stocks: no Yahoo crumb for market caps (HTTP 401)');
    // At half an hour it is asked again.
    clock.advance(1);
    routes.length = 0;
    yahooAnswers();
    await svc.refreshStockMarkets(['stock:AAPL']);
    expect(pathsTo(YAHOO, from)).toEqual([CRUMB, QUOTE]);
    expect((await db.getQuote('stock:AAPL'))?.market).not.toHaveProperty('stale');
  });

  it('a page where the crumb should be is refused as "not a crumb"', async () => {
    routes.push(on(YAHOO, CHART, json(chart)));
    routes.push(on(YAHOO, CRUMB, () => new Response('<html>Too Many Requests</html>')));
    routes.push(on('fc.yahoo.com', '/', () => status(404)));
    const svc = service();
    await svc.refreshQuotes(['stock:AAPL']);
    await storeMarket();
    await svc.refreshStockMarkets(['stock:AAPL']);
    expect(await marketError()).toBe('stocks: no Yahoo crumb for market caps (not a crumb)');
  });

  it('an answer of more than 4 KB is no crumb: refused unread, and said so', async () => {
    routes.push(on(YAHOO, CHART, json(chart)));
    // HAND-MADE: a crumb-like token padded past 4 KB.
    routes.push(on(YAHOO, CRUMB, () => new Response(`${RECORDED_CRUMB}${' '.repeat(5_000)}`)));
    routes.push(on('fc.yahoo.com', '/', () => status(404)));
    const svc = service();
    await svc.refreshQuotes(['stock:AAPL']);
    await storeMarket();
    await svc.refreshStockMarkets(['stock:AAPL']);
    expect(await marketError()).toBe(
      'stocks: no Yahoo crumb for market caps (answer too large (over 4096 bytes))',
    );
  });

  it('pointing the source elsewhere starts the crumb over: the new host’s crumb, not the old one’s', async () => {
    yahooAnswers();
    yahooAnswers('127.0.0.1:9', '/yahoo');
    const svc = service();
    await pricedWithCap(svc);
    svc.use(stocksAt(PROXY, false));
    clock.advance(25 * 3_600_000);
    const from = sent.length;
    await svc.refreshStockMarkets(['stock:AAPL']);
    expect(pathsTo('127.0.0.1:9', from)).toEqual([`/yahoo${CRUMB}`, `/yahoo${QUOTE}`]);
  });

  it('a refusal from one host does not hold for the next', async () => {
    routes.push(on(YAHOO, CHART, json(chart)));
    routes.push(on(YAHOO, CRUMB, () => status(401)));
    routes.push(on('fc.yahoo.com', '/', () => status(404)));
    yahooAnswers('127.0.0.1:9', '/yahoo');
    const svc = service();
    await pricedWithCap(svc);
    expect((await svc.getCard('stock:AAPL'))?.supply).toBeUndefined();
    svc.use(stocksAt(PROXY, false));
    await svc.refreshStockMarkets(['stock:AAPL']);
    expect((await svc.getCard('stock:AAPL'))?.supply?.value.marketCapUsd).toBe(RECORDED_CAP);
  });

  it('a quote that refuses a new crumb too: the market cap stale with the quote’s reason', async () => {
    yahooAnswers();
    const svc = service();
    await pricedWithCap(svc);
    routes.length = 0;
    routes.push(on(YAHOO, CRUMB, () => new Response(RECORDED_CRUMB)));
    routes.push(on(YAHOO, QUOTE, () => status(403)));
    clock.advance(24 * 3_600_000);
    const from = sent.length;
    await svc.refreshStockMarkets(['stock:AAPL']);
    // One new crumb, one more try, and no more.
    expect(pathsTo(YAHOO, from)).toEqual([QUOTE, CRUMB, QUOTE]);
    const card = await svc.getCard('stock:AAPL');
    expect(card?.supply).toMatchObject({ stale: true });
    expect(await marketError()).toBe('stocks: quote: HTTP 403');
    expect((await db.getQuote('stock:AAPL'))?.price).not.toHaveProperty('stale');
  });

  it('a quote that fails otherwise (500) keeps the crumb and asks no new one', async () => {
    yahooAnswers();
    const svc = service();
    await pricedWithCap(svc);
    routes.length = 0;
    routes.push(on(YAHOO, QUOTE, () => status(500)));
    routes.push(on(YAHOO, CRUMB, () => new Response(RECORDED_CRUMB)));
    clock.advance(24 * 3_600_000);
    const from = sent.length;
    await svc.refreshStockMarkets(['stock:AAPL']);
    expect(pathsTo(YAHOO, from)).toEqual([QUOTE]);
    expect(await marketError()).toBe('stocks: quote: HTTP 500');
  });
});

describe('what a quote answer becomes', () => {
  it('a stock the answer leaves out: its last market cap stale, its price untouched', async () => {
    yahooAnswers();
    const svc = service();
    await pricedWithCap(svc);
    routes.length = 0;
    yahooAnswers();
    routes.unshift(on(YAHOO, QUOTE, json(quoteWith([]))));
    clock.advance(24 * 3_600_000);
    await svc.refreshStockMarkets(['stock:AAPL']);
    const card = await svc.getCard('stock:AAPL');
    expect(card?.supply).toMatchObject({ stale: true, value: { marketCapUsd: RECORDED_CAP } });
    expect(await marketError()).toBe('stocks: not in the quote answer');
    expect(card?.price?.value.usd).toBe(220.003);
    expect((await db.getQuote('stock:AAPL'))?.price).not.toHaveProperty('stale');
  });

  it('a stock never given a market cap gets none from a failed or empty answer', async () => {
    routes.push(on(YAHOO, CHART, json(chart)));
    routes.push(on(YAHOO, CRUMB, () => new Response(RECORDED_CRUMB)));
    routes.push(on(YAHOO, QUOTE, json(quoteWith([]))));
    const svc = service();
    await pricedWithCap(svc);
    expect((await db.getQuote('stock:AAPL'))?.market).toBeUndefined();
    routes.length = 0;
    routes.push(on(YAHOO, QUOTE, () => status(500)));
    clock.advance(24 * 3_600_000);
    await svc.refreshStockMarkets(['stock:AAPL']);
    expect((await db.getQuote('stock:AAPL'))?.market).toBeUndefined();
  });

  it('stores the cap, the session volume in dollars, the quote’s time and when it was read', async () => {
    yahooAnswers();
    const svc = service();
    await svc.refreshQuotes(['stock:AAPL']);
    clock.advance(60_000);
    await svc.refreshStockMarkets(['stock:AAPL']);
    const q = await db.getQuote('stock:AAPL');
    expect(q?.market).toEqual({
      source: 'stocks',
      fetchedAt: clock.now(),
      asOf: 1_739_566_800_000,
      marketCapUsd: RECORDED_CAP,
      fdvUsd: null,
      fdvMaxUsd: null,
      volume24hUsd: 40_896_227 * RECORDED_PRICE,
      circulatingSupply: null,
      totalSupply: null,
      maxSupply: null,
      rank: null,
      shares: RECORDED_CAP / RECORDED_PRICE,
      sharesAt: clock.now(),
    });
    // The record's time is the newest of its parts' (the planner reads it).
    expect(q?.fetchedAt).toBe(clock.now());
    expect(q?.price.fetchedAt).toBe(clock.now() - 60_000);
  });

  it('a cap without a price to divide it by: kept as read, not carried to the next price', async () => {
    // HAND-MADE: the recorded quote row without `regularMarketPrice`.
    const { regularMarketPrice: _p, ...noPrice } = quoteRow;
    routes.push(on(YAHOO, CHART, json(chart)));
    routes.push(on(YAHOO, CRUMB, () => new Response(RECORDED_CRUMB)));
    routes.push(on(YAHOO, QUOTE, json(quoteWith([noPrice]))));
    const svc = service();
    await pricedWithCap(svc);
    const read = (await db.getQuote('stock:AAPL'))?.market;
    expect(read).toMatchObject({ marketCapUsd: RECORDED_CAP, volume24hUsd: null });
    expect(read?.shares).toBeUndefined();
    clock.advance(15 * 60_000);
    await svc.refreshQuotes(['stock:AAPL']);
    expect((await db.getQuote('stock:AAPL'))?.market).toEqual(read);
  });
});

describe('when share counts are read', () => {
  it('exactly a day after the last read, not a millisecond before', async () => {
    yahooAnswers();
    const svc = service();
    await pricedWithCap(svc);
    clock.advance(24 * 3_600_000 - 1);
    let from = sent.length;
    await svc.refreshStockMarkets(['stock:AAPL']);
    expect(sent.length).toBe(from);
    clock.advance(1);
    from = sent.length;
    await svc.refreshStockMarkets(['stock:AAPL']);
    expect(pathsTo(YAHOO, from)).toEqual([QUOTE]);
  });

  it('not for a stock whose price is the bundled snapshot’s, nor for ids that are not stocks', async () => {
    yahooAnswers();
    const svc = service();
    await db.updateQuotes(['stock:AAPL'], () => ({
      assetId: 'stock:AAPL',
      symbol: 'AAPL',
      name: 'Apple Inc.',
      price: {
        source: 'snapshot',
        fetchedAt: 0,
        usd: 200,
        change24hPct: null,
        change7dPct: null,
        asOf: null,
      },
      fetchedAt: 0,
    }));
    await svc.refreshStockMarkets(['stock:AAPL', 'cg:bitcoin', 'AAPL']);
    expect(sent).toEqual([]);
  });

  it('a later price carries the cap at the share count read, and lifts a stale mark from it', async () => {
    yahooAnswers();
    const svc = service();
    await pricedWithCap(svc);
    // The next read fails: the cap is stale.
    routes.length = 0;
    routes.push(on(YAHOO, QUOTE, () => status(500)));
    clock.advance(24 * 3_600_000);
    await svc.refreshStockMarkets(['stock:AAPL']);
    expect((await db.getQuote('stock:AAPL'))?.market?.stale).toBe(true);
    // A new price: the cap at that price from the same share count, fresh, with the chart's volume.
    routes.length = 0;
    yahooAnswers();
    clock.advance(60_000);
    await svc.refreshQuotes(['stock:AAPL']);
    const m = (await db.getQuote('stock:AAPL'))?.market;
    expect(m).toMatchObject({ source: 'stocks', fetchedAt: clock.now(), asOf: 1_742_824_293_000 });
    expect(m?.marketCapUsd).toBeCloseTo((220.003 * RECORDED_CAP) / RECORDED_PRICE, 0);
    expect(m?.volume24hUsd).toBeCloseTo(5_800_260 * 220.003, 3);
    expect(m).not.toHaveProperty('stale');
    expect(m).not.toHaveProperty('error');
  });
});

describe('what a chart answer becomes', () => {
  type ChartBody = { chart: { result: Array<Record<string, unknown> & { meta: Record<string, unknown> }> } };
  /** HAND-MADE: the recorded chart with `meta` fields and the rest of the result replaced. */
  const chartWith = (meta: Record<string, unknown>, rest: Record<string, unknown> = {}) => {
    const c = structuredClone(chart) as ChartBody;
    const r = c.chart.result[0];
    if (r) {
      Object.assign(r.meta, meta);
      Object.assign(r, rest);
    }
    return c;
  };

  it('the price with its session’s range, its time, and how far below the 52-week high', async () => {
    routes.push(on(YAHOO, CHART, json(chart)));
    const svc = service(DEFAULT_SETTINGS);
    expect((await svc.refreshQuotes(['stock:AAPL'])).results.get('stock:AAPL')).toEqual({
      ok: true,
      source: 'stocks',
    });
    const q = await db.getQuote('stock:AAPL');
    expect(q).toMatchObject({
      assetId: 'stock:AAPL',
      symbol: 'AAPL',
      name: 'Apple Inc.',
      fetchedAt: clock.now(),
    });
    expect(q?.price).toEqual({
      source: 'stocks',
      fetchedAt: clock.now(),
      usd: 220.003,
      // The recorded month holds one close, from 2022: too old to be a previous close.
      change24hPct: null,
      change7dPct: null,
      previousClose: null,
      asOf: 1_742_824_293_000,
      high24h: 221.021,
      low24h: 218.58,
      peak: { usd: 260.1, changePct: (220.003 / 260.1 - 1) * 100, date: null, basis: '52w' },
    });
    // One close is no line.
    expect(q?.sparkline).toBeUndefined();
    expect(q?.market).toBeUndefined();
  });

  it('no 52-week high, no peak', async () => {
    routes.push(on(YAHOO, CHART, json(chartWith({ fiftyTwoWeekHigh: null }))));
    await service(DEFAULT_SETTINGS).refreshQuotes(['stock:AAPL']);
    expect((await db.getQuote('stock:AAPL'))?.price.peak).toBeNull();
  });

  it('a month of closes is the 30-day line, dated by its last close; a later single close keeps it', async () => {
    const days = [1742392800, 1742479200, 1742565600];
    routes.push(
      on(
        YAHOO,
        CHART,
        json(chartWith({}, { timestamp: days, indicators: { quote: [{ close: [210, null, 215.5] }] } })),
      ),
    );
    const svc = service(DEFAULT_SETTINGS);
    await svc.refreshQuotes(['stock:AAPL']);
    const line = (await db.getQuote('stock:AAPL'))?.sparkline;
    expect(line).toEqual({
      source: 'stocks',
      fetchedAt: clock.now(),
      asOf: 1742565600_000,
      points: [210, 215.5],
      spanDays: 30,
    });
    routes.length = 0;
    routes.push(on(YAHOO, CHART, json(chart)));
    clock.advance(15 * 60_000);
    await svc.refreshQuotes(['stock:AAPL']);
    expect((await db.getQuote('stock:AAPL'))?.sparkline).toEqual(line);
  });

  it('a price in another currency is refused, and the stored one kept, stale with why', async () => {
    routes.push(on(YAHOO, CHART, json(chart)));
    const svc = service(DEFAULT_SETTINGS);
    await svc.refreshQuotes(['stock:AAPL']);
    routes.length = 0;
    // HAND-MADE: the recorded chart as a London listing would answer, in pence.
    routes.push(on(YAHOO, CHART, json(chartWith({ currency: 'GBp', regularMarketPrice: 17_000 }))));
    clock.advance(15 * 60_000);
    const reason = 'stocks: price in GBp, not USD';
    expect((await svc.refreshQuotes(['stock:AAPL'])).results.get('stock:AAPL')).toEqual({
      ok: false,
      reason,
      servedStale: true,
    });
    expect((await db.getQuote('stock:AAPL'))?.price).toMatchObject({
      usd: 220.003,
      stale: true,
      error: reason,
    });
  });

  it('a failed price marks the stored market cap and line stale with it', async () => {
    routes.push(on(YAHOO, CHART, json(chart)));
    const svc = service(DEFAULT_SETTINGS);
    await svc.refreshQuotes(['stock:AAPL']);
    await db.updateQuotes(['stock:AAPL'], (q) =>
      q
        ? {
            ...q,
            market: { ...STORED_MARKET, fetchedAt: clock.now() },
            sparkline: { source: 'stocks', fetchedAt: clock.now(), asOf: null, points: [1, 2], spanDays: 30 },
          }
        : undefined,
    );
    routes.length = 0;
    routes.push(on(YAHOO, CHART, () => status(500)));
    await svc.refreshQuotes(['stock:AAPL']);
    const q = await db.getQuote('stock:AAPL');
    for (const part of [q?.price, q?.market, q?.sparkline])
      expect(part).toMatchObject({ stale: true, error: 'stocks: HTTP 500' });
  });

  it('Yahoo’s own error answer is the reason; nothing stored is nothing served', async () => {
    // HAND-MADE: the shape Yahoo answers for an unknown symbol (`chart.error`, no result).
    const notFound = {
      chart: {
        result: null,
        error: { code: 'Not Found', description: 'No data found, symbol may be delisted' },
      },
    };
    // A reply made per request: a cancelled copy of a shared one never settles (tee'd bodies).
    routes.push(on(YAHOO, '/v8/finance/chart/ZZZZ', () => json(notFound, 404)));
    routes.push(on(YAHOO, '/v8/finance/chart/YYYY', json(notFound)));
    const { results } = await service(DEFAULT_SETTINGS).refreshQuotes(['stock:ZZZZ', 'stock:YYYY']);
    expect(results.get('stock:ZZZZ')).toEqual({ ok: false, reason: 'stocks: HTTP 404', servedStale: false });
    expect(results.get('stock:YYYY')).toEqual({
      ok: false,
      reason: 'stocks: chart error: Not Found No data found, symbol may be delisted',
      servedStale: false,
    });
    expect(await db.getQuote('stock:YYYY')).toBeUndefined();
  });

  it('a symbol asked in lower case is asked and stored in upper case', async () => {
    routes.push(on(YAHOO, CHART, json(chart)));
    const { results } = await service(DEFAULT_SETTINGS).refreshQuotes(['stock:aapl']);
    expect(pathsTo(YAHOO)).toEqual([CHART]);
    expect(results.get('stock:AAPL')).toEqual({ ok: true, source: 'stocks' });
    expect((await db.getQuote('stock:AAPL'))?.price.usd).toBe(220.003);
  });
});
