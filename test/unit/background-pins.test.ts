/**
 * The options page's pinned choices (background/pins.ts) through the background's dispatcher: the
 * list names each asset (never only its id) newest first, Undo removes the pin and tells every tab,
 * and a content script gets neither answer. The database is Dexie on an in-memory IndexedDB; the
 * asset rows (background/assets.ts, registry and quotes) are a stand-in with the popup's row shape.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TickerlensDb } from '../../utils/db';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const world = vi.hoisted(() => ({
  onMessage: undefined as undefined | ((message: unknown, sender: unknown) => unknown),
  db: undefined as unknown as TickerlensDb,
  announced: 0,
}));

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      getURL: (path: string) => `chrome-extension://abcdefghijklmnopabcdefghijklmnop${path}`,
      onMessage: { addListener: (fn: typeof world.onMessage) => (world.onMessage = fn) },
      onConnect: { addListener: () => undefined },
    },
  },
}));

vi.mock('../../entrypoints/background/runtime', () => ({
  database: () => world.db,
  setPin: async (key: string, asset: string | null) => {
    if (asset) await world.db.pin(key, asset, Date.now());
    else await world.db.unpin(key);
  },
  announcePins: async () => {
    world.announced += 1;
  },
}));

// Rows as background/assets.ts answers them (its `Row` shape), for the ids this test pins.
vi.mock('../../entrypoints/background/assets', () => ({
  assetRows: async ({ assets }: { assets: string[] }) => ({
    assets: assets.map((asset) =>
      asset === 'cg:starknet'
        ? { asset, name: 'Starknet', symbol: 'STRK', kind: 'coin', venue: 'Ethereum, Starknet' }
        : asset === 'stock:MSTR'
          ? { asset, name: 'Strategy', symbol: 'MSTR', kind: 'stock', venue: 'NASDAQ' }
          : { asset, name: '', symbol: '', kind: 'coin' },
    ),
  }),
}));

const { listenInBackground } = await import('../../utils/messaging-background');
const { pinsHandlers } = await import('../../entrypoints/background/pins');

const CONTENT_SCRIPT = { url: 'https://x.com/home', tab: { id: 3, url: 'https://x.com/home' } };
const OPTIONS_TAB = { url: `${ORIGIN}/options.html`, tab: { id: 4, url: `${ORIGIN}/options.html` } };
const send = (message: object, sender: object) => world.onMessage?.(message, sender) as Promise<unknown>;

beforeEach(async () => {
  world.db = new TickerlensDb({ name: 'pins-test', indexedDB: new IDBFactory(), IDBKeyRange });
  world.announced = 0;
  await world.db.pin('STRK', 'cg:starknet', 1_000);
  await world.db.pin('MSTR', 'stock:MSTR', 2_000);
  await world.db.pin('GONE', 'cg:delisted-coin', 500);
  listenInBackground(pinsHandlers() as never);
});

describe('pinned choices in the options page', () => {
  it('lists every pin by name, symbol and where it trades, newest first', async () => {
    const reply = await send({ type: 'tickerlens:pins-list' }, OPTIONS_TAB);
    expect(reply).toEqual({
      ok: true,
      data: {
        pins: [
          {
            key: 'MSTR',
            asset: 'stock:MSTR',
            name: 'Strategy',
            symbol: 'MSTR',
            kind: 'stock',
            venue: 'NASDAQ',
            pinnedAt: 2_000,
          },
          {
            key: 'STRK',
            asset: 'cg:starknet',
            name: 'Starknet',
            symbol: 'STRK',
            kind: 'coin',
            venue: 'Ethereum, Starknet',
            pinnedAt: 1_000,
          },
          // No name known: the page says so in words; the id is never offered as a name.
          { key: 'GONE', asset: 'cg:delisted-coin', name: '', symbol: '', kind: 'coin', pinnedAt: 500 },
        ],
      },
    });
  });

  it('removes a pin on Undo and tells every tab to resolve again', async () => {
    expect(await send({ type: 'tickerlens:unpin', key: 'STRK' }, OPTIONS_TAB)).toEqual({
      ok: true,
      data: { removed: true },
    });
    expect((await world.db.pins()).map((p) => p.key).sort()).toEqual(['GONE', 'MSTR']);
    expect(world.announced).toBe(1);
    // Already gone (undone in another window): nothing to announce.
    expect(await send({ type: 'tickerlens:unpin', key: 'STRK' }, OPTIONS_TAB)).toEqual({
      ok: true,
      data: { removed: false },
    });
    expect(world.announced).toBe(1);
  });

  it('refuses both to a content script, which can neither read nor undo the reader’s pins', async () => {
    expect(await send({ type: 'tickerlens:pins-list' }, CONTENT_SCRIPT)).toEqual({
      ok: false,
      error: "tickerlens:pins-list is for the extension's own pages",
    });
    expect(await send({ type: 'tickerlens:unpin', key: 'STRK' }, CONTENT_SCRIPT)).toEqual({
      ok: false,
      error: "tickerlens:unpin is for the extension's own pages",
    });
    expect(await world.db.pins()).toHaveLength(3);
    expect(world.announced).toBe(0);
  });

  it('answers a malformed Undo with an error and keeps the pins', async () => {
    const reply = await send({ type: 'tickerlens:unpin', key: 'X'.repeat(61) }, OPTIONS_TAB);
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('Malformed') });
    expect(await world.db.pins()).toHaveLength(3);
  });
});
