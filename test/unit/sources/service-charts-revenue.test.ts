/**
 * The data service's price charts on demand and its revenue lookup, at their edges: a coin's 7 days
 * drawn from its stored line only while that is fresh (and never from the snapshot's), charts kept
 * for their range's time and failures never kept, and a revenue answer that is another coin's.
 * Driven through the scripted fetch (test/support/scripted-fetch.ts).
 *
 * Answers: the recorded DefiLlama fees summary of Hyperliquid; HAND-MADE CoinGecko market_chart
 * answers (`{ prices: [[ms, usd]…] }`, the shape coinChartSchema reads) and a hand-made /protocols
 * row (slug, gecko_id, twitter: the fields protocolsSchema reads).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { TickerlensDb } from '../../../utils/db';
import { CHART_FRESH_MS } from '../../../utils/sources/price-chart';
import { host, json, on, pathOf, scriptedFetch, scriptedService, status } from '../../support/scripted-fetch';
import { fixtureJson, testClock } from '../../support/sources-server';

let db: TickerlensDb;
let clock: ReturnType<typeof testClock>;
let script: ReturnType<typeof scriptedFetch>;

beforeEach(() => {
  db = new TickerlensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  clock = testClock('2025-02-09T18:00:00Z');
  script = scriptedFetch();
});

const service = () => scriptedService(db, clock, script);

const cg = host('coingecko');
const chartAsks = () =>
  script.asked.filter((u) => u.includes('/market_chart') || u.includes('/v8/finance/chart/'));

async function storeLine(
  over: { source?: 'coingecko' | 'snapshot'; fetchedAt?: number; asOf?: number | null } = {},
) {
  const at = clock.now();
  await db.updateQuotes(['cg:bitcoin'], () => ({
    assetId: 'cg:bitcoin',
    symbol: 'BTC',
    name: 'Bitcoin',
    price: { source: 'coingecko', fetchedAt: at, usd: 3, change24hPct: null, change7dPct: null, asOf: at },
    sparkline: {
      source: over.source ?? 'coingecko',
      fetchedAt: over.fetchedAt ?? at,
      asOf: over.asOf === undefined ? at - 60_000 : over.asOf,
      points: [1, 2, 3],
      spanDays: 7,
    },
    fetchedAt: at,
  }));
}

/** Answers Hyperliquid's two fee series (`dataType=dailyRevenue`, `dailyHoldersRevenue`) separately. */
const series = (revenue: () => Response, holders: () => Response) =>
  script.routes.push((url) =>
    url.host === host('llamaApi') && url.pathname === '/summary/fees/hyperliquid'
      ? url.searchParams.get('dataType') === 'dailyRevenue'
        ? revenue
        : holders
      : undefined,
  );

