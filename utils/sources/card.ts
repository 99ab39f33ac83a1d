/**
 * The card's data: built from stored records only (never the network), every figure with its
 * source, its age and whether it is stale (and why). Pure: `buildCard(now, records)`.
 */
import type {
  DataOrigin,
  Provenance,
  QuoteRecord,
  RegistryRecord,
  RevenueRecord,
  RevenueSeries,
  TreasuryCoin,
  TreasuryRecord,
  UnlockCategory,
  UnlockRecord,
} from '../db/records';
import { INSIDER_CATEGORIES } from './llama-datasets';

/** After this long a figure is shown as stale even when its last refresh did not fail. */
export const FRESH_FOR_MS = {
  price: 10 * 60_000,
  market: 30 * 60_000,
  sparkline: 60 * 60_000,
  unlocks: 2 * 86_400_000,
  revenue: 2 * 86_400_000,
  treasury: 3 * 86_400_000,
  registry: 7 * 86_400_000,
} as const;

export interface Figure<T> {
  value: T;
  source: DataOrigin;
  fetchedAt: number;
  ageMs: number;
  stale: boolean;
  /** Why it is stale: the last refresh's error, or its age. */
  staleReason?: string;
  /** Set when the figure comes from the bundled snapshot: its date (YYYY-MM-DD), to label it. */
  snapshotDate?: string;
}

export interface PriceValue {
  usd: number;
  change24hPct: number | null;
  change7dPct: number | null;
  previousClose: number | null;
  asOf: number | null;
}

export interface SupplyValue {
  circulating: number | null;
  total: number | null;
  max: number | null;
  marketCapUsd: number | null;
  fdvUsd: number | null;
  volume24hUsd: number | null;
  rank: number | null;
}

export interface UnlockView {
  date: number;
  amount: number;
  /** Percent of the circulating supply; null when the supply is unknown. */
  shareOfCirculatingPct: number | null;
  category: UnlockCategory;
  label: string;
  /** Insiders (team, advisors) or investors (private sale): the unlocks readers should notice. */
  insider: boolean;
}

export interface UnlocksValue {
  /** Next events, soonest first (at most `NEXT_UNLOCKS`). */
  next: UnlockView[];
  /** Tokens unlocking within 30 days, all categories, and the insider/investor part of them. */
  next30d: { amount: number; sharePct: number | null; insiderAmount: number; insiderSharePct: number | null };
  allocation: UnlockRecord['allocation'];
  /** False when DefiLlama lists no schedule for this coin. */
  listed: boolean;
  sources: string[];
}

export interface TreasuryHolding {
  coin: TreasuryCoin;
  holdings: number;
  /** At our latest coin price when we have one, else the source's own valuation. */
  valueUsd: number | null;
  valueBasis: 'live price' | 'source valuation' | 'unknown';
  entryValueUsd: number | null;
  pctOfSupply: number | null;
}

/** A holding left out: the source values it at a unit price far from the coin's own. */
export interface RefusedHolding {
  coin: TreasuryCoin;
  holdings: number;
  /** The source's current value ÷ holdings. */
  impliedUnitUsd: number;
  /** The coin's own price. */
  coinUsd: number;
}

export interface TreasuryValue {
  company: string;
  holdings: TreasuryHolding[];
  /** Holdings whose numbers cannot be the coin's (`saneHolding`), with why. */
  refused: RefusedHolding[];
  totalValueUsd: number | null;
  /** Market cap ÷ crypto holdings value; null when the market cap is unknown (see `mNavNote`). */
  mNav: number | null;
  /** Why mNAV is missing: no market cap for the company, or its holdings could not be valued. */
  mNavNote?: 'noMarketCap' | 'noHoldingsValue';
}

export interface RevenueValue {
  name: string;
  revenue: RevenueSeries | null;
  /** Value returned to holders: buybacks, burns, distributions. */
  holdersRevenue: RevenueSeries | null;
}

export interface Card {
  assetId: string;
  symbol: string;
  name: string;
  price?: Figure<PriceValue>;
  supply?: Figure<SupplyValue>;
  sparkline?: Figure<{ points: number[]; spanDays: number }>;
  unlocks?: Figure<UnlocksValue>;
  treasury?: Figure<TreasuryValue>;
  revenue?: Figure<RevenueValue>;
  profile?: Figure<{ handles: string[]; categories: string[] }>;
}

