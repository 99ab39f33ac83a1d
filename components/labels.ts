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
