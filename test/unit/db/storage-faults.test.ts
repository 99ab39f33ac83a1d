/**
 * Issue 29: storage that fails. Upgrading from every earlier schema version keeps every note, pin
 * and override (a hand-made fixture of each version, test/fixtures/db); a full disk and a database
 * that will not open are answered with a clear message, and no saved note is lost.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';

const ui = vi.hoisted(() => ({ locale: 'en' }));
vi.mock('wxt/browser', async () => (await import('../../support/i18n')).catalogueBrowser(ui));

const { DB_VERSION, TickerlensDb } = await import('../../../utils/db');
const { errorText } = await import('../../../utils/messaging-background');
const { readNotesFile, toNotesFile } = await import('../../../utils/notes/file');
const { noteRowSchema } = await import('../../../utils/notes/schema');

interface Fixture {
  version: number;
  stores: Array<Record<string, string>>;
  tables: Record<string, Array<Record<string, unknown>>>;
}
const fixture = (v: number): Fixture =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../fixtures/db/v${v}.json`), 'utf8'));

const freshIdb = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

/** A database written by the code of `f.version`, with the fixture's rows. */
async function createAt(f: Fixture, idb: ReturnType<typeof freshIdb>): Promise<void> {
  const old = new Dexie('tickerlens', idb);
  f.stores.forEach((stores, i) => {
    old.version(i + 1).stores(stores);
  });
  await old.open();
  for (const [table, rows] of Object.entries(f.tables)) await old.table(table).bulkAdd(rows);
  old.close();
}

describe('upgrading from every earlier schema version', () => {
  for (const version of [1, 2, 3, 4]) {
    it(`v${version} → v${DB_VERSION}: every note, pin and override kept, and exportable`, async () => {
      const f = fixture(version);
      const idb = freshIdb();
      await createAt(f, idb);
      const db = new TickerlensDb(idb);
      await db.open();
      expect(db.verno).toBe(DB_VERSION);

      const notes = await db.notesAfter(0, 100);
      const before = f.tables.notes ?? [];
      expect(notes).toHaveLength(before.length);
      notes.forEach((n, i) => {
        const old = before[i] as Record<string, unknown>;
        expect(n.text).toBe(old.text);
        expect(n.assetId).toBe(old.assetId);
        expect(n.createdAt).toBe(old.createdAt);
        expect(n.capture).toEqual(old.capture);
        expect(n.uid).toMatch(/^[0-9a-f-]{36}$/);
        expect(n.tags).toEqual(old.tags ?? []);
        expect(noteRowSchema().safeParse(n).success).toBe(true);
      });
      expect(new Set(notes.map((n) => n.uid)).size).toBe(notes.length);

      expect((await db.pins()).sort((a, b) => a.key.localeCompare(b.key))).toEqual(
        [...(f.tables.pins ?? [])].sort((a, b) => String(a.key).localeCompare(String(b.key))),
      );
      // Overrides exist from v4 on; an older checklist row (no overrides yet) is kept, empty.
      for (const old of f.tables.checklist ?? [])
        expect((await db.getChecklist(String(old.assetId)))?.overrides).toEqual(old.overrides ?? {});
      const checklist = await db.checklists();

      // And the export of what was upgraded reads back whole.
      const file = toNotesFile(notes, checklist, await db.pins(), Date.UTC(2026, 11, 6));
      const read = readNotesFile(JSON.stringify(file));
      expect(read.ok && read.file.notes.length).toBe(before.length);
      db.close();
    });
  }
});

describe('a full disk', () => {
  it('refuses the new note with a clear message; every saved note stays', async () => {
    const db = new TickerlensDb(freshIdb());
    await db.addNote('cg:bitcoin', 'kept', 1);
    // What Chromium's IndexedDB does when the origin's quota is used up (simulated here).
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failed = await db.addNote('cg:bitcoin', 'new', 2).catch((e: unknown) => e);
    add.mockRestore();
    expect(errorText(failed)).toMatch(/storage for Tickerlens is full.*no saved note was lost/);
    ui.locale = 'zh_CN';
    expect(errorText(failed)).toContain('存储空间已满');
    ui.locale = 'en';
    expect((await db.recentNotes(10)).map((n) => n.text)).toEqual(['kept']);
  });
});

describe('a database that does not open or holds damaged rows', () => {
  it('written by a newer version (the extension rolled back): read as it is, nothing lost', async () => {
    const idb = freshIdb();
    const newer = new Dexie('tickerlens', idb);
    newer
      .version(DB_VERSION + 5)
      .stores({ notes: '++id, &uid, assetId, createdAt, updatedAt, *tags', extra: 'k' });
    await newer.open();
    await newer
      .table('notes')
      .add({ uid: 'u-1', assetId: '', text: 'from the future', tags: [], createdAt: 1, updatedAt: 1 });
    newer.close();
    // Dexie 4 opens a database of a higher version as it is (no VersionError).
    const db = new TickerlensDb(idb);
    expect((await db.recentNotes(5)).map((n) => n.text)).toEqual(['from the future']);
    db.close();
  });

  it('that the browser cannot open: a clear message, and nothing deleted', async () => {
    const idb = freshIdb();
    const first = new TickerlensDb(idb);
    await first.addNote('cg:bitcoin', 'kept', 1);
    first.close();
    // What Chromium answers for a damaged LevelDB store (simulated): the open request fails.
    const open = vi.spyOn(idb.indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('Internal error opening backing store', 'UnknownError');
    });
    const broken = new TickerlensDb(idb);
    const failed = await broken.recentNotes(5).catch((e: unknown) => e);
    expect(errorText(failed)).toMatch(/could not open Tickerlens' saved data.*Nothing was deleted/);
    broken.close();
    open.mockRestore();
    const later = new TickerlensDb(idb);
    expect((await later.recentNotes(5)).map((n) => n.text)).toEqual(['kept']);
    later.close();
  });

  it('with damaged note rows: the others are listed, the damaged ones kept in place', async () => {
    const idb = freshIdb();
    const db = new TickerlensDb(idb);
    await db.addNote('cg:bitcoin', 'good', 1);
    db.close();
    const raw = new Dexie('tickerlens', idb);
    raw.version(DB_VERSION).stores({ notes: '++id, &uid, assetId, createdAt, updatedAt, *tags' });
    await raw.open();
    await raw
      .table('notes')
      .add({ uid: 'bad', assetId: 42, text: { html: '<img onerror=x>' }, createdAt: 'never', tags: [] });
    raw.close();
    const reopened = new TickerlensDb(idb);
    const { recentNoteSchema } = await import('../../../utils/messages');
    const rows = await reopened.recentNotes(10);
    expect(rows).toHaveLength(2);
    expect(rows.filter((n) => recentNoteSchema.safeParse(n).success).map((n) => n.text)).toEqual(['good']);
    expect(await reopened.countNotes()).toBe(2);
    reopened.close();
  });
});
