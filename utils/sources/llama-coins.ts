/**
 * DefiLlama coins (`coins.llama.fi`): current prices, our fallback when CoinGecko fails. Coins are
 * named `coingecko:<id>` or `<chain>:<address>` (DefiLlama's chain names, not CoinGecko's platform ids).
 */
import { z } from 'zod';
import { nullableNumber } from './coingecko';

/** Coins per call: the list goes in the path, so keep the URL well under common 8 KB limits. */
export const LLAMA_PRICES_BATCH = 100;

export function llamaPricesUrl(baseUrl: string, coins: readonly string[]): string {
  if (coins.length === 0 || coins.length > LLAMA_PRICES_BATCH)
    throw new RangeError(`1..${LLAMA_PRICES_BATCH} coins`);
  return `${baseUrl}/prices/current/${coins.map(encodeURIComponent).join(',')}`;
}

export const llamaCoinKey = {
  coingecko: (id: string) => `coingecko:${id}`,
  contract: (chain: string, address: string) => `${chain}:${address}`,
};

/** The spec's example: `{ coins: { "<key>": { price, symbol, timestamp, confidence, decimals? } } }`. */
export const llamaPricesSchema = z.object({
  coins: z.record(
    z.string(),
    z.object({
      price: z.number(),
      symbol: z.string().optional(),
      /** Seconds since epoch. */
      timestamp: nullableNumber.optional(),
      confidence: nullableNumber.optional(),
      decimals: nullableNumber.optional(),
    }),
  ),
});
export type LlamaPrices = z.infer<typeof llamaPricesSchema>;

/**
 * CoinGecko platform id → DefiLlama chain name, for the platforms where they differ. Platforms not
 * listed use the same name on both sides ("ethereum", "base", "solana").
 */
const LLAMA_CHAIN: Record<string, string> = {
  'binance-smart-chain': 'bsc',
  'polygon-pos': 'polygon',
  'arbitrum-one': 'arbitrum',
  'optimistic-ethereum': 'optimism',
  avalanche: 'avax',
  fantom: 'fantom',
  xdai: 'xdai',
};

export function llamaChainOf(coingeckoPlatform: string): string {
  return LLAMA_CHAIN[coingeckoPlatform] ?? coingeckoPlatform;
}
