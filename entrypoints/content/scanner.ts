/**
 * Watches a document and keeps its detections current. The MutationObserver callback only queues
 * added nodes; the work happens later in slices with a deadline, so a busy page (X's timeline)
 * never sees a long task from us. The texts read for the first time gather for a moment and go to
 * the background in one request, and their blocks are settled when the answer comes. Results are
 * keyed by block text, so React re-rendering the same text costs a lookup, and a node scanned twice
 * yields the same result.
 *
 * Everything added is read (the badge and the scan message count it all), but only what is near
 * the viewport is marked. Every change to the highlights makes Chromium rebuild and repaint every
 * highlighted text on the page, wherever it is (8-10 ms of main thread on the bench's timeline with
 * 20 to 200 ranges: `npm run bench -- --only highlights`), while a change of the page's own costs
 * no more with ranges registered. So the marked units form one window around the viewport, placed
 * when marks are added and moved only when scrolling brings unmarked units near: a reader scrolling
 * through a timeline causes a change every few screens, not every few posts, and the posts of one
 * page change are marked in one change once their answer is in.
 *
 * What the window cannot avoid: while any range is registered, Chromium rebuilds every highlight
 * marker whenever the page's DOM or style changed since the last frame (`ValidateHighlightMarkers`),
 * and X's virtualised timeline moves or mounts cells every 100 ms while it is scrolled. So on X the
 * blocks inside a positioned timeline cell are not marked with ranges at all: the cell paints their
 * marks itself (painted-marks.ts, `paintOn`), once, and X moving it costs nothing more. The window
 * serves the rest (articles, and X's text outside timeline cells).
 */
import type { Match } from '@/utils/detect';
import { CellPainter, type ClaimMark } from './painted-marks';
import { RecentCache } from './recent-cache';
import type { RootsOf } from './roots';
import { blockOf, collectBlocks, isBlockElement, locate, type TextBlock } from './text-blocks';

/**
 * Detects texts not seen before, answering with their matches in the same order. The detector runs
 * in the background (messages.ts, `detectRoute`): asked once for the new texts gathered over
 * ASK_WAIT_MS.
 */
export type Detect = (texts: string[]) => Promise<Match[][]>;

export interface BlockEntry {
  block: TextBlock;
  matches: Match[];
  /** The element whose place on the page stands for the block's (`unitOf`); blocks share it. */
  unit: Element;
  /** The ranges registered as highlights now (empty while the block is outside the marked window). */
  ranges: Range[];
  /** Whether `onNear` was called for it. */
  announced: boolean;
  /** The cell whose paint carries the block's marks (`paintOn`), if any: such a block has no ranges. */
  cell?: HTMLElement;
}

/** One detection found by a whole-document scan, with its block's text and matches. */
export interface ScannedMatch {
  match: Match;
  /** Index of `match` in `matches`. */
  index: number;
  text: string;
  matches: Match[];
}

export interface ScannerHooks {
  /** Called (at most once per slice) after detections changed. */
  onUpdate?: () => void;
  /**
   * Called once for each block holding detections when it is first marked (near the viewport):
   * what is about to be seen is resolved, not the whole page.
   */
  onNear?: (entry: BlockEntry) => void;
  /** Registers ranges with the CSS Custom Highlight API. */
  highlight: boolean;
  /** Which parts of an added or changed node are read (roots.ts). */
  roots: RootsOf;
  /**
   * Links (`a` elements) whose text the page's stylesheet marks already (X's cashtag and mention
   * links): a match inside one gets no highlight range.
   */
  markedLinks?: string;
  /**
   * The element whose place on the page stands for a block's (default: the block itself). On X it
   * is the post's timeline cell: one element per post to place, whatever the post holds.
   */
  unitOf?: (el: Element) => Element;
  /**
   * Whether a detection is marked on the page (default: all are). One that is not is still
   * detected, counted and reported (the scan message), but gets no mark, no hover and no place in
   * the keyboard's order: on X, an @handle that names no asset (most authors' own).
   */
  marked?: (match: Match) => boolean;
  /**
   * The positioned cell whose own paint carries a block's marks (painted-marks.ts), or null for
   * marks by highlight ranges. On X: the timeline cell, which X moves on every update of its list.
   * Used only where the browser has a ResizeObserver (the painter reads cells in its reports).
   */
  paintOn?: (el: Element) => HTMLElement | null;
  /**
   * What the data says of a claim (claim-marks.ts): its mark shows it. Read when the claim is
   * marked; `restyleClaims` marks them again when verdicts come.
   */
  claimMark?: (entry: BlockEntry, match: Match) => ClaimMark;
}

