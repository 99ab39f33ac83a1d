import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  DB_VERSION,
  OLDER_FORM,
  type QuoteRecord,
  REQUEST_LOG_CAP,
  TickerlensDb,
  type UnlockRecord,
  upgradeQuoteV1,
} from '../../../utils/db';

/** Each test gets its own in-memory IndexedDB. */
function freshIdb() {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

/**
 * The v1 declaration, as it was: a database of the old shape is created with it, then opened with
 * the current code. Kept here (not imported) so a later edit of db.ts cannot change the fixture.
 */
/** The v1 declaration, as it shipped in the old code (written out: the fixture of the old shape). */
const V1_STORES = {
  quotes: 'assetId, fetchedAt',
  unlocks: 'cgId',
  revenue: 'cgId',
  treasuries: '[coin+ticker], ticker',
  registry: 'assetId, symbol',
  notes: '++id, assetId',
  pins: 'key, assetId',
  checklist: 'assetId',
  requestLog: '++id, at',
};

async function createV1(idb: ReturnType<typeof freshIdb>) {
  const old = new Dexie('tickerlens', idb);
  old.version(1).stores(V1_STORES);
  await old.open();
  await old.table('quotes').bulkPut([
    {
      assetId: 'cg:bitcoin',
      symbol: 'BTC',
      name: 'Bitcoin',
      priceUsd: 96114.08,
      change24hPct: -0.15,
      marketCapUsd: 1903746811536,
      circulatingSupply: 19822040,
      fetchedAt: 1739123044143,
      source: 'coingecko',
    },
    {
      assetId: 'stock:AAPL',
      symbol: 'AAPL',
      name: 'Apple Inc.',
      priceUsd: 220.003,
      change24hPct: null,
      marketCapUsd: null,
      circulatingSupply: null,
      fetchedAt: 1742824293000,
      source: 'stocks',
    },
  ]);
  await old
    .table('notes')
    .add({ assetId: 'cg:bitcoin', text: 'watch the halving', createdAt: 1, updatedAt: 1 });
  await old.table('pins').put({ key: 'BTC', assetId: 'cg:bitcoin', pinnedAt: 1 });
  await old
    .table('requestLog')
    .add({ at: 5, source: 'coingecko', path: '/coins/markets', ok: true, status: 200, ms: 40 });
  old.close();
}

/** A v2 database (the v1 shape plus v2's additions), with a registry record learnt from /coins/{id}. */
async function createV2(idb: ReturnType<typeof freshIdb>) {
  const old = new Dexie('tickerlens', idb);
  old.version(1).stores(V1_STORES);
  old.version(2).stores({ requestLog: '++id, at, source', meta: 'key', security: 'key, fetchedAt' });
  await old.open();
  await old.table('registry').put({
    assetId: 'cg:hyperliquid',
    symbol: 'HYPE',
    name: 'Hyperliquid',
    handles: ['HyperliquidX'],
    categories: ['Perpetuals'],
    platforms: {},
    source: 'coingecko',
    fetchedAt: 1,
  });
  old.close();
}

/** A v3 database with a note of the old shape (no uid, no tags) and a v1-shaped checklist row. */
async function createV3(idb: ReturnType<typeof freshIdb>) {
  const old = new Dexie('tickerlens', idb);
  old.version(1).stores(V1_STORES);
  old.version(2).stores({ requestLog: '++id, at, source', meta: 'key', security: 'key, fetchedAt' });
  old.version(3).stores({ registry: 'assetId, symbol, *handleKeys' });
  await old.open();
  await old.table('notes').bulkAdd([
    {
      assetId: 'cg:bittensor',
      text: 'subnets',
      createdAt: 10,
      updatedAt: 10,
      capture: { quote: '$TAO subnets', url: 'https://x.com/home', detected: '$TAO', priceUsd: 361.24 },
    },
    { assetId: 'cg:bitcoin', text: '', createdAt: 20, updatedAt: 20 },
  ]);
  await old.table('checklist').put({ assetId: 'cg:eth', items: { 'no-vc': true }, updatedAt: 4 });
  old.close();
}

/**
 * A v4 database holding an unlock schedule and revenue as written before they changed shape (same
 * tables and indexes): linear rates stored as one-off amounts, raw description templates as
 * labels, and a 30-day total that may have been one day of chart.
 */
async function createV4WithOldRecords(idb: ReturnType<typeof freshIdb>) {
  const old = new Dexie('tickerlens', idb);
  old.version(1).stores(V1_STORES);
  old.version(2).stores({ requestLog: '++id, at, source', meta: 'key', security: 'key, fetchedAt' });
  old.version(3).stores({ registry: 'assetId, symbol, *handleKeys' });
  old.version(4).stores({ notes: '++id, &uid, assetId, createdAt, updatedAt, *tags' });
  await old.open();
  await old.table('unlocks').put({
    cgId: 'whitebit',
    slug: 'whitebit',
    events: [
      {
        date: 1774000000_000,
        amount: 120000000,
        category: 'noncirculating',
        label: 'A cliff of {tokens[0]} tokens will unlock from Funds 1 on {timestamp}',
        unlockType: 'cliff',
      },
      { date: 1774600000_000, amount: 7082000, category: 'insiders', label: 'Team', unlockType: 'linear' },
    ],
    allocation: null,
    totalSupply: 375000000,
    sources: [],
    notes: [],
    source: 'llamaDatasets',
    fetchedAt: 1773000000_000,
  });
  await old.table('revenue').put({
    cgId: 'hyperliquid',
    slug: 'hyperliquid',
    name: 'Hyperliquid',
    revenue: { total24h: 4890250, total7d: 26184696, total30d: 1472923, totalAllTime: 499292857 },
    holdersRevenue: null,
    source: 'llamaApi',
    fetchedAt: 1773000000_000,
  });
  old.close();
}

describe('Dexie schema', () => {
  it('reads unlock and revenue records of the older shape: what stays true, stale, and due at once', async () => {
    const idb = freshIdb();
    await createV4WithOldRecords(idb);
    const db = new TickerlensDb(idb);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    const u = await db.getUnlocks('whitebit');
    // The cliff stays with its template filled; the linear rate stored as an amount does not.
    expect(u?.events).toEqual([
      {
        kind: 'cliff',
        date: 1774000000_000,
        amount: 120000000,
        category: 'noncirculating',
        label: 'Funds 1',
      },
    ]);
    expect(u).toMatchObject({ stale: true, error: OLDER_FORM, sections: [] });
    const r = await db.getRevenue('hyperliquid');
    expect(r?.revenue).toEqual({
      total24h: 4890250,
      total7d: 26184696,
      total30d: null,
      totalAllTime: 499292857,
      covered: null,
    });
    expect(r).toMatchObject({ stale: true, error: OLDER_FORM });
    // The planner sees them as never fetched.
    expect(await db.unlockFetchTimes()).toEqual({ whitebit: 0 });
    expect(await db.revenueFetchTimes()).toEqual({ hyperliquid: 0 });
    // A record of the new shape reads as written.
    await db.putUnlocks({ ...(u as UnlockRecord), shape: 2, stale: false, fetchedAt: 5 });
    expect((await db.getUnlocks('whitebit'))?.stale).toBe(false);
    expect(await db.unlockFetchTimes()).toEqual({ whitebit: 5 });
    db.close();
  });

  it('migrates v3 → v4: notes get a uid each and empty tags; old checklist rows hold no overrides', async () => {
    const idb = freshIdb();
    await createV3(idb);
    const db = new TickerlensDb(idb);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    const notes = await db.recentNotes(10);
    expect(notes.map((n) => [n.assetId, n.text, n.tags])).toEqual([
      ['cg:bitcoin', '', []],
      ['cg:bittensor', 'subnets', []],
    ]);
    expect(notes[1]?.capture?.priceUsd).toBe(361.24);
    const uids = notes.map((n) => n.uid);
    expect(uids.every((u) => /^[0-9a-f-]{36}$/.test(u))).toBe(true);
    expect(new Set(uids).size).toBe(2);
    expect(await db.getChecklist('cg:eth')).toEqual({ assetId: 'cg:eth', overrides: {}, updatedAt: 4 });
    db.close();
  });

  it('migrates v2 → v3: registry records are indexed by their handles, any case', async () => {
    const idb = freshIdb();
    await createV2(idb);
    const db = new TickerlensDb(idb);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.assetByHandle('@hyperliquidx')).toBe('cg:hyperliquid');
    expect(await db.assetByHandle('HyperliquidX')).toBe('cg:hyperliquid');
    expect(await db.assetByHandle('@nobody')).toBeUndefined();
    // New records are indexed as they are written.
    await db.putRegistry([
      {
        assetId: 'cg:bittensor',
        symbol: 'TAO',
        name: 'Bittensor',
        handles: ['@opentensor'],
        categories: [],
        platforms: {},
        source: 'coingecko',
        fetchedAt: 2,
      },
    ]);
    expect(await db.assetByHandle('OpenTensor')).toBe('cg:bittensor');
    db.close();
  });

  it('opens empty at the current version', async () => {
    const db = new TickerlensDb(freshIdb());
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.countQuotes()).toBe(0);
    db.close();
  });

  it('migrates v1 → v2: flat quotes become parts with provenance; notes, pins and log survive', async () => {
    const idb = freshIdb();
    await createV1(idb);
    const db = new TickerlensDb(idb);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    const btc = await db.getQuote('cg:bitcoin');
    expect(btc).toEqual({
      assetId: 'cg:bitcoin',
      symbol: 'BTC',
      name: 'Bitcoin',
      price: {
        source: 'coingecko',
        fetchedAt: 1739123044143,
        usd: 96114.08,
        change24hPct: -0.15,
        change7dPct: null,
        asOf: null,
      },
      market: {
        source: 'coingecko',
        fetchedAt: 1739123044143,
        marketCapUsd: 1903746811536,
        fdvUsd: null,
        volume24hUsd: null,
        circulatingSupply: 19822040,
        totalSupply: null,
        maxSupply: null,
        rank: null,
      },
      fetchedAt: 1739123044143,
    });
    const aapl = await db.getQuote('stock:AAPL');
    expect(aapl?.market).toBeUndefined();
    expect(aapl?.price).toMatchObject({ usd: 220.003, source: 'stocks' });
    expect((await db.notesOf('cg:bitcoin')).map((n) => n.text)).toEqual(['watch the halving']);
    expect((await db.pins()).map((p) => p.assetId)).toEqual(['cg:bitcoin']);
    // New in v2: the log is indexed by source, and meta/security exist.
    expect((await db.recentRequests(10, 'coingecko')).map((r) => r.path)).toEqual(['/coins/markets']);
    await db.setMeta('k', { a: 1 }, 1);
    expect(await db.getMeta('k', (v) => v)).toEqual({ a: 1 });
    db.close();
  });

  it('upgradeQuoteV1 is the identity on what it keeps', () => {
    const q = upgradeQuoteV1({
      assetId: 'cg:x',
      symbol: 'X',
      name: 'X',
      priceUsd: 1,
      change24hPct: null,
      marketCapUsd: null,
      circulatingSupply: null,
      fetchedAt: 7,
      source: 'snapshot',
    });
    expect(q).toEqual({
      assetId: 'cg:x',
      symbol: 'X',
      name: 'X',
      price: { source: 'snapshot', fetchedAt: 7, usd: 1, change24hPct: null, change7dPct: null, asOf: null },
      fetchedAt: 7,
    });
  });
});

