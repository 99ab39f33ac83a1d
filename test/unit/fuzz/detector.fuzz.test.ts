/**
 * Fuzzing the detector (issue 29): page text of any shape, hostile included (lookalike letters,
 * zero-width joiners, markup, bidi controls, lone surrogates, giant runs), never makes it throw,
 * and every match is a valid slice of the text, sorted, not overlapping.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invariantViolation, realDetector } from '../detect/helpers';
import { fuzz } from './params';

const detector = realDetector();

// biome-ignore format: a list reads better packed
const PIECES = [
  '$BTC', '$ETH', '$ЕТН', '$ВТС', '$B\u200dTC', '$\u200bBTC', 'B\u200cTC', '$btc', '$TAO', '$1INCH', '$', '@', '@bittensor_',
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', '0x', 'So11111111111111111111111111111111111111112', 'no VC',
  'fair launch', 'not a fair launch', '28% airdrop', '0% tax', '零税', '比特幣', '台積電', 'Bitcoin', 'NVIDIA',
  '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '\u202e', '\u2066', '\ud800', '\udfff', '😀', '\n', ' ', '.', ',',
];

const hostileText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('$', 'A', '9', ' ')
          .chain((c) => fc.integer({ min: 1, max: 3000 }).map((n) => c.repeat(n))),
      },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('fuzz: the detector', () => {
  it('never throws, and its matches are sorted, valid slices of the text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const matches = detector.detect(text);
        expect(invariantViolation(text, matches)).toBeNull();
        // Deterministic: the same text, the same answer.
        expect(detector.detect(text)).toEqual(matches);
      }),
      fuzz(),
    );
  });

  it('reads no lookalike (Cyrillic, zero-width inside) as the real ticker', () => {
    const lookalikes = ['$ЕТН', '$ВТС', '$B\u200dTC', '$BT\u200bC', '$Е\u200dTH'];
    fc.assert(
      fc.property(
        fc.constantFrom(...lookalikes),
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        (l, a, b) => {
          const text = `${a} ${l} ${b}`;
          for (const m of detector.detect(text)) {
            if (m.kind !== 'ticker') continue;
            const inside = m.start >= a.length + 1 && m.end <= a.length + 1 + l.length;
            if (inside) expect(['BTC', 'ETH']).not.toContain(m.symbol);
          }
        },
      ),
      fuzz(0.5),
    );
  });
});
