/**
 * Extracts the accuracy corpus's passages from the real text in `../shared/fixtures` (run once with
 * `npx tsx scripts/accuracy-passages.ts`; the labels are written by hand in
 * test/fixtures/accuracy/corpus.json, which keeps each passage's text, source and language):
 *   - X posts (recorded GraphQL `full_text` and long-post text; the captured tweet DOM), one passage
 *     per paragraph;
 *   - CoinGecko's recorded names and descriptions (HTML tags dropped, as a page shows them), long
 *     descriptions one passage per sentence group;
 *   - DefiLlama's API spec prose and examples, Yahoo's recorded names, the GoPlus capture's address,
 *     Bitcoin's localised names (pycgapi);
 *   - twitter-text's conformance strings with cashtags, and those in Chinese, Japanese and Korean.
 * Prints the passages as JSON lines to stdout; nothing here labels anything.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { parse } from 'yaml';
import { loadCoinGeckoTexts, loadXPostTexts, sharedFixture } from '../test/unit/detect/fixture-data';

interface Passage {
  source: string;
  lang: string;
  text: string;
}

const out: Passage[] = [];
const seen = new Set<string>();
const MAX = 320;

function lang(text: string): string {
  if (/[\u4e00-\u9fff]/.test(text) && !/[\u3040-\u30ff]/.test(text)) return 'zh';
  if (/[\u3040-\u30ff]/.test(text)) return 'ja';
  if (/[\uac00-\ud7af]/.test(text)) return 'ko';
  if (/[\u0400-\u04ff]/.test(text)) return 'ru';
  return 'en';
}

function add(source: string, text: string, language?: string): void {
  const t = text.replace(/[ \t]+\n/g, '\n').trim();
  if (t.length < 3 || seen.has(t)) return;
  seen.add(t);
  out.push({ source, lang: language ?? lang(t), text: t });
}

/** Paragraphs, then sentence groups of at most MAX characters. */
function pieces(text: string): string[] {
  const res: string[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    if (para.length <= MAX) {
      res.push(para);
      continue;
    }
    let cur = '';
    for (const s of para.split(/(?<=[.!?。])\s+/)) {
      if (cur && cur.length + s.length + 1 > MAX) {
        res.push(cur);
        cur = s;
      } else cur = cur ? `${cur} ${s}` : s;
    }
    if (cur) res.push(cur);
  }
  return res;
}

const stripTags = (s: string): string => s.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');

for (const post of loadXPostTexts())
  for (const p of pieces(post)) add('x/graphql (full_text, note_tweet)', p);

for (const file of ['x-tweet-sample.html', 'x-tweet-quote.html', 'x-tweet-quote-video.html']) {
  const { document } = parseHTML(readFileSync(sharedFixture('x/dom', file), 'utf8'));
  for (const el of document.querySelectorAll('[data-testid="tweetText"]'))
    add(`x/dom/${file}`, el.textContent ?? '');
}

for (const { source, text } of loadCoinGeckoTexts()) for (const p of pieces(stripTags(text))) add(source, p);

const spec = JSON.parse(
  readFileSync(sharedFixture('defillama/defillama-openapi-free.json'), 'utf8'),
) as unknown;
const walk = (v: unknown, visit: (k: string, s: string) => void, key = ''): void => {
  if (typeof v === 'string') visit(key, v);
  else if (Array.isArray(v)) for (const x of v) walk(x, visit, key);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, visit, k);
};
walk(spec, (k, s) => {
  if (
    (k === 'summary' || k === 'description' || k === 'example') &&
    !/^(npm|pip|import|const|from)\b/.test(s)
  ) {
    for (const p of pieces(
      stripTags(s)
        .replace(/[#*|`]+/g, ' ')
        .replace(/ {2,}/g, ' '),
    ))
      add('defillama/defillama-openapi-free.json', p);
  }
});

for (const file of ['quote-AAPL.json', 'quote-BTC-USD.json', 'search-AAPL.json', 'search-BTC-USD.json']) {
  walk(JSON.parse(readFileSync(sharedFixture('stocks/yahoo', file), 'utf8')), (k, s) => {
    if (k === 'longName' || k === 'shortName' || k === 'longname' || k === 'shortname')
      add(`stocks/yahoo/${file}`, s);
  });
}

// Bitcoin's names in other scripts, as CoinGecko localises them (pycgapi's recorded /coins/bitcoin).
const localized = readFileSync(sharedFixture('coingecko/pycgapi/coins_id_mock.py'), 'utf8');
for (const m of localized.matchAll(/"(ru|ja|zh|zh-tw|ko)": "([^"]+)"/g)) {
  const [, code = '', name = ''] = m;
  add('coingecko/pycgapi/coins_id_mock.py (localization)', name, code === 'zh-tw' ? 'zh' : code);
}

const goplus = readFileSync(sharedFixture('goplus/goplus_token_security_WETH_2026-10-08.capture.md'), 'utf8');
for (const line of goplus.split('\n'))
  if (line.startsWith('  {"addr"'))
    add('goplus/goplus_token_security_WETH_2026-10-08.capture.md', line.trim());

const CJK = /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/;
for (const file of ['extract.yml', 'autolink.yml', 'validate.yml']) {
  const doc = parse(readFileSync(sharedFixture('twitter-text', file), 'utf8')) as {
    tests: Record<string, Array<{ text?: unknown }>>;
  };
  for (const [group, cases] of Object.entries(doc.tests)) {
    for (const c of cases) {
      if (typeof c.text !== 'string') continue;
      if (group.startsWith('cashtags') || CJK.test(c.text))
        add(`twitter-text/${file} (${group})`, c.text.slice(0, 400));
    }
  }
}

for (const p of out) console.log(JSON.stringify(p));
