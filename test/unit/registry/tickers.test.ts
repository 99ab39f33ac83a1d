/**
 * The collisions the issue names, each resolved the way a reader means it: the leading coin over
 * bridged copies and namesakes, the company when the words around say "shares"/"Nasdaq"/优先股, the
 * coin when they say "token"/"Solana"/"L2", and candidates (never a guess) when nothing decides.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_NAMES } from '../../../utils/detect/names';
import { pinKey } from '../../../utils/registry/pin-keys';
import { resolve } from '../../../utils/registry/resolve';
import { matchIn, registry, resolveIn } from './support';

const asset = (text: string, sub: string): string | undefined => resolveIn(text, sub).asset;

describe('cashtags without context', () => {
  it.each([
    ['$ETH', 'cg:ethereum'],
    ['$TAO', 'cg:bittensor'],
    ['$HYPE', 'cg:hyperliquid'],
    ['$GRT', 'cg:the-graph'],
    ['$SOL', 'cg:solana'],
    ['$AMZN', 'stock:AMZN'],
    ['$BTC', 'cg:bitcoin'],
    ['$MSTR', 'stock:MSTR'],
    ['$NVDA', 'stock:NVDA'],
    ['$LINK', 'cg:chainlink'],
    ['$SUI', 'cg:sui'],
    ['$USDC', 'cg:usd-coin'],
  ])('%s → %s', (tag, id) => {
    expect(asset(`gm, watching ${tag} today`, tag)).toBe(id);
  });

  it('the collisions exist in the data (this is not a one-candidate walkover)', () => {
    const count = (s: string): number => registry.withSymbol(s).length;
    expect(registry.withSymbol('ETH').filter((a) => a.kind === 'crypto')).toHaveLength(13);
    expect(registry.withSymbol('SOL').filter((a) => a.kind === 'crypto')).toHaveLength(12);
    expect(registry.withSymbol('USDC').filter((a) => a.kind === 'crypto')).toHaveLength(59);
    expect(registry.asset('stock:SOL')?.name).toMatch(/Emeren/);
    expect(registry.asset('stock:LINK')?.name).toMatch(/Interlink/);
    expect(registry.asset('stock:BTC')?.etf).toBe(true);
    expect(count('TAO')).toBeGreaterThan(1);
    expect(count('HYPE')).toBeGreaterThan(1);
  });

  it('$BITCOIN is a memecoin ticker, never cg:bitcoin: two namesakes, so candidates', () => {
    const r = resolveIn('$BITCOIN to the moon', '$BITCOIN');
    expect(r.asset).toBeUndefined();
    expect(r.candidates).toEqual(['cg:harrypotterobamasonic10inu', 'cg:harrypotterobamasonic10in']);
    expect(r.candidates).not.toContain('cg:bitcoin');
  });

  it('an unknown symbol resolves to nothing', () => {
    expect(resolveIn('$QQQQZZ', '$QQQQZZ')).toEqual({ reason: 'no asset with symbol QQQQZZ' });
  });

  it('$STRK alone is close (Starknet vs Strategy preferred): candidates, Starknet first', () => {
    expect(resolveIn('$STRK', '$STRK')).toMatchObject({ candidates: ['cg:starknet', 'stock:STRK'] });
  });
});

describe('words around the match', () => {
  it('$DJT beside Solana / token is the coin; beside shares / Nasdaq it is Trump Media', () => {
    expect(asset('Solana memecoin $DJT is pumping', '$DJT')).toBe('cg:trumpcoin');
    expect(asset('$DJT token', '$DJT')).toBe('cg:trumpcoin');
    expect(asset('$DJT shares up 8% premarket', '$DJT')).toBe('stock:DJT');
    expect(asset('$DJT is the best performer on Nasdaq today', '$DJT')).toBe('stock:DJT');
    expect(asset('$DJT', '$DJT')).toBe('stock:DJT');
  });

  it('STRK beside 优先股 / preferred is the stock; beside Starknet / L2 it is the coin', () => {
    expect(asset('Strategy 的 STRK 优先股 收益率 8%', 'STRK')).toBe('stock:STRK');
    expect(asset('$STRK preferred now yields 9.5%', '$STRK')).toBe('stock:STRK');
    expect(asset('Starknet airdrop: claim your STRK before Friday', 'STRK')).toBe('cg:starknet');
    expect(asset('$STRK is the best L2 play', '$STRK')).toBe('cg:starknet');
  });

  it('$LINK is Chainlink unless the post talks equity', () => {
    expect(asset('$LINK staking v0.2 is live', '$LINK')).toBe('cg:chainlink');
    expect(asset('$LINK shares jumped after earnings', '$LINK')).toBe('stock:LINK');
  });

  it('$BTC in crypto talk is the coin; the Grayscale mini trust only with equity words', () => {
    expect(asset('$BTC onchain flows look strong, altcoins lagging', '$BTC')).toBe('cg:bitcoin');
    expect(resolveIn('$BTC shares on NYSE Arca', '$BTC').asset).toBe('stock:BTC');
  });

  it('crypto words do not pull a treasury company to a namesake coin', () => {
    expect(asset('$MSTR bought more bitcoin, token holders cheer', '$MSTR')).toBe('stock:MSTR');
  });

  it('far words count less than near ones', () => {
    const text = `$LINK is up. ${'Lorem ipsum dolor sit amet. '.repeat(4)}Unrelated: shares of banks fell.`;
    expect(resolveIn(text, '$LINK').asset).toBe('cg:chainlink');
  });

  it('the reason names the words that decided', () => {
    expect(resolveIn('$DJT shares on Nasdaq', '$DJT').reason).toMatch(/context: shares, Nasdaq/);
  });
});

describe('names, handles, pins', () => {
  it.each([
    ['比特幣', 'cg:bitcoin'],
    ['台积电', 'stock:TSM'],
  ])('the name %s → %s (the names dictionary hint, checked against the registry)', (text, id) => {
    const entry = DEFAULT_NAMES.find((n) => n.text === text);
    expect(entry?.asset).toBe(id);
    const post = `今天${text}又涨了`;
    const m = { ...matchIn(post, text, 'name'), nameKey: entry?.key, asset: entry?.asset };
    expect(resolve(registry, m, { text: post })).toEqual({ asset: id, reason: 'curated name' });
  });

  it('a name hint the registry does not know is not trusted', () => {
    const m = { ...matchIn('Foo Corp', 'Foo Corp', 'name'), nameKey: 'foo', asset: 'stock:NOPE' };
    expect(resolve(registry, m, { text: 'Foo Corp' }).asset).toBeUndefined();
  });

  it.each([
    ['@HyperliquidX', 'cg:hyperliquid'],
    ['@hyperliquidx', 'cg:hyperliquid'],
    ['@bittensor_', 'cg:bittensor'],
    ['@MARA', 'stock:MARA'],
    ['@RiotPlatforms', 'stock:RIOT'],
    ['@pumpdotfun', 'cg:pump-fun'],
    ['@Starknet', 'cg:starknet'],
    ['@solana', 'cg:solana'],
    ['@ethereum', 'cg:ethereum'],
    ['@Bitcoin', 'cg:bitcoin'],
    ['@MicroStrategy', 'stock:MSTR'],
    ['@Strategy', 'stock:MSTR'],
    ['@nvidia', 'stock:NVDA'],
    ['@Tesla', 'stock:TSLA'],
  ])('handle %s → %s', (handle, id) => {
    expect(resolveIn(`gm ${handle}`, handle, { kind: 'handle' })).toEqual({
      asset: id,
      reason: 'curated X handle',
    });
  });

  it('an unknown handle resolves to nothing', () => {
    expect(resolveIn('cc @someone_random', '@someone_random', { kind: 'handle' }).asset).toBeUndefined();
  });

  it('every curated handle points to an asset the registry knows', () => {
    for (const id of registry.byHandle.values()) expect(registry.asset(id)?.id, id).toBe(id);
  });

  it('a user pin wins over context, for tickers and handles', () => {
    const pins = new Map([
      ['DJT', 'cg:trumpcoin'],
      ['@mara', 'cg:bitcoin'],
    ]);
    expect(resolveIn('$DJT shares on Nasdaq', '$DJT', { pins })).toMatchObject({ asset: 'cg:trumpcoin' });
    expect(resolveIn('$STRK', '$STRK', { pins }).candidates).toBeDefined();
    expect(resolveIn('@MARA', '@MARA', { kind: 'handle', pins }).asset).toBe('cg:bitcoin');
  });

  it('reads a pin under the key the card stored it with (pinKey), whatever the letter case', () => {
    const post = '$strk and @HyperliquidX, CA 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
    for (const [text, kind] of [
      ['$strk', 'ticker'],
      ['@HyperliquidX', 'handle'],
      ['0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', 'address'],
    ] as const) {
      const match = matchIn(post, text, kind);
      const key = pinKey(match);
      if (!key) throw new Error(`no pin key for ${text}`);
      const pins = new Map([[key, 'cg:pinned-for-the-test']]);
      expect(resolve(registry, match, { text: post }, pins).asset, text).toBe('cg:pinned-for-the-test');
    }
    expect(pinKey(matchIn(post, '$strk'))).toBe('STRK');
    expect(pinKey(matchIn(post, '@HyperliquidX', 'handle'))).toBe('@hyperliquidx');
    expect(pinKey(matchIn(post, 'CA', 'name'))).toBeUndefined();
  });
});
