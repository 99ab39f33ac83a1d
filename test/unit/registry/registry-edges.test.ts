/**
 * The registry's smaller helpers at their edges: what a candidate shows (candidate-info), when an
 * unknown contract is said to imitate a listed asset (imitation), the detector's built names and
 * bracket names (detect-data), context words around a match (context), pin keys, the symbol
 * codec's shared-prefix cap, contract lookups and handles learnt from profiles.
 */
import { describe, expect, it } from 'vitest';
import type { Match } from '../../../utils/detect/types';
import { resolveAddress } from '../../../utils/registry/addresses';
import { candidateInfo } from '../../../utils/registry/candidate-info';
import { NEAR, scoreContext } from '../../../utils/registry/context';
import { detectorDataWith, detectorNames } from '../../../utils/registry/detect-data';
import { explorerName } from '../../../utils/registry/explorers';
import { withImitation } from '../../../utils/registry/imitation';
import { withLearntHandles } from '../../../utils/registry/learnt-handles';
import { pinKey } from '../../../utils/registry/pin-keys';
import { decodeSymbols, encodeSymbols } from '../../../utils/registry/symbol-codec';
import type { Registry } from '../../../utils/registry/types';
import type { ContractFacts } from '../../../utils/sources/contract-facts';
import { handmade } from './handmade';

const EVM = '0xAbCdEf0000000000000000000000000000000001';

describe('candidateInfo', () => {
  const reg = handmade({
    coins: [
      { id: 'ethereum', symbol: 'ETH', name: 'Ethereum', rank: 2 },
      {
        id: 'multi',
        symbol: 'MUL',
        name: 'Multi',
        rank: 300,
        platforms: { 'arbitrum-one': EVM, 'arbitrum-two': EVM, ethereum: EVM, '1337': EVM, base: EVM },
      },
      { id: 'numbered', symbol: 'NUM', name: 'Numbered', platforms: { '1337': EVM } },
      { id: 'plain', symbol: 'PLN', name: 'Plain' },
    ],
    listings: [
      { ticker: 'BIG', name: 'Big Co', exchange: 'NASDAQ', rank: 12 },
      { ticker: 'OTCX', name: 'Pink sheet', rank: 0 },
      { ticker: 'FUND', name: 'A fund', exchange: 'NYSE Arca', rank: 900, etf: true },
      { ticker: 'ETFO', name: 'An OTC trust', etf: true },
    ],
  });

  it('names a chain’s own coin by its chain, and a token by its first two chains by name', () => {
    expect(candidateInfo(reg, 'cg:ethereum')).toEqual({
      id: 'cg:ethereum',
      name: 'Ethereum',
      symbol: 'ETH',
      rank: 2,
      venue: 'Ethereum',
    });
    // "arbitrum-one" is Arbitrum, an unknown id goes in words, a number is left out.
    expect(candidateInfo(reg, 'cg:multi')).toEqual({
      id: 'cg:multi',
      name: 'Multi',
      symbol: 'MUL',
      rank: 300,
      venue: 'Arbitrum, Arbitrum Two',
    });
  });

  it('leaves out a venue it cannot name and a rank the lists lack', () => {
    expect(candidateInfo(reg, 'cg:numbered')).toEqual({ id: 'cg:numbered', name: 'Numbered', symbol: 'NUM' });
    expect(candidateInfo(reg, 'cg:plain')).toEqual({ id: 'cg:plain', name: 'Plain', symbol: 'PLN' });
  });

  it('gives a listing its exchange, OTC without one, and marks ETFs', () => {
    expect(candidateInfo(reg, 'stock:BIG')).toEqual({
      id: 'stock:BIG',
      name: 'Big Co',
      symbol: 'BIG',
      rank: 12,
      venue: 'NASDAQ',
    });
    expect(candidateInfo(reg, 'stock:OTCX')).toEqual({
      id: 'stock:OTCX',
      name: 'Pink sheet',
      symbol: 'OTCX',
      venue: 'OTC',
    });
    expect(candidateInfo(reg, 'stock:FUND').venue).toBe('NYSE Arca · ETF');
    expect(candidateInfo(reg, 'stock:ETFO').venue).toBe('OTC · ETF');
  });

  it('shows an id the registry does not know as it is, with no symbol', () => {
    expect(candidateInfo(reg, 'cg:gone')).toEqual({ id: 'cg:gone', name: 'cg:gone', symbol: '' });
  });
});

