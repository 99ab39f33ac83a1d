/**
 * The edges of a symbol in brackets after its name and of a trading pair (brackets.ts), with the
 * worker's real data. Helium is a coin named with an English word: nothing but the bracket confirms
 * it, so each case shows the bracket rule alone. Hand-made texts in the shape of the corpus's
 * "Name (SYMBOL)", "BASE/QUOTE" and Yahoo pair-name ("Huobi BTC USD") mentions.
 */
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../utils/detect';
import { nameKey } from '../../../utils/detect/brackets';
import { bundledRegistry } from '../../../utils/registry/bundled';
import { detectorDataWith } from '../../../utils/registry/detect-data';

const reg = bundledRegistry();
const detector = createDetector(detectorDataWith(() => reg));
/** "kind:text@start" for every match. */
const read = (text: string) => detector.detect(text).map((m) => `${m.kind}:${m.text}@${m.start}`);

describe('a symbol in brackets after its name', () => {
  it('ASCII or full-width brackets, in any pairing, with any spaces before them', () => {
    expect(read('Helium (HNT)')).toEqual(['name:Helium@0', 'ticker:HNT@8']);
    expect(read('Helium(HNT)')).toEqual(['name:Helium@0', 'ticker:HNT@7']);
    expect(read('Helium  (HNT)')).toEqual(['name:Helium@0', 'ticker:HNT@9']);
    expect(read('Helium（HNT)')).toEqual(['name:Helium@0', 'ticker:HNT@7']);
    expect(read('Helium (HNT）')).toEqual(['name:Helium@0', 'ticker:HNT@8']);
  });

  it('needs both brackets and a name before them', () => {
    for (const t of ['Helium (HNT', 'Helium HNT)', '(HNT)', ' (HNT)', 'a b c d e (PNUT)'])
      expect(read(t), t).toEqual([]);
  });

  it('a name of up to four words, its first capitalised; dots and hyphens inside a word', () => {
    expect(read('X Y Z Peanut the Squirrel (PNUT)')).toEqual([
      'name:Peanut the Squirrel@6',
      'ticker:PNUT@27',
    ]);
    expect(read('buy peanut the Squirrel (PNUT)')).toEqual([]);
    expect(read('Pump.fun (PUMP)')).toEqual(['name:Pump.fun@0', 'ticker:PUMP@10']);
  });

  it('the first word of a longer name, in any case ("Pudgy" of Pudgy Penguins)', () => {
    expect(read('Pudgy (PENGU)')).toEqual(['name:Pudgy@0', 'ticker:PENGU@7']);
    expect(read('pudgy (PENGU)')).toEqual(['name:pudgy@0', 'ticker:PENGU@7']);
  });

  it('a company’s legal and generic endings aside', () => {
    expect(read('Palantir Technologies Inc. (PLTR)')).toEqual(['name:Palantir@0', 'ticker:PLTR@28']);
  });
});

describe('a trading pair', () => {
  it('every quote currency', () => {
    for (const q of [
      'USDT',
      'USDC',
      'USD',
      'BUSD',
      'FDUSD',
      'USDE',
      'DAI',
      'BTC',
      'ETH',
      'SOL',
      'BNB',
      'EUR',
      'KRW',
      'TRY',
      'PERP',
    ])
      expect(read(`JUP/${q}`), q).toEqual(['ticker:JUP@0']);
  });

  it('a base of two to ten letters (CoinGecko symbols of ten and eleven letters)', () => {
    expect(read('OP/USDT')).toEqual(['ticker:OP@0']);
    expect(read('SPACESHIBA/USDT')).toEqual(['ticker:SPACESHIBA@0']);
    expect(read('BLACKDRAGON/USDT')).not.toContain('ticker:BLACKDRAGON@0');
  });

  it('a quote in capitals that ends there', () => {
    expect(read('JUP/USDTX')).toEqual([]);
    expect(read('JUP/USDT2')).toEqual([]);
    expect(read('JUP/')).toEqual([]);
    expect(read('ENA/USDC.')).toEqual(['ticker:ENA@0']);
  });
});

