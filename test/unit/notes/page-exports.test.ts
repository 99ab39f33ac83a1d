/**
 * The notes page's exports (entrypoints/notes/exporting.ts) in the words of the page
 * (entrypoints/notes/words.ts): the file named with the local date, the CSV's headers and the
 * Markdown's words in English and Chinese, the JSON backup holding every override and pin or those
 * of the notes exported, and the download handed to the browser. The worker's part (the overrides
 * and pins) is a stand-in answering what `tickerlens:notes-extras` answers.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChecklistRecord, PinRecord } from '../../../utils/db/records';
import type { NoteRow } from '../../../utils/notes/schema';
import type { PriceNow } from '../../../utils/notes/view';
import { NOTES as RECORDS } from './fixtures';

const ui = vi.hoisted(() => ({ locale: 'en' }));
const worker = vi.hoisted(() => ({
  extras: { checklist: [] as ChecklistRecord[], pins: [] as PinRecord[] },
  asked: 0,
}));

vi.mock('wxt/browser', async () => (await import('../../support/i18n')).catalogueBrowser(ui));
vi.mock('../../../entrypoints/notes/api', () => ({
  exportExtras: async () => {
    worker.asked++;
    return worker.extras;
  },
}));

const { buildExport, download, fileName } = await import('../../../entrypoints/notes/exporting');
const words = await import('../../../entrypoints/notes/words');
const { readNotesFile, fromNotesFile } = await import('../../../utils/notes/file');

const T0 = Date.UTC(2026, 11, 1, 9, 30);
/** The fixtures as the page holds them: with their row ids. */
const NOTES: NoteRow[] = RECORDS.map((n, i) => ({ ...n, id: n.id ?? i + 1 }));
const NO_PRICES = new Map<string, PriceNow>();

const overrides: ChecklistRecord[] = [
  {
    assetId: 'cg:bittensor',
    overrides: { sink: { verdict: 'pass', reason: 'staking', at: T0 } },
    updatedAt: T0,
  },
  { assetId: 'cg:solana', overrides: { governance: { verdict: 'fail', reason: '', at: T0 } }, updatedAt: T0 },
];
const pins: PinRecord[] = [
  { key: 'TAO', assetId: 'cg:bittensor', pinnedAt: T0 },
  { key: 'HYPE', assetId: 'cg:hyperliquid', pinnedAt: T0 },
  { key: 'SOL', assetId: 'cg:solana', pinnedAt: T0 },
];

/** The page's document, in the page's language (`<html lang>`, set from the UI language). */
function page(lang: string): void {
  const { document } = parseHTML(`<!doctype html><html lang="${lang}"><body></body></html>`);
  vi.stubGlobal('document', document);
}

beforeEach(() => {
  ui.locale = 'en';
  worker.extras = { checklist: overrides, pins };
  worker.asked = 0;
  page('en');
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the file name', () => {
  it('is the local date, month and day in two digits, and the kind', () => {
    expect(fileName('json', new Date(2026, 0, 5, 23, 59))).toBe('tickerlens-notes-2026-01-05.json');
    expect(fileName('csv', new Date(2026, 11, 31, 0, 1))).toBe('tickerlens-notes-2026-12-31.csv');
    expect(fileName('md', new Date(2027, 8, 10))).toBe('tickerlens-notes-2027-09-10.md');
  });

  it('is today’s when no date is given', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 6, 14, 3));
    expect(fileName('md')).toBe('tickerlens-notes-2026-12-06.md');
  });
});

