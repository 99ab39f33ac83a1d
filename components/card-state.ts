import type { CardData } from '@/utils/card-schema';
import type { CardState } from './Card';

/** Contract §3: loading (nothing yet), ready (fresh), stale (old or from the snapshot), error. */
export function stateOf(card: CardData | null, refreshing: boolean): CardState {
  if (!card) return refreshing ? 'loading' : 'error';
  const figures = [card.price, card.supply, card.sparkline, card.unlocks, card.treasury, card.revenue];
  const old = figures.some((f) => f && (f.stale || f.source === 'snapshot'));
  if (!card.price && refreshing) return 'loading';
  return old || !card.price ? 'stale' : 'ready';
}
