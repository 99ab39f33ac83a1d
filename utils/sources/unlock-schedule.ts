/**
 * A DefiLlama unlock schedule (`llama-datasets.ts` parses the file) as what it is: cliffs with a
 * date and an amount, streams with a rate and a period, and the named sections with their category.
 */
import type { z } from 'zod';
import type { UnlockEvent, UnlockSection } from '../db/records';
import { extent } from '../series';
import { type EmissionBody, type EmissionEvent, eventSchema, type seriesSchema } from './llama-datasets';
import { sectionOf, unlockLabel } from './unlock-labels';

/** DefiLlama's category for a section its categories do not list (`utils/events.ts`). */
export const UNCATEGORIZED = 'Uncategorized';

/** Categories whose unlocks reach insiders or investors: the card flags them. */
export const INSIDER_CATEGORIES: ReadonlySet<string> = new Set(['insiders', 'privateSale']);

/** Stored events are capped (a schedule of daily steps over years would be thousands of rows). */
export const MAX_STORED_EVENTS = 400;

const DAY_MS = 86_400_000;
/** Linear events give rates per week (`ratePerPeriod` with `periodToSeconds.week`). */
const RATE_PERIOD_DAYS = 7;

function tokenCounts(e: EmissionEvent): number[] | null {
  const out: number[] = [];
  for (const v of e.noOfTokens) {
    const n = typeof v === 'string' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isFinite(n)) return null;
    out.push(n);
  }
  return out;
}

interface Point {
  t: number;
  unlocked: number;
}

/** A series' points in time order, ms, with a missing value carried from the point before. */
function pointsOf(series: z.infer<typeof seriesSchema>): Point[] {
  const sorted = [...series.data].sort((a, b) => a.timestamp - b.timestamp);
  let before = 0;
  return sorted.map((p) => {
    before = p.unlocked ?? before;
    return { t: p.timestamp * 1000, unlocked: before };
  });
}

/** Relative tolerance for two daily increments of one stream (the file's sums carry float noise). */
const SAME_RATE = 1e-6;

interface Step {
  from: number;
  to: number;
  amount: number;
}

/**
 * Cliffs and streams read from a section's cumulative series (`documentedData`, one point a day,
 * see emissions-adapters `utils/convertToChartData.ts`): a run of at least two equal increments
 * between consecutive points is a stream at that rate from the run's first point to its last; any
 * other increase is a cliff dated at the point before it (DefiLlama adds a cliff at `ts` to the
 * first point after `ts`). A step that opens a stream with more than the stream's rate is a cliff
 * (the excess) on the stream's first day, the usual "x% at TGE, the rest linear".
 */
function seriesUnlocks(points: readonly Point[], category: string, label: string): UnlockEvent[] {
  const steps: Step[] = [];
  let before = 0;
  let prevT = points[0]?.t ?? 0;
  const scale = Math.max(extent(points.map((p) => Math.abs(p.unlocked)))?.max ?? 0, 0);
  for (const p of points) {
    const amount = p.unlocked - before;
    if (amount > scale * 1e-12) steps.push({ from: prevT, to: p.t, amount });
    before = p.unlocked;
    prevT = p.t;
  }
  const rate = (s: Step) =>
    s.to > s.from ? s.amount / ((s.to - s.from) / DAY_MS) : Number.POSITIVE_INFINITY;
  const runs: Step[][] = [];
  for (const s of steps) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    const r = rate(s);
    if (run && last && last.to === s.from && Number.isFinite(r)) {
      const lr = rate(last);
      // An instant step (the series' first point) has no rate: Infinity would match any rate.
      if (Number.isFinite(lr) && Math.abs(r - lr) <= SAME_RATE * Math.max(r, lr)) {
        run.push(s);
        continue;
      }
    }
    runs.push([s]);
  }
  const out: UnlockEvent[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as Step[];
    const first = run[0] as Step;
    const last = run[run.length - 1] as Step;
    if (run.length >= 2) {
      const total = run.reduce((a, s) => a + s.amount, 0);
      const ratePerDay = total / ((last.to - first.from) / DAY_MS);
      out.push({ kind: 'stream', start: first.from, end: last.to, ratePerDay, category, label });
      continue;
    }
    const next = runs[i + 1];
    const opens = next && next.length >= 2 && (next[0] as Step).from === first.to ? rate(next[0] as Step) : 0;
    const streamPart = opens > 0 ? opens * ((first.to - first.from) / DAY_MS) : 0;
    if (opens > 0 && first.amount > streamPart * (1 + SAME_RATE)) {
      out.push({ kind: 'cliff', date: first.from, amount: first.amount - streamPart, category, label });
      (next as Step[]).unshift({ from: first.from, to: first.to, amount: streamPart });
      continue;
    }
    out.push({ kind: 'cliff', date: first.from, amount: first.amount, category, label });
  }
  return out;
}

