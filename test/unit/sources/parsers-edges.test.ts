/**
 * CoinGecko's and Yahoo's URL builders and readers at their edges: the exact URLs asked (query
 * names and values a source documents), rows that are odd in one field, company symbols in every
 * form CoinGecko has used, Yahoo's previous close made from the daily series only when that is
 * recent, and the crumb and cookie-page rules.
 *
 * Answers: the recorded CoinGecko contract detail (USDC) and top 250, Yahoo's recorded chart and
 * quote; HAND-MADE copies of them with one field changed, and hand-made daily series in the shape
 * of Yahoo's chart (`timestamp` in seconds beside `indicators.quote[0].close`), said where they are.
 */
import { describe, expect, it } from 'vitest';
import {
  coinDetailSchema,
  coinDetailUrl,
  coingeckoHeaders,
  MARKETS_BATCH,
  marketsUrl,
  parseCoinDetail,
  parseCompanySymbol,
  parseMarkets,
  rankPageUrl,
  tokenPriceUrl,
} from '../../../utils/sources/coingecko';
import {
  type ChartAnswer,
  chartSchema,
  chartUrl,
  cookiePrimerUrl,
  crumbUrl,
  isCrumb,
  parseChart,
  parseQuotes,
  quoteSchema,
} from '../../../utils/sources/stocks';
import { loadCoingeckoRecordings } from '../../support/api-server';
import { top250, yahooBody } from '../../support/sources-server';

const BASE = 'https://api.coingecko.com/api/v3';

describe('CoinGecko URLs', () => {
  it('markets: USD, the ids, market-cap order, one page of 250, the line and both changes', () => {
    expect(marketsUrl(BASE, ['bitcoin', 'ethereum'])).toBe(
      `${BASE}/coins/markets?vs_currency=usd&ids=bitcoin,ethereum&order=market_cap_desc&per_page=250&page=1&sparkline=true&price_change_percentage=24h,7d`,
    );
  });

  it(`markets: between 1 and ${MARKETS_BATCH} ids, and says so`, () => {
    expect(() => marketsUrl(BASE, [])).toThrow(new RangeError('1..250 ids'));
    expect(
      marketsUrl(
        BASE,
        Array.from({ length: MARKETS_BATCH }, (_, i) => `c${i}`),
      ),
    ).toContain('c249&');
  });

  it('rank pages: market-cap order, 250 a page, the page asked', () => {
    expect(rankPageUrl(BASE, 3)).toBe(
      `${BASE}/coins/markets?vs_currency=usd&order=market_cap_desc&per_page=250&page=3`,
    );
  });

  it('token prices: the platform escaped, the addresses, USD with change, cap and time', () => {
    expect(tokenPriceUrl(BASE, 'binance smart', ['0xa', '0xb'])).toBe(
      `${BASE}/simple/token_price/binance%20smart?contract_addresses=0xa,0xb&vs_currencies=usd&include_24hr_change=true&include_market_cap=true&include_last_updated_at=true`,
    );
  });

  it('coin detail: the id escaped, and none of the parts the card does not use', () => {
    expect(coinDetailUrl(BASE, 'a/b')).toBe(
      `${BASE}/coins/a%2Fb?localization=false&tickers=false&market_data=false&community_data=false&developer_data=false&sparkline=false`,
    );
  });

  it('no key header for a base URL that is not a URL', () => {
    expect(coingeckoHeaders('not a url', 'CG-key')).toEqual({});
  });
});

