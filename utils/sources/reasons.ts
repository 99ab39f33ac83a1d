/**
 * Why a figure is stale, said for a reader. The data service keeps the plain technical reason
 * ("CoinGecko: backing off after network error: Failed to fetch until 2026-11-21T23:33:21.170Z;
 * DefiLlama: …"), which the options page's request log and the tests read. The card shows this
 * instead: each source once, what went wrong in a few words, in the UI language, and when it is
 * tried again in local time ("CoinGecko: unreachable, next try 23:33 · DefiLlama: unreachable").
 * It runs in the background, so the content script carries none of it.
 */
import type { MessageKey } from '../i18n-keys';

export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

/** Source names as the data service writes them, and how the card names them. */
const SOURCES: Array<[RegExp, string]> = [
  [/^CoinGecko( treasuries)?$/, 'CoinGecko'],
  [/^DefiLlama( emissions| fees)?$/, 'DefiLlama'],
  [/^GoPlus$/, 'GoPlus'],
  [/^stocks$/, 'Yahoo'],
  [/^coin list$/, 'CoinGecko'],
];

/** What went wrong, by the words the service and `fetchJson` use (checked in this order). */
const KINDS: Array<[RegExp, MessageKey]> = [
  [/circuit open/, 'staleWhyPaused'],
  [/rate limited \(429\)/, 'staleWhyRateLimited'],
  [/rate budget spent/, 'staleWhyBudget'],
  [/network error/, 'staleWhyUnreachable'],
  [/timed out/, 'staleWhyTimeout'],
  [/malformed JSON|unexpected answer shape|too large|answer is for|is the schedule of/, 'staleWhyUnreadable'],
  [/no Yahoo crumb/, 'staleWhyNoCrumb'],
  [
    /not in the answer|no price|not priced|not in the quote answer|no emissions schedule|no chart result/,
    'staleWhyNoFigure',
  ],
  [/not refreshed recently|older form/, 'staleWhyNotRefreshed'],
];

/** utils/sources/card.ts says a source-time limit as "source time older than 1 h" (or "7 d"). */
const SOURCE_OLD = /^source time older than (\d+) (h|d)$/;

/** "1 hour", "7 days", "1 小时": the limit in the reader's language (Intl's units). */
function span(n: number, unit: 'h' | 'd', locale?: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: unit === 'h' ? 'hour' : 'day',
    unitDisplay: 'long',
  }).format(n);
}

/**
 * The reader's version of a stale reason. Unknown wording is kept as it is (still better than
 * nothing); `time` formats the moment of the next try.
 */
export function readableReason(raw: string, t: Translate, time: (ms: number) => string): string {
  // "rate budget spent; next call in 12 s" is one reason, not two.
  const parts = raw
    .replace(/rate budget spent; next call in/g, 'rate budget spent, next call in')
    .split('; ');
  const said = new Map<string, string>();
  let previous = '';
  for (const part of parts) {
    const old = SOURCE_OLD.exec(part);
    if (old) {
      // The source's own age: said once, whatever the source (the card names it on the line).
      said.set(part, t('staleWhySourceOld', span(Number(old[1]), old[2] as 'h' | 'd')));
      continue;
    }
    const { source, rest } = sourceOf(part, previous);
    previous = source;
    const kind = KINDS.find(([re]) => re.test(rest))?.[1];
    const status = /HTTP (\d{3})/.exec(rest)?.[1];
    let what = kind ? t(kind) : status ? t('staleWhyHttp', status) : rest;
    const until = /until (\d{4}-\d{2}-\d{2}T[\d:.]+Z)/.exec(rest)?.[1];
    const next = until ? Date.parse(until) : Number.NaN;
    if (Number.isFinite(next)) what = `${what}, ${t('staleWhyNextTry', time(next))}`;
    const key = source || what;
    if (!said.has(key)) said.set(key, source ? `${source}: ${what}` : what);
  }
  return [...said.values()].join(' · ');
}

/** Splits "Source: reason" (nested prefixes like "stocks: quote: …" keep the outer source). */
function sourceOf(part: string, previous: string): { source: string; rest: string } {
  const colon = part.indexOf(': ');
  if (colon > 0) {
    const head = part.slice(0, colon);
    const named = SOURCES.find(([re]) => re.test(head))?.[1];
    if (named) return { source: named, rest: part.slice(colon + 2) };
  }
  // "…; not priced by DefiLlama": the source is named inside the words.
  if (/DefiLlama/.test(part)) return { source: 'DefiLlama', rest: part };
  return { source: previous, rest: part };
}

/** Local time of day, with the date when it is not today. */
export function nextTryTime(ms: number, now = Date.now(), locale?: string): string {
  const sameDay = new Date(ms).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(locale, {
    ...(sameDay ? {} : { month: 'short', day: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);
}
