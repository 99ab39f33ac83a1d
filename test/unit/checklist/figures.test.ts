/**
 * How the checklist's reasons say figures (utils/checklist/figures.ts): ratios with three
 * significant digits from 10× up and two below, in the browser's language; section names quoted,
 * at most four, with an ellipsis only when some were left out.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({ browser: { i18n: { getMessage: (key: string) => key } } }));

const { names, times } = await import('@/utils/checklist/figures');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('checklist figures', () => {
  it('says ratios with two significant digits below 10×, three from 10× up', () => {
    expect(times(0.354)).toBe('0.35×');
    expect(times(9.87)).toBe('9.9×');
    expect(times(12.54)).toBe('12.5×');
    expect(times(1234)).toBe('1,230×');
  });

  it('says ratios in the browser’s language, English without one', () => {
    vi.stubGlobal('navigator', { language: 'de-DE' });
    expect(times(12.54)).toBe('12,5×');
    vi.stubGlobal('navigator', { language: '' });
    expect(times(1234)).toBe('1,230×');
  });

  it('quotes at most four section names, with an ellipsis only past four', () => {
    expect(names(['A', 'B', 'C', 'D'])).toBe('“A”, “B”, “C”, “D”');
    expect(names(['A', 'B', 'C', 'D', 'E'])).toBe('“A”, “B”, “C”, “D” …');
    expect(names(['Team'])).toBe('“Team”');
  });
});
