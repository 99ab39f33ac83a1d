/**
 * What the card shows of a candidate asset (name, rank, where it trades): derived from the
 * registry alone, so it lives with it; the worker's card and detection answers both use it.
 */
import type { Registry } from '@/utils/registry';
import { chainName } from '@/utils/registry/chains';
import { GAS_TOKENS } from '@/utils/registry/curated/gas-coins';

/** What the card shows of a candidate: name, rank, and where it trades (exchange or chains). */
export function candidateInfo(reg: Registry, id: string) {
  const a = reg.asset(id);
  if (!a) return { id, name: id, symbol: '' };
  // A chain's own coin lives on its chain; a token, on the chains of its contracts (by name).
  const chains =
    GAS_TOKENS[id] ??
    [...new Set(Object.keys(a.platforms ?? {}).flatMap((p) => chainName(p) ?? []))].slice(0, 2).join(', ');
  const venue = a.kind === 'equity' ? (a.exchange ?? 'OTC') + (a.etf ? ' · ETF' : '') : chains;
  return {
    id,
    name: a.name,
    symbol: a.symbol,
    ...(a.rank !== undefined && a.rank > 0 ? { rank: a.rank } : {}),
    ...(venue ? { venue } : {}),
  };
}