describe('withImitation', () => {
  const reg = handmade({
    coins: [
      { id: 'bitcoin', symbol: 'BTC', name: 'Bitcoin', rank: 1 },
      { id: 'btc-copycat', symbol: 'BTC', name: 'BTC Copycat', rank: 900 },
      { id: 'unranked', symbol: 'UNR', name: 'Unranked coin' },
      { id: 'lead', symbol: 'LEAD', name: 'Lead coin' },
      // The better ranked one is the later row: the pick is by rank, not by row.
      { id: 'pair-a', symbol: 'PAIR', name: 'Pair A', rank: 50 },
      { id: 'pair-b', symbol: 'PAIR', name: 'Pair B', rank: 40 },
      { id: 'deep', symbol: 'DEEP', name: 'Deep coin', rank: 2500 },
    ],
    listings: [
      { ticker: 'NVDA', name: 'NVIDIA Corp', exchange: 'NASDAQ', rank: 2000 },
      { ticker: 'TINY', name: 'Tiny Corp', exchange: 'NASDAQ', rank: 2001 },
      { ticker: 'UNR', name: 'Unranked Inc', rank: 0 },
    ],
    leading: ['cg:lead'],
  });
  const facts = (calls: ContractFacts['calls'], more: Partial<ContractFacts> = {}): ContractFacts => ({
    chain: 'solana',
    address: 'x',
    fetchedAt: 0,
    errors: [],
    ...(calls ? { calls } : {}),
    ...more,
  });

  it('says which known asset a token’s name copies, in any letter case and with spaces around', () => {
    expect(withImitation(reg, facts({ name: '  BITCOIN ' })).imitates).toEqual({
      name: 'Bitcoin',
      symbol: 'BTC',
    });
    expect(withImitation(reg, facts({ name: 'nvidia' })).imitates).toEqual({
      name: 'NVIDIA Corp',
      symbol: 'NVDA',
    });
  });

  it('says which known asset a token’s symbol copies, the best ranked first, in any letter case', () => {
    expect(withImitation(reg, facts({ symbol: ' btc ' })).imitates).toEqual({
      name: 'Bitcoin',
      symbol: 'BTC',
    });
    expect(withImitation(reg, facts({ symbol: 'pair' })).imitates).toEqual({
      name: 'Pair B',
      symbol: 'PAIR',
    });
    // A curated leading coin counts as known though unranked.
    expect(withImitation(reg, facts({ symbol: 'LEAD' })).imitates?.name).toBe('Lead coin');
  });

  it('counts companies in the SEC top 2,000 as known, and neither smaller ones nor unranked coins', () => {
    expect(withImitation(reg, facts({ symbol: 'NVDA' })).imitates?.symbol).toBe('NVDA');
    expect(withImitation(reg, facts({ symbol: 'TINY' })).imitates).toBeUndefined();
    expect(withImitation(reg, facts({ symbol: 'UNR' })).imitates).toBeUndefined();
    // Any ranked coin is known, however far down: the 2,000 cut is the SEC list's.
    expect(withImitation(reg, facts({ symbol: 'DEEP' })).imitates?.name).toBe('Deep coin');
  });

  it('leaves a token CoinGecko lists by contract, or one calling itself nothing known, as it is', () => {
    const listed = facts(
      { name: 'Bitcoin', symbol: 'BTC' },
      { coingecko: { id: 'x', name: 'X', symbol: 'X' } },
    );
    expect(withImitation(reg, listed)).toBe(listed);
    const none = facts(undefined);
    expect(withImitation(reg, none)).toBe(none);
    expect(withImitation(reg, facts({ name: 'Zorbo', symbol: 'ZORBO' })).imitates).toBeUndefined();
    // A name in the dictionary whose asset this registry lacks: the symbol still counts.
    expect(withImitation(reg, facts({ name: 'Ethereum', symbol: 'PAIR' })).imitates?.name).toBe('Pair B');
  });
});

describe('detectorNames: the built names as dictionary entries', () => {
  const byText = (text: string) => detectorNames().find((n) => n.text === text);

  it('reads a plain name in any case, keyed by the coin id', () => {
    expect(byText('AINFT')).toEqual({ text: 'AINFT', key: 'apenft', asset: 'cg:apenft', lang: 'en' });
  });

  it('reads a "=" name in its own case only, keyed by the lower-case ticker', () => {
    expect(byText('ABM Industries')).toEqual({
      text: 'ABM Industries',
      key: 'abm',
      asset: 'stock:ABM',
      lang: 'en',
      caseSensitive: true,
    });
  });

  it('needs company words or the ticker for a "?" name, and token words for a "!" coin', () => {
    expect(byText('Acuity')).toEqual({
      text: 'Acuity',
      key: 'ayi',
      asset: 'stock:AYI',
      lang: 'en',
      caseSensitive: true,
      ambiguous: true,
      domain: 'company',
      symbols: ['AYI'],
    });
    expect(byText('Astar')).toEqual({
      text: 'Astar',
      key: 'astar',
      asset: 'cg:astar',
      lang: 'en',
      caseSensitive: true,
      ambiguous: true,
      domain: 'token',
      context: ['token', 'tokens', 'coin', 'coins', 'memecoin', '代币', '代幣'],
    });
  });
});

