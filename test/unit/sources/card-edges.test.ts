/**
 * The card's figures (`buildCard`) at their edges: when a figure turns stale and what it says why
 * (exactly at each limit, a stock's longer limit, the snapshot), which unlocks are "next" and
 * "just unlocked" at the boundaries, what a stream releases, shares without a supply, and how
 * treasury holdings are valued, refused and summed.
 *
 * The records are HAND-MADE in the stored shapes (utils/db/records.ts), with round numbers so each
 * expected figure can be checked by hand.
 */
import { describe, expect, it } from 'vitest';
import type {
  QuoteRecord,
  RegistryRecord,
  TreasuryRecord,
  UnlockEvent,
  UnlockRecord,
} from '../../../utils/db/records';
import {
  buildCard,
  FRESH_FOR_MS,
  NEXT_UNLOCKS,
  RECENT_UNLOCKS_MS,
  SOURCE_FRESH_FOR_MS,
  STOCK_SOURCE_FRESH_FOR_MS,
  saneHolding,
  TREASURY_PRICE_FACTOR,
} from '../../../utils/sources/card';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 5, 1, 12);

function quote(over: Partial<QuoteRecord> & { usd?: number; priceAsOf?: number | null } = {}): QuoteRecord {
  const { usd = 10, priceAsOf = NOW, ...rest } = over;
  return {
    assetId: 'cg:x',
    symbol: 'X',
    name: 'Ex',
    price: { source: 'coingecko', fetchedAt: NOW, usd, change24hPct: 1, change7dPct: 2, asOf: priceAsOf },
    fetchedAt: NOW,
    ...rest,
  };
}

const market = (
  over: Partial<NonNullable<QuoteRecord['market']>> = {},
): NonNullable<QuoteRecord['market']> => ({
  source: 'coingecko',
  fetchedAt: NOW,
  marketCapUsd: 1000,
  fdvUsd: 2000,
  volume24hUsd: 5,
  circulatingSupply: 100,
  totalSupply: 200,
  maxSupply: 400,
  rank: 3,
  ...over,
});

function unlocks(events: UnlockEvent[], over: Partial<UnlockRecord> = {}): UnlockRecord {
  return {
    cgId: 'x',
    slug: 'x',
    shape: 2,
    events,
    sections: [],
    asOf: NOW,
    allocation: null,
    totalSupply: 1000,
    sources: ['https://example.org/tokenomics'],
    notes: [],
    source: 'llamaDatasets',
    fetchedAt: NOW,
    ...over,
  };
}

const cliff = (date: number, amount: number, category = 'insiders', label = 'Team'): UnlockEvent => ({
  kind: 'cliff',
  date,
  amount,
  category,
  label,
});
const stream = (
  start: number,
  end: number | null,
  ratePerDay: number,
  category = 'noncirculating',
): UnlockEvent => ({
  kind: 'stream',
  start,
  end,
  ratePerDay,
  category,
  label: 'Emissions',
});

/** A treasury row of one holding, 1,000 USD by the source's valuation. */
const treasuryRow = (over: Partial<TreasuryRecord> = {}): TreasuryRecord => ({
  coin: 'bitcoin',
  ticker: 'X',
  exchange: 'NASDAQ',
  name: 'X Corp',
  country: null,
  holdings: 10,
  entryValueUsd: null,
  currentValueUsd: 1000,
  pctOfSupply: null,
  source: 'coingecko',
  fetchedAt: NOW,
  ...over,
});

