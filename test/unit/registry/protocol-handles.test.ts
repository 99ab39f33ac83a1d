/**
 * The handle map's daily refresh: DefiLlama's `/protocols` rows carry `twitter` beside `gecko_id`.
 * The rows below are hand-made in that documented shape (the shared fixtures hold no recorded
 * `/protocols` answer with these fields: test/fixtures/sources/README.md); the coins list is the
 * real 2026 CoinGecko list.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledRegistry, loadRegistry, resolve } from '../../../utils/registry';
import { mergeRefreshed } from '../../../utils/registry/refresh';
import { handlesFromProtocols, protocolsSchema } from '../../../utils/sources/llama-api';
import { sharedFixture } from '../../support/paths';

const coins = JSON.parse(readFileSync(sharedFixture('coingecko/coins_list_2026.json'), 'utf8')) as Array<{
  id: string;
  symbol: string;
  name: string;
}>;

const rows = protocolsSchema.parse([
  {
    name: 'Jupiter Perpetual Exchange',
    slug: 'jupiter-perpetual-exchange',
    gecko_id: 'jupiter-exchange-solana',
    twitter: 'JupiterExchange',
  },
  { name: 'Kamino Lend', slug: 'kamino-lend', gecko_id: 'kamino', twitter: 'KaminoFinance' },
  { name: 'Kamino Liquidity', slug: 'kamino-liquidity', gecko_id: 'kamino', twitter: 'KaminoFinance' },
  { name: 'Morpho', slug: 'morpho', gecko_id: 'morpho', twitter: '@MorphoLabs' },
  { name: 'No token yet', slug: 'no-token', gecko_id: null, twitter: 'notoken' },
  { name: 'Bad handle', slug: 'bad', gecko_id: 'aave', twitter: 'https://x.com/aave' },
  { name: 'Aave V3', slug: 'aave-v3', gecko_id: 'aave', twitter: 'aave' },
]);

describe('handles from DefiLlama /protocols', () => {
  it('maps lower-case handles to coins, first protocol wins, junk left out', () => {
    expect(handlesFromProtocols(rows)).toEqual({
      jupiterexchange: 'cg:jupiter-exchange-solana',
      kaminofinance: 'cg:kamino',
      morpholabs: 'cg:morpho',
      aave: 'cg:aave',
    });
  });

  it('the refreshed registry resolves them on first sight; curated handles win', () => {
    const bundled = bundledRegistry().data;
    const handles = { ...handlesFromProtocols(rows), ethereum: 'cg:ethereum-classic' };
    const reg = loadRegistry(
      mergeRefreshed(bundled, { coins, ranks: new Map(), handles, fetchedAt: Date.UTC(2026, 5, 1) }),
    );
    const at = (h: string) =>
      resolve(
        reg,
        { kind: 'handle', text: `@${h}`, start: 0, end: h.length + 1, handle: h },
        { text: `@${h}` },
      ).asset;
    expect(at('KaminoFinance')).toBe('cg:kamino');
    expect(at('MorphoLabs')).toBe('cg:morpho');
    expect(at('ethereum')).toBe('cg:ethereum');
    expect(bundledRegistry().byHandle.get('kaminofinance')).toBeUndefined();
  });

  it('the bundled snapshot already knows project handles on first run', () => {
    const reg = bundledRegistry();
    const known: ReadonlyArray<readonly [string, string]> = [
      ['solana', 'cg:solana'],
      ['arbitrum', 'cg:arbitrum'],
      ['jup_ag', 'cg:jupiter-exchange-solana'],
      ['ethena_labs', 'cg:ethena'],
    ];
    for (const [h, id] of known) expect(reg.byHandle.get(h), h).toBe(id);
  });
});
