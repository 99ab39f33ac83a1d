/**
 * Tickerlens' IndexedDB (Dexie), owned by the background worker: the content script never imports
 * this module (it asks the background by message). The only place that knows table names: callers
 * use the methods of `TickerlensDb`.
 *
 * Schema versions (each with a migration test on a database of the old shape):
 * - v1: quotes (flat: one price, one provenance), unlocks, revenue, treasuries, registry, notes,
 *   pins, checklist, requestLog.
 * - v2: quotes split into price / market / sparkline parts, each with its own source and time (a
 *   DefiLlama fallback price must not pass for CoinGecko supply data); `meta` (breaker, backoff and
 *   refresh times that must survive the worker); `security` (GoPlus answers); requestLog by source.
 * - v3: registry records indexed by their X handles (lower case), learnt from CoinGecko `/coins/{id}`
 *   so an @handle the curated list lacks can still resolve.
 * - v4: notes get a `uid` (their identity in exports and imports), `tags`, and indexes for the notes
 *   page (time, tags); the `checklist` table holds the user's box overrides (its v1 shape, ticked
 *   claim checks, was never written by a released build: such rows are emptied).
 *
 * Record shapes change within a version where no index does: unlock schedules became cliffs and
 * streams (`shape: 2`), revenue series say what their chart covers (`covered`). Records of the older
 * shape still read (`readUnlockRecord`, `readRevenueRecord`): what stays true is kept, marked stale,
 * and the refresh planner sees them as never fetched, so they are asked for again at once.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  ChecklistRecord,
  MetaRecord,
  NoteCapture,
  NoteRecord,
  PinRecord,
  QuoteRecord,
  QuoteRecordV1,
  RegistryRecord,
  RequestLogRecord,
  RevenueRecord,
  RevenueSeries,
  SecurityRecord,
  TreasuryCoin,
  TreasuryRecord,
  UnlockEvent,
  UnlockEventV1,
  UnlockRecord,
} from './db/records';
import { type ImportCounts, type NotesState, planImport } from './notes/merge';
import { unlockLabel } from './sources/unlock-labels';

export type * from './db/records';

export const DB_NAME = 'tickerlens';
export const DB_VERSION = 4;
/** The request log keeps this many entries, oldest dropped first. */
export const REQUEST_LOG_CAP = 1_000;

/** Index declarations per version. Only changed tables are repeated in later versions. */
export const DB_SCHEMAS = {
  1: {
    quotes: 'assetId, fetchedAt',
    unlocks: 'cgId',
    revenue: 'cgId',
    treasuries: '[coin+ticker], ticker',
    registry: 'assetId, symbol',
    notes: '++id, assetId',
    pins: 'key, assetId',
    checklist: 'assetId',
    requestLog: '++id, at',
  },
  2: {
    requestLog: '++id, at, source',
    meta: 'key',
    security: 'key, fetchedAt',
  },
  3: {
    registry: 'assetId, symbol, *handleKeys',
  },
  4: {
    notes: '++id, &uid, assetId, createdAt, updatedAt, *tags',
  },
} as const;

type Tables = {
  quotes: EntityTable<QuoteRecord, 'assetId'>;
  unlocks: EntityTable<UnlockRecord, 'cgId'>;
  revenue: EntityTable<RevenueRecord, 'cgId'>;
  treasuries: Table<TreasuryRecord, [TreasuryCoin, string]>;
  registry: EntityTable<RegistryRecord, 'assetId'>;
  notes: EntityTable<NoteRecord, 'id'>;
  pins: EntityTable<PinRecord, 'key'>;
  checklist: EntityTable<ChecklistRecord, 'assetId'>;
  requestLog: EntityTable<RequestLogRecord, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
  security: EntityTable<SecurityRecord, 'key'>;
};