describe('when a figure is stale, and why', () => {
  it('fresh up to its limit inclusive, stale one millisecond after, "not refreshed recently"', () => {
    const at = (fetchedAt: number) =>
      buildCard(NOW, { assetId: 'cg:x', quote: quote({ price: { ...quote().price, fetchedAt } }) })?.price;
    expect(at(NOW - FRESH_FOR_MS.price)).toMatchObject({ stale: false, ageMs: FRESH_FOR_MS.price });
    expect(at(NOW - FRESH_FOR_MS.price)).not.toHaveProperty('staleReason');
    expect(at(NOW - FRESH_FOR_MS.price - 1)).toMatchObject({
      stale: true,
      staleReason: 'not refreshed recently',
    });
    // A fetch time ahead of the clock (another device's clock) is no negative age.
    expect(at(NOW + 5_000)).toMatchObject({ ageMs: 0, stale: false });
  });

  it('the source’s own time: a coin’s price over an hour old, a stock’s over four days', () => {
    const coin = (asOf: number) =>
      buildCard(NOW, { assetId: 'cg:x', quote: quote({ priceAsOf: asOf }) })?.price;
    expect(coin(NOW - SOURCE_FRESH_FOR_MS.price)).toMatchObject({ sourceOld: false, stale: false });
    expect(coin(NOW - SOURCE_FRESH_FOR_MS.price - 1)).toMatchObject({
      sourceOld: true,
      stale: true,
      staleReason: 'source time older than 1 h',
    });
    const stock = (asOf: number) =>
      buildCard(NOW, { assetId: 'stock:X', quote: quote({ assetId: 'stock:X', priceAsOf: asOf }) })?.price;
    // A weekend is no staleness for a stock; five days is.
    expect(stock(NOW - 3 * DAY)).toMatchObject({ sourceOld: false, stale: false });
    expect(stock(NOW - STOCK_SOURCE_FRESH_FOR_MS - 1)).toMatchObject({
      sourceOld: true,
      staleReason: 'source time older than 4 d',
    });
  });

  it('a failed refresh says its error, before the source’s age', () => {
    const q = quote({ priceAsOf: NOW - 2 * HOUR });
    const card = buildCard(NOW, {
      assetId: 'cg:x',
      quote: { ...q, price: { ...q.price, stale: true, error: 'CoinGecko: HTTP 500' } },
    });
    expect(card?.price?.staleReason).toBe('CoinGecko: HTTP 500; source time older than 1 h');
  });

  it('a snapshot figure is stale and dated, with no reason unless a refresh failed; its time is no rule', () => {
    const q = quote({ priceAsOf: NOW - 30 * DAY });
    const snap = { ...q, price: { ...q.price, source: 'snapshot' as const, fetchedAt: NOW - 30 * DAY } };
    const price = buildCard(NOW, { assetId: 'cg:x', quote: snap, snapshotDate: '2025-05-01' })?.price;
    expect(price).toMatchObject({ stale: true, sourceOld: false, snapshotDate: '2025-05-01' });
    expect(price).not.toHaveProperty('staleReason');
    const live = buildCard(NOW, { assetId: 'cg:x', quote: quote(), snapshotDate: '2025-05-01' })?.price;
    expect(live).not.toHaveProperty('snapshotDate');
  });

  it('supply and 7-day line: their own limits, a day of source time each', () => {
    const q = quote({
      priceAsOf: NOW - 2 * DAY,
      market: market({ fetchedAt: NOW - FRESH_FOR_MS.market, asOf: NOW - DAY }),
      sparkline: {
        source: 'coingecko',
        fetchedAt: NOW - FRESH_FOR_MS.sparkline - 1,
        asOf: NOW - DAY - 1,
        points: [1, 2],
        spanDays: 7,
      },
    });
    const card = buildCard(NOW, { assetId: 'cg:x', quote: q });
    expect(card?.supply).toMatchObject({ stale: false, sourceOld: false, asOf: NOW - DAY });
    expect(card?.sparkline).toMatchObject({
      stale: true,
      sourceOld: true,
      staleReason: 'not refreshed recently; source time older than 1 d',
      value: { points: [1, 2], spanDays: 7 },
    });
  });

  it('a record from before market times: the price’s time and FDV at max only when the same answer gave both', () => {
    const same = buildCard(NOW, { assetId: 'cg:x', quote: quote({ priceAsOf: NOW - 5, market: market() }) });
    expect(same?.supply).toMatchObject({ asOf: NOW - 5, value: { fdvMaxUsd: 10 * 400 } });
    const other = buildCard(NOW, {
      assetId: 'cg:x',
      quote: quote({ priceAsOf: NOW - 5, market: market({ fetchedAt: NOW - 1 }) }),
    });
    expect(other?.supply).toMatchObject({ asOf: null, value: { fdvMaxUsd: null } });
    const noMax = buildCard(NOW, { assetId: 'cg:x', quote: quote({ market: market({ maxSupply: null }) }) });
    expect(noMax?.supply?.value.fdvMaxUsd).toBeNull();
    const stated = buildCard(NOW, {
      assetId: 'cg:x',
      quote: quote({ market: market({ fdvMaxUsd: 7, asOf: null }) }),
    });
    expect(stated?.supply).toMatchObject({ asOf: null, value: { fdvMaxUsd: 7 } });
  });

  it('the schedule: two days of fetch age, seven of file age', () => {
    const card = (u: Partial<UnlockRecord>) =>
      buildCard(NOW, { assetId: 'cg:x', unlocks: unlocks([], u) })?.unlocks;
    expect(
      card({ fetchedAt: NOW - FRESH_FOR_MS.unlocks, asOf: NOW - SOURCE_FRESH_FOR_MS.unlocks }),
    ).toMatchObject({
      stale: false,
    });
    expect(card({ asOf: NOW - SOURCE_FRESH_FOR_MS.unlocks - 1 })).toMatchObject({
      staleReason: 'source time older than 7 d',
    });
    expect(card({ fetchedAt: NOW - FRESH_FOR_MS.unlocks - 1 })).toMatchObject({
      staleReason: 'not refreshed recently',
    });
  });
});

