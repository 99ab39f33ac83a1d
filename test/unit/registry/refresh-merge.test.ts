/**
 * mergeRefreshed on a hand-made bundled registry (handmade.ts) and a hand-made CoinGecko answer of
 * exactly MIN_COINS rows (the shape of /coins/list?include_platform=true: id, symbol, name, platforms
 * with null or '' for a chain's native coin): which columns are replaced, which bundled data stays,
 * what is dropped as dead, and the orders the loader's binary searches rely on.
 */
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../utils/registry/load';
import { MIN_COINS, mergeRefreshed, type RefreshedLists } from '../../../utils/registry/refresh';
import { parseRegistryData } from '../../../utils/registry/schema';
import { handmadeData } from './handmade';

const JUP_MINT = 'JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN';
const KEPT_MINT = 'KeptMint1111111111111111111111111111111111';
const USDC_SOL = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v';

const bundled = handmadeData({
  coins: [
    { id: 'usd-coin', symbol: 'USDC', name: 'USDC', rank: 6, cap: 4e10, platforms: { solana: USDC_SOL } },
    { id: 'delisted', symbol: 'GONE', name: 'Delisted', rank: 90 },
  ],
  listings: [{ ticker: 'AAPL', name: 'Apple', exchange: 'NASDAQ', rank: 1 }],
  solana: [
    { mint: JUP_MINT, symbol: 'JUP', name: 'Jupiter (Jupiter list)' },
    { mint: KEPT_MINT, symbol: 'KEPT', name: 'Kept token' },
  ],
  handles: { usdc: 'cg:usd-coin', gonecoin: 'cg:delisted', apple: 'stock:AAPL', shared: 'cg:usd-coin' },
  hints: { USDC: 'cg:usd-coin', GONE: 'cg:delisted', AAPL: 'stock:AAPL' },
  leading: ['cg:usd-coin', 'cg:delisted', 'stock:AAPL'],
  treasuries: ['MSTR'],
});

/** MIN_COINS filler rows, then the coins a test is about. Filler ids sort after the named ones ("~"). */
function fresh(named: RefreshedLists['coins'], more: Partial<RefreshedLists> = {}): RefreshedLists {
  const filler = Array.from({ length: MIN_COINS - named.length }, (_, i) => ({
    id: `~filler-${String(i).padStart(5, '0')}`,
    symbol: `f${i}`,
    name: `Filler ${i}`,
  }));
  return {
    coins: [...filler, ...named],
    ranks: new Map(),
    fetchedAt: Date.parse('2026-11-21T08:00:00Z'),
    ...more,
  };
}

const named: RefreshedLists['coins'] = [
  {
    id: 'zebra',
    symbol: 'zz',
    name: 'Zebra',
    platforms: { ethereum: '0xABCDEF0000000000000000000000000000000001' },
  },
  {
    id: 'usd-coin',
    symbol: 'usdc',
    name: 'USD Coin',
    platforms: { ethereum: '0xa0b8', polkadot: '', near: null },
  },
  { id: 'jupiter', symbol: 'jup', name: 'Jupiter', platforms: { solana: JUP_MINT } },
  { id: 'Apex', symbol: 'usdc', name: 'Apex dollar' },
];