describe('the CSV export', () => {
  const lines = (text: string) => text.split('\r\n');

  it('names its columns in English, after a byte-order mark', async () => {
    const csv = await buildExport('csv', NOTES, NO_PRICES, true);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines(csv.slice(1))[0]).toBe(
      [
        'Saved (UTC)',
        'Edited (UTC)',
        'Asset',
        'Symbol',
        'Note',
        'Tags',
        'Quote',
        'Page',
        'Detected',
        'Claims then',
        'Price then (USD)',
        'Price then: source',
        'Price now (USD)',
        'Price now: as of (UTC)',
        'Price now: out of date',
        'Change since saved (%)',
        'Checklist then',
        'Note id',
      ].join(','),
    );
    // A CSV asks the worker nothing: overrides and pins go in the JSON backup only.
    expect(worker.asked).toBe(0);
  });

  it('names its columns in Chinese', async () => {
    ui.locale = 'zh_CN';
    const csv = await buildExport('csv', NOTES, NO_PRICES, true);
    expect(lines(csv.slice(1))[0]).toBe(
      '保存时间（UTC）,编辑时间（UTC）,资产名称,代码,笔记,标签,引文,页面,识别内容,当时的声明,当时价格（美元）,当时价格来源,现在价格（美元）,现在价格的时间（UTC）,现在价格是否过时,保存后涨跌（%）,当时的清单,笔记 ID',
    );
  });

  it('says claims, verdicts, boxes, out-of-date prices and a note without an asset in the page’s words', async () => {
    const prices = new Map<string, PriceNow>([
      ['cg:hyperliquid', { usd: 40, source: 'coingecko', fetchedAt: T0, asOf: null, stale: true }],
    ]);
    const csv = await buildExport('csv', NOTES, prices, true);
    expect(csv).toContain('No VC: no conflict in the data; Airdrop (28%): no conflict in the data');
    expect(csv).toContain(
      '2/5 · Revenue engine: pass · Token sink: pass · Supply cadence: unknown · Liquidity plan: fail · Adaptive governance: unknown',
    );
    expect(lines(csv)[2]).toContain(',out of date,');
    expect(lines(csv)[3]).toMatch(/^2026-12-01T11:30:00\.000Z,2026-12-01T11:30:00\.000Z,No asset,,/);

    ui.locale = 'zh_CN';
    const zh = await buildExport('csv', NOTES, prices, true);
    expect(zh).toContain('没有风投: 数据中无矛盾; 空投 (28%): 数据中无矛盾');
    expect(zh).toContain(
      '2/5 · 收入引擎: 通过 · 代币用途: 通过 · 供应节奏: 未知 · 流动性计划: 不通过 · 可调整的治理: 未知',
    );
    expect(lines(zh)[2]).toContain(',已过时,');
    expect(lines(zh)[3]).toContain(',无资产,');
  });
});

describe('the Markdown export', () => {
  it('is titled, dated in the page’s language, and says its facts in English', async () => {
    const prices = new Map<string, PriceNow>([
      ['cg:bittensor', { usd: 397.36, source: 'coingecko', fetchedAt: T0, asOf: null, stale: true }],
    ]);
    const md = await buildExport('md', NOTES, prices, true, T0);
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Tickerlens notes');
    // "Exported Dec 1, 2026, 9:30 AM" in the reader's time zone.
    expect(lines[2]).toMatch(/^Exported Dec [12], 2026, \d{1,2}:30\s[AP]M$/);
    expect(md).toContain('- Tags: \\#L1, \\#AI, \\#观察');
    expect(md).toContain('- Price then: $361.24');
    // Price and change by the page's own formatting, the stale price said so.
    expect(md).toContain('- Price now: $397.36 \\(+10%, out of date\\)');
    expect(md).toContain(
      '- Claims then: No VC: no conflict in the data; Airdrop \\(28%\\): no conflict in the data',
    );
    expect(md).toContain('- Checklist then: 2/5 · Revenue engine: pass');
    expect(md).toContain('- Source: [x.com](https://x.com/someone/status/1?ref=a,b)');
    expect(md).toContain('## No asset');
    expect(md.endsWith('\n')).toBe(true);
    expect(worker.asked).toBe(0);
  });

  it('says the same in Chinese, dated as Chinese readers write dates', async () => {
    ui.locale = 'zh_CN';
    page('zh-CN');
    const md = await buildExport('md', NOTES, NO_PRICES, true, T0);
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Tickerlens 笔记');
    expect(lines[2]).toMatch(/^导出于 2026年12月[12]日 \d{2}:30$/);
    expect(md).toContain('- 标签: \\#L1');
    expect(md).toContain('- 当时价格: $361.24');
    expect(md).toContain('- 当时的声明: 没有风投: 数据中无矛盾');
    expect(md).toContain('- 当时的清单: 2/5 · 收入引擎: 通过');
    expect(md).toContain('- 来源: [x.com]');
    expect(md).toContain('## 无资产');
  });
});

describe('the page’s dates', () => {
  it('follow the page’s language, else the browser’s', () => {
    page('zh-CN');
    expect(words.dateTime(T0)).toMatch(/^2026年12月[12]日 \d{2}:30$/);
    page('');
    vi.stubGlobal('navigator', { language: 'en-US' });
    expect(words.dateTime(T0)).toMatch(/^Dec [12], 2026, \d{1,2}:30\s[AP]M$/);
  });

  it('name the checklist’s boxes and verdicts and the claims’ verdicts as the popup does', () => {
    expect(words.boxLabel('liquidity')).toBe('Liquidity plan');
    expect(words.boxVerdictLabel('unknown')).toBe('unknown');
    expect(words.claimVerdictLabel('agrees')).toBe('no conflict in the data');
    expect(words.claimVerdictLabel('contradicts')).toBe('the data contradicts it');
    expect(words.claimVerdictLabel('unknown')).toBe('not checkable yet');
    ui.locale = 'zh_CN';
    expect(words.claimVerdictLabel('contradicts')).toBe('数据与之矛盾');
    expect(words.claimVerdictLabel('unknown')).toBe('暂无法核对');
  });

  it('give every export word, none of them a bare key', () => {
    for (const locale of ['en', 'zh_CN']) {
      ui.locale = locale;
      const w = words.exportWords();
      const said = [
        w.noAsset,
        w.stale,
        w.title,
        w.tags,
        w.priceThen,
        w.priceNow,
        w.claimsThen,
        w.checklistThen,
        w.source,
      ];
      for (const word of said) expect(word).not.toMatch(/^notes[A-Z]/);
      expect(Object.values(words.csvHeaders()).every((h) => h && !/^notes[A-Z]/.test(h))).toBe(true);
    }
    ui.locale = 'en';
    const w = words.exportWords();
    expect([w.noAsset, w.stale, w.title, w.tags, w.source]).toEqual([
      'No asset',
      'out of date',
      'Tickerlens notes',
      'Tags',
      'Source',
    ]);
    expect(w.exported('today')).toBe('Exported today');
    expect(w.usd(1234.5)).toBe('$1,235');
    expect(w.pct(-12.345)).toBe('-12.3%');
    expect(w.claim('no-vc')).toBe('No VC');
  });
});