describe('unlocks on the card', () => {
  const value = (events: UnlockEvent[], over: Partial<UnlockRecord> = {}, circulating: number | null = 100) =>
    buildCard(NOW, {
      assetId: 'cg:x',
      quote: quote({ market: market({ circulatingSupply: circulating }) }),
      unlocks: unlocks(events, over),
    })?.unlocks?.value;

  it('a cliff exactly now is next, not just unlocked; one exactly a week ago is just unlocked, newest first', () => {
    const v = value([
      cliff(NOW - RECENT_UNLOCKS_MS - 1, 1),
      cliff(NOW - RECENT_UNLOCKS_MS, 2),
      cliff(NOW - 1, 3),
      cliff(NOW, 4),
    ]);
    expect(v?.next.map((e) => e.amount)).toEqual([4]);
    expect(v?.recent.map((e) => e.amount)).toEqual([3, 2]);
  });

  it(`shows the next ${NEXT_UNLOCKS}, a running stream first, then by date`, () => {
    const v = value([
      cliff(NOW + 6 * DAY, 6),
      cliff(NOW + 2 * DAY, 2),
      stream(NOW - 10 * DAY, NOW + 100 * DAY, 1),
      cliff(NOW + 5 * DAY, 5),
      cliff(NOW + 3 * DAY, 3),
      cliff(NOW + 4 * DAY, 4),
      // Ended exactly now: not upcoming.
      stream(NOW - 10 * DAY, NOW, 1),
    ]);
    expect(v?.next.map((e) => [e.kind, e.date])).toEqual([
      ['stream', NOW - 10 * DAY],
      ['cliff', NOW + 2 * DAY],
      ['cliff', NOW + 3 * DAY],
      ['cliff', NOW + 4 * DAY],
      ['cliff', NOW + 5 * DAY],
    ]);
  });

  it('a stream shows what it releases from now to its end, or in 30 days without one; a cliff its tokens', () => {
    const v = value([
      stream(NOW - 5 * DAY, NOW + 10 * DAY, 2),
      stream(NOW + DAY, null, 3, 'insiders'),
      cliff(NOW + 2 * DAY, 50),
    ]);
    expect(v?.next).toEqual([
      {
        kind: 'stream',
        date: NOW - 5 * DAY,
        end: NOW + 10 * DAY,
        amount: 20,
        ratePerDay: 2,
        shareOfCirculatingPct: 20,
        category: 'noncirculating',
        label: 'Emissions',
        insider: false,
      },
      {
        kind: 'stream',
        date: NOW + DAY,
        end: null,
        amount: 90,
        ratePerDay: 3,
        shareOfCirculatingPct: 90,
        category: 'insiders',
        label: 'Emissions',
        insider: true,
      },
      {
        kind: 'cliff',
        date: NOW + 2 * DAY,
        end: null,
        amount: 50,
        ratePerDay: null,
        shareOfCirculatingPct: 50,
        category: 'insiders',
        label: 'Team',
        insider: true,
      },
    ]);
  });

  it('30 and 90 days: cliffs inside [now, now + days), streams’ parts, the insider and investor share', () => {
    const v = value([
      cliff(NOW, 10, 'privateSale'),
      cliff(NOW + 30 * DAY, 20, 'insiders'),
      cliff(NOW + 90 * DAY, 1000, 'insiders'),
      stream(NOW - 10 * DAY, NOW + 20 * DAY, 1, 'staking'),
    ]);
    expect(v?.next30d).toEqual({ amount: 30, sharePct: 30, insiderAmount: 10, insiderSharePct: 10 });
    expect(v?.next90d).toEqual({ amount: 50, sharePct: 50, insiderAmount: 30, insiderSharePct: 30 });
  });

  it('no share without a circulating supply above zero; sections share the schedule’s total', () => {
    for (const circulating of [null, 0]) {
      const v = value([cliff(NOW + DAY, 10)], {}, circulating);
      expect(v?.next[0]?.shareOfCirculatingPct).toBeNull();
      expect(v?.next30d.sharePct).toBeNull();
    }
    const sections = [
      { label: 'Team', category: 'insiders', amount: 250 },
      { label: 'Advisors', category: 'insiders', amount: null },
    ];
    expect(value([], { sections })?.sections).toEqual([
      { label: 'Team', category: 'insiders', amount: 250, sharePct: 25 },
      { label: 'Advisors', category: 'insiders', amount: null, sharePct: null },
    ]);
    expect(value([], { sections, totalSupply: 0 })?.sections[0]?.sharePct).toBeNull();
    expect(value([], { sections, totalSupply: null })?.sections[0]?.sharePct).toBeNull();
  });

  it('an empty slug is "DefiLlama lists no schedule"', () => {
    expect(value([], { slug: '' })?.listed).toBe(false);
    expect(value([])?.listed).toBe(true);
  });
});

