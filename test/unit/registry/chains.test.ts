/** Where a token lives, by the chains' own names (the card's header and the popup's rows). */
import { describe, expect, it } from 'vitest';
import { chainName } from '@/utils/registry/chains';

describe('chainName', () => {
  it('names the chains CoinGecko gives by id, never the id itself', () => {
    expect(chainName('binance-smart-chain')).toBe('BNB Chain');
    expect(chainName('arbitrum-one')).toBe('Arbitrum');
    expect(chainName('optimistic-ethereum')).toBe('Optimism');
    expect(chainName('ethereum')).toBe('Ethereum');
  });

  it('puts an id it does not know in words, and leaves out one that is no word (a number)', () => {
    expect(chainName('flow-evm')).toBe('Flow Evm');
    expect(chainName('1337')).toBeUndefined();
    expect(chainName('')).toBeUndefined();
  });
});
