/** Context words: whole Latin words in any case, Chinese anywhere, punctuation taken literally. */
import { describe, expect, it } from 'vitest';
import { contextHits, scoreContext } from '../../../utils/registry/context';

const words = (text: string): string[] => contextHits(text).map((h) => text.slice(h.start, h.end));

describe('context words', () => {
  it('matches multi-word and punctuated words literally, never inside other words or cashtags', () => {
    expect(words('after-hours S&P 500 pump.fun pumpXfun layer 2 $DEX dex 优先股 Tokenomics')).toEqual([
      'after-hours',
      'S&P 500',
      'pump.fun',
      'layer 2',
      'dex',
      '优先股',
    ]);
  });

  it('near words outweigh far ones, and chains named near the match are collected', () => {
    const text = `$X on Solana. ${'filler words here. '.repeat(6)}shares`;
    const s = scoreContext(text, 0, 2);
    expect(s.crypto).toBeGreaterThan(s.equity);
    expect([...s.chains]).toEqual(['solana']);
    expect(s.words).toEqual(['Solana']);
  });
});
