/**
 * The card's data: built from stored records only (never the network), every figure with its
 * source, its age and whether it is stale (and why). Pure: `buildCard(now, records)`.
 */
import type {
  DataOrigin,
  PricePeak,
  Provenance,
  QuoteRecord,
  RegistryRecord,
  RevenueRecord,
  RevenueSeries,
  TreasuryCoin,
  TreasuryRecord,
  UnlockEvent,
  UnlockRecord,
} from '../db/records';
import { INSIDER_CATEGORIES } from './unlock-schedule';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** After this long a figure is shown as stale even when its last refresh did not fail. */
export const FRESH_FOR_MS = {
  price: 10 * 60_000,
  market: 30 * 60_000,
  sparkline: HOUR_MS,
  unlocks: 2 * DAY_MS,
  revenue: 2 * DAY_MS,
  treasury: 3 * DAY_MS,
  registry: 7 * DAY_MS,
} as const;

/**
 * How old the source's own time of a figure may be (`asOf`: CoinGecko `last_updated`, a schedule's
 * `lastModified`, a chart's last day) before the figure is stale, however recently we fetched it.
 * Revenue charts are daily and land after their day ends: the last day is up to two days old.
 */
export const SOURCE_FRESH_FOR_MS = {
  price: HOUR_MS,
  market: DAY_MS,
  sparkline: DAY_MS,
  unlocks: 7 * DAY_MS,
  revenue: 3 * DAY_MS,
} as const;

/**
 * Stock markets close for nights, weekends and holidays, when the last trade is the latest price
 * there is: a stock's price, market figures and chart are stale by source time after four days.
 */
export const STOCK_SOURCE_FRESH_FOR_MS = 4 * DAY_MS;

export interface Figure<T> {
  value: T;
  source: DataOrigin;
  fetchedAt: number;
  ageMs: number;
  /** The source's own time for this figure (ms), when known. */
  asOf: number | null;
  /** The source's own time is older than this kind of figure may be (`SOURCE_FRESH_FOR_MS`). */
  sourceOld: boolean;
  stale: boolean;
  /** Why it is stale: the last refresh's error, its age, and the source's own age. */
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
  /** The last 24 hours' (a stock: the session's) high and low. */
  high24h: number | null;
  low24h: number | null;
  /** A coin's all-time high or a stock's 52-week high, and the price against it. */
  peak: PricePeak | null;
}

export interface SupplyValue {
  circulating: number | null;
  total: number | null;
  max: number | null;
  marketCapUsd: number | null;
  /** CoinGecko's fully diluted valuation: price × total supply. */
  fdvUsd: number | null;
  /** Price × max supply, when a max supply is known. */
  fdvMaxUsd: number | null;
  volume24hUsd: number | null;
  rank: number | null;
}

export interface UnlockView {
  kind: 'cliff' | 'stream';
  /** Cliff: when. Stream: when it starts (ms). */
  date: number;
  /** Stream: when it ends (null: no end known). Cliff: null. */
  end: number | null;
  /**
   * Cliff: its tokens. Stream: the tokens it releases from now (or its start) to its end; for a
   * stream with no known end, those of the next 30 days.
   */
  amount: number;
  /** Stream: tokens per day. Cliff: null. */
  ratePerDay: number | null;
  /** `amount` as a percent of the circulating supply; null when the supply is unknown. */
  shareOfCirculatingPct: number | null;
  /** DefiLlama's category name as given ('insiders', 'privateSale', 'staking', 'Uncategorized'…). */
  category: string;
  /** The section's name, or the source's filled description: never a raw template. */
  label: string;
  /** Insiders (team, advisors) or investors (private sale): the unlocks readers should notice. */
  insider: boolean;
}

export interface UnlockWindow {
  amount: number;
  sharePct: number | null;
  insiderAmount: number;
  insiderSharePct: number | null;
}

