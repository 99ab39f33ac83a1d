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

/** A holder of the pool's LP token: `percent` is a fraction as a string, `is_locked` 0 or 1. */
const lpHolderSchema = z.object({
  address: z.string(),
  tag: z.string().nullish(),
  percent: z.string(),
  is_locked: z.union([z.number(), z.string()]).nullish(),
});

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
  is_in_dex: flag,
  owner_address: z.string().optional(),
  /** Top holders of the main pool's LP token; a list that does not parse is read as none. */
  lp_holders: z.array(lpHolderSchema).nullish().catch(null),
  lp_holder_count: z.string().optional(),
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
  inDex: boolean | null;
  /** The contract has no owner (renounced), has one, or GoPlus does not say. */
  ownerRenounced: boolean | null;
  /** The main pool's LP token: the share (0–100) locked or sent to a burn address; null without LP data. */
  lp: { lockedOrBurnedPct: number; holders: number } | null;
}

/** Addresses that hold tokens for good: LP sent there is burned. */
const BURN_ADDRESSES: ReadonlySet<string> = new Set([
  '0x0000000000000000000000000000000000000000',
  '0x000000000000000000000000000000000000dead',
]);

/** Renounced ownership is an owner at a burn address; an empty owner says nothing (no owner function). */
function ownerRenounced(owner: string | undefined): boolean | null {
  const o = owner?.trim().toLowerCase();
  if (!o) return null;
  return BURN_ADDRESSES.has(o);
}

function lpFacts(row: z.infer<typeof rowSchema>): TokenSecurity['lp'] {
  const list = row.lp_holders;
  if (!list?.length) return null;
  let share = 0;
  for (const h of list) {
    const pct = Number(h.percent);
    if (!Number.isFinite(pct) || pct < 0) continue;
    const locked = String(h.is_locked ?? '0') === '1';
    if (locked || BURN_ADDRESSES.has(h.address.toLowerCase())) share += pct;
  }
  const count = Number(row.lp_holder_count);
  return {
    lockedOrBurnedPct: Math.min(100, share * 100),
    holders: Number.isFinite(count) ? count : list.length,
  };
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
      inDex: bool(row.is_in_dex),
      ownerRenounced: ownerRenounced(row.owner_address),
      lp: lpFacts(row),
    },
  };
}
