/**
 * loadRegistry and parseRegistryData on hand-made registries (handmade.ts): what each lookup answers,
 * where the sorted columns begin and end, which fields an asset carries, and which copies are refused
 * before a lookup could misread them.
 */
import { describe, expect, it } from 'vitest';
import { byCodeUnit, loadRegistry, normalizeTicker } from '../../../utils/registry/load';
import { parseRegistryData } from '../../../utils/registry/schema';
import { handmadeData } from './handmade';

const MIXED = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const MINT = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v';

const data = () =>
  handmadeData({
    coins: [
      { id: 'alpha', symbol: 'abc', name: 'Alpha', rank: 7, cap: 5e9, platforms: { ethereum: MIXED } },
      { id: 'beta', symbol: 'ABC', name: 'Beta' },
      { id: 'gamma', symbol: 'ABCD', name: 'Gamma', platforms: { solana: MINT, base: MIXED } },
      { id: 'zeta', symbol: 'ZZ', name: 'Zeta' },
    ],
    listings: [
      { ticker: 'ABC', name: 'ABC Corp', exchange: 'NYSE', rank: 321 },
      { ticker: 'AAA', name: 'Triple A', rank: 0 },
      { ticker: 'SPYX', name: 'An index fund', exchange: 'NYSE Arca', rank: 1800, etf: true },
    ],
    solana: [{ mint: 'So1anaMint111', symbol: 'JUPX', name: 'Jupiter listed' }],
    handles: { alpha_hq: 'cg:alpha' },
    hints: { ABC: 'cg:alpha' },
    leading: ['cg:zeta'],
    treasuries: ['ABC'],
  });

describe('normalizeTicker', () => {
  it('writes share classes the SEC way, whatever the case or separator', () => {
    expect(normalizeTicker('brk.b')).toBe('BRK-B');
    expect(normalizeTicker('BF/A')).toBe('BF-A');
    expect(normalizeTicker('a.b.c')).toBe('A-B-C');
    expect(normalizeTicker('NVDA')).toBe('NVDA');
  });
});

describe('byCodeUnit', () => {
  it('orders by code unit, capitals before small letters, and calls equal strings equal', () => {
    expect(byCodeUnit('A', 'B')).toBe(-1);
    expect(byCodeUnit('B', 'A')).toBe(1);
    expect(byCodeUnit('Z', 'a')).toBe(-1);
    expect(byCodeUnit('same', 'same')).toBe(0);
    expect(['b', 'B', 'a', 'A'].sort(byCodeUnit)).toEqual(['A', 'B', 'a', 'b']);
  });
});

