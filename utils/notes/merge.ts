/**
 * How an imported file merges into what is stored: by a note's uid, never by its row. A note the
 * file does not hold stays (an import never removes anything); a note it holds that is not stored
 * is added, on its own row id when that row is free; a stored note the file holds differently is
 * replaced by the file's copy, unless the stored copy was edited later (then it is kept: an old
 * backup must not undo today's edits). Overrides merge box by box and pins key by key, the newer
 * winning. Pure: the database runs it inside its transaction (utils/db.ts `importNotes`).
 */
import type { BoxId } from '../checklist/types';
import type { ChecklistRecord, NoteRecord, PinRecord } from '../db/records';

export interface ImportCounts {
  added: number;
  changed: number;
  unchanged: number;
  /** Stored notes edited after the file's copy: kept as they are. */
  keptNewer: number;
  /** Always 0: a merge removes nothing. Said in the preview so the reader knows. */
  removed: 0;
  /** Checklist boxes whose override the file sets or changes. */
  overrides: number;
  pins: number;
}

export interface ImportPlan {
  add: NoteRecord[];
  replace: NoteRecord[];
  checklist: ChecklistRecord[];
  pins: PinRecord[];
  counts: ImportCounts;
}

export interface NotesState {
  notes: readonly NoteRecord[];
  checklist: readonly ChecklistRecord[];
  pins: readonly PinRecord[];
}

export function planImport(stored: NotesState, incoming: NotesState): ImportPlan {
  const byUid = new Map(stored.notes.map((n) => [n.uid, n]));
  const usedIds = new Set(stored.notes.map((n) => n.id));
  const add: NoteRecord[] = [];
  const replace: NoteRecord[] = [];
  const counts: ImportCounts = {
    added: 0,
    changed: 0,
    unchanged: 0,
    keptNewer: 0,
    removed: 0,
    overrides: 0,
    pins: 0,
  };
  for (const note of incoming.notes) {
    const { id, ...content } = note;
    const old = byUid.get(note.uid);
    if (!old) {
      // The file's row id when it is free here (a backup restored into the same browser keeps its
      // ids), else a new one.
      const keepId = id !== undefined && !usedIds.has(id);
      if (keepId) usedIds.add(id);
      add.push(keepId ? { ...content, id } : content);
      byUid.set(note.uid, note);
      counts.added++;
    } else if (sameNote(old, note)) counts.unchanged++;
    else if (note.updatedAt >= old.updatedAt) {
      replace.push({ ...content, ...(old.id !== undefined ? { id: old.id } : {}) });
      counts.changed++;
    } else counts.keptNewer++;
  }

  const checklist: ChecklistRecord[] = [];
  const storedLists = new Map(stored.checklist.map((c) => [c.assetId, c]));
  for (const row of incoming.checklist) {
    const old = storedLists.get(row.assetId);
    const merged: ChecklistRecord['overrides'] = { ...(old?.overrides ?? {}) };
    let changed = 0;
    for (const [box, o] of Object.entries(row.overrides) as Array<
      [BoxId, NonNullable<(typeof merged)[BoxId]>]
    >) {
      const cur = merged[box];
      if (cur && cur.at >= o.at) continue;
      if (!cur || cur.verdict !== o.verdict || cur.reason !== o.reason) changed++;
      merged[box] = o;
    }
    if (!changed) continue;
    counts.overrides += changed;
    const next = {
      assetId: row.assetId,
      overrides: merged,
      updatedAt: Math.max(old?.updatedAt ?? 0, row.updatedAt),
    };
    storedLists.set(row.assetId, next);
    checklist.push(next);
  }

  const pins: PinRecord[] = [];
  const storedPins = new Map(stored.pins.map((p) => [p.key, p]));
  for (const pin of incoming.pins) {
    const old = storedPins.get(pin.key);
    if (old && (old.assetId === pin.assetId || old.pinnedAt >= pin.pinnedAt)) continue;
    storedPins.set(pin.key, pin);
    pins.push(pin);
    counts.pins++;
  }
  return { add, replace, checklist, pins, counts };
}

/** The same note in content (the row id aside): what an import of an unchanged note finds. */
function sameNote(a: NoteRecord, b: NoteRecord): boolean {
  return canonical(withoutId(a)) === canonical(withoutId(b));
}

function withoutId(n: NoteRecord): Omit<NoteRecord, 'id'> {
  const { id: _, ...rest } = n;
  return rest;
}

/** JSON with object keys sorted and undefined fields left out, so key order never counts. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