export interface UnlocksValue {
  /** Upcoming, soonest first (at most `NEXT_UNLOCKS`): cliffs to come, streams running or to start. */
  next: UnlockView[];
  /** Cliffs of the last 7 days ("just unlocked"), newest first. */
  recent: UnlockView[];
  /** Tokens the cliffs and streams release within 30 days, and the insider/investor part of them. */
  next30d: UnlockWindow;
  next90d: UnlockWindow;
  /** Share of supply per category (DefiLlama's names), percent: now and at the schedule's end. */
  allocation: UnlockRecord['allocation'];
  /**
   * Every named section of the schedule with its category (from `metadata.categories` and the
   * `documentedData` series): `amount` its tokens by the schedule's end when known, `sharePct`
   * that as a percent of the schedule's total (`metadata.total`).
   */
  sections: Array<{ label: string; category: string; amount: number | null; sharePct: number | null }>;
  /** `metadata.total`. */
  totalSupply: number | null;
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
  /** Governance venues DefiLlama names for the protocol; absent when not known. */
  governance?: string[];
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
/** "Just unlocked": cliffs of this long ago. */
export const RECENT_UNLOCKS_MS = 7 * DAY_MS;

/** "1 h", "7 d": a limit as the raw stale reason says it (utils/sources/reasons.ts reads it). */
const spanText = (ms: number) => (ms % DAY_MS === 0 ? `${ms / DAY_MS} d` : `${ms / HOUR_MS} h`);

interface FigureTimes {
  /** Fetch age beyond which the figure is stale. */
  freshForMs: number;
  /** The source's own time, and how old it may be (null: no source-time rule). */
  asOf?: number | null;
  sourceFreshForMs?: number | null;
  snapshotDate?: string | undefined;
}

function figure<T>(now: number, value: T, p: Provenance, times: FigureTimes): Figure<T> {
  const ageMs = Math.max(0, now - p.fetchedAt);
  const snapshot = p.source === 'snapshot';
  const tooOld = ageMs > times.freshForMs;
  const asOf = times.asOf ?? null;
  const limit = times.sourceFreshForMs ?? null;
  const sourceOld = !snapshot && asOf !== null && limit !== null && now - asOf > limit;
  const stale = !!p.stale || tooOld || sourceOld || snapshot;
  // A snapshot figure is labelled by its date; the reason is only said when a refresh failed.
  const reasons = [
    p.error ?? (!snapshot && tooOld ? 'not refreshed recently' : undefined),
    sourceOld && limit !== null ? `source time older than ${spanText(limit)}` : undefined,
  ].filter((r): r is string => !!r);
  return {
    value,
    source: p.source,
    fetchedAt: p.fetchedAt,
    ageMs,
    asOf,
    sourceOld,
    stale,
    ...(stale && reasons.length ? { staleReason: reasons.join('; ') } : {}),
    ...(snapshot && times.snapshotDate ? { snapshotDate: times.snapshotDate } : {}),
  };
}

const eventTime = (e: UnlockEvent) => (e.kind === 'cliff' ? e.date : e.start);

/** Tokens an event releases within [from, to). */
function releasedWithin(e: UnlockEvent, from: number, to: number): number {
  if (e.kind === 'cliff') return e.date >= from && e.date < to ? e.amount : 0;
  const start = Math.max(e.start, from);
  const end = Math.min(e.end ?? Number.POSITIVE_INFINITY, to);
  return end > start ? (e.ratePerDay * (end - start)) / DAY_MS : 0;
}

function unlocksValue(now: number, u: UnlockRecord, circulating: number | null): UnlocksValue {
  const share = (amount: number) => (circulating && circulating > 0 ? (amount / circulating) * 100 : null);
  const insider = (e: UnlockEvent) => INSIDER_CATEGORIES.has(e.category);
  const window = (days: number): UnlockWindow => {
    let amount = 0;
    let insiderAmount = 0;
    for (const e of u.events) {
      const a = releasedWithin(e, now, now + days * DAY_MS);
      amount += a;
      if (insider(e)) insiderAmount += a;
    }
    return { amount, sharePct: share(amount), insiderAmount, insiderSharePct: share(insiderAmount) };
  };
  const view = (e: UnlockEvent): UnlockView => {
    const amount =
      e.kind === 'cliff'
        ? e.amount
        : releasedWithin(e, Math.max(now, e.start), e.end ?? Math.max(now, e.start) + 30 * DAY_MS);
    return {
      kind: e.kind,
      date: eventTime(e),
      end: e.kind === 'stream' ? e.end : null,
      amount,
      ratePerDay: e.kind === 'stream' ? e.ratePerDay : null,
      shareOfCirculatingPct: share(amount),
      category: e.category,
      label: e.label,
      insider: insider(e),
    };
  };
  // A running stream is "now"; then by date.
  const upcoming = u.events
    .filter((e) => (e.kind === 'cliff' ? e.date >= now : e.end === null || e.end > now))
    .sort((a, b) => Math.max(eventTime(a), now) - Math.max(eventTime(b), now) || eventTime(a) - eventTime(b));
  const recent = u.events
    .filter((e) => e.kind === 'cliff' && e.date < now && e.date >= now - RECENT_UNLOCKS_MS)
    .sort((a, b) => eventTime(b) - eventTime(a));
  const total = u.totalSupply;
  return {
    next: upcoming.slice(0, NEXT_UNLOCKS).map(view),
    recent: recent.map(view),
    next30d: window(30),
    next90d: window(90),
    allocation: u.allocation,
    sections: (u.sections ?? []).map((s) => ({
      label: s.label,
      category: s.category,
      amount: s.amount,
      sharePct: s.amount !== null && total && total > 0 ? (s.amount / total) * 100 : null,
    })),
    totalSupply: total,
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
  const snapshotDate = input.snapshotDate;
  const stock = input.assetId.startsWith('stock:');
  const card: Card = {
    assetId: input.assetId,
    symbol: q?.symbol ?? reg?.symbol ?? '',
    name: q?.name ?? reg?.name ?? '',
  };
  if (q) {
    const limit = (kind: 'price' | 'market' | 'sparkline') =>
      stock ? STOCK_SOURCE_FRESH_FOR_MS : SOURCE_FRESH_FOR_MS[kind];
    card.price = figure(
      now,
      {
        usd: q.price.usd,
        change24hPct: q.price.change24hPct,
        change7dPct: q.price.change7dPct,
        previousClose: q.price.previousClose ?? null,
        asOf: q.price.asOf,
        high24h: q.price.high24h ?? null,
        low24h: q.price.low24h ?? null,
        peak: q.price.peak ?? null,
      },
      q.price,
      { freshForMs: FRESH_FOR_MS.price, asOf: q.price.asOf, sourceFreshForMs: limit('price'), snapshotDate },
    );
    if (q.market) {
      const m = q.market;
      // Parts of one answer (a CoinGecko row) share its time and price; older records lack both.
      const sameAnswer = m.source === q.price.source && m.fetchedAt === q.price.fetchedAt;
      const fdvMaxUsd =
        m.fdvMaxUsd !== undefined
          ? m.fdvMaxUsd
          : sameAnswer && m.maxSupply !== null
            ? q.price.usd * m.maxSupply
            : null;
      card.supply = figure(
        now,
        {
          circulating: m.circulatingSupply,
          total: m.totalSupply,
          max: m.maxSupply,
          marketCapUsd: m.marketCapUsd,
          fdvUsd: m.fdvUsd,
          fdvMaxUsd,
          volume24hUsd: m.volume24hUsd,
          rank: m.rank,
        },
        m,
        {
          freshForMs: FRESH_FOR_MS.market,
          asOf: m.asOf !== undefined ? m.asOf : sameAnswer ? q.price.asOf : null,
          sourceFreshForMs: limit('market'),
          snapshotDate,
        },
      );
    }
    if (q.sparkline) {
      card.sparkline = figure(
        now,
        { points: q.sparkline.points, spanDays: q.sparkline.spanDays },
        q.sparkline,
        {
          freshForMs: FRESH_FOR_MS.sparkline,
          asOf: q.sparkline.asOf ?? null,
          sourceFreshForMs: limit('sparkline'),
          snapshotDate,
        },
      );
    }
  }
  if (input.unlocks) {
    const u = input.unlocks;
    card.unlocks = figure(now, unlocksValue(now, u, q?.market?.circulatingSupply ?? null), u, {
      freshForMs: FRESH_FOR_MS.unlocks,
      asOf: u.asOf ?? null,
      sourceFreshForMs: SOURCE_FRESH_FOR_MS.unlocks,
    });
  }
  if (input.revenue) {
    const r = input.revenue;
    const value = {
      name: r.name,
      revenue: r.revenue,
      holdersRevenue: r.holdersRevenue,
      ...(r.governance ? { governance: r.governance } : {}),
    };
    card.revenue = figure(now, value, r, {
      freshForMs: FRESH_FOR_MS.revenue,
      asOf: r.asOf ?? null,
      sourceFreshForMs: SOURCE_FRESH_FOR_MS.revenue,
    });
  }
  const treasuries = input.treasuries ?? [];
  if (treasuries.length > 0) {
    card.treasury = figure(
      now,
      treasuryValue(treasuries, input.coinQuotes ?? {}, q?.market?.marketCapUsd ?? null),
      oldest(treasuries),
      { freshForMs: FRESH_FOR_MS.treasury },
    );
  }
  if (reg) {
    card.profile = figure(now, { handles: reg.handles, categories: reg.categories }, reg, {
      freshForMs: FRESH_FOR_MS.registry,
    });
  }
  return card;
}