const SLICE_MS = 4;
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
/**
 * How long marks wait, after the page changed, for the change to be read and answered whole: every
 * change to the highlights costs Chromium a rebuild and repaint of every marked text, so the posts
 * of one page change (some of their texts known, some asked for) are marked in one change, not two.
 */
const SETTLE_WAIT_MS = 400;
const HIGHLIGHT_ASSET = 'tickerlens-asset';
/** The attribute on elements holding marked text (card-style.ts selects it). */
export const MARK_ATTRIBUTE = 'data-tickerlens-mark';
const HIGHLIGHT_CLAIM = 'tickerlens-claim';
/** Claims the data contradicts, or shows nothing against (card-style.ts styles them). */
export const HIGHLIGHT_CLAIM_MARKS = {
  contradicts: 'tickerlens-claim-contradicts',
  agrees: 'tickerlens-claim-agrees',
} as const;
/**
 * The most texts whose detections are kept (the most recently read): a few hundred posts back, on
 * X, where a long session must not grow the page's heap with every post read.
 */
const MAX_CACHED_TEXTS = 500;
/** The most texts in one request (the message's limit). */
const MAX_ASK = 500;
/**
 * New texts gather for this long before they are asked for, in one message: a virtualised timeline
 * (X's) adds a cell or two every 100 ms while it is scrolled, and a message costs the page far more
 * than the texts in it (in a CPU profile of the page bench, posting the requests was the content
 * script's costliest call at a 100 ms wait). Marks wait for the answer anyway (SETTLE_WAIT_MS).
 */
const ASK_WAIT_MS = 200;
/** Once this many texts have gathered they are asked for at once. */
const ASK_BATCH = 100;
/**
 * When the background did not answer (its worker restarting), the texts are asked for again after
 * this long, doubling up to MAX_RETRY_MS.
 */
const RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;

