import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { detectCashtags } from '../../../utils/detect';
import { loadSymbols, loadXPostTexts } from './fixture-data';
import { brief, detectorWith, ofKind, prng, realDetector } from './helpers';

const tickers = (text: string) => ofKind(realDetector().detect(text), 'ticker');

describe('cashtags', () => {
  it('"$TAO is up 12% today"', () => {
    expect(tickers('$TAO is up 12% today')).toEqual([
      { kind: 'ticker', text: '$TAO', start: 0, end: 4, symbol: 'TAO', cashtag: true },
    ]);
  });

  it('long and digit-bearing crypto symbols count when the symbol set knows them', () => {
    expect(brief(tickers('$BITCOIN $FARTCOIN $1INCH $SPX6900'))).toEqual([
      'ticker:$BITCOIN',
      'ticker:$FARTCOIN',
      'ticker:$1INCH',
      'ticker:$SPX6900',
    ]);
    const none = detectorWith([]);
    expect(none.detect('$BITCOIN $FARTCOIN $1INCH')).toEqual([]);
    expect(tickers('$NOTAREALSYMBOLATALL $ABC123XYZ')).toEqual([]);
  });

  it('prices are never tickers', () => {
    for (const price of [
      '$61,000',
      '$67k',
      '$1.5B',
      '$0.05',
      '$100-a-month',
      '$116,000',
      '$40k',
      '$42k/mo',
      '$15/user',
      '$21M',
      '$100x',
      '$2.5bn',
      '$1mm',
      '$5T',
      '$1',
    ]) {
      expect(tickers(`it costs ${price} now`), price).toEqual([]);
    }
  });

  it('the ./_ suffix of equity tickers', () => {
    expect(tickers('$BRK.B and $RDS_A').map((m) => m.symbol)).toEqual(['BRK.B', 'RDS_A']);
  });

  it('brackets, quotes, CJK and emoji around a cashtag', () => {
    expect(brief(tickers('Bittensor ($TAO), “$SOL”, [$ETH], 买入$BTC后，$PEPE🚀'))).toEqual([
      'ticker:$TAO',
      'ticker:$SOL',
      'ticker:$ETH',
      'ticker:$BTC',
      'ticker:$PEPE',
    ]);
  });

  it('not glued to a word, a number or another $', () => {
    expect(tickers('US$100 abc$DEF $$NG 5$ETH .$NG $BTC$ETH')).toMatchObject([{ text: '$BTC' }]);
  });

  it('a cashtag beats the bare symbol and the name', () => {
    expect(brief(realDetector().detect('$BTC $Bitcoin $TSLA'))).toEqual([
      'ticker:$BTC',
      'ticker:$Bitcoin',
      'ticker:$TSLA',
    ]);
  });
});

describe('detectCashtags (the fast path) agrees with the full detector', () => {
  const symbols = loadSymbols();
  it('on every real X post text', () => {
    for (const t of loadXPostTexts()) {
      const full = ofKind(realDetector().detect(t), 'ticker').filter((m) => m.cashtag);
      expect(detectCashtags(t, symbols), t).toEqual(full);
    }
  });

  it('on random strings built from cashtag-ish pieces', () => {
    const random = prng(99);
    const pieces = [
      '$',
      '$BTC',
      '$ETH.x',
      '$1INCH',
      '$67k',
      ' ',
      '(',
      ')',
      '比',
      '🚀',
      'a',
      'Z',
      '9',
      '.',
      '_',
      '$$',
      '"',
      '\n',
    ];
    for (let n = 0; n < 2000; n++) {
      let t = '';
      const len = 1 + Math.floor(random() * 20);
      for (let k = 0; k < len; k++) t += pieces[Math.floor(random() * pieces.length)] ?? '';
      // a cashtag cannot be consumed by anything else except a URL or an address, which these pieces never form
      const full = ofKind(realDetector().detect(t), 'ticker').filter((m) => m.cashtag);
      expect(detectCashtags(t, symbols), JSON.stringify(t)).toEqual(full);
    }
  });

  it('finds everything twitter-text finds on the real posts, plus only documented deviations', () => {
    for (const t of loadXPostTexts()) {
      const theirs = twitter.extractCashtagsWithIndices(t).map((c) => c.indices[0]);
      const ours = detectCashtags(t, symbols).map((m) => m.start);
      expect(ours, t).toEqual(expect.arrayContaining(theirs));
    }
  });
});
