/** Number, money, percent and age formatting for the card and the popup, in the UI language. */
import { t } from '@/utils/i18n';

const locale = (): string => {
  try {
    return globalThis.navigator?.language ?? 'en';
  } catch {
    return 'en';
  }
};

/** A number to show (null, undefined, NaN and infinities are not). */
const finite = (x: number | null | undefined): x is number => Number.isFinite(x);

/** $70,187 · $0.4312 · $0.00001234 · $0.000000001234 · $1.38T (compact from a million up). */
export function usd(x: number | null | undefined, compactFrom = 1e6): string {
  if (!finite(x)) return '—';
  const abs = Math.abs(x);
  // Below a cent, significant digits: a fixed number of decimals would round a price to $0.00.
  const digits: Intl.NumberFormatOptions =
    abs >= compactFrom
      ? { notation: 'compact', minimumFractionDigits: 2, maximumFractionDigits: 2 }
      : abs >= 1000
        ? { maximumFractionDigits: 0 }
        : abs >= 1 || abs === 0
          ? { minimumFractionDigits: 2, maximumFractionDigits: 2 }
          : abs >= 0.01
            ? { minimumFractionDigits: 2, maximumFractionDigits: 4 }
            : { maximumSignificantDigits: 4 };
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'USD', ...digits }).format(x);
}

/** Past a thousand trillion, compact notation runs out of units ("420,690T"): scientific instead. */
const COMPACT_UP_TO = 1e15;

/** 1.2B · 21M · 845.3K · 950 · 4.21E17 */
export function amount(x: number | null | undefined): string {
  if (!finite(x)) return '—';
  const notation = Math.abs(x) >= COMPACT_UP_TO ? 'scientific' : 'compact';
  return new Intl.NumberFormat(locale(), { notation, maximumFractionDigits: 2 }).format(x);
}

/**
 * +3.2% · −12% · +100% · 0%. Three significant digits and at most two decimals, whichever is
 * coarser, decided on the rounded value (99.96 is +100%, −0.001 is 0%), by Intl.
 */
export function pct(x: number | null | undefined, signed = true): string {
  if (!finite(x)) return '—';
  return `${new Intl.NumberFormat(locale(), {
    maximumSignificantDigits: 3,
    maximumFractionDigits: 2,
    roundingPriority: 'lessPrecision',
    signDisplay: signed ? 'exceptZero' : 'negative',
  }).format(x)}%`;
}

/** A local calendar date (of the reader's own moments: a note saved). */
export function date(ms: number): string {
  return new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'short', day: 'numeric' }).format(ms);
}

const isMidnightUtc = (ms: number) => ms % 86_400_000 === 0;

/**
 * A source's date, in UTC as the source gives it (DefiLlama's unlocks are at 00:00 UTC, which in
 * the Americas is the evening before): "Nov 29, 2024", with the time when it is not midnight.
 */
export function utcDate(ms: number): string {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(isMidnightUtc(ms)
      ? {}
      : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }),
  }).format(ms);
}

/** The machine-readable form of `utcDate`, for `<time datetime>`: "2024-11-29" or a full UTC time. */
export function utcIso(ms: number): string {
  const iso = new Date(ms).toISOString();
  return isMidnightUtc(ms) ? iso.slice(0, 10) : iso;
}

/** "just now" · "4 min ago" · "3 h ago" · "2 d ago" */
export function age(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 1) return t('ageNow');
  if (min < 60) return t('ageMinutes', String(min));
  const h = Math.round(min / 60);
  if (h < 48) return t('ageHours', String(h));
  return t('ageDays', String(Math.round(h / 24)));
}
