/**
 * The "no VC" checklist of one asset (contract §8): five boxes, each `pass` only with evidence in
 * figures, `fail` when the data says no, `unknown` otherwise, and the user's overrides on top. Any
 * box not `pass` leaves the warning on: retail may be the exit liquidity. Pure over what the
 * background read from IndexedDB, so the popup, the notes page and the card never disagree.
 */
import type { CardData } from '../card-schema';
import type { ChecklistRecord, DataOrigin } from '../db/records';
import type { ClaimId } from '../detect/types';
import type { MessageKey } from '../i18n-keys';
import type { TokenSecurity } from '../sources/goplus';
import { allocationFacts, shareOf } from './allocation';
import { ALLOCATION_RULES, claimVerdict } from './claim-verdicts';
import { figurePct, names, times, tokens, usdWhole } from './figures';
import {
  type BoxId,
  type BoxResult,
  type BoxVerdict,
  CHECKLIST_BOXES,
  type ChecklistResult,
  type EvidenceSource,
  type Reason,
} from './types';

export interface ChecklistInputs {
  assetId: string;
  card: CardData | null;
  /** GoPlus's answer for the token's contract, and when it was fetched. */
  security?: TokenSecurity | null;
  securityAt?: number;
  /** The chain whose fees are paid in this coin, when it is a chain's native token (curated). */
  gasOf?: string;
  /**
   * Governance venues DefiLlama names for the protocol ("snapshot:aave.eth"): an empty list when it
   * names none, undefined when DefiLlama's protocol data for it is not known.
   */
  governance?: readonly string[];
  overrides?: ChecklistRecord['overrides'];
  /** Launch claims a page makes about this token: a schedule that contradicts them is said first. */
  claimsOnPage?: readonly ClaimId[];
  /** Figures are still being fetched (the first answer comes from the cache). */
  loading?: boolean;
  /** The sources were asked for what is missing and answered: a figure still missing failed. */
  tried?: boolean;
}

type Figure = { source: DataOrigin; fetchedAt: number; asOf?: number | null; stale: boolean };

interface Computed {
  verdict: BoxVerdict;
  evidence: Reason[];
  source?: EvidenceSource;
  sources?: EvidenceSource[];
  asOf?: number;
  stale?: boolean;
}

const r = (key: MessageKey, ...subs: Reason['subs']): Reason => ({ key, subs });

/** A claim's name in the catalogues ("no-vc" → claim_no_vc). */
const claimKey = (claim: ClaimId) => `claim_${claim.replaceAll('-', '_')}` as MessageKey;

function from(f: Figure | undefined): Pick<Computed, 'source' | 'asOf' | 'stale'> {
  if (!f) return {};
  return { source: f.source, asOf: f.asOf ?? f.fetchedAt, ...(f.stale ? { stale: true } : {}) };
}

/** A figure not there: not read yet, or asked for and not given (the source failed). */
function notRead(i: ChecklistInputs, what: 'revenue' | 'supply' | 'schedule'): Reason {
  const keys = {
    revenue: ['boxRevenueNotFetched', 'boxRevenueUnavailable'],
    supply: ['boxSupplyNotFetched', 'boxSupplyUnavailable'],
    schedule: ['boxSupplyScheduleNotFetched', 'boxSupplyScheduleUnavailable'],
  } as const;
  return r(keys[what][i.tried ? 1 : 0]);
}

function revenueBox(i: ChecklistInputs): Computed {
  const f = i.card?.revenue;
  if (!f) return { verdict: 'unknown', evidence: [notRead(i, 'revenue')] };
  const rev = f.value.revenue;
  const at = from(f);
  if (!rev) {
    const why = f.value.name ? r('boxRevenueNotTracked', f.value.name) : r('boxRevenueNoProtocol');
    return { verdict: 'unknown', evidence: [why], ...at };
  }
  if (rev.total30d === null) {
    const c = rev.covered;
    return {
      verdict: 'unknown',
      evidence: [
        c && c.days > 0 ? r('boxRevenuePartial', String(c.days), usdWhole(c.sum)) : r('boxRevenueNoWindow'),
      ],
      ...at,
    };
  }
  if (rev.total30d <= 0) return { verdict: 'fail', evidence: [r('boxRevenueZero')], ...at };
  const yearly = (rev.total30d * 365) / 30;
  const evidence = [r('boxRevenue30d', usdWhole(rev.total30d), usdWhole(yearly))];
  const s = i.card?.supply?.value;
  const fdv = s?.fdvUsd ?? null;
  if (fdv && fdv > 0) evidence.push(r('boxRevenueToFdv', times(fdv / yearly)));
  if (s?.marketCapUsd && s.marketCapUsd > 0)
    evidence.push(r('boxRevenueToMcap', times(s.marketCapUsd / yearly)));
  return { verdict: 'pass', evidence, ...at };
}

