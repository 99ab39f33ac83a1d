import { describe, expect, it } from 'vitest';
import { withLearntHandles } from '../../../utils/registry/learnt-handles';

describe('handles learnt from CoinGecko profiles', () => {
  it('resolves handles the curated list lacks, with one lookup, and leaves the rest alone', async () => {
    const asked: string[][] = [];
    const blocks = [
      {
        matches: [
          { kind: 'handle', text: '@OpenTensor', handle: 'OpenTensor' },
          { kind: 'handle', text: '@HyperliquidX', handle: 'HyperliquidX' },
          { kind: 'ticker', text: '$TAO' },
        ],
      },
      {
        matches: [
          { kind: 'handle', text: '@opentensor' },
          { kind: 'handle', text: '@someone' },
        ],
      },
    ];
    const replies = [
      [{}, { asset: 'cg:hyperliquid' }, { asset: 'cg:bittensor' }],
      [{}, {}],
    ];
    await withLearntHandles(blocks, replies, async (keys) => {
      asked.push(keys);
      return new Map([['opentensor', 'cg:bittensor']]);
    });
    expect(asked).toEqual([['opentensor', 'someone']]);
    expect(replies).toEqual([
      [{ asset: 'cg:bittensor' }, { asset: 'cg:hyperliquid' }, { asset: 'cg:bittensor' }],
      [{ asset: 'cg:bittensor' }, {}],
    ]);
  });
});
