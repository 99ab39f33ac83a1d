/**
 * Card data for the checklist's and verdicts' tests, in the card's own shape (utils/card-schema.ts):
 * each part built from the figures a test names, with a source and times like the service's.
 */
import type { CardData } from '@/utils/card-schema';

export const NOW = Date.parse('2026-12-06T00:00:00Z');
const DAY = 86_400_000;

type Fig<T> = {
  value: T;
  source: CardData extends { price?: infer P } ? (P extends { source: infer S } ? S : never) : never;
  fetchedAt: number;
  ageMs: number;
  stale: boolean;
  sourceOld: boolean;
  asOf: number | null;
};

const fig = <T>(source: Fig<T>['source'], value: T, asOf: number | null = NOW - 3_600_000): Fig<T> => ({
  value,
  source,
  fetchedAt: NOW - 60_000,
  ageMs: 60_000,
  stale: false,
  sourceOld: false,
  asOf,
});

type Unlocks = NonNullable<CardData['unlocks']>['value'];
type Section = Unlocks['sections'][number];
type Series = NonNullable<NonNullable<CardData['revenue']>['value']['revenue']>;

export function unlocks(
  final: Record<string, number> | null,
  sections: Section[] = [],
  more: Partial<Unlocks> = {},
): Pick<CardData, 'unlocks'> {
  const none = { amount: 0, sharePct: 0, insiderAmount: 0, insiderSharePct: 0 };
  return {
    unlocks: fig('llamaDatasets', {
      next: [],
      recent: [],
      next30d: none,
      next90d: none,
      allocation: final ? { current: final, final } : null,
      sections,
      totalSupply: 1e9,
      listed: true,
      sources: [],
      ...more,
    }),
  };
}

export const notListed = (): Pick<CardData, 'unlocks'> =>
  unlocks(null, [], { listed: false, totalSupply: null });

/** A revenue series: a full 30-day total, or only `days` of the window covered. */
export function series(total30d: number | null, covered?: { days: number; sum: number }): Series {
  return {
    total24h: null,
    total7d: null,
    total30d,
    totalAllTime: null,
    covered: covered
      ? { days: covered.days, sum: covered.sum, from: NOW - covered.days * DAY, to: NOW - DAY }
      : total30d === null
        ? null
        : { days: 30, sum: total30d, from: NOW - 30 * DAY, to: NOW - DAY },
  } as Series;
}

export function revenue(
  rev: Series | null,
  held: Series | null,
  extra: Record<string, unknown> = {},
): Pick<CardData, 'revenue'> {
  return {
    revenue: fig('llamaApi', {
      name: 'Hyperliquid',
      revenue: rev,
      holdersRevenue: held,
      ...extra,
    } as NonNullable<CardData['revenue']>['value']),
  };
}

export function supply(s: Partial<NonNullable<CardData['supply']>['value']>): Pick<CardData, 'supply'> {
  return {
    supply: fig('coingecko', {
      circulating: 333e6,
      total: 999e6,
      max: 1e9,
      marketCapUsd: 7.7e9,
      fdvUsd: 23e9,
      fdvMaxUsd: 23e9,
      volume24hUsd: 2e8,
      rank: 24,
      ...s,
    } as NonNullable<CardData['supply']>['value']),
  };
}

export function price(usd: number, source: Fig<unknown>['source'] = 'coingecko'): Pick<CardData, 'price'> {
  return {
    price: fig(source, {
      usd,
      change24hPct: null,
      change7dPct: null,
      previousClose: null,
      high24h: null,
      low24h: null,
      peak: null,
      asOf: NOW - 60_000,
    }),
  };
}

export function profile(categories: string[]): Pick<CardData, 'profile'> {
  return { profile: fig('coingecko', { handles: [], categories }) };
}

export function card(...parts: Array<Partial<CardData>>): CardData {
  return Object.assign(
    { assetId: 'cg:hyperliquid', symbol: 'HYPE', name: 'Hyperliquid' },
    ...parts,
  ) as CardData;
}
