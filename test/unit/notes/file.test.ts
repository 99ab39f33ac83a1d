import { describe, expect, it } from 'vitest';
import type { ChecklistRecord, PinRecord } from '../../../utils/db/records';
import {
  fromNotesFile,
  MAX_FILE_BYTES,
  NOTES_FILE_VERSION,
  readNotesFile,
  toNotesFile,
} from '../../../utils/notes/file';
import { NOTES } from './fixtures';

const CHECKLIST: ChecklistRecord[] = [
  {
    assetId: 'cg:bittensor',
    overrides: { sink: { verdict: 'pass', reason: '质押需要 TAO', at: Date.UTC(2026, 10, 2) } },
    updatedAt: Date.UTC(2026, 10, 2),
  },
];
const PINS: PinRecord[] = [{ key: 'TAO', assetId: 'cg:bittensor', pinnedAt: Date.UTC(2026, 10, 3) }];
const NOW = Date.UTC(2026, 11, 6, 12);

function exported(): string {
  return JSON.stringify(toNotesFile(NOTES, CHECKLIST, PINS, NOW), null, 2);
}

/** The file with one change made to its parsed JSON. */
// biome-ignore lint/suspicious/noExplicitAny: the tests reach into the parsed file at any path.
function edited(change: (file: Record<string, any>) => void): string {
  const file = JSON.parse(exported());
  change(file);
  return JSON.stringify(file);
}

function problemOf(text: string, bytes?: number) {
  const r = readNotesFile(text, bytes);
  if (r.ok) throw new Error('the file was accepted');
  return r.problem;
}

describe('notes export file (JSON)', () => {
  it('is the contract §9 shape, versioned, with ISO times', () => {
    const file = JSON.parse(exported());
    expect(file).toMatchObject({
      format: 'tickerlens-notes',
      version: NOTES_FILE_VERSION,
      exportedAt: '2026-12-06T12:00:00.000Z',
    });
    expect(file.notes).toHaveLength(3);
    expect(file.notes[0]).toMatchObject({ id: 1, uid: NOTES[0]?.uid, createdAt: '2026-12-01T09:30:00.000Z' });
    expect(file.checklist[0].overrides.sink.at).toBe('2026-11-02T00:00:00.000Z');
    expect(file.pins).toEqual([
      { key: 'TAO', assetId: 'cg:bittensor', pinnedAt: '2026-11-03T00:00:00.000Z' },
    ]);
  });

  it('reads back exactly what was written: Chinese, quotes, commas, line breaks, claims, checklist', () => {
    const read = readNotesFile(exported());
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const back = fromNotesFile(read.file);
    expect(back.notes).toEqual(NOTES);
    expect(back.checklist).toEqual(CHECKLIST);
    expect(back.pins).toEqual(PINS);
  });

  it('refuses what is not JSON, not ours, or from a later version, saying so', () => {
    expect(problemOf('{"format": "tickerlens-notes", ')).toMatchObject({ kind: 'not-json' });
    expect(problemOf('[1, 2]')).toEqual({ kind: 'wrong-format' });
    expect(problemOf(JSON.stringify({ format: 'other-notes', version: 1, notes: [] }))).toEqual({
      kind: 'wrong-format',
    });
    expect(problemOf(edited((f) => (f.version = 2)))).toEqual({
      kind: 'future-version',
      version: 2,
      supported: 1,
    });
    expect(problemOf(edited((f) => (f.version = '1')))).toMatchObject({ kind: 'bad-field', path: 'version' });
  });

  it('refuses a file over the size cap before parsing it', () => {
    expect(problemOf('not even read', MAX_FILE_BYTES + 1)).toEqual({
      kind: 'too-big',
      bytes: MAX_FILE_BYTES + 1,
      limit: MAX_FILE_BYTES,
    });
  });

  it('names the path of the first bad field', () => {
    expect(problemOf(edited((f) => (f.notes[1].capture.url = 'javascript:alert(1)')))).toEqual({
      kind: 'bad-field',
      path: 'notes[1].capture.url',
      problem: { is: 'url' },
    });
    expect(
      problemOf(
        edited((f) => {
          delete f.notes[2].uid;
        }),
      ),
    ).toEqual({ kind: 'bad-field', path: 'notes[2].uid', problem: { is: 'missing' } });
    expect(problemOf(edited((f) => (f.notes[0].text = 42)))).toEqual({
      kind: 'bad-field',
      path: 'notes[0].text',
      problem: { is: 'type', expected: 'string' },
    });
    expect(problemOf(edited((f) => (f.notes[0].createdAt = 'yesterday')))).toMatchObject({
      path: 'notes[0].createdAt',
      problem: { is: 'time' },
    });
    expect(problemOf(edited((f) => (f.notes[0].text = 'x'.repeat(20_001))))).toMatchObject({
      path: 'notes[0].text',
      problem: { is: 'too-long', max: 20_000 },
    });
    expect(problemOf(edited((f) => (f.notes[2].uid = f.notes[0].uid)))).toMatchObject({
      path: 'notes[2].uid',
      problem: { is: 'duplicate' },
    });
  });

  it('refuses hostile strings where they could act: links, ids, override keys', () => {
    expect(
      problemOf(edited((f) => (f.notes[0].capture.url = 'data:text/html,<script>alert(1)</script>'))),
    ).toMatchObject({ path: 'notes[0].capture.url', problem: { is: 'url' } });
    expect(
      problemOf(edited((f) => (f.notes[0].assetId = 'cg:x"><img src=x onerror=alert(1)>'))),
    ).toMatchObject({
      path: 'notes[0].assetId',
    });
    expect(
      problemOf(
        edited((f) => (f.checklist[0].overrides = JSON.parse('{"constructor": {"verdict": "pass"}}'))),
      ),
    ).toMatchObject({ path: 'checklist[0].overrides', problem: { is: 'unknown-key', key: 'constructor' } });
    expect(problemOf(edited((f) => (f.notes[1].capture.claims[0].claim = '<b>no-vc</b>')))).toMatchObject({
      path: 'notes[1].capture.claims[0].claim',
      problem: { is: 'not-allowed' },
    });
    // Text is data: markup in a note's own words is kept as written (the page never renders it as HTML).
    const markup = edited((f) => (f.notes[0].text = '<img src=x onerror=alert(1)> [x](javascript:alert(1))'));
    expect(readNotesFile(markup).ok).toBe(true);
  });

  it('accepts a file without checklist or pins (written by hand or by another tool)', () => {
    const read = readNotesFile(
      edited((f) => {
        delete f.checklist;
        delete f.pins;
      }),
    );
    expect(read.ok && fromNotesFile(read.file)).toMatchObject({ checklist: [], pins: [] });
  });
});