describe('a symbol inside another asset’s pair name ("Huobi BTC USD", Yahoo’s pair names)', () => {
  it('a quote currency in capitals ends the text or the line, or a bracket or comma follows it', () => {
    expect(read('Huobi BTC EUR')).toEqual(['name:Huobi BTC@0']);
    expect(read('(Huobi BTC USD)')).toEqual(['name:Huobi BTC@1']);
    expect(read('Huobi BTC USD\r\nx')).toEqual(['name:Huobi BTC@0']);
    expect(read('x Huobi BTC USD')).toEqual(['name:Huobi BTC@2']);
    for (const t of ['Huobi BTC USD.', 'Huobi BTC usd']) expect(read(t), t).toEqual(['ticker:BTC@6']);
  });

  it('the name written as the asset’s, one space on each side of the symbol', () => {
    expect(read('huobi BTC USD')).toEqual(['ticker:BTC@6']);
    expect(read('Huobi  BTC USD')).toEqual(['ticker:BTC@7']);
    expect(read('Huobi BTC  USD')).toEqual(['ticker:BTC@6']);
  });

  it('the longest name of up to four words before the symbol', () => {
    expect(read('Merlin Chain Bridged Wrapped BTC USD')).toEqual(['name:Merlin Chain Bridged Wrapped BTC@0']);
    // five words before ETH: the longest name within four
    expect(read('Haven1 Bridged Coinbase Wrapped Staked ETH USD')).toEqual([
      'name:Coinbase Wrapped Staked ETH@15',
    ]);
    expect(read('a b c Lombard Staked BTC USD')).toEqual(['name:Lombard Staked BTC@6']);
    expect(read('Binance Bridged BTC USD')).toEqual(['name:Bridged BTC@8']);
  });
});

describe('a bracket confirms only the ambiguous name it follows', () => {
  it('not one earlier in the text', () => {
    expect(read('Meta and Fartcoin (FARTCOIN)')).toEqual(['name:Fartcoin@9', 'ticker:FARTCOIN@19']);
  });
});

describe('words another match took', () => {
  it('a handle keeps its words: the bracket confirms the ticker only', () => {
    expect(read('@Helium (HNT)')).toEqual(['handle:@Helium@0', 'ticker:HNT@9']);
  });
});

describe('how a name before a bracket is compared (hand-made registry names)', () => {
  /** A registry that knows only these names for the symbol ABC. */
  const only = (...names: string[]) =>
    createDetector({
      symbols: new Set(['ABC']),
      symbolNames: (s) => (s === 'ABC' ? names.map((name) => ({ name, asset: 'cg:abc' })) : []),
    });
  const readWith = (d: ReturnType<typeof only>, text: string) =>
    d.detect(text).map((m) => `${m.kind}:${m.text}@${m.start}`);

  it('a word keeps its hyphens, apostrophes and dots', () => {
    expect(readWith(only('Foo-Bar'), 'Foo-Bar (ABC)')).toEqual(['name:Foo-Bar@0', 'ticker:ABC@9']);
    expect(readWith(only("Foo's"), "Foo's (ABC)")).toEqual(["name:Foo's@0", 'ticker:ABC@7']);
    expect(readWith(only('Foo.bar'), 'Foo.bar (ABC)')).toEqual(['name:Foo.bar@0', 'ticker:ABC@9']);
  });

  it('up to four words make a name, not five', () => {
    expect(readWith(only('One Two Three Four'), 'One Two Three Four (ABC)')).toEqual([
      'name:One Two Three Four@0',
      'ticker:ABC@20',
    ]);
    expect(readWith(only('One Two Three Four Five'), 'One Two Three Four Five (ABC)')).toEqual([]);
  });

  it('a name of two letters or more; the first word of a longer name alone, of four letters or more', () => {
    expect(readWith(only('Ab'), 'Ab (ABC)')).toEqual(['name:Ab@0', 'ticker:ABC@4']);
    expect(readWith(only('A'), 'A (ABC)')).toEqual([]);
    expect(readWith(only('Abcd Efgh'), 'Abcd (ABC)')).toEqual(['name:Abcd@0', 'ticker:ABC@6']);
    expect(readWith(only('Abc Efgh'), 'Abc (ABC)')).toEqual([]);
  });

  it('names compare without case, punctuation, spaces, legal and generic endings', () => {
    expect(nameKey('Palantir Technologies Inc.')).toBe('palantir');
    expect(nameKey('The Graph')).toBe('graph');
    expect(nameKey('Pump.fun')).toBe('pumpfun');
    expect(nameKey('Berkshire Hathaway Class B')).toBe('berkshirehathaway');
    expect(readWith(only('Foo Labs Inc.'), 'Foo (ABC)')).toEqual(['name:Foo@0', 'ticker:ABC@5']);
  });
});