describe('detectorDataWith: names for bracketed symbols', () => {
  const first = handmade({
    coins: [
      // Ids in the reverse of rank order, so the order below is the ranking's, not the rows'.
      { id: 'a-unranked', symbol: 'JUP', name: 'Unranked' },
      { id: 'b-later', symbol: 'JUP', name: 'Later', rank: 90 },
      { id: 'c-jupiter', symbol: 'JUP', name: 'Jupiter', rank: 60 },
    ],
  });
  const second = handmade({ coins: [{ id: 'other', symbol: 'JUP', name: 'Other' }] });

  it('lists ranked assets first and follows the registry the worker holds now', () => {
    let current: Registry | undefined;
    const data = detectorDataWith(() => current);
    expect(data.symbolNames?.('JUP')).toEqual([]);
    current = first;
    expect(data.symbolNames?.('JUP')).toEqual([
      { name: 'Jupiter', asset: 'cg:c-jupiter' },
      { name: 'Later', asset: 'cg:b-later' },
      { name: 'Unranked', asset: 'cg:a-unranked' },
    ]);
    current = second;
    expect(data.symbolNames?.('JUP')).toEqual([{ name: 'Other', asset: 'cg:other' }]);
  });
});

describe('context around a match', () => {
  it('never counts the match’s own text, and counts words that touch it', () => {
    // A name match over "Solana" itself: no chain, no words.
    const own = scoreContext('Solana rallied', 0, 6);
    expect([...own.chains]).toEqual([]);
    expect(own.words).toEqual([]);
    // Right after and right before the match: gap 0, near.
    expect(scoreContext('$X solana', 0, 2).words).toEqual(['solana']);
    expect(scoreContext('solana $X', 7, 9).words).toEqual(['solana']);
    // Touching it: a Latin word right before a cashtag, a Chinese word right after.
    expect(scoreContext('solana$X', 6, 8)).toMatchObject({ crypto: 5, words: ['solana'] });
    expect(scoreContext('$X币', 0, 2)).toMatchObject({ crypto: 5, words: ['币'] });
  });

  it('weighs a word NEAR units away as near, one more as far, on both sides', () => {
    const trailing = (n: number) => scoreContext(`$X${' '.repeat(n)}shares`, 0, 2);
    expect(trailing(NEAR)).toMatchObject({ equity: 5, words: ['shares'] });
    expect(trailing(NEAR + 1)).toMatchObject({ equity: 1, words: [] });
    const leading = (n: number) => {
      const text = `shares${' '.repeat(n)}$X`;
      return scoreContext(text, text.length - 2, text.length);
    };
    expect(leading(NEAR)).toMatchObject({ equity: 5, words: ['shares'] });
    expect(leading(NEAR + 1)).toMatchObject({ equity: 1, words: [] });
  });

  it('collects a chain only from near words', () => {
    expect([...scoreContext(`$X${' '.repeat(NEAR + 1)}on base`, 0, 2).chains]).toEqual([]);
    expect([...scoreContext('$X on base', 0, 2).chains]).toEqual(['base']);
    // A crypto word that names no chain adds none.
    expect([...scoreContext('$X token', 0, 2).chains]).toEqual([]);
  });

  it('scores a second post on its own words, not the last post’s', () => {
    expect(scoreContext('$X shares', 0, 2).equity).toBe(5);
    expect(scoreContext('$X tokens', 0, 2)).toMatchObject({ equity: 0, crypto: 5 });
  });
});

describe('pinKey', () => {
  it('keys a ticker by its upper-case symbol, from the text when the match carries none', () => {
    expect(pinKey({ kind: 'ticker', text: '$abc' })).toBe('ABC');
    expect(pinKey({ kind: 'ticker', text: '$abc', symbol: 'XYZ' })).toBe('XYZ');
  });

  it('keys a handle in lower case with its @, from the text when the match carries none', () => {
    expect(pinKey({ kind: 'handle', text: '@Some_One' })).toBe('@some_one');
    expect(pinKey({ kind: 'handle', text: '@x', handle: 'Other' })).toBe('@other');
  });

  it('keys an EVM address in lower case and a Solana mint as written, told apart by its 0x', () => {
    expect(pinKey({ kind: 'address', text: EVM })).toBe(EVM.toLowerCase());
    expect(pinKey({ kind: 'address', text: 'MiNt111' })).toBe('MiNt111');
    expect(pinKey({ kind: 'address', text: 'MiNt111', chain: 'solana', valid: true })).toBe('MiNt111');
    expect(pinKey({ kind: 'address', text: EVM, valid: false })).toBeUndefined();
  });

  it('has no key for a name or a claim', () => {
    expect(pinKey({ kind: 'name', text: 'Bitcoin' })).toBeUndefined();
    expect(pinKey({ kind: 'claim', text: 'no VC' })).toBeUndefined();
  });
});

