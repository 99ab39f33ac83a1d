/**
 * NameMatcher's contract (name-matcher.ts), on its own: matchLatin answers the end of the longest
 * entry at a word start, with the entry in lastEntry, or -1; the scanner relies on -1 never being a
 * position. The built-in dictionary's entries.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_NAMES } from '../../../utils/detect';
import { hashWord } from '../../../utils/detect/charclass';
import { NameMatcher } from '../../../utils/detect/name-matcher';

const at = (text: string, i: number) => {
  const m = new NameMatcher(DEFAULT_NAMES);
  const word = /^[A-Za-z0-9_]+/.exec(text.slice(i))?.[0] ?? '';
  const end = m.matchLatin(text, i, hashWord(word));
  return { end, key: end >= 0 ? m.lastEntry?.key : undefined };
};

describe('NameMatcher.matchLatin', () => {
  it('the end of the longest entry at the word, with that entry', () => {
    expect(at('Bitcoin Cash rose', 0)).toEqual({ end: 12, key: 'bitcoin-cash' });
    expect(at('Bitcoin rose', 0)).toEqual({ end: 7, key: 'bitcoin' });
    expect(at('x Bitcoin', 2)).toEqual({ end: 9, key: 'bitcoin' });
  });

  it('-1 for a word that starts no entry, or one glued to "$", "@" or a foreign letter', () => {
    expect(at('Hello world', 0).end).toBe(-1);
    expect(at('$Bitcoin', 1).end).toBe(-1);
    expect(at('@Bitcoin', 1).end).toBe(-1);
    expect(at('éBitcoin', 1).end).toBe(-1);
    expect(at('Bitcoiner', 0).end).toBe(-1);
  });
});
