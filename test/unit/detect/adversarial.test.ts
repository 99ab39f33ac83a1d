/**
 * Adversarial inputs of 1 MB (2^20 UTF-16 code units) each: what the detector finds in them, with
 * well-formed offsets. How fast it scans them (linear, < 500 ms worst case, < 50 ms for the issue's
 * four) is `npm run bench -- --only detect`'s to report: a timed test fails on a loaded machine.
 */
import { describe, expect, it } from 'vitest';
import type { Match } from '../../../utils/detect';
import { detectCashtags } from '../../../utils/detect';
import { loadSymbols } from './fixture-data';
import { invariantViolation, prng, realDetector } from './helpers';

const SIZE = 1 << 20;

function fill(unit: string): string {
  return unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
}

function mixedCjkEmoji(): string {
  const random = prng(1);
  const words = ['比特币', '以太坊', '空投', '苹果', '没有风投', '不是', '公平发射', '股价'];
  let t = '';
  while (t.length < SIZE) {
    const r = random();
    if (r < 0.7) t += String.fromCharCode(0x4e00 + Math.floor(random() * 0x5200));
    else if (r < 0.85) t += String.fromCodePoint(0x1f600 + Math.floor(random() * 0x50));
    else if (r < 0.9) t += '，';
    else t += words[Math.floor(random() * words.length)];
  }
  return t.slice(0, SIZE);
}

type Kinds = Partial<Record<Match['kind'], number>>;

/** Each input and what the detector finds in it: match counts by kind, or `undefined` (random text: offsets only). */
const INPUTS: [string, () => string, Kinds | undefined][] = [
  ['$$$$…', () => fill('$'), {}],
  ['0x0x0x…', () => fill('0x'), {}],
  ['one long base58 run', () => fill('A1b2C3d4E5f6G7h8J9k'), {}],
  ['mixed CJK and emoji', mixedCjkEmoji, undefined],
  // Every dictionary name, and every 空投 (airdrop) as a claim: a match every four characters.
  [
    'dictionary words and emoji only',
    () => fill('比特币🚀以太坊😀市場空投'),
    { name: 149_797, claim: 74_898 },
  ],
  // Only the first "$A" stands alone; every later one is glued to the "A" before it.
  ['"$A" repeated', () => fill('$A'), { ticker: 1 }],
  ['"@a" repeated', () => fill('@a'), {}],
  ['ambiguous names without context', () => fill('Meta Near '), {}],
  ['claim openers that never complete', () => fill('no 0% lp '), {}],
  ['digits', () => fill('1234567890'), {}],
  ['one 1 MB word', () => fill('a'), {}],
  ['URL-ish', () => fill('https://x.com/'), {}],
];

function kinds(matches: readonly Match[]): Kinds {
  const out: Kinds = {};
  for (const m of matches) out[m.kind] = (out[m.kind] ?? 0) + 1;
  return out;
}

describe('1 MB adversarial inputs', () => {
  const detector = realDetector();
  for (const [label, make, expected] of INPUTS) {
    it(`${label}: ${expected ? JSON.stringify(expected) : 'well-formed offsets'}`, () => {
      const text = make();
      expect(text.length).toBe(SIZE);
      const matches = detector.detect(text);
      expect(invariantViolation(text, matches)).toBeNull();
      if (expected) expect(kinds(matches)).toEqual(expected);
    });
  }

  it('the cashtag fast path on 1 MB of "$", "$A " and "$$A"', () => {
    const symbols = loadSymbols();
    expect(detectCashtags(fill('$'), symbols)).toEqual([]);
    // 349,525 whole "$A " units, then a lone "$".
    const spaced = fill('$A ');
    const found = detectCashtags(spaced, symbols);
    expect(found).toHaveLength(349_525);
    expect(invariantViolation(spaced, found)).toBeNull();
    expect(found.every((m) => m.kind === 'ticker' && m.text === '$A' && m.start % 3 === 0)).toBe(true);
    // A doubled "$" starts no cashtag.
    expect(detectCashtags(fill('$$A'), symbols)).toEqual([]);
  });
});
