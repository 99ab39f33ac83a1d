/**
 * What the notes page says about a file it will not import (entrypoints/notes/problems.ts), in both
 * languages, from the extension's own catalogues: every problem says nothing was imported, with the
 * figures and the place that let the reader fix the file.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FieldProblem, FileProblem } from '../../../utils/notes/file';

const ui = vi.hoisted(() => ({ locale: 'en' }));
vi.mock('wxt/browser', async () => (await import('../../support/i18n')).catalogueBrowser(ui));

const { problemText } = await import('../../../entrypoints/notes/problems');

const MB = 1024 * 1024;

const FIELD_PROBLEMS: FieldProblem[] = [
  { is: 'missing' },
  { is: 'type', expected: 'string' },
  { is: 'too-long', max: 4000 },
  { is: 'too-many', max: 32 },
  { is: 'not-allowed' },
  { is: 'url' },
  { is: 'time' },
  { is: 'duplicate' },
  { is: 'unknown-key', key: 'colour' },
];

const field = (problem: FieldProblem): FileProblem => ({ kind: 'bad-field', path: 'notes[3].tags', problem });

beforeEach(() => {
  ui.locale = 'en';
});

describe('an import refused, in words', () => {
  it('a file too big gives both sizes in MB, rounded up', () => {
    expect(problemText({ kind: 'too-big', bytes: 5 * MB + 1, limit: 5 * MB })).toBe(
      'Nothing was imported: the file is 6 MB, more than the 5 MB an import may be.',
    );
  });

  it('not JSON gives the parser’s words; a newer format gives both versions', () => {
    expect(problemText({ kind: 'not-json', detail: 'Unexpected token } at 12' })).toBe(
      'Nothing was imported: the file is not JSON (Unexpected token } at 12).',
    );
    expect(problemText({ kind: 'future-version', version: 3, supported: 2 })).toContain(
      'format version 3, made by a newer Tickerlens; this one reads versions up to 2',
    );
  });

  it('a file of another kind says what it lacks', () => {
    expect(problemText({ kind: 'wrong-format' })).toBe(
      'Nothing was imported: this is not a Tickerlens notes export (its "format" is not "tickerlens-notes").',
    );
  });

  it('a bad field says where, and what is wrong with it, with its figure', () => {
    expect(FIELD_PROBLEMS.map((p) => problemText(field(p)))).toEqual(
      [
        'a required field is missing',
        'the value is not a string',
        'the text is longer than 4000 characters',
        'there are more than 32 entries',
        'the value is not one this format allows',
        'the link is not an http(s) address',
        'the time is not a valid ISO 8601 time',
        'the same note appears twice',
        'there is an unknown field (colour)',
      ].map((what) => `Nothing was imported: ${what} at notes[3].tags.`),
    );
  });

  for (const locale of ['en', 'zh_CN']) {
    it(`${locale}: every problem has its own words, none left blank or with a placeholder`, () => {
      ui.locale = locale;
      const texts = [
        problemText({ kind: 'too-big', bytes: 9 * MB, limit: 5 * MB }),
        problemText({ kind: 'not-json', detail: 'x' }),
        problemText({ kind: 'wrong-format' }),
        problemText({ kind: 'future-version', version: 3, supported: 2 }),
        ...FIELD_PROBLEMS.map((p) => problemText(field(p))),
      ];
      for (const text of texts) {
        expect(text).toMatch(/\S/);
        expect(text).not.toMatch(/\$\d/);
      }
      expect(new Set(texts).size).toBe(texts.length);
      for (const text of texts.slice(4)) expect(text).toContain('notes[3].tags');
    });
  }
});
