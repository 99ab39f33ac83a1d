/**
 * What keeps a bare listed ticker (context.ts, confirmedStocks), beyond accuracy-kinds.test.ts: next
 * to CJK text (which scripts, both sides, past spaces, three letters or more), a finance word beside
 * an English-word ticker (only spaces between, "of" looked through), signed percentages in every
 * form, and the option and fund forms. Hand-made texts in the shape of the corpus's finance posts;
 * the code points at the edges of the CJK ranges are written as escapes.
 */
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../utils/detect';
import { loadSymbols } from './fixture-data';
import { brief } from './helpers';

/** Listed tickers as the worker gives them; OPEN is an English word too. */
const detector = createDetector({
  symbols: loadSymbols(),
  stocks: new Set(['NVDA', 'MU', 'OPEN', 'AAPL', 'GOOGL', 'ABCDEF']),
  stockWords: new Set(['OPEN']),
});
const detect = (text: string) => brief(detector.detect(text));

describe('a listed ticker', () => {
  it('has at most five letters (a six-letter one is made up for the length)', () => {
    expect(detect('GOOGL shares rose')).toEqual(['ticker:GOOGL']);
    expect(detect('ABCDEF shares rose')).toEqual([]);
  });
});

describe('next to CJK text', () => {
  it('Chinese, Japanese or Korean on either side, past spaces', () => {
    for (const t of [
      '买入NVDA',
      'NVDA买入',
      '买入 NVDA',
      '我买了NVDA。',
      'エヌビディアNVDA',
      '엔비디아 NVDA',
    ])
      expect(detect(t), t).toEqual(['ticker:NVDA']);
  });

  it('at the edges of the kana, ideograph (Ext A to U+9FFF) and hangul ranges', () => {
    for (const c of ['\u3040', '\u30ff', '\u3400', '\u9fff', '\uac00', '\ud7af'])
      expect(detect(`${c}NVDA`), c).toEqual(['ticker:NVDA']);
  });

  it('not CJK punctuation or symbols, nor a ticker of two letters', () => {
    expect(detect('。NVDA')).toEqual([]);
    expect(detect('\u303fNVDA')).toEqual([]);
    expect(detect('买入MU')).toEqual([]);
  });
});

describe('a ticker that is an English word', () => {
  it('a finance word right before (through "of") or after, with only spaces between', () => {
    expect(detect('the stock of OPEN')).toEqual(['ticker:OPEN']);
    expect(detect('OPEN  stock')).toEqual(['ticker:OPEN']);
    expect(detect('stock, OPEN')).toEqual([]);
    expect(detect('OPEN, shares fell')).toEqual([]);
    expect(detect('shares of of OPEN')).toEqual([]);
  });

  it('in CJK text, a Chinese finance word close by, not the CJK text alone', () => {
    expect(detect('OPEN股价暴涨')).toEqual(['ticker:OPEN']);
    expect(detect('OPEN 股价')).toEqual(['ticker:OPEN']);
    expect(detect('OPEN一下')).toEqual([]);
    // the Chinese finance word counts only where the ticker itself touches CJK text
    expect(detect('OPEN is 股价大涨')).toEqual([]);
    // an English finance word close by in CJK text is no Chinese one
    expect(detect('shares的OPEN一下')).toEqual([]);
  });
});

describe('a signed percentage is a price move', () => {
  it('plus, hyphen-minus or minus sign, decimals with a point or a comma, a space before %', () => {
    for (const t of ['NVDA −1%', 'NVDA -3.2%', 'NVDA +5 %', 'NVDA +5,5%'])
      expect(detect(t), t).toEqual(['ticker:NVDA']);
  });

  it('not an unsigned one', () => {
    expect(detect('NVDA 5%')).toEqual([]);
  });
});

describe('options and leveraged funds', () => {
  it('a month and a year or day of two digits or more; Bull or Bear and a leverage of 1 to 9', () => {
    for (const t of ['AAPL Dec 25', 'AAPL December 2025', 'AAPL Bull 1.5X', 'AAPL Bear 3X'])
      expect(detect(t), t).toEqual(['ticker:AAPL']);
    expect(detect('AAPL Dec 5')).toEqual([]);
    expect(detect('AAPL Bull 0X')).toEqual([]);
  });
});
