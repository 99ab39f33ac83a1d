/**
 * Chains whose common name is not their CoinGecko id in words: the list in chains.ts exists for
 * these. (Ids whose words already are the name, "ethereum" → "Ethereum", read the same either way.)
 *
 * The module is imported inside the test, not at the top: its list is built when the module loads,
 * and a load inside the test is what mutation testing's per-test coverage ties to this test (see
 * README, "Mutation testing"); a top-level import would leave the list checked by no test there.
 */
import { describe, expect, it } from 'vitest';

describe('chainName for chains named otherwise than their id', () => {
  it('names each of them by the name people use', async () => {
    const { chainName } = await import('@/utils/registry/chains');
    const names = Object.fromEntries(
      [
        'binance-smart-chain',
        'polygon-pos',
        'arbitrum-one',
        'optimistic-ethereum',
        'tron',
        'near-protocol',
        'hedera-hashgraph',
        'zksync',
        'the-open-network',
        'hyperevm',
        'xdai',
        'sei-v2',
      ].map((id) => [id, chainName(id)]),
    );
    expect(names).toEqual({
      'binance-smart-chain': 'BNB Chain',
      'polygon-pos': 'Polygon',
      'arbitrum-one': 'Arbitrum',
      'optimistic-ethereum': 'Optimism',
      tron: 'TRON',
      'near-protocol': 'NEAR',
      'hedera-hashgraph': 'Hedera',
      zksync: 'zkSync',
      'the-open-network': 'TON',
      hyperevm: 'HyperEVM',
      xdai: 'Gnosis',
      'sei-v2': 'Sei',
    });
  });

  it('puts a word id in words only when the whole id is words', async () => {
    const { chainName } = await import('@/utils/registry/chains');
    expect(chainName('new-chain')).toBe('New Chain');
    // A digit or capital anywhere, first or last: not a word id.
    expect(chainName('chain-2')).toBeUndefined();
    expect(chainName('2chain')).toBeUndefined();
    expect(chainName('Chain')).toBeUndefined();
  });
});
