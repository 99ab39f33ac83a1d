/**
 * The card as it crosses from the worker to the content script (utils/card-schema.ts, the
 * `tickerlens:card` reply): a full card arrives whole, every section and field kept, and a card
 * that is not one (a source no one knows, a figure that is text, a kind or basis the card cannot
 * draw) is refused where it is received, so the card shows an error rather than a wrong figure.
 *
 * HAND-MADE card in the shape of the service's `Card` (utils/sources/card.ts; the typecheck keeps
 * the two the same): figures of Hyperliquid and of a treasury company, not a recorded answer.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardData } from '../../utils/card-schema';

/**
 * The module afresh for each test: the schema is built on first use and kept, so each test checks
 * a schema it built itself (and a mutation-testing run that follows which test executed which line
 * sees every test that relies on the schema's definition).
 */
let cardSchema: typeof import('../../utils/card-schema')['cardSchema'];
beforeEach(async () => {
  vi.resetModules();
  ({ cardSchema } = await import('../../utils/card-schema'));
});

const NOW = Date.UTC(2026, 11, 5, 12);
const DAY = 86_400_000;

const figure = <T>(value: T, source: CardData['price'] extends infer _ ? string : never = 'coingecko') => ({
  value,
  source: source as 'coingecko',
  fetchedAt: NOW - 120_000,
  ageMs: 120_000,
  asOf: null,
  sourceOld: false,
  stale: false,
});

const series = {
  total24h: 1_200_000,
  total7d: 9_000_000,
  total30d: 41_000_000,
  totalAllTime: null,
  covered: { days: 30, sum: 41_000_000, from: NOW - 30 * DAY, to: NOW },
};

const unlock = {
  kind: 'cliff' as const,
  date: NOW + 10 * DAY,
  end: null,
  amount: 9_920_000,
  ratePerDay: null,
  shareOfCirculatingPct: 2.97,
  category: 'insiders',
  label: 'Core Contributors',
  insider: true,
};

const full: CardData = {
  assetId: 'cg:hyperliquid',
  symbol: 'HYPE',
  name: 'Hyperliquid',
  price: {
    ...figure({
      usd: 38.12,
      change24hPct: 2.5,
      change7dPct: null,
      previousClose: null,
      asOf: NOW - 60_000,
      high24h: 39.4,
      low24h: 36.9,
      peak: { usd: 49.75, changePct: -23.4, date: null, basis: 'ath' },
    }),
    staleReason: 'HTTP 429',
    stale: true,
  },
  supply: figure({
    circulating: 334_000_000,
    total: 1_000_000_000,
    max: null,
    marketCapUsd: 12_700_000_000,
    fdvUsd: 38_100_000_000,
    fdvMaxUsd: null,
    volume24hUsd: 412_000_000,
    rank: 12,
  }),
  sparkline: {
    ...figure({ points: [36, 37, 39, 38.5, 38.12], spanDays: 7 }),
    source: 'snapshot',
    snapshotDate: '2025-02-09',
  },
  unlocks: figure(
    {
      next: [unlock, { ...unlock, kind: 'stream', end: NOW + 90 * DAY, ratePerDay: 100_000, insider: false }],
      recent: [],
      next30d: { amount: 9_920_000, sharePct: 2.97, insiderAmount: 9_920_000, insiderSharePct: null },
      next90d: { amount: 18_920_000, sharePct: null, insiderAmount: 9_920_000, insiderSharePct: 2.97 },
      allocation: { current: { insiders: 10, airdrop: 31 }, final: { insiders: 23.8, airdrop: 31 } },
      sections: [{ label: 'Core Contributors', category: 'insiders', amount: 238_000_000, sharePct: null }],
      totalSupply: 1_000_000_000,
      listed: true,
      sources: ['https://hyperliquid.gitbook.io/'],
    },
    'llamaApi',
  ),
  treasury: figure(
    {
      company: 'Strategy',
      holdings: [
        {
          coin: 'bitcoin',
          holdings: 640_031,
          valueUsd: 61_000_000_000,
          valueBasis: 'live price',
          entryValueUsd: null,
          pctOfSupply: 3.05,
        },
      ],
      refused: [{ coin: 'ethereum', holdings: 10, impliedUnitUsd: 1e9, coinUsd: 3000 }],
      totalValueUsd: 61_000_000_000,
      mNav: null,
      mNavNote: 'noMarketCap',
    },
    'llamaDatasets',
  ),
  revenue: figure(
    { name: 'Hyperliquid', revenue: series, holdersRevenue: null, governance: ['Snapshot'] },
    'llamaApi',
  ),
  profile: figure({ handles: ['hyperliquidx'], categories: ['Derivatives'] }),
};

