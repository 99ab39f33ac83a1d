/**
 * Adversarial inputs of 1 MB (2^20 UTF-16 code units) each: the scan must stay linear. The bound here
 * is deliberately generous (machines under load, test files running in parallel); each input is
 * timed as the best of three runs after a warm-up, so a scheduling hiccup does not fail the build.
 * `npm run bench` reports the real figures against the 50 ms goal.
 */
import { describe, expect, it } from 'vitest';
import { detectCashtags } from '../../../utils/detect';
import { loadSymbols } from './fixture-data';
import { invariantViolation, prng, realDetector } from './helpers';

const SIZE = 1 << 20;
const BOUND_MS = 500;

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

const INPUTS: [string, () => string][] = [
  ['$$$$…', () => fill('$')],
  ['0x0x0x…', () => fill('0x')],
  ['one long base58 run', () => fill('A1b2C3d4E5f6G7h8J9k')],
  ['mixed CJK and emoji', mixedCjkEmoji],
  ['dictionary words and emoji only', () => fill('比特币🚀以太坊😀市場空投')],
  ['"$A" repeated', () => fill('$A')],
  ['"@a" repeated', () => fill('@a')],
  ['ambiguous names without context', () => fill('Meta Near ')],
  ['claim openers that never complete', () => fill('no 0% lp ')],
  ['digits', () => fill('1234567890')],
  ['one 1 MB word', () => fill('a')],
  ['URL-ish', () => fill('https://x.com/')],
];

describe('1 MB adversarial inputs stay linear', () => {
  const detector = realDetector();
  for (const [label, make] of INPUTS) {
    it(`${label}: under ${BOUND_MS} ms`, () => {
      const text = make();
      expect(text.length).toBe(SIZE);
      let matches = detector.detect(text); // warm up
      let ms = Number.POSITIVE_INFINITY;
      for (let run = 0; run < 3; run++) {
        const t0 = performance.now();
        matches = detector.detect(text);
        ms = Math.min(ms, performance.now() - t0);
      }
      console.log(`${label}: ${ms.toFixed(1)} ms, ${matches.length} matches`);
      expect(ms).toBeLessThan(BOUND_MS);
      expect(invariantViolation(text, matches)).toBeNull();
    });
  }

  it('the cashtag fast path on 1 MB of "$" and of "$A"', () => {
    const symbols = loadSymbols();
    for (const text of [fill('$'), fill('$A '), fill('$$A')]) {
      detectCashtags(text, symbols);
      const t0 = performance.now();
      detectCashtags(text, symbols);
      expect(performance.now() - t0).toBeLessThan(BOUND_MS);
    }
  });
});