function sinkBox(i: ChecklistInputs): Computed {
  // Only what says users need the token: the chain's own fee coin (curated), staking rewards in the
  // schedule. A category such as "Smart Contract Platform" is no evidence: CoinGecko files L2
  // tokens there whose chains take their fees in ETH.
  if (i.gasOf) return { verdict: 'pass', evidence: [r('boxSinkGas', i.gasOf)], source: 'curated' };
  const unlocks = i.card?.unlocks;
  if (unlocks?.value.listed) {
    const staking = allocationFacts(unlocks.value).roles.staking;
    if (staking) {
      const evidence =
        staking.pct === null
          ? r('boxSinkStakingNamed', names(staking.labels))
          : r('boxSinkStaking', figurePct(staking.pct));
      return { verdict: 'pass', evidence: [evidence], ...from(unlocks) };
    }
  }
  return { verdict: 'unknown', evidence: [r('boxSinkNone')] };
}

function supplyBox(i: ChecklistInputs): Computed {
  const f = i.card?.supply;
  if (!f) return { verdict: 'unknown', evidence: [notRead(i, 'supply')] };
  const s = f.value;
  const evidence: Reason[] = [];
  const capped = s.max !== null && s.max > 0;
  if (capped && s.max !== null) {
    evidence.push(
      s.circulating !== null
        ? r('boxSupplyCap', tokens(s.max), figurePct((s.circulating / s.max) * 100))
        : r('boxSupplyCapOnly', tokens(s.max)),
    );
  } else evidence.push(r('boxSupplyNoCap'));
  const u = i.card?.unlocks;
  let verdict: BoxVerdict = capped ? 'pass' : 'fail';
  if (!u) {
    evidence.push(notRead(i, 'schedule'));
    if (capped) verdict = 'unknown';
  } else if (!u.value.listed) {
    evidence.push(r('boxSupplyNoSchedule'));
    if (capped) verdict = 'unknown';
  } else {
    const { next30d, next90d } = u.value;
    evidence.push(
      r(
        'boxSupplyNext',
        tokens(next30d.amount),
        next30d.sharePct === null ? '—' : figurePct(next30d.sharePct),
        tokens(next90d.amount),
        next90d.sharePct === null ? '—' : figurePct(next90d.sharePct),
      ),
    );
    const facts = allocationFacts(u.value);
    const insiders = shareOf(facts, ['team', 'insiders', 'investors']);
    const investors = facts.roles.investors;
    if (insiders)
      evidence.push(
        insiders.pct !== null
          ? r('boxSupplyInsiders', figurePct(insiders.pct))
          : insiders.upTo !== null
            ? r('boxSupplyInsidersUpTo', figurePct(insiders.upTo), names(insiders.labels))
            : r('boxSupplyInsidersNamed', names(insiders.labels)),
      );
    if (investors)
      evidence.push(
        investors.pct === null
          ? r('boxSupplyInvestorsNamed', names(investors.labels))
          : r('boxSupplyInvestors', figurePct(investors.pct), names(investors.labels)),
      );
    // The case this product exists for, said first and plainly: a claim on the page the schedule
    // contradicts, in the claim's own verdict (the same the popup and the card give).
    for (const claim of i.claimsOnPage ?? []) {
      if (!ALLOCATION_RULES[claim] || !i.card) continue;
      const v = claimVerdict(claim, undefined, i.card);
      if (v.verdict !== 'contradicts') continue;
      evidence.unshift(r('boxSupplyClaimSays', { key: claimKey(claim) }), v.reason);
      break;
    }
  }
  // The figures come from two sources: the box is as old as the older, stale if either is.
  const at = from(f);
  const ua = from(u);
  return {
    verdict,
    evidence,
    ...at,
    ...(ua.source && ua.source !== at.source ? { sources: [at.source, ua.source] as EvidenceSource[] } : {}),
    ...(ua.asOf !== undefined && (at.asOf === undefined || ua.asOf < at.asOf) ? { asOf: ua.asOf } : {}),
    ...(at.stale || ua.stale ? { stale: true } : {}),
  };
}