describe('loadRegistry', () => {
  it('gives a coin its rank, market cap and contracts only where the data has them', () => {
    const reg = loadRegistry(data());
    expect(reg.asset('cg:alpha')).toEqual({
      id: 'cg:alpha',
      kind: 'crypto',
      symbol: 'ABC',
      name: 'Alpha',
      rank: 7,
      marketCap: 5e9,
      platforms: { ethereum: MIXED },
    });
    expect(reg.asset('cg:beta')).toEqual({ id: 'cg:beta', kind: 'crypto', symbol: 'ABC', name: 'Beta' });
  });

  it('gives a listing its venue, SEC position and ETF mark only where it has them', () => {
    const reg = loadRegistry(data());
    expect(reg.asset('stock:ABC')).toEqual({
      id: 'stock:ABC',
      kind: 'equity',
      symbol: 'ABC',
      name: 'ABC Corp',
      rank: 321,
      exchange: 'NYSE',
    });
    // Position 0 means "not in the SEC list"; an empty exchange means OTC / SEC only.
    expect(reg.asset('stock:AAA')).toEqual({
      id: 'stock:AAA',
      kind: 'equity',
      symbol: 'AAA',
      name: 'Triple A',
    });
    expect(reg.asset('stock:SPYX')).toMatchObject({ etf: true, exchange: 'NYSE Arca', rank: 1800 });
    expect(reg.asset('stock:ABC')?.etf).toBeUndefined();
  });

  it('makes each asset once and answers the same object after', () => {
    const reg = loadRegistry(data());
    expect(reg.asset('cg:gamma')).toBe(reg.asset('cg:gamma'));
    expect(reg.asset('stock:ABC')).toBe(reg.withSymbol('ABC').at(-1));
  });

  it('finds the first and last rows, and nothing before, between or after them', () => {
    const reg = loadRegistry(data());
    expect(reg.asset('cg:alpha')?.name).toBe('Alpha');
    expect(reg.asset('cg:zeta')?.name).toBe('Zeta');
    expect(reg.asset('stock:AAA')?.name).toBe('Triple A');
    expect(reg.asset('stock:SPYX')?.name).toBe('An index fund');
    for (const id of [
      'cg:aaa',
      'cg:alphb',
      'cg:zz',
      'cg:',
      'stock:A',
      'stock:ABD',
      'stock:ZZZ',
      'stock:abc',
    ]) {
      expect(reg.asset(id), id).toBeUndefined();
    }
    // Only the two prefixes of the contract name an asset; a ticker is no coin id and the other way round.
    expect(reg.asset('alpha')).toBeUndefined();
    expect(reg.asset('coin:alpha')).toBeUndefined();
    // A prefix as long as "stock:" is still not it.
    expect(reg.asset('stonk:ABC')).toBeUndefined();
    expect(reg.asset('cg:ABC')).toBeUndefined();
    expect(reg.asset('stock:alpha')).toBeUndefined();
  });

  it('lists every coin with exactly the symbol, by id, then the listing with that ticker', () => {
    const reg = loadRegistry(data());
    expect(reg.withSymbol('ABC').map((a) => a.id)).toEqual(['cg:alpha', 'cg:beta', 'stock:ABC']);
    expect(reg.withSymbol('ABCD').map((a) => a.id)).toEqual(['cg:gamma']);
    // The first listing in ticker order, with no coin of its symbol.
    expect(reg.withSymbol('AAA').map((a) => a.id)).toEqual(['stock:AAA']);
    expect(reg.withSymbol('ZZ').map((a) => a.id)).toEqual(['cg:zeta']);
    expect(reg.withSymbol('AB')).toEqual([]);
    expect(reg.withSymbol('abc')).toEqual([]);
    expect(reg.withSymbol('ZZZ')).toEqual([]);
  });

  it('keys EVM contracts in lower case and Solana mints exactly, with every coin an address belongs to', () => {
    const reg = loadRegistry(data());
    expect(reg.byAddress.get(MIXED.toLowerCase())).toEqual([
      { id: 'cg:alpha', platform: 'ethereum' },
      { id: 'cg:gamma', platform: 'base' },
    ]);
    expect(reg.byAddress.has(MIXED)).toBe(false);
    expect(reg.byAddress.get(MINT)).toEqual([{ id: 'cg:gamma', platform: 'solana' }]);
    expect(reg.byAddress.has(MINT.toLowerCase())).toBe(false);
    expect(reg.byAddress.size).toBe(2);
  });

  it('carries the Jupiter tokens, handles, hints, leading assets and treasury companies as given', () => {
    const reg = loadRegistry(data());
    expect(reg.solanaTokens.get('So1anaMint111')).toEqual({ symbol: 'JUPX', name: 'Jupiter listed' });
    expect(reg.solanaTokens.size).toBe(1);
    expect(reg.byHandle.get('alpha_hq')).toBe('cg:alpha');
    expect(reg.hints.get('ABC')).toBe('cg:alpha');
    expect(reg.leading.has('cg:zeta')).toBe(true);
    expect(reg.treasuries.has('ABC')).toBe(true);
    expect(reg.generated).toBe('2026-01-01');
    expect(reg.sources).toEqual(['hand-made test registry']);
  });
});

describe('parseRegistryData', () => {
  it('accepts a registry in the order the loader searches', () => {
    expect(parseRegistryData(data())).toEqual(data());
  });

  it('refuses a table whose columns differ in length, in any of the three tables', () => {
    const coins = data();
    coins.coins.name.pop();
    expect(() => parseRegistryData(coins)).toThrow(/columns differ in length/);
    const bySymbol = data();
    bySymbol.coins.bySymbol.pop();
    expect(() => parseRegistryData(bySymbol)).toThrow(/columns differ in length/);
    const listings = data();
    listings.equities.rank.pop();
    expect(() => parseRegistryData(listings)).toThrow(/columns differ in length/);
    const sol = data();
    sol.solanaTokens.name.push('one too many');
    expect(() => parseRegistryData(sol)).toThrow(/columns differ in length/);
  });

  it('refuses rows out of order, or a row twice, where a binary search would miss assets', () => {
    const ids = data();
    ids.coins.id.reverse();
    expect(() => parseRegistryData(ids)).toThrow(/not in the order/);
    const twice = data();
    twice.coins.id[1] = twice.coins.id[0] ?? '';
    expect(() => parseRegistryData(twice)).toThrow(/not in the order/);
    const tickers = data();
    tickers.equities.ticker.reverse();
    expect(() => parseRegistryData(tickers)).toThrow(/not in the order/);
    const symbols = data();
    symbols.coins.bySymbol.reverse();
    expect(() => parseRegistryData(symbols)).toThrow(/not in the order/);
  });

  it('takes coins sharing a symbol in either row order (the symbol index sorts by symbol only)', () => {
    const d = data();
    // alpha and beta are both ABC: swapping them keeps the index in symbol order.
    const [a, b, ...rest] = d.coins.bySymbol;
    d.coins.bySymbol = [b ?? 0, a ?? 0, ...rest];
    expect(parseRegistryData(d).coins.bySymbol).toEqual(d.coins.bySymbol);
  });

  it('refuses what is not a registry at all', () => {
    expect(() => parseRegistryData({ generated: '2026-01-01' })).toThrow();
    expect(() => parseRegistryData(null)).toThrow();
  });
});
