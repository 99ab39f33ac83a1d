/**
 * Property tests on random Unicode from a seeded PRNG: detect() never throws, offsets are valid
 * UTF-16 offsets with text === slice(start, end), matches are sorted and non-overlapping, every match
 * carries the fields of its kind, and the result is deterministic.
 */
import { describe, expect, it } from 'vitest';
import { CLAIM_IDS, type Match } from '../../../utils/detect';
import { invariantViolation, prng, realDetector } from './helpers';

/** Pieces that make matches likely, so the properties are exercised on hits, not only on noise. */
const PIECES = [
  '$TAO',
  '$BTC',
  '$1INCH',
  '$67k',
  '$',
  '@bittensor_',
  '@',
  'Bitcoin',
  'Meta',
  'shares',
  'token',
  'BTC',
  '3.125 BTC',
  '500 TAO',
  'no VC',
  'fair launch',
  'not',
  '28% airdrop',
  '0% tax',
  'LP burned',
  '比特币',
  '苹果',
  '股价',
  '没有风投',
  '不是',
  '空投',
  '28%',
  'TGE即將來臨',
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
  'https://x.com/',
  'www.',
  ' ',
  ' ',
  '\n',
  ',',
  '.',
  '(',
  ')',
  '“',
  '”',
];

function randomChar(random: () => number): string {
  const r = random();
  if (r < 0.3) return String.fromCharCode(0x20 + Math.floor(random() * 0x5f)); // printable ASCII
  if (r < 0.45) return String.fromCharCode(0x4e00 + Math.floor(random() * 0x5200)); // CJK
  if (r < 0.55) return String.fromCodePoint(0x1f300 + Math.floor(random() * 0x300)); // emoji (surrogate pair)
  if (r < 0.6) return String.fromCharCode(0xd800 + Math.floor(random() * 0x800)); // lone surrogate
  if (r < 0.7) return String.fromCharCode(0xc0 + Math.floor(random() * 0x1c0)); // Latin-1/Extended
  if (r < 0.75) return String.fromCharCode(0x3000 + Math.floor(random() * 0x40)); // CJK punctuation
  if (r < 0.8) return String.fromCharCode(Math.floor(random() * 0x10000)); // any code unit
  return PIECES[Math.floor(random() * PIECES.length)] ?? '';
}

function randomText(random: () => number, maxLen: number): string {
  const len = Math.floor(random() * maxLen);
  let t = '';
  for (let k = 0; k < len; k++) t += randomChar(random);
  return t;
}

function fieldsViolation(m: Match): string | null {
  switch (m.kind) {
    case 'ticker':
      return typeof m.symbol === 'string' && m.symbol.length > 0 && typeof m.cashtag === 'boolean'
        ? null
        : 'ticker fields';
    case 'name':
      return typeof m.nameKey === 'string' ? null : 'name fields';
    case 'handle':
      return m.handle === m.text.slice(1) ? null : 'handle fields';
    case 'address':
      return (m.chain === 'evm' || m.chain === 'solana') && typeof m.valid === 'boolean'
        ? null
        : 'address fields';
    case 'claim':
      return m.claim !== undefined && CLAIM_IDS.includes(m.claim) ? null : 'claim fields';
  }
}

describe('random Unicode', () => {
  const detector = realDetector();

  it('never throws; offsets valid; text === slice; sorted and non-overlapping; kind fields present (5,000 texts)', () => {
    const random = prng(20260711);
    for (let n = 0; n < 5000; n++) {
      const text = randomText(random, 60);
      const matches = detector.detect(text);
      const v = invariantViolation(text, matches);
      expect(v, JSON.stringify(text)).toBeNull();
      for (const m of matches) expect(fieldsViolation(m), JSON.stringify(m)).toBeNull();
    }
  });

  it('is deterministic and keeps no state between calls', () => {
    const random = prng(7);
    const texts = Array.from({ length: 300 }, () => randomText(random, 40));
    const first = texts.map((t) => detector.detect(t));
    const again = [...texts]
      .reverse()
      .map((t) => detector.detect(t))
      .reverse();
    expect(again).toEqual(first);
  });

  it('finds matches in a good share of the texts (the generator does exercise hits)', () => {
    const random = prng(3);
    let withMatches = 0;
    for (let n = 0; n < 1000; n++) if (detector.detect(randomText(random, 60)).length > 0) withMatches++;
    expect(withMatches).toBeGreaterThan(500);
  });

  it('a match found in isolation is found again when padded with spaces', () => {
    const random = prng(11);
    for (let n = 0; n < 500; n++) {
      const piece = PIECES[Math.floor(random() * PIECES.length)] ?? '';
      const alone = detector.detect(piece);
      const padded = detector.detect(`  ${piece}  `);
      expect(
        padded.map((m) => ({ ...m, start: m.start - 2, end: m.end - 2 })),
        piece,
      ).toEqual(alone);
    }
  });

  it('long random texts (20,000 chars) keep the invariants', () => {
    const random = prng(42);
    for (let n = 0; n < 20; n++) {
      const text = randomText(random, 20000);
      expect(invariantViolation(text, detector.detect(text))).toBeNull();
    }
  });
});
