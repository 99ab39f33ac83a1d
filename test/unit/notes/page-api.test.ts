/**
 * The notes page's requests (entrypoints/notes/api.ts) answered by the worker's own handlers
 * (entrypoints/background/notes.ts) through the one dispatcher (utils/messaging-background.ts),
 * over a database on fake-indexeddb: notes load in chunks of a thousand whatever their number, a
 * damaged row is counted and left out, edits, delete and undo keep what they say, prices come from
 * the cache only, an import previews before it writes. The notes are the reader's: a content script
 * gets none of it. Only the browser's messaging is a stand-in, delivering as Chromium does (JSON text
 * both ways).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { NoteRecord, QuoteRecord } from '../../../utils/db/records';
import { NOTES } from './fixtures';

const PAGE = { url: 'chrome-extension://tickerlens/notes.html' };
const CONTENT_SCRIPT = { url: 'https://x.com/home', tab: { id: 3, url: 'https://x.com/home' } };

const world = vi.hoisted(() => ({
  listeners: [] as Array<(message: unknown, sender: unknown) => unknown>,
  /** Who the next messages come from (the browser's `MessageSender`). */
  sender: {} as unknown,
  /** Every message the worker got: its type and payload. */
  sent: [] as Array<{ type: string; payload: Record<string, unknown> }>,
  db: undefined as unknown,
  pinsAnnounced: 0,
  pinsForgotten: 0,
  checklistAnswers: [] as unknown[],
}));

vi.mock('wxt/browser', async () => {
  const { catalogueBrowser } = await import('../../support/i18n');
  return {
    browser: {
      ...catalogueBrowser({ locale: 'en' }).browser,
      runtime: {
        getURL: (path: string) => `chrome-extension://tickerlens${path}`,
        onMessage: { addListener: (fn: (m: unknown, s: unknown) => unknown) => world.listeners.push(fn) },
        onConnect: { addListener: () => undefined },
        sendMessage: async (message: { type: string; json: string }) => {
          world.sent.push({ type: message.type, payload: JSON.parse(message.json) });
          for (const fn of world.listeners) {
            const answer = fn(structuredClone(message), world.sender);
            if (answer !== undefined) return structuredClone(await answer);
          }
          throw new Error('Could not establish connection. Receiving end does not exist.');
        },
      },
    },
  };
});

vi.mock('../../../entrypoints/background/runtime', () => ({
  database: () => world.db,
  forgetPins: () => {
    world.pinsForgotten++;
  },
  announcePins: async () => {
    world.pinsAnnounced++;
  },
}));

const { TickerlensDb } = await import('../../../utils/db');
const { notesHandlers } = await import('../../../entrypoints/background/notes');
const { listenInBackground } = await import('../../../utils/messaging-background');
const { MessageError } = await import('../../../utils/messages');
const { toNotesFile } = await import('../../../utils/notes/file');
const api = await import('../../../entrypoints/notes/api');

listenInBackground({
  ...notesHandlers(),
  // The checklist is the worker's checklist module's: here, answers as scripted, one per ask.
  'tickerlens:checklist': async () => world.checklistAnswers.shift(),
} as never);

type Db = InstanceType<typeof TickerlensDb>;
const db = () => world.db as Db;

const T0 = Date.UTC(2026, 11, 1, 9, 30);
const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** `n` plain notes on rows 1…n (the shape `addNote` stores), written in one go. */
async function manyNotes(n: number): Promise<void> {
  await db().restoreNotes(
    Array.from({ length: n }, (_, i) => ({
      id: i + 1,
      uid: uid(i + 1),
      assetId: 'cg:bittensor',
      text: `note ${i + 1}`,
      tags: [],
      createdAt: T0 + i,
      updatedAt: T0 + i,
    })),
  );
}

async function seeded(): Promise<number[]> {
  const ids: number[] = [];
  for (const n of NOTES)
    ids.push(
      await db().addNote(n.assetId, n.text, n.createdAt, n.capture, {
        ...(n.assetName ? { assetName: n.assetName } : {}),
        ...(n.assetSymbol ? { assetSymbol: n.assetSymbol } : {}),
        tags: n.tags,
      }),
    );
  return ids;
}

