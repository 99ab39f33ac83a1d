/**
 * What the data says of a launch claim made in a post: agrees, contradicts, or unknown, with the
 * reason in figures. Pure over the card data (IndexedDB via the background), so the card and the
 * popup say the same thing. A "no VC" post for a token whose unlock schedule lists private-sale
 * investors is the case this exists for.
 *
 * Reasons are i18n message keys with their substitutions (figures formatted here, words in the
 * catalogues), so the module stays pure and the card speaks the user's language.
 */
import type { CardData } from '../card-schema';
import type { ClaimId } from '../detect/types';
import type { MessageKey } from '../i18n-keys';

export type Verdict = 'agrees' | 'contradicts' | 'unknown';

export interface ClaimVerdict {
  claim: ClaimId;
  verdict: Verdict;
  /** The reason: a message key of public/_locales and its substitutions (figures, or other keys). */
  reason: Reason;
}

export interface Reason {
  key: MessageKey;
  subs: Array<string | { key: MessageKey }>;
}

type Unlocks = NonNullable<CardData['unlocks']>['value'];

/** Share (%) of the final allocation in the given categories, or null without an allocation. */
function allocationShare(u: Unlocks, categories: readonly string[]): number | null {
  const final = u.allocation?.final;
  if (!final) return null;
  const total = Object.values(final).reduce((a, b) => a + b, 0);
  if (!(total > 0)) return null;
  const part = categories.reduce((a, c) => a + (final[c] ?? 0), 0);
  return (part / total) * 100;
}

const pct = (x: number) => `${x < 100 ? Number(x.toFixed(1)) : Math.round(x)}%`;

/** Claims answered by who gets the tokens: the unlock schedule's allocation. */
const ALLOCATION_RULES: Partial<Record<ClaimId, { categories: string[]; who: MessageKey }>> = {
  'no-vc': { categories: ['privateSale'], who: 'whoInvestors' },
  'no-presale': { categories: ['privateSale'], who: 'whoInvestors' },
  'no-insiders': { categories: ['insiders'], who: 'whoInsiders' },
  'community-only': { categories: ['insiders', 'privateSale'], who: 'whoInsidersAndInvestors' },
  'fair-launch': { categories: ['insiders', 'privateSale'], who: 'whoInsidersAndInvestors' },
};

export function claimVerdict(claim: ClaimId, value: number | undefined, card: CardData | null): ClaimVerdict {
  const v = (verdict: Verdict, key: MessageKey, ...subs: Reason['subs']): ClaimVerdict => ({
    claim,
    verdict,
    reason: { key, subs },
  });
  const unlocks = card?.unlocks?.value;

  const rule = ALLOCATION_RULES[claim];
  if (rule) {
    if (!unlocks?.listed) return v('unknown', 'reasonNoSchedule');
    const share = allocationShare(unlocks, rule.categories);
    const upcoming = unlocks.next.some((e) => rule.categories.includes(e.category));
    if (share !== null && share > 0)
      return v('contradicts', 'reasonAllocates', pct(share), { key: rule.who });
    if (upcoming) return v('contradicts', 'reasonUpcomingTo', { key: rule.who });
    if (share === null) return v('unknown', 'reasonNoBreakdown');
    return v('agrees', 'reasonNoneTo', { key: rule.who });
  }

  if (claim === 'airdrop') {
    if (!unlocks?.listed) return v('unknown', 'reasonNoSchedule');
    const share = allocationShare(unlocks, ['airdrop']);
    if (share === null) return v('unknown', 'reasonNoBreakdown');
    if (value === undefined) {
      return share > 0 ? v('agrees', 'reasonAirdropShare', pct(share)) : v('contradicts', 'reasonNoAirdrop');
    }
    return Math.abs(share - value) <= 3
      ? v('agrees', 'reasonAirdropShare', pct(share))
      : v('contradicts', 'reasonAirdropShareNot', pct(share), `${value}%`);
  }

  if (claim === 'buyback-burn') {
    const r = card?.revenue?.value;
    if (!r) return v('unknown', 'reasonNoRevenue');
    const held = r.holdersRevenue?.total30d ?? null;
    if (held === null) return v('unknown', 'reasonNoHoldersRevenue');
    return held > 0
      ? v('agrees', 'reasonHoldersRevenue', `$${Math.round(held).toLocaleString('en-US')}`)
      : v('contradicts', 'reasonNoHoldersRevenue30d');
  }

  return v('unknown', 'reasonNoSource');
}
