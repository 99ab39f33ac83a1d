/**
 * A bracketed note after a coin's name that tells a former name ("POL (ex-MATIC)", "EigenCloud
 * (prev. EigenLayer)") is no chain: the coin is the original, not a copy that never leads. Names
 * qualified by a chain ("Arbitrum Bridged WBTC (Arbitrum One)") stay copies. Bundled registry.
 */
import { describe, expect, it } from 'vitest';
import { registry, resolveIn } from './support';

describe('notes of a former name are not chains', () => {
  it('reads $POL as POL (ex-MATIC), ranked 50, over an unranked namesake and a bridged copy', () => {
    expect(registry.asset('cg:polygon-ecosystem-token')?.name).toBe('POL (ex-MATIC)');
    const r = resolveIn('$POL', '$POL');
    expect(r.asset).toBe('cg:polygon-ecosystem-token');
    expect(r.reason).toMatch(/^market-cap rank 50 over/);
  });

  it('reads $MATIC as MATIC (migrated to POL), ranked, over its bridged copy', () => {
    expect(resolveIn('$MATIC', '$MATIC').reason).toMatch(/^market-cap rank \d+ over/);
  });

  it('still counts a name qualified by its chain as a copy', () => {
    const copy = 'cg:arbitrum-bridged-wbtc-arbitrum-one';
    expect(registry.asset(copy)?.name).toBe('Arbitrum Bridged WBTC (Arbitrum One)');
    expect(resolveIn('$WBTC', '$WBTC').asset).not.toBe(copy);
  });
});
