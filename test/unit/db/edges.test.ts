/**
 * The database at its edges: a request log exactly one entry over its cap drops exactly the oldest
 * (and one exactly at its cap drops nothing), and a v1 quote with a circulating supply but no market
 * cap keeps that supply through the upgrade. fake-indexeddb, one fresh database per test.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { REQUEST_LOG_CAP, TickerlensDb, upgradeQuoteV1 } from '../../../utils/db';

const freshIdb = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

const entries = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    at: from + i,
    source: 'coingecko' as const,
    path: `/p/${from + i}`,
    ok: true,
    status: 200,
    ms: 1,
  }));

describe('request log cap', () => {
  it('keeps a log exactly at its cap whole', async () => {
    const db = new TickerlensDb(freshIdb());
    await db.logRequests(entries(0, REQUEST_LOG_CAP));
    const kept = await db.recentRequests(REQUEST_LOG_CAP + 10);
    expect(kept).toHaveLength(REQUEST_LOG_CAP);
    expect(kept.at(-1)?.path).toBe('/p/0');
    db.close();
  });

  it('drops exactly the oldest entry when one more comes in', async () => {
    const db = new TickerlensDb(freshIdb());
    await db.logRequests(entries(0, REQUEST_LOG_CAP));
    await db.logRequests(entries(REQUEST_LOG_CAP, 1));
    const kept = await db.recentRequests(REQUEST_LOG_CAP + 10);
    expect(kept).toHaveLength(REQUEST_LOG_CAP);
    expect(kept[0]?.path).toBe(`/p/${REQUEST_LOG_CAP}`);
    expect(kept.at(-1)?.path).toBe('/p/1');
    db.close();
  });
});

/** A v1 quote row with these market figures (the v1 shape, as in db.test.ts's old database). */
const v1Quote = (marketCapUsd: number | null, circulatingSupply: number | null) =>
  upgradeQuoteV1({
    assetId: 'cg:x',
    symbol: 'X',
    name: 'X',
    priceUsd: 1,
    change24hPct: null,
    marketCapUsd,
    circulatingSupply,
    fetchedAt: 7,
    source: 'coingecko',
  });

describe('v1 quotes', () => {
  it('keep a circulating supply stored without a market cap', () => {
    const q = v1Quote(null, 21_000_000);
    expect(q.market).toEqual({
      source: 'coingecko',
      fetchedAt: 7,
      marketCapUsd: null,
      fdvUsd: null,
      volume24hUsd: null,
      circulatingSupply: 21_000_000,
      totalSupply: null,
      maxSupply: null,
      rank: null,
    });
  });

  it('keep a market cap stored without a circulating supply', () => {
    const q = v1Quote(5e9, null);
    expect(q.market).toMatchObject({ marketCapUsd: 5e9, circulatingSupply: null });
  });
});
