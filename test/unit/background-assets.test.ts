/**
 * The popup's rows (background/assets.ts): each asset once, by name (never its id), with its kind,
 * where it trades, its rank and its cached price; answered from the cache at once, and refreshed
 * only when the popup waits, for what is missing or old. The registry is the bundled one, the
 * database Dexie on an in-memory IndexedDB, the data service a stand-in that records the refresh
 * asked and writes the prices a source would have answered.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TickerlensDb } from '../../utils/db';
import type { QuoteRecord } from '../../utils/db/records';
import { bundledSnapshot, snapshotRecords } from '../../utils/sources/snapshot';

const world = vi.hoisted(() => ({
  db: undefined as unknown,
  refreshed: [] as string[][],
  /** What a refresh writes (the source's answer), or an error it fails with. */
  answer: [] as unknown[],
  fails: false,
}));

vi.mock('../../entrypoints/background/runtime', async () => {
  const { bundledRegistry } = await import('../../utils/registry');
  const { bundledSnapshot } = await import('../../utils/sources/snapshot');
  const reg = bundledRegistry();
  return {
    bundledPrices: bundledSnapshot,
    database: () => world.db,
    currentRegistry: async () => reg,
    dataService: async () => ({
      refreshQuotes: async (ids: string[]) => {
        world.refreshed.push([...ids]);
        if (world.fails) throw new Error('HTTP 429');
        await (world.db as TickerlensDb).putQuotes(world.answer as QuoteRecord[]);
        return { ok: ids, failed: [] };
      },
    }),
  };
});

const { assetRows } = await import('../../entrypoints/background/assets');

const db = () => world.db as TickerlensDb;
const MIN = 60_000;

const quote = (assetId: string, usd: number, ageMs: number, name = '', symbol = ''): QuoteRecord => {
  const fetchedAt = Date.now() - ageMs;
  return {
    assetId,
    name,
    symbol,
    price: {
      usd,
      change24hPct: 1.5,
      change7dPct: null,
      asOf: fetchedAt - MIN,
      source: 'coingecko',
      fetchedAt,
    },
    fetchedAt,
  };
};

beforeEach(() => {
  world.db = new TickerlensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  world.refreshed = [];
  world.answer = [];
  world.fails = false;
});

describe('the popup’s rows', () => {
  it('name each asset once, with its kind, where it trades and its rank, in the order asked', async () => {
    const { assets } = await assetRows({ assets: ['stock:MSTR', 'cg:bitcoin', 'stock:MSTR', 'cg:usd-coin'] });
    expect(assets).toEqual([
      {
        asset: 'stock:MSTR',
        name: 'MicroStrategy Incorporated',
        symbol: 'MSTR',
        kind: 'stock',
        venue: 'NASDAQ',
        rank: 346,
      },
      { asset: 'cg:bitcoin', name: 'Bitcoin', symbol: 'BTC', kind: 'coin', venue: 'Bitcoin', rank: 1 },
      {
        asset: 'cg:usd-coin',
        name: 'USDC',
        symbol: 'USDC',
        kind: 'coin',
        venue: 'Ethereum, Polkadot',
        rank: 7,
      },
    ]);
  });

  it('give the cached price with its source, time and whether it is old', async () => {
    const fresh = quote('cg:bitcoin', 97_000, 2 * MIN);
    await db().putQuotes([fresh, quote('stock:MSTR', 340, 5 * 24 * 60 * MIN)]);
    const { assets } = await assetRows({ assets: ['cg:bitcoin', 'stock:MSTR'] });
    expect(assets[0]?.price).toEqual({
      usd: 97_000,
      change24hPct: 1.5,
      source: 'coingecko',
      fetchedAt: fresh.fetchedAt,
      asOf: fresh.price.asOf,
      stale: false,
    });
    expect(assets[1]?.price).toMatchObject({ usd: 340, stale: true });
    expect(assets[1]?.price).not.toHaveProperty('snapshotDate');
  });

  it('label a price from the built-in snapshot with the snapshot’s date, as the card does', async () => {
    const snapshot = bundledSnapshot();
    await db().putQuotes(snapshotRecords(snapshot).filter((q) => q.assetId === 'cg:bitcoin'));
    const { assets } = await assetRows({ assets: ['cg:bitcoin'] });
    expect(assets[0]?.price).toMatchObject({ source: 'snapshot', stale: true, snapshotDate: snapshot.asOf });
    expect(snapshot.asOf).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it('name an asset the registry lacks by the price source’s name, else its symbol, never its id', async () => {
    await db().putQuotes([
      quote('cg:brand-new-coin', 0.5, MIN, 'Brand New Coin', 'BNC'),
      quote('cg:nameless-coin', 0.1, MIN, '', 'NLC'),
    ]);
    const { assets } = await assetRows({
      assets: ['cg:brand-new-coin', 'cg:nameless-coin', 'cg:nothing-known'],
    });
    expect(assets.map((a) => [a.name, a.symbol, a.kind])).toEqual([
      ['Brand New Coin', 'BNC', 'coin'],
      ['NLC', 'NLC', 'coin'],
      ['', '', 'coin'],
    ]);
    for (const a of assets) {
      expect(a).not.toHaveProperty('venue');
      expect(a).not.toHaveProperty('rank');
    }
  });

  it('call an id of neither kind a contract', async () => {
    const { assets } = await assetRows({ assets: ['evm:0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'] });
    expect(assets[0]).toMatchObject({ kind: 'contract', name: '' });
  });
});

describe('refreshing for the popup', () => {
  it('starts nothing when the popup does not wait: the first answer comes from the cache at once', async () => {
    await db().putQuotes([quote('cg:bitcoin', 97_000, 3 * 60 * MIN)]);
    const { assets } = await assetRows({ assets: ['cg:bitcoin', 'stock:MSTR'] });
    expect(world.refreshed).toEqual([]);
    expect(assets[1]).not.toHaveProperty('price');
    await assetRows({ assets: ['cg:bitcoin'], wait: false });
    expect(world.refreshed).toEqual([]);
  });

  it('when it waits, refreshes the coins and stocks without a price or with an old one, then answers with the new', async () => {
    await db().putQuotes([quote('cg:bitcoin', 97_000, 2 * MIN), quote('cg:ethereum', 3_100, 3 * 60 * MIN)]);
    world.answer = [quote('cg:ethereum', 3_300, 0), quote('stock:MSTR', 350, 0)];
    const { assets } = await assetRows({
      assets: ['cg:bitcoin', 'cg:ethereum', 'stock:MSTR', 'evm:0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'],
      wait: true,
    });
    expect(world.refreshed).toEqual([['cg:ethereum', 'stock:MSTR']]);
    expect(assets.map((a) => a.price?.usd)).toEqual([97_000, 3_300, 350, undefined]);
    expect(assets[1]?.price?.stale).toBe(false);
  });

  it('asks nothing when every price is fresh', async () => {
    await db().putQuotes([quote('cg:bitcoin', 97_000, MIN)]);
    await assetRows({ assets: ['cg:bitcoin'], wait: true });
    expect(world.refreshed).toEqual([]);
  });

  it('answers from the cache when the refresh fails', async () => {
    await db().putQuotes([quote('cg:ethereum', 3_100, 3 * 60 * MIN)]);
    world.fails = true;
    const { assets } = await assetRows({ assets: ['cg:ethereum'], wait: true });
    expect(world.refreshed).toEqual([['cg:ethereum']]);
    expect(assets[0]?.price).toMatchObject({ usd: 3_100, stale: true });
  });
});
