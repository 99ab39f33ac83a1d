/**
 * Launch claims ("no VC", "28% airdrop", "公平发射"): a small token-pattern matcher for English and a
 * phrase table for Chinese, both driven by the data in claim-patterns.ts.
 *
 * English patterns live in a token trie (claim-trie.ts) whose first level is keyed by the folded hash
 * the scanner already computes per word; patterns that open with a number are tried at the start of
 * a number when what follows could continue one. An attempt walks at most MAX_TOKENS tokens and keeps
 * the longest match, so the cost per word is bounded and the whole scan stays linear.
 *
 * Negation. A claim is dropped when it is negated within its clause (clauses end at . , ; : ! ? and
 * their CJK forms, and at the end of the previous match):
 *   English: one of NEGATORS among the four words before it ("this is NOT a fair launch", "not
 *   community only", "isn't fair launched"), except "not only"/"not just" which strengthen; "no" counts
 *   only right before a claim that is not itself negative ("no fair launch", but "no insiders no VC"
 *   keeps both).
 *   Chinese: a negator among the eight characters before it: 不 没 沒 未 无 無 非 别 別 for a positive
 *   phrase (不是公平发射, 没有空投), except 不仅/不僅/不只/不但 and 非但/非仅/非僅/非只 ("not only");
 *   only 不是/并非/並非 for a phrase that is itself negative (不是没有风投).
 * A negated claim is skipped whole, so none of its parts is reported either.
 */

import * as charclass from './charclass';
import * as claimPatterns from './claim-patterns';
import { ClaimTrie, numberValue, Tokens } from './claim-trie';
import { PhraseTable } from './phrases';
import type { ClaimId, Match } from './types';

// Module-local bindings of the hot imports: a test runner that rewrites imports into property reads
// (vitest's SSR transform) would otherwise pay a getter call per character; bundlers hoist them anyway.
const { ALPHA, CLASS, CLAUSE, DIGIT, hashWord, LOWER, SPACE, UPPER, WORD } = charclass;
const { EN_CLAIM_PATTERNS, ZH_CLAIM_PHRASES } = claimPatterns;

const TRIE = new ClaimTrie(EN_CLAIM_PATTERNS);

const ZH_TABLE = new PhraseTable(
  ZH_CLAIM_PHRASES.map(([claim, text, negative]) => ({ text, payload: { claim, negative } })),
);

// ── negation ──────────────────────────────────────────────────────────────────

const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  'never',
  'no',
  'nor',
  'neither',
  'hardly',
  'isnt',
  'wasnt',
  'arent',
  'werent',
  'aint',
  'dont',
  'doesnt',
  'didnt',
  'wont',
  'cant',
  'cannot',
  'fake',
]);

function isLetterOrApostrophe(c: number): boolean {
  return ((CLASS[c] ?? 0) & (UPPER | LOWER)) !== 0 || c === 0x27 || c === 0x2019;
}