const parse = (card: unknown) => cardSchema.safeParse(card).success;
/** The full card with one part of one section replaced. */
const withPart = <K extends keyof CardData>(key: K, value: unknown) => ({ ...full, [key]: value });
const withValue = <
  K extends 'price' | 'supply' | 'sparkline' | 'unlocks' | 'treasury' | 'revenue' | 'profile',
>(
  key: K,
  value: object,
) => withPart(key, { ...full[key], value: { ...(full[key] as { value: object }).value, ...value } });

describe('the card crossing to the page', () => {
  it('arrives whole: every section and every field kept', () => {
    expect(cardSchema.parse(full)).toEqual(full);
    // Only the name is needed: a card of an asset nothing was fetched for yet.
    expect(cardSchema.parse({ assetId: 'stock:MSTR', symbol: 'MSTR', name: 'Strategy' })).toEqual({
      assetId: 'stock:MSTR',
      symbol: 'MSTR',
      name: 'Strategy',
    });
  });

  it('says where each figure came from: a data source or the built-in snapshot, nothing else', () => {
    for (const source of [
      'coingecko',
      'llamaCoins',
      'llamaApi',
      'llamaDatasets',
      'goplus',
      'stocks',
      'snapshot',
    ])
      expect(parse(withPart('price', { ...full.price, source }))).toBe(true);
    expect(parse(withPart('price', { ...full.price, source: 'rumour' }))).toBe(false);
    expect(parse(withPart('price', { ...full.price, source: 'curated' }))).toBe(false);
  });

  it('refuses a figure without its age, time or staleness, or with them as text', () => {
    const price = full.price as object;
    for (const field of ['fetchedAt', 'ageMs', 'asOf', 'sourceOld', 'stale']) {
      const { [field as keyof typeof price]: _, ...without } = price;
      expect(parse(withPart('price', without))).toBe(false);
    }
    expect(parse(withPart('price', { ...price, fetchedAt: 'now' }))).toBe(false);
    expect(parse(withPart('price', { ...price, ageMs: '2 min' }))).toBe(false);
    expect(parse(withPart('price', { ...price, asOf: 'today' }))).toBe(false);
    expect(parse(withPart('price', { ...price, sourceOld: 'no' }))).toBe(false);
    expect(parse(withPart('price', { ...price, staleReason: 429 }))).toBe(false);
    expect(parse(withPart('price', { ...price, snapshotDate: 20250209 }))).toBe(false);
  });

  it('refuses a price, change or peak that is not a number, and a peak basis other than ATH or 52 weeks', () => {
    expect(parse(withValue('price', { usd: '38.12' }))).toBe(false);
    expect(parse(withValue('price', { change24hPct: '2.5%' }))).toBe(false);
    expect(parse(withValue('price', { high24h: undefined }))).toBe(false);
    expect(parse(withValue('price', { peak: null }))).toBe(true);
    expect(parse(withValue('price', { peak: { usd: 1, changePct: 0, date: null, basis: '52w' } }))).toBe(
      true,
    );
    expect(parse(withValue('price', { peak: { usd: 1, changePct: 0, date: null, basis: '1y' } }))).toBe(
      false,
    );
    expect(parse(withValue('price', { peak: { usd: 1, changePct: 0, basis: 'ath' } }))).toBe(false);
  });

  it('refuses supply figures as text, and a chart of anything but numbers', () => {
    for (const field of [
      'circulating',
      'total',
      'max',
      'marketCapUsd',
      'fdvUsd',
      'fdvMaxUsd',
      'volume24hUsd',
      'rank',
    ])
      expect(parse(withValue('supply', { [field]: '1' }))).toBe(false);
    expect(parse(withValue('sparkline', { points: [1, '2'] }))).toBe(false);
    expect(parse(withValue('sparkline', { spanDays: null }))).toBe(false);
  });

  it('refuses an unlock the card cannot draw: another kind, a date as text, no insider flag', () => {
    const next = (u: object) => withValue('unlocks', { next: [{ ...unlock, ...u }] });
    expect(parse(next({ kind: 'vesting' }))).toBe(false);
    expect(parse(next({ date: '2026-12-15' }))).toBe(false);
    expect(parse(next({ insider: undefined }))).toBe(false);
    expect(parse(next({ label: null }))).toBe(false);
    expect(parse(next({ category: 7 }))).toBe(false);
    expect(parse(next({ shareOfCirculatingPct: '3%' }))).toBe(false);
    expect(parse(withValue('unlocks', { recent: [{ ...unlock, amount: null }] }))).toBe(false);
    expect(parse(withValue('unlocks', { next30d: { amount: 1, sharePct: null, insiderAmount: 1 } }))).toBe(
      false,
    );
    expect(
      parse(
        withValue('unlocks', {
          next90d: { amount: null, sharePct: null, insiderAmount: 1, insiderSharePct: null },
        }),
      ),
    ).toBe(false);
    expect(parse(withValue('unlocks', { allocation: null }))).toBe(true);
    expect(parse(withValue('unlocks', { allocation: { current: { insiders: '10%' }, final: {} } }))).toBe(
      false,
    );
    expect(
      parse(withValue('unlocks', { sections: [{ label: 'x', category: 'x', amount: '1', sharePct: null }] })),
    ).toBe(false);
    expect(parse(withValue('unlocks', { listed: 'yes' }))).toBe(false);
    expect(parse(withValue('unlocks', { sources: [1] }))).toBe(false);
  });

  it('refuses a treasury of coins it does not value, or a valuation basis or note it cannot say', () => {
    const treasury = full.treasury?.value;
    const holding = treasury?.holdings[0];
    expect(parse(withValue('treasury', { holdings: [{ ...holding, coin: 'dogecoin' }] }))).toBe(false);
    expect(
      parse(
        withValue('treasury', {
          holdings: [{ ...holding, coin: 'ethereum', valueBasis: 'source valuation' }],
        }),
      ),
    ).toBe(true);
    expect(parse(withValue('treasury', { holdings: [{ ...holding, valueBasis: 'unknown' }] }))).toBe(true);
    expect(parse(withValue('treasury', { holdings: [{ ...holding, valueBasis: 'guess' }] }))).toBe(false);
    expect(parse(withValue('treasury', { holdings: [{ ...holding, holdings: null }] }))).toBe(false);
    expect(
      parse(
        withValue('treasury', { refused: [{ coin: 'solana', holdings: 1, impliedUnitUsd: 1, coinUsd: 1 }] }),
      ),
    ).toBe(false);
    expect(parse(withValue('treasury', { mNavNote: 'noHoldingsValue' }))).toBe(true);
    expect(parse(withValue('treasury', { mNavNote: 'tooHigh' }))).toBe(false);
    expect(parse(withValue('treasury', { mNav: '1.1' }))).toBe(false);
    expect(parse(withValue('treasury', { company: null }))).toBe(false);
  });

  it('refuses revenue series with figures as text or a coverage without its days', () => {
    expect(parse(withValue('revenue', { revenue: null, holdersRevenue: series }))).toBe(true);
    expect(parse(withValue('revenue', { revenue: { ...series, total30d: '41M' } }))).toBe(false);
    expect(parse(withValue('revenue', { revenue: { ...series, covered: { sum: 1, from: 0, to: 1 } } }))).toBe(
      false,
    );
    expect(parse(withValue('revenue', { revenue: { ...series, covered: null } }))).toBe(true);
    expect(parse(withValue('revenue', { governance: 'Snapshot' }))).toBe(false);
    expect(parse(withValue('profile', { handles: 'hyperliquidx' }))).toBe(false);
  });

  it('refuses a card without its name or id', () => {
    expect(parse({ ...full, name: undefined })).toBe(false);
    expect(parse({ ...full, assetId: 1 })).toBe(false);
    expect(parse({ ...full, symbol: null })).toBe(false);
  });
});
