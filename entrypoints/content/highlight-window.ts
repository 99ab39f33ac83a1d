/**
 * Marks by Custom Highlight ranges, in one window around the viewport (a marker: marker.ts).
 *
 * Every change to the highlights makes Chromium rebuild and repaint every highlighted text on the
 * page, wherever it is (`npm run bench -- --only highlights`), while a change of the page's own
 * costs no more with ranges registered. So the marked units form one window around the viewport,
 * placed when marks are added and moved only when scrolling brings unmarked units near: a reader
 * scrolling through a timeline causes a change every few screens, not every few posts, and the
 * posts of one page change are marked in one change once their answer is in.
 *
 * Units are what stands for a block on the page (`SiteAdapter.unitOf`): kept in document order so
 * the window is found by binary search over their rects, read only when the window is placed.
 */
import type { Match } from '@/utils/detect';
import type { BlockEntry, Marker } from './marker';
import type { ClaimMark } from './painted-marks';
import { locate, type TextBlock } from './text-blocks';

/** How far beyond the viewport, in viewport heights, marks must already be in place. */
const NEAR_MARGIN = 1.5;
/**
 * How far the marked window reaches when it is placed, in viewport heights: far ahead in the
 * direction the reader last scrolled, a little behind. Scrolling on for WINDOW_AHEAD less
 * NEAR_MARGIN needs no change to the highlights; what is left behind is dropped with the next
 * change.
 */
const WINDOW_AHEAD = 10;
const WINDOW_BEHIND = 2;
/**
 * How long after the last scroll event the window's ends are looked at, in case the reader jumped
 * past an edge (Home, End, a link to a place far down): the edges' observer reports only an edge
 * nearing. Once per burst of scrolling, at its end: steady scrolling brings the edges near anyway.
 */
const JUMP_CHECK_MS = 150;
/** The shortest time between two changes to the highlights (each one repaints the marked text). */
const MIN_FLUSH_GAP_MS = 250;
/** How long the ranges of removed text stay registered, unless another change takes them sooner. */
const REMOVAL_WAIT_MS = 1000;
/** While the page keeps adding text faster than it is read, marks are still added this often. */
const STARVED_FLUSH_MS = 1000;
const HIGHLIGHT_ASSET = 'tickerlens-asset';
/** The attribute on elements holding marked text (card-style.ts selects it). */
export const MARK_ATTRIBUTE = 'data-tickerlens-mark';
const HIGHLIGHT_CLAIM = 'tickerlens-claim';
/** Claims the data contradicts, or shows nothing against (card-style.ts styles them). */
export const HIGHLIGHT_CLAIM_MARKS = {
  contradicts: 'tickerlens-claim-contradicts',
  agrees: 'tickerlens-claim-agrees',
} as const;

export interface WindowHooks {
  /** Register ranges with the CSS Custom Highlight API (off: the window only tracks what is near). */
  highlight: boolean;
  /** Whether an entry is still the live one of its block (a removed one is only unmarked). */
  isLive(entry: BlockEntry): boolean;
  /** An entry is marked for the first time (near the viewport). */
  onMarked(entry: BlockEntry): void;
  /** Whether a match gets no range: not marked, or in a link the page's stylesheet marks. */
  leftOut(range: Range, match: Match): boolean;
  /** What the data says of a claim (claim-marks.ts): the highlight its range goes in. */
  claimMark(entry: BlockEntry, match: Match): ClaimMark;
  /** How long marks should still wait for the page change to be read and answered (0: none). */
  settleWait(): number;
}

