import { describe, expect, it } from 'vitest';
import { assetIdsOf, summarise } from '../../entrypoints/popup/summary';

describe('popup page summary', () => {
  it('gives one row per asset however it was written, most mentioned first, with the kinds of mention', () => {
    const s = summarise([
      { kind: 'ticker', text: '$HYPE', asset: 'cg:hyperliquid' },
      { kind: 'ticker', text: '$BTC', asset: 'cg:bitcoin' },
      { kind: 'name', text: 'Hyperliquid', asset: 'cg:hyperliquid' },
      { kind: 'handle', text: '@HyperliquidX', asset: 'cg:hyperliquid' },
      { kind: 'ticker', text: '$HYPE', asset: 'cg:hyperliquid' },
      { kind: 'name', text: '比特币', asset: 'cg:bitcoin' },
    ]);
    expect(s.assets.map((r) => [r.asset, r.count, r.kinds, r.texts])).toEqual([
      ['cg:hyperliquid', 4, ['ticker', 'name', 'handle'], ['$HYPE', 'Hyperliquid', '@HyperliquidX']],
      ['cg:bitcoin', 2, ['ticker', 'name'], ['$BTC', '比特币']],
    ]);
  });

  it('keeps an ambiguous symbol as one row with its candidates, in any letter case', () => {
    const s = summarise([
      { kind: 'ticker', text: '$STRK', candidates: ['cg:starknet', 'stock:STRK'] },
      { kind: 'ticker', text: '$strk', candidates: ['cg:starknet', 'stock:STRK'] },
    ]);
    expect(s.assets).toHaveLength(1);
    expect(s.assets[0]).toMatchObject({ count: 2, candidates: ['cg:starknet', 'stock:STRK'] });
    expect(assetIdsOf(s)).toEqual(['cg:starknet', 'stock:STRK']);
  });

  it('counts handles that name no asset without listing them, and lists unknown cashtags apart', () => {
    const s = summarise([
      { kind: 'handle', text: '@HyperliquidX', asset: 'cg:hyperliquid' },
      { kind: 'handle', text: '@someone' },
      { kind: 'handle', text: '@else' },
      { kind: 'ticker', text: '$NOPE' },
    ]);
    expect(s.hiddenHandles).toBe(2);
    expect(s.assets.map((r) => r.texts)).toEqual([['@HyperliquidX']]);
    expect(s.unknown.map((r) => r.texts)).toEqual([['$NOPE']]);
  });

  it('groups claims by the token they are about, a known token first; the same claim in two languages is one', () => {
    const s = summarise([
      { kind: 'claim', text: 'fair launch', claim: 'fair-launch' },
      {
        kind: 'claim',
        text: 'No VC',
        claim: 'no-vc',
        about: 'cg:hyperliquid',
        aboutText: '@HyperliquidX',
        context: 'post',
      },
      { kind: 'claim', text: '沒有風投', claim: 'no-vc', about: 'cg:hyperliquid', aboutText: '$HYPE' },
      {
        kind: 'claim',
        text: '28%',
        claim: 'airdrop',
        value: 28,
        about: 'cg:hyperliquid',
        aboutText: '@HyperliquidX',
      },
      { kind: 'claim', text: 'no presale', claim: 'no-presale', aboutText: '$NEWCOIN' },
    ]);
    expect(
      s.claims.map((g) => [g.asset, g.subjectText, g.claims.map((c) => [c.claim, c.value, c.count])]),
    ).toEqual([
      [
        'cg:hyperliquid',
        '@HyperliquidX',
        [
          ['no-vc', undefined, 2],
          ['airdrop', 28, 1],
        ],
      ],
      [undefined, '$NEWCOIN', [['no-presale', undefined, 1]]],
      [undefined, undefined, [['fair-launch', undefined, 1]]],
    ]);
    expect(s.claims[0]?.claims[0]).toMatchObject({ texts: ['No VC', '沒有風投'], context: 'post' });
    expect(assetIdsOf(s)).toEqual(['cg:hyperliquid']);
  });
});
