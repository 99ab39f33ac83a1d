/**
 * loadRegistry: RegistryData → the lookups resolution needs, without an index-building pass.
 *
 * The build writes the 17k coins sorted by id plus a permutation sorted by symbol, and the 15k
 * listings sorted by ticker, so lookups are binary searches over the columns as parsed. Loading costs
 * nothing beyond the JSON parse and the small maps (handles, contracts); an asset object is made only
 * when asked for. A Map over 32k assets took 15–50 ms to build in the background worker, for lookups
 * that a binary search answers in well under a microsecond.
 */
import type { Registry, RegistryAsset, RegistryData } from './types';

/** Equity tickers as the SEC writes share classes ("BRK-B"); cashtags and exchanges also write "BRK.B". */
export function normalizeTicker(symbol: string): string {
  return symbol.toUpperCase().replace(/[./]/g, '-');
}

/** Code-unit order, the order the build sorts by (never localeCompare: its order depends on the locale). */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** First index in [0, n) whose key is ≥ `target`. */
function lowerBound(n: number, key: (i: number) => string, target: string): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(mid) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function loadRegistry(data: RegistryData): Registry {
  const { coins, equities } = data;
  const coinCount = coins.id.length;
  const equityCount = equities.ticker.length;
  const cache = new Map<string, RegistryAsset>();
  const etfs = new Set(data.etfs);

  const coinAt = (i: number): RegistryAsset => {
    const id = coins.id[i] ?? '';
    const key = `cg:${id}`;
    let asset = cache.get(key);
    if (!asset) {
      asset = { id: key, kind: 'crypto', symbol: coins.symbol[i] ?? '', name: coins.name[i] ?? '' };
      const rank = data.coinRanks[id];
      if (rank !== undefined) asset.rank = rank;
      const cap = data.coinCaps?.[id];
      if (cap !== undefined) asset.marketCap = cap;
      const platforms = data.platforms[id];
      if (platforms) asset.platforms = platforms;
      cache.set(key, asset);
    }
    return asset;
  };
  const equityAt = (i: number): RegistryAsset => {
    const ticker = equities.ticker[i] ?? '';
    const key = `stock:${ticker}`;
    let asset = cache.get(key);
    if (!asset) {
      asset = { id: key, kind: 'equity', symbol: ticker, name: equities.name[i] ?? '' };
      const rank = equities.rank[i] ?? 0;
      if (rank > 0) asset.rank = rank;
      const exchange = equities.exchange[i];
      if (exchange) asset.exchange = exchange;
      if (etfs.has(ticker)) asset.etf = true;
      cache.set(key, asset);
    }
    return asset;
  };
  const coinIndex = (id: string): number => {
    const i = lowerBound(coinCount, (k) => coins.id[k] ?? '', id);
    return coins.id[i] === id ? i : -1;
  };
  const equityIndex = (ticker: string): number => {
    const i = lowerBound(equityCount, (k) => equities.ticker[k] ?? '', ticker);
    return equities.ticker[i] === ticker ? i : -1;
  };
  const coinSymbolAt = (k: number): string => coins.symbol[coins.bySymbol[k] ?? 0] ?? '';

  const byAddress = new Map<string, { id: string; platform: string }[]>();
  for (const [id, platforms] of Object.entries(data.platforms)) {
    for (const [platform, address] of Object.entries(platforms)) {
      // EVM addresses are case-insensitive (the case is only a checksum); Solana mints are not.
      const key = address.startsWith('0x') ? address.toLowerCase() : address;
      const hits = byAddress.get(key);
      if (hits) hits.push({ id: `cg:${id}`, platform });
      else byAddress.set(key, [{ id: `cg:${id}`, platform }]);
    }
  }

  return {
    generated: data.generated,
    sources: data.sources,
    data,
    asset(id) {
      if (id.startsWith('cg:')) {
        const i = coinIndex(id.slice(3));
        return i < 0 ? undefined : coinAt(i);
      }
      if (id.startsWith('stock:')) {
        const i = equityIndex(id.slice(6));
        return i < 0 ? undefined : equityAt(i);
      }
      return undefined;
    },
    withSymbol(symbol) {
      const out: RegistryAsset[] = [];
      for (
        let k = lowerBound(coinCount, coinSymbolAt, symbol);
        k < coinCount && coinSymbolAt(k) === symbol;
        k++
      ) {
        out.push(coinAt(coins.bySymbol[k] ?? 0));
      }
      const e = equityIndex(symbol);
      if (e >= 0) out.push(equityAt(e));
      return out;
    },
    byHandle: new Map(Object.entries(data.handles)),
    byAddress,
    solanaTokens: new Map(
      data.solanaTokens.mint.map((mint, i) => [
        mint,
        { symbol: data.solanaTokens.symbol[i] ?? '', name: data.solanaTokens.name[i] ?? '' },
      ]),
    ),
    hints: new Map(Object.entries(data.hints)),
    leading: new Set(data.leading),
    treasuries: new Set(data.treasuries),
  };
}
