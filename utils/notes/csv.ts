/**
 * The CSV export: one row per note, RFC 4180 (fields quoted when they hold a comma, a quote or a
 * line break, quotes doubled, CRLF between records), UTF-8 with a byte-order mark so spreadsheets
 * read Chinese right. Written by Papa Parse's `unparse` (papaparse, MIT, 19.8 kB minified and
 * 7.4 kB gzipped, in the notes page only; csv-stringify's browser build is 32.9 kB, and d3-dsv,
 * 2.7 kB, joins records with a bare LF and leaves formulas alone), which also neutralises formulas.
 *
 * Formula injection: a text cell whose first character, after any leading white space, is `=`,
 * `+`, `-` or `@`, or that begins with a tab or a carriage return, gets a leading `'`, so a
 * spreadsheet shows it as text instead of running it (a quote copied from a hostile post that
 * begins `=HYPERLINK(`). Leading white space counts because spreadsheets trim it on import before
 * they look for a formula. Numbers (prices, change) are written as numbers and left alone: a
 * number cannot run, and a prefixed one would no longer sort as a number.
 */
import Papa from 'papaparse';
import type { NoteRecord } from '../db/records';
import {
  assetNames,
  changeSinceSaved,
  checklistLine,
  claimsLine,
  type NoteWords,
  type PriceNow,
  priceTime,
} from './view';

export const CSV_COLUMNS = [
  'saved',
  'edited',
  'asset',
  'symbol',
  'text',
  'tags',
  'quote',
  'url',
  'detected',
  'claimsThen',
  'priceThen',
  'priceThenSource',
  'priceNow',
  'priceNowAt',
  'priceNowStale',
  'changePct',
  'checklistThen',
  'uid',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** What a spreadsheet would run: see the module's comment. */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

const BOM = '\uFEFF';

export function notesToCsv(
  notes: readonly NoteRecord[],
  prices: ReadonlyMap<string, PriceNow>,
  words: NoteWords,
  headers: Record<CsvColumn, string>,
): string {
  const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());
  const rows = notes.map((n) => {
    const now = prices.get(n.assetId);
    const names = assetNames(n, now, words.noAsset);
    const change = changeSinceSaved(n, now);
    const cells: Record<CsvColumn, string | number | null> = {
      saved: iso(n.createdAt),
      edited: iso(n.updatedAt),
      asset: names.name,
      symbol: names.symbol,
      text: n.text,
      tags: n.tags.join('; '),
      quote: n.capture?.quote ?? '',
      url: n.capture?.url ?? '',
      detected: n.capture?.detected ?? '',
      claimsThen: claimsLine(n, words),
      priceThen: n.capture?.priceUsd ?? null,
      priceThenSource: n.capture?.priceSource ?? '',
      priceNow: now?.usd ?? null,
      priceNowAt: iso(now ? priceTime(now) : undefined),
      priceNowStale: now?.stale ? words.stale : '',
      changePct: change === null ? null : Number(change.toFixed(2)),
      checklistThen: checklistLine(n, words),
      uid: n.uid,
    };
    return CSV_COLUMNS.map((c) => cells[c]);
  });
  return (
    BOM +
    Papa.unparse(
      { fields: CSV_COLUMNS.map((c) => headers[c]), data: rows },
      { newline: '\r\n', escapeFormulae: FORMULA_START, header: true },
    )
  );
}
