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

/** $70,187 · $0.4312 · $0.00001234 · $1.38T (compact from a million up). */
export function usd(x: number | null | undefined, compactFrom = 1e6): string {
  if (!finite(x)) return '—';
  const abs = Math.abs(x);
  const compact = abs >= compactFrom;
  const digits = compact ? 2 : abs >= 1000 ? 0 : abs >= 1 ? 2 : abs >= 0.01 ? 4 : 8;
  return new Intl.NumberFormat(locale(), {
    style: 'currency',
    currency: 'USD',
    ...(compact ? { notation: 'compact' } : { minimumFractionDigits: Math.min(2, digits) }),
    maximumFractionDigits: digits,
  }).format(x);
}

/** 1.2B · 21M · 845.3K · 950 */
export function amount(x: number | null | undefined): string {
  if (!finite(x)) return '—';
  return new Intl.NumberFormat(locale(), { notation: 'compact', maximumFractionDigits: 2 }).format(x);
}

/** +3.2% · −12% */
export function pct(x: number | null | undefined, signed = true): string {
  if (!finite(x)) return '—';
  const abs = Math.abs(x);
  const s = abs < 10 ? abs.toFixed(2) : abs < 100 ? abs.toFixed(1) : Math.round(abs).toString();
  return `${signed ? (x > 0 ? '+' : x < 0 ? '−' : '') : x < 0 ? '−' : ''}${s}%`;
}

export function date(ms: number): string {
  return new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'short', day: 'numeric' }).format(ms);
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