describe('mergeRefreshed', () => {
  it('takes a list of exactly MIN_COINS coins and refuses one short of it', () => {
    expect(() => mergeRefreshed(bundled, fresh(named))).not.toThrow();
    const short = fresh(named);
    expect(() => mergeRefreshed(bundled, { ...short, coins: short.coins.slice(1) })).toThrow(
      `the coin list has ${MIN_COINS - 1} coins; a full list has over ${MIN_COINS}`,
    );
  });

  it('writes the coins sorted by id in code-unit order, symbols in upper case, names as given', () => {
    const merged = mergeRefreshed(bundled, fresh(named));
    expect(merged.coins.id.slice(0, 4)).toEqual(['Apex', 'jupiter', 'usd-coin', 'zebra']);
    expect(merged.coins.symbol.slice(0, 4)).toEqual(['USDC', 'JUP', 'USDC', 'ZZ']);
    expect(merged.coins.name.slice(0, 4)).toEqual(['Apex dollar', 'Jupiter', 'USD Coin', 'Zebra']);
    // The loader's order checks pass, so every coin is found again.
    expect(() => parseRegistryData(merged)).not.toThrow();
    const reg = loadRegistry(merged);
    expect(reg.withSymbol('USDC').map((a) => a.id)).toEqual(['cg:Apex', 'cg:usd-coin']);
    expect(reg.asset('cg:zebra')?.name).toBe('Zebra');
    expect(reg.asset('cg:~filler-04995')?.symbol).toBe('F4995');
  });

  it('keeps one row per id, the last CoinGecko gave', () => {
    const merged = mergeRefreshed(
      bundled,
      fresh([...named, { id: 'zebra', symbol: 'zeb', name: 'Zebra (renamed)' }]),
    );
    expect(merged.coins.id.filter((id) => id === 'zebra')).toHaveLength(1);
    const i = merged.coins.id.indexOf('zebra');
    expect(merged.coins.name[i]).toBe('Zebra (renamed)');
    expect(merged.coins.id).toHaveLength(new Set(merged.coins.id).size);
  });

  it('orders the symbol index by symbol, and coins sharing one by id', () => {
    const merged = mergeRefreshed(bundled, fresh(named));
    const symbols = merged.coins.bySymbol.map((i) => merged.coins.symbol[i]);
    expect(symbols).toEqual([...symbols].sort());
    const usdc = merged.coins.bySymbol.filter((i) => merged.coins.symbol[i] === 'USDC');
    expect(usdc.map((i) => merged.coins.id[i])).toEqual(['Apex', 'usd-coin']);
    expect(merged.coins.bySymbol).toHaveLength(MIN_COINS);
  });

  it('keeps contracts CoinGecko names, drops native-chain blanks, and keeps a bundled Solana mint it lacks', () => {
    const merged = mergeRefreshed(bundled, fresh(named));
    expect(merged.platforms['usd-coin']).toEqual({ ethereum: '0xa0b8', solana: USDC_SOL });
    expect(merged.platforms.zebra).toEqual({ ethereum: '0xABCDEF0000000000000000000000000000000001' });
    // No contracts at all: no entry.
    expect(merged.platforms.Apex).toBeUndefined();
    expect('~filler-00000' in merged.platforms).toBe(false);
    // CoinGecko's own Solana mint wins over the bundled one.
    const moved = mergeRefreshed(
      bundled,
      fresh([{ id: 'usd-coin', symbol: 'usdc', name: 'USD Coin', platforms: { solana: 'NewMint' } }]),
    );
    expect(moved.platforms['usd-coin']).toEqual({ solana: 'NewMint' });
  });

  it('drops a Jupiter-only token once CoinGecko lists its mint, and keeps the others', () => {
    const merged = mergeRefreshed(bundled, fresh(named));
    expect(merged.solanaTokens).toEqual({ mint: [KEPT_MINT], symbol: ['KEPT'], name: ['Kept token'] });
    const without = mergeRefreshed(bundled, fresh(named.filter((c) => c.id !== 'jupiter')));
    expect(without.solanaTokens).toEqual(bundled.solanaTokens);
  });

  it('takes ranks and caps only for coins still listed', () => {
    const merged = mergeRefreshed(
      bundled,
      fresh(named, {
        ranks: new Map([
          ['usd-coin', 7],
          ['delisted', 3],
        ]),
        caps: new Map([
          ['zebra', 1e6],
          ['delisted', 9e9],
        ]),
      }),
    );
    expect(merged.coinRanks).toEqual({ 'usd-coin': 7 });
    expect(merged.coinCaps).toEqual({ zebra: 1e6 });
    // An answer without caps leaves none (not the bundled ones, which belong to older ranks).
    expect(mergeRefreshed(bundled, fresh(named)).coinCaps).toEqual({});
  });

  it('drops curated handles, hints and leading coins of delisted coins, and keeps listings and live coins', () => {
    const merged = mergeRefreshed(
      bundled,
      fresh(named, { handles: { zebra_hq: 'cg:zebra', shared: 'cg:zebra', old: 'cg:delisted' } }),
    );
    expect(merged.handles).toEqual({
      zebra_hq: 'cg:zebra',
      // The bundled map wins where both name a handle.
      shared: 'cg:usd-coin',
      usdc: 'cg:usd-coin',
      apple: 'stock:AAPL',
    });
    expect(merged.hints).toEqual({ USDC: 'cg:usd-coin', AAPL: 'stock:AAPL' });
    expect(merged.leading).toEqual(['cg:usd-coin', 'stock:AAPL']);
    expect(merged.equities).toBe(bundled.equities);
    expect(merged.treasuries).toBe(bundled.treasuries);
  });

  it('dates the merge and names its sources, the bundled ones marked as such', () => {
    const merged = mergeRefreshed(bundled, fresh(named, { ranks: new Map([['usd-coin', 7]]) }));
    expect(merged.generated).toBe('2026-11-21');
    expect(merged.sources).toEqual([
      'CoinGecko /coins/list?include_platform=true, fetched 2026-11-21',
      'CoinGecko /coins/markets top 1 by market cap, fetched 2026-11-21',
      'bundled 2026-01-01: hand-made test registry',
    ]);
  });
});
