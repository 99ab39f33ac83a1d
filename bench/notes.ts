/**
 * Notes page search for `npm run bench`: 5,000 notes, the page's own index and query code
 * (utils/notes/search.ts), the p95 of a query mix against the 50 ms goal. Node runs the
 * same V8 as the page; rendering is not timed here (the page shows 25 notes at a time).
 *
 * The notes: quotes are real post texts (recorded X posts and CoinGecko descriptions, cycled);
 * the user's words and tags are WRITTEN FOR THE BENCH, in English and Chinese, picked at random
 * with a fixed seed; assets from the packaged registry's leading coins and a few stocks.
 */
import { loadCoinGeckoTexts, loadXPostTexts } from '../test/unit/detect/fixture-data';
import { prng } from '../test/unit/detect/helpers';
import type { ClaimId } from '../utils/detect/types';
import type { NoteRow } from '../utils/notes/schema';
import { buildIndex, EMPTY_QUERY, type NotesQuery, searchNotes } from '../utils/notes/search';
import { changeSinceSaved, type PriceNow } from '../utils/notes/view';
import type { BenchSection } from './report';

const NOTES = 5_000;
const GOAL_MS = 50;
const ROUNDS = 20;

const ASSETS: Array<[string, string, string]> = [
  ['cg:bitcoin', 'Bitcoin', 'BTC'],
  ['cg:ethereum', 'Ethereum', 'ETH'],
  ['cg:solana', 'Solana', 'SOL'],
  ['cg:bittensor', 'Bittensor', 'TAO'],
  ['cg:hyperliquid', 'Hyperliquid', 'HYPE'],
  ['cg:the-graph', 'The Graph', 'GRT'],
  ['cg:usd-coin', 'USDC', 'USDC'],
  ['stock:MSTR', 'Strategy', 'MSTR'],
  ['stock:NVDA', 'NVIDIA', 'NVDA'],
  ['stock:TSM', 'Taiwan Semiconductor', 'TSM'],
];
const WORDS = [
  'Watch the unlock next month before adding.',
  'Team says no VC, but the schedule lists a private sale.',
  'Fees go to buybacks every day; check the 30-day revenue.',
  '解锁之前不要追高，先看看社区的反应。',
  '这个项目说没有风投，需要核实一下分配表。',
  '收入还在增长，回购也在继续。',
  'Took profit at the top of the range.',
  '等回调再买，注意流动性。',
  '',
];
const TAGS = ['L1', 'AI', 'perps', 'airdrop', 'risk', '观察', '长期', '短线', 'gas', 'unlocks'];
const CLAIMS: ClaimId[] = ['no-vc', 'airdrop', 'fair-launch', 'buyback-burn', 'token-launch'];

function makeNotes(): NoteRow[] {
  const quotes = [...loadXPostTexts(), ...loadCoinGeckoTexts().map((t) => t.text)].filter(
    (t) => t.length > 20,
  );
  const rnd = prng(25);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const t0 = Date.UTC(2026, 0, 1);
  return Array.from({ length: NOTES }, (_, i) => {
    const [assetId, assetName, assetSymbol] = pick(ASSETS);
    const tags = [...new Set(Array.from({ length: Math.floor(rnd() * 3) }, () => pick(TAGS)))];
    const claim = rnd() < 0.3 ? pick(CLAIMS) : undefined;
    return {
      id: i + 1,
      uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      assetId,
      assetName,
      assetSymbol,
      text: pick(WORDS),
      tags,
      createdAt: t0 + i * 3_600_000,
      updatedAt: t0 + i * 3_600_000,
      capture: {
        quote: (quotes[i % quotes.length] ?? '').slice(0, 4000),
        url: `https://x.com/someone/status/${i}`,
        detected: `$${assetSymbol}`,
        priceUsd: rnd() < 0.9 ? 10 + rnd() * 1000 : null,
        ...(claim ? { claim, claims: [{ claim, verdict: 'unknown' as const }] } : {}),
      },
    };
  });
}

const QUERIES: Array<Partial<NotesQuery>> = [
  { text: 'bitcoin' },
  { text: '比特币' },
  { text: 'no vc' },
  { text: '解锁' },
  { text: '$tao' },
  { text: '#观察' },
  { text: 'airdrop 28%' },
  { text: 'the' },
  { text: 'a' },
  { text: 'zzzz-nothing-matches' },
  { text: 'unlock schedule private sale' },
  { text: 'buyback', asset: 'cg:hyperliquid' },
  { tag: 'risk' },
  { claim: 'no-vc', sort: 'gain' },
  { text: 'eth', sort: 'loss' },
  { sort: 'oldest' },
];

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

export default async function run(): Promise<BenchSection> {
  const notes = makeNotes();
  const rnd = prng(7);
  const prices = new Map<string, PriceNow>(
    ASSETS.map(([id]) => [
      id,
      { usd: 10 + rnd() * 1000, source: 'coingecko', fetchedAt: 0, asOf: null, stale: false },
    ]),
  );
  const changeOf = (n: NoteRow) => changeSinceSaved(n, prices.get(n.assetId));
  const builds: number[] = [];
  let index = buildIndex(notes, prices, 'No asset');
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    index = buildIndex(notes, prices, 'No asset');
    builds.push(performance.now() - t0);
  }
  const times: number[] = [];
  let found = 0;
  for (let r = 0; r < ROUNDS + 2; r++)
    for (const q of QUERIES) {
      const t0 = performance.now();
      const out = searchNotes(index, { ...EMPTY_QUERY, ...q }, changeOf);
      const ms = performance.now() - t0;
      // The first two rounds warm the JIT up and are not counted.
      if (r >= 2) {
        times.push(ms);
        found += out.length;
      }
    }
  times.sort((a, b) => a - b);
  const p95 = quantile(times, 0.95);
  const chars = index.reduce((a, e) => a + e.hay.length, 0);
  return {
    title: 'Notes search (5,000 notes, utils/notes/search.ts)',
    figures: [
      { name: 'search p95', value: p95, unit: 'ms', goal: `≤ ${GOAL_MS} ms`, pass: p95 <= GOAL_MS },
      { name: 'search median', value: quantile(times, 0.5), unit: 'ms' },
      { name: 'search max', value: times.at(-1) ?? Number.NaN, unit: 'ms' },
      {
        name: 'index build',
        value: quantile(
          [...builds].sort((a, b) => a - b),
          0.5,
        ),
        unit: 'ms',
        note: 'once per page load',
      },
    ],
    notes: [
      `${NOTES} notes, ${(chars / 1e6).toFixed(2)} M characters indexed; ${QUERIES.length} queries × ${ROUNDS} rounds (${times.length} timed, ${Math.round(found / ROUNDS)} results per round)`,
      'queries: English and Chinese words, $symbol, #tag, several words, no match, with asset/tag/claim filters and each sort',
    ],
  };
}
