/**
 * Hover intent over marked text opens the card: the pointer rests on the same detection for
 * INTENT_MS. Hit-testing uses the caret position under the pointer (marks are highlights, not DOM
 * nodes), checked against the match's client rects so whitespace beside a word does not count.
 * The card closes on Esc, when the pointer has left both the word and the card for CLOSE_MS, or when
 * anything on the page scrolls. The scroll listener is there only while a card is open or about to
 * open: a timeline fires scroll events every frame while it is read, and each one entering the
 * content script's world costs thread CPU even when the listener does nothing (0.84 ms per 20 posts
 * scrolled on the page bench's timeline, in Chromium's trace: 8% of the content script's JS there).
 * For the same reason the pointer is followed move by move only over text that holds a detection,
 * or while a card is open or about to open; elsewhere only its `mouseover`, when it enters another
 * element inside a block that holds detections (`watchBlock`): a pointer crossing the rest of the
 * page (X's avatars, buttons and margins) calls nothing of ours.
 */
import type { Match } from '@/utils/detect';
import type { BlockEntry, PageScanner } from './scanner';

const INTENT_MS = 120;
const CLOSE_MS = 300;

export interface HoverTarget {
  entry: BlockEntry;
  match: Match;
  range: Range;
}

export interface HoverCallbacks {
  open(target: HoverTarget): void;
  close(): void;
  isInsideCard(node: Node | null): boolean;
}

export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const p = withPosition.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

function rangeContains(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

export function findTarget(doc: Document, scanner: PageScanner, x: number, y: number): HoverTarget | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  // The caret lands between characters: test the character after it and the one before it.
  for (const offset of [caret.offset, caret.offset - 1]) {
    if (offset < 0) continue;
    const hit = scanner.hitTest(caret.node, offset);
    if (!hit) continue;
    const range = scanner.rangeOf(hit.entry, hit.match);
    if (range && rangeContains(range, x, y)) return { ...hit, range };
  }
  return null;
}

export class HoverController {
  #current: HoverTarget | null = null;
  #pending: HoverTarget | null = null;
  #intentTimer: ReturnType<typeof setTimeout> | undefined;
  #closeTimer: ReturnType<typeof setTimeout> | undefined;
  #frame = 0;
  #lastX = 0;
  #lastY = 0;
  /** The element the pointer was last over (the event's target). */
  #lastOver: EventTarget | null = null;
  /** Whether the scroll listener is on (a card open or about to open). */
  #watchingScroll = false;
  /** Whether the pointer was last over text holding a detection (`#overDetection`). */
  #overHot = false;
  /** Whether the pointer is followed move by move (`#watch`). */
  #watchingMoves = false;

  readonly #doc: Document;
  readonly #scanner: PageScanner;
  readonly #cb: HoverCallbacks;

  constructor(doc: Document, scanner: PageScanner, cb: HoverCallbacks) {
    this.#doc = doc;
    this.#scanner = scanner;
    this.#cb = cb;
  }

  /**
   * The pointer entered another element (always listened for): a look at it, as for a move, and it
   * is followed move by move from there if it is over text that holds a detection.
   */
  onPointerOver = (e: MouseEvent): void => this.onPointerMove(e);

  /** Removes every block's listener at once (`dispose`). */
  readonly #blocks = new AbortController();
  readonly #watchedBlocks = new WeakSet<Element>();

