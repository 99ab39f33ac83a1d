import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  coinDetailSchema,
  isUsListing,
  marketsSchema,
  marketsUrl,
  parseCoinDetail,
  parseCompanySymbol,
  parseMarkets,
  treasurySchema,
} from '../../../utils/sources/coingecko';
import { parseTokenSecurity, tokenSecuritySchema } from '../../../utils/sources/goplus';
import {
  feesSummarySchema,
  geckoToSlug,
  protocolsSchema,
  revenueTotals,
} from '../../../utils/sources/llama-api';
import { llamaPricesSchema, llamaPricesUrl } from '../../../utils/sources/llama-coins';
import {
  emissionBodySchema,
  emissionsEnvelopeSchema,
  parseEmissionBody,
} from '../../../utils/sources/llama-datasets';
import { bundledSnapshot, snapshotRecords } from '../../../utils/sources/snapshot';
import {
  chartSchema,
  cookiePrimerUrl,
  isCrumb,
  parseChart,
  parseQuotes,
  quoteSchema,
  quoteUrl,
} from '../../../utils/sources/stocks';
import { unlockSchedule } from '../../../utils/sources/unlock-schedule';
import { loadCoingeckoRecordings } from '../../support/api-server';
import { sharedFixture } from '../../support/paths';
import { fixtureJson, pythonLiteral, top250, yahooBody } from '../../support/sources-server';

const recorded = (path: string) => {
  const r = loadCoingeckoRecordings().find((x) => x.path === path);
  if (!r) throw new Error(`no recording for ${path}`);
  return JSON.parse(r.body) as unknown;
};

describe('CoinGecko', () => {
  it('builds one batched markets URL with sparkline and 24h/7d changes', () => {
    const url = marketsUrl('https://api.coingecko.com/api/v3', ['bitcoin', 'ethereum']);
    expect(url).toContain('/coins/markets?vs_currency=usd&ids=bitcoin,ethereum&');
    expect(url).toContain('sparkline=true&price_change_percentage=24h,7d');
    expect(() =>
      marketsUrl(
        'x',
        Array.from({ length: 251 }, (_, i) => `c${i}`),
      ),
    ).toThrow(RangeError);
  });

  it('parses the real top-250, the recorded GetMarkets and the pycgapi mock with stringified nulls', () => {
    const all = parseMarkets(marketsSchema.parse(top250()));
    expect(all.rows).toHaveLength(250);
    expect(all.rejected).toEqual([]);
    expect(all.rows[0]).toMatchObject({
      id: 'bitcoin',
      current_price: 96114.08481738689,
      max_supply: 21000000,
    });
    const rec = parseMarkets(marketsSchema.parse(recorded('/api/v3/coins/markets')));
    expect(rec.rows[0]).toMatchObject({ id: 'bitcoin', circulating_supply: 19675987 });
    const mock = parseMarkets(
      marketsSchema.parse(pythonLiteral(sharedFixture('coingecko/pycgapi/coins_markets_mock.py'))),
    );
    expect(mock.rows.find((r) => r.id === 'ethereum')?.max_supply).toBeNull(); // was the string "null"
  });

  it('keeps good rows when one row is misshaped, and reads a sparkline when present', () => {
    const [btc] = top250();
    const rows = parseMarkets([
      { ...btc, sparkline_in_7d: { price: [1, 2, null, 4] }, price_change_percentage_7d_in_currency: 3.5 },
      { id: 'broken', symbol: 'b', name: 'B', current_price: 'lots' },
    ]);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]?.sparkline_in_7d?.price).toEqual([1, 2, null, 4]);
    expect(rows.rejected[0]).toMatch(/^broken: /);
  });

  it('reads company treasuries in the 2024 and today’s symbol formats', () => {
    const eth = treasurySchema.parse(recorded('/api/v3/companies/public_treasury/ethereum'));
    expect(eth.companies[0]).toMatchObject({
      name: 'MicroStrategy Inc.',
      symbol: 'NASDAQ:MSTR',
      total_holdings: 174530,
    });
    const btc = treasurySchema.parse(pythonLiteral(sharedFixture('coingecko/pycgapi/companies_mock.py')));
    expect(btc.companies[0]?.total_holdings).toBe(158245);
    expect(parseCompanySymbol('NASDAQ:MSTR')).toEqual({ ticker: 'MSTR', exchange: 'NASDAQ' });
    expect(parseCompanySymbol('MSTR.US')).toEqual({ ticker: 'MSTR', exchange: 'US' });
    expect(parseCompanySymbol('TSE: GLXY')).toEqual({ ticker: 'GLXY', exchange: 'TSE' });
    expect(isUsListing('US') && isUsListing('NASDAQ') && !isUsListing('TSE')).toBe(true);
  });

  it('reads handles, categories and platforms from /coins/{id}', () => {
    const d = parseCoinDetail(coinDetailSchema.parse(recorded('/api/v3/coins/ethereum')));
    expect(d.handles).toEqual(['bitcoin']);
    expect(d.categories).toContain('Layer 1 (L1)');
    expect(d.platforms).toEqual({}); // a native coin answers {"": ""}
    const usdc = parseCoinDetail(coinDetailSchema.parse(recorded('/api/v3/coins/ethereum/contract/123')));
    expect(usdc.platforms.ethereum).toBe('0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48');
  });
});

