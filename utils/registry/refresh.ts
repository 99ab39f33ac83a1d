/**
 * The registry's daily refresh, merged into the bundled data (background worker): CoinGecko's
 * current coin list (ids, symbols, names, contracts) and its top-1,000 ranks replace the bundled
 * coin columns and ranks; everything CoinGecko does not answer (US listings, Jupiter's validated
 * Solana mints, curated handles and hints) stays as bundled. The result is RegistryData again, so
 * the same loader and resolver serve it.
 */
import { byCodeUnit } from './load';
import type { RegistryData } from './types';

export interface RefreshedLists {
  coins: ReadonlyArray<{
    id: string;
    symbol: string;
    name: string;
    platforms?: Readonly<Record<string, string | null>> | undefined;
  }>;
  /** CoinGecko id → market-cap rank (top 1,000). */
  ranks: ReadonlyMap<string, number>;
  /** CoinGecko id → market cap in US dollars, from the same pages (absent where a row gives none). */
  caps?: ReadonlyMap<string, number>;
  /** Lower-case X handle → asset id from DefiLlama's `/protocols`; the bundled map wins where both name one. */
  handles?: Readonly<Record<string, string>>;
  fetchedAt: number;
}

/** Fewer coins than this is a broken or truncated answer, not CoinGecko's list: keep the old one. */
export const MIN_COINS = 5_000;

export function mergeRefreshed(bundled: RegistryData, fresh: RefreshedLists): RegistryData {
  if (fresh.coins.length < MIN_COINS) {
    throw new Error(`the coin list has ${fresh.coins.length} coins; a full list has over ${MIN_COINS}`);
  }
  const rows = [...new Map(fresh.coins.map((c) => [c.id, c])).values()].sort((a, b) =>
    byCodeUnit(a.id, b.id),
  );
  const ids = new Set(rows.map((c) => c.id));
  const coins: RegistryData['coins'] = {
    id: rows.map((c) => c.id),
    symbol: rows.map((c) => c.symbol.toUpperCase()),
    name: rows.map((c) => c.name),
    bySymbol: [],
  };
  coins.bySymbol = coins.id
    .map((_, i) => i)
    .sort((a, b) => byCodeUnit(coins.symbol[a] ?? '', coins.symbol[b] ?? '') || a - b);

  // Contracts: CoinGecko's current answer first; a bundled Solana mint from Jupiter stays when
  // CoinGecko names none for that coin. Empty values mean "native to the chain", not a contract.
  const platforms: RegistryData['platforms'] = {};
  for (const c of rows) {
    const own = Object.fromEntries(
      Object.entries(c.platforms ?? {}).filter(([, a]) => typeof a === 'string' && a),
    );
    const kept = bundled.platforms[c.id];
    const merged = kept?.solana && !own.solana ? { ...own, solana: kept.solana } : own;
    if (Object.keys(merged).length) platforms[c.id] = merged as Record<string, string>;
  }
  const mapped = new Set(Object.values(platforms).flatMap((p) => (p.solana ? [p.solana] : [])));
  const keep = bundled.solanaTokens.mint
    .map((_, i) => i)
    .filter((i) => !mapped.has(bundled.solanaTokens.mint[i] ?? ''));
  const pick = <T>(col: T[]) => keep.map((i) => col[i] as T);

  const coinRanks: Record<string, number> = {};
  for (const [id, rank] of fresh.ranks) if (ids.has(id)) coinRanks[id] = rank;
  const coinCaps: Record<string, number> = {};
  for (const [id, cap] of fresh.caps ?? []) if (ids.has(id)) coinCaps[id] = cap;

  // Curated handles and hints that point at a coin CoinGecko no longer lists are dropped, not kept dead.
  const live = (asset: string) => !asset.startsWith('cg:') || ids.has(asset.slice(3));
  const date = new Date(fresh.fetchedAt).toISOString().slice(0, 10);
  return {
    ...bundled,
    generated: date,
    sources: [
      `CoinGecko /coins/list?include_platform=true, fetched ${date}`,
      `CoinGecko /coins/markets top ${fresh.ranks.size} by market cap, fetched ${date}`,
      ...bundled.sources.map((s) => `bundled ${bundled.generated}: ${s}`),
    ],
    coins,
    coinRanks,
    coinCaps,
    platforms,
    solanaTokens: {
      mint: pick(bundled.solanaTokens.mint),
      symbol: pick(bundled.solanaTokens.symbol),
      name: pick(bundled.solanaTokens.name),
    },
    handles: Object.fromEntries(
      [...Object.entries(fresh.handles ?? {}), ...Object.entries(bundled.handles)].filter(([, a]) => live(a)),
    ),
    hints: Object.fromEntries(Object.entries(bundled.hints).filter(([, a]) => live(a))),
    leading: bundled.leading.filter(live),
  };
}
