/**
 * The card's chart and header data from recorded answers: CoinGecko's market chart and markets
 * rows (24 h range, all-time high), Yahoo's chart (the session's range, the 52-week high), and the
 * order and warnings of a token's contracts.
 */
import { describe, expect, it } from 'vitest';
import { orderedContracts } from '../../../entrypoints/background/card-onward';
import { parseTokenSecurity, tokenSecuritySchema } from '../../../utils/sources/goplus';
import {
  cleanPoints,
  coinChartSchema,
  coinChartUrl,
  parseCoinChart,
  parseStockChart,
  sparklinePoints,
  stockChartUrl,
  yahooChartSchema,
} from '../../../utils/sources/price-chart';
import { parseChart } from '../../../utils/sources/stocks';
import { tokenFlags } from '../../../utils/sources/token-flags';
import { loadCoingeckoRecordings } from '../../support/api-server';
import { fixtureJson, top250, yahooBody } from '../../support/sources-server';

describe('price charts', () => {
  it('asks CoinGecko for days and Yahoo for its nearest range and interval', () => {
    expect(coinChartUrl('https://api.coingecko.com/api/v3', 'bitcoin', '30d')).toBe(
      'https://api.coingecko.com/api/v3/coins/bitcoin/market_chart?vs_currency=usd&days=30',
    );
    expect(stockChartUrl('https://query1.finance.yahoo.com', 'BRK-B', '7d')).toBe(
      'https://query1.finance.yahoo.com/v8/finance/chart/BRK-B?range=5d&interval=30m',
    );
  });

  it('reads the recorded market chart as time-stamped prices, oldest first', () => {
    const rec = loadCoingeckoRecordings().find((r) => r.path.endsWith('/market_chart/range'));
    const points = parseCoinChart(coinChartSchema.parse(JSON.parse(rec?.body ?? '{}')));
    expect(points).toEqual([
      [1711843200000, 69702.3087473573],
      [1711929600000, 71246.9514406015],
      [1711983682000, 68887.7495158568],
    ]);
  });

  it('reads Yahoo’s recorded intraday chart, and refuses a price not in dollars', () => {
    const body = yahooChartSchema.parse(yahooBody('chart-BTC-USD-2020-01-01-to-2020-01-03.json'));
    const parsed = parseStockChart(body);
    expect(parsed.ok && parsed.points.length).toBe(3);
    const euro = structuredClone(body);
    const meta = euro.chart.result?.[0]?.meta;
    if (meta) meta.currency = 'EUR';
    expect(parseStockChart(euro)).toEqual({ ok: false, reason: 'price in EUR, not USD' });
  });

  it('drops gaps and non-prices, and thins a long series keeping both ends (no spread of a huge array)', () => {
    expect(
      cleanPoints([
        [3, 1],
        [1, null],
        [2, Number.NaN],
        [0, -1],
        [1, 2],
      ]),
    ).toEqual([
      [1, 2],
      [3, 1],
    ]);
    const long = Array.from({ length: 200_000 }, (_, i) => [i, 1 + (i % 7)] as const);
    const thin = cleanPoints(long, 300);
    expect(thin).toHaveLength(300);
    expect(thin[0]).toEqual([0, 1]);
    expect(thin.at(-1)).toEqual([199_999, long[199_999]?.[1]]);
  });

  it('dates a stored 7-day sparkline back from its last point', () => {
    const last = Date.UTC(2026, 11, 6);
    const pts = sparklinePoints([1, 2, 3], 7, last);
    expect(pts.map(([t]) => t)).toEqual([last - 7 * 86_400_000, last - 3.5 * 86_400_000, last]);
  });
});

describe('the header’s figures from the recordings', () => {
  it('has CoinGecko’s 24 h high and low and all-time high in the markets rows the service reads', () => {
    const btc = top250().find((r) => r.id === 'bitcoin') as Record<string, unknown>;
    expect(typeof btc.high_24h).toBe('number');
    expect(typeof btc.low_24h).toBe('number');
    expect(typeof btc.ath).toBe('number');
    expect(typeof btc.ath_change_percentage).toBe('number');
  });

  it('reads a stock’s session range and 52-week high from Yahoo’s chart', () => {
    const parsed = parseChart(yahooChartSchema.parse(yahooBody('chart-AAPL.json')));
    expect(parsed.ok && [parsed.quote.dayLow, parsed.quote.dayHigh, parsed.quote.yearHigh]).toEqual([
      218.58, 221.021, 260.1,
    ]);
  });
});

describe('a token’s contracts and warnings', () => {
  it('puts the chain it was issued on first, Ethereum when CoinGecko does not say', () => {
    const platforms = { solana: 'So1', ethereum: '0xe', base: '0xb' };
    expect(orderedContracts(platforms, 'base').map((c) => c.chain)).toEqual(['Base', 'Solana', 'Ethereum']);
    expect(orderedContracts(platforms, undefined).map((c) => c.chain)).toEqual([
      'Ethereum',
      'Solana',
      'Base',
    ]);
    expect(orderedContracts({ solana: 'So1' }, undefined)).toEqual([
      { platform: 'solana', chain: 'Solana', address: 'So1' },
    ]);
  });

  it('finds nothing to warn about in WETH (the recorded GoPlus answer)', () => {
    const answer = tokenSecuritySchema.parse(fixtureJson('goplus', 'token_security_1_weth.json'));
    const parsed = parseTokenSecurity(answer, '1', '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2');
    expect(parsed.ok && tokenFlags(parsed.data)).toEqual([]);
  });

  it('warns as wallets do, worst first; a renounced owner can no longer mint or pause', () => {
    // The WETH row with its flags turned on, by hand (GoPlus's own field names and value forms).
    const answer = tokenSecuritySchema.parse(fixtureJson('goplus', 'token_security_1_weth.json'));
    const row = Object.values(answer.result ?? {})[0] as Record<string, unknown>;
    Object.assign(row, {
      is_honeypot: '1',
      is_mintable: '1',
      transfer_pausable: '1',
      sell_tax: '0.12',
      owner_address: '0x1111111111111111111111111111111111111111',
      lp_holders: [{ address: '0x2222222222222222222222222222222222222222', percent: '0.9', is_locked: 0 }],
    });
    const parsed = parseTokenSecurity(answer, '1', '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2');
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(tokenFlags(parsed.data)).toEqual([
      { flag: 'honeypot' },
      { flag: 'sellTax', pct: 12 },
      { flag: 'mintable' },
      { flag: 'transferPausable' },
      { flag: 'lpUnlocked', pct: 0 },
    ]);
    row.owner_address = '0x000000000000000000000000000000000000dead';
    const renounced = parseTokenSecurity(answer, '1', '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2');
    expect(renounced.ok && tokenFlags(renounced.data).map((f) => f.flag)).toEqual([
      'honeypot',
      'sellTax',
      'lpUnlocked',
    ]);
  });
});
