/**
 * Facts about a contract address or Solana mint that no list knows (today's memecoins): what it
 * costs (DefiLlama coins by `chain:address`, CoinGecko's contract endpoint), what it calls itself,
 * and what GoPlus's scanner says of it. A contract never inherits a name from its own claims: the
 * card says "not in any list: priced by contract", and when the name it gives itself is a listed
 * asset's, that no list ties this contract to that asset.
 */
import { z } from 'zod';
import { nullableNumber } from './coingecko';
import type { TokenSecurity } from './goplus';
import type { LlamaPrices } from './llama-coins';

/** EVM chains asked at once (DefiLlama's names): the address alone does not say which chain it is on. */
export const EVM_LLAMA_CHAINS = [
  'ethereum',
  'bsc',
  'base',
  'arbitrum',
  'polygon',
  'optimism',
  'avax',
] as const;

/** DefiLlama chain → CoinGecko platform id (for CoinGecko's contract endpoint and GoPlus). */
const PLATFORM: Record<string, string> = {
  ethereum: 'ethereum',
  bsc: 'binance-smart-chain',
  base: 'base',
  arbitrum: 'arbitrum-one',
  polygon: 'polygon-pos',
  optimism: 'optimistic-ethereum',
  avax: 'avalanche',
  solana: 'solana',
};

export const platformOf = (llamaChain: string): string => PLATFORM[llamaChain] ?? llamaChain;

const EVM_ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const SOLANA_MINT = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;

export function isContractAddress(chain: 'evm' | 'solana', address: string): boolean {
  return chain === 'evm' ? EVM_ADDRESS.test(address) : SOLANA_MINT.test(address);
}

/** The `chain:address` keys of one DefiLlama call for this address. */
export function llamaContractKeys(chain: 'evm' | 'solana', address: string): string[] {
  return chain === 'solana' ? [`solana:${address}`] : EVM_LLAMA_CHAINS.map((c) => `${c}:${address}`);
}

export interface LlamaContractPrice {
  chain: string;
  usd: number;
  symbol?: string;
  /** Seconds since epoch, as DefiLlama gives it. */
  timestamp?: number;
  confidence?: number;
}

/** The most confident price DefiLlama gives for the address, on any of the chains asked. */
export function bestLlamaPrice(answer: LlamaPrices, address: string): LlamaContractPrice | null {
  let best: LlamaContractPrice | null = null;
  const want = address.toLowerCase();
  for (const [key, p] of Object.entries(answer.coins)) {
    const at = key.indexOf(':');
    if (at < 0 || key.slice(at + 1).toLowerCase() !== want) continue;
    if (!Number.isFinite(p.price) || p.price < 0) continue;
    const candidate: LlamaContractPrice = { chain: key.slice(0, at), usd: p.price };
    if (p.symbol) candidate.symbol = p.symbol;
    if (typeof p.timestamp === 'number') candidate.timestamp = p.timestamp;
    if (typeof p.confidence === 'number') candidate.confidence = p.confidence;
    if (!best || (candidate.confidence ?? 0) > (best.confidence ?? 0)) best = candidate;
  }
  return best;
}

/** CoinGecko's coin by contract: `/coins/{platform}/contract/{address}`. */
export function contractDetailUrl(baseUrl: string, platform: string, address: string): string {
  return `${baseUrl}/coins/${encodeURIComponent(platform)}/contract/${encodeURIComponent(address)}`;
}

export const contractDetailSchema = z.object({
  id: z.string().min(1),
  symbol: z.string(),
  name: z.string(),
  market_data: z
    .object({
      current_price: z.object({ usd: nullableNumber.optional() }).partial().nullish(),
      last_updated: z.string().nullish(),
    })
    .partial()
    .nullish()
    .catch(null),
  last_updated: z.string().nullish(),
});
export type ContractDetail = z.infer<typeof contractDetailSchema>;

/** What the card shows of an unlisted contract (the `tickerlens:contract` reply; messages.ts checks it). */
export interface ContractFacts {
  chain: 'evm' | 'solana';
  address: string;
  /** DefiLlama's chain where the price was found, or CoinGecko's platform. */
  pricedOn?: string;
  price?: { usd: number; source: 'llamaCoins' | 'coingecko'; asOf: number | null };
  /** The name and symbol the token gives itself (GoPlus, else DefiLlama's symbol): its own claim. */
  calls?: { name?: string; symbol?: string };
  /** CoinGecko knows the contract: its coin there (by contract, never by name). */
  coingecko?: { id: string; name: string; symbol: string };
  /** A listed asset whose name or symbol the token uses, that no list ties to this contract. */
  imitates?: { name: string; symbol: string };
  /** GoPlus's facts (EVM chains): taxes as fractions, holders, flags. */
  security?: {
    buyTax: number | null;
    sellTax: number | null;
    holders: number | null;
    honeypot: boolean | null;
    openSource: boolean | null;
    mintable: boolean | null;
    ownerRenounced: boolean | null;
    lpLockedPct: number | null;
  };
  fetchedAt: number;
  /** Why a source gave nothing (shown as the reason, never hidden). */
  errors: string[];
}

export function securityFacts(s: TokenSecurity): NonNullable<ContractFacts['security']> {
  return {
    buyTax: s.buyTax,
    sellTax: s.sellTax,
    holders: s.holderCount,
    honeypot: s.flags.honeypot,
    openSource: s.flags.openSource,
    mintable: s.flags.mintable,
    ownerRenounced: s.ownerRenounced,
    lpLockedPct: s.lp ? s.lp.lockedOrBurnedPct : null,
  };
}
