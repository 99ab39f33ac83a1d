/**
 * How a coin's market-cap rank weighs when nothing else in the post decides: the top 25 count more
 * than the rest of the top 100, which count more than the rest of the ranked, and the bands end
 * inclusive (rank 25 is top 25, rank 100 top 100). On a hand-made registry of two coins sharing a
 * symbol (the RegistryData shape of utils/registry/types.ts), so only their ranks differ.
 */
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../utils/registry/load';
import { resolve } from '../../../utils/registry/resolve';
import type { RegistryData } from '../../../utils/registry/types';

/** Two coins with the symbol ZZQX: `a` (ranked `rankA`) and `b`, ranked `rankB`. */
function twoCoins(rankA: number, b: { id: string; name: string; rank: number }): RegistryData {
  const ids = ['alpha-zzqx', b.id].sort();
  const names: Record<string, string> = { 'alpha-zzqx': 'Alpha Zzqx', [b.id]: b.name };
  return {
    generated: '2026-12-06',
    sources: ['hand-made'],
    coins: { id: ids, symbol: ['ZZQX', 'ZZQX'], name: ids.map((id) => names[id] ?? id), bySymbol: [0, 1] },
    coinRanks: { 'alpha-zzqx': rankA, [b.id]: b.rank },
    equities: { ticker: [], name: [], exchange: [], rank: [] },
    etfs: [],
    platforms: {},
    solanaTokens: { mint: [], symbol: [], name: [] },
    handles: {},
    hints: {},
    leading: [],
    treasuries: [],
  };
}

function read(data: RegistryData) {
  const text = 'gm $ZZQX';
  const match = { kind: 'ticker' as const, text: '$ZZQX', start: 3, end: 8, symbol: 'ZZQX', cashtag: true };
  return resolve(loadRegistry(data), match, { text, matches: [match] });
}

const RANK_150 = { id: 'beta-zzqx', name: 'Beta Zzqx', rank: 150 };
/** A bridged copy counts least of the ranked, whatever its rank. */
const COPY = { id: 'beta-zzqx-bridged', name: 'Bridged Zzqx', rank: 150 };

describe('market-cap rank bands', () => {
  it('counts rank 25 in the top 25: decisive over a coin ranked 150', () => {
    expect(read(twoCoins(25, RANK_150)).asset).toBe('cg:alpha-zzqx');
  });
  it('counts rank 26 with the rest of the top 100: too close to rank 150 to decide', () => {
    const r = read(twoCoins(26, RANK_150));
    expect(r.asset).toBeUndefined();
    expect(r.candidates).toEqual(['cg:alpha-zzqx', 'cg:beta-zzqx']);
  });
  // Against a bridged copy, the band of rank 100 and 101 no longer shows: the one original among
  // copies answers alone whatever its rank (resolve.ts, issue 28), which this checks instead.
  it('reads the one original over its bridged copy, at rank 100 and at 101', () => {
    expect(read(twoCoins(100, COPY)).asset).toBe('cg:alpha-zzqx');
    expect(read(twoCoins(101, COPY)).asset).toBe('cg:alpha-zzqx');
    expect(read(twoCoins(101, COPY)).reason).toMatch(/the only original among copies/);
  });
});
