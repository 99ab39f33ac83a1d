/**
 * The card's figures from stored records (`buildCard`) and the unlock model
 * (`unlockSchedule`): the source's own time makes a figure stale, the last week's cliffs are "just
 * unlocked", FDV says which supply it uses, linear events are rates not amounts, templates are
 * filled, DefiLlama's category names are kept, and treasury rows that cannot be their coin's are
 * refused.
 */
import { describe, expect, it } from 'vitest';
import type { QuoteRecord, TreasuryRecord, UnlockRecord } from '../../../utils/db/records';
import { buildCard, saneHolding } from '../../../utils/sources/card';
import { emissionBodySchema } from '../../../utils/sources/llama-datasets';
import { unlockSchedule } from '../../../utils/sources/unlock-schedule';
import { loadCoingeckoRecordings } from '../../support/api-server';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 1, 9, 18);

function quote(over: { asOf?: number | null; max?: number | null; total?: number | null } = {}): QuoteRecord {
  const prov = { source: 'coingecko' as const, fetchedAt: NOW - 60_000 };
  return {
    assetId: 'cg:x',
    symbol: 'X',
    name: 'X',
    price: { ...prov, usd: 2, change24hPct: null, change7dPct: null, asOf: over.asOf ?? NOW - 120_000 },
    market: {
      ...prov,
      marketCapUsd: 200,
      fdvUsd: 2 * (over.total ?? 400),
      volume24hUsd: null,
      circulatingSupply: 100,
      totalSupply: over.total ?? 400,
      maxSupply: over.max === undefined ? 1000 : over.max,
      rank: 9,
    },
    fetchedAt: NOW - 60_000,
  };
}

describe('buildCard', () => {
  it('marks a price stale when its source time is older than an hour, however fresh the fetch', () => {
    const asOf = NOW - 12 * DAY;
    const card = buildCard(NOW, { assetId: 'cg:x', quote: quote({ asOf }) });
    expect(card?.price).toMatchObject({
      ageMs: 60_000,
      asOf,
      sourceOld: true,
      stale: true,
      staleReason: 'source time older than 1 h',
    });
    const fresh = buildCard(NOW, { assetId: 'cg:x', quote: quote() });
    expect(fresh?.price).toMatchObject({ asOf: NOW - 120_000, sourceOld: false, stale: false });
    expect(fresh?.price).not.toHaveProperty('staleReason');
  });

  it('says FDV at total supply (CoinGecko’s) and at max supply when they differ', () => {
    expect(buildCard(NOW, { assetId: 'cg:x', quote: quote() })?.supply?.value).toMatchObject({
      fdvUsd: 800,
      fdvMaxUsd: 2000,
    });
    expect(
      buildCard(NOW, { assetId: 'cg:x', quote: quote({ max: null }) })?.supply?.value.fdvMaxUsd,
    ).toBeNull();
  });

  it('shows the last week’s cliffs as just unlocked, and counts cliffs and streams in the windows', () => {
    const unlocks: UnlockRecord = {
      cgId: 'x',
      slug: 'x',
      shape: 2,
      source: 'llamaDatasets',
      fetchedAt: NOW,
      asOf: NOW - DAY,
      events: [
        { kind: 'cliff', date: NOW - 8 * DAY, amount: 1, category: 'insiders', label: 'Team' },
        { kind: 'cliff', date: NOW - 2 * DAY, amount: 5, category: 'privateSale', label: 'Seed' },
        { kind: 'cliff', date: NOW + 3 * DAY, amount: 7, category: 'airdrop', label: 'Drop' },
        {
          kind: 'stream',
          start: NOW - 10 * DAY,
          end: NOW + 10 * DAY,
          ratePerDay: 2,
          category: 'staking',
          label: 'Staking Rewards',
        },
      ],
      sections: [{ label: 'Seed', category: 'privateSale', amount: 50 }],
      allocation: null,
      totalSupply: 1000,
      sources: [],
      notes: [],
    };
    const u = buildCard(NOW, { assetId: 'cg:x', quote: quote(), unlocks })?.unlocks?.value;
    expect(u?.recent.map((e) => [e.date, e.amount, e.insider])).toEqual([[NOW - 2 * DAY, 5, true]]);
    expect(u?.next.map((e) => [e.kind, e.label, e.amount, e.ratePerDay])).toEqual([
      ['stream', 'Staking Rewards', 20, 2],
      ['cliff', 'Drop', 7, null],
    ]);
    expect(u?.next30d).toEqual({ amount: 27, sharePct: 27, insiderAmount: 0, insiderSharePct: 0 });
    expect(u?.sections).toEqual([{ label: 'Seed', category: 'privateSale', amount: 50, sharePct: 5 }]);
  });
});

