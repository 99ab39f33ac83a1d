/**
 * Keeps a document's detections current, by putting the content pipeline's parts together: the
 * watcher (watcher.ts) queues what the page added or changed; slices with a deadline read it into
 * text blocks (the site's roots, text-blocks.ts), so a busy page (X's timeline) never sees a long
 * task from us; the detection client (detection-client.ts) asks the background about texts not
 * seen before, one message for the texts of a moment, and keeps one cache by text, so React
 * re-rendering the same text costs a lookup; and each block holding detections goes to a marker
 * (marker.ts): the cell painter where the site names a positioned cell (X's timeline), the
 * highlight window anywhere else.
 *
 * Everything added is read (the badge and the scan message count it all), but only what is near
 * the viewport is marked by ranges (highlight-window.ts says why). A text node of a block with
 * detections is indexed here, for the hover's hit test.
 */
import type { Match } from '@/utils/detect';
import { DetectionClient } from './detection-client';
import { HighlightWindow, rangeOf } from './highlight-window';
import { type BlockEntry, type Marker, PaintedMarker } from './marker';
import { CellPainter, type ClaimMark } from './painted-marks';
import type { RootsOf } from './sites/site';
import { blockOf, collectBlocks, type TextBlock } from './text-blocks';
import { PageWatcher } from './watcher';

export { HIGHLIGHT_CLAIM_MARKS, MARK_ATTRIBUTE } from './highlight-window';
export type { BlockEntry } from './marker';

/**
 * Detects texts not seen before, answering with their matches in the same order (tests, and
 * callers with no resolutions to keep): wrapped in a detection client.
 */
export type Detect = (texts: string[]) => Promise<Match[][]>;

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
  /** Called for each new block holding detections, when it is settled (hover hears its pointer events). */
  onEntry?: (entry: BlockEntry) => void;
  /** Registers ranges with the CSS Custom Highlight API. */
  highlight: boolean;
  /** Which parts of an added or changed node are read (the site adapter's, sites/). */
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
/**
 * How long marks wait, after the page changed, for the change to be read and answered whole: every
 * change to the highlights costs Chromium a rebuild and repaint of every marked text, so the posts
 * of one page change (some of their texts known, some asked for) are marked in one change, not two.
 */
const SETTLE_WAIT_MS = 400;

export class PageScanner {
  readonly #entries = new Map<Element, BlockEntry>();
  /** Blocks read whose text awaits detection, by element (a newer read of it replaces the older). */
  readonly #parked = new Map<Element, TextBlock>();
  /** Texts read for the first time in this slice: asked for together at its end. */
  readonly #toAsk = new Set<string>();
  /** Answers arrived: the next slice settles the parked blocks whose text they hold. */
  #answered = false;
  /** The hit-test index: each text node of a block with detections, with its offset in the block. */
  readonly #nodeIndex = new WeakMap<Text, { entry: BlockEntry; nodeStart: number }>();
  #scheduled = false;
  #stopped = false;
  /** Since when the page's changes are being read and answered (undefined: all is settled). */
  #busySince: number | undefined;
  readonly #watcher: PageWatcher;
  readonly #window: HighlightWindow;
  /** Paints the marks of blocks in cells (`paintOn`); those blocks never join the marked window. */
  readonly #painted: PaintedMarker<BlockEntry> | undefined;
  readonly #client: DetectionClient;
  readonly #doc: Document;
  readonly #hooks: ScannerHooks;

