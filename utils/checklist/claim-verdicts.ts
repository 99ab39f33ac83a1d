/**
 * What the data says of a launch claim made in a post: agrees, contradicts, or unknown, with the
 * reason in figures. Pure over the card data (IndexedDB via the background), so the card and the
 * popup say the same thing. A "no VC" post for a token whose unlock schedule lists private-sale
 * investors is the case this exists for.
 */
import type { CardData } from '../card-schema';
import type { ClaimId } from '../detect/types';

export type Verdict = 'agrees' | 'contradicts' | 'unknown';

export interface ClaimVerdict {
  claim: ClaimId;
  verdict: Verdict;
  /** Plain words and figures, for the card. English; the card localises the verdict label. */
  reason: string;
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
const ALLOCATION_RULES: Partial<Record<ClaimId, { categories: string[]; who: string }>> = {
  'no-vc': { categories: ['privateSale'], who: 'private-sale investors' },
  'no-presale': { categories: ['privateSale'], who: 'private-sale investors' },
  'no-insiders': { categories: ['insiders'], who: 'insiders (team, advisors)' },
  'community-only': { categories: ['insiders', 'privateSale'], who: 'insiders and investors' },
  'fair-launch': { categories: ['insiders', 'privateSale'], who: 'insiders and investors' },
};

export function claimVerdict(claim: ClaimId, value: number | undefined, card: CardData | null): ClaimVerdict {
  const unknown = (reason: string): ClaimVerdict => ({ claim, verdict: 'unknown', reason });
  const unlocks = card?.unlocks?.value;

  const rule = ALLOCATION_RULES[claim];
  if (rule) {
    if (!unlocks?.listed) return unknown('No unlock schedule is listed for this token.');
    const share = allocationShare(unlocks, rule.categories);
    const insiderEvents = unlocks.next.filter((e) => rule.categories.includes(e.category));
    if ((share !== null && share > 0) || insiderEvents.length) {
      const what = share !== null && share > 0 ? `${pct(share)} of the supply` : 'upcoming unlocks';
      return { claim, verdict: 'contradicts', reason: `The unlock schedule gives ${what} to ${rule.who}.` };
    }
    if (share === null) return unknown('The unlock schedule has no allocation breakdown.');
    return { claim, verdict: 'agrees', reason: `The unlock schedule lists no allocation to ${rule.who}.` };
  }

  if (claim === 'airdrop') {
    if (!unlocks?.listed) return unknown('No unlock schedule is listed for this token.');
    const share = allocationShare(unlocks, ['airdrop']);
    if (share === null) return unknown('The unlock schedule has no allocation breakdown.');
    if (value === undefined) {
      return share > 0
        ? { claim, verdict: 'agrees', reason: `The schedule allocates ${pct(share)} to airdrops.` }
        : { claim, verdict: 'contradicts', reason: 'The schedule allocates nothing to airdrops.' };
    }
    const off = Math.abs(share - value);
    return off <= 3
      ? { claim, verdict: 'agrees', reason: `The schedule allocates ${pct(share)} to airdrops.` }
      : {
          claim,
          verdict: 'contradicts',
          reason: `The schedule allocates ${pct(share)} to airdrops, not ${value}%.`,
        };
  }

  if (claim === 'buyback-burn') {
    const r = card?.revenue?.value;
    if (!r) return unknown('No revenue data for this token.');
    const held = r.holdersRevenue?.total30d ?? null;
    if (held === null) return unknown('The data has no value returned to holders.');
    return held > 0
      ? {
          claim,
          verdict: 'agrees',
          reason: `$${Math.round(held).toLocaleString('en-US')} went back to holders in 30 days.`,
        }
      : { claim, verdict: 'contradicts', reason: 'Nothing went back to holders in the last 30 days.' };
  }

  return unknown('No data source checks this claim.');
}
