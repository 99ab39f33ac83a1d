/**
 * Where the hover card goes beside the hovered word (card-host.tsx measures, this decides): a pure
 * function of the word's box, the card's size and the viewport.
 */
const GAP = 6;
const MARGIN = 8;
/** The least height a card is cut to (it then scrolls): a header and a row of figures. */
const MIN_HEIGHT = 120;

export interface Placement {
  left: number;
  top: number;
  /** Set when the card is taller than the room on either side of the word: it scrolls inside. */
  maxHeight?: number;
}

/**
 * Where the card goes: below the word when it fits, else above when it fits there, else on the
 * side with more room, cut to that room (it scrolls). Never over the word; inside the viewport
 * whenever the viewport has the room.
 */
export function placeCard(
  anchor: { top: number; bottom: number; left: number },
  size: { width: number; height: number },
  view: { width: number; height: number },
): Placement {
  const roomBelow = view.height - MARGIN - (anchor.bottom + GAP);
  const roomAbove = anchor.top - GAP - MARGIN;
  const fits = size.height <= roomBelow || size.height <= roomAbove;
  const below = fits ? size.height <= roomBelow : roomBelow >= roomAbove;
  const maxHeight = fits ? undefined : Math.max(MIN_HEIGHT, Math.floor(below ? roomBelow : roomAbove));
  const height = maxHeight ?? size.height;
  const top = below ? anchor.bottom + GAP : anchor.top - GAP - height;
  const left = Math.min(Math.max(MARGIN, anchor.left), Math.max(MARGIN, view.width - size.width - MARGIN));
  return { left: Math.round(left), top: Math.round(top), ...(maxHeight === undefined ? {} : { maxHeight }) };
}