  /**
   * `detect` is the page's detection client (its cache is the one the cards and the badge read), or
   * a plain function answering texts with their matches.
   */
  constructor(doc: Document, detect: DetectionClient | Detect, hooks: ScannerHooks) {
    this.#doc = doc;
    this.#hooks = hooks;
    this.#client =
      detect instanceof DetectionClient
        ? detect
        : new DetectionClient(async (texts) => (await detect(texts)).map((matches) => ({ matches })));
    this.#client.onAnswer(() => {
      if (this.#stopped) return;
      this.#answered = true;
      this.#schedule();
    });
    // The texts still waiting to be read are asked for again once a failed request's wait is over.
    this.#client.onRetry(() => {
      if (this.#stopped) return;
      const texts = new Set<string>();
      for (const block of this.#parked.values())
        if (!this.#client.matchesOf(block.text)) texts.add(block.text);
      this.#client.ask([...texts]);
    });
    this.#watcher = new PageWatcher(doc.body ?? doc.documentElement, {
      onWork: (queued) => {
        if (queued) this.#busySince ??= performance.now();
        this.#schedule();
      },
      onRemoved: (el) => this.#painted?.unmounted(el),
    });
    const leftOut = (r: Range, m: Match) => !this.isMarked(m) || this.#styledByPage(r);
    const claimMark = (entry: BlockEntry, m: Match) => hooks.claimMark?.(entry, m);
    this.#window = new HighlightWindow(doc, {
      highlight: hooks.highlight,
      isLive: (entry) => this.#entries.get(entry.block.el) === entry,
      onMarked: (entry) => this.#announce(entry),
      leftOut,
      claimMark,
      settleWait: () => this.#settleWait(),
    });
    if (hooks.highlight && hooks.paintOn && typeof ResizeObserver === 'function') {
      this.#painted = new PaintedMarker(
        new CellPainter<BlockEntry>(doc, undefined, leftOut, claimMark),
        () => this.#doc.defaultView?.innerHeight ?? 0,
      );
    }
  }

  /** The marker of an entry: its cell's painter, or the highlight window. */
  #markerOf(entry: BlockEntry): Marker<BlockEntry> {
    return entry.cell && this.#painted ? this.#painted : this.#window;
  }

  /**
   * How long marks should still wait for what the page changed to be read and answered (0: they
   * need not): at most SETTLE_WAIT_MS from the change.
   */
  #settleWait(): number {
    const since = this.#busySince;
    if (since === undefined) return 0;
    const busy = this.#watcher.pending || this.#parked.size || this.#client.asking;
    if (!busy) {
      this.#busySince = undefined;
      return 0;
    }
    return Math.max(0, since + SETTLE_WAIT_MS - performance.now());
  }

  /** Verdicts came for claims on the page: the marks of claims show them. */
  restyleClaims(): void {
    if (this.#stopped) return;
    this.#painted?.restyle('claims');
    this.#window.restyle('claims');
  }

  /**
   * Which detections are marked changed (the reader's settings): every live mark is decided again,
   * at once. A match no longer marked loses its range or paint, and its hover with it.
   */
  remark(): void {
    if (this.#stopped) return;
    this.#painted?.restyle('all');
    this.#window.restyle('all');
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
    this.#watcher.start();
  }

  /**
   * Reads a node again, as if it had just been added (default: the whole document), for when what
   * the roots hook reads has changed: on X, the fallback to the generic path (sites/x.ts, `xRoots`).
   * Text read before costs a lookup.
   */
  reread(node: Node = this.#doc.body ?? this.#doc.documentElement): void {
    this.#watcher.queue(node);
  }

  stop(): void {
    this.#stopped = true;
    this.#watcher.stop();
    this.#window.stop();
    this.#painted?.stop();
    this.#client.stop();
    this.#parked.clear();
    this.#toAsk.clear();
    this.#entries.clear();
  }

  /** Live blocks that hold at least one detection. */
  liveEntries(): Iterable<BlockEntry> {
    return this.#entries.values();
  }

  /** Live entries of the units on screen now (keyboard access), whether or not marked yet. */
  entriesInView(): BlockEntry[] {
    return [...(this.#painted?.entriesInView() ?? []), ...this.#window.entriesInView()];
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
    return entry.ranges[i] ?? rangeOf(this.#doc, entry.block, match);
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
    const texts = [...new Set(blocks.map((b) => b.text))];
    const all = await this.#client.detectNow(texts);
    const found = new Map(texts.map((text, i) => [text, all[i] ?? []]));
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
    if (this.#watcher.takeSweep()) {
      for (const [el, entry] of this.#entries) {
        if (!el.isConnected) {
          this.#removeEntry(el, entry);
          changed = true;
        }
      }
    }
    const editable = this.#watcher.takeEditability();
    if (editable.length) changed = this.#judgeEditability(editable) || changed;
    if (this.#answered) {
      this.#answered = false;
      changed = this.#settleParked(deadline) || changed;
    }
    // At least one root per slice, so a page that is never idle still makes progress.
    let first = true;
    while (first || performance.now() < deadline) {
      const root = this.#watcher.nextRoot(this.#hooks.roots);
      if (!root) break;
      first = false;
      if (!root.isConnected) continue;
      changed = this.#scanNode(root) || changed;
    }
    if (this.#toAsk.size) {
      this.#client.ask([...this.#toAsk]);
      this.#toAsk.clear();
    }
    const more = this.#watcher.pending || this.#answered;
    // (The settle wait also forgets the page change once all of it is settled.)
    this.#window.afterSlice(more);
    // The reading of a fresh page change goes on in tasks of its own (an idle callback can wait a
    // hundred ms on a busy page, and the marks wait for it); anything older, in idle time.
    if (more) this.#schedule(this.#settleWait() > 0);
    if (changed) this.#hooks.onUpdate?.();
  }

  #scanNode(node: Node): boolean {
    let changed = false;
    for (const block of collectBlocks(node, undefined, true)) {
      const matches = this.#client.matchesOf(block.text);
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
      this.#toAsk.add(block.text);
    }
    return changed;
  }

  /**
   * The elements whose `contenteditable` changed: one now editable (or inside an editable one)
   * loses the blocks read under it and their marks; one no longer editable is read. Whether
   * detections changed.
   */
  #judgeEditability(elements: readonly Element[]): boolean {
    let changed = false;
    for (const el of elements) {
      if (!el.isConnected) continue;
      if (blockOf(el) !== null) {
        this.#watcher.queue(el);
        continue;
      }
      for (const [blockEl, entry] of this.#entries) {
        if (!el.contains(blockEl)) continue;
        this.#removeEntry(blockEl, entry);
        changed = true;
      }
      for (const blockEl of this.#parked.keys()) if (el.contains(blockEl)) this.#parked.delete(blockEl);
      // A block around it read the editable text with its own: read again, without it.
      if (el.parentElement) this.#watcher.queue(el.parentElement);
    }
    return changed;
  }

  /** Settles the parked blocks whose text was answered, until the deadline (the rest wait). */
  #settleParked(deadline: number): boolean {
    let changed = false;
    for (const [el, block] of this.#parked) {
      const matches = this.#client.matchesOf(block.text);
      if (!matches) {
        // Answered, then pushed out of the cache by later answers before it was settled: asked
        // again (a text still in flight joins its request).
        if (el.isConnected) this.#toAsk.add(block.text);
        else this.#parked.delete(el);
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
      if (prev.cell && this.#painted && !this.#painted.holds(prev)) this.#painted.add(prev);
      return false;
    }
    if (prev) this.#removeEntry(block.el, prev);
    if (!matches.length) return !!prev;
    const cell = this.#painted ? this.#hooks.paintOn?.(block.el) : null;
    const unit = cell ?? this.#hooks.unitOf?.(block.el) ?? block.el;
    const entry: BlockEntry = { block, matches, unit, ranges: [], announced: false };
    if (cell) entry.cell = cell;
    for (let i = 0; i < block.nodes.length; i++) {
      const n = block.nodes[i];
      if (n) this.#nodeIndex.set(n, { entry, nodeStart: block.starts[i] ?? 0 });
    }
    this.#entries.set(block.el, entry);
    this.#markerOf(entry).add(entry);
    this.#hooks.onEntry?.(entry);
    // Painted now, wherever the cell is: once painted its marks cost nothing more.
    if (cell) this.#announce(entry);
    return true;
  }

  #removeEntry(el: Element, entry: BlockEntry): void {
    for (const n of entry.block.nodes) this.#nodeIndex.delete(n);
    this.#entries.delete(el);
    this.#markerOf(entry).remove(entry);
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
