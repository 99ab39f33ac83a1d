/**
 * "N% airdrop" against the schedule's airdrop share, at the edges of the tolerance: a tenth of N
 * either way (3 points for 30%), half a point at least (for 3%), inclusive at the edge.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({ browser: { i18n: { getMessage: (key: string) => key } } }));

const { airdropMatches } = await import('@/utils/checklist/claim-verdicts');

describe('airdrop share tolerance', () => {
  it('agrees at exactly 3 points from a 30% claim, either way, and not past them', () => {
    expect(airdropMatches(30, 27)).toBe(true);
    expect(airdropMatches(30, 33)).toBe(true);
    expect(airdropMatches(30, 26.9)).toBe(false);
    expect(airdropMatches(30, 33.1)).toBe(false);
  });
  it('allows half a point for a small claim, not a tenth of it', () => {
    expect(airdropMatches(3, 2.5)).toBe(true);
    expect(airdropMatches(3, 3.5)).toBe(true);
    expect(airdropMatches(3, 2.4)).toBe(false);
    expect(airdropMatches(3, 3.6)).toBe(false);
  });
});
