/**
 * GoPlus `token_security`: buy and sell tax and the honeypot-style flags of an EVM contract. Flags
 * are strings "0"/"1" (or "" when unknown); taxes are decimal fractions as strings ("0.05" = 5 %).
 */
import { z } from 'zod';

/** CoinGecko platform ids → GoPlus chain ids, so callers can pass either. */
const CHAIN_IDS: Record<string, string> = {
  ethereum: '1',
  'binance-smart-chain': '56',
  bsc: '56',
  'polygon-pos': '137',
  'arbitrum-one': '42161',
  base: '8453',
  'optimistic-ethereum': '10',
  avalanche: '43114',
};

export function goplusChainId(chain: string): string | null {
  if (/^\d+$/.test(chain)) return chain;
  return CHAIN_IDS[chain] ?? null;
}

export function tokenSecurityUrl(baseUrl: string, chainId: string, address: string): string {
  return `${baseUrl}/api/v1/token_security/${encodeURIComponent(chainId)}?contract_addresses=${encodeURIComponent(address)}`;
}

const flag = z.string().optional();

const rowSchema = z.object({
  token_name: z.string().optional(),
  token_symbol: z.string().optional(),
  buy_tax: z.string().optional(),
  sell_tax: z.string().optional(),
  transfer_tax: z.string().optional(),
  is_honeypot: flag,
  cannot_buy: flag,
  cannot_sell_all: flag,
  is_open_source: flag,
  is_proxy: flag,
  is_mintable: flag,
  hidden_owner: flag,
  can_take_back_ownership: flag,
  owner_change_balance: flag,
  transfer_pausable: flag,
  slippage_modifiable: flag,
  is_blacklisted: flag,
  holder_count: z.string().optional(),
});

/** `code` 1 is success; other codes (e.g. 4029 "request limit reached") come inside a 200 answer. */
export const tokenSecuritySchema = z.object({
  code: z.number(),
  message: z.string().optional(),
  result: z.record(z.string(), rowSchema).nullish(),
});
export type TokenSecurityAnswer = z.infer<typeof tokenSecuritySchema>;

export interface TokenSecurity {
  chainId: string;
  address: string;
  name: string | null;
  symbol: string | null;
  /** Fractions (0.05 = 5 %); null when GoPlus does not know. */
  buyTax: number | null;
  sellTax: number | null;
  transferTax: number | null;
  flags: {
    honeypot: boolean | null;
    cannotBuy: boolean | null;
    cannotSellAll: boolean | null;
    openSource: boolean | null;
    proxy: boolean | null;
    mintable: boolean | null;
    hiddenOwner: boolean | null;
    canTakeBackOwnership: boolean | null;
    ownerCanChangeBalance: boolean | null;
    transferPausable: boolean | null;
    taxModifiable: boolean | null;
    blacklist: boolean | null;
  };
  holderCount: number | null;
}

const bool = (s: string | undefined): boolean | null => (s === '1' ? true : s === '0' ? false : null);
const fraction = (s: string | undefined): number | null => {
  if (s === undefined || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 ? n : null;
};

export function parseTokenSecurity(
  answer: TokenSecurityAnswer,
  chainId: string,
  address: string,
): { ok: true; data: TokenSecurity } | { ok: false; reason: string; rateLimited: boolean } {
  if (answer.code !== 1) {
    return {
      ok: false,
      reason: `GoPlus code ${answer.code}${answer.message ? `: ${answer.message}` : ''}`,
      rateLimited: answer.code === 4029,
    };
  }
  const key = address.toLowerCase();
  const row = Object.entries(answer.result ?? {}).find(([k]) => k.toLowerCase() === key)?.[1];
  if (!row) return { ok: false, reason: 'contract not known to GoPlus', rateLimited: false };
  const holders = row.holder_count === undefined ? Number.NaN : Number(row.holder_count);
  return {
    ok: true,
    data: {
      chainId,
      address: key,
      name: row.token_name ?? null,
      symbol: row.token_symbol ?? null,
      buyTax: fraction(row.buy_tax),
      sellTax: fraction(row.sell_tax),
      transferTax: fraction(row.transfer_tax),
      flags: {
        honeypot: bool(row.is_honeypot),
        cannotBuy: bool(row.cannot_buy),
        cannotSellAll: bool(row.cannot_sell_all),
        openSource: bool(row.is_open_source),
        proxy: bool(row.is_proxy),
        mintable: bool(row.is_mintable),
        hiddenOwner: bool(row.hidden_owner),
        canTakeBackOwnership: bool(row.can_take_back_ownership),
        ownerCanChangeBalance: bool(row.owner_change_balance),
        transferPausable: bool(row.transfer_pausable),
        taxModifiable: bool(row.slippage_modifiable),
        blacklist: bool(row.is_blacklisted),
      },
      holderCount: Number.isFinite(holders) ? holders : null,
    },
  };
}