export interface CardInputs {
  assetId: string;
  quote?: QuoteRecord;
  registry?: RegistryRecord;
  unlocks?: UnlockRecord;
  revenue?: RevenueRecord;
  treasuries?: TreasuryRecord[];
  /** Latest quotes of the treasury coins (cg:bitcoin, cg:ethereum), to value holdings. */
  coinQuotes?: Partial<Record<TreasuryCoin, QuoteRecord>>;
  /** The bundled snapshot's date, for figures whose source is the snapshot. */
  snapshotDate?: string;
}

export const NEXT_UNLOCKS = 5;
const DAY_MS = 86_400_000;

function figure<T>(
  now: number,
  value: T,
  p: Provenance,
  freshForMs: number,
  snapshotDate?: string,
): Figure<T> {
  const ageMs = Math.max(0, now - p.fetchedAt);
  const tooOld = ageMs > freshForMs;
  const stale = !!p.stale || tooOld || p.source === 'snapshot';
  // A snapshot figure is labelled by its date; the reason is only said when a refresh failed.
  const staleReason = p.error ?? (p.source !== 'snapshot' && tooOld ? 'not refreshed recently' : undefined);
  return {
    value,
    source: p.source,
    fetchedAt: p.fetchedAt,
    ageMs,
    stale,
    ...(stale && staleReason ? { staleReason } : {}),
    ...(p.source === 'snapshot' && snapshotDate ? { snapshotDate } : {}),
  };
}

function unlocksValue(now: number, u: UnlockRecord, circulating: number | null): UnlocksValue {
  const share = (amount: number) => (circulating && circulating > 0 ? (amount / circulating) * 100 : null);
  const upcoming = u.events.filter((e) => e.date >= now);
  const within30 = upcoming.filter((e) => e.date < now + 30 * DAY_MS);
  const amount = within30.reduce((s, e) => s + e.amount, 0);
  const insiderAmount = within30
    .filter((e) => INSIDER_CATEGORIES.has(e.category))
    .reduce((s, e) => s + e.amount, 0);
  return {
    next: upcoming.slice(0, NEXT_UNLOCKS).map((e) => ({
      date: e.date,
      amount: e.amount,
      shareOfCirculatingPct: share(e.amount),
      category: e.category,
      label: e.label,
      insider: INSIDER_CATEGORIES.has(e.category),
    })),
    next30d: { amount, sharePct: share(amount), insiderAmount, insiderSharePct: share(insiderAmount) },
    allocation: u.allocation,
    listed: u.slug !== '',
    sources: u.sources,
  };
}

/** Beyond this factor either way, a holding's implied unit price cannot be its coin's. */
export const TREASURY_PRICE_FACTOR = 5;

/**
 * Whether a treasury row's numbers can be its coin's: the source's current value ÷ holdings is
 * within `TREASURY_PRICE_FACTOR` of the coin's own price. Bitcoin's list served as ether's (as a
 * recorded answer did) implies ~25× ether's price; a year's price move stays well inside the factor,
 * and bitcoin has never traded at less than six ethers. Unknown either way: kept.
 */
export function saneHolding(t: TreasuryRecord, coinUsd: number | undefined): RefusedHolding | null {
  if (!coinUsd || !(coinUsd > 0) || !t.currentValueUsd || !(t.holdings > 0)) return null;
  const impliedUnitUsd = t.currentValueUsd / t.holdings;
  const ratio = impliedUnitUsd / coinUsd;
  return ratio > TREASURY_PRICE_FACTOR || ratio < 1 / TREASURY_PRICE_FACTOR
    ? { coin: t.coin, holdings: t.holdings, impliedUnitUsd, coinUsd }
    : null;
}