function liquidityBox(i: ChecklistInputs): Computed {
  const sec = i.security;
  const goplus: Reason[] = [];
  if (sec?.buyTax != null && sec.sellTax != null)
    goplus.push(r('boxLiquidityTaxes', figurePct(sec.buyTax * 100), figurePct(sec.sellTax * 100)));
  if (sec?.lp) goplus.push(r('boxLiquidityLp', figurePct(sec.lp.lockedOrBurnedPct)));
  if (sec && (sec.flags.honeypot || sec.flags.cannotSellAll)) {
    return {
      verdict: 'fail',
      evidence: [r('boxLiquidityCannotSell'), ...goplus],
      source: 'goplus',
      ...(i.securityAt ? { asOf: i.securityAt } : {}),
    };
  }
  const f = i.card?.revenue;
  if (!f) return { verdict: 'unknown', evidence: [notRead(i, 'revenue'), ...goplus] };
  const held = f.value.holdersRevenue;
  const at = from(f);
  if (!held) return { verdict: 'unknown', evidence: [r('boxLiquidityNone'), ...goplus], ...at };
  if (held.total30d === null) {
    const c = held.covered;
    return {
      verdict: 'unknown',
      evidence: [
        c && c.days > 0 ? r('boxLiquidityPartial', String(c.days), usdWhole(c.sum)) : r('boxLiquidityNone'),
        ...goplus,
      ],
      ...at,
    };
  }
  if (held.total30d <= 0) return { verdict: 'fail', evidence: [r('boxLiquidityZero'), ...goplus], ...at };
  const mcap = i.card?.supply?.value.marketCapUsd ?? null;
  const yearly = (held.total30d * 365) / 30;
  return {
    verdict: 'pass',
    evidence: [
      mcap && mcap > 0
        ? r('boxLiquidity30dYield', usdWhole(held.total30d), figurePct((yearly / mcap) * 100))
        : r('boxLiquidity30d', usdWhole(held.total30d)),
      ...goplus,
    ],
    ...at,
  };
}

/** DefiLlama's governance ids ("snapshot:aave.eth", "compound:0x…", "tally:…") in words. */
export function governanceVenue(id: string): string {
  const [kind = '', ...rest] = id.split(':');
  const where = rest.join(':');
  switch (kind.toLowerCase()) {
    case 'snapshot':
      return `Snapshot ${where}`;
    case 'compound':
      return `Governor (on-chain) ${where.length > 14 ? `${where.slice(0, 6)}…${where.slice(-4)}` : where}`;
    case 'tally':
      return `Tally ${where}`;
    default:
      return id;
  }
}

function governanceBox(i: ChecklistInputs): Computed {
  const g = i.governance;
  const f = i.card?.revenue;
  if (g === undefined) return { verdict: 'unknown', evidence: [r('boxGovernanceNotKnown')] };
  if (!g.length) return { verdict: 'unknown', evidence: [r('boxGovernanceNone')], ...from(f) };
  return {
    verdict: 'pass',
    evidence: [r('boxGovernanceVenues', g.map(governanceVenue).join(', '))],
    ...from(f),
  };
}

const BOXES: Record<BoxId, (i: ChecklistInputs) => Computed> = {
  revenue: revenueBox,
  sink: sinkBox,
  supply: supplyBox,
  liquidity: liquidityBox,
  governance: governanceBox,
};

export function checklist(i: ChecklistInputs): ChecklistResult {
  const boxes: BoxResult[] = CHECKLIST_BOXES.map((box) => {
    const c = BOXES[box](i);
    const override = i.overrides?.[box];
    return {
      box,
      verdict: override ? override.verdict : c.verdict,
      computed: c.verdict,
      evidence: c.evidence,
      ...(c.source ? { source: c.source } : {}),
      ...(c.sources ? { sources: c.sources } : {}),
      ...(c.asOf !== undefined ? { asOf: c.asOf } : {}),
      ...(c.stale ? { stale: true } : {}),
      ...(override ? { override } : {}),
    };
  });
  const score = boxes.filter((b) => b.verdict === 'pass').length;
  return { asset: i.assetId, score, boxes, warning: score < CHECKLIST_BOXES.length, loading: !!i.loading };
}