  /**
   * Hears the pointer entering elements inside a block of text that holds detections (the scanner
   * settled one). A pointer resting on the block as its detections arrive is heard once it enters
   * another element: asking the block whether it is hovered (`:hover`) cost more per block than
   * the listener (the bench's attribution, hover index).
   */
  watchBlock(el: Element): void {
    if (this.#watchedBlocks.has(el)) return;
    this.#watchedBlocks.add(el);
    el.addEventListener('mouseover', this.onPointerOver as EventListener, {
      passive: true,
      signal: this.#blocks.signal,
    });
  }

  /**
   * Detections changed (the scanner settled or dropped some): the pointer may be over text that now
   * holds one, or no longer does, without having moved to another element.
   */
  refresh(): void {
    if (!this.#lastOver) return;
    const hot = this.#overDetection();
    if (hot === this.#overHot) return;
    this.#overHot = hot;
    this.#watch();
  }

  onPointerMove = (e: MouseEvent): void => {
    // Only the reader's pointer: a page's script dispatching mouse events opens no card.
    if (!e.isTrusted) return;
    this.#lastX = e.clientX;
    this.#lastY = e.clientY;
    this.#lastOver = e.target;
    if (this.#frame) return;
    // Nothing open or about to open, and the pointer over no detection's text: what the frame would
    // decide is known now, without a second call into the content script's world for it.
    if (!this.#current && !this.#pending && !this.#overDetection()) {
      if (this.#overHot) {
        this.#overHot = false;
        this.#watch();
      }
      return;
    }
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#evaluate(this.#cb.isInsideCard(this.#lastOver as Node | null));
    });
  };

  onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.#current) this.closeNow();
  };

  dispose(): void {
    this.#blocks.abort();
    cancelAnimationFrame(this.#frame);
    clearTimeout(this.#intentTimer);
    clearTimeout(this.#closeTimer);
    this.#current = null;
    this.#pending = null;
    this.#overHot = false;
    this.#watch();
  }

  /** The detection whose card is open, if any. */
  get currentTarget(): HoverTarget | null {
    return this.#current;
  }

  /** Opens a card at once, with no hover intent (keyboard: the "next ticker" command). */
  openNow(target: HoverTarget): void {
    clearTimeout(this.#intentTimer);
    this.#cancelClose();
    this.#pending = null;
    this.#current = target;
    this.#watch();
    this.#cb.open(target);
  }

  closeNow(): void {
    clearTimeout(this.#intentTimer);
    this.#cancelClose();
    this.#current = null;
    this.#pending = null;
    this.#watch();
    this.#cb.close();
  }

  /** Anything on the page scrolled: the word moved away from the card. Not the card's own scroll. */
  readonly #onScroll = (e: Event): void => {
    if (!this.#cb.isInsideCard(e.target as Node | null)) this.closeNow();
  };

  /**
   * Listens for scrolling (anywhere on the page: capture) while a card is open or pending, and for
   * every move of the pointer then too, or while it is over text that holds a detection.
   */
  #watch(): void {
    const active = this.#current !== null || this.#pending !== null;
    const view = this.#doc.defaultView;
    if (view && active !== this.#watchingScroll) {
      this.#watchingScroll = active;
      if (active) view.addEventListener('scroll', this.#onScroll, { passive: true, capture: true });
      else view.removeEventListener('scroll', this.#onScroll, { capture: true });
    }
    const moves = active || this.#overHot;
    if (moves === this.#watchingMoves) return;
    this.#watchingMoves = moves;
    if (moves) this.#doc.addEventListener('mousemove', this.onPointerMove, { passive: true });
    else this.#doc.removeEventListener('mousemove', this.onPointerMove);
  }

  #evaluate(overCard: boolean): void {
    if (overCard) {
      // Reached the card: a word crossed on the way there opens nothing.
      this.#cancelClose();
      if (this.#pending) {
        this.#pending = null;
        clearTimeout(this.#intentTimer);
        this.#watch();
      }
      return;
    }
    this.#overHot = this.#overDetection();
    const target = this.#overHot ? findTarget(this.#doc, this.#scanner, this.#lastX, this.#lastY) : null;
    if (target && this.#current && target.match === this.#current.match) {
      this.#cancelClose();
      return;
    }
    if (target) {
      if (this.#pending?.match !== target.match) {
        this.#pending = target;
        this.#watch();
        clearTimeout(this.#intentTimer);
        this.#intentTimer = setTimeout(() => {
          const t = this.#pending;
          if (!t) return;
          this.#pending = null;
          this.#cancelClose();
          this.#current = t;
          this.#watch();
          this.#cb.open(t);
        }, INTENT_MS);
      }
      return;
    }
    this.#pending = null;
    clearTimeout(this.#intentTimer);
    this.#watch();
    if (this.#current && this.#closeTimer === undefined) this.#scheduleClose();
  }

  /**
   * Whether the element under the pointer holds a detection's text as a child (text under the
   * pointer is always a child of the element the pointer is over): elsewhere there is nothing to
   * hit-test. The caret lookup and the rects it takes cost more than the pointer event's own call
   * into the content script (118-131 against 77-83 µs, medians, on the page bench's timeline), and
   * were taken once a frame while the pointer moved, over pictures, buttons and margins as over text.
   */
  #overDetection(): boolean {
    const el = this.#lastOver as Node | null;
    if (el?.nodeType !== 1) return true;
    for (let c = el.firstChild; c; c = c.nextSibling) if (this.#scanner.holdsDetection(c)) return true;
    return false;
  }

  #cancelClose(): void {
    clearTimeout(this.#closeTimer);
    this.#closeTimer = undefined;
  }

  #scheduleClose(): void {
    this.#closeTimer = setTimeout(() => {
      this.#closeTimer = undefined;
      this.#current = null;
      this.#watch();
      this.#cb.close();
    }, CLOSE_MS);
  }
}