export class HighlightWindow implements Marker<BlockEntry> {
  readonly #assetHighlight: Highlight | undefined;
  readonly #claimHighlight: Highlight | undefined;
  readonly #claimMarkHighlights: Record<'agrees' | 'contradicts', Highlight> | undefined;
  /** Units with live entries, and the entries in each. */
  readonly #units = new Map<Element, Set<BlockEntry>>();
  /** The units of `#units` in document order (top to bottom on the page), for binary search. */
  #order: Element[] = [];
  /** Whether `#order` holds units that are gone. */
  #orderStale = false;
  /** The units whose entries' ranges are registered: the marked window. */
  #window = new Set<Element>();
  /** Entries added or removed since the last flush, whose ranges may have to change. */
  readonly #dirty = new Set<BlockEntry>();
  /** Whether new entries wait to be marked, and since when. */
  #addsPending = false;
  #addsPendingSince = 0;
  /** A flush once the wait for the page change's answers is over. */
  #settleTimer: ReturnType<typeof setTimeout> | undefined;
  #flushFrame: number | undefined;
  /** A flush waiting for MIN_FLUSH_GAP_MS to pass since the last one. */
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** A flush of removals only, which can wait. */
  #removalTimer: ReturnType<typeof setTimeout> | undefined;
  #lastFlushAt = Number.NEGATIVE_INFINITY;
  /**
   * Watches the two unmarked units next to the marked window (the edges): the browser reports one
   * coming within NEAR_MARGIN of the viewport as part of its own frame, so scrolling costs no layout
   * read of ours but a look at the window's two ends once a burst of it is over (`#checkJump`).
   * Which edge it was tells the way the reader scrolls.
   */
  readonly #edgeObserver: IntersectionObserver | undefined;
  #edges: { before?: Element; after?: Element } = {};
  /** The window's first and last units (document order), for the jump check. */
  #ends: { first?: Element; last?: Element } = {};
  #jumpTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether `#onScroll` listens (`#listenForScroll`). */
  #scrollListened = false;
  /** Whether the edges must be found again (units added or gone, or the window moved). */
  #edgesStale = false;
  #scrollingDown = true;
  /** For each entry with ranges, which of them the highlights hold. */
  readonly #registered = new WeakMap<BlockEntry, boolean[]>();
  /** Elements flagged for the mark styles, with how many registered ranges each holds. */
  readonly #markedParents = new Map<Element, number>();
  #stopped = false;
  readonly #doc: Document;
  readonly #hooks: WindowHooks;

