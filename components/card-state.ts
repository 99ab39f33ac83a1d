import type { CardData } from '@/utils/card-schema';
import type { CardState } from './Card';

/** The figures a card shows (the profile is not one: it names handles, it says nothing of value). */
export function figuresOf(card: CardData) {
  return [card.price, card.supply, card.sparkline, card.unlocks, card.treasury, card.revenue].filter(
    (f) => f !== undefined,
  );
}

/**
 * Contract §3: loading (nothing yet), ready (fresh), stale (old or from the snapshot), error. A card
 * with no figure at all is never "stale": there is nothing out of date, only nothing yet.
 */
export function stateOf(card: CardData | null, refreshing: boolean): CardState {
  const figures = card ? figuresOf(card) : [];
  if (!card || !figures.length) return refreshing ? 'loading' : 'error';
  const old = figures.some((f) => f.stale || f.source === 'snapshot');
  if (!card.price && refreshing) return 'loading';
  return old || !card.price ? 'stale' : 'ready';
}
