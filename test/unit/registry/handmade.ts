/**
 * Hand-made registries for the registry's behaviour tests: a few invented coins and listings, laid
 * out column by column and sorted the way `npm run registry` writes RegistryData (utils/registry/types.ts:
 * coins by id, `bySymbol` by symbol then row, listings by ticker, all in code-unit order). Small
 * enough that each test says exactly which assets contest a symbol.
 */
import { byCodeUnit, loadRegistry } from '../../../utils/registry/load';
import type { Registry, RegistryData } from '../../../utils/registry/types';

export interface CoinRow {
  id: string;
  symbol: string;
  name?: string;
  rank?: number;
  cap?: number;
  platforms?: Record<string, string>;
}

export interface ListingRow {
  ticker: string;
  name?: string;
  exchange?: string;
  /** SEC market-value position; 0 or absent when not in the SEC list. */
  rank?: number;
  etf?: boolean;
}

export interface Handmade {
  coins?: CoinRow[];
  listings?: ListingRow[];
  solana?: Array<{ mint: string; symbol: string; name: string }>;
  handles?: Record<string, string>;
  hints?: Record<string, string>;
  leading?: string[];
  treasuries?: string[];
}

export function handmadeData(h: Handmade): RegistryData {
  const coins = [...(h.coins ?? [])].sort((a, b) => byCodeUnit(a.id, b.id));
  const listings = [...(h.listings ?? [])].sort((a, b) => byCodeUnit(a.ticker, b.ticker));
  const symbol = coins.map((c) => c.symbol.toUpperCase());
  const ranks: Record<string, number> = {};
  const caps: Record<string, number> = {};
  const platforms: Record<string, Record<string, string>> = {};
  for (const c of coins) {
    if (c.rank !== undefined) ranks[c.id] = c.rank;
    if (c.cap !== undefined) caps[c.id] = c.cap;
    if (c.platforms) platforms[c.id] = c.platforms;
  }
  const sol = h.solana ?? [];
  return {
    generated: '2026-01-01',
    sources: ['hand-made test registry'],
    coins: {
      id: coins.map((c) => c.id),
      symbol,
      name: coins.map((c) => c.name ?? c.id),
      bySymbol: coins.map((_, i) => i).sort((a, b) => byCodeUnit(symbol[a] ?? '', symbol[b] ?? '') || a - b),
    },
    coinRanks: ranks,
    coinCaps: caps,
    equities: {
      ticker: listings.map((l) => l.ticker),
      name: listings.map((l) => l.name ?? l.ticker),
      exchange: listings.map((l) => l.exchange ?? ''),
      rank: listings.map((l) => l.rank ?? 0),
    },
    etfs: listings.filter((l) => l.etf).map((l) => l.ticker),
    platforms,
    solanaTokens: {
      mint: sol.map((s) => s.mint),
      symbol: sol.map((s) => s.symbol),
      name: sol.map((s) => s.name),
    },
    handles: h.handles ?? {},
    hints: h.hints ?? {},
    leading: h.leading ?? [],
    treasuries: h.treasuries ?? [],
  };
}

export const handmade = (h: Handmade): Registry => loadRegistry(handmadeData(h));
