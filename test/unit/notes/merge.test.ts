/**
 * How an import merges into what is stored (utils/notes/merge.ts, the plan the database applies in
 * one transaction): notes by uid, never by row, an old backup never undoing a newer edit; checklist
 * overrides box by box and pins key by key, the newer winning; nothing ever removed; and the counts
 * the preview shows before anything is written.
 */
import { describe, expect, it } from 'vitest';
import type { ChecklistRecord, NoteRecord, PinRecord } from '../../../utils/db/records';
import { type NotesState, planImport } from '../../../utils/notes/merge';
import { NOTES } from './fixtures';

const T0 = Date.UTC(2026, 11, 1, 9, 30);
const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const note = (n: number, over: Partial<NoteRecord> = {}): NoteRecord => ({
  id: n,
  uid: uid(n),
  assetId: 'cg:bittensor',
  text: `note ${n}`,
  tags: [],
  createdAt: T0,
  updatedAt: T0,
  ...over,
});
const state = (over: Partial<NotesState> = {}): NotesState => ({
  notes: [],
  checklist: [],
  pins: [],
  ...over,
});
const ZERO = { added: 0, changed: 0, unchanged: 0, keptNewer: 0, removed: 0, overrides: 0, pins: 0 };

describe('notes, by uid', () => {
  it('adds a note not stored on its own row when that row is free, and on a new row when it is taken', () => {
    const plan = planImport(state({ notes: [note(1)] }), state({ notes: [note(2), note(7, { id: 1 })] }));
    const { id: _, ...seven } = note(7);
    expect(plan.add).toEqual([note(2), seven]);
    expect(plan.add[1]).not.toHaveProperty('id');
    expect(plan.counts).toEqual({ ...ZERO, added: 2 });
  });

  it('gives a row to one added note only, when the file holds two notes on the same row', () => {
    const plan = planImport(state(), state({ notes: [note(3, { id: 9 }), note(4, { id: 9 })] }));
    expect(plan.add.map((n) => [n.uid, n.id])).toEqual([
      [uid(3), 9],
      [uid(4), undefined],
    ]);
  });

  it('adds a note from a file without row ids on a new row', () => {
    const { id: _, ...withoutRow } = note(5);
    const plan = planImport(state(), state({ notes: [withoutRow] }));
    expect(plan.add).toEqual([withoutRow]);
    expect(plan.add[0]).not.toHaveProperty('id');
  });

  it('finds a note unchanged whatever the order of its fields or its row', () => {
    const stored = NOTES.map((n, i) => ({ ...n, id: i + 1 }));
    // The file's copy: keys in reverse order at every level, the row ids elsewhere.
    const reversed = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reversed)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reversed(x)]),
            )
          : v;
    const file = stored.map((n) => ({ ...(reversed(n) as NoteRecord), id: (n.id ?? 0) + 100 }));
    expect(JSON.stringify(file[0])).not.toBe(JSON.stringify({ ...stored[0], id: 101 }));
    const plan = planImport(state({ notes: stored }), state({ notes: file }));
    expect(plan.counts).toEqual({ ...ZERO, unchanged: 3 });
    expect([plan.add, plan.replace]).toEqual([[], []]);
  });

  it('replaces a stored note with the file’s copy edited as late or later, keeping the stored row', () => {
    const stored = [note(1, { id: 40, updatedAt: T0 + 10 }), note(2, { id: 41, updatedAt: T0 + 10 })];
    const file = [
      note(1, { id: 1, text: 'edited then', updatedAt: T0 + 10 }),
      note(2, { id: 2, text: 'edited later', updatedAt: T0 + 11 }),
    ];
    const plan = planImport(state({ notes: stored }), state({ notes: file }));
    expect(plan.replace).toEqual([
      note(1, { id: 40, text: 'edited then', updatedAt: T0 + 10 }),
      note(2, { id: 41, text: 'edited later', updatedAt: T0 + 11 }),
    ]);
    expect(plan.counts).toEqual({ ...ZERO, changed: 2 });
  });

  it('keeps a stored note edited after the file’s copy: an old backup never undoes today’s edit', () => {
    const plan = planImport(
      state({ notes: [note(1, { text: 'today', updatedAt: T0 + 60_000 })] }),
      state({ notes: [note(1, { text: 'last week', updatedAt: T0 + 59_999 })] }),
    );
    expect(plan.replace).toEqual([]);
    expect(plan.counts).toEqual({ ...ZERO, keptNewer: 1 });
  });

  it('removes nothing: a stored note the file lacks is not in the plan', () => {
    const plan = planImport(state({ notes: [note(1), note(2)] }), state({ notes: [note(2)] }));
    expect(plan).toEqual({
      add: [],
      replace: [],
      checklist: [],
      pins: [],
      counts: { ...ZERO, unchanged: 1 },
    });
  });
});

