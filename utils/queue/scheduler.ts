/**
 * What to refresh, and when to wake up next: a pure function of the clock and of what we know, so
 * the background can run it from a `browser.alarms` handler (the worker may have been asleep for
 * hours) and tests can run it with any clock.
 *
 * Stale-while-revalidate: the card is always served from the cache at once; this plan only decides
 * which cached figures are old enough to ask again for.
 */
import type { SourceId } from '../source-ids';

export const REFRESH_INTERVALS = {
  /** Quotes of assets on screen (cards, marks in view). */
  quoteOnScreenMs: 60_000,
  /** Quotes of other tracked assets (pins, recently seen). */
  quoteBackgroundMs: 5 * 60_000,
  unlocksMs: 12 * 3_600_000,
  revenueMs: 12 * 3_600_000,
  treasuriesMs: 12 * 3_600_000,
  registryMs: 24 * 3_600_000,
} as const;

/** Chrome rounds alarms up to 30 s; never plan to wake sooner. */
export const MIN_ALARM_DELAY_MS = 30_000;

export interface RefreshState {
  /** Assets visible now. */
  onScreen: readonly string[];
  /** Other assets worth keeping fresh (pins, recently seen). */
  tracked: readonly string[];
  quoteFetchedAt: Readonly<Record<string, number>>;
  /** Coins whose unlocks / revenue the user looked at, with when they were last fetched (0 = never). */
  unlocksFetchedAt: Readonly<Record<string, number>>;
  revenueFetchedAt: Readonly<Record<string, number>>;
  treasuriesFetchedAt: number;
  registryFetchedAt: number;
  /** From `Politeness.blockedUntil`: a source in backoff or with an open breaker is not planned. */
  blockedUntil: Readonly<Partial<Record<SourceId, number>>>;
}

export interface RefreshPlan {
  /** Asset ids whose quotes are due, on-screen first. */
  quotes: string[];
  unlocks: string[];
  revenue: string[];
  treasuries: boolean;
  registry: boolean;
  /** When to run the planner again (ms since epoch). */
  nextAt: number;
}

/** Which source answers an asset's quote. */
export function quoteSource(assetId: string): SourceId {
  return assetId.startsWith('stock:') ? 'stocks' : 'coingecko';
}

export function planRefresh(now: number, state: RefreshState): RefreshPlan {
  const I = REFRESH_INTERVALS;
  const blocked = (s: SourceId) => (state.blockedUntil[s] ?? 0) > now;
  let nextAt = Number.POSITIVE_INFINITY;
  const consider = (dueAt: number, source: SourceId): boolean => {
    const at = Math.max(dueAt, state.blockedUntil[source] ?? 0);
    if (dueAt <= now && !blocked(source)) return true;
    nextAt = Math.min(nextAt, at);
    return false;
  };

  const quotes: string[] = [];
  const onScreen = new Set(state.onScreen);
  for (const id of onScreen) {
    if (consider((state.quoteFetchedAt[id] ?? 0) + I.quoteOnScreenMs, quoteSource(id))) quotes.push(id);
  }
  const tracked = new Set(state.tracked);
  for (const id of tracked) {
    if (onScreen.has(id)) continue;
    if (consider((state.quoteFetchedAt[id] ?? 0) + I.quoteBackgroundMs, quoteSource(id))) quotes.push(id);
  }
  // Schedules and revenue are kept fresh only for coins on screen, seen lately or pinned (`cg:` ids):
  // the rest were looked at once and are pruned (TickerlensDb.pruneDetails), not refreshed for ever.
  const kept = (cgId: string) => onScreen.has(`cg:${cgId}`) || tracked.has(`cg:${cgId}`);
  const unlocks = Object.entries(state.unlocksFetchedAt)
    .filter(([id, at]) => kept(id) && consider(at + I.unlocksMs, 'llamaDatasets'))
    .map(([id]) => id);
  const revenue = Object.entries(state.revenueFetchedAt)
    .filter(([id, at]) => kept(id) && consider(at + I.revenueMs, 'llamaApi'))
    .map(([id]) => id);
  const treasuries = consider(state.treasuriesFetchedAt + I.treasuriesMs, 'coingecko');
  const registry = consider(state.registryFetchedAt + I.registryMs, 'llamaApi');

  // Work planned now will be re-checked a minute later at the soonest (the on-screen cadence).
  const anyDue = quotes.length + unlocks.length + revenue.length > 0 || treasuries || registry;
  if (anyDue) nextAt = Math.min(nextAt, now + I.quoteOnScreenMs);
  if (!Number.isFinite(nextAt)) nextAt = now + I.quoteBackgroundMs;
  return {
    quotes,
    unlocks,
    revenue,
    treasuries,
    registry,
    nextAt: Math.max(nextAt, now + MIN_ALARM_DELAY_MS),
  };
}