describe('front-coded symbols', () => {
  it('writes each symbol as its shared-prefix letter and the rest, from the first symbol on', () => {
    expect(encodeSymbols(['STX', 'STXX', 'SUI'])).toBe('aSTXdXbUI');
    expect(decodeSymbols('aSTXdXbUI')).toEqual(['STX', 'STXX', 'SUI']);
  });

  it('shares at most 25 characters, so the letter stays between a and z', () => {
    const long = 'A'.repeat(30);
    const encoded = encodeSymbols([long, `${long}B`]);
    expect(encoded).toBe(`a${long}z${'A'.repeat(5)}B`);
    expect(decodeSymbols(encoded)).toEqual([long, `${long}B`]);
  });
});

describe('resolveAddress', () => {
  const reg = handmade({
    coins: [
      { id: 'one', symbol: 'ONE', platforms: { ethereum: EVM, base: EVM } },
      {
        id: 'two',
        symbol: 'TWO',
        platforms: { 'polygon-pos': '0x2222222222222222222222222222222222222222' },
      },
      {
        id: 'three',
        symbol: 'THR',
        platforms: { 'arbitrum-one': '0x2222222222222222222222222222222222222222' },
      },
    ],
    solana: [{ mint: 'JupMint111', symbol: 'JUPX', name: 'Jup listed' }],
  });
  const address = (text: string, more: Partial<Match> = {}): Match => ({
    kind: 'address',
    text,
    start: 0,
    end: text.length,
    ...more,
  });

  it('answers with the one coin an address is the contract of, naming every chain it is on', () => {
    expect(resolveAddress(reg, address(EVM.toLowerCase()))).toEqual({
      asset: 'cg:one',
      reason: 'contract on ethereum, base',
    });
  });

  it('offers every coin when one address is different tokens on different chains', () => {
    expect(resolveAddress(reg, address('0x2222222222222222222222222222222222222222'))).toEqual({
      candidates: ['cg:three', 'cg:two'],
      reason: 'contract of several assets (arbitrum-one, polygon-pos)',
    });
  });

  it('names a Jupiter token only for a Solana mint, never for an EVM address', () => {
    expect(resolveAddress(reg, address('JupMint111'))).toEqual({
      reason: 'Jupiter-validated Solana token Jup listed (JUPX) with no CoinGecko id',
      unknownAddress: {
        chain: 'solana',
        address: 'JupMint111',
        explorer: 'https://solscan.io/token/JupMint111',
        symbol: 'JUPX',
        name: 'Jup listed',
      },
    });
    expect(
      resolveAddress(reg, address('JupMint111', { chain: 'evm' })).unknownAddress?.symbol,
    ).toBeUndefined();
  });

  it('tells an EVM address by its 0x when the match does not say, and reads it in any case', () => {
    expect(resolveAddress(reg, address(EVM)).asset).toBe('cg:one');
    expect(resolveAddress(reg, address('0x9999999999999999999999999999999999999999'))).toMatchObject({
      reason: 'unknown EVM token',
      unknownAddress: {
        chain: 'evm',
        explorer: 'https://etherscan.io/token/0x9999999999999999999999999999999999999999',
      },
    });
  });
});

describe('withLearntHandles', () => {
  it('asks nothing when every handle is answered, and fills only handles, from the text when needed', async () => {
    let asked = 0;
    const lookup = async () => {
      asked++;
      return new Map([
        ['known', 'cg:learnt'],
        ['$tao', 'cg:wrong'],
      ]);
    };
    await withLearntHandles([{ matches: [{ kind: 'handle', text: '@a' }] }], [[{ asset: 'cg:a' }]], lookup);
    expect(asked).toBe(0);
    const replies: Array<Array<{ asset?: string }>> = [[{}, {}, {}]];
    await withLearntHandles(
      [
        {
          matches: [
            { kind: 'handle', text: '@KNOWN' },
            { kind: 'ticker', text: '$TAO' },
            { kind: 'handle', text: '@unknown' },
          ],
        },
        // A block without replies (the worker answered fewer): skipped, not a crash.
        { matches: [{ kind: 'handle', text: '@known' }] },
      ],
      replies,
      lookup,
    );
    expect(asked).toBe(1);
    expect(replies).toEqual([[{ asset: 'cg:learnt' }, {}, {}]]);
  });
});

describe('explorerName', () => {
  it('names the explorer by its host, and none for a chain without one', () => {
    expect(explorerName('ethereum')).toBe('etherscan.io');
    expect(explorerName('solana')).toBe('solscan.io');
    expect(explorerName('no-such-chain')).toBeUndefined();
    expect(explorerName('toString')).toBeUndefined();
  });
});
