/**
 * The Markdown export as a reader opens it (utils/notes/markdown.ts), whole: the title and the
 * export time, one section per asset in alphabetical order, each note under its time with its
 * paragraphs, the quoted post and a list of facts, and nothing said of what a note does not hold
 * (no empty quote, no empty list, no link to a page that is not a web page).
 *
 * HAND-MADE notes in the shape the database stores (utils/db/records.ts), not real posts.
 */
import { describe, expect, it } from 'vitest';
import type { NoteRecord } from '../../../utils/db/records';
import { escapeInline, notesToMarkdown, pageLink } from '../../../utils/notes/markdown';
import type { PriceNow } from '../../../utils/notes/view';
import { MD_WORDS } from './fixtures';

const T0 = Date.UTC(2026, 11, 1, 9, 30);
const HOUR = 3_600_000;

const base = { tags: [], createdAt: T0, updatedAt: T0 };

const tao: NoteRecord = {
  ...base,
  uid: '0b7e3a52-5a0c-4c55-9d7f-2f2d6c1e8a01',
  assetId: 'cg:bittensor',
  assetName: 'Bittensor',
  assetSymbol: 'TAO',
  // A blank first line, an indented line, paragraphs parted by a line of spaces and by several
  // empty lines, and lines a renderer would read as a list.
  text: '  \nSubnet emissions still grow.\n   Watch the unlocks.\n  \n- not a list\n\n\n1. nor this',
  tags: ['L1', '观察'],
  capture: {
    quote: 'Bitcoin holds while $TAO runs.\n\n> not a quote',
    url: 'https://x.com/a/status/1',
    detected: '$TAO',
    priceUsd: 361.24,
    claims: [{ claim: 'no-vc', verdict: 'contradicts' }],
    checklist: { assetId: 'cg:bittensor', at: T0, score: 1, boxes: [{ box: 'revenue', verdict: 'pass' }] },
  },
};

const aave: NoteRecord = {
  ...base,
  uid: '5f1c9d0e-8b3a-4a7e-a1c2-9e8d7f6a5b02',
  assetId: 'cg:aave',
  createdAt: T0 + HOUR,
  updatedAt: T0 + HOUR,
  text: 'Check WWW.aave.com first',
  // A quote of white space only, a price then of zero, a page that is no web page.
  capture: { quote: '   ', url: 'javascript:alert(1)', detected: 'Aave', priceUsd: 0 },
};

const bare: NoteRecord = {
  ...base,
  uid: 'c3d2e1f0-1111-4222-8333-444455556603',
  assetId: '',
  createdAt: T0 + 2 * HOUR,
  updatedAt: T0 + 2 * HOUR,
  text: '   ',
};

const prices = new Map<string, PriceNow>([
  ['cg:bittensor', { usd: 397.364, source: 'coingecko', fetchedAt: T0, asOf: null, stale: true }],
  ['cg:aave', { usd: 150, source: 'coingecko', fetchedAt: T0, asOf: null, stale: false }],
]);

describe('the Markdown export, whole', () => {
  it('reads title, time, then each asset in alphabetical order with its notes and their facts', () => {
    const md = notesToMarkdown([tao, bare, aave], prices, MD_WORDS, Date.UTC(2026, 11, 2));
    expect(md).toBe(
      [
        '# Tickerlens notes',
        '',
        'Exported 2026-12-02T00:00:00.000Z',
        '',
        '## aave',
        '',
        '### 2026-12-01T10:30:00.000Z',
        '',
        'Check WWW\\.aave.com first',
        '',
        '- Price then: $0',
        '- Price now: $150',
        '',
        '## Bittensor \\(TAO\\)',
        '',
        '### 2026-12-01T09:30:00.000Z',
        '',
        'Subnet emissions still grow.\\',
        'Watch the unlocks.',
        '',
        '\\- not a list',
        '',
        '1\\. nor this',
        '',
        '> Bitcoin holds while $TAO runs.',
        '>',
        '> \\> not a quote',
        '',
        '- Tags: \\#L1, \\#观察',
        '- Price then: $361.24',
        '- Price now: $397.364 \\(+10.0%, out of date\\)',
        '- Claims then: No VC: contradicts',
        '- Checklist then: 1/5 · revenue: pass',
        '- Source: [x.com](https://x.com/a/status/1)',
        '',
        '## No asset',
        '',
        '### 2026-12-01T11:30:00.000Z',
        '',
      ].join('\n'),
    );
  });

  it('keeps the notes of one asset together, in the order given', () => {
    const later = {
      ...tao,
      uid: 'aaaaaaaa-5a0c-4c55-9d7f-2f2d6c1e8a01',
      createdAt: T0 + 5 * HOUR,
      text: 'later',
    };
    const md = notesToMarkdown([later, aave, tao], new Map(), MD_WORDS, T0);
    expect(md.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '# Tickerlens notes',
      '## aave',
      '### 2026-12-01T10:30:00.000Z',
      '## Bittensor \\(TAO\\)',
      '### 2026-12-01T14:30:00.000Z',
      '### 2026-12-01T09:30:00.000Z',
    ]);
  });

  it('says a price now that is fresh and has no price then to compare with, without brackets', () => {
    const md = notesToMarkdown(
      [{ ...tao, capture: { ...(tao.capture as NonNullable<NoteRecord['capture']>), priceUsd: null } }],
      new Map([['cg:bittensor', { ...(prices.get('cg:bittensor') as PriceNow), stale: false }]]),
      MD_WORDS,
      T0,
    );
    expect(md).toContain('\n- Price now: $397.364\n');
    expect(md).not.toContain('Price then');
  });
});

describe('escaping what a renderer would link', () => {
  it('breaks a bare www. address in any letter case, and keeps what it shows', () => {
    expect(escapeInline('see www.evil.example or WWW.Evil.example')).toBe(
      'see www\\.evil.example or WWW\\.Evil.example',
    );
  });

  it('percent-encodes in two hex digits what could end a link early', () => {
    expect(pageLink('https://example.com/a(b)c[d]')).toBe(
      '[example.com](https://example.com/a%28b%29c%5Bd%5D)',
    );
  });
});
