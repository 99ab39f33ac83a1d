/**
 * X handles ("@bittensor_"). X's rules: 1–15 of [A-Za-z0-9_] after '@' (or the fullwidth '＠').
 *
 * - Not preceded by an ASCII word character, a letter of an alphabetic script, or one of
 *   ! # $ % & * @ ＠ (twitter-text's list): so "name@example.com" is an e-mail, not a handle, and
 *   "@@x" is nothing. The old retweet prefix "RT@name" / "RT:@name" still counts, as in twitter-text.
 * - Not followed by another '@' ("@user@mastodon.social" is a fediverse address), by a letter of an
 *   alphabetic script, or by "://" (a URL scheme).
 * - Not a scoped package ("npm install @defillama/api", "from '@defillama/api'"): '@' right after a
 *   quote or an install command and followed by '/' names code, not an account.
 * - A run of more than 15 word characters is not a handle at all. twitter-text would still link its
 *   first 20 characters; X has not allowed handles longer than 15 for years, so we report nothing.
 */
import * as charclass from './charclass';
import type { Match } from './types';

// Module-local bindings of the hot imports: a test runner that rewrites imports into property reads
// (vitest's SSR transform) would otherwise pay a getter call per character; bundlers hoist them anyway.
const { ALPHA, CLASS, WORD } = charclass;

export const MAX_HANDLE_LENGTH = 15;

const FULLWIDTH_AT = 0xff20;

function isAt(c: number): boolean {
  return c === 0x40 || c === FULLWIDTH_AT;
}

function isRtPrefix(text: string, end: number): boolean {
  // "RT" (any case) ending at `end`, itself at the start of text or after a non-word character.
  if (end < 2) return false;
  if ((text.charCodeAt(end - 2) | 0x20) !== 0x72 || (text.charCodeAt(end - 1) | 0x20) !== 0x74) return false;
  return end === 2 || ((CLASS[text.charCodeAt(end - 3)] ?? 0) & (WORD | ALPHA)) === 0;
}

function precedingOk(text: string, i: number): boolean {
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  if (isAt(p)) return false;
  if (p === 0x21 || p === 0x23 || p === 0x24 || p === 0x25 || p === 0x26 || p === 0x2a) return false;
  if (p === 0x3a) return true; // "cc:@x", "RT:@x"
  const f = CLASS[p] ?? 0;
  if (f & WORD) return isRtPrefix(text, i);
  return (f & ALPHA) === 0;
}

/** A quote or an install command ("npm install", "yarn add", "pnpm i") right before the '@' at `i`. */
function isPackageScope(text: string, i: number): boolean {
  const p = text.charCodeAt(i - 1);
  if (p === 0x27 || p === 0x22 || p === 0x60) return true;
  return /\b(?:install|add|i)\s+$/.test(text.slice(Math.max(0, i - 12), i));
}

/** The handle starting at `i` (where `text[i]` is '@' or '＠'), or null. */
export function matchHandleAt(text: string, i: number): Match | null {
  if (!isAt(text.charCodeAt(i)) || !precedingOk(text, i)) return null;
  const n = text.length;
  let j = i + 1;
  while (j < n && ((CLASS[text.charCodeAt(j)] ?? 0) & WORD) !== 0) j++;
  const len = j - i - 1;
  if (len === 0 || len > MAX_HANDLE_LENGTH) return null;
  if (j < n) {
    const c = text.charCodeAt(j);
    if (isAt(c) || ((CLASS[c] ?? 0) & ALPHA) !== 0) return null;
    if (c === 0x3a && text.charCodeAt(j + 1) === 0x2f && text.charCodeAt(j + 2) === 0x2f) return null;
    if (c === 0x2f && isPackageScope(text, i)) return null;
  }
  const t = text.slice(i, j);
  return { kind: 'handle', text: t, start: i, end: j, handle: t.slice(1) };
}