/** v1 → v2: a flat quote becomes a price part (and a market part when it had market figures). */
export function upgradeQuoteV1(old: QuoteRecordV1): QuoteRecord {
  const prov = { source: old.source, fetchedAt: old.fetchedAt };
  const hasMarket = old.marketCapUsd !== null || old.circulatingSupply !== null;
  return {
    assetId: old.assetId,
    symbol: old.symbol,
    name: old.name,
    price: { ...prov, usd: old.priceUsd, change24hPct: old.change24hPct, change7dPct: null, asOf: null },
    ...(hasMarket
      ? {
          market: {
            ...prov,
            marketCapUsd: old.marketCapUsd,
            fdvUsd: null,
            volume24hUsd: null,
            circulatingSupply: old.circulatingSupply,
            totalSupply: null,
            maxSupply: null,
            rank: null,
          },
        }
      : {}),
    fetchedAt: old.fetchedAt,
  };
}

/** Why a record of an older shape shows stale until its refresh. */
export const OLDER_FORM = 'not refreshed since this version of Tickerlens (stored in an older form)';

/**
 * An unlock schedule as stored. Before shape 2 a linear event's two rates were added up and stored
 * as an amount: only the cliffs of such a record are kept (their labels filled), marked stale.
 */
export function readUnlockRecord(r: UnlockRecord): UnlockRecord {
  if (r.shape === 2) return r;
  const old = r.events as unknown as UnlockEventV1[];
  const events: UnlockEvent[] = old
    .filter((e) => e.unlockType === 'cliff')
    .map((e) => ({
      kind: 'cliff',
      date: e.date,
      amount: e.amount,
      category: e.category,
      label: unlockLabel(e.label, [e.amount], e.date, e.category),
    }));
  return { ...r, events, sections: r.sections ?? [], stale: true, error: OLDER_FORM };
}

/** A series stored before `covered` existed. */
const olderSeries = (s: RevenueSeries | null): boolean =>
  s !== null && (s as Partial<RevenueSeries>).covered === undefined;

/**
 * Revenue as stored. Before `covered`, a 30-day total may have been summed from a chart of fewer
 * days, and it cannot be told from the source's own: it becomes unknown until the refresh.
 */
export function readRevenueRecord(r: RevenueRecord): RevenueRecord {
  if (!olderSeries(r.revenue) && !olderSeries(r.holdersRevenue)) return r;
  const fix = (s: RevenueSeries | null): RevenueSeries | null =>
    s !== null && olderSeries(s) ? { ...s, total30d: null, covered: null } : s;
  return {
    ...r,
    revenue: fix(r.revenue),
    holdersRevenue: fix(r.holdersRevenue),
    stale: true,
    error: OLDER_FORM,
  };
}

/** A note's identity outside this browser (exports, imports). */
export const newNoteUid = (): string => crypto.randomUUID();

/** Tags as stored: trimmed, without a leading '#', no empties, each once (case-insensitively), in order. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#+/, '').trim();
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** Handles as indexed: lower case, no '@'. */
function handleKeys(handles: readonly string[] | undefined): string[] {
  return [...new Set((handles ?? []).map((h) => h.replace(/^@/, '').toLowerCase()).filter(Boolean))];
}

