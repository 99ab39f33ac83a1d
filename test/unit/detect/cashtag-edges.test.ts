/**
 * The edges of a cashtag (cashtags.ts) beyond cashtags.test.ts and the twitter-text conformance
 * suite: each character that may come before the '$' and after the symbol, the price suffixes, the
 * ./_ suffix, and the longest body looked up. Hand-made texts; the long symbols of the last case are
 * made up for the length alone.
 */
import { describe, expect, it } from 'vitest';
import { brief, detectorWith, realDetector } from './helpers';

const detect = (text: string) => brief(realDetector().detect(text));

describe('before the $', () => {
  it('whitespace of any kind, brackets, quotes, the / of a pair, emoji', () => {
    for (const t of [
      '{$SOL}',
      "'$SOL'",
      '"$SOL"',
      '\t$SOL',
      '\u00a0$SOL',
      '/$SOL',
      '🚀$SOL',
      '($SOL)',
      '[$SOL]',
    ])
      expect(detect(t), JSON.stringify(t)).toEqual(['ticker:$SOL']);
  });

  it('not a letter of an alphabetic script, nor a control character outside tab to carriage return', () => {
    expect(detect('é$BTC')).toEqual([]);
    expect(detect('\r$SOL')).toEqual(['ticker:$SOL']);
    expect(detect('\u0008$SOL')).toEqual([]);
    expect(detect('\u000e$SOL')).toEqual([]);
  });
});

describe('after the symbol', () => {
  it('punctuation, CJK text, "_"', () => {
    for (const t of ['$BTC.', '$BTC!', '$BTC,', '$BTC比特币', '$BTC_'])
      expect(detect(t), t).toContain('ticker:$BTC');
  });

  it('not a letter of an alphabetic script or a combining mark', () => {
    expect(detect('$BTCé')).toEqual([]);
    expect(detect('$BTC\u0301')).toEqual([]);
  });

  it('a "." or "_" suffix of one or two letters only, not glued on', () => {
    expect(detect('$BRK.B')).toEqual(['ticker:$BRK.B']);
    expect(detect('$RDS_AB')).toEqual(['ticker:$RDS_AB']);
    for (const t of ['$BRK.BRK', '$BRK.B2', '$BRK.', '$BRK.Bé'])
      expect(detect(t), t).toEqual(['ticker:$BRK']);
  });
});

describe('the body', () => {
  it('up to six letters in any case without the symbol set; longer only when known', () => {
    expect(detect('$ABCDEF')).toEqual(['ticker:$ABCDEF']);
    expect(detect('$abcdef')).toEqual(['ticker:$abcdef']);
    expect(detect('$ABCDEFG')).toEqual([]);
    expect(detect('$1inch')).toEqual(['ticker:$1inch']);
  });

  it('every price suffix: k, m, b, t, bn, mm, mn, x, kk', () => {
    for (const p of ['$1k', '$2M', '$3b', '$2t', '$5bn', '$1mm', '$3mn', '$100X', '$1kk'])
      expect(detect(p), p).toEqual([]);
  });

  it('a price needs digits: a suffix alone is a ticker ($T is AT&T, $X US Steel, $M Macy’s)', () => {
    expect(detect('$T $X $M rallied')).toEqual(['ticker:$T', 'ticker:$X', 'ticker:$M']);
    expect(detect('$BN')).toEqual(['ticker:$BN']);
  });

  it('a price with a two-letter suffix even where CoinGecko lists the body ("9MM")', () => {
    expect(detect('$9mm')).toEqual([]);
    expect(detect('$9MM')).toEqual([]);
  });

  it('a digit-led body that is no price and no known symbol is nothing', () => {
    expect(detect('$10bb')).toEqual([]);
    expect(detect('$12M3')).toEqual([]);
  });

  it('at most 20 characters, even when the symbol set knows a longer one', () => {
    const d = detectorWith(['ABCDEFGHIJKLMNOPQRST', 'ABCDEFGHIJKLMNOPQRSTU']);
    expect(brief(d.detect('$ABCDEFGHIJKLMNOPQRST'))).toEqual(['ticker:$ABCDEFGHIJKLMNOPQRST']);
    expect(d.detect('$ABCDEFGHIJKLMNOPQRSTU')).toEqual([]);
  });

  it('a lone $ is nothing', () => {
    expect(detect('$')).toEqual([]);
    expect(detect('$ ')).toEqual([]);
  });
});
