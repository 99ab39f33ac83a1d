/**
 * The card's figures from stored records: treasury rows that cannot be their coin's are refused.
 */
import { describe, expect, it } from 'vitest';
import type { TreasuryRecord } from '../../../utils/db/records';
import { saneHolding } from '../../../utils/sources/card';
import { loadCoingeckoRecordings } from '../../support/api-server';

const NOW = Date.UTC(2025, 1, 9, 18);

describe('treasury sanity', () => {
  it('refuses bitcoin’s list recorded as ether’s, and keeps rows whose value fits their coin', () => {
    const rec = loadCoingeckoRecordings().find(
      (r) => r.path === '/api/v3/companies/public_treasury/ethereum',
    );
    const first = (JSON.parse(rec?.body ?? '{}') as { companies: Array<Record<string, number>> })
      .companies[0];
    const row = (coin: 'bitcoin' | 'ethereum', holdings: number, value: number): TreasuryRecord => ({
      coin,
      ticker: 'MSTR',
      exchange: 'NASDAQ',
      name: 'MicroStrategy Inc.',
      country: 'US',
      holdings,
      entryValueUsd: null,
      currentValueUsd: value,
      pctOfSupply: null,
      source: 'coingecko',
      fetchedAt: NOW,
    });
    const ethPrice = 2_630;
    const recorded = row('ethereum', first?.total_holdings ?? 0, first?.total_current_value_usd ?? 0);
    expect(saneHolding(recorded, ethPrice)).toEqual({
      coin: 'ethereum',
      holdings: 174530,
      impliedUnitUsd: 12160134022 / 174530,
      coinUsd: ethPrice,
    });
    // A year's move (bitcoin at $43,172 in the list, $96,114 now) is not refused; nor is an unknown price.
    expect(saneHolding(row('bitcoin', 158245, 6831753414), 96_114)).toBeNull();
    expect(saneHolding(recorded, undefined)).toBeNull();
  });
});