export interface DbOptions {
  name?: string;
  /** Tests pass fake-indexeddb's factory; the extension uses the global one. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class TickerlensDb {
  private readonly d: Dexie & Tables;

  constructor(options: DbOptions = {}) {
    const deps = options.indexedDB
      ? { indexedDB: options.indexedDB, ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}) }
      : {};
    this.d = new Dexie(options.name ?? DB_NAME, deps) as Dexie & Tables;
    this.d.version(1).stores(DB_SCHEMAS[1]);
    this.d
      .version(2)
      .stores(DB_SCHEMAS[2])
      .upgrade(async (tx) => {
        await tx
          .table('quotes')
          .toCollection()
          .modify((q: QuoteRecordV1 | QuoteRecord, ref: { value: unknown }) => {
            if ('priceUsd' in q) ref.value = upgradeQuoteV1(q);
          });
      });
    this.d
      .version(3)
      .stores(DB_SCHEMAS[3])
      .upgrade(async (tx) => {
        await tx
          .table('registry')
          .toCollection()
          .modify((r: RegistryRecord) => {
            r.handleKeys = handleKeys(r.handles);
          });
      });
    this.d
      .version(4)
      .stores(DB_SCHEMAS[4])
      .upgrade(async (tx) => {
        await tx
          .table('notes')
          .toCollection()
          .modify((n: Partial<NoteRecord>) => {
            n.uid ??= newNoteUid();
            n.tags ??= [];
          });
        await tx
          .table('checklist')
          .toCollection()
          .modify((c: Partial<ChecklistRecord> & { items?: unknown }) => {
            delete c.items;
            c.overrides ??= {};
          });
      });
  }

  get name(): string {
    return this.d.name;
  }

  get verno(): number {
    return this.d.verno;
  }

  open(): Promise<unknown> {
    return this.d.open();
  }

  close(): void {
    this.d.close();
  }

  async delete(): Promise<void> {
    await this.d.delete();
  }

  // ── quotes ────────────────────────────────────────────────────────────────────────────────────

  getQuote(assetId: string): Promise<QuoteRecord | undefined> {
    return this.d.quotes.get(assetId);
  }

  async getQuotes(assetIds: readonly string[]): Promise<Map<string, QuoteRecord>> {
    const rows = await this.d.quotes.bulkGet([...assetIds]);
    const out = new Map<string, QuoteRecord>();
    for (const r of rows) if (r) out.set(r.assetId, r);
    return out;
  }

  async putQuotes(records: readonly QuoteRecord[]): Promise<void> {
    await this.d.quotes.bulkPut([...records]);
  }

  /**
   * Read-modify-write of quotes in one transaction: `update` gets the stored record (or undefined)
   * and returns the new one, or undefined to leave it alone. Used to merge fresh parts and to mark
   * parts stale without losing what is stored.
   */
  async updateQuotes(
    assetIds: readonly string[],
    update: (old: QuoteRecord | undefined, assetId: string) => QuoteRecord | undefined,
  ): Promise<number> {
    return this.d.transaction('rw', this.d.quotes, async () => {
      const ids = [...new Set(assetIds)];
      const old = await this.d.quotes.bulkGet(ids);
      const next: QuoteRecord[] = [];
      ids.forEach((id, i) => {
        const r = update(old[i], id);
        if (r) next.push(r);
      });
      if (next.length) await this.d.quotes.bulkPut(next);
      return next.length;
    });
  }

  /** Asset id → fetchedAt of every stored quote: what the refresh planner needs. */
  async quoteFetchTimes(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    await this.d.quotes.each((q) => {
      out[q.assetId] = q.fetchedAt;
    });
    return out;
  }

  countQuotes(): Promise<number> {
    return this.d.quotes.count();
  }

  // ── unlocks, revenue ──────────────────────────────────────────────────────────────────────────

  async getUnlocks(cgId: string): Promise<UnlockRecord | undefined> {
    const r = await this.d.unlocks.get(cgId);
    return r && readUnlockRecord(r);
  }

  async putUnlocks(record: UnlockRecord): Promise<void> {
    await this.d.unlocks.put(record);
  }

  /** Marks a stored schedule stale with the reason; no-op when nothing is stored. */
  async markUnlocksStale(cgId: string, error: string): Promise<void> {
    await this.d.unlocks.update(cgId, { stale: true, error });
  }

  async getRevenue(cgId: string): Promise<RevenueRecord | undefined> {
    const r = await this.d.revenue.get(cgId);
    return r && readRevenueRecord(r);
  }

  async putRevenue(record: RevenueRecord): Promise<void> {
    await this.d.revenue.put(record);
  }

  async markRevenueStale(cgId: string, error: string): Promise<void> {
    await this.d.revenue.update(cgId, { stale: true, error });
  }