describe('DefiLlama (documented examples)', () => {
  it('prices/current', () => {
    const p = llamaPricesSchema.parse(fixtureJson('defillama', 'prices-current.json'));
    expect(p.coins['ethereum:0xdF574c24545E5FfEcb9a659c229253D4111d87e1']).toMatchObject({
      price: 0.022053735051098835,
      symbol: 'cDAI',
    });
    expect(llamaPricesUrl('https://coins.llama.fi', ['coingecko:bitcoin', 'bsc:0xab'])).toBe(
      'https://coins.llama.fi/prices/current/coingecko%3Abitcoin,bsc%3A0xab',
    );
  });

  it('summary/fees totals: a one-day chart is said as that day, never as 30 days', () => {
    const s = feesSummarySchema.parse(fixtureJson('defillama', 'summary-fees-hyperliquid.json'));
    // The documented example's chart is one day (2024-12-23) and gives no 30-day total.
    const day = Date.UTC(2024, 11, 23);
    expect(revenueTotals(s, Date.UTC(2024, 11, 24, 9))).toEqual({
      total24h: 4890250,
      total7d: 26184696,
      total30d: null,
      totalAllTime: 499292857,
      covered: { days: 1, sum: 1472923, from: day, to: day },
    });
    expect(s.gecko_id).toBe('hyperliquid');
  });

  it('/protocols rows without gecko_id map to nothing; rows with one map id → slug', () => {
    expect(geckoToSlug(protocolsSchema.parse(fixtureJson('defillama', 'protocols.json')))).toEqual({});
    expect(
      geckoToSlug([
        { slug: 'aave-v3', gecko_id: 'aave' },
        { slug: 'aave-v2', gecko_id: 'aave' },
      ]),
    ).toEqual({ aave: 'aave-v3' });
  });

  it('emissions: body as object or as JSON string, categories from metadata', () => {
    for (const file of ['emission-hyperliquid.object.json', 'emission-hyperliquid.string.json']) {
      const env = emissionsEnvelopeSchema.parse(fixtureJson('defillama', file));
      const parsed = parseEmissionBody(env.body);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const { events, sections } = unlockSchedule(parsed.body, Date.parse('2024-11-01T00:00:00Z'));
      expect(events).toEqual([
        {
          kind: 'cliff',
          date: 1732838400_000,
          amount: 60000000,
          category: 'insiders',
          label: 'Hyper Foundation Budget',
        },
      ]);
      expect(sections).toContainEqual({ label: 'Core Contributors', category: 'insiders', amount: null });
      expect(sections).toContainEqual({
        label: 'Hyper Foundation Budget',
        category: 'insiders',
        amount: 60000000,
      });
      // After the event, nothing is upcoming.
      expect(unlockSchedule(parsed.body, Date.parse('2025-01-01T00:00:00Z')).events).toEqual([]);
    }
    expect(parseEmissionBody('{"documentedData": ')).toEqual({
      ok: false,
      reason: 'malformed JSON in emissions body',
    });
    const wrong = parseEmissionBody({ documentedData: { data: 'none' } });
    expect(!wrong.ok && wrong.reason).toMatch(/unexpected answer shape \(body\.documentedData\.data/);
  });

  it('emissions: documented events (the /api/emissions event shape) are used, their template filled', () => {
    const [row] = fixtureJson('defillama', 'emissions-list-pro-example.json') as Array<{ events: unknown[] }>;
    const body = emissionBodySchema.parse({ metadata: { events: row?.events, gecko_id: 'whitebit' } });
    expect(unlockSchedule(body, 0).events).toEqual([
      {
        kind: 'cliff',
        date: 1659657600_000,
        amount: 120000000,
        category: 'noncirculating',
        label: 'Funds 1',
      },
    ]);
  });
});

describe('GoPlus', () => {
  it('reads taxes and string flags from the WETH capture', () => {
    const answer = tokenSecuritySchema.parse(fixtureJson('goplus', 'token_security_1_weth.json'));
    const r = parseTokenSecurity(answer, '1', '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toMatchObject({
      symbol: 'WETH',
      buyTax: 0,
      sellTax: 0,
      transferTax: null,
      holderCount: 3679802,
    });
    expect(r.data.flags).toMatchObject({
      honeypot: false,
      openSource: true,
      proxy: false,
      mintable: false,
      cannotSellAll: null,
    });
  });
  it('treats a non-1 code as a failure (4029 is the in-band rate limit)', () => {
    expect(parseTokenSecurity({ code: 4029, message: 'request limit reached' }, '1', '0x1')).toMatchObject({
      ok: false,
      rateLimited: true,
    });
  });
});

