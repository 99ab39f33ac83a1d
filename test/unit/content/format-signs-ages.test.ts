/**
 * components/format.ts where a wrong branch would mislead a reader: a drop keeps its minus, the
 * decimals change exactly at a cent, a dollar, a thousand and the compact threshold, and an age
 * turns from minutes to hours at 60 minutes and from hours to days at 48 hours. Numbers follow the
 * browser's language, English when it gives none.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

// The English catalogue's own wording ("$1 h ago"), substitution included.
vi.mock('wxt/browser', () => ({
  browser: {
    i18n: {
      getMessage: (key: string, sub?: string | string[]) =>
        ({ ageNow: 'just now', ageMinutes: '$1 min ago', ageHours: '$1 h ago', ageDays: '$1 d ago' })[
          key
        ]?.replace('$1', String(sub)) ?? '',
    },
  },
}));

const { age, amount, date, pct, usd } = await import('@/components/format');

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('signs', () => {
  it('keeps the minus of a drop and the plus of a rise, and none on zero', () => {
    expect(pct(-4.1)).toBe('-4.1%');
    expect(pct(4.1)).toBe('+4.1%');
    expect(pct(0)).toBe('0%');
    expect(pct(-4.1, false)).toBe('-4.1%');
    expect(pct(4.1, false)).toBe('4.1%');
    expect(usd(-1234.5)).toBe('-$1,235');
    expect(usd(-0.4312)).toBe('-$0.4312');
    expect(usd(-2.5e9)).toBe('-$2.50B');
    expect(amount(-1.2e9)).toBe('-1.2B');
    expect(amount(-4.2069e17)).toBe('-4.21E17');
  });
});

describe('rounding at each threshold', () => {
  it('changes a price’s decimals exactly at a cent, a dollar, a thousand and a million', () => {
    expect(usd(0.01)).toBe('$0.01');
    expect(usd(0.009999)).toBe('$0.009999');
    expect(usd(1)).toBe('$1.00');
    expect(usd(0.99995)).toBe('$1.00');
    expect(usd(999.994)).toBe('$999.99');
    expect(usd(1000)).toBe('$1,000');
    expect(usd(1000.6)).toBe('$1,001');
    expect(usd(999_999)).toBe('$999,999');
    expect(usd(1e6)).toBe('$1.00M');
  });
  it('goes compact from the threshold the caller gives', () => {
    expect(usd(50_000, 10_000)).toBe('$50.00K');
    expect(usd(9_999, 10_000)).toBe('$9,999');
  });
  it('switches to scientific notation at exactly a thousand trillion', () => {
    expect(amount(999e12)).toBe('999T');
    expect(amount(1e15)).toBe('1E15');
  });
  it('says nothing for a figure that is not one', () => {
    for (const x of [undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(usd(x)).toBe('—');
      expect(amount(x)).toBe('—');
      expect(pct(x)).toBe('—');
    }
  });
});

describe('ages', () => {
  it('says "just now" under half a minute, then minutes', () => {
    expect(age(0)).toBe('just now');
    expect(age(29_999)).toBe('just now');
    expect(age(30_000)).toBe('1 min ago');
    expect(age(4 * MIN)).toBe('4 min ago');
  });
  it('turns minutes into hours at 60 minutes', () => {
    expect(age(59 * MIN)).toBe('59 min ago');
    expect(age(60 * MIN)).toBe('1 h ago');
    expect(age(90 * MIN)).toBe('2 h ago');
  });
  it('turns hours into days at 48 hours', () => {
    expect(age(47 * HOUR)).toBe('47 h ago');
    expect(age(48 * HOUR)).toBe('2 d ago');
    expect(age(84 * HOUR)).toBe('4 d ago');
  });
});

describe('the reader’s language', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  it('formats in the browser’s language', () => {
    vi.stubGlobal('navigator', { language: 'de-DE' });
    expect(usd(1234.5)).toBe('1.235\u00a0$');
    expect(pct(-4.1)).toBe('-4,1%');
    expect(date(Date.UTC(2024, 10, 29, 12))).toBe('29. Nov. 2024');
  });
  it('falls back to English without a language or a navigator, or when it cannot be read', () => {
    vi.stubGlobal('navigator', {});
    expect(usd(1234.5)).toBe('$1,235');
    vi.stubGlobal('navigator', undefined);
    expect(usd(1234.5)).toBe('$1,235');
    // A navigator whose language cannot be read.
    vi.stubGlobal('navigator', {
      get language(): string {
        throw new Error('denied');
      },
    });
    expect(usd(1234.5)).toBe('$1,235');
    expect(date(Date.UTC(2024, 10, 29, 12))).toBe('Nov 29, 2024');
  });
});
