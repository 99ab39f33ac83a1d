import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledRegistry, loadRegistry, resolve } from '../../../utils/registry';
import { MIN_COINS, mergeRefreshed } from '../../../utils/registry/refresh';
import { sharedFixture } from '../../support/paths';

const coins = JSON.parse(readFileSync(sharedFixture('coingecko/coins_list_2026.json'), 'utf8')) as Array<{
  id: string;
  symbol: string;
  name: string;
}>;
const top = JSON.parse(
  readFileSync(sharedFixture('coingecko/coins_markets_usd_2025-02-09_top250.json'), 'utf8'),
) as Array<{
  id: string;
  market_cap_rank: number;
}>;

describe('daily registry refresh', () => {
  const bundled = bundledRegistry().data;
  const fresh = {
    coins: coins.map((c) =>
      c.id === 'usd-coin'
        ? { ...c, platforms: { ethereum: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', 'native-chain': '' } }
        : c,
    ),
    ranks: new Map(top.map((r) => [r.id, r.market_cap_rank])),
    fetchedAt: Date.parse('2026-11-21T00:00:00Z'),
  };

  it('replaces coins and ranks, keeps listings, curated data and Jupiter mints, and records its sources', () => {
    const merged = mergeRefreshed(bundled, fresh);
    expect(merged.generated).toBe('2026-11-21');
    expect(merged.sources[0]).toMatch(/coins\/list\?include_platform=true, fetched 2026-11-21/);
    expect(merged.coins.id).toHaveLength(new Set(coins.map((c) => c.id)).size);
    expect(merged.coinRanks.bitcoin).toBe(1);
    expect(merged.equities).toBe(bundled.equities);
    expect(merged.handles.hyperliquidx).toBe('cg:hyperliquid');
    // CoinGecko's own contract wins; an empty platform value (native chain) is no contract.
    expect(merged.platforms['usd-coin']?.ethereum).toBe('0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48');
    expect(merged.platforms['usd-coin']?.['native-chain']).toBeUndefined();
    // The Jupiter mint of USDC (bundled) stays, since this answer names no Solana contract.
    expect(merged.platforms['usd-coin']?.solana).toBe('EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v');
  });

  it('resolves the same way from the merged registry', () => {
    const reg = loadRegistry(mergeRefreshed(bundled, fresh));
    const m = (text: string, symbol: string) =>
      ({ kind: 'ticker', text, start: 0, end: text.length, symbol, cashtag: true }) as const;
    expect(resolve(reg, m('$ETH', 'ETH'), { text: '$ETH' }).asset).toBe('cg:ethereum');
    expect(resolve(reg, m('$TAO', 'TAO'), { text: '$TAO' }).asset).toBe('cg:bittensor');
    expect(resolve(reg, m('$AMZN', 'AMZN'), { text: '$AMZN' }).asset).toBe('stock:AMZN');
  });

  it('refuses a truncated list instead of shrinking the registry', () => {
    expect(() => mergeRefreshed(bundled, { ...fresh, coins: fresh.coins.slice(0, MIN_COINS - 1) })).toThrow(
      /a full list has over/,
    );
  });
});