  /**
   * Coin id → fetchedAt of every stored schedule (the planner refreshes what the user looked at);
   * 0 for a record of an older shape, so it is due at once.
   */
  async unlockFetchTimes(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    await this.d.unlocks.each((u) => {
      out[u.cgId] = u.shape === 2 ? u.fetchedAt : 0;
    });
    return out;
  }

  async revenueFetchTimes(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    await this.d.revenue.each((r) => {
      out[r.cgId] = olderSeries(r.revenue) || olderSeries(r.holdersRevenue) ? 0 : r.fetchedAt;
    });
    return out;
  }

  /**
   * Drops cached data last fetched before `before` for assets not in `keep` (on screen, seen lately,
   * pinned, noted): quotes, unlock schedules, revenue and token checks. Notes, pins and checklist
   * overrides are the user's and are never pruned. Answers how many rows went.
   */
  async pruneCache(keep: ReadonlySet<string>, before: number): Promise<number> {
    const tables = [this.d.quotes, this.d.unlocks, this.d.revenue, this.d.security];
    return this.d.transaction('rw', tables, async () => {
      const old =
        <T extends { fetchedAt: number }>(idOf: (r: T) => string) =>
        (r: T) =>
          r.fetchedAt < before && !keep.has(idOf(r));
      const counts = await Promise.all([
        this.d.quotes.filter(old<QuoteRecord>((q) => q.assetId)).delete(),
        this.d.unlocks.filter(old<UnlockRecord>((u) => `cg:${u.cgId}`)).delete(),
        this.d.revenue.filter(old<RevenueRecord>((r) => `cg:${r.cgId}`)).delete(),
        this.d.security.where('fetchedAt').below(before).delete(),
      ]);
      return counts.reduce((a, b) => a + b, 0);
    });
  }

  /** Every asset a note is about (their cached prices stay for "the price now"). */
  async notedAssets(): Promise<Set<string>> {
    return new Set((await this.d.notes.orderBy('assetId').uniqueKeys()) as string[]);
  }

  // ── treasuries ────────────────────────────────────────────────────────────────────────────────

  treasuriesOf(ticker: string): Promise<TreasuryRecord[]> {
    return this.d.treasuries.where('ticker').equals(ticker.toUpperCase()).toArray();
  }

  /** Replaces one coin's list in one transaction: companies that left the list leave the table. */
  async replaceTreasuries(coin: TreasuryCoin, records: readonly TreasuryRecord[]): Promise<void> {
    await this.d.transaction('rw', this.d.treasuries, async () => {
      await this.d.treasuries.filter((t) => t.coin === coin).delete();
      await this.d.treasuries.bulkPut([...records]);
    });
  }

  async markTreasuriesStale(coin: TreasuryCoin, error: string): Promise<void> {
    await this.d.treasuries.filter((t) => t.coin === coin).modify({ stale: true, error });
  }

  // ── registry ──────────────────────────────────────────────────────────────────────────────────

  getRegistry(assetId: string): Promise<RegistryRecord | undefined> {
    return this.d.registry.get(assetId);
  }

  async putRegistry(records: readonly RegistryRecord[]): Promise<void> {
    await this.d.registry.bulkPut(records.map((r) => ({ ...r, handleKeys: handleKeys(r.handles) })));
  }

  /** The asset whose CoinGecko profile names this X handle (any case, with or without '@'). */
  async assetByHandle(handle: string): Promise<string | undefined> {
    return (await this.assetsByHandles([handle])).get(handle.replace(/^@/, '').toLowerCase());
  }

  /** Lower-case handle → asset, for the handles some stored profile names (one query for all). */
  async assetsByHandles(handles: readonly string[]): Promise<Map<string, string>> {
    const keys = [...new Set(handles.map((h) => h.replace(/^@/, '').toLowerCase()))];
    const out = new Map<string, string>();
    if (!keys.length) return out;
    const wanted = new Set(keys);
    for (const r of await this.d.registry.where('handleKeys').anyOf(keys).toArray()) {
      for (const k of r.handleKeys ?? []) if (wanted.has(k) && !out.has(k)) out.set(k, r.assetId);
    }
    return out;
  }

