import type { ClaimId } from '@/utils/detect';
import { type MessageKey, t } from '@/utils/i18n';

const KIND_KEYS = {
  ticker: 'kindTicker',
  name: 'kindName',
  handle: 'kindHandle',
  address: 'kindAddress',
  claim: 'kindClaim',
} as const satisfies Record<string, MessageKey>;

export function kindLabel(kind: keyof typeof KIND_KEYS): string {
  return t(KIND_KEYS[kind]);
}

export function claimLabel(claim: ClaimId): string {
  return t(`claim_${claim.replaceAll('-', '_')}` as MessageKey);
}

/** DefiLlama's category names the card translates; any other is shown as DefiLlama gives it. */
const UNLOCK_CATEGORY_KEYS: Record<string, MessageKey> = {
  insiders: 'unlockInsiders',
  privateSale: 'unlockPrivateSale',
  publicSale: 'unlockPublicSale',
  airdrop: 'unlockAirdrop',
  farming: 'unlockFarming',
  noncirculating: 'unlockNoncirculating',
  liquidity: 'unlockLiquidity',
  staking: 'unlockStaking',
  Uncategorized: 'unlockUncategorized',
};

export function unlockCategoryLabel(category: string): string {
  const key = Object.hasOwn(UNLOCK_CATEGORY_KEYS, category) ? UNLOCK_CATEGORY_KEYS[category] : undefined;
  return key ? t(key) : category;
}