describe('the JSON backup', () => {
  it('of every note holds every override and pin, dated, and reads back as the same notes', async () => {
    const json = await buildExport('json', NOTES, NO_PRICES, true, T0);
    expect(json.endsWith('}\n')).toBe(true);
    // Indented for a reader who opens it.
    expect(json.split('\n')[1]).toBe('  "format": "tickerlens-notes",');
    const file = JSON.parse(json);
    expect(file).toMatchObject({
      format: 'tickerlens-notes',
      version: 1,
      exportedAt: '2026-12-01T09:30:00.000Z',
    });
    const read = readNotesFile(json);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    const back = fromNotesFile(read.file);
    expect(back.checklist).toEqual(overrides);
    expect(back.pins).toEqual(pins);
    expect(back.notes.map((n) => n.uid)).toEqual(NOTES.map((n) => n.uid));
    expect(worker.asked).toBe(1);
  });

  it('of some notes holds only the overrides and pins of their assets', async () => {
    const some = NOTES.filter((n) => n.assetId === 'cg:bittensor' || n.assetId === 'cg:hyperliquid');
    const file = JSON.parse(await buildExport('json', some, NO_PRICES, false, T0));
    expect(file.checklist.map((c: ChecklistRecord) => c.assetId)).toEqual(['cg:bittensor']);
    expect(file.pins.map((p: PinRecord) => p.key)).toEqual(['TAO', 'HYPE']);
    expect(file.notes).toHaveLength(2);
  });

  it('is dated now when no time is given', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0 + 1234);
    expect(JSON.parse(await buildExport('json', [], NO_PRICES, true)).exportedAt).toBe(
      '2026-12-01T09:30:01.234Z',
    );
  });
});

describe('the download', () => {
  let blobs: Blob[];
  let revoked: string[];
  let clicks: Array<{ href: string; download: string; hidden: boolean; inPage: boolean }>;

  beforeEach(() => {
    blobs = [];
    revoked = [];
    clicks = [];
    vi.stubGlobal('URL', {
      createObjectURL: (b: Blob) => {
        blobs.push(b);
        return `blob:chrome-extension://tickerlens/${blobs.length}`;
      },
      revokeObjectURL: (u: string) => revoked.push(u),
    });
    document.addEventListener('click', (e) => {
      const a = e.target as HTMLAnchorElement;
      clicks.push({
        href: a.getAttribute('href') ?? '',
        download: a.getAttribute('download') ?? '',
        hidden: a.hidden,
        inPage: a.parentNode === document.body,
      });
    });
  });

  it('clicks a hidden link to the file with its name, then takes the link away', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 11, 6, 9));
    download('csv', '\uFEFFa,b\r\n');
    expect(clicks).toEqual([
      {
        href: 'blob:chrome-extension://tickerlens/1',
        download: 'tickerlens-notes-2026-12-06.csv',
        hidden: true,
        inPage: true,
      },
    ]);
    expect(document.querySelector('a')).toBeNull();
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    // The byte-order mark stays in the file's bytes (spreadsheets read Chinese right by it).
    const bytes = new Uint8Array((await blobs[0]?.arrayBuffer()) ?? new ArrayBuffer(0));
    expect([...bytes]).toEqual([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a,b\r\n')]);
  });

  it('types each kind of file, and takes a given name', () => {
    download('json', '{}', 'mine.json');
    download('md', '# x');
    expect(blobs.map((b) => b.type)).toEqual(['application/json', 'text/markdown;charset=utf-8']);
    expect(clicks.map((c) => c.download)).toEqual([
      'mine.json',
      expect.stringMatching(/^tickerlens-notes-\d{4}-\d\d-\d\d\.md$/),
    ]);
  });

  it('lets the file go only a minute later, once the download has its own copy', () => {
    vi.useFakeTimers();
    download('json', '{}');
    vi.advanceTimersByTime(59_999);
    expect(revoked).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(revoked).toEqual(['blob:chrome-extension://tickerlens/1']);
  });
});