describe('Yahoo v7 quote', () => {
  it('reads market cap, shares and session volume from the recorded answer', () => {
    const answer = quoteSchema.parse(yahooBody('quote-AAPL.json'));
    const m = parseQuotes(answer).get('AAPL');
    expect(m).toEqual({
      symbol: 'AAPL',
      marketCapUsd: 3674405863424,
      // The count the market cap stands for: 3,674,405,863,424 ÷ 244.60.
      impliedShares: 3674405863424 / 244.6,
      sharesOutstanding: 15022100480,
      volumeUsd: expect.any(Number),
      asOf: 1739566800_000,
    });
  });
  it('drops rows not in US dollars or of the wrong shape, keeping the rest', () => {
    const row = (yahooBody('quote-AAPL.json') as { quoteResponse: { result: unknown[] } }).quoteResponse
      .result[0] as Record<string, unknown>;
    const answer = quoteSchema.parse({
      quoteResponse: {
        result: [row, { ...row, symbol: 'AAPL.L', currency: 'GBp' }, { symbol: 42 }, null],
        error: null,
      },
    });
    expect([...parseQuotes(answer).keys()]).toEqual(['AAPL']);
  });
  it('builds one batched URL with the crumb, and tells a crumb from an error page', () => {
    expect(quoteUrl('https://query1.finance.yahoo.com', ['MSTR', 'BRK-B'], 'a/b.c ')).toBe(
      'https://query1.finance.yahoo.com/v7/finance/quote?symbols=MSTR,BRK-B&crumb=a%2Fb.c',
    );
    expect(isCrumb('haT3oykhHqZ')).toBe(true);
    expect(isCrumb('<html><body>Too Many Requests</body></html>')).toBe(false);
    expect(isCrumb('')).toBe(false);
    expect(cookiePrimerUrl('https://query1.finance.yahoo.com')).toBe('https://fc.yahoo.com/');
    expect(cookiePrimerUrl('http://127.0.0.1:8080/yahoo')).toBeUndefined();
  });
});

describe('Yahoo v8 chart', () => {
  it('reads price, name and time; no previous close is made up from a months-old series', () => {
    const r = parseChart(chartSchema.parse(yahooBody('chart-AAPL.json')));
    expect(r).toMatchObject({
      ok: true,
      quote: { symbol: 'AAPL', name: 'Apple Inc.', price: 220.003, previousClose: null, change24hPct: null },
    });
  });
  it('uses the answer’s previousClose when present', () => {
    const r = parseChart(
      chartSchema.parse(
        yahooBody('chart-AAPL-2025-02-01-to-2025-02-02-includePrePost-false-interval-1m.json'),
      ),
    );
    expect(r.ok && r.quote.previousClose).toBe(244.47);
    expect(r.ok && r.quote.change24hPct).toBeCloseTo(((244.87 - 244.47) / 244.47) * 100);
  });
  it('reports the chart error of an unknown symbol', () => {
    const r = parseChart({
      chart: { result: null, error: { code: 'Not Found', description: 'No data found' } },
    });
    expect(r).toEqual({ ok: false, reason: 'chart error: Not Found No data found' });
  });
});

describe('bundled snapshot', () => {
  it('is dated, from recorded answers, modest in size, with the top 250 coins and the recorded stocks', () => {
    const s = bundledSnapshot();
    expect(s.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(s.quotes.filter((q) => q.assetId.startsWith('cg:'))).toHaveLength(250);
    expect(s.quotes.find((q) => q.assetId === 'stock:AAPL')?.priceUsd).toBe(220.003);
    expect(s.quotes.find((q) => q.assetId === 'cg:bitcoin')).toMatchObject({
      priceUsd: 96114.1,
      asOf: '2025-02-09T17:44:04.143Z',
    });
    expect(
      readFileSync(new URL('../../../utils/sources/snapshot/quotes.json', import.meta.url)).byteLength,
    ).toBeLessThan(100_000);
    const recs = snapshotRecords(s);
    expect(recs.every((r) => r.price.source === 'snapshot')).toBe(true);
  });
});
