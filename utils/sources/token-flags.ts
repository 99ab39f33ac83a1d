/**
 * The GoPlus findings a card warns about, the way wallet extensions do: only what applies, each a
 * reason a buyer could lose money (cannot sell, taxed, balances or supply changed by an owner, the
 * pool's liquidity free to be pulled). Types and one pure function: the content script carries the ids.
 */
import type { TokenSecurity } from './goplus';

export const TOKEN_FLAGS = [
  'honeypot',
  'cannotSellAll',
  'cannotBuy',
  'ownerCanChangeBalance',
  'hiddenOwner',
  'canTakeBackOwnership',
  'mintable',
  'transferPausable',
  'taxModifiable',
  'blacklist',
  'buyTax',
  'sellTax',
  'lpUnlocked',
] as const;
export type TokenFlagId = (typeof TOKEN_FLAGS)[number];

export interface TokenFlag {
  flag: TokenFlagId;
  /** The tax, or the share of the pool's LP locked or burned, in percent. */
  pct?: number;
}

/** Below this share of the main pool's LP locked or burned, the liquidity can be pulled. */
export const LP_LOCKED_ENOUGH_PCT = 50;

export function tokenFlags(s: TokenSecurity): TokenFlag[] {
  const out: TokenFlag[] = [];
  const f = s.flags;
  // Worst first: a reader who sees one line sees the one that matters most.
  if (f.honeypot) out.push({ flag: 'honeypot' });
  if (f.cannotSellAll) out.push({ flag: 'cannotSellAll' });
  if (f.cannotBuy) out.push({ flag: 'cannotBuy' });
  if (f.ownerCanChangeBalance) out.push({ flag: 'ownerCanChangeBalance' });
  if (s.sellTax !== null && s.sellTax > 0) out.push({ flag: 'sellTax', pct: s.sellTax * 100 });
  if (s.buyTax !== null && s.buyTax > 0) out.push({ flag: 'buyTax', pct: s.buyTax * 100 });
  if (f.hiddenOwner) out.push({ flag: 'hiddenOwner' });
  if (f.canTakeBackOwnership) out.push({ flag: 'canTakeBackOwnership' });
  // An owner gone for good cannot mint, pause or blacklist.
  if (s.ownerRenounced !== true) {
    if (f.mintable) out.push({ flag: 'mintable' });
    if (f.transferPausable) out.push({ flag: 'transferPausable' });
    if (f.taxModifiable) out.push({ flag: 'taxModifiable' });
    if (f.blacklist) out.push({ flag: 'blacklist' });
  }
  if (s.lp && s.lp.lockedOrBurnedPct < LP_LOCKED_ENOUGH_PCT)
    out.push({ flag: 'lpUnlocked', pct: s.lp.lockedOrBurnedPct });
  return out;
}
