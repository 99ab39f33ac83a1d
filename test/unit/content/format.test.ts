/**
 * Number, money, percent and date formatting (components/format.ts) at its edges: prices below a
 * cent, percentages that round to zero or to a hundred, token counts past a thousand trillion, and
 * a source's UTC dates read in other time zones.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({ browser: { i18n: { getMessage: (key: string) => key } } }));

const { amount, pct, usd, utcDate, utcIso } = await import('@/components/format');

const tz = process.env.TZ;
afterEach(() => {
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
});

describe('format', () => {
  it('gives a price below a cent its significant digits, never $0.00', () => {
    expect(usd(1.234e-9)).toBe('$0.000000001234');
    expect(usd(0.00001234)).toBe('$0.00001234');
    expect(usd(0.4312)).toBe('$0.4312');
    expect(usd(0.5)).toBe('$0.50');
    expect(usd(0)).toBe('$0.00');
    expect(usd(361.24168)).toBe('$361.24');
    expect(usd(96114.08)).toBe('$96,114');
    expect(usd(61.5e9)).toBe('$61.50B');
    expect(usd(null)).toBe('—');
  });

  it('rounds a percentage before choosing its decimals and its sign', () => {
    expect(pct(-0.001)).toBe('0%');
    expect(pct(99.96)).toBe('+100%');
    expect(pct(2.5)).toBe('+2.5%');
    expect(pct(-4.1234)).toBe('-4.12%');
    expect(pct(12.345)).toBe('+12.3%');
    expect(pct(150.4)).toBe('+150%');
    expect(pct(0.3, false)).toBe('0.3%');
    expect(pct(-0.001, false)).toBe('0%');
  });

  it('says token counts past compact notation in scientific notation', () => {
    expect(amount(4.2069e17)).toBe('4.21E17');
    expect(amount(1.2e9)).toBe('1.2B');
    expect(amount(845_300)).toBe('845.3K');
  });

  it('shows a source’s dates in UTC in every time zone, with the time when it is not midnight', () => {
    for (const zone of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
      process.env.TZ = zone;
      expect(utcDate(Date.UTC(2024, 10, 29)), zone).toBe('Nov 29, 2024');
      expect(utcDate(Date.UTC(2025, 0, 21, 9, 51, 41)), zone).toBe('Jan 21, 2025, 09:51 UTC');
    }
    expect(utcIso(Date.UTC(2024, 10, 29))).toBe('2024-11-29');
    expect(utcIso(Date.UTC(2025, 0, 21, 9, 51, 41))).toBe('2025-01-21T09:51:41.000Z');
  });
});
