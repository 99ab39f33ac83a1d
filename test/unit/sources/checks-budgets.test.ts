/**
 * The options page's per-source check (checks.ts) and the rate budgets (budgets.ts): which URL each
 * check asks, with which key header, what answer counts as the right kind of JSON and how it is
 * described; and which budget a source gets per CoinGecko tier. The answers here are minimal
 * hand-made bodies in the shapes the sources document (CoinGecko's /ping, DefiLlama's /prices and
 * /v2/chains, Yahoo's chart), not recordings.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings';
import { budgetFor, COINGECKO_BUDGETS, SOURCE_BUDGETS } from '../../../utils/sources/budgets';
import { sourceCheckRequest } from '../../../utils/sources/checks';

function withSources(change: (s: Settings['sources']) => void): Settings {
  const settings = structuredClone(DEFAULT_SETTINGS);
  change(settings.sources);
  return settings;
}

const local = withSources((s) => {
  for (const id of Object.keys(s) as Array<keyof typeof s>) s[id].baseUrl = `https://mirror.test/${id}`;
});

describe('sourceCheckRequest', () => {
  it('asks one cheap endpoint under each source’s base URL from the settings', () => {
    const urls = Object.fromEntries(
      (['coingecko', 'llamaCoins', 'llamaApi', 'llamaDatasets', 'goplus', 'stocks'] as const).map((id) => [
        id,
        sourceCheckRequest(local, id).url,
      ]),
    );
    expect(urls).toEqual({
      coingecko: 'https://mirror.test/coingecko/ping',
      llamaCoins: 'https://mirror.test/llamaCoins/prices/current/coingecko:bitcoin',
      llamaApi: 'https://mirror.test/llamaApi/v2/chains',
      llamaDatasets: 'https://mirror.test/llamaDatasets/emissionsProtocolsList',
      goplus: 'https://mirror.test/goplus/api/v1/supported_chains',
      stocks: 'https://mirror.test/stocks/v8/finance/chart/SPY?range=1d&interval=1d',
    });
  });

  it('sends the CoinGecko key only to CoinGecko, as the header its plan takes', () => {
    const keyed = (baseUrl: string) =>
      withSources((s) => {
        s.coingecko.baseUrl = baseUrl;
        s.coingecko.apiKey = 'CG-key';
      });
    expect(sourceCheckRequest(keyed('https://api.coingecko.com/api/v3'), 'coingecko').headers).toEqual({
      'x-cg-demo-api-key': 'CG-key',
    });
    expect(sourceCheckRequest(keyed('https://pro-api.coingecko.com/api/v3'), 'coingecko').headers).toEqual({
      'x-cg-pro-api-key': 'CG-key',
    });
    for (const id of ['llamaCoins', 'llamaApi', 'llamaDatasets', 'goplus', 'stocks'] as const) {
      expect(sourceCheckRequest(keyed('https://api.coingecko.com/api/v3'), id).headers).toEqual({});
    }
  });

  it('takes an answer of the right kind and says what it was, and refuses another kind', () => {
    const ping = sourceCheckRequest(DEFAULT_SETTINGS, 'coingecko');
    const pong = ping.schema.parse({ gecko_says: '(V3) To the Moon!' });
    expect(ping.describe(pong)).toBe('(V3) To the Moon!');
    expect(ping.schema.safeParse({ status: 'ok' }).success).toBe(false);

    const prices = sourceCheckRequest(DEFAULT_SETTINGS, 'llamaCoins');
    expect(prices.schema.safeParse({ coins: { 'coingecko:bitcoin': { price: 1 } } }).success).toBe(true);
    expect(prices.schema.safeParse([]).success).toBe(false);
    expect(prices.describe(null)).toBe('prices answer');

    for (const [id, said] of [
      ['llamaApi', 'chains answer'],
      ['llamaDatasets', 'emissions list answer'],
    ] as const) {
      const check = sourceCheckRequest(DEFAULT_SETTINGS, id);
      expect(check.schema.safeParse([{ name: 'Ethereum' }]).success).toBe(true);
      expect(check.schema.safeParse({ chains: [] }).success).toBe(false);
      expect(check.describe(null)).toBe(said);
    }

    const goplus = sourceCheckRequest(DEFAULT_SETTINGS, 'goplus');
    expect(goplus.schema.safeParse({ code: 1, result: [] }).success).toBe(true);
    expect(goplus.describe(null)).toBe('answer');

    const stocks = sourceCheckRequest(DEFAULT_SETTINGS, 'stocks');
    expect(stocks.schema.safeParse({ chart: { result: [] } }).success).toBe(true);
    expect(stocks.schema.safeParse({ finance: { error: 'Not Found' } }).success).toBe(false);
    expect(stocks.describe(null)).toBe('chart answer');
  });
});

describe('budgetFor', () => {
  it('gives CoinGecko the budget of its tier, keyless by default', () => {
    expect(budgetFor('coingecko')).toBe(COINGECKO_BUDGETS.keyless);
    expect(budgetFor('coingecko', 'demo')).toEqual({ perMinute: 30, burst: 8, basis: expect.any(String) });
    expect(budgetFor('coingecko', 'pro').perMinute).toBe(120);
  });

  it('gives every other source its own row, whatever CoinGecko’s tier', () => {
    for (const id of ['llamaCoins', 'llamaApi', 'llamaDatasets', 'goplus', 'stocks'] as const) {
      expect(budgetFor(id, 'pro')).toBe(SOURCE_BUDGETS[id]);
    }
    expect(budgetFor('stocks').perMinute).toBe(10);
  });
});
