/**
 * Fuzzing the importers (issue 29): a hostile or damaged export file (any text, any JSON, a real
 * export with any field replaced by anything) is read with a clear problem or a file the schema
 * accepts; never a throw. An accepted file, planned against the stored notes, never removes one,
 * and every stored note is still there afterwards (imports add and update, never delete).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromNotesFile, notesFileSchema, readNotesFile, toNotesFile } from '../../../utils/notes/file';
import { planImport } from '../../../utils/notes/merge';
import { NOTES } from '../notes/fixtures';
import { fuzz } from './params';

const REAL = toNotesFile(
  NOTES,
  [],
  [{ key: 'TAO', assetId: 'cg:bittensor', pinnedAt: 1 }],
  Date.UTC(2026, 11, 6),
);
const stored = { notes: NOTES, checklist: [], pins: [] };

/** The real export with the value at one path (chosen by the numbers) replaced. */
function mutate(value: unknown, picks: number[], replacement: unknown): unknown {
  if (!picks.length || value === null || typeof value !== 'object') return replacement;
  const [pick, ...rest] = picks as [number, ...number[]];
  if (Array.isArray(value)) {
    if (!value.length) return replacement;
    const i = pick % value.length;
    return value.map((v, j) => (j === i ? mutate(v, rest, replacement) : v));
  }
  const keys = Object.keys(value);
  if (!keys.length) return replacement;
  const key = keys[pick % keys.length] as string;
  return {
    ...(value as Record<string, unknown>),
    [key]: mutate((value as Record<string, unknown>)[key], rest, replacement),
  };
}

function checkRead(text: string): void {
  const read = readNotesFile(text);
  if (!read.ok) {
    expect(read.problem.kind).toEqual(expect.any(String));
    return;
  }
  expect(notesFileSchema().safeParse(read.file).success).toBe(true);
  const incoming = fromNotesFile(read.file);
  const plan = planImport(stored, incoming);
  expect(plan.counts.removed).toBe(0);
}

describe('fuzz: importing a notes file', () => {
  it('reads any text without throwing', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), checkRead), fuzz());
  });

  it('reads any JSON without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => checkRead(JSON.stringify(v) ?? 'null')),
      fuzz(),
    );
  });

  it('reads a real export with any field replaced by anything, losing no stored note', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.oneof(
          fc.jsonValue(),
          fc.constantFrom(
            '__proto__',
            '<img src=x onerror=alert(1)>',
            'javascript:alert(1)',
            '=HYPERLINK("x")',
            1e308,
            -0,
          ),
        ),
        (picks, replacement) => checkRead(JSON.stringify(mutate(REAL, picks, replacement))),
      ),
      fuzz(2),
    );
  });

  it('reads an export with a prototype-polluting key and pollutes nothing', () => {
    const text = JSON.stringify(REAL).replace(
      '{"format"',
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"format"',
    );
    checkRead(text);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