  /**
   * Whether the browser fires `scrollend` (Chromium, Firefox): once per burst of scrolling, where
   * `scroll` fires every frame while a timeline is read, each one a call into the content script's
   * world (`BENCH_ATTRIBUTE=1 npm run bench -- --only tasks`, marking). Elsewhere `scroll`, waited
   * out for JUMP_CHECK_MS.
   */
  readonly #scrollEvent: 'scroll' | 'scrollend';
  readonly #onScroll = () => {
    if (this.#stopped || !this.#units.size) return;
    clearTimeout(this.#jumpTimer);
    if (this.#scrollEvent === 'scrollend') {
      this.#checkJump();
      return;
    }
    this.#jumpTimer = setTimeout(() => {
      this.#jumpTimer = undefined;
      this.#checkJump();
    }, JUMP_CHECK_MS);
  };

  constructor(doc: Document, hooks: WindowHooks) {
    this.#doc = doc;
    this.#hooks = hooks;
    const view = doc.defaultView;
    this.#scrollEvent = view && 'onscrollend' in view ? 'scrollend' : 'scroll';
    if (hooks.highlight && typeof Highlight === 'function' && 'highlights' in CSS) {
      this.#assetHighlight = new Highlight();
      this.#claimHighlight = new Highlight();
      CSS.highlights.set(HIGHLIGHT_ASSET, this.#assetHighlight);
      CSS.highlights.set(HIGHLIGHT_CLAIM, this.#claimHighlight);
      this.#claimMarkHighlights = { agrees: new Highlight(), contradicts: new Highlight() };
      CSS.highlights.set(HIGHLIGHT_CLAIM_MARKS.agrees, this.#claimMarkHighlights.agrees);
      CSS.highlights.set(HIGHLIGHT_CLAIM_MARKS.contradicts, this.#claimMarkHighlights.contradicts);
    }
    // Its margin is relative to the viewport: a scroll in any scroller (X's dialogs, an article's
    // panes) and a resize are seen alike.
    if (typeof IntersectionObserver === 'function') {
      this.#edgeObserver = new IntersectionObserver((records) => this.#onEdges(records), {
        rootMargin: `${NEAR_MARGIN * 100}% 0px`,
      });
    }
  }

  /** Adds an entry to its unit; it is marked at the next flush if the unit is in the window. */
  add(entry: BlockEntry): void {
    const inUnit = this.#units.get(entry.unit);
    if (inUnit) inUnit.add(entry);
    else {
      // A unit emptied a moment ago (React re-rendering its only post text) is still in the order,
      // awaiting compaction: compacted first, so it is not listed twice.
      this.#compactOrder();
      this.#units.set(entry.unit, new Set([entry]));
      this.#listenForScroll();
      this.#insertOrdered(entry.unit);
      this.#edgesStale = true;
    }
    this.#dirty.add(entry);
    if (!this.#addsPending) this.#addsPendingSince = performance.now();
    this.#addsPending = true;
  }

  remove(entry: BlockEntry): void {
    const inUnit = this.#units.get(entry.unit);
    inUnit?.delete(entry);
    if (inUnit && !inUnit.size) {
      this.#units.delete(entry.unit);
      this.#listenForScroll();
      this.#orderStale = true;
      if (entry.unit === this.#edges.before || entry.unit === this.#edges.after) this.#edgesStale = true;
    }
    if (!entry.ranges.length) return;
    // Its ranges go with the next change, or after a quiet second: a stale range shows nothing.
    this.#dirty.add(entry);
    if (this.#removalTimer === undefined && !this.#stopped) {
      this.#removalTimer = setTimeout(() => this.#requestFlush(), REMOVAL_WAIT_MS);
    }
  }

  holds(entry: BlockEntry): boolean {
    return this.#units.get(entry.unit)?.has(entry) ?? false;
  }

  /**
   * After a slice of reading: marks are added once what was queued is read and answered (texts
   * known before settle at once, the others when their answer comes). A page that keeps the queue
   * full (`more`) still sees its marks every STARVED_FLUSH_MS.
   */
  afterSlice(more: boolean): void {
    const wait = more ? 0 : this.#hooks.settleWait();
    if (this.#addsPending) {
      // Starved: marks have waited that long for reading to end (not: the last flush is that old,
      // which at start would mark the first slice's reading alone, and the rest a flush later).
      const starved = performance.now() - this.#addsPendingSince > STARVED_FLUSH_MS;
      if ((!more && !wait) || starved) this.#requestFlush();
      else if (!more) this.#flushAfter(wait);
    } else if (!more && !wait && this.#settleTimer !== undefined) {
      // A move of the window waited for this page change to settle, and it has.
      clearTimeout(this.#settleTimer);
      this.#settleTimer = undefined;
      this.#requestFlush();
    }
    if (this.#edgesStale) this.#watchEdges();
  }

  /** The browser reports an edge of the window near the viewport: the window moves to it. */
  #onEdges(records: IntersectionObserverEntry[]): void {
    let near: Element | undefined;
    for (const r of records) if (r.isIntersecting) near = r.target;
    if (!near || this.#window.has(near) || !this.#units.has(near)) return;
    // The report comes after the frame's layout: one rect read, to act only on what the window
    // placement (the same test) will take in.
    const height = this.#height();
    const rect = near.getBoundingClientRect();
    if (rect.bottom < -NEAR_MARGIN * height || rect.top > height + NEAR_MARGIN * height) return;
    if (near === this.#edges.after) this.#scrollingDown = true;
    else if (near === this.#edges.before) this.#scrollingDown = false;
    else return;
    this.#moveWindow();
  }

  /**
   * After a scroll: whether the viewport left the window without nearing an edge (a jump), read
   * from the rects of the window's two ends. With no window, the edges around the viewport now.
   */
  #checkJump(): void {
    if (this.#stopped) return;
    const { first, last } = this.#ends;
    if (!first?.isConnected || !last?.isConnected) {
      this.#watchEdges();
      return;
    }
    const height = this.#height();
    const margin = NEAR_MARGIN * height;
    const below = first.getBoundingClientRect().top > height + margin;
    const above = !below && last.getBoundingClientRect().bottom < -margin;
    if (!below && !above) return;
    this.#scrollingDown = above;
    this.#moveWindow();
  }

  #height(): number {
    return this.#doc.defaultView?.innerHeight ?? 0;
  }

  /**
   * Places the window again: at the next frame, once the gap since the last change allows, or once
   * the page change is settled.
   */
  #moveWindow(): void {
    const wait = this.#hooks.settleWait();
    if (wait > 0) this.#flushAfter(wait);
    else this.#requestFlush();
  }

  #flushAfter(ms: number): void {
    if (this.#stopped || this.#settleTimer !== undefined) return;
    this.#settleTimer = setTimeout(() => {
      this.#settleTimer = undefined;
      this.#requestFlush();
    }, ms);
  }

  /**
   * Watches the units next to the window: the one just before its first unit and the one just
   * after its last (the window is a run of units in document order). With no unit in the window,
   * the two around the viewport.
   */
  #watchEdges(): void {
    this.#edgesStale = false;
    const observer = this.#edgeObserver;
    if (!observer || this.#stopped) return;
    this.#compactOrder();
    const order = this.#order;
    let first = -1;
    let last = -1;
    // The window's ends as placed, while both are still units: found by the browser's own search.
    const placed = this.#ends;
    if (placed.first && placed.last && this.#units.has(placed.first) && this.#units.has(placed.last)) {
      first = order.indexOf(placed.first);
      last = order.lastIndexOf(placed.last);
    } else {
      for (let i = 0; i < order.length; i++) {
        if (!this.#window.has(order[i] as Element)) continue;
        if (first < 0) first = i;
        last = i;
      }
    }
    this.#ends = first < 0 ? {} : { first: order[first], last: order[last] };
    if (first < 0) {
      first = this.#firstReaching(0);
      last = first - 1;
    }
    const edges = { before: order[first - 1], after: order[last + 1] };
    for (const old of [this.#edges.before, this.#edges.after])
      if (old && old !== edges.before && old !== edges.after) observer.unobserve(old);
    for (const edge of [edges.before, edges.after])
      if (edge && edge !== this.#edges.before && edge !== this.#edges.after) observer.observe(edge);
    this.#edges = edges;
  }

  /**
   * The units from `above` viewport heights above the viewport to `below` under it: a binary search
   * over the units in document order for the first one reaching that far up, then each one down to
   * the bottom edge.
   * Read only when the window is placed (a flush, at the start of a frame or at the end of reading)
   * and for the keyboard's list; scrolling reads two rects at most (`#onEdges`, `#checkJump`).
   */
  #unitsWithin(above: number, below: number): Element[] {
    const height = this.#height();
    const bottom = height + below * height;
    const out: Element[] = [];
    const lo = this.#firstReaching(-above * height);
    // Read after the search: it compacts the order (units gone since), and `lo` indexes that order.
    const order = this.#order;
    for (let i = lo; i < order.length; i++) {
      const unit = order[i] as Element;
      if (unit.getBoundingClientRect().top > bottom) break;
      out.push(unit);
    }
    return out;
  }

  /** The index of the first unit (in document order) whose bottom reaches below `top` (px). */
  #firstReaching(top: number): number {
    this.#compactOrder();
    const order = this.#order;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((order[mid] as Element).getBoundingClientRect().bottom < top) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #compactOrder(): void {
    if (!this.#orderStale) return;
    this.#orderStale = false;
    this.#order = this.#order.filter((unit) => this.#units.has(unit));
  }

  /** Adds a unit to `#order` at its place in the document (on X, nearly always the end). */
  #insertOrdered(unit: Element): void {
    this.#compactOrder();
    const order = this.#order;
    const follows = (a: Element, b: Element) =>
      (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    const last = order[order.length - 1];
    if (!last || follows(last, unit)) {
      order.push(unit);
      return;
    }
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (follows(order[mid] as Element, unit)) lo = mid + 1;
      else hi = mid;
    }
    order.splice(lo, 0, unit);
  }

  /**
   * Flushes at the next frame, or, while the last flush is less than MIN_FLUSH_GAP_MS old, once it
   * is: every change to the highlights repaints the text around them.
   */
  #requestFlush(): void {
    if (this.#stopped || this.#flushFrame !== undefined || this.#flushTimer !== undefined) return;
    if (performance.now() - this.#lastFlushAt >= MIN_FLUSH_GAP_MS) {
      this.#flushFrame = requestAnimationFrame(() => this.#flush());
      return;
    }
    this.#flushTimer = setTimeout(
      () => {
        this.#flushTimer = undefined;
        this.#requestFlush();
      },
      this.#lastFlushAt + MIN_FLUSH_GAP_MS - performance.now(),
    );
  }

  /**
   * Places the marked window around the viewport and registers or drops ranges to match, in one
   * go. Ranges exist only inside the window: a live Range is updated by the browser on every DOM
   * mutation near it, and every registered one is rebuilt whenever the page changes.
   */
  #flush(): void {
    if (this.#flushFrame !== undefined) cancelAnimationFrame(this.#flushFrame);
    clearTimeout(this.#flushTimer);
    clearTimeout(this.#removalTimer);
    clearTimeout(this.#settleTimer);
    this.#flushFrame = undefined;
    this.#flushTimer = undefined;
    this.#removalTimer = undefined;
    this.#settleTimer = undefined;
    this.#addsPending = false;
    this.#lastFlushAt = performance.now();
    const down = this.#scrollingDown;
    const next = new Set(
      this.#unitsWithin(down ? WINDOW_BEHIND : WINDOW_AHEAD, down ? WINDOW_AHEAD : WINDOW_BEHIND),
    );
    for (const unit of this.#window) {
      if (!next.has(unit)) for (const entry of this.#units.get(unit) ?? []) this.#dirty.add(entry);
    }
    for (const unit of next) {
      if (!this.#window.has(unit)) for (const entry of this.#units.get(unit) ?? []) this.#dirty.add(entry);
    }
    this.#window = next;
    // The window is a run of units in document order: its ends are the run's ends.
    const placed = [...next];
    this.#ends = placed.length ? { first: placed[0], last: placed[placed.length - 1] } : {};
    for (const entry of this.#dirty) {
      const live = next.has(entry.unit) && this.#hooks.isLive(entry);
      if (live) this.#hooks.onMarked(entry);
      if (live === entry.ranges.length > 0) continue;
      if (live) {
        entry.ranges = entry.matches.map((m) => rangeOf(this.#doc, entry.block, m));
        // Which ranges the highlights hold, decided once: a range whose text was removed from the
        // page points elsewhere by the time it is dropped, and must not be judged again.
        this.#registered.set(
          entry,
          entry.ranges.map((r, i) => this.#wanted(r, entry.matches[i] as Match)),
        );
      }
      const registered = this.#registered.get(entry) ?? [];
      entry.matches.forEach((m, i) => {
        const range = entry.ranges[i];
        const highlight = this.#highlightOf(entry, m, live);
        if (!range || !highlight || !registered[i]) return;
        if (live) highlight.add(range);
        else this.#unhighlight(m, range);
        this.#markParents(entry.block, m, live);
      });
      if (!live) {
        entry.ranges = [];
        this.#registered.delete(entry);
      }
    }
    this.#dirty.clear();
    this.#watchEdges();
  }

  #wanted(range: Range, m: Match): boolean {
    return !!this.#assetHighlight && !this.#hooks.leftOut(range, m);
  }

  /** The highlight a match's range goes in (for a claim, as its verdict says, when added). */
  #highlightOf(entry: BlockEntry, m: Match, adding: boolean): Highlight | undefined {
    if (m.kind !== 'claim') return this.#assetHighlight;
    const mark = adding ? this.#hooks.claimMark(entry, m) : undefined;
    return (mark && this.#claimMarkHighlights?.[mark]) || this.#claimHighlight;
  }

  /** Takes a range out of whichever highlight holds it (a claim's may have moved with its verdict). */
  #unhighlight(m: Match, range: Range): void {
    if (m.kind !== 'claim') {
      this.#assetHighlight?.delete(range);
      return;
    }
    this.#claimHighlight?.delete(range);
    this.#claimMarkHighlights?.agrees.delete(range);
    this.#claimMarkHighlights?.contradicts.delete(range);
  }

  /**
   * Claims: the marked ones move to the highlight their verdict says. All: every live mark is
   * decided again, at once; a match no longer marked loses its range.
   */
  restyle(which: 'claims' | 'all'): void {
    if (this.#stopped) return;
    for (const entries of this.#units.values()) {
      for (const entry of entries) {
        const registered = this.#registered.get(entry);
        if (!registered || !entry.ranges.length) continue;
        if (which === 'claims' && !entry.matches.some((m) => m.kind === 'claim')) continue;
        entry.matches.forEach((m, i) => {
          const range = entry.ranges[i];
          if (!range) return;
          if (which === 'claims') {
            if (m.kind !== 'claim' || !registered[i]) return;
            const target = this.#highlightOf(entry, m, true);
            if (target?.has(range)) return;
            this.#unhighlight(m, range);
            target?.add(range);
            return;
          }
          const wanted = this.#wanted(range, m);
          if (wanted === !!registered[i]) return;
          if (wanted) this.#highlightOf(entry, m, true)?.add(range);
          else this.#unhighlight(m, range);
          this.#markParents(entry.block, m, wanted);
          registered[i] = wanted;
        });
      }
    }
  }

  /**
   * Flags (or unflags) the elements holding a match's text, which the mark styles select: a
   * `::highlight()` rule that applies to every element makes Chromium's visual-overflow pass
   * costlier on the whole page, even with no range registered.
   */
  #markParents(block: TextBlock, m: Match, on: boolean): void {
    for (let i = 0; i < block.nodes.length; i++) {
      const start = block.starts[i] ?? 0;
      const node = block.nodes[i];
      if (!node || start >= m.end || start + node.data.length <= m.start) continue;
      const el = node.parentElement;
      if (!el) continue;
      const count = (this.#markedParents.get(el) ?? 0) + (on ? 1 : -1);
      if (count > 0) {
        if (!this.#markedParents.has(el)) el.setAttribute(MARK_ATTRIBUTE, '');
        this.#markedParents.set(el, count);
      } else {
        this.#markedParents.delete(el);
        el.removeAttribute(MARK_ATTRIBUTE);
      }
    }
  }

  /**
   * Listens for scrolling while there are units to mark by range, the only ones the window serves
   * (`#onScroll`). Capture: a scroll in any scroller, not only the page's. Nothing is read until a
   * burst of scrolling is over, and then two rects. With none (on X every
   * post is in a painted cell) there is no listener: a timeline fires a scroll event every frame
   * while it is read, and each one entering the content script's world costs thread CPU per post
   * for a listener that returned at once.
   */
  #listenForScroll(): void {
    const listen = this.#units.size > 0 && !this.#stopped;
    if (listen === this.#scrollListened) return;
    this.#scrollListened = listen;
    const type = this.#scrollEvent;
    if (listen) this.#doc.addEventListener(type, this.#onScroll, { passive: true, capture: true });
    else this.#doc.removeEventListener(type, this.#onScroll, { capture: true });
  }

  /**
   * Entries of the units on screen now, in document order (keyboard access): found by the same
   * binary search as the marked window, whether or not their marks are in place yet.
   */
  entriesInView(): BlockEntry[] {
    const out: BlockEntry[] = [];
    for (const unit of this.#unitsWithin(0, 0))
      for (const entry of this.#units.get(unit) ?? []) out.push(entry);
    return out;
  }

  stop(): void {
    this.#stopped = true;
    this.#edgeObserver?.disconnect();
    this.#edges = {};
    this.#ends = {};
    this.#listenForScroll();
    clearTimeout(this.#jumpTimer);
    if (this.#flushFrame !== undefined) cancelAnimationFrame(this.#flushFrame);
    clearTimeout(this.#flushTimer);
    clearTimeout(this.#removalTimer);
    clearTimeout(this.#settleTimer);
    this.#dirty.clear();
    for (const el of this.#markedParents.keys()) el.removeAttribute(MARK_ATTRIBUTE);
    this.#markedParents.clear();
    this.#units.clear();
    this.#order = [];
    this.#window.clear();
    this.#assetHighlight?.clear();
    this.#claimHighlight?.clear();
    if (this.#assetHighlight) CSS.highlights.delete(HIGHLIGHT_ASSET);
    if (this.#claimHighlight) CSS.highlights.delete(HIGHLIGHT_CLAIM);
    if (this.#claimMarkHighlights) {
      for (const [mark, h] of Object.entries(this.#claimMarkHighlights)) {
        h.clear();
        CSS.highlights.delete(HIGHLIGHT_CLAIM_MARKS[mark as keyof typeof HIGHLIGHT_CLAIM_MARKS]);
      }
    }
  }
}

/** A Range over a match's text in its block. */
export function rangeOf(doc: Document, block: TextBlock, m: Match): Range {
  const range = doc.createRange();
  const a = locate(block, m.start);
  const b = locate(block, m.end, true);
  if (a && b) {
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  }
  return range;
}