function treasuryValue(
  rows: TreasuryRecord[],
  coinQuotes: Partial<Record<TreasuryCoin, QuoteRecord>>,
  marketCapUsd: number | null,
): TreasuryValue {
  const refused: RefusedHolding[] = [];
  const kept = rows.filter((t) => {
    const wrong = saneHolding(t, coinQuotes[t.coin]?.price.usd);
    if (wrong) refused.push(wrong);
    return !wrong;
  });
  const holdings: TreasuryHolding[] = kept.map((t) => {
    const live = coinQuotes[t.coin]?.price.usd;
    const valueUsd = live !== undefined ? t.holdings * live : t.currentValueUsd;
    return {
      coin: t.coin,
      holdings: t.holdings,
      valueUsd,
      valueBasis: live !== undefined ? 'live price' : valueUsd !== null ? 'source valuation' : 'unknown',
      entryValueUsd: t.entryValueUsd,
      pctOfSupply: t.pctOfSupply,
    };
  });
  const values = holdings.map((h) => h.valueUsd);
  const totalValueUsd = values.every((v): v is number => v !== null)
    ? values.reduce((a, b) => a + b, 0)
    : null;
  const mNav = marketCapUsd !== null && totalValueUsd ? marketCapUsd / totalValueUsd : null;
  return {
    company: rows[0]?.name ?? '',
    holdings,
    refused,
    totalValueUsd,
    mNav,
    ...(mNav === null
      ? {
          mNavNote: marketCapUsd === null ? ('noMarketCap' as const) : ('noHoldingsValue' as const),
        }
      : {}),
  };
}

/** The oldest provenance of a group: a combined figure is as old and as stale as its oldest part. */
function oldest(parts: Provenance[]): Provenance {
  const first = parts.reduce((a, b) => (b.fetchedAt < a.fetchedAt ? b : a));
  const stale = parts.find((p) => p.stale);
  return { ...first, ...(stale ? { stale: true, error: stale.error } : {}) };
}

export function buildCard(now: number, input: CardInputs): Card | null {
  const { quote: q, registry: reg } = input;
  if (!q && !reg && !input.unlocks && !input.revenue && !input.treasuries?.length) return null;
  const snap = input.snapshotDate;
  const card: Card = {
    assetId: input.assetId,
    symbol: q?.symbol ?? reg?.symbol ?? '',
    name: q?.name ?? reg?.name ?? '',
  };
  if (q) {
    card.price = figure(
      now,
      {
        usd: q.price.usd,
        change24hPct: q.price.change24hPct,
        change7dPct: q.price.change7dPct,
        previousClose: q.price.previousClose ?? null,
        asOf: q.price.asOf,
      },
      q.price,
      FRESH_FOR_MS.price,
      snap,
    );
    if (q.market) {
      const m = q.market;
      card.supply = figure(
        now,
        {
          circulating: m.circulatingSupply,
          total: m.totalSupply,
          max: m.maxSupply,
          marketCapUsd: m.marketCapUsd,
          fdvUsd: m.fdvUsd,
          volume24hUsd: m.volume24hUsd,
          rank: m.rank,
        },
        m,
        FRESH_FOR_MS.market,
        snap,
      );
    }
    if (q.sparkline) {
      card.sparkline = figure(
        now,
        { points: q.sparkline.points, spanDays: q.sparkline.spanDays },
        q.sparkline,
        FRESH_FOR_MS.sparkline,
        snap,
      );
    }
  }
  if (input.unlocks) {
    card.unlocks = figure(
      now,
      unlocksValue(now, input.unlocks, q?.market?.circulatingSupply ?? null),
      input.unlocks,
      FRESH_FOR_MS.unlocks,
    );
  }
  if (input.revenue) {
    const r = input.revenue;
    card.revenue = figure(
      now,
      { name: r.name, revenue: r.revenue, holdersRevenue: r.holdersRevenue },
      r,
      FRESH_FOR_MS.revenue,
    );
  }
  const treasuries = input.treasuries ?? [];
  if (treasuries.length > 0) {
    card.treasury = figure(
      now,
      treasuryValue(treasuries, input.coinQuotes ?? {}, q?.market?.marketCapUsd ?? null),
      oldest(treasuries),
      FRESH_FOR_MS.treasury,
    );
  }
  if (reg) {
    card.profile = figure(
      now,
      { handles: reg.handles, categories: reg.categories },
      reg,
      FRESH_FOR_MS.registry,
    );
  }
  return card;
}
