/**
 * Where the hover card goes (card-host.tsx `placeCard`): below the word when it fits, above when
 * only that fits, else cut to the larger side and scrolling; never over the word, and inside the
 * viewport whenever the viewport has the room.
 */
import { describe, expect, it } from 'vitest';
import { placeCard } from '../../../entrypoints/content/card-placement';

const view = { width: 900, height: 420 };
const size = (height: number) => ({ width: 320, height });
/** A word 20 px tall whose top is at `top`, 100 px from the left. */
const word = (top: number) => ({ top, bottom: top + 20, left: 100 });

function overlapsWord(
  p: { top: number; maxHeight?: number },
  height: number,
  w: { top: number; bottom: number },
) {
  const bottom = p.top + (p.maxHeight ?? height);
  return p.top < w.bottom && bottom > w.top;
}

describe('card placement', () => {
  it('goes below the word when it fits there', () => {
    expect(placeCard(word(40), size(200), view)).toEqual({ left: 100, top: 66 });
  });

  it('goes above the word when only that side has the room', () => {
    expect(placeCard(word(300), size(200), view)).toEqual({ left: 100, top: 94 });
  });

  it('is cut to the larger side, inside the viewport, when neither side has the room', () => {
    for (const top of [60, 150, 200, 260, 340]) {
      const w = word(top);
      const p = placeCard(w, size(623), view);
      expect(p.maxHeight, `word at ${top}`).toBeDefined();
      const height = p.maxHeight ?? 0;
      expect(p.top, `word at ${top}`).toBeGreaterThanOrEqual(8);
      expect(p.top + height, `word at ${top}`).toBeLessThanOrEqual(view.height - 8);
      expect(overlapsWord(p, 623, w), `word at ${top}`).toBe(false);
    }
    // The word low on the screen: above it, where the room is.
    expect(placeCard(word(340), size(623), view)).toEqual({ left: 100, top: 8, maxHeight: 326 });
  });

  it('keeps its least height when the word leaves no room, still off the word', () => {
    const tiny = { width: 900, height: 150 };
    const w = word(60);
    const p = placeCard(w, size(400), tiny);
    expect(p.maxHeight).toBe(120);
    expect(overlapsWord(p, 400, w)).toBe(false);
  });

  it('stays inside the viewport horizontally', () => {
    expect(placeCard({ top: 40, bottom: 60, left: 800 }, size(100), view).left).toBe(900 - 320 - 8);
    expect(placeCard({ top: 40, bottom: 60, left: -50 }, size(100), view).left).toBe(8);
  });
});