/** Cliffs and streams of `metadata.events` (see `eventSchema`), with the sections they name. */
function eventUnlocks(events: EmissionEvent[], seriesEnd: (section: string) => number | null): UnlockEvent[] {
  const out: UnlockEvent[] = [];
  const linear = new Map<string, Array<{ e: EmissionEvent; tokens: number[]; section: string | null }>>();
  for (const e of events) {
    const tokens = tokenCounts(e);
    if (!tokens?.length) continue;
    const category = e.category || UNCATEGORIZED;
    const section = sectionOf(e.description);
    const date = e.timestamp * 1000;
    if (e.unlockType === 'linear') {
      const key = `${section ?? ''}\u0000${category}`;
      linear.set(key, [...(linear.get(key) ?? []), { e, tokens, section }]);
      continue;
    }
    const amount = tokens[0] as number;
    if (!(amount > 0)) continue;
    out.push({
      kind: 'cliff',
      date,
      amount,
      category,
      label: unlockLabel(e.description, tokens, date, category),
    });
  }
  for (const group of linear.values()) {
    group.sort((a, b) => a.e.timestamp - b.e.timestamp);
    group.forEach(({ e, tokens, section }, i) => {
      // [old rate, new rate]: the stream runs at the new rate from the event on.
      const perPeriod = tokens[tokens.length - 1] as number;
      if (!(perPeriod > 0)) return;
      const start = e.timestamp * 1000;
      const next = group[i + 1];
      const ends = [
        e.rateDurationDays && e.rateDurationDays > 0 ? start + e.rateDurationDays * DAY_MS : null,
        next ? next.e.timestamp * 1000 : null,
      ].filter((x): x is number => x !== null);
      const end = ends.length ? (extent(ends)?.min ?? null) : section ? seriesEnd(section) : null;
      const category = e.category || UNCATEGORIZED;
      const label = unlockLabel(e.description, tokens, start, category);
      out.push({
        kind: 'stream',
        start,
        end,
        ratePerDay: perPeriod / RATE_PERIOD_DAYS,
        category,
        label,
      });
    });
  }
  return out;
}

const eventTime = (e: UnlockEvent) => (e.kind === 'cliff' ? e.date : e.start);

/** Tokens a section's events release in all (null when a stream has no end). */
function eventsTotal(events: readonly UnlockEvent[]): number | null {
  let total = 0;
  for (const e of events) {
    if (e.kind === 'cliff') total += e.amount;
    else if (e.end === null) return null;
    else total += (e.ratePerDay * (e.end - e.start)) / DAY_MS;
  }
  return total;
}

export interface UnlockSchedule {
  /** Cliffs from `fromMs` on and streams still running then, in time order (capped). */
  events: UnlockEvent[];
  sections: UnlockSection[];
}

/**
 * The schedule as cliffs and streams. `metadata.events` give cliffs with their amounts and streams
 * with their rates; the sections they do not cover (a stream documented only in `documentedData`,
 * such as an extrapolated emission) are read from their cumulative series, so no steady stream is
 * left out. Without events every section is read from its series.
 */
export function unlockSchedule(body: EmissionBody, fromMs: number): UnlockSchedule {
  const categoryOf = new Map<string, string>();
  for (const [cat, labels] of Object.entries(body.metadata?.categories ?? {})) {
    for (const l of labels) categoryOf.set(l, cat);
  }
  const series = body.documentedData?.data ?? body.data ?? [];
  const points = new Map(series.map((s) => [s.label, pointsOf(s)]));
  const events: EmissionEvent[] = [];
  for (const raw of body.metadata?.events ?? []) {
    const r = eventSchema.safeParse(raw);
    if (r.success) events.push(r.data);
  }
  /** Where a section's series stops rising: a stream without a stated end ends there. */
  const seriesEnd = (section: string): number | null => {
    const p = points.get(section);
    if (!p?.length) return null;
    const top = p[p.length - 1]?.unlocked ?? 0;
    return p.find((x) => x.unlocked >= top)?.t ?? null;
  };
  const all: UnlockEvent[] = eventUnlocks(events, seriesEnd);
  // Sections the events name are theirs; an event naming none covers its category's series (a
  // stream is better missing than counted twice).
  const named = new Set(events.map((e) => sectionOf(e.description)).filter((x): x is string => !!x));
  const unnamedCategories = new Set(
    events.filter((e) => !sectionOf(e.description)).map((e) => e.category || UNCATEGORIZED),
  );
  for (const s of series) {
    const category = categoryOf.get(s.label) ?? UNCATEGORIZED;
    if (named.has(s.label) || unnamedCategories.has(category)) continue;
    all.push(...seriesUnlocks(points.get(s.label) ?? [], category, s.label));
  }

  const sections = new Map<string, UnlockSection>();
  for (const [label, category] of categoryOf) sections.set(label, { label, category, amount: null });
  for (const s of series) {
    const p = points.get(s.label) ?? [];
    sections.set(s.label, {
      label: s.label,
      category: categoryOf.get(s.label) ?? UNCATEGORIZED,
      amount: p.length ? (p[p.length - 1] as Point).unlocked : null,
    });
  }
  for (const e of all) {
    // Sections known only from the events they name: their tokens are what those events release.
    if (!named.has(e.label) || points.has(e.label) || sections.get(e.label)?.amount != null) continue;
    const own = all.filter((x) => x.label === e.label);
    sections.set(e.label, { label: e.label, category: e.category, amount: eventsTotal(own) });
  }

  const kept = all
    .filter((e) => (e.kind === 'cliff' ? e.date >= fromMs : e.end === null || e.end > fromMs))
    .sort((a, b) => eventTime(a) - eventTime(b));
  return { events: kept.slice(0, MAX_STORED_EVENTS), sections: [...sections.values()] };
}