describe('treasury holdings', () => {
  const row = (over: Partial<TreasuryRecord> = {}): TreasuryRecord => ({
    coin: 'bitcoin',
    ticker: 'MSTR',
    exchange: 'NASDAQ',
    name: 'Strategy',
    country: 'US',
    holdings: 10,
    entryValueUsd: 100,
    currentValueUsd: 1000,
    pctOfSupply: 0.5,
    source: 'coingecko',
    fetchedAt: NOW,
    ...over,
  });
  const btc = (usd: number) => quote({ assetId: 'cg:bitcoin', usd });

  it(`keeps a holding whose implied unit price is within ${TREASURY_PRICE_FACTOR}× of the coin’s, both ways`, () => {
    // Implied: 1000 / 10 = 100 a coin.
    expect(saneHolding(row(), 20)).toBeNull();
    expect(saneHolding(row(), 500)).toBeNull();
    expect(saneHolding(row(), 19.99)).toEqual({
      coin: 'bitcoin',
      holdings: 10,
      impliedUnitUsd: 100,
      coinUsd: 19.99,
    });
    expect(saneHolding(row(), 500.01)).toMatchObject({ impliedUnitUsd: 100, coinUsd: 500.01 });
    // Unknown either way: kept.
    expect(saneHolding(row(), undefined)).toBeNull();
    expect(saneHolding(row(), 0)).toBeNull();
    expect(saneHolding(row({ currentValueUsd: null }), 1)).toBeNull();
    expect(saneHolding(row({ holdings: 0 }), 1)).toBeNull();
  });

  it('values holdings at the live price, else the source’s value; mNAV is market cap over their sum', () => {
    const card = buildCard(NOW, {
      assetId: 'stock:MSTR',
      quote: quote({ assetId: 'stock:MSTR', market: market({ marketCapUsd: 3000 }) }),
      treasuries: [row(), row({ coin: 'ethereum', holdings: 4, currentValueUsd: 500 })],
      coinQuotes: { bitcoin: btc(150) },
    });
    expect(card?.treasury?.value).toEqual({
      company: 'Strategy',
      holdings: [
        {
          coin: 'bitcoin',
          holdings: 10,
          valueUsd: 1500,
          valueBasis: 'live price',
          entryValueUsd: 100,
          pctOfSupply: 0.5,
        },
        {
          coin: 'ethereum',
          holdings: 4,
          valueUsd: 500,
          valueBasis: 'source valuation',
          entryValueUsd: 100,
          pctOfSupply: 0.5,
        },
      ],
      refused: [],
      totalValueUsd: 2000,
      mNav: 1.5,
    });
  });

  it('no total when a holding has no value; mNAV says which part is missing', () => {
    const noValue = buildCard(NOW, {
      assetId: 'stock:MSTR',
      quote: quote({ assetId: 'stock:MSTR', market: market() }),
      treasuries: [row({ currentValueUsd: null })],
    })?.treasury?.value;
    expect(noValue).toMatchObject({
      holdings: [{ valueUsd: null, valueBasis: 'unknown' }],
      totalValueUsd: null,
      mNav: null,
      mNavNote: 'noHoldingsValue',
    });
    const noCap = buildCard(NOW, { assetId: 'stock:MSTR', treasuries: [row()] })?.treasury?.value;
    expect(noCap).toMatchObject({ totalValueUsd: 1000, mNav: null, mNavNote: 'noMarketCap' });
  });

  it('the figure is as old as its oldest row and stale when any row is', () => {
    const t = buildCard(NOW, {
      assetId: 'stock:MSTR',
      treasuries: [
        row({ fetchedAt: NOW - HOUR }),
        row({ coin: 'ethereum', fetchedAt: NOW - 2 * HOUR }),
        row({ fetchedAt: NOW, stale: true, error: 'CoinGecko: HTTP 500' }),
      ],
    })?.treasury;
    expect(t).toMatchObject({
      fetchedAt: NOW - 2 * HOUR,
      ageMs: 2 * HOUR,
      stale: true,
      staleReason: 'CoinGecko: HTTP 500',
    });
  });
});