/** English negation rule (see header). `floor` is where the lookback stops (end of the previous match). */
export function negatedEn(text: string, start: number, floor: number, negative: boolean): boolean {
  let k = start;
  let words = 0;
  let closer = ''; // the word read just before, i.e. the one between the candidate negator and the claim
  while (words < 4 && k > floor) {
    const c = text.charCodeAt(k - 1);
    const f = CLASS[c] ?? 0;
    if (f & SPACE) {
      if (c === 0x0a) return false;
      k--;
      continue;
    }
    if (f & CLAUSE) return false;
    if (!isLetterOrApostrophe(c)) {
      k--;
      continue;
    }
    let s = k - 1;
    while (s > floor && isLetterOrApostrophe(text.charCodeAt(s - 1))) s--;
    const w = text.slice(s, k).toLowerCase().replace(/['’]/g, '');
    if (NEGATORS.has(w) && closer !== 'only' && closer !== 'just') {
      if (w !== 'no' || (words === 0 && !negative)) return true;
    }
    closer = w;
    words++;
    k = s;
  }
  return false;
}

const ZH_NEGATORS = '不没沒未无無非别別';
/** 不仅, 非但 …: "not only", which strengthens what follows. */
const ZH_NOT_ONLY_FIRST = '不非';
const ZH_NOT_ONLY = '仅僅只但';
const ZH_EXPLICIT: readonly string[] = ['不是', '并非', '並非'];
const ZH_LOOKBACK = 8;

/** Chinese negation rule (see header). */
export function negatedZh(text: string, start: number, floor: number, negative: boolean): boolean {
  let s = start;
  const limit = Math.max(floor, start - ZH_LOOKBACK);
  while (s > limit && ((CLASS[text.charCodeAt(s - 1)] ?? 0) & CLAUSE) === 0) s--;
  const seg = text.slice(s, start);
  if (negative) return ZH_EXPLICIT.some((x) => seg.includes(x));
  for (let k = 0; k < seg.length; k++) {
    if (!ZH_NEGATORS.includes(seg.charAt(k))) continue;
    const next = seg.charAt(k + 1); // '' at the end, which `includes` would accept
    if (next && ZH_NOT_ONLY_FIRST.includes(seg.charAt(k)) && ZH_NOT_ONLY.includes(next)) continue;
    return true;
  }
  return false;
}

// ── matching ──────────────────────────────────────────────────────────────────

export interface ClaimHit {
  claim: ClaimId;
  start: number;
  end: number;
  /** The claim's number, or undefined (always present, so every hit has the same shape). */
  value: number | undefined;
  /** Negated claims are returned too, so the scanner can skip their text; never reported. */
  negated: boolean;
}

const tokens = new Tokens();
function bestEnglish(text: string, i: number, floor: number): ClaimHit | null {
  tokens.reset(text, i);
  const m = TRIE.longest(tokens);
  if (!m?.terminal) return null;
  const end = tokens.end[m.tokens - 1] ?? i;
  return {
    claim: m.terminal.claim,
    start: i,
    end,
    value: m.value,
    negated: negatedEn(text, i, floor, m.terminal.negative),
  };
}

/** The English claim at word start `i` whose first word has folded hash `hash`, or null. */
export function matchEnglishClaimAt(text: string, i: number, hash: number, floor: number): ClaimHit | null {
  return TRIE.hasFirstWord(hash) ? bestEnglish(text, i, floor) : null;
}

/**
 * The number-led English claim at `i` (the start of a number), or null. Numbers are everywhere in
 * prose, so a cheap look at what follows the number rules out nearly all of them first: every
 * number-led pattern continues with '%', '/', "percent", or (after a zero) a word.
 */
export function matchNumberClaimAt(text: string, i: number, floor: number): ClaimHit | null {
  const n = text.length;
  let k = i;
  let zero = true;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (((CLASS[c] ?? 0) & DIGIT) !== 0) {
      if (c !== 0x30) zero = false;
      k++;
    } else if ((c === 0x2e || c === 0x2c) && ((CLASS[text.charCodeAt(k + 1)] ?? 0) & DIGIT) !== 0) k++;
    else break;
  }
  while (k < n && text.charCodeAt(k) === 0x20) k++;
  const c = text.charCodeAt(k);
  if (c !== 0x25 && c !== 0xff05 && c !== 0x2f) {
    if (((CLASS[c] ?? 0) & (UPPER | LOWER)) === 0) return null;
    if (!zero && (c | 0x20) !== 0x70) return null; // 'p' of percent / pct
  }
  return bestEnglish(text, i, floor);
}

/** Folded hashes of every word an English pattern can open with. */
export const CLAIM_WORD_HASHES: readonly number[] = TRIE.firstWordHashes();

/**
 * Folded hashes of the ASCII words that open Chinese phrases ("TGE" of TGE即将来临, "LP" of LP已销毁,
 * "100" of 100%社区): the scanner tries the phrase table at a word only when its hash is one of these.
 */
export const ZH_ASCII_OPENER_HASHES: readonly number[] = (() => {
  const out = new Set<number>();
  for (const [, text] of ZH_CLAIM_PHRASES) {
    let k = 0;
    while (k < text.length && ((CLASS[text.charCodeAt(k)] ?? 0) & WORD) !== 0) k++;
    if (k > 0) out.add(hashWord(text.slice(0, k)));
  }
  return [...out];
})();

/** Every code unit a Chinese phrase starts with (ASCII folded). */
export function zhClaimStartCodes(): IterableIterator<number> {
  return ZH_TABLE.startCodes();
}

/** The Chinese claim phrase at `i`, with the airdrop percentage when one is attached, or null. */
export function matchZhClaimAt(text: string, i: number, floor: number): ClaimHit | null {
  const p = ZH_TABLE.longestAt(text, i);
  if (!p) return null;
  const { claim, negative } = p.payload;
  let start = i;
  let end = i + p.text.length;
  let value: number | undefined;
  if (claim === 'airdrop') {
    const after = percentAfter(text, end);
    if (after) {
      end = after.end;
      value = after.value;
    } else {
      const before = percentBefore(text, start, floor);
      if (before) {
        start = before.start;
        value = before.value;
      }
    }
  }
  return { claim, start, end, value, negated: negatedZh(text, start, floor, negative) };
}

function isDigitAt(text: string, k: number): boolean {
  return ((CLASS[text.charCodeAt(k)] ?? 0) & DIGIT) !== 0;
}

/** A ',' between two digits: part of the number ("1,000", "10,5"), not the end of a clause. */
function isGroupCommaAt(text: string, k: number): boolean {
  return text.charCodeAt(k) === 0x2c && isDigitAt(text, k - 1) && isDigitAt(text, k + 1);
}

const ZH_FILLERS = '了约約高达達占佔共';

/** "空投28%", "空投了 28%", "空投约5％": the number and percent sign after the phrase. */
function percentAfter(text: string, end: number): { end: number; value: number } | null {
  let k = end;
  let skipped = 0;
  while (k < text.length && skipped < 3) {
    const c = text.charCodeAt(k);
    if (((CLASS[c] ?? 0) & SPACE) !== 0 || ZH_FILLERS.includes(text.charAt(k))) {
      k++;
      skipped++;
    } else break;
  }
  const s = k;
  while (k < text.length && (isDigitAt(text, k) || text.charCodeAt(k) === 0x2e || isGroupCommaAt(text, k)))
    k++;
  if (k === s || !isDigitAt(text, s)) return null;
  const pc = text.charCodeAt(k);
  if (pc !== 0x25 && pc !== 0xff05) return null;
  const value = numberValue(text.slice(s, k));
  return Number.isFinite(value) ? { end: k + 1, value } : null;
}

/** "28%空投", "28% 的空投": the number and percent sign before the phrase, not reaching below `floor`. */
function percentBefore(text: string, start: number, floor: number): { start: number; value: number } | null {
  let k = start;
  if (k > floor && text.charAt(k - 1) === '的') k--;
  while (k > floor && ((CLASS[text.charCodeAt(k - 1)] ?? 0) & SPACE) !== 0) k--;
  const pc = text.charCodeAt(k - 1);
  if (k <= floor || (pc !== 0x25 && pc !== 0xff05)) return null;
  const e = k - 1;
  let s = e;
  while (
    s > floor &&
    (isDigitAt(text, s - 1) ||
      text.charCodeAt(s - 1) === 0x2e ||
      (s - 1 > floor && isGroupCommaAt(text, s - 1)))
  )
    s--;
  if (s === e || !isDigitAt(text, s)) return null;
  if (s > 0 && ((CLASS[text.charCodeAt(s - 1)] ?? 0) & (WORD | ALPHA)) !== 0) return null;
  const value = numberValue(text.slice(s, e));
  return Number.isFinite(value) ? { start: s, value } : null;
}

/** Builds the reported match of a claim hit. */
export function claimMatch(text: string, hit: ClaimHit): Match {
  const t = text.slice(hit.start, hit.end);
  return hit.value !== undefined
    ? { kind: 'claim', text: t, start: hit.start, end: hit.end, claim: hit.claim, value: hit.value }
    : { kind: 'claim', text: t, start: hit.start, end: hit.end, claim: hit.claim };
}