describe('CoinGecko markets rows', () => {
  const [btc] = top250();

  it('a row without a price field is a coin without a price, not a broken row', () => {
    // HAND-MADE: the recorded bitcoin row without `current_price`.
    const { current_price: _p, ...noPrice } = btc ?? { id: 'bitcoin' };
    const { rows, rejected } = parseMarkets([noPrice]);
    expect(rejected).toEqual([]);
    expect(rows[0]).toMatchObject({ id: 'bitcoin', current_price: null });
  });

  it('a broken row is named by its id, or by its place when it has none', () => {
    const { rows, rejected } = parseMarkets([btc, null, { id: 'x', symbol: 'x' }, { symbol: 'y' }]);
    expect(rows.map((r) => r.id)).toEqual(['bitcoin']);
    expect(rejected).toHaveLength(3);
    expect(rejected[0]).toMatch(/^#1: /);
    expect(rejected[1]).toMatch(/^x: /);
    expect(rejected[2]).toMatch(/^#3: /);
  });
});

describe('CoinGecko coin detail', () => {
  const usdc = () => {
    const r = loadCoingeckoRecordings().find((x) => x.path === '/api/v3/coins/ethereum/contract/123');
    if (!r) throw new Error('no recorded contract detail');
    return JSON.parse(r.body) as Record<string, unknown>;
  };
  const read = (over: Record<string, unknown>) =>
    parseCoinDetail(coinDetailSchema.parse({ ...usdc(), ...over }));

  it('the home chain is named when the token has a contract there', () => {
    expect(read({}).homePlatform).toBe('ethereum');
    // HAND-MADE: a home chain the platforms do not list.
    expect(read({ asset_platform_id: 'cardano' })).not.toHaveProperty('homePlatform');
    expect(read({ asset_platform_id: null })).not.toHaveProperty('homePlatform');
  });

  it('a handle written with @ and spaces is the bare handle; none given, none', () => {
    expect(read({ links: { twitter_screen_name: ' @circle ' } }).handles).toEqual(['circle']);
    expect(read({ links: { twitter_screen_name: 'a@b' } }).handles).toEqual(['a@b']);
    expect(read({ links: { twitter_screen_name: null } }).handles).toEqual([]);
    expect(read({ links: null }).handles).toEqual([]);
  });

  it('platforms keep only chains with an address; categories only named ones', () => {
    const d = read({
      platforms: { ethereum: '0xa0b8', base: '', '': '0x1' },
      categories: ['Stablecoins', null],
    });
    expect(d.platforms).toEqual({ ethereum: '0xa0b8' });
    expect(d.categories).toEqual(['Stablecoins']);
    expect(read({ categories: null, platforms: null })).toMatchObject({ categories: [], platforms: {} });
  });
});

describe('company symbols', () => {
  it.each([
    ['NASDAQ:MSTR', 'MSTR', 'NASDAQ'],
    [' nasdaq : mstr ', 'MSTR', 'NASDAQ'],
    ['MSTR.US', 'MSTR', 'US'],
    ['mstr.us', 'MSTR', 'US'],
    ['3350.T', '3350', 'T'],
    ['GLXY.NEO', 'GLXY', 'NEO'],
    ['BITF.TSXV', 'BITF', 'TSXV'],
    // Not an exchange tag: five letters, or nothing before the dot or the colon.
    ['ABC.DEFGH', 'ABC.DEFGH', ''],
    ['.US', '.US', ''],
    [':MSTR', ':MSTR', ''],
    ['A.B2', 'A.B2', ''],
    ['MSTR', 'MSTR', ''],
    [' coin ', 'COIN', ''],
  ])('%j is ticker %j on %j', (symbol, ticker, exchange) => {
    expect(parseCompanySymbol(symbol)).toEqual({ ticker, exchange });
  });
});

describe('Yahoo chart', () => {
  type Result = { meta: Record<string, unknown>; timestamp?: number[]; indicators?: unknown };
  const recorded = () => structuredClone(yahooBody('chart-AAPL.json')) as { chart: { result: Result[] } };
  /** HAND-MADE: the recorded AAPL chart with `meta` fields replaced and a daily series of its own. */
  const chartWith = (
    meta: Record<string, unknown>,
    days: Array<[string, number | null]> = [],
  ): ChartAnswer => {
    const c = recorded();
    const r = c.chart.result[0] as Result;
    Object.assign(r.meta, meta);
    r.timestamp = days.map(([iso]) => Date.parse(iso) / 1000);
    r.indicators = { quote: [{ close: days.map(([, v]) => v) }] };
    return chartSchema.parse(c);
  };
  const quoteOf = (a: ChartAnswer) => {
    const r = parseChart(a);
    if (!r.ok) throw new Error(r.reason);
    return r.quote;
  };
  /** Mid-session on Monday 2025-03-24 (14:00 UTC), the recorded chart's day. */
  const NOW = { regularMarketTime: Date.parse('2025-03-24T14:00:00Z') / 1000, regularMarketPrice: 220 };

  it('the URL: one symbol, escaped, a month of days', () => {
    expect(chartUrl('https://query1.finance.yahoo.com', 'BRK B')).toBe(
      'https://query1.finance.yahoo.com/v8/finance/chart/BRK%20B?range=1mo&interval=1d',
    );
    expect(crumbUrl('https://query1.finance.yahoo.com')).toBe(
      'https://query1.finance.yahoo.com/v1/test/getcrumb',
    );
  });

  it('the previous close is the last close before today’s session, when that is recent', () => {
    const q = quoteOf(
      chartWith({ ...NOW, previousClose: null }, [
        ['2025-03-20T13:30:00Z', 210],
        ['2025-03-21T13:30:00Z', 200],
        ['2025-03-24T13:30:00Z', 219],
      ]),
    );
    expect(q.previousClose).toBe(200);
    expect(q.change24hPct).toBeCloseTo(10, 10);
    expect(q.closes).toEqual([210, 200, 219]);
    expect(q.lastCloseAt).toBe(Date.parse('2025-03-24T13:30:00Z'));
  });

  it('a close at midnight UTC of today is today’s, not the previous one', () => {
    const q = quoteOf(
      chartWith({ ...NOW, previousClose: null }, [
        ['2025-03-21T13:30:00Z', 200],
        ['2025-03-24T00:00:00Z', 219],
      ]),
    );
    expect(q.previousClose).toBe(200);
  });

  it('a last close five days old or more makes no previous close', () => {
    const fiveDays = chartWith({ ...NOW, previousClose: null }, [['2025-03-19T14:00:00Z', 200]]);
    expect(quoteOf(fiveDays)).toMatchObject({ previousClose: null, change24hPct: null });
    const justUnder = chartWith({ ...NOW, previousClose: null }, [['2025-03-19T14:00:01Z', 200]]);
    expect(quoteOf(justUnder).previousClose).toBe(200);
  });

  it('the answer’s own previous close wins; without a time none is made up; gaps are skipped', () => {
    const days: Array<[string, number | null]> = [
      ['2025-03-20T13:30:00Z', 210],
      ['2025-03-21T13:30:00Z', null],
    ];
    expect(quoteOf(chartWith({ ...NOW, previousClose: 205 }, days)).previousClose).toBe(205);
    const timeless = quoteOf(chartWith({ ...NOW, regularMarketTime: null, previousClose: null }, days));
    expect(timeless).toMatchObject({ previousClose: null, asOf: null, closes: [210] });
    expect(timeless.lastCloseAt).toBe(Date.parse('2025-03-20T13:30:00Z'));
  });

  it('no series at all: no closes, no last close time', () => {
    const c = recorded();
    const r = c.chart.result[0] as Result;
    delete r.timestamp;
    delete r.indicators;
    expect(quoteOf(chartSchema.parse(c))).toMatchObject({ closes: [], lastCloseAt: null });
  });

  it('closes without their times, or an empty list of quote series, are no closes', () => {
    const noTimes = recorded();
    delete (noTimes.chart.result[0] as Result).timestamp;
    expect(quoteOf(chartSchema.parse(noTimes)).closes).toEqual([]);
    const noQuote = recorded();
    (noQuote.chart.result[0] as Result).indicators = { quote: [] };
    expect(quoteOf(chartSchema.parse(noQuote))).toMatchObject({ closes: [], lastCloseAt: null });
  });

  it('named by the long name, else the short one, else the symbol; USD when no currency is said', () => {
    expect(quoteOf(chartWith({ longName: null, shortName: 'Apple' })).name).toBe('Apple');
    expect(quoteOf(chartWith({ longName: null, shortName: null })).name).toBe('AAPL');
    expect(quoteOf(chartWith({ currency: null })).currency).toBe('USD');
  });

  it('the session’s volume in dollars; a high or low of zero is none', () => {
    const q = quoteOf(
      chartWith({ regularMarketVolume: 1_000, regularMarketDayHigh: 0, regularMarketDayLow: 0 }),
    );
    expect(q).toMatchObject({ volume: 1_000 * 220.003, dayHigh: null, dayLow: null });
    expect(quoteOf(chartWith({ regularMarketVolume: null })).volume).toBeNull();
  });

  it('an error with only a code, or only a description, or none at all', () => {
    const err = (error: unknown) => parseChart(chartSchema.parse({ chart: { result: null, error } }));
    expect(err({ code: 'Not Found' })).toEqual({ ok: false, reason: 'chart error: Not Found' });
    expect(err({ description: 'No data found' })).toEqual({
      ok: false,
      reason: 'chart error: No data found',
    });
    expect(err({})).toEqual({ ok: false, reason: 'chart error:' });
    expect(err(null)).toEqual({ ok: false, reason: 'no chart result' });
    expect(parseChart(chartSchema.parse({ chart: { result: [] } }))).toEqual({
      ok: false,
      reason: 'no chart result',
    });
  });
});

describe('Yahoo quote', () => {
  const row = (yahooBody('quote-AAPL.json') as { quoteResponse: { result: Array<Record<string, unknown>> } })
    .quoteResponse.result[0] as Record<string, unknown>;
  const read = (over: Record<string, unknown>) =>
    parseQuotes(quoteSchema.parse({ quoteResponse: { result: [{ ...row, ...over }] } })).get('AAPL');

  it('zero or negative figures are unknown, and nothing is derived from them', () => {
    expect(read({ marketCap: 0, regularMarketVolume: -5 })).toMatchObject({
      marketCapUsd: null,
      impliedShares: null,
      volumeUsd: null,
    });
    expect(read({ regularMarketPrice: 0 })).toMatchObject({
      marketCapUsd: 3_674_405_863_424,
      impliedShares: null,
      volumeUsd: null,
    });
    expect(read({ sharesOutstanding: 0, regularMarketTime: null })).toMatchObject({
      sharesOutstanding: null,
      asOf: null,
    });
  });

  it('a cap without a volume still gives the share count; a lower-case symbol is read upper-case', () => {
    expect(read({ regularMarketVolume: null })).toMatchObject({
      impliedShares: 3_674_405_863_424 / 244.6,
      volumeUsd: null,
    });
    expect(read({ symbol: 'aapl' })?.symbol).toBe('AAPL');
  });

  it('a row that does not say its currency is taken as US dollars; an answer without rows is none', () => {
    expect(read({ currency: null })?.marketCapUsd).toBe(3_674_405_863_424);
    expect(parseQuotes(quoteSchema.parse({ quoteResponse: { result: null } })).size).toBe(0);
  });
});

describe('Yahoo crumb and cookie page', () => {
  it.each([
    ['abcd', true],
    ['abc', false],
    [' haT3oykhHqZ\n', true],
    ['a'.repeat(64), true],
    ['a'.repeat(65), false],
    ['a/b.c_d-e', true],
    ['<p>abcd', false],
    ['abcd</p>', false],
    ['ab cd', false],
  ])('%j is a crumb: %s', (text, crumb) => {
    expect(isCrumb(text)).toBe(crumb);
  });

  it.each([
    ['https://query1.finance.yahoo.com', 'https://fc.yahoo.com/'],
    ['https://yahoo.com', 'https://fc.yahoo.com/'],
    ['https://notyahoo.com', undefined],
    ['https://yahoo.com.example', undefined],
    ['not a url', undefined],
  ])('%s visits the cookie page %s', (base, primer) => {
    expect(cookiePrimerUrl(base)).toBe(primer);
  });
});
