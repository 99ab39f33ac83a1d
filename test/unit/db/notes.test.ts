/**
 * The notes parts of the database the notes page uses: chunks, edits, delete and its undo, and the
 * import merge (by uid, in one transaction, twice adds nothing), on fake-indexeddb.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { TickerlensDb } from '../../../utils/db';
import { fromNotesFile, readNotesFile, toNotesFile } from '../../../utils/notes/file';
import { NOTES } from '../notes/fixtures';

const freshDb = () => new TickerlensDb({ indexedDB: new IDBFactory(), IDBKeyRange });

async function seeded() {
  const db = freshDb();
  const ids: number[] = [];
  for (const n of NOTES)
    ids.push(
      await db.addNote(n.assetId, n.text, n.createdAt, n.capture, {
        ...(n.assetName ? { assetName: n.assetName } : {}),
        ...(n.assetSymbol ? { assetSymbol: n.assetSymbol } : {}),
        tags: n.tags,
      }),
    );
  await db.putChecklist({
    assetId: 'cg:bittensor',
    overrides: { sink: { verdict: 'pass', reason: 'staking', at: 10 } },
    updatedAt: 10,
  });
  await db.pin('TAO', 'cg:bittensor', 11);
  return { db, ids };
}

/** The whole state as an export would write it (what import must give back). */
async function exportOf(db: TickerlensDb, now = 1_000) {
  const notes = await db.notesAfter(0, 1000);
  return toNotesFile(notes, await db.checklists(), await db.pins(), now);
}

function incoming(file: ReturnType<typeof toNotesFile>) {
  const read = readNotesFile(JSON.stringify(file));
  if (!read.ok) throw new Error(JSON.stringify(read.problem));
  return fromNotesFile(read.file);
}

describe('notes in the database', () => {
  it('lists notes in chunks by row', async () => {
    const { db, ids } = await seeded();
    expect((await db.notesAfter(0, 2)).map((n) => n.id)).toEqual(ids.slice(0, 2));
    expect((await db.notesAfter(ids[1] ?? 0, 2)).map((n) => n.id)).toEqual(ids.slice(2));
    expect(await db.countNotes()).toBe(3);
  });

  it('edits the words and tags of a note, tags cleaned', async () => {
    const { db, ids } = await seeded();
    const note = await db.updateNote(ids[0] ?? 0, { text: '改了', tags: ['#L1', ' l1 ', 'gas'] }, 99);
    expect(note).toMatchObject({ text: '改了', tags: ['L1', 'gas'], updatedAt: 99 });
  });

  it('deletes and restores notes on their own rows with their own uids', async () => {
    const { db, ids } = await seeded();
    const before = await db.notesAfter(0, 10);
    const deleted = await db.deleteNotes([ids[0] ?? 0, ids[2] ?? 0, 12345]);
    expect(deleted.map((n) => n.id)).toEqual([ids[0], ids[2]]);
    expect(await db.countNotes()).toBe(1);
    expect(await db.restoreNotes(deleted)).toBe(2);
    expect(await db.notesAfter(0, 10)).toEqual(before);
    // A second undo finds the uids back already and changes nothing.
    expect(await db.restoreNotes(deleted)).toBe(0);
  });

  it('imports its own export into an empty database: the same notes, overrides and pins', async () => {
    const { db } = await seeded();
    const file = await exportOf(db);
    const other = freshDb();
    const preview = await other.importNotes(incoming(file), false);
    expect(preview).toEqual({
      added: 3,
      changed: 0,
      unchanged: 0,
      keptNewer: 0,
      removed: 0,
      overrides: 1,
      pins: 1,
    });
    expect(await other.countNotes()).toBe(0);
    await other.importNotes(incoming(file), true);
    expect(await other.notesAfter(0, 10)).toEqual(await db.notesAfter(0, 10));
    expect(await other.checklists()).toEqual(await db.checklists());
    expect(await other.pins()).toEqual(await db.pins());
  });

  it('importing the same file twice adds nothing', async () => {
    const { db } = await seeded();
    const file = await exportOf(db);
    expect(await db.importNotes(incoming(file), true)).toEqual({
      added: 0,
      changed: 0,
      unchanged: 3,
      keptNewer: 0,
      removed: 0,
      overrides: 0,
      pins: 0,
    });
    expect(await db.countNotes()).toBe(3);
  });

  it('after everything was deleted, an import gives back the notes with their ids', async () => {
    const { db, ids } = await seeded();
    const file = await exportOf(db);
    const before = await db.notesAfter(0, 10);
    await db.deleteNotes(ids);
    await db.importNotes(incoming(file), true);
    expect(await db.notesAfter(0, 10)).toEqual(before);
  });

  it('merges by uid: a changed note replaces the older copy, a newer local edit is kept', async () => {
    const { db, ids } = await seeded();
    const file = await exportOf(db);
    const [a, b] = file.notes;
    if (!a || !b) throw new Error('fixture');
    a.text = 'edited in the other browser';
    a.updatedAt = new Date(Date.UTC(2030, 0, 1)).toISOString();
    b.text = 'an old copy';
    await db.updateNote(ids[1] ?? 0, { text: 'edited here later' }, Date.UTC(2031, 0, 1));
    const counts = await db.importNotes(incoming(file), true);
    expect(counts).toMatchObject({ added: 0, changed: 1, keptNewer: 1, unchanged: 1 });
    const notes = await db.notesAfter(0, 10);
    expect(notes.map((n) => n.text)).toEqual([
      'edited in the other browser',
      'edited here later',
      NOTES[2]?.text,
    ]);
  });

  it('adds a note whose row is taken here on a new row, and keeps both', async () => {
    const { db } = await seeded();
    const file = await exportOf(db);
    const stranger = {
      ...file.notes[0],
      uid: '9a9a9a9a-0000-4000-8000-000000000001',
    } as (typeof file.notes)[number];
    file.notes = [stranger];
    await db.importNotes(incoming(file), true);
    const notes = await db.notesAfter(0, 10);
    expect(notes).toHaveLength(4);
    expect(notes.at(-1)).toMatchObject({ uid: stranger.uid, id: 4 });
  });

  it('merges overrides box by box and pins key by key, the newer winning', async () => {
    const { db } = await seeded();
    const file = await exportOf(db);
    file.checklist = [
      {
        assetId: 'cg:bittensor',
        overrides: {
          sink: { verdict: 'fail', reason: 'older', at: new Date(5).toISOString() },
          governance: { verdict: 'pass', reason: 'on-chain votes', at: new Date(20).toISOString() },
        },
        updatedAt: new Date(20).toISOString(),
      },
    ];
    file.pins = [
      { key: 'TAO', assetId: 'cg:other', pinnedAt: new Date(5).toISOString() },
      { key: 'HYPE', assetId: 'cg:hyperliquid', pinnedAt: new Date(6).toISOString() },
    ];
    expect(await db.importNotes(incoming(file), true)).toMatchObject({ overrides: 1, pins: 1 });
    expect((await db.getChecklist('cg:bittensor'))?.overrides).toEqual({
      sink: { verdict: 'pass', reason: 'staking', at: 10 },
      governance: { verdict: 'pass', reason: 'on-chain votes', at: 20 },
    });
    expect((await db.pins()).map((p) => [p.key, p.assetId])).toEqual([
      ['HYPE', 'cg:hyperliquid'],
      ['TAO', 'cg:bittensor'],
    ]);
  });
});