  // ── security ──────────────────────────────────────────────────────────────────────────────────

  getSecurity(key: string): Promise<SecurityRecord | undefined> {
    return this.d.security.get(key);
  }

  async putSecurity(record: SecurityRecord): Promise<void> {
    await this.d.security.put(record);
  }

  async markSecurityStale(key: string, error: string): Promise<void> {
    await this.d.security.update(key, { stale: true, error });
  }

  // ── notes, pins, checklist (the card's own state) ─────────────────────────────────────────────

  async addNote(
    assetId: string,
    text: string,
    now: number,
    capture?: NoteCapture,
    extra: Pick<NoteRecord, 'assetName' | 'assetSymbol'> & { tags?: readonly string[] } = {},
  ): Promise<number> {
    const id = await this.d.notes.add({
      uid: newNoteUid(),
      assetId,
      ...(extra.assetName ? { assetName: extra.assetName } : {}),
      ...(extra.assetSymbol ? { assetSymbol: extra.assetSymbol } : {}),
      text,
      tags: cleanTags(extra.tags ?? []),
      createdAt: now,
      updatedAt: now,
      ...(capture ? { capture } : {}),
    });
    // `++id` always yields a number; the type allows undefined only because the field is optional.
    if (typeof id !== 'number') throw new Error('note id not assigned');
    return id;
  }

  /** The user's words and tags, edited; the note as it now is (undefined when it is gone). */
  async updateNote(
    id: number,
    changes: { text?: string; tags?: readonly string[] },
    now: number,
  ): Promise<NoteRecord | undefined> {
    return this.d.transaction('rw', this.d.notes, async () => {
      await this.d.notes.update(id, {
        ...(changes.text !== undefined ? { text: changes.text } : {}),
        ...(changes.tags !== undefined ? { tags: cleanTags(changes.tags) } : {}),
        updatedAt: now,
      });
      return this.d.notes.get(id);
    });
  }

  /** Deletes notes in one transaction and gives them back as they were, for an undo. */
  async deleteNotes(ids: readonly number[]): Promise<NoteRecord[]> {
    return this.d.transaction('rw', this.d.notes, async () => {
      const found = (await this.d.notes.bulkGet([...ids])).filter((n): n is NoteRecord => !!n);
      await this.d.notes.bulkDelete(found.map((n) => n.id as number));
      return found;
    });
  }

  /**
   * Puts deleted notes back on their own rows with their own uids (the undo of `deleteNotes`). A
   * note whose uid came back meanwhile (an import) is left as it is. How many were restored.
   */
  async restoreNotes(notes: readonly NoteRecord[]): Promise<number> {
    return this.d.transaction('rw', this.d.notes, async () => {
      const taken = new Set(
        (
          await this.d.notes
            .where('uid')
            .anyOf(notes.map((n) => n.uid))
            .toArray()
        ).map((n) => n.uid),
      );
      const back = notes.filter((n) => !taken.has(n.uid));
      // A row taken meanwhile by another note is never overwritten: the note gets a new row.
      const rows = await this.d.notes.bulkGet(back.map((n) => n.id ?? 0));
      await this.d.notes.bulkAdd(
        back.map((n, i) => {
          if (!rows[i]) return n;
          const { id: _, ...rest } = n;
          return rest;
        }),
      );
      return back.length;
    });
  }

  /** Notes by row, after row `after`, at most `limit`: the notes page loads them in chunks. */
  notesAfter(after: number, limit: number): Promise<NoteRecord[]> {
    return this.d.notes.where('id').above(after).limit(limit).toArray();
  }

  countNotes(): Promise<number> {
    return this.d.notes.count();
  }

  /** The most recent notes first. */
  recentNotes(limit: number): Promise<NoteRecord[]> {
    return this.d.notes.orderBy('id').reverse().limit(limit).toArray();
  }