describe('unlockSchedule', () => {
  const body = (events: unknown[], extra: Record<string, unknown> = {}) =>
    emissionBodySchema.parse({ metadata: { events, ...extra } });

  it('reads a linear event’s tokens as [old, new] weekly rates, for its duration, not as an amount', () => {
    const start = Date.UTC(2025, 4, 10) / 1000;
    const { events } = unlockSchedule(
      body([
        {
          description:
            'Linear unlock will increase from {tokens[0]} to {tokens[1]} tokens per week from Investors on {timestamp}',
          timestamp: start,
          noOfTokens: [0, 70_000],
          category: 'insiders',
          unlockType: 'linear',
          rateDurationDays: 100,
        },
        {
          description:
            'Linear unlock will decrease from {tokens[0]} to {tokens[1]} tokens per week from Investors on {timestamp}',
          timestamp: start + 100 * 86_400,
          noOfTokens: ['70000', '14000'],
          category: 'insiders',
          unlockType: 'linear',
          rateDurationDays: 50,
        },
      ]),
      0,
    );
    expect(events).toEqual([
      {
        kind: 'stream',
        start: start * 1000,
        end: start * 1000 + 100 * DAY,
        ratePerDay: 10_000,
        category: 'insiders',
        label: 'Investors',
      },
      {
        kind: 'stream',
        start: start * 1000 + 100 * DAY,
        end: start * 1000 + 150 * DAY,
        ratePerDay: 2_000,
        category: 'insiders',
        label: 'Investors',
      },
    ]);
  });

  it('names an unlock by its section, fills a template it cannot read, and keeps DefiLlama’s category names', () => {
    const ts = Date.UTC(2025, 2, 1, 12) / 1000;
    const { events, sections } = unlockSchedule(
      body(
        [
          {
            description: 'A cliff of {tokens[0]} tokens was unlocked from Funds 1 on {timestamp}',
            timestamp: ts,
            noOfTokens: [120_000_000],
            category: 'noncirculating',
            unlockType: 'cliff',
          },
          {
            description: 'Validators received {tokens[0]} tokens on {timestamp}',
            timestamp: ts,
            noOfTokens: [1_500],
            category: 'staking',
            unlockType: 'cliff',
          },
          {
            description: 'Left over: {tokens[3]}',
            timestamp: ts,
            noOfTokens: [9],
            unlockType: 'cliff',
          },
        ],
        { categories: { staking: ['Validators'], noncirculating: ['Funds 1'] } },
      ),
      0,
    );
    expect(events.map((e) => [e.label, e.category])).toEqual([
      ['Funds 1', 'noncirculating'],
      ['Validators received 1,500 tokens on 2025-03-01 12:00 UTC', 'staking'],
      ['Uncategorized', 'Uncategorized'],
    ]);
    expect(events.every((e) => !/[{}]/.test(e.label))).toBe(true);
    expect(sections.map((s) => [s.label, s.category])).toEqual([
      ['Validators', 'staking'],
      ['Funds 1', 'noncirculating'],
    ]);
  });

  it('reads streams and cliffs from a cumulative series when no event covers its section', () => {
    const day = (d: number) => Date.UTC(2025, 0, 1 + d) / 1000;
    const data = [0, 100, 110, 120, 130, 130, 130, 180, 180].map((unlocked, d) => ({
      timestamp: day(d),
      unlocked,
    }));
    const parsed = emissionBodySchema.parse({
      documentedData: { data: [{ label: 'Team', data }] },
      metadata: { categories: { insiders: ['Team'] } },
    });
    const { events } = unlockSchedule(parsed, 0);
    // 100 on day 0 → 1 (a cliff beside a stream's first 10), 10 a day to day 4, 50 on day 6 → 7.
    expect(events).toEqual([
      { kind: 'cliff', date: day(0) * 1000, amount: 90, category: 'insiders', label: 'Team' },
      {
        kind: 'stream',
        start: day(0) * 1000,
        end: day(4) * 1000,
        ratePerDay: 10,
        category: 'insiders',
        label: 'Team',
      },
      { kind: 'cliff', date: day(6) * 1000, amount: 50, category: 'insiders', label: 'Team' },
    ]);
  });
});

describe('treasury sanity', () => {
  it('refuses bitcoin’s list recorded as ether’s, and keeps rows whose value fits their coin', () => {
    const rec = loadCoingeckoRecordings().find(
      (r) => r.path === '/api/v3/companies/public_treasury/ethereum',
    );
    const first = (JSON.parse(rec?.body ?? '{}') as { companies: Array<Record<string, number>> })
      .companies[0];
    const row = (coin: 'bitcoin' | 'ethereum', holdings: number, value: number): TreasuryRecord => ({
      coin,
      ticker: 'MSTR',
      exchange: 'NASDAQ',
      name: 'MicroStrategy Inc.',
      country: 'US',
      holdings,
      entryValueUsd: null,
      currentValueUsd: value,
      pctOfSupply: null,
      source: 'coingecko',
      fetchedAt: NOW,
    });
    const ethPrice = 2_630;
    const recorded = row('ethereum', first?.total_holdings ?? 0, first?.total_current_value_usd ?? 0);
    expect(saneHolding(recorded, ethPrice)).toEqual({
      coin: 'ethereum',
      holdings: 174530,
      impliedUnitUsd: 12160134022 / 174530,
      coinUsd: ethPrice,
    });
    // A year's move (bitcoin at $43,172 in the list, $96,114 now) is not refused; nor is an unknown price.
    expect(saneHolding(row('bitcoin', 158245, 6831753414), 96_114)).toBeNull();
    expect(saneHolding(recorded, undefined)).toBeNull();
  });
});
