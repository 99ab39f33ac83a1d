import { describe, expect, it } from 'vitest';
import { summarise } from '../../entrypoints/popup/summary';

describe('popup page summary', () => {
  it('groups by kind in a fixed order and collapses repeats with a count', () => {
    const s = summarise([
      { kind: 'claim', text: 'no VC', claim: 'no-vc' },
      { kind: 'ticker', text: '$BTC' },
      { kind: 'name', text: 'Bitcoin', asset: 'cg:bitcoin' },
      { kind: 'ticker', text: '$BTC' },
      { kind: 'claim', text: '沒有風投', claim: 'no-vc' },
      { kind: 'ticker', text: '$ETH' },
    ]);
    expect(s.groups.map((g) => [g.kind, g.total])).toEqual([
      ['ticker', 3],
      ['name', 1],
      ['claim', 2],
    ]);
    expect(s.groups[0]?.rows.map((r) => [r.item.text, r.count])).toEqual([
      ['$BTC', 2],
      ['$ETH', 1],
    ]);
    // The same claim in two languages is one claim.
    expect(s.groups[2]?.rows).toHaveLength(1);
  });

  it('counts handles that name no asset without listing them', () => {
    const s = summarise([
      { kind: 'handle', text: '@HyperliquidX', asset: 'cg:hyperliquid' },
      { kind: 'handle', text: '@someone' },
      { kind: 'handle', text: '@else' },
    ]);
    expect(s.groups[0]).toMatchObject({ kind: 'handle', total: 3, hidden: 2 });
    expect(s.groups[0]?.rows.map((r) => r.item.text)).toEqual(['@HyperliquidX']);
  });
});
