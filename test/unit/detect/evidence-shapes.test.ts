/**
 * The whole Match of each kind of evidence for a bare ticker or a name (detector.ts), with the
 * worker's real data: what the resolver and the card read beside kind and text (`listed`, `asset`,
 * `nameKey`, exact offsets). accuracy-kinds.test.ts checks what these resolve to; this file checks
 * what the detector itself reports. Examples from issue 28 and the corpus.
 */
import { describe, expect, it } from 'vitest';
import { createDetector, type Match } from '../../../utils/detect';
import { bundledRegistry } from '../../../utils/registry/bundled';
import { detectorDataWith } from '../../../utils/registry/detect-data';

const reg = bundledRegistry();
const detector = createDetector(detectorDataWith(() => reg));
const detect = (text: string): Match[] => detector.detect(text);

describe('a listed company’s ticker', () => {
  it('kept by finance context, or a company whose name is its ticker: listed, no asset', () => {
    expect(detect('NVDA and AMD both rallied')).toEqual([
      { kind: 'ticker', text: 'NVDA', start: 0, end: 4, symbol: 'NVDA', cashtag: false, listed: true },
      { kind: 'ticker', text: 'AMD', start: 9, end: 12, symbol: 'AMD', cashtag: false, listed: true },
    ]);
  });
});

describe('a symbol with its own evidence', () => {
  it('in brackets after a name in lower case: the name is reported with its key and asset', () => {
    expect(detect('jupiter (JUP)')).toEqual([
      {
        kind: 'name',
        text: 'jupiter',
        start: 0,
        end: 7,
        nameKey: 'jupiter',
        asset: 'cg:jupiter-exchange-solana',
      },
      {
        kind: 'ticker',
        text: 'JUP',
        start: 9,
        end: 12,
        symbol: 'JUP',
        cashtag: false,
        asset: 'cg:jupiter-exchange-solana',
      },
    ]);
  });

  it('in brackets after a coin named with an English word: the bracket alone confirms the name', () => {
    // "Helium" needs a token word nearby; its ticker is no context word of its own
    expect(detect('Helium prices rose')).toEqual([]);
    expect(detect('Helium (HNT) rallied')).toEqual([
      { kind: 'name', text: 'Helium', start: 0, end: 6, nameKey: 'helium', asset: 'cg:helium' },
      { kind: 'ticker', text: 'HNT', start: 8, end: 11, symbol: 'HNT', cashtag: false, asset: 'cg:helium' },
    ]);
  });

  it('the base of a pair: a ticker without an asset, the quote left out', () => {
    expect(detect('JUP/USDT')).toEqual([
      { kind: 'ticker', text: 'JUP', start: 0, end: 3, symbol: 'JUP', cashtag: false },
    ]);
  });

  it('named elsewhere in the text: the ticker carries the named asset', () => {
    expect(detect('The Official Trump token, also known as TRUMP')).toEqual([
      {
        kind: 'name',
        text: 'Official Trump',
        start: 4,
        end: 18,
        nameKey: 'official-trump',
        asset: 'cg:official-trump',
      },
      {
        kind: 'ticker',
        text: 'TRUMP',
        start: 40,
        end: 45,
        symbol: 'TRUMP',
        cashtag: false,
        asset: 'cg:official-trump',
      },
    ]);
  });

  it('named by an ambiguous name that context confirmed', () => {
    expect(detect('Jupiter holders stake JUP')).toEqual([
      {
        kind: 'name',
        text: 'Jupiter',
        start: 0,
        end: 7,
        nameKey: 'jupiter',
        asset: 'cg:jupiter-exchange-solana',
      },
      {
        kind: 'ticker',
        text: 'JUP',
        start: 22,
        end: 25,
        symbol: 'JUP',
        cashtag: false,
        asset: 'cg:jupiter-exchange-solana',
      },
    ]);
  });

  it('part of another asset’s pair name: that name, keyed by its CoinGecko id', () => {
    expect(detect('Huobi BTC USD')).toEqual([
      { kind: 'name', text: 'Huobi BTC', start: 0, end: 9, nameKey: 'huobi-btc', asset: 'cg:huobi-btc' },
    ]);
  });
});
