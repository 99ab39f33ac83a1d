/**
 * The edges of a ticker written without '$' (bare.ts, and standsAlone in detector.ts): what may touch
 * it on either side, the amount that binds a known symbol ("500 TAO": its separators, suffixes and
 * the one space), and the shouted words that veto it. Hand-made texts in the shape of the corpus's
 * posts; beside bare.test.ts, which states the rules themselves.
 */
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../utils/detect';
import { DEFAULT_BARE_SYMBOLS, matchBare } from '../../../utils/detect/bare';
import { CLASS } from '../../../utils/detect/charclass';
import { loadSymbols } from './fixture-data';
import { brief, realDetector } from './helpers';

const detect = (text: string) => brief(realDetector().detect(text));

/** Listed tickers as the worker gives them. */
const stocks = createDetector({ symbols: loadSymbols(), stocks: new Set(['NVDA', 'PLTR']) });
const detectStocks = (text: string) => brief(stocks.detect(text));

describe('a listed company’s ticker stands alone', () => {
  it('at the end of a sentence', () => {
    expect(detectStocks('I bought shares of NVDA.')).toEqual(['ticker:NVDA']);
    expect(detectStocks('Shares of NVDA. Then more.')).toEqual(['ticker:NVDA']);
  });

  it('in brackets, before a colon or a possessive', () => {
    expect(detectStocks('(NVDA) shares')).toEqual(['ticker:NVDA']);
    expect(detectStocks('NVDA: shares rose')).toEqual(['ticker:NVDA']);
    expect(detectStocks("NVDA's shares rose")).toEqual(['ticker:NVDA']);
    expect(detectStocks('NVDA’s stock')).toEqual(['ticker:NVDA']);
  });

  it('not as part of a domain, a file or a longer word', () => {
    for (const t of [
      'x.NVDA shares',
      'NVDA.X shares',
      'NVDA.com shares',
      'NVDAé shares',
      'éNVDA shares',
      'PLTRX shares',
    ])
      expect(detectStocks(t), t).toEqual([]);
  });

  it('"$" and "@" make it a cashtag or a handle', () => {
    expect(detectStocks('$NVDA shares')).toEqual(['ticker:$NVDA']);
    expect(detectStocks('@NVDA shares')).toEqual(['handle:@NVDA']);
  });
});

describe('a curated symbol', () => {
  it('at the end of a sentence, not before a domain or an e-mail', () => {
    expect(detect('I hold BTC.')).toEqual(['ticker:BTC']);
    expect(detect('BTC.com')).toEqual([]);
    expect(detect('BTC@')).toEqual([]);
  });

  it('not after a dot (an ENS name) or an at sign of either width', () => {
    for (const t of ['vitalik.eth', 'x.ETH', 'a@ETH', 'a＠ETH']) expect(detect(t), t).toEqual([]);
  });

  it('in lower case only when the caller’s bare list has it', () => {
    const d = createDetector({ symbols: loadSymbols(), bareSymbols: new Set(['ETH']) });
    expect(brief(d.detect('btc and eth'))).toEqual(['ticker:eth']);
  });
});