describe('price charts', () => {
  const week = [
    [Date.parse('2025-02-02T18:00:00Z'), 100],
    [Date.parse('2025-02-09T18:00:00Z'), 110],
  ];

  it('a coin’s 7 days from its stored line, spread over the week up to the line’s own time', async () => {
    await storeLine();
    const r = await service().priceChart('cg:bitcoin', '7d');
    const end = clock.now() - 60_000;
    expect(r).toEqual({
      ok: true,
      points: [
        [end - 7 * 86_400_000, 1],
        [end - 3.5 * 86_400_000, 2],
        [end, 3],
      ],
      source: 'coingecko',
      fetchedAt: clock.now(),
    });
    expect(script.asked).toEqual([]);
  });

  it('a coin’s 30 days are never drawn from its 7-day line', async () => {
    await storeLine();
    script.routes.push(on(cg, /\/market_chart$/, json({ prices: [[clock.now() - 1000, 5]] })));
    const chart = await service().priceChart('cg:bitcoin', '30d');
    expect(chart).toMatchObject({ ok: true, points: [[clock.now() - 1000, 5]], source: 'coingecko' });
    expect(chartAsks()).toHaveLength(1);
  });

  it('a line without its own time ends at its fetch time', async () => {
    await storeLine({ asOf: null });
    const r = await service().priceChart('cg:bitcoin', '7d');
    expect(r.ok && r.points.at(-1)).toEqual([clock.now(), 3]);
  });

  it('a line as old as the 7-day chart’s freshness, or the snapshot’s, is not drawn: CoinGecko is asked', async () => {
    script.routes.push(on(cg, pathOf('coingecko', '/coins/bitcoin/market_chart'), json({ prices: week })));
    await storeLine({ fetchedAt: clock.now() - CHART_FRESH_MS['7d'] });
    const r = await service().priceChart('cg:bitcoin', '7d');
    expect(r).toMatchObject({ ok: true, source: 'coingecko', points: week });
    expect(chartAsks()).toEqual([
      `${cg}${pathOf('coingecko', '/coins/bitcoin/market_chart')}?vs_currency=usd&days=7`,
    ]);

    await storeLine({ source: 'snapshot' });
    await service().priceChart('cg:bitcoin', '7d');
    expect(chartAsks()).toHaveLength(2);
  });

  it('keeps a chart for its range’s time, to the millisecond; a failure is not kept', async () => {
    script.routes.push(on(cg, pathOf('coingecko', '/coins/bitcoin/market_chart'), json({ prices: week })));
    const svc = service();
    await svc.priceChart('cg:bitcoin', '1d');
    clock.advance(CHART_FRESH_MS['1d'] - 1);
    await svc.priceChart('cg:bitcoin', '1d');
    expect(chartAsks()).toHaveLength(1);
    // Another range is another chart.
    await svc.priceChart('cg:bitcoin', '30d');
    expect(chartAsks()).toHaveLength(2);
    clock.advance(1);
    await svc.priceChart('cg:bitcoin', '1d');
    expect(chartAsks()).toHaveLength(3);

    script.clear();
    script.routes.push(on(cg, pathOf('coingecko', '/coins/ethereum/market_chart'), () => status(429)));
    expect(await svc.priceChart('cg:ethereum', '30d')).toEqual({
      ok: false,
      reason: 'CoinGecko: rate limited (429)',
    });
    clock.advance(120_000);
    await svc.priceChart('cg:ethereum', '30d');
    expect(chartAsks().filter((u) => u.includes('ethereum'))).toHaveLength(2);
  });

  it('a stock’s chart from Yahoo, its failure named; anything else has no chart and asks nothing', async () => {
    script.routes.push(on(host('stocks'), /\/v8\/finance\/chart\//, () => status(500)));
    const svc = service();
    expect(await svc.priceChart('stock:AAPL', '7d')).toEqual({ ok: false, reason: 'Yahoo: HTTP 500' });
    expect(chartAsks()).toEqual([
      `${host('stocks')}${pathOf('stocks', '/v8/finance/chart/AAPL')}?range=5d&interval=30m`,
    ]);
    expect(await svc.priceChart('ca:ethereum:0x1111111111111111111111111111111111111111', '7d')).toEqual({
      ok: false,
      reason: 'no price chart for this asset',
    });
    expect(chartAsks()).toHaveLength(1);
  });
});

describe('revenue that is another coin’s', () => {
  const llama = host('llamaApi');
  const fees = () => fixtureJson('defillama', 'summary-fees-hyperliquid.json') as Record<string, unknown>;

  it('an unmapped id whose slug answers for another coin: an empty record, not that coin’s revenue', async () => {
    script.routes.push(on(llama, '/protocols', json([])));
    // The recorded Hyperliquid summary, asked for as "hyperliquid" by a coin with another id.
    script.routes.push(on(llama, '/summary/fees/hyperliquid', json(fees())));
    const svc = service();
    expect(await svc.refreshRevenue('hyperliquid')).toEqual({ ok: true });
    expect(await db.getRevenue('hyperliquid')).toMatchObject({ slug: 'hyperliquid', name: 'Hyperliquid' });

    // HAND-MADE: the same answer naming another gecko_id.
    script.clear();
    script.routes.push(on(llama, '/protocols', json([])));
    script.routes.push(
      on(llama, '/summary/fees/hyperliquid', json({ ...fees(), gecko_id: 'hyperliquid-2' })),
    );
    clock.advance(25 * 3_600_000);
    expect(await svc.refreshRevenue('hyperliquid')).toEqual({ ok: true });
    expect(await db.getRevenue('hyperliquid')).toMatchObject({
      slug: '',
      name: '',
      revenue: null,
      holdersRevenue: null,
    });
  });

  it('a coin the protocol map names keeps its protocol’s answer whatever gecko_id it gives', async () => {
    script.routes.push(
      on(llama, '/protocols', json([{ slug: 'hyperliquid', gecko_id: 'hype-token', twitter: null }])),
    );
    script.routes.push(on(llama, '/summary/fees/hyperliquid', json(fees())));
    expect(await service().refreshRevenue('hype-token')).toEqual({ ok: true });
    expect(await db.getRevenue('hype-token')).toMatchObject({ slug: 'hyperliquid', name: 'Hyperliquid' });
  });

  it('both series down (not 404): a failure with the reason, the stored figures kept', async () => {
    script.routes.push(on(llama, '/protocols', json([])));
    script.routes.push(on(llama, '/summary/fees/hyperliquid', () => status(502)));
    const r = await service().refreshRevenue('hyperliquid');
    expect(r).toEqual({ ok: false, reason: 'DefiLlama fees: HTTP 502' });
  });
});

describe('revenue when one series answers and the other does not', () => {
  const llama = host('llamaApi');
  const fees = () => fixtureJson('defillama', 'summary-fees-hyperliquid.json') as Record<string, unknown>;
  /** The recorded chart's one day, 2024-12-23. */
  const DAY = Date.UTC(2024, 11, 23);

  /** From now on the two series answer so (and /protocols with no protocol). */
  const answers = (revenue: () => Response, holders: () => Response) => {
    script.clear();
    script.routes.push(on(llama, '/protocols', json([])));
    series(revenue, holders);
  };
  const recorded = () => json(fees());

  beforeEach(() => {
    clock.set('2024-12-24T09:00:00Z');
  });

  it('holders’ revenue down: the revenue is new, the holders’ figures and their day kept, the record stale', async () => {
    answers(recorded, recorded);
    const svc = service();
    await svc.refreshRevenue('hyperliquid');
    const before = await db.getRevenue('hyperliquid');
    expect(before?.asOf).toBe(DAY);

    // HAND-MADE: the recorded summary a day on, its chart one day longer.
    const next = { ...fees(), total24h: 5_000_000, totalDataChart: [[1734998400, 2_000_000]] };
    answers(
      () => json(next),
      () => status(500),
    );
    clock.advance(24 * 3_600_000);
    expect(await svc.refreshRevenue('hyperliquid')).toEqual({ ok: true });
    const r = await db.getRevenue('hyperliquid');
    expect(r?.revenue?.total24h).toBe(5_000_000);
    expect(r?.holdersRevenue).toEqual(before?.holdersRevenue);
    // The kept series is as old as its answer: the record's day is the older of the two.
    expect(r?.asOf).toBe(DAY);
    expect(r).toMatchObject({ stale: true, error: 'DefiLlama fees: HTTP 500', fetchedAt: clock.now() });
  });

  it('revenue down, holders’ answered: the name comes from the holders’ answer', async () => {
    answers(
      () => status(502),
      () => json(fees()),
    );
    expect(await service().refreshRevenue('hyperliquid')).toEqual({ ok: true });
    const r = await db.getRevenue('hyperliquid');
    expect(r).toMatchObject({
      slug: 'hyperliquid',
      name: 'Hyperliquid',
      revenue: null,
      holdersRevenue: { total24h: 4_890_250 },
      asOf: DAY,
      stale: true,
      error: 'DefiLlama fees: HTTP 502',
    });
  });

  it('one series not listed (404) is none, not a failure: the record is not stale', async () => {
    answers(
      () => json(fees()),
      () => status(404),
    );
    expect(await service().refreshRevenue('hyperliquid')).toEqual({ ok: true });
    const r = await db.getRevenue('hyperliquid');
    expect(r).toMatchObject({ revenue: { total24h: 4_890_250 }, holdersRevenue: null, asOf: DAY });
    expect(r).not.toHaveProperty('stale');
    expect(r).not.toHaveProperty('error');
  });

  it('one series 404 and the other down: a failure, the stored record kept and marked stale', async () => {
    answers(recorded, recorded);
    const svc = service();
    await svc.refreshRevenue('hyperliquid');
    answers(
      () => status(404),
      () => status(503),
    );
    clock.advance(13 * 3_600_000);
    // Not "no protocol" (that takes two 404s): the revenue is said as none, the holders' kept.
    expect(await svc.refreshRevenue('hyperliquid')).toEqual({ ok: true });
    const r = await db.getRevenue('hyperliquid');
    expect(r).toMatchObject({
      revenue: null,
      holdersRevenue: { total24h: 4_890_250 },
      asOf: DAY,
      stale: true,
      error: 'DefiLlama fees: HTTP 503',
    });
  });

  it('keeps the governance venues of the last answer while neither series answers with its own', async () => {
    // HAND-MADE: the recorded summary with DefiLlama's `governanceID` (a string or a list of them).
    answers(
      () => json({ ...fees(), governanceID: ['snapshot:hyperliquid.eth', ' snapshot:hyperliquid.eth '] }),
      () => json(fees()),
    );
    const svc = service();
    await svc.refreshRevenue('hyperliquid');
    expect((await db.getRevenue('hyperliquid'))?.governance).toEqual(['snapshot:hyperliquid.eth']);
    answers(
      () => status(500),
      () => status(404),
    );
    clock.advance(13 * 3_600_000);
    await svc.refreshRevenue('hyperliquid');
    expect((await db.getRevenue('hyperliquid'))?.governance).toEqual(['snapshot:hyperliquid.eth']);
  });

  it('a summary without a name is called by the last name read, else by its slug', async () => {
    const { name: _n, ...nameless } = fees();
    answers(
      () => json(nameless),
      () => status(404),
    );
    const svc = service();
    await svc.refreshRevenue('hyperliquid');
    expect((await db.getRevenue('hyperliquid'))?.name).toBe('hyperliquid');
    answers(
      () => json(fees()),
      () => status(404),
    );
    await svc.refreshRevenue('hyperliquid');
    answers(
      () => json(nameless),
      () => status(404),
    );
    await svc.refreshRevenue('hyperliquid');
    expect((await db.getRevenue('hyperliquid'))?.name).toBe('Hyperliquid');
  });

  it('both series failing marks the stored record stale with the revenue’s reason', async () => {
    answers(recorded, recorded);
    const svc = service();
    await svc.refreshRevenue('hyperliquid');
    answers(
      () => status(500),
      () => status(502),
    );
    expect(await svc.refreshRevenue('hyperliquid')).toEqual({
      ok: false,
      reason: 'DefiLlama fees: HTTP 500',
    });
    expect(await db.getRevenue('hyperliquid')).toMatchObject({
      revenue: { total24h: 4_890_250 },
      stale: true,
      error: 'DefiLlama fees: HTTP 500',
    });
  });
});

describe('revenue read for the first time', () => {
  const llama = host('llamaApi');
  const fees = () => fixtureJson('defillama', 'summary-fees-hyperliquid.json') as Record<string, unknown>;

  beforeEach(() => {
    clock.set('2024-12-24T09:00:00Z');
  });

  it('without a slug map ever read (DefiLlama’s /protocols down), the coin’s own id is the slug', async () => {
    script.routes.push(on(llama, '/protocols', () => status(500)));
    series(
      () => json(fees()),
      () => json(fees()),
    );
    expect(await service().refreshRevenue('hyperliquid')).toEqual({ ok: true });
    expect(await db.getRevenue('hyperliquid')).toMatchObject({ slug: 'hyperliquid', name: 'Hyperliquid' });
  });

  it('holders’ series down, nothing read before: none for it, the record stale, no venues said', async () => {
    script.routes.push(on(llama, '/protocols', json([])));
    series(
      () => json(fees()),
      () => status(500),
    );
    await service().refreshRevenue('hyperliquid');
    const r = await db.getRevenue('hyperliquid');
    expect(r).toMatchObject({ revenue: { total24h: 4_890_250 }, holdersRevenue: null, stale: true });
    expect(r).toHaveProperty('governance', []);
  });

  it('revenue not listed and holders’ down, nothing read before: an empty record, stale, no venues', async () => {
    script.routes.push(on(llama, '/protocols', json([])));
    series(
      () => status(404),
      () => status(500),
    );
    expect(await service().refreshRevenue('hyperliquid')).toEqual({ ok: true });
    const r = await db.getRevenue('hyperliquid');
    expect(r).toMatchObject({
      slug: 'hyperliquid',
      name: 'hyperliquid',
      revenue: null,
      holdersRevenue: null,
      asOf: null,
      stale: true,
      error: 'DefiLlama fees: HTTP 500',
    });
    expect(r).not.toHaveProperty('governance');
  });

  it('a summary whose chart has no day: no day for the record', async () => {
    script.routes.push(on(llama, '/protocols', json([])));
    series(
      () => json({ ...fees(), totalDataChart: [] }),
      () => status(404),
    );
    await service().refreshRevenue('hyperliquid');
    expect((await db.getRevenue('hyperliquid'))?.asOf).toBeNull();
  });

  it('a coin DefiLlama does not list: the empty record says where it was looked for', async () => {
    script.routes.push(on(llama, '/protocols', json([])));
    series(
      () => status(404),
      () => status(404),
    );
    await service().refreshRevenue('hyperliquid');
    expect(await db.getRevenue('hyperliquid')).toEqual({
      cgId: 'hyperliquid',
      slug: '',
      name: '',
      revenue: null,
      holdersRevenue: null,
      source: 'llamaApi',
      fetchedAt: clock.now(),
    });
  });
});
