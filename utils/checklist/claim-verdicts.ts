/**
 * What the data says of a launch claim made in a post: `agrees` (the data shows nothing against
 * it), `contradicts`, or `unknown`, with the reason in figures and the source that decided it. Pure
 * over the card data and GoPlus's facts, so the card, the popup and the page's marks say the same.
 * A "no VC" post for a token whose unlock schedule lists investors is the case this exists for.
 *
 * A reason says what the data shows ("DefiLlama's schedule lists no investor allocation"), never
 * more: `agrees` is no endorsement. Reasons are message keys with their substitutions (figures
 * formatted here, words in the catalogues), so the module stays pure and speaks the reader's
 * language.
 */
import type { CardData } from '../card-schema';
import type { DataOrigin } from '../db/records';
import type { ClaimId } from '../detect/types';
import type { MessageKey } from '../i18n-keys';
import type { TokenSecurity } from '../sources/goplus';
import { type AllocationFacts, allocationFacts, type Role, sectionRole, shareOf } from './allocation';
import { figurePct, names, usdWhole } from './figures';
import type { Reason } from './types';

export type Verdict = 'agrees' | 'contradicts' | 'unknown';
export type { Reason };

export interface ClaimVerdict {
  claim: ClaimId;
  verdict: Verdict;
  reason: Reason;
  /** The source whose figures decided it, and their time (the source's own, else when fetched). */
  source?: DataOrigin;
  asOf?: number;
}

/** What a verdict reads besides the card: GoPlus's answer for the token's contract, if any. */
export interface VerdictExtras {
  security?: TokenSecurity | null;
  /** When GoPlus was asked (ms); with no answer, why none (a message key). */
  securityAt?: number;
  securityMissing?: MessageKey;
  /** The sources were asked for what is missing and answered (a figure still missing failed). */
  tried?: boolean;
}

type Unlocks = NonNullable<CardData['unlocks']>['value'];

/** Claims answered by who gets the supply, and the roles each one says get nothing. */
export const ALLOCATION_RULES: Partial<Record<ClaimId, { roles: Role[]; who: MessageKey }>> = {
  'no-vc': { roles: ['investors'], who: 'whoInvestors' },
  'no-presale': { roles: ['investors', 'publicSale'], who: 'whoPresale' },
  'no-insiders': { roles: ['team', 'insiders', 'investors'], who: 'whoTeamInvestors' },
  'community-only': { roles: ['team', 'insiders', 'investors'], who: 'whoTeamInvestors' },
  'fair-launch': { roles: ['team', 'insiders', 'investors'], who: 'whoTeamInvestors' },
};

/**
 * An airdrop share agrees with "N% airdrop" within a tenth of N (half a point at least): "28%" is
 * 25.2–30.8%, "3%" is 2.5–3.5% (never 0%).
 */
export function airdropMatches(claimed: number, share: number): boolean {
  // A hair of slack: 30.8 − 28 is 2.8000000000000007 in floating point.
  return Math.abs(share - claimed) <= Math.max(0.5, claimed * 0.1) + 1e-9;
}

