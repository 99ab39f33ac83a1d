/**
 * The card of an asset as the worker answers it (background/cards.ts): stale-while-revalidate. The
 * figures come from the database as they are; a price that is missing, from the snapshot, older than
 * ten minutes or left stale by a failed refresh asks for a refresh, while one whose source itself
 * has not moved does not (asking again would not help). A waiting caller gets the card read again
 * after the refreshes. The data service is a recording stand-in; the registry is the bundled one.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bundledRegistry } from '../../utils/registry/bundled';
import { type Card, type Figure, FRESH_FOR_MS } from '../../utils/sources/card';

vi.mock('wxt/browser', () => ({ browser: { i18n: { getMessage: (key: string) => key } } }));

const world = vi.hoisted(() => ({
  cards: new Map<string, unknown>(),
  /** The card stored once the refreshes ran (a waiting caller reads it). */
  after: new Map<string, unknown>(),
  calls: [] as string[],
  going: undefined as Promise<unknown> | undefined,
  reads: 0,
}));

vi.mock('../../entrypoints/background/runtime', () => ({
  currentRegistry: async () => bundledRegistry(),
  database: () => ({
    getRegistry: async () => undefined,
    getUnlocks: async () => undefined,
    getRevenue: async () => undefined,
    getSecurity: async () => undefined,
  }),
  dataService: async () => ({
    getCard: async (asset: string) => {
      world.reads++;
      return (world.reads > 1 && world.after.get(asset)) || (world.cards.get(asset) ?? null);
    },
    quoteRefreshOf: () => world.going,
    refreshQuotes: async (ids: string[]) => world.calls.push(`quotes ${ids.join(',')}`),
    refreshUnlocks: async (id: string) => world.calls.push(`unlocks ${id}`),
    refreshRevenue: async (id: string) => world.calls.push(`revenue ${id}`),
    refreshAssetDetails: async (id: string) => world.calls.push(`details ${id}`),
    refreshStockMarkets: async (ids: string[]) => world.calls.push(`markets ${ids.join(',')}`),
    refreshTreasuries: async () => world.calls.push('treasuries'),
  }),
}));

/** A figure as the database gives it: fetched now, fresh, from CoinGecko, unless `over` says otherwise. */
const fig = (over: Partial<Figure<unknown>> = {}): Figure<never> =>
  ({
    value: {},
    source: 'coingecko',
    fetchedAt: 0,
    ageMs: 0,
    asOf: null,
    sourceOld: false,
    stale: false,
    ...over,
  }) as Figure<never>;

/** A coin's card with every detail stored, so only the price can ask for anything. */
const card = (asset: string, price?: Partial<Figure<unknown>>): Card => ({
  assetId: asset,
  symbol: 'BTC',
  name: 'Bitcoin',
  ...(price ? { price: fig(price) } : {}),
  unlocks: fig(),
  revenue: fig(),
  profile: fig(),
});

/** A fresh copy of the module: it remembers per worker life which details it asked for. */
async function cards() {
  vi.resetModules();
  return import('../../entrypoints/background/cards');
}

const BTC = 'cg:bitcoin';

beforeEach(() => {
  world.cards.clear();
  world.after.clear();
  world.calls = [];
  world.going = undefined;
  world.reads = 0;
});

describe('a card’s price', () => {
  it('asks for a refresh when the live price is older than ten minutes', async () => {
    world.cards.set(BTC, card(BTC, { ageMs: FRESH_FOR_MS.price + 1 }));
    const reply = await (await cards()).cardFor(BTC, false);
    expect(world.calls).toEqual([`quotes ${BTC}`]);
    expect(reply.refreshing).toBe(true);
  });

  it('does not ask while the live price is ten minutes old or less', async () => {
    world.cards.set(BTC, card(BTC, { ageMs: FRESH_FOR_MS.price }));
    const reply = await (await cards()).cardFor(BTC, false);
    expect(world.calls).toEqual([]);
    expect(reply.refreshing).toBe(false);
  });

  it('asks again after a failed refresh, not when the source itself has not moved', async () => {
    world.cards.set(BTC, card(BTC, { ageMs: 1000, stale: true, staleReason: 'HTTP 500' }));
    await (await cards()).cardFor(BTC, false);
    expect(world.calls).toEqual([`quotes ${BTC}`]);

    world.calls = [];
    world.cards.set(BTC, card(BTC, { ageMs: 1000, stale: true, sourceOld: true }));
    const reply = await (await cards()).cardFor(BTC, false);
    expect(world.calls).toEqual([]);
    expect(reply.refreshing).toBe(false);
  });

  it('asks for a live price over the bundled snapshot’s, however recent', async () => {
    world.cards.set(BTC, card(BTC, { source: 'snapshot', ageMs: 0 }));
    await (await cards()).cardFor(BTC, false);
    expect(world.calls).toEqual([`quotes ${BTC}`]);
  });

  it('joins a refresh already going instead of starting another', async () => {
    world.cards.set(BTC, card(BTC, { ageMs: FRESH_FOR_MS.price + 1 }));
    world.going = Promise.resolve();
    const reply = await (await cards()).cardFor(BTC, false);
    expect(world.calls).toEqual([]);
    expect(reply.refreshing).toBe(true);
  });
});

describe('a card never seen', () => {
  it('asks for the price, the unlocks, the revenue and, after the price, the profile', async () => {
    const reply = await (await cards()).cardFor(BTC, false);
    expect(reply).toMatchObject({ card: null, refreshing: true });
    await vi.waitFor(() => expect(world.calls).toHaveLength(4));
    expect(world.calls.slice(0, 3)).toEqual([`quotes ${BTC}`, 'unlocks bitcoin', 'revenue bitcoin']);
    expect(world.calls[3]).toBe('details bitcoin');
  });

  it('answers a waiting caller with the card read again after the refreshes', async () => {
    world.after.set(BTC, card(BTC, { ageMs: 0 }));
    const reply = await (await cards()).cardFor(BTC, true);
    expect(reply.refreshing).toBe(false);
    expect(reply.card?.name).toBe('Bitcoin');
    expect(reply.card?.price?.ageMs).toBe(0);
  });

  it('asks for the profile once in a worker’s life, the missing unlocks again', async () => {
    const { cardFor } = await cards();
    await cardFor(BTC, true);
    world.calls = [];
    await cardFor(BTC, true);
    expect(world.calls.sort()).toEqual([`quotes ${BTC}`, 'revenue bitcoin', 'unlocks bitcoin']);
  });
});

describe('the popup’s first answer (cachedCard)', () => {
  it('starts nothing, and says figures are missing while the price is old or a detail is absent', async () => {
    const { cachedCard } = await cards();
    world.cards.set(BTC, card(BTC, { ageMs: 0 }));
    expect(await cachedCard(BTC)).toMatchObject({ missing: false });
    world.cards.set(BTC, card(BTC, { ageMs: FRESH_FOR_MS.price + 1 }));
    expect(await cachedCard(BTC)).toMatchObject({ missing: true });
    world.cards.set(BTC, { ...card(BTC, { ageMs: 0 }), revenue: undefined });
    expect(await cachedCard(BTC)).toMatchObject({ missing: true });
    expect(world.calls).toEqual([]);
  });
});