export class PageScanner {
  readonly #entries = new Map<Element, BlockEntry>();
  readonly #byText = new RecentCache<Match[]>(MAX_CACHED_TEXTS);
  /** Blocks read whose text awaits detection, by element (a newer read of it replaces the older). */
  readonly #parked = new Map<Element, TextBlock>();
  /** Texts to ask for at the end of the slice, and texts asked for and not yet answered. */
  readonly #toAsk = new Set<string>();
  readonly #asking = new Set<string>();
  /** Answers arrived: the next slice settles the parked blocks whose text they hold. */
  #answered = false;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #askTimer: ReturnType<typeof setTimeout> | undefined;
  #retryMs = RETRY_MS;
  readonly #nodeIndex = new WeakMap<Text, { entry: BlockEntry; nodeStart: number }>();
  /** Added or changed nodes, not yet turned into roots. */
  readonly #queue = new Set<Node>();
  /**
   * Roots of dequeued nodes, not yet read. A slice checks its deadline after each root, so one
   * node holding hundreds of posts (the whole body at start) is read over many slices.
   */
  readonly #rootQueue = new Set<Node>();
  /**
   * Roots read since the page last changed (the observer's last callback): a root reached again
   * through another of the same changes (X adds a cell, then sets the text inside it) is not read
   * twice, since nothing in it can have changed in between.
   */
  readonly #readSinceChange = new Set<Node>();
  #observer: MutationObserver | undefined;
  #scheduled = false;
  #sweepNeeded = false;
  /** Elements whose `contenteditable` changed since the last slice: their text is judged again. */
  readonly #editability = new Set<Element>();
  #stopped = false;
  readonly #assetHighlight: Highlight | undefined;
  readonly #claimHighlight: Highlight | undefined;
  readonly #claimMarkHighlights: Record<'agrees' | 'contradicts', Highlight> | undefined;
  /** Paints the marks of blocks in cells (`paintOn`); those blocks never join the marked window. */
  readonly #painter: CellPainter<BlockEntry> | undefined;
  /** Units with live entries, and the entries in each. */
  readonly #units = new Map<Element, Set<BlockEntry>>();
  /** The units of `#units` in document order (top to bottom on the page), for binary search. */
  #order: Element[] = [];
  /** Whether `#order` holds units that are gone. */
  #orderStale = false;
  /** The units whose entries' ranges are registered: the marked window. */
  #window = new Set<Element>();
  /** Entries read or removed since the last flush, whose ranges may have to change. */
  readonly #dirty = new Set<BlockEntry>();
  /** Whether new entries wait to be marked, and since when. */
  #addsPending = false;
  #addsPendingSince = 0;
  /** Since when the page's changes are being read and answered (undefined: all is settled). */
  #busySince: number | undefined;
  /** A flush once the wait for the page change's answers is over (SETTLE_WAIT_MS). */
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
  #edgeObserver: IntersectionObserver | undefined;
  #edges: { before?: Element; after?: Element } = {};
  /** The window's first and last units (document order), for the jump check. */
  #ends: { first?: Element; last?: Element } = {};
  #jumpTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether `#onScroll` listens (`#listenForScroll`). */
  #scrollListened = false;
  readonly #onScroll = () => {
    if (this.#stopped || !this.#units.size) return;
    clearTimeout(this.#jumpTimer);
    this.#jumpTimer = setTimeout(() => {
      this.#jumpTimer = undefined;
      this.#checkJump();
    }, JUMP_CHECK_MS);
  };
  /** Whether the edges must be found again (units added or gone, or the window moved). */
  #edgesStale = false;
  #scrollingDown = true;
  /** For each entry with ranges, which of them the highlights hold. */
  readonly #registered = new WeakMap<BlockEntry, boolean[]>();
  /** Elements flagged for the mark styles, with how many registered ranges each holds. */
  readonly #markedParents = new Map<Element, number>();

  readonly #doc: Document;
  readonly #detect: Detect;
  readonly #hooks: ScannerHooks;

  constructor(doc: Document, detect: Detect, hooks: ScannerHooks) {
    this.#doc = doc;
    this.#detect = detect;
    this.#hooks = hooks;
    if (hooks.highlight && typeof Highlight === 'function' && 'highlights' in CSS) {
      this.#assetHighlight = new Highlight();
      this.#claimHighlight = new Highlight();
      CSS.highlights.set(HIGHLIGHT_ASSET, this.#assetHighlight);
      CSS.highlights.set(HIGHLIGHT_CLAIM, this.#claimHighlight);
      this.#claimMarkHighlights = { agrees: new Highlight(), contradicts: new Highlight() };
      CSS.highlights.set(HIGHLIGHT_CLAIM_MARKS.agrees, this.#claimMarkHighlights.agrees);
      CSS.highlights.set(HIGHLIGHT_CLAIM_MARKS.contradicts, this.#claimMarkHighlights.contradicts);
    }
    if (hooks.highlight && hooks.paintOn && typeof ResizeObserver === 'function') {
      this.#painter = new CellPainter(
        doc,
        undefined,
        (r, m) => !this.isMarked(m) || this.#styledByPage(r),
        (entry, m) => hooks.claimMark?.(entry, m),
      );
    }
  }

  /** The browser reports an edge of the window near the viewport: the window moves to it. */
  #onEdges(records: IntersectionObserverEntry[]): void {
    let near: Element | undefined;
    for (const r of records) if (r.isIntersecting) near = r.target;
    if (!near || this.#window.has(near) || !this.#units.has(near)) return;
    // The report comes after the frame's layout: one rect read, to act only on what the window
    // placement (the same test) will take in.
    const height = this.#doc.defaultView?.innerHeight ?? 0;
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
    const height = this.#doc.defaultView?.innerHeight ?? 0;
    const margin = NEAR_MARGIN * height;
    const below = first.getBoundingClientRect().top > height + margin;
    const above = !below && last.getBoundingClientRect().bottom < -margin;
    if (!below && !above) return;
    this.#scrollingDown = above;
    this.#moveWindow();
  }

  /**
   * Places the window again: at the next frame, once the gap since the last change allows, or once
   * the page change is settled.
   */
  #moveWindow(): void {
    const wait = this.#settleWait();
    if (wait > 0) this.#flushAfter(wait);
    else this.#requestFlush();
  }

  /**
   * How long marks should still wait for what the page changed to be read and answered (0: they
   * need not): at most SETTLE_WAIT_MS from the change.
   */
  #settleWait(): number {
    const since = this.#busySince;
    if (since === undefined) return 0;
    const busy = this.#queue.size || this.#rootQueue.size || this.#parked.size || this.#asking.size;
    if (!busy) {
      this.#busySince = undefined;
      return 0;
    }
    return Math.max(0, since + SETTLE_WAIT_MS - performance.now());
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
    for (let i = 0; i < order.length; i++) {
      if (!this.#window.has(order[i] as Element)) continue;
      if (first < 0) first = i;
      last = i;
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
    const order = this.#order;
    const height = this.#doc.defaultView?.innerHeight ?? 0;
    const bottom = height + below * height;
    const out: Element[] = [];
    const lo = this.#firstReaching(-above * height);
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

  /** Whether a flush now would keep MIN_FLUSH_GAP_MS from the last one. */
  #mayFlushNow(): boolean {
    return performance.now() - this.#lastFlushAt >= MIN_FLUSH_GAP_MS;
  }

  /**
   * Flushes at the next frame, or, while the last flush is less than MIN_FLUSH_GAP_MS old, once it
   * is: every change to the highlights repaints the text around them.
   */
  #requestFlush(): void {
    if (this.#stopped || this.#flushFrame !== undefined || this.#flushTimer !== undefined) return;
    if (this.#mayFlushNow()) {
      this.#flushFrame = requestAnimationFrame(() => this.#flushHighlights());
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
  #flushHighlights(): void {
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
    for (const entry of this.#dirty) {
      const live = next.has(entry.unit) && this.#entries.get(entry.block.el) === entry;
      if (live) this.#announce(entry);
      if (live === entry.ranges.length > 0) continue;
      if (live) {
        entry.ranges = entry.matches.map((m) => this.#makeRange(entry.block, m));
        // Which ranges the highlights hold, decided once: a range whose text was removed from the
        // page points elsewhere by the time it is dropped, and must not be judged again.
        this.#registered.set(
          entry,
          entry.ranges.map(
            (r, i) =>
              !!(this.#assetHighlight && this.isMarked(entry.matches[i] as Match) && !this.#styledByPage(r)),
          ),
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

  /** The highlight a match's range goes in (for a claim, as its verdict says, when added). */
  #highlightOf(entry: BlockEntry, m: Match, adding: boolean): Highlight | undefined {
    if (m.kind !== 'claim') return this.#assetHighlight;
    const mark = adding ? this.#hooks.claimMark?.(entry, m) : undefined;
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
   * Verdicts came for claims on the page: the marked ones move to the highlight their verdict
   * says, and the cells that paint any are painted again. Only entries holding claims are touched.
   */
  restyleClaims(): void {
    this.#restyle(
      (entry) => entry.matches.some((m) => m.kind === 'claim'),
      (entry, m, range, registered) => {
        if (m.kind !== 'claim' || !registered) return;
        const target = this.#highlightOf(entry, m, true);
        if (target?.has(range)) return;
        this.#unhighlight(m, range);
        target?.add(range);
      },
    );
  }

  /**
   * Which detections are marked changed (the reader's settings): every live mark is decided again,
   * at once. A match no longer marked loses its range or paint, and its hover with it.
   */
  remark(): void {
    this.#restyle(
      () => true,
      (entry, m, range, registered, i) => {
        const wanted = !!(this.#assetHighlight && this.isMarked(m) && !this.#styledByPage(range));
        if (wanted === registered) return;
        if (wanted) this.#highlightOf(entry, m, true)?.add(range);
        else this.#unhighlight(m, range);
        this.#markParents(entry.block, m, wanted);
        const held = this.#registered.get(entry);
        if (held) held[i] = wanted;
      },
      // The painter judged once which of a painted entry's matches to leave out: again now.
      (painter, entry, cell) => painter.rejudge(entry, cell),
    );
  }

  /**
   * Marks the live entries `which` picks anew: a painted cell is painted again (`repaint`; the
   * painter reads each match's mark then); for an entry marked by ranges, `each` gets each match
   * with its range and whether the highlights hold it.
   */
  #restyle(
    which: (entry: BlockEntry) => boolean,
    each: (entry: BlockEntry, m: Match, range: Range, registered: boolean, i: number) => void,
    repaint = (painter: CellPainter<BlockEntry>, entry: BlockEntry, cell: HTMLElement) =>
      painter.add(entry, cell),
  ): void {
    if (this.#stopped) return;
    for (const entry of this.#entries.values()) {
      if (!which(entry)) continue;
      if (entry.cell && this.#painter?.holds(entry, entry.cell)) {
        repaint(this.#painter, entry, entry.cell);
        continue;
      }
      const registered = this.#registered.get(entry);
      if (!registered || !entry.ranges.length) continue;
      entry.matches.forEach((m, i) => {
        const range = entry.ranges[i];
        if (range) each(entry, m, range, !!registered[i], i);
      });
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

  /** Whether a match's text sits in a link the stylesheet marks (no range needed). */
  #styledByPage(range: Range): boolean {
    const selector = this.#hooks.markedLinks;
    if (!selector) return false;
    const start = range.startContainer;
    const el = start.nodeType === 1 ? (start as Element) : start.parentElement;
    // A plain `closest('a')` first: most matches are in no link, and the marks selector is costly.
    return !!el?.closest('a')?.matches(selector);
  }

  #announce(entry: BlockEntry): void {
    if (entry.announced) return;
    entry.announced = true;
    this.#hooks.onNear?.(entry);
  }

  start(): void {
    const root = this.#doc.body ?? this.#doc.documentElement;
    this.#enqueue(root);
    this.#observer = new MutationObserver((records) => {
      this.#readSinceChange.clear();
      for (const r of records) {
        if (r.type === 'characterData') {
          this.#enqueue(r.target);
          continue;
        }
        if (r.type === 'attributes') {
          this.#editability.add(r.target as Element);
          this.#schedule();
          continue;
        }
        for (const n of r.addedNodes) this.#enqueue(n);
        let rescan = false;
        for (const n of r.removedNodes) {
          // Only a removed element can take a scanned block with it; a removed text node (X
          // replacing a post's text) disconnects nothing, so it costs no sweep of every entry.
          if (n.nodeType === 1) {
            this.#sweepNeeded = true;
            this.#painter?.unmounted(n as Element);
          }
          // Text or inline markup removed from inside a block changes that block's text: rescan it.
          // Whole blocks removed from a container (X recycling timeline cells) change nothing else.
          if (n.nodeType === 3 || (n.nodeType === 1 && !isBlockElement(n as Element))) rescan = true;
        }
        if (rescan) this.#enqueue(r.target);
      }
      if (this.#sweepNeeded) this.#schedule();
    });
    // Text that becomes editable (a page turning an article into an editor) is never marked: the
    // one attribute is watched, which pages seldom change.
    this.#observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['contenteditable'],
    });
    // Its margin is relative to the viewport: a scroll in any scroller (X's dialogs, an article's
    // panes) and a resize are seen alike.
    if (typeof IntersectionObserver === 'function') {
      this.#edgeObserver = new IntersectionObserver((records) => this.#onEdges(records), {
        rootMargin: `${NEAR_MARGIN * 100}% 0px`,
      });
    }
  }

  /**
   * Listens for scrolling while there are units to mark by range, the only ones the window serves
   * (`#onScroll`). Capture: a scroll in any scroller, not only the page's. Nothing is read until a
   * burst of scrolling has been over for JUMP_CHECK_MS, and then two rects. With none (on X every
   * post is in a painted cell) there is no listener: a timeline fires a scroll event every frame
   * while it is read, and each one entering the content script's world cost 0.6 ms of thread CPU
   * per 20 posts on the page bench's timeline, for a listener that returned at once.
   */
  #listenForScroll(): void {
    const listen = this.#units.size > 0 && !this.#stopped;
    if (listen === this.#scrollListened) return;
    this.#scrollListened = listen;
    if (listen) this.#doc.addEventListener('scroll', this.#onScroll, { passive: true, capture: true });
    else this.#doc.removeEventListener('scroll', this.#onScroll, { capture: true });
  }

  /**
   * Reads a node again, as if it had just been added (default: the whole document), for when what
   * the roots hook reads has changed: on X, the fallback to the generic path (roots.ts, `xRoots`).
   * Text read before costs a lookup.
   */
  reread(node: Node = this.#doc.body ?? this.#doc.documentElement): void {
    this.#enqueue(node);
  }

  stop(): void {
    this.#stopped = true;
    this.#observer?.disconnect();
    this.#edgeObserver?.disconnect();
    this.#edges = {};
    this.#ends = {};
    this.#listenForScroll();
    clearTimeout(this.#jumpTimer);
    if (this.#flushFrame !== undefined) cancelAnimationFrame(this.#flushFrame);
    clearTimeout(this.#flushTimer);
    clearTimeout(this.#removalTimer);
    clearTimeout(this.#settleTimer);
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#askTimer);
    this.#dirty.clear();
    this.#parked.clear();
    this.#toAsk.clear();
    for (const el of this.#markedParents.keys()) el.removeAttribute(MARK_ATTRIBUTE);
    this.#markedParents.clear();
    this.#units.clear();
    this.#order = [];
    this.#window.clear();
    this.#queue.clear();
    this.#rootQueue.clear();
    this.#readSinceChange.clear();
    this.#painter?.stop();
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
    this.#entries.clear();
  }

  /** Live blocks that hold at least one detection. */
  liveEntries(): Iterable<BlockEntry> {
    return this.#entries.values();
  }

  /**
   * Live entries of the units on screen now, in document order (keyboard access): found by the
   * same binary search as the marked window, whether or not their marks are in place yet.
   */
  entriesInView(): BlockEntry[] {
    const out: BlockEntry[] = this.#painter?.entriesInView(this.#doc.defaultView?.innerHeight ?? 0) ?? [];
    for (const unit of this.#unitsWithin(0, 0))
      for (const entry of this.#units.get(unit) ?? []) out.push(entry);
    return out;
  }

  /**
   * Whether a text node holds some of a detection's text (the hover controller hit-tests the pointer
   * only over such text): a lookup, no layout.
   */
  holdsDetection(node: Node): boolean {
    if (node.nodeType !== 3) return false;
    const at = this.#nodeIndex.get(node as Text);
    if (!at) return false;
    const end = at.nodeStart + (node as Text).data.length;
    return at.entry.matches.some((m) => m.start < end && m.end > at.nodeStart && this.isMarked(m));
  }

  /** Whether a detection is marked on the page (`ScannerHooks.marked`). */
  isMarked(match: Match): boolean {
    return this.#hooks.marked?.(match) ?? true;
  }

  /** The detection under a caret position, if any. */
  hitTest(node: Node, offset: number): { entry: BlockEntry; match: Match } | null {
    if (node.nodeType !== 3) return null;
    const at = this.#nodeIndex.get(node as Text);
    if (!at) return null;
    const g = at.nodeStart + offset;
    for (const match of at.entry.matches) {
      if (match.start <= g && g < match.end && this.isMarked(match)) return { entry: at.entry, match };
    }
    return null;
  }

  /** The Range of a match in a live entry (made on demand when its block is not marked). */
  rangeOf(entry: BlockEntry, match: Match): Range | undefined {
    const i = entry.matches.indexOf(match);
    if (i < 0) return undefined;
    return entry.ranges[i] ?? this.#makeRange(entry.block, match);
  }

  /**
   * Every detection in the whole document as it is now, in document order (automation contract
   * §2). Read-only: cached block texts cost a lookup, new ones are asked for at once.
   */
  async scanDocument(): Promise<ScannedMatch[]> {
    const root = this.#doc.body ?? this.#doc.documentElement;
    const out: Array<ScannedMatch & { order: number; local: number }> = [];
    const counter = { next: 0 };
    const blocks = this.#hooks.roots(root).flatMap((r) => collectBlocks(r, counter, true));
    const found = new Map<string, Match[]>();
    const unknown: string[] = [];
    for (const { text } of blocks) {
      const known = this.#byText.get(text);
      if (known) found.set(text, known);
      else if (!found.has(text)) {
        found.set(text, []);
        unknown.push(text);
      }
    }
    for (let i = 0; i < unknown.length; i += MAX_ASK) {
      const texts = unknown.slice(i, i + MAX_ASK);
      const all = await this.#detect(texts);
      texts.forEach((text, j) => {
        found.set(text, all[j] ?? []);
        this.#byText.set(text, all[j] ?? []);
      });
    }
    // The blocks read and waiting for these texts are settled with the answer (and not asked for).
    if (unknown.length && this.#parked.size && !this.#stopped) {
      this.#answered = true;
      this.#schedule();
    }
    for (const block of blocks) {
      const matches = found.get(block.text) ?? [];
      matches.forEach((match, index) => {
        const n = nodeIndexAt(block, match.start);
        out.push({
          match,
          index,
          text: block.text,
          matches,
          order: block.order[n] ?? 0,
          local: match.start - (block.starts[n] ?? 0),
        });
      });
    }
    out.sort((a, b) => a.order - b.order || a.local - b.local);
    return out.map(({ match, index, text, matches }) => ({ match, index, text, matches }));
  }

  /** Queues a node; which parts of it are read is the roots strategy's call, made in the slice. */
  #enqueue(node: Node): void {
    if (this.#stopped) return;
    this.#queue.add(node);
    this.#busySince ??= performance.now();
    this.#schedule();
  }

  /**
   * New work gets a first slice in a task of its own, after the page's (Chromium draws what the
   * page added first): its texts go to the background at once, and the frame that draws them (often
   * near 50 ms on X) is not made longer by it. The rest of a fresh page change is read in more
   * such tasks, anything else in idle slices.
   */
  #schedule(soon = true): void {
    if (this.#scheduled || this.#stopped) return;
    this.#scheduled = true;
    // One timer per slice: a task now for fresh work, an idle callback for the rest.
    if (soon) setTimeout(() => this.#runSlice(), 0);
    else schedule((deadline) => this.#runSlice(deadline));
  }

  #runSlice(idle?: IdleDeadline): void {
    this.#scheduled = false;
    if (this.#stopped) return;
    // Never past SLICE_MS, and never past the idle period the browser granted; a slice run as a
    // task of its own, or because the idle timeout expired, gets SLICE_MS.
    const budget = idle && !idle.didTimeout ? Math.min(SLICE_MS, idle.timeRemaining()) : SLICE_MS;
    const deadline = performance.now() + budget;
    let changed = false;
    if (this.#sweepNeeded) {
      this.#sweepNeeded = false;
      for (const [el, entry] of this.#entries) {
        if (!el.isConnected) {
          this.#removeEntry(el, entry);
          changed = true;
        }
      }
    }
    if (this.#editability.size) changed = this.#judgeEditability() || changed;
    if (this.#answered) {
      this.#answered = false;
      changed = this.#settleParked(deadline) || changed;
    }
    // At least one root per slice, so a page that is never idle still makes progress.
    let first = true;
    while (first || performance.now() < deadline) {
      const root = this.#nextRoot();
      if (!root) break;
      first = false;
      if (!root.isConnected) continue;
      changed = this.#scanNode(root) || changed;
    }
    const more = this.#queue.size > 0 || this.#rootQueue.size > 0 || this.#answered;
    if (this.#toAsk.size >= ASK_BATCH) this.#ask();
    else if (this.#toAsk.size) this.#askSoon();
    // Marks are added once what was queued is read and answered (texts known before settle at
    // once, the others when their answer comes; SETTLE_WAIT_MS at most). A page that keeps the
    // queue full still sees its marks every STARVED_FLUSH_MS.
    // (Also forgets the page change once all of it is settled.)
    const wait = more ? 0 : this.#settleWait();
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
    // The reading of a fresh page change goes on in tasks of its own (an idle callback can wait a
    // hundred ms on a busy page, and the marks wait for it); anything older, in idle time.
    if (more) this.#schedule(this.#settleWait() > 0);
    if (changed) this.#hooks.onUpdate?.();
  }

  /** The next root to read: queued roots first, then the roots of the next queued node. */
  #nextRoot(): Node | undefined {
    for (;;) {
      for (const root of this.#rootQueue) {
        this.#rootQueue.delete(root);
        if (this.#readSinceChange.has(root)) continue;
        this.#readSinceChange.add(root);
        return root;
      }
      const node = this.#queue.values().next();
      if (node.done) return undefined;
      this.#queue.delete(node.value);
      if (node.value.isConnected) for (const root of this.#hooks.roots(node.value)) this.#rootQueue.add(root);
    }
  }

  #scanNode(node: Node): boolean {
    let changed = false;
    for (const block of collectBlocks(node, undefined, true)) {
      const matches = this.#byText.get(block.text);
      if (matches) {
        this.#parked.delete(block.el);
        changed = this.#settle(block, matches) || changed;
        continue;
      }
      // New text: what the block showed before is gone; its matches come with the answer.
      const prev = this.#entries.get(block.el);
      if (prev) {
        this.#removeEntry(block.el, prev);
        changed = true;
      }
      this.#parked.set(block.el, block);
      if (!this.#asking.has(block.text)) this.#toAsk.add(block.text);
    }
    return changed;
  }

  /**
   * The elements whose `contenteditable` changed: one now editable (or inside an editable one)
   * loses the blocks read under it and their marks; one no longer editable is read. Whether
   * detections changed.
   */
  #judgeEditability(): boolean {
    let changed = false;
    for (const el of this.#editability) {
      if (!el.isConnected) continue;
      if (blockOf(el) !== null) {
        this.#enqueue(el);
        continue;
      }
      for (const [blockEl, entry] of this.#entries) {
        if (!el.contains(blockEl)) continue;
        this.#removeEntry(blockEl, entry);
        changed = true;
      }
      for (const blockEl of this.#parked.keys()) if (el.contains(blockEl)) this.#parked.delete(blockEl);
      // A block around it read the editable text with its own: read again, without it.
      if (el.parentElement) this.#enqueue(el.parentElement);
    }
    this.#editability.clear();
    return changed;
  }

  /** Settles the parked blocks whose text was answered, until the deadline (the rest wait). */
  #settleParked(deadline: number): boolean {
    let changed = false;
    for (const [el, block] of this.#parked) {
      const matches = this.#byText.get(block.text);
      if (!matches) {
        // Answered, then pushed out of the cache by later answers before it was settled: asked again.
        if (!this.#asking.has(block.text) && !this.#toAsk.has(block.text) && el.isConnected) {
          this.#toAsk.add(block.text);
        }
        if (!el.isConnected) this.#parked.delete(el);
        continue;
      }
      if (performance.now() >= deadline) {
        this.#answered = true;
        break;
      }
      this.#parked.delete(el);
      if (el.isConnected) changed = this.#settle(block, matches) || changed;
    }
    return changed;
  }

  /** Makes a block's entry from its matches (none: no entry); whether detections changed. */
  #settle(block: TextBlock, matches: Match[]): boolean {
    const prev = this.#entries.get(block.el);
    if (prev && prev.block.text === block.text && sameNodes(prev.block, block)) {
      // Its cell was taken out and put back before the sweep: painted again.
      if (prev.cell && this.#painter && !this.#painter.holds(prev, prev.cell))
        this.#painter.add(prev, prev.cell);
      return false;
    }
    if (prev) this.#removeEntry(block.el, prev);
    if (!matches.length) return !!prev;
    const cell = this.#painter ? this.#hooks.paintOn?.(block.el) : null;
    const unit = cell ?? this.#hooks.unitOf?.(block.el) ?? block.el;
    const entry: BlockEntry = { block, matches, unit, ranges: [], announced: false };
    for (let i = 0; i < block.nodes.length; i++) {
      const n = block.nodes[i];
      if (n) this.#nodeIndex.set(n, { entry, nodeStart: block.starts[i] ?? 0 });
    }
    this.#entries.set(block.el, entry);
    if (cell && this.#painter) {
      // Painted now, wherever the cell is: once painted its marks cost nothing more.
      entry.cell = cell;
      this.#painter.add(entry, cell);
      this.#announce(entry);
    } else this.#watch(entry);
    return true;
  }

  /** Asks for the gathered texts once ASK_WAIT_MS has passed since the first of them. */
  #askSoon(): void {
    if (this.#stopped || this.#askTimer !== undefined) return;
    this.#askTimer = setTimeout(() => {
      this.#askTimer = undefined;
      this.#ask();
    }, ASK_WAIT_MS);
  }

  /** Asks for the gathered texts, in requests of at most MAX_ASK. */
  #ask(): void {
    clearTimeout(this.#askTimer);
    this.#askTimer = undefined;
    if (this.#stopped) return;
    let knownMeanwhile = false;
    while (this.#toAsk.size) {
      const texts: string[] = [];
      for (const text of this.#toAsk) {
        this.#toAsk.delete(text);
        // Answered meanwhile (a whole-document scan asked for it): its blocks settle with the next slice.
        if (this.#byText.has(text)) {
          knownMeanwhile = true;
          continue;
        }
        this.#asking.add(text);
        texts.push(text);
        if (texts.length === MAX_ASK) break;
      }
      if (!texts.length) break;
      this.#detect(texts).then(
        (all) => {
          this.#retryMs = RETRY_MS;
          texts.forEach((text, i) => {
            this.#asking.delete(text);
            this.#byText.set(text, all[i] ?? []);
          });
          if (this.#stopped) return;
          this.#answered = true;
          this.#schedule();
        },
        () => {
          for (const text of texts) this.#asking.delete(text);
          this.#retryLater();
        },
      );
    }
    if (knownMeanwhile) {
      this.#answered = true;
      this.#schedule();
    }
  }

  /** The background did not answer: the parked texts are asked for again after a while. */
  #retryLater(): void {
    if (this.#stopped || this.#retryTimer !== undefined) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      for (const block of this.#parked.values())
        if (!this.#byText.has(block.text) && !this.#asking.has(block.text)) this.#toAsk.add(block.text);
      if (this.#toAsk.size) this.#ask();
    }, this.#retryMs);
    this.#retryMs = Math.min(this.#retryMs * 2, MAX_RETRY_MS);
  }

  /** Adds an entry to its unit; it is marked at the next flush if the unit is in the window. */
  #watch(entry: BlockEntry): void {
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

  #removeEntry(el: Element, entry: BlockEntry): void {
    for (const n of entry.block.nodes) this.#nodeIndex.delete(n);
    this.#entries.delete(el);
    if (entry.cell) {
      this.#painter?.remove(entry, entry.cell);
      return;
    }
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

  #makeRange(block: TextBlock, m: Match): Range {
    const range = this.#doc.createRange();
    const a = locate(block, m.start);
    const b = locate(block, m.end, true);
    if (a && b) {
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
    }
    return range;
  }
}

function nodeIndexAt(block: TextBlock, offset: number): number {
  let i = 0;
  while (i + 1 < block.starts.length && (block.starts[i + 1] ?? Infinity) <= offset) i++;
  return i;
}

function sameNodes(a: TextBlock, b: TextBlock): boolean {
  return a.nodes.length === b.nodes.length && a.nodes.every((n, i) => n === b.nodes[i]);
}

function schedule(fn: (idle?: IdleDeadline) => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 200 });
  else setTimeout(fn, 16);
}