describe('an amount binds a known symbol', () => {
  it('of ten letters at most (CoinGecko symbols of ten and eleven letters)', () => {
    expect(detect('bought 500 SPACESHIBA today')).toEqual(['ticker:SPACESHIBA']);
    expect(detect('bought 500 BLACKDRAGON today')).toEqual([]);
  });

  it('at the start of the text, two letters or more', () => {
    expect(detect('5 PEPE')).toEqual(['ticker:PEPE']);
    expect(detect('claimed 500 OP')).toEqual(['ticker:OP']);
    expect(detect('5 P')).toEqual([]);
  });

  it('with separators, decimals and a magnitude (k, m, b in either case)', () => {
    for (const t of ['1,000 PEPE', '1,000.5 PEPE', '0.5 PEPE', '2B PEPE', '2b PEPE', '2m PEPE', '10k PEPE'])
      expect(detect(t), t).toEqual(['ticker:PEPE']);
  });

  it('only across exactly one space on the same line', () => {
    expect(detect('500\nPEPE')).toEqual([]);
    expect(detect('500  PEPE')).toEqual([]);
  });

  it('not crypto jargon that CoinGecko lists as a symbol: "12 VC funds", "5 KOL accounts"', () => {
    expect(detect('raised from 12 VC funds')).toEqual([]);
    expect(detect('paid 5 KOL accounts')).toEqual([]);
    // a cashtag is still a cashtag
    expect(detect('$VC')).toEqual(['ticker:$VC']);
  });

  it('not a number glued to a word, nor a multiplier', () => {
    expect(detect('v2 PEPE')).toEqual([]);
    expect(detect('2x PEPE')).toEqual([]);
  });

  it('read whole, separators included, before looking at what precedes it', () => {
    for (const t of ['v1,000 PEPE', 'v1.5 PEPE', 'TOP 1,000 PEPE', 'TOP 1.5 PEPE'])
      expect(detect(t), t).toEqual([]);
    expect(detect('Bought 1,000 PEPE')).toEqual(['ticker:PEPE']);
    // a separator stands between two digits: after ",," only the "5" is the amount
    expect(detect('1,,5 PEPE')).toEqual(['ticker:PEPE']);
  });

  it('joined to the symbol by a space and nothing else', () => {
    for (const t of ['500-PEPE', '500/PEPE', '500:PEPE', '500_PEPE']) expect(detect(t), t).toEqual([]);
  });

  it('not in a shouted phrase: a word of two capitals or more right before or after', () => {
    expect(detect('TOP 10 PEPE')).toEqual([]);
    expect(detect('500 PEPE NOW')).toEqual([]);
    expect(detect('500 PEPE now')).toEqual(['ticker:PEPE']);
    expect(detect('A 5 PEPE')).toEqual(['ticker:PEPE']);
    expect(detect('5 PEPE I')).toEqual(['ticker:PEPE']);
    // two capitals are a shouted word already
    expect(detect('UP 500 PEPE')).toEqual([]);
    expect(detect('500 PEPE UP')).toEqual([]);
  });

  it('the shouted word must be the very next word, one space away', () => {
    expect(detect('GM,500 PEPE')).toEqual(['ticker:PEPE']);
    expect(detect('GM: 500 PEPE')).toEqual(['ticker:PEPE']);
    expect(detect('500 PEPE, NOW')).toEqual(['ticker:PEPE']);
  });
});

describe('a bare ticker touches no letter of another script', () => {
  it('before or after it', () => {
    for (const t of ['ÄBTC', 'BTCä', 'ДBTC', 'BTCд', 'ñ500 PEPE']) expect(detect(t), t).toEqual([]);
  });
});

describe('matchBare, on its own (the scanner filters before calling it)', () => {
  /** The AND of the run's character classes, as the scanner computes it. */
  const andOf = (text: string, start: number, end: number) => {
    let and = 0xffff;
    for (let k = start; k < end; k++) and &= CLASS[text.charCodeAt(k)] ?? 0;
    return and;
  };
  const sets = { bare: DEFAULT_BARE_SYMBOLS, symbols: new Set(['PEPE', 'P', 'SOL', 'DOGE']) };
  const bareAt = (text: string, word: string) => {
    const start = text.lastIndexOf(word);
    return matchBare(text, start, start + word.length, andOf(text, start, start + word.length), sets);
  };

  it('two letters at least, even bound to an amount', () => {
    expect(bareAt('500 P', 'P')).toBeNull();
    expect(bareAt('500 PEPE', 'PEPE')?.symbol).toBe('PEPE');
  });

  it('a symbol the sets do not know is nothing, amount or not', () => {
    expect(bareAt('500 ZZQX', 'ZZQX')).toBeNull();
  });

  it('in lower case only the few majors of the lower-case list', () => {
    expect(bareAt('long btc', 'btc')?.symbol).toBe('BTC');
    expect(bareAt('a sol of the sun', 'sol')).toBeNull();
    expect(bareAt('doge', 'doge')).toBeNull();
  });
});
