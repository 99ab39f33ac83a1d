/**
 * zod schema of RegistryData, for data that crosses a boundary at run time (a refreshed copy from
 * storage or the network) before loadRegistry trusts it. The bundled registry.json is checked by
 * this schema when `npm run registry` writes it and by TypeScript where it is imported (bundled.ts),
 * so the background worker does not pay ~30 ms of cold validation on every start.
 * zod/mini, like the message contract, to keep bundles small.
 */
import { z } from 'zod/mini';
import type { RegistryData } from './types';

const idRecord = z.record(z.string(), z.string());

export const registryDataSchema = z.object({
  generated: z.string(),
  sources: z.array(z.string()),
  coins: z.object({
    id: z.array(z.string()),
    symbol: z.array(z.string()),
    name: z.array(z.string()),
    bySymbol: z.array(z.number()),
  }),
  coinRanks: z.record(z.string(), z.number()),
  coinCaps: z.optional(z.record(z.string(), z.number())),
  equities: z.object({
    ticker: z.array(z.string()),
    name: z.array(z.string()),
    exchange: z.array(z.string()),
    rank: z.array(z.number()),
  }),
  etfs: z.array(z.string()),
  platforms: z.record(z.string(), idRecord),
  solanaTokens: z.object({
    mint: z.array(z.string()),
    symbol: z.array(z.string()),
    name: z.array(z.string()),
  }),
  handles: idRecord,
  hints: idRecord,
  leading: z.array(z.string()),
  treasuries: z.array(z.string()),
});

export function parseRegistryData(json: unknown): RegistryData {
  const data = registryDataSchema.parse(json);
  // Columns of one table must line up, or every row after a gap would be misread.
  const { coins, equities, solanaTokens: sol } = data;
  const coinLengths = [coins.id.length, coins.symbol.length, coins.name.length, coins.bySymbol.length];
  const equityLengths = [
    equities.ticker.length,
    equities.name.length,
    equities.exchange.length,
    equities.rank.length,
  ];
  const solLengths = [sol.mint.length, sol.symbol.length, sol.name.length];
  if ([coinLengths, equityLengths, solLengths].some((lengths) => new Set(lengths).size > 1)) {
    throw new Error(`registry columns differ in length: ${coinLengths} / ${equityLengths} / ${solLengths}`);
  }
  // The sort orders are the index (load.ts binary-searches them): a copy out of order would miss assets.
  const sorted = (xs: readonly string[]): boolean => xs.every((x, i) => i === 0 || (xs[i - 1] ?? '') < x);
  const symbolAt = (k: number): string => coins.symbol[coins.bySymbol[k] ?? -1] ?? '';
  const bySymbolSorted = coins.bySymbol.every((_, k) => k === 0 || symbolAt(k - 1) <= symbolAt(k));
  if (!sorted(coins.id) || !sorted(equities.ticker) || !bySymbolSorted) {
    throw new Error('registry rows are not in the order load.ts searches');
  }
  return data;
}