describe('what the card is built from', () => {
  const reg: RegistryRecord = {
    assetId: 'cg:x',
    symbol: 'RX',
    name: 'Registry X',
    handles: ['x_protocol'],
    categories: ['DeFi'],
    platforms: {},
    source: 'coingecko',
    fetchedAt: NOW - FRESH_FOR_MS.registry,
  };

  it('nothing stored: no card; the registry alone names it and gives its profile', () => {
    expect(buildCard(NOW, { assetId: 'cg:x' })).toBeNull();
    expect(buildCard(NOW, { assetId: 'cg:x', treasuries: [] })).toBeNull();
    const card = buildCard(NOW, { assetId: 'cg:x', registry: reg });
    expect(card).toMatchObject({ symbol: 'RX', name: 'Registry X' });
    expect(card?.profile).toMatchObject({
      value: { handles: ['x_protocol'], categories: ['DeFi'] },
      stale: false,
    });
    expect(buildCard(NOW + 1, { assetId: 'cg:x', registry: reg })?.profile?.stale).toBe(true);
    // The quote's names win over the registry's.
    expect(buildCard(NOW, { assetId: 'cg:x', registry: reg, quote: quote() })).toMatchObject({
      symbol: 'X',
      name: 'Ex',
    });
  });

  it('revenue: its governance only when known, two days of fetch age and three of chart age', () => {
    const rev = {
      cgId: 'x',
      slug: 'x',
      name: 'X',
      revenue: null,
      holdersRevenue: null,
      source: 'llamaApi' as const,
      fetchedAt: NOW,
      asOf: NOW - SOURCE_FRESH_FOR_MS.revenue,
    };
    const plain = buildCard(NOW, { assetId: 'cg:x', revenue: rev })?.revenue;
    expect(plain?.value).toEqual({ name: 'X', revenue: null, holdersRevenue: null });
    expect(plain?.stale).toBe(false);
    const old = buildCard(NOW, {
      assetId: 'cg:x',
      revenue: { ...rev, asOf: rev.asOf - 1, governance: ['snapshot:x.eth'] },
    })?.revenue;
    expect(old).toMatchObject({ stale: true, staleReason: 'source time older than 3 d' });
    expect(old?.value.governance).toEqual(['snapshot:x.eth']);
  });
});