describe('checklist overrides, box by box', () => {
  const row = (overrides: ChecklistRecord['overrides'], updatedAt = T0): ChecklistRecord => ({
    assetId: 'cg:bittensor',
    overrides,
    updatedAt,
  });
  const sink = { verdict: 'pass' as const, reason: 'staking', at: T0 };

  it('adds the overrides of an asset with none stored', () => {
    const plan = planImport(
      state(),
      state({ checklist: [row({ sink, governance: { verdict: 'fail', reason: '', at: T0 } })] }),
    );
    expect(plan.checklist).toEqual([row({ sink, governance: { verdict: 'fail', reason: '', at: T0 } })]);
    expect(plan.counts.overrides).toBe(2);
  });

  it('adds a box to those stored, keeping the others, dated by the later of the two', () => {
    const supply = { verdict: 'fail' as const, reason: 'weekly team unlocks', at: T0 + 5 };
    const plan = planImport(
      state({ checklist: [row({ sink }, T0 + 20)] }),
      state({ checklist: [row({ supply }, T0 + 5)] }),
    );
    expect(plan.checklist).toEqual([row({ sink, supply }, T0 + 20)]);
    expect(plan.counts.overrides).toBe(1);
    const later = planImport(
      state({ checklist: [row({ sink }, T0)] }),
      state({ checklist: [row({ supply }, T0 + 30)] }),
    );
    expect(later.checklist[0]?.updatedAt).toBe(T0 + 30);
  });

  it('takes a newer verdict or reason, and counts it', () => {
    const newerVerdict = planImport(
      state({ checklist: [row({ sink })] }),
      state({ checklist: [row({ sink: { ...sink, verdict: 'fail', at: T0 + 1 } })] }),
    );
    expect(newerVerdict.checklist[0]?.overrides.sink).toEqual({ ...sink, verdict: 'fail', at: T0 + 1 });
    expect(newerVerdict.counts.overrides).toBe(1);
    const newerReason = planImport(
      state({ checklist: [row({ sink })] }),
      state({ checklist: [row({ sink: { ...sink, reason: 'gas too', at: T0 + 1 } })] }),
    );
    expect(newerReason.counts.overrides).toBe(1);
  });

  it('keeps the stored box when the file’s is older or as old, and writes nothing', () => {
    for (const at of [T0 - 1, T0]) {
      const plan = planImport(
        state({ checklist: [row({ sink })] }),
        state({ checklist: [row({ sink: { verdict: 'fail', reason: 'old', at } })] }),
      );
      expect(plan.checklist).toEqual([]);
      expect(plan.counts.overrides).toBe(0);
    }
  });

  it('counts nothing and writes nothing for the same verdict and reason set again later', () => {
    const plan = planImport(
      state({ checklist: [row({ sink })] }),
      state({ checklist: [row({ sink: { ...sink, at: T0 + 9 } })] }),
    );
    expect(plan.checklist).toEqual([]);
    expect(plan.counts.overrides).toBe(0);
  });
});

describe('pins, key by key', () => {
  const pin = (key: string, assetId: string, pinnedAt: number): PinRecord => ({ key, assetId, pinnedAt });

  it('adds a pin not stored, and a newer pin of a key to another asset', () => {
    const plan = planImport(
      state({ pins: [pin('STRK', 'cg:starknet', T0)] }),
      state({ pins: [pin('TAO', 'cg:bittensor', T0), pin('STRK', 'stock:STRK', T0 + 1)] }),
    );
    expect(plan.pins).toEqual([pin('TAO', 'cg:bittensor', T0), pin('STRK', 'stock:STRK', T0 + 1)]);
    expect(plan.counts.pins).toBe(2);
  });

  it('keeps a stored pin to the same asset, or pinned as late or later', () => {
    const plan = planImport(
      state({ pins: [pin('STRK', 'cg:starknet', T0), pin('HYPE', 'cg:hyperliquid', T0)] }),
      state({
        pins: [
          pin('STRK', 'cg:starknet', T0 + 5),
          pin('HYPE', 'stock:HYPE', T0),
          pin('HYPE', 'stock:HYPE', T0 - 1),
        ],
      }),
    );
    expect(plan.pins).toEqual([]);
    expect(plan.counts.pins).toBe(0);
  });

  it('takes the newest of a key the file holds twice', () => {
    const plan = planImport(state(), state({ pins: [pin('X', 'cg:a', T0 + 2), pin('X', 'cg:b', T0 + 1)] }));
    expect(plan.pins).toEqual([pin('X', 'cg:a', T0 + 2)]);
  });
});