  notesOf(assetId: string): Promise<NoteRecord[]> {
    return this.d.notes.where('assetId').equals(assetId).sortBy('createdAt');
  }

  /** "Always read `key` as `assetId`" (key: upper-case symbol or lower-case @handle). */
  async pin(key: string, assetId: string, now: number): Promise<void> {
    await this.d.pins.put({ key, assetId, pinnedAt: now });
  }

  async unpin(key: string): Promise<void> {
    await this.d.pins.delete(key);
  }

  pins(): Promise<PinRecord[]> {
    return this.d.pins.toArray();
  }

  getChecklist(assetId: string): Promise<ChecklistRecord | undefined> {
    return this.d.checklist.get(assetId);
  }

  async putChecklist(record: ChecklistRecord): Promise<void> {
    await this.d.checklist.put(record);
  }

  /** Every asset's overrides (the export): only rows that hold one. */
  async checklists(): Promise<ChecklistRecord[]> {
    return (await this.d.checklist.toArray()).filter((c) => Object.keys(c.overrides ?? {}).length > 0);
  }

  /**
   * Merges an export file's notes, overrides and pins (utils/notes/merge.ts) in one transaction:
   * with `apply` false, only counts what would change (the preview); with `apply`, writes it all
   * or nothing.
   */
  async importNotes(incoming: NotesState, apply: boolean): Promise<ImportCounts> {
    const tables = [this.d.notes, this.d.checklist, this.d.pins];
    return this.d.transaction(apply ? 'rw' : 'r', tables, async () => {
      const [notes, checklist, pins] = await Promise.all([
        this.d.notes.toArray(),
        this.d.checklist.toArray(),
        this.d.pins.toArray(),
      ]);
      const plan = planImport(
        { notes, checklist, pins },
        { ...incoming, notes: incoming.notes.map((n) => ({ ...n, tags: cleanTags(n.tags) })) },
      );
      if (apply) {
        if (plan.add.length) await this.d.notes.bulkAdd(plan.add);
        if (plan.replace.length) await this.d.notes.bulkPut(plan.replace);
        if (plan.checklist.length) await this.d.checklist.bulkPut(plan.checklist);
        if (plan.pins.length) await this.d.pins.bulkPut(plan.pins);
      }
      return plan.counts;
    });
  }

  // ── request log ───────────────────────────────────────────────────────────────────────────────

  /** Appends entries and drops the oldest beyond the cap, in one transaction. */
  async logRequests(entries: readonly RequestLogRecord[]): Promise<void> {
    if (entries.length === 0) return;
    await this.d.transaction('rw', this.d.requestLog, async () => {
      await this.d.requestLog.bulkAdd([...entries]);
      const count = await this.d.requestLog.count();
      if (count > REQUEST_LOG_CAP) {
        const drop = await this.d.requestLog
          .orderBy('id')
          .limit(count - REQUEST_LOG_CAP)
          .primaryKeys();
        await this.d.requestLog.bulkDelete(drop);
      }
    });
  }

  /** Newest first. */
  async recentRequests(limit = 100, source?: RequestLogRecord['source']): Promise<RequestLogRecord[]> {
    const coll = source
      ? this.d.requestLog.where('source').equals(source).reverse()
      : this.d.requestLog.orderBy('id').reverse();
    const rows = await coll.limit(limit).toArray();
    return source ? rows.sort((a, b) => (b.id ?? 0) - (a.id ?? 0)) : rows;
  }

  // ── meta ──────────────────────────────────────────────────────────────────────────────────────

  async getMeta<T>(key: string, parse: (v: unknown) => T | undefined): Promise<T | undefined> {
    const row = await this.d.meta.get(key);
    return row ? parse(row.value) : undefined;
  }

  async setMeta(key: string, value: unknown, now: number): Promise<void> {
    await this.d.meta.put({ key, value, updatedAt: now });
  }
}