describe('more edges of the card', () => {
  it('a figure without a source time is never "source old"', () => {
    const price = buildCard(NOW, { assetId: 'cg:x', quote: quote({ priceAsOf: null }) })?.price;
    expect(price).toMatchObject({ asOf: null, sourceOld: false, stale: false });
  });

  it('the price carries the record’s previous close, day range and peak', () => {
    const q = quote();
    const peak = { usd: 20, changePct: -50, date: NOW - 100 * DAY, basis: 'ath' as const };
    const card = buildCard(NOW, {
      assetId: 'cg:x',
      quote: { ...q, price: { ...q.price, previousClose: 9, high24h: 11, low24h: 8, peak } },
    });
    expect(card?.price?.value).toMatchObject({ previousClose: 9, high24h: 11, low24h: 8, peak });
    expect(buildCard(NOW, { assetId: 'cg:x', quote: q })?.price?.value).toMatchObject({
      previousClose: null,
      high24h: null,
      low24h: null,
      peak: null,
    });
  });

  it('a DefiLlama price beside CoinGecko’s market of the same moment is not one answer', () => {
    const q = quote({ priceAsOf: NOW - 5, market: market() });
    const card = buildCard(NOW, {
      assetId: 'cg:x',
      quote: { ...q, price: { ...q.price, source: 'llamaCoins' } },
    });
    expect(card?.supply).toMatchObject({ asOf: null, value: { fdvMaxUsd: null } });
  });

  it('a quote without market figures: no shares of supply, no mNAV, and no error', () => {
    const card = buildCard(NOW, {
      assetId: 'cg:x',
      quote: quote(),
      unlocks: unlocks([cliff(NOW + DAY, 10)]),
      treasuries: [treasuryRow({ holdings: 1, currentValueUsd: 100 })],
    });
    expect(card?.unlocks?.value.next[0]?.shareOfCirculatingPct).toBeNull();
    expect(card?.treasury?.value).toMatchObject({ mNav: null, mNavNote: 'noMarketCap' });
  });

  it('no treasury figure without treasury rows; one from unlocks alone names nothing', () => {
    const coin = buildCard(NOW, { assetId: 'cg:x', quote: quote() });
    expect(coin).not.toHaveProperty('treasury');
    expect(coin).not.toHaveProperty('unlocks');
    const bare = buildCard(NOW, { assetId: 'cg:x', unlocks: unlocks([]) });
    expect(bare).toMatchObject({ symbol: '', name: '' });
  });

  it('a stream that already ended adds nothing to the coming windows', () => {
    const v = buildCard(NOW, {
      assetId: 'cg:x',
      quote: quote({ market: market() }),
      unlocks: unlocks([stream(NOW - 20 * DAY, NOW - 10 * DAY, 5), cliff(NOW + DAY, 10)]),
    })?.unlocks?.value;
    expect(v?.next30d.amount).toBe(10);
    expect(v?.next90d.amount).toBe(10);
  });

  it('two running streams: the one that started first comes first', () => {
    const v = buildCard(NOW, {
      assetId: 'cg:x',
      unlocks: unlocks([stream(NOW - 2 * DAY, null, 1), stream(NOW - 9 * DAY, null, 2)]),
    })?.unlocks?.value;
    expect(v?.next.map((e) => e.date)).toEqual([NOW - 9 * DAY, NOW - 2 * DAY]);
  });

  it('a negative supply or total (a broken record) gives no share', () => {
    const v = buildCard(NOW, {
      assetId: 'cg:x',
      quote: quote({ market: market({ circulatingSupply: -100 }) }),
      unlocks: unlocks([cliff(NOW + DAY, 10)], {
        totalSupply: -1000,
        sections: [{ label: 'Team', category: 'insiders', amount: 10 }],
      }),
    })?.unlocks?.value;
    expect(v?.next[0]?.shareOfCirculatingPct).toBeNull();
    expect(v?.sections[0]?.sharePct).toBeNull();
  });

  it('a negative coin price is no price: the holding is kept, not refused', () => {
    const t = (coinUsd: number) => saneHolding(treasuryRow(), coinUsd);
    expect(t(-100)).toBeNull();
  });

  it('one holding without a value leaves the total unknown, whatever the others hold', () => {
    const row = (coin: 'bitcoin' | 'ethereum', currentValueUsd: number | null) =>
      treasuryRow({ coin, holdings: 1, currentValueUsd, fetchedAt: NOW - FRESH_FOR_MS.treasury });
    const card = (now: number) =>
      buildCard(now, { assetId: 'stock:X', treasuries: [row('bitcoin', 100), row('ethereum', null)] })
        ?.treasury;
    expect(card(NOW)?.value).toMatchObject({ totalValueUsd: null, mNavNote: 'noMarketCap' });
    // Three days old is still fresh; a millisecond more is not.
    expect(card(NOW)?.stale).toBe(false);
    expect(card(NOW + 1)).toMatchObject({ stale: true, staleReason: 'not refreshed recently' });
  });
});