export function claimVerdict(
  claim: ClaimId,
  value: number | undefined,
  card: CardData | null,
  extras: VerdictExtras = {},
): ClaimVerdict {
  const from = (f: { source: DataOrigin; fetchedAt: number; asOf?: number | null } | undefined) =>
    f ? { source: f.source, asOf: f.asOf ?? f.fetchedAt } : {};
  const v = (verdict: Verdict, key: MessageKey, subs: Reason['subs'], at = {}): ClaimVerdict => ({
    claim,
    verdict,
    reason: { key, subs },
    ...at,
  });

  const rule = ALLOCATION_RULES[claim];
  if (rule || claim === 'airdrop') {
    const figure = card?.unlocks;
    const unlocks = figure?.value;
    if (!figure)
      return v('unknown', extras.tried ? 'reasonScheduleUnavailable' : 'reasonNotFetchedSchedule', []);
    if (!unlocks?.listed) return v('unknown', 'reasonNoSchedule', [], from(figure));
    const facts = allocationFacts(unlocks);
    if (!facts.breakdown) return v('unknown', 'reasonNoBreakdown', [], from(figure));
    if (claim === 'airdrop') return airdropVerdict(v, facts, value, from(figure));
    if (!rule) return v('unknown', 'reasonNoSource', []);
    const given = shareOf(facts, rule.roles);
    if (given) {
      if (given.pct === null && given.upTo !== null)
        return v(
          'contradicts',
          'reasonGivesUpTo',
          [{ key: rule.who }, figurePct(given.upTo), names(given.labels)],
          from(figure),
        );
      if (given.pct === null)
        return v('contradicts', 'reasonSectionsFor', [{ key: rule.who }, names(given.labels)], from(figure));
      return v(
        'contradicts',
        given.labels.length ? 'reasonGivesNamed' : 'reasonGives',
        [{ key: rule.who }, figurePct(given.pct), names(given.labels)],
        from(figure),
      );
    }
    const upcoming = upcomingTo(unlocks, rule.roles);
    if (upcoming) return v('contradicts', 'reasonUpcomingTo', [{ key: rule.who }, upcoming], from(figure));
    return v('agrees', 'reasonListsNone', [{ key: rule.who }], from(figure));
  }

  if (claim === 'buyback-burn') {
    const figure = card?.revenue;
    if (!figure)
      return v('unknown', extras.tried ? 'reasonRevenueUnavailable' : 'reasonNotFetchedRevenue', []);
    const held = figure.value.holdersRevenue;
    if (!held) return v('unknown', 'reasonNoHoldersRevenue', [], from(figure));
    if (held.total30d === null) {
      return held.covered && held.covered.days > 0
        ? v(
            'unknown',
            'reasonHoldersPartial',
            [String(held.covered.days), usdWhole(held.covered.sum)],
            from(figure),
          )
        : v('unknown', 'reasonNoHoldersRevenue', [], from(figure));
    }
    return held.total30d > 0
      ? v('agrees', 'reasonHoldersRevenue', [usdWhole(held.total30d)], from(figure))
      : v('contradicts', 'reasonNoHoldersRevenue30d', [], from(figure));
  }

  if (claim === 'zero-tax' || claim === 'liquidity-locked') {
    const s = extras.security;
    const at = s
      ? { source: 'goplus' as const, ...(extras.securityAt ? { asOf: extras.securityAt } : {}) }
      : {};
    if (!s) return v('unknown', extras.securityMissing ?? 'reasonNoContract', []);
    if (claim === 'zero-tax') {
      if (s.buyTax === null || s.sellTax === null) return v('unknown', 'reasonTaxUnknown', [], at);
      const taxes = [figurePct(s.buyTax * 100), figurePct(s.sellTax * 100)];
      return s.buyTax === 0 && s.sellTax === 0
        ? v('agrees', 'reasonTaxNone', [], at)
        : v('contradicts', 'reasonTaxes', taxes, at);
    }
    if (!s.lp) return v('unknown', 'reasonNoLpData', [], at);
    const locked = s.lp.lockedOrBurnedPct;
    if (locked >= 90) return v('agrees', 'reasonLpLocked', [figurePct(locked)], at);
    return v('contradicts', 'reasonLpNotLocked', [figurePct(locked)], at);
  }

  if (claim === 'token-launch') {
    // "TGE soon", "launching a token": a token that already trades has launched.
    const price = card?.price;
    const volume = card?.supply?.value.volume24hUsd ?? null;
    if (!price) return v('unknown', 'reasonNoListing', []);
    // A snapshot's price says the token traded on its date, not that it trades now.
    if (price.source === 'snapshot')
      return v('unknown', 'reasonListingFromSnapshot', [price.snapshotDate ?? '']);
    if (volume !== null && volume > 0)
      return v('contradicts', 'reasonAlreadyTrades', [usdWhole(volume)], from(card?.supply));
    return v('contradicts', 'reasonAlreadyPriced', [], from(price));
  }

  return v('unknown', 'reasonNoSource', []);
}

function airdropVerdict(
  v: (verdict: Verdict, key: MessageKey, subs: Reason['subs'], at?: object) => ClaimVerdict,
  facts: AllocationFacts,
  claimed: number | undefined,
  at: object,
): ClaimVerdict {
  const share = facts.roles.airdrop;
  if (!share) {
    // Community rewards may well fund an airdrop the schedule does not name as one.
    const community = facts.roles.community;
    return community
      ? v(
          'unknown',
          'reasonNoAirdropCommunity',
          [community.pct === null ? names(community.labels) : figurePct(community.pct)],
          at,
        )
      : v('contradicts', 'reasonNoAirdrop', [], at);
  }
  if (share.pct === null) {
    return claimed === undefined
      ? v('agrees', 'reasonAirdropSection', [names(share.labels)], at)
      : v('unknown', 'reasonAirdropNoFigure', [names(share.labels), `${claimed}%`], at);
  }
  if (claimed === undefined) return v('agrees', 'reasonAirdropShare', [figurePct(share.pct)], at);
  return airdropMatches(claimed, share.pct)
    ? v('agrees', 'reasonAirdropCompared', [figurePct(share.pct), `${claimed}%`], at)
    : v('contradicts', 'reasonAirdropShareNot', [figurePct(share.pct), `${claimed}%`], at);
}

/** The soonest upcoming unlock (or stream) of a section in these roles: its name, if any. */
function upcomingTo(u: Unlocks, roles: readonly Role[]): string | undefined {
  const hit = u.next.find((e) => roles.includes(sectionRole(e.label, e.category)));
  return hit ? hit.label || hit.category : undefined;
}