const quote = (
  assetId: string,
  name: string,
  symbol: string,
  usd: number,
  fetchedAt: number,
): QuoteRecord => ({
  assetId,
  name,
  symbol,
  price: { usd, change24hPct: null, change7dPct: null, asOf: null, source: 'coingecko', fetchedAt },
  fetchedAt,
});

const listAsks = () => world.sent.filter((m) => m.type === 'tickerlens:notes-list').map((m) => m.payload);

beforeEach(() => {
  world.db = new TickerlensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  world.sender = PAGE;
  world.sent = [];
  world.pinsAnnounced = 0;
  world.pinsForgotten = 0;
  world.checklistAnswers = [];
  vi.useRealTimers();
});

describe('loading every note', () => {
  it('loads nothing from an empty database in one ask', async () => {
    await expect(api.loadAllNotes()).resolves.toEqual({ notes: [], skipped: 0 });
    expect(listAsks()).toEqual([{ after: 0, limit: 1000 }]);
  });

  it('loads 2,500 notes in chunks of a thousand, each after the last row of the one before, in order', async () => {
    await manyNotes(2500);
    const { notes, skipped } = await api.loadAllNotes();
    expect(skipped).toBe(0);
    expect(notes).toHaveLength(2500);
    expect(notes.map((n) => n.id)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
    expect(listAsks()).toEqual([
      { after: 0, limit: 1000 },
      { after: 1000, limit: 1000 },
      { after: 2000, limit: 1000 },
    ]);
  });

  it('asks once more after a chunk of exactly a thousand, and stops at the empty one', async () => {
    await manyNotes(1000);
    const { notes } = await api.loadAllNotes();
    expect(notes).toHaveLength(1000);
    expect(listAsks()).toEqual([
      { after: 0, limit: 1000 },
      { after: 1000, limit: 1000 },
    ]);
  });

  it('keeps every field a note was saved with: ids, words, tags, quote, claims, checklist', async () => {
    const ids = await seeded();
    const { notes } = await api.loadAllNotes();
    expect(notes.map((n) => n.id)).toEqual(ids);
    expect(notes[0]).toMatchObject({
      assetId: 'cg:bittensor',
      assetName: 'Bittensor',
      text: NOTES[0]?.text,
      tags: ['L1', 'AI', '观察'],
      capture: NOTES[0]?.capture,
    });
    expect(notes[1]?.capture?.claims).toEqual(NOTES[1]?.capture?.claims);
  });

  it('leaves out a damaged row and says how many, however many chunks it takes', async () => {
    await manyNotes(1500);
    // Rows an older build or a damaged profile left: no uid, a text that is not text.
    const raw = (db() as unknown as { d: { notes: { put(r: unknown): Promise<unknown> } } }).d.notes;
    await raw.put({ id: 5, assetId: 'cg:bittensor', text: 'no uid', tags: [], createdAt: T0, updatedAt: T0 });
    await raw.put({
      id: 1200,
      uid: uid(1200),
      assetId: '',
      text: 42,
      tags: [],
      createdAt: T0,
      updatedAt: T0,
    });
    const { notes, skipped } = await api.loadAllNotes();
    expect(skipped).toBe(2);
    expect(notes).toHaveLength(1498);
    expect(notes.some((n) => n.id === 5 || n.id === 1200)).toBe(false);
  });
});

describe('the price now', () => {
  it('asks nothing for no assets, or only notes without one', async () => {
    await expect(api.loadPrices([])).resolves.toEqual(new Map());
    await expect(api.loadPrices(['', ''])).resolves.toEqual(new Map());
    expect(world.sent).toEqual([]);
  });

  it('asks each asset once and gives the cached price by asset, with its name, source and age', async () => {
    const now = Date.now();
    await db().putQuotes([
      quote('cg:bittensor', 'Bittensor', 'TAO', 397.36, now - 60_000),
      // Fetched three hours ago: older than a price may be to count as fresh.
      quote('cg:hyperliquid', 'Hyperliquid', 'HYPE', 38.12, now - 3 * 3_600_000),
    ]);
    const prices = await api.loadPrices([
      'cg:bittensor',
      '',
      'cg:hyperliquid',
      'cg:bittensor',
      'cg:not-cached',
    ]);
    expect(world.sent).toEqual([
      {
        type: 'tickerlens:notes-prices',
        payload: { assets: ['cg:bittensor', 'cg:hyperliquid', 'cg:not-cached'] },
      },
    ]);
    expect([...prices.keys()].sort()).toEqual(['cg:bittensor', 'cg:hyperliquid']);
    expect(prices.get('cg:bittensor')).toEqual({
      name: 'Bittensor',
      symbol: 'TAO',
      usd: 397.36,
      source: 'coingecko',
      fetchedAt: now - 60_000,
      asOf: null,
      stale: false,
    });
    expect(prices.get('cg:hyperliquid')).toMatchObject({ usd: 38.12, stale: true });
  });
});

describe('editing, deleting and undoing', () => {
  it('stores new words and tags and answers with the note as now stored', async () => {
    const [id] = await seeded();
    const [was] = (await api.loadAllNotes()).notes;
    const before = Date.now();
    const note = await api.updateNote(id as number, 'new words', ['risk', '观察']);
    expect(note).toMatchObject({
      id,
      text: 'new words',
      tags: ['risk', '观察'],
      uid: was?.uid,
      capture: was?.capture,
    });
    expect(note?.updatedAt).toBeGreaterThanOrEqual(before);
    expect(note?.createdAt).toBe(NOTES[0]?.createdAt);
    const { notes } = await api.loadAllNotes();
    expect(notes.find((n) => n.id === id)).toEqual(note);
  });

  it('answers null for a note that is gone', async () => {
    await expect(api.updateNote(99, 'x', [])).resolves.toBeNull();
  });

  it('refuses words past the limit, and a row id that cannot be one, changing nothing', async () => {
    const [id] = await seeded();
    await expect(api.updateNote(id as number, 'x'.repeat(20_001), [])).rejects.toThrow(
      /^Malformed tickerlens:notes-update/,
    );
    await expect(api.updateNote(0, 'x', [])).rejects.toBeInstanceOf(MessageError);
    await expect(api.updateNote(id as number, 'x', Array(33).fill('t'))).rejects.toThrow(/Malformed/);
    const { notes } = await api.loadAllNotes();
    expect(notes[0]?.text).toBe(NOTES[0]?.text);
  });

  it('deletes notes, answering with them as they were, and the undo puts them back on their rows', async () => {
    const ids = await seeded();
    const all = (await api.loadAllNotes()).notes;
    const deleted = await api.deleteNotes([ids[0] as number, ids[2] as number, 999]);
    expect(deleted).toEqual([all[0], all[2]]);
    expect((await api.loadAllNotes()).notes.map((n) => n.id)).toEqual([ids[1]]);
    await expect(api.restoreNotes(deleted)).resolves.toBe(2);
    expect((await api.loadAllNotes()).notes).toEqual(all);
  });
});

describe('exports and imports', () => {
  it('gives the checklist overrides and the pins an export holds', async () => {
    await db().putChecklist({
      assetId: 'cg:bittensor',
      overrides: { sink: { verdict: 'pass', reason: 'staking', at: 10 } },
      updatedAt: 10,
    });
    await db().pin('TAO', 'cg:bittensor', 11);
    await expect(api.exportExtras()).resolves.toEqual({
      checklist: [
        {
          assetId: 'cg:bittensor',
          overrides: { sink: { verdict: 'pass', reason: 'staking', at: 10 } },
          updatedAt: 10,
        },
      ],
      pins: [{ key: 'TAO', assetId: 'cg:bittensor', pinnedAt: 11 }],
    });
  });

  it('previews an import without writing, applies it, and a second import adds nothing', async () => {
    const file = JSON.parse(
      JSON.stringify(
        toNotesFile(NOTES as NoteRecord[], [], [{ key: 'TAO', assetId: 'cg:bittensor', pinnedAt: 11 }], T0),
      ),
    );
    const preview = await api.importFile(file, false);
    expect(preview).toMatchObject({ added: 3, changed: 0, unchanged: 0, removed: 0, pins: 1 });
    expect(await db().countNotes()).toBe(0);
    expect(world.pinsForgotten).toBe(0);

    await expect(api.importFile(file, true)).resolves.toEqual(preview);
    expect(await db().countNotes()).toBe(3);
    expect(await db().pins()).toEqual([{ key: 'TAO', assetId: 'cg:bittensor', pinnedAt: 11 }]);
    // Pins change how symbols read: the worker forgets its copy and tells the open pages.
    expect([world.pinsForgotten, world.pinsAnnounced]).toEqual([1, 1]);

    await expect(api.importFile(file, true)).resolves.toMatchObject({ added: 0, unchanged: 3, pins: 0 });
    expect(await db().countNotes()).toBe(3);
    // Nothing about pins changed the second time: nothing to tell.
    expect([world.pinsForgotten, world.pinsAnnounced]).toEqual([1, 1]);
  });

  it('refuses a file that is not an export, writing nothing', async () => {
    await expect(api.importFile({ format: 'something-else' } as never, true)).rejects.toThrow(
      /^Malformed tickerlens:notes-import/,
    );
    expect(await db().countNotes()).toBe(0);
  });
});

describe("today's checklist", () => {
  const cached = { asset: 'cg:bittensor', score: 2, boxes: [], warning: true, loading: false };

  it('answers from the cache when nothing is still to fetch, in one ask', async () => {
    world.checklistAnswers = [cached];
    await expect(api.todaysChecklist('cg:bittensor')).resolves.toEqual(cached);
    expect(world.sent).toEqual([{ type: 'tickerlens:checklist', payload: { asset: 'cg:bittensor' } }]);
  });

  it('asks again, waiting for the sources, when the cache lacks what the boxes read', async () => {
    const fetched = { ...cached, score: 3 };
    world.checklistAnswers = [{ ...cached, loading: true }, fetched];
    await expect(api.todaysChecklist('cg:bittensor')).resolves.toEqual(fetched);
    expect(world.sent).toEqual([
      { type: 'tickerlens:checklist', payload: { asset: 'cg:bittensor' } },
      { type: 'tickerlens:checklist', payload: { asset: 'cg:bittensor', wait: true } },
    ]);
  });
});

describe('the notes are the reader’s: a content script gets none of it', () => {
  beforeEach(async () => {
    await seeded();
    await db().pin('TAO', 'cg:bittensor', 11);
    world.sender = CONTENT_SCRIPT;
  });

  const refused = (type: string) => new RegExp(`^${type} is for the extension's own pages$`);

  it('cannot read, price, or export the notes', async () => {
    await expect(api.loadAllNotes()).rejects.toThrow(refused('tickerlens:notes-list'));
    await expect(api.loadPrices(['cg:bittensor'])).rejects.toThrow(refused('tickerlens:notes-prices'));
    await expect(api.exportExtras()).rejects.toThrow(refused('tickerlens:notes-extras'));
  });

  it('cannot change, delete, restore or import notes, and nothing changes', async () => {
    world.sender = PAGE;
    const before = await api.loadAllNotes();
    world.sender = CONTENT_SCRIPT;
    await expect(api.updateNote(1, 'defaced', [])).rejects.toThrow(refused('tickerlens:notes-update'));
    await expect(api.deleteNotes([1, 2, 3])).rejects.toThrow(refused('tickerlens:notes-delete'));
    await expect(api.restoreNotes(before.notes)).rejects.toThrow(refused('tickerlens:notes-restore'));
    const file = JSON.parse(
      JSON.stringify(toNotesFile([], [], [{ key: 'TAO', assetId: 'cg:evil', pinnedAt: 12 }], T0)),
    );
    await expect(api.importFile(file, true)).rejects.toThrow(refused('tickerlens:notes-import'));
    world.sender = PAGE;
    await expect(api.loadAllNotes()).resolves.toEqual(before);
    expect(await db().pins()).toEqual([{ key: 'TAO', assetId: 'cg:bittensor', pinnedAt: 11 }]);
  });

  it('is refused too from a frame of the extension inside a web page’s tab', async () => {
    world.sender = {
      url: 'chrome-extension://tickerlens/notes.html',
      tab: { id: 3, url: 'https://x.com/home' },
    };
    await expect(api.loadAllNotes()).rejects.toThrow(refused('tickerlens:notes-list'));
  });

  it('may still ask for a checklist, which content scripts are allowed', async () => {
    world.checklistAnswers = [{ asset: 'cg:bittensor', score: 0, boxes: [], warning: true, loading: false }];
    await expect(api.todaysChecklist('cg:bittensor')).resolves.toMatchObject({ score: 0 });
  });
});
