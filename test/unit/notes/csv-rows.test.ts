/**
 * The CSV export cell by cell (utils/notes/csv.ts), for notes with and without what a card saves:
 * what an empty field reads as (an empty cell, never a placeholder), tags in one cell, the price
 * now with the time it was true, and the change rounded to two decimals. Each test builds its own
 * export.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { NoteRecord } from '../../../utils/db/records';
import { CSV_COLUMNS, type CsvColumn, notesToCsv } from '../../../utils/notes/csv';
import type { PriceNow } from '../../../utils/notes/view';
import { NOTES, WORDS } from './fixtures';

const HEADERS = Object.fromEntries(CSV_COLUMNS.map((c) => [c, c])) as Record<CsvColumn, string>;
const T0 = Date.UTC(2026, 11, 1, 9, 30);
const [TAO, , BARE] = NOTES as [NoteRecord, NoteRecord, NoteRecord];

function rows(notes: NoteRecord[], prices = new Map<string, PriceNow>()): Array<Record<CsvColumn, string>> {
  const parsed = Papa.parse<Record<CsvColumn, string>>(notesToCsv(notes, prices, WORDS, HEADERS).slice(1), {
    header: true,
    newline: '\r\n',
  });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('a CSV row', () => {
  it('of a note saved without a page leaves every page and price cell empty', () => {
    const note: NoteRecord = { ...BARE, assetId: 'cg:bittensor', text: 'plain', tags: ['a', 'b c'] };
    expect(rows([note])[0]).toEqual({
      saved: '2026-12-01T11:30:00.000Z',
      edited: '2026-12-01T11:30:00.000Z',
      asset: 'bittensor',
      symbol: '',
      text: 'plain',
      tags: 'a; b c',
      quote: '',
      url: '',
      detected: '',
      claimsThen: '',
      priceThen: '',
      priceThenSource: '',
      priceNow: '',
      priceNowAt: '',
      priceNowStale: '',
      changePct: '',
      checklistThen: '',
      uid: BARE.uid,
    });
  });

  it('of a note saved from a card holds the page, the detection, and the price then with its source', () => {
    const [row] = rows([TAO]);
    expect(row).toMatchObject({
      quote: 'Bitcoin holds while $TAO runs.\n比特币横盘，"TAO" 领涨, 不是吗？',
      url: 'https://x.com/someone/status/1?ref=a,b',
      detected: '$TAO',
      priceThen: '361.24',
      priceThenSource: 'coingecko',
      edited: '2026-12-01T09:31:00.000Z',
    });
  });

  it('says the price now, when it was true, and the change since saved to two decimals', () => {
    const prices = new Map<string, PriceNow>([
      [
        'cg:bittensor',
        { usd: 400, source: 'coingecko', fetchedAt: T0 + 7_200_000, asOf: null, stale: false },
      ],
    ]);
    const [row] = rows(
      [{ ...TAO, capture: { ...(TAO.capture as NonNullable<NoteRecord['capture']>), priceUsd: 351.1 } }],
      prices,
    );
    expect(row).toMatchObject({
      priceNow: '400',
      // Without a time from the source: when it was fetched.
      priceNowAt: '2026-12-01T11:30:00.000Z',
      priceNowStale: '',
      changePct: '13.93',
    });
  });

  it('of a note saved without a price then has a price now and no change', () => {
    const prices = new Map<string, PriceNow>([
      ['cg:bittensor', { usd: 400, source: 'coingecko', fetchedAt: T0, asOf: T0 - 60_000, stale: true }],
    ]);
    const saved = {
      ...TAO,
      capture: { ...(TAO.capture as NonNullable<NoteRecord['capture']>), priceUsd: null },
    };
    const { priceSource: _, ...unsourced } = saved.capture;
    const [row] = rows([{ ...saved, capture: unsourced }], prices);
    expect(row).toMatchObject({
      priceThen: '',
      priceThenSource: '',
      priceNow: '400',
      priceNowAt: '2026-12-01T09:29:00.000Z',
      priceNowStale: 'out of date',
      changePct: '',
    });
  });

  it('keeps an empty detection and page as empty cells', () => {
    const capture = {
      ...(TAO.capture as NonNullable<NoteRecord['capture']>),
      quote: '',
      url: '',
      detected: '',
    };
    expect(rows([{ ...TAO, capture }])[0]).toMatchObject({ quote: '', url: '', detected: '' });
  });
});