describe('TickerlensDb', () => {
  const quote = (assetId: string, usd: number, fetchedAt: number): QuoteRecord => ({
    assetId,
    symbol: assetId.toUpperCase(),
    name: assetId,
    price: { source: 'coingecko', fetchedAt, usd, change24hPct: null, change7dPct: null, asOf: null },
    fetchedAt,
  });

  it('merges quotes in one read-modify-write transaction', async () => {
    const db = new TickerlensDb(freshIdb());
    await db.putQuotes([quote('cg:a', 1, 10)]);
    const n = await db.updateQuotes(['cg:a', 'cg:b', 'cg:a'], (old, id) =>
      old
        ? { ...old, price: { ...old.price, stale: true, error: 'HTTP 500' } }
        : id === 'cg:b'
          ? quote(id, 2, 20)
          : undefined,
    );
    expect(n).toBe(2);
    expect((await db.getQuote('cg:a'))?.price).toMatchObject({ usd: 1, stale: true, error: 'HTTP 500' });
    expect(await db.quoteFetchTimes()).toEqual({ 'cg:a': 10, 'cg:b': 20 });
    db.close();
  });

  it('caps the request log, dropping the oldest', async () => {
    const db = new TickerlensDb(freshIdb());
    const entries = Array.from({ length: REQUEST_LOG_CAP + 25 }, (_, i) => ({
      at: i,
      source: 'coingecko' as const,
      path: `/p/${i}`,
      ok: true,
      status: 200,
      ms: 1,
    }));
    await db.logRequests(entries);
    const recent = await db.recentRequests(REQUEST_LOG_CAP + 100);
    expect(recent).toHaveLength(REQUEST_LOG_CAP);
    expect(recent[0]?.path).toBe(`/p/${REQUEST_LOG_CAP + 24}`);
    expect(recent.at(-1)?.path).toBe('/p/25');
    db.close();
  });

  it('replaces one coin’s treasury list without touching the other, and marks lists stale', async () => {
    const db = new TickerlensDb(freshIdb());
    const t = (coin: 'bitcoin' | 'ethereum', ticker: string, holdings: number) => ({
      coin,
      ticker,
      exchange: 'NASDAQ',
      name: ticker,
      country: 'US',
      holdings,
      entryValueUsd: null,
      currentValueUsd: null,
      pctOfSupply: null,
      source: 'coingecko' as const,
      fetchedAt: 1,
    });
    await db.replaceTreasuries('bitcoin', [t('bitcoin', 'MSTR', 158245), t('bitcoin', 'MARA', 13286)]);
    await db.replaceTreasuries('ethereum', [t('ethereum', 'MSTR', 174530)]);
    await db.replaceTreasuries('bitcoin', [t('bitcoin', 'MSTR', 158300)]);
    expect((await db.treasuriesOf('MARA')).length).toBe(0);
    expect((await db.treasuriesOf('mstr')).map((r) => [r.coin, r.holdings]).sort()).toEqual([
      ['bitcoin', 158300],
      ['ethereum', 174530],
    ]);
    await db.markTreasuriesStale('ethereum', 'HTTP 500');
    const rows = await db.treasuriesOf('MSTR');
    expect(rows.find((r) => r.coin === 'ethereum')).toMatchObject({
      stale: true,
      error: 'HTTP 500',
      holdings: 174530,
    });
    expect(rows.find((r) => r.coin === 'bitcoin')?.stale).toBeUndefined();
    db.close();
  });

  it('keeps notes, pins and checklist state', async () => {
    const db = new TickerlensDb(freshIdb());
    const id = await db.addNote('cg:eth', 'first', 1);
    await db.updateNote(id, { text: 'edited' }, 2);
    await db.addNote('cg:eth', 'second', 3);
    expect((await db.notesOf('cg:eth')).map((n) => n.text)).toEqual(['edited', 'second']);
    const tagged = await db.addNote('cg:eth', 'third', 4, undefined, { tags: [' #L1 ', 'l1', '', 'gas'] });
    expect((await db.recentNotes(1))[0]).toMatchObject({ id: tagged, tags: ['L1', 'gas'] });
    const captured = await db.addNote('cg:bittensor', '', 5, {
      quote: '$TAO subnets keep growing.',
      url: 'https://x.com/home',
      detected: '$TAO',
      priceUsd: 361.24,
      priceSource: 'coingecko',
      priceAt: 4,
    });
    expect((await db.recentNotes(1))[0]).toMatchObject({
      id: captured,
      capture: { detected: '$TAO', priceUsd: 361.24 },
    });
    await db.deleteNotes([id]);
    await db.pin('ETH', 'cg:ethereum', 1);
    await db.pin('MSTR', 'stock:MSTR', 2);
    await db.unpin('ETH');
    expect((await db.pins()).map((p) => p.assetId)).toEqual(['stock:MSTR']);
    await db.putChecklist({
      assetId: 'cg:eth',
      overrides: { sink: { verdict: 'pass', reason: 'gas token', at: 4 } },
      updatedAt: 4,
    });
    expect((await db.getChecklist('cg:eth'))?.overrides).toEqual({
      sink: { verdict: 'pass', reason: 'gas token', at: 4 },
    });
    db.close();
  });
});
