/**
 * Watches a document and keeps its detections current. The MutationObserver callback only queues
 * added nodes; the work happens later in slices with a deadline, so a busy page (X's timeline)
 * never sees a long task from us. Results are keyed by block text, so React re-rendering the same
 * text costs a Map lookup, and a node scanned twice yields the same result.
 *
 * Only what is near the viewport is read: each root's unit (on X, the post's timeline cell) is
 * watched by an IntersectionObserver, and its text is read when the unit comes within
 * `NEAR_MARGIN` viewports. Posts scrolled past unseen cost an observation, not a reading; the scan
 * message (`scanDocument`) still reads the whole document when asked.
 */
import type { Match } from '@/utils/detect';
import type { RootsOf } from './roots';
import { collectBlocks, isBlockElement, locate, type TextBlock } from './text-blocks';

export type Detect = (text: string) => Match[];

export interface BlockEntry {
  block: TextBlock;
  matches: Match[];
  /** The element watched for nearness to the viewport (`unitOf`); blocks share it. */
  unit: Element;
  /** The ranges registered as highlights now (empty while the block is not near the viewport). */
  ranges: Range[];
  /** Whether the block is near the viewport, so its ranges are (or are about to be) registered. */
  shown: boolean;
  /** Whether `onNear` was called for it. */
  announced: boolean;
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
   * Called once for each block holding detections when it is read (near the viewport): what is
   * about to be seen is resolved, not the whole scrolled-by page.
   */
  onNear?: (entry: BlockEntry) => void;
  /** Registers ranges with the CSS Custom Highlight API. */
  highlight: boolean;
  /** Which parts of an added or changed node are read (roots.ts). */
  roots: RootsOf;
  /**
   * Elements whose text the page's stylesheet marks already (X's cashtag and mention links): a
   * match inside one gets no highlight range.
   */
  markedBySelector?: string;
  /**
   * The element whose nearness to the viewport stands for a root's or a block's (default: itself).
   * On X it is the post's timeline cell: one observed element per post instead of one per text
   * block, and a shallow one, which Chromium's IntersectionObserver computes for a third of the cost.
   */
  unitOf?: (el: Element) => Element;
}

const SLICE_MS = 4;
/** A slice at the start of a frame the page is drawing gets less: the frame has work of its own. */
const FRAME_SLICE_MS = 2;
/** How far beyond the viewport, in viewport heights, blocks count as near. */
const NEAR_MARGIN = 1.5;
/** The shortest time between two changes to the highlights (each one repaints the marked text). */
const MIN_FLUSH_GAP_MS = 250;
/** How long ranges gone out of reach stay registered, unless additions flush them sooner. */
const REMOVAL_WAIT_MS = 1000;
const HIGHLIGHT_ASSET = 'tickerlens-asset';
/** The attribute on elements holding marked text (card-style.ts selects it). */
export const MARK_ATTRIBUTE = 'data-tickerlens-mark';
const HIGHLIGHT_CLAIM = 'tickerlens-claim';
/** Above this many cached texts the cache is dropped: a long session on X must not grow forever. */
const MAX_CACHED_TEXTS = 5_000;

export class PageScanner {
  readonly #entries = new Map<Element, BlockEntry>();
  readonly #byText = new Map<string, Match[]>();
  readonly #nodeIndex = new WeakMap<Text, { entry: BlockEntry; nodeStart: number }>();
  /** Added or changed nodes, not yet turned into roots. */
  readonly #queue = new Set<Node>();
  /**
   * Roots of dequeued nodes, not yet read. A slice checks its deadline after each root, so one
   * node holding hundreds of posts (the whole body at start) is read over many slices.
   */
  readonly #rootQueue = new Set<Node>();
  #observer: MutationObserver | undefined;
  #scheduled = false;
  #sweepNeeded = false;
  #stopped = false;
  readonly #assetHighlight: Highlight | undefined;
  readonly #claimHighlight: Highlight | undefined;
  /**
   * Reports units coming within NEAR_MARGIN viewports and going beyond. Only near units are read,
   * and only their blocks have highlight ranges: every registered range costs paint time.
   */
  readonly #nearViewport: IntersectionObserver | undefined;
  /** Observed units with live entries, and the entries in each. */
  readonly #units = new Map<Element, Set<BlockEntry>>();
  /** Observed units with roots waiting to be read when the unit comes near. */
  readonly #pending = new Map<Element, Set<Node>>();
  /** Units the observer last reported near the viewport. */
  readonly #nearUnits = new Set<Element>();
  /**
   * Entries whose registered ranges differ from what they should be. Any change to a highlight
   * makes Chromium rebuild every highlight marker and run a frame to repaint them, so changes are
   * applied together: ranges to add when the slices have read what was queued (or at the next
   * frame when scrolling brought them near), ranges to drop along with the next additions or after a
   * quiet second, since a stale range out of view shows nothing.
   */
  readonly #dirty = new Set<BlockEntry>();
  /** Whether ranges wait to be registered. */
  #addsPending = false;
  #flushFrame: number | undefined;
  /** A flush waiting for MIN_FLUSH_GAP_MS to pass since the last one. */
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** A flush of removals only, which can wait. */
  #removalTimer: ReturnType<typeof setTimeout> | undefined;
  #lastFlushAt = Number.NEGATIVE_INFINITY;
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
    }
    if (typeof IntersectionObserver === 'function') {
      this.#nearViewport = new IntersectionObserver((records) => this.#onIntersect(records), {
        rootMargin: `${NEAR_MARGIN * 100}% 0px`,
      });
    }
  }

  #onIntersect(records: IntersectionObserverEntry[]): void {
    let toRead = false;
    for (const r of records) {
      const unit = r.target;
      if (r.isIntersecting) this.#nearUnits.add(unit);
      else this.#nearUnits.delete(unit);
      for (const entry of this.#units.get(unit) ?? []) this.#show(entry, r.isIntersecting);
      const roots = r.isIntersecting ? this.#pending.get(unit) : undefined;
      if (roots) {
        this.#pending.delete(unit);
        for (const root of roots) this.#rootQueue.add(root);
        toRead = true;
      }
    }
    if (toRead) this.#schedule();
  }

  /**
   * Marks a block near the viewport or not. In a slice its ranges are registered when the slice
   * ends; from the observer, at the next frame; ranges to drop wait for the next change.
   */
  #show(entry: BlockEntry, on: boolean, inSlice = false): void {
    if (entry.shown === on) return;
    entry.shown = on;
    if (on) this.#announce(entry);
    this.#dirty.add(entry);
    if (this.#stopped) return;
    if (on) {
      this.#addsPending = true;
      if (!inSlice) this.#requestFlush();
    } else if (this.#removalTimer === undefined) {
      this.#removalTimer = setTimeout(() => this.#requestFlush(), REMOVAL_WAIT_MS);
    }
  }

  /** Whether a flush now would keep MIN_FLUSH_GAP_MS from the last one. */
  #mayFlushNow(): boolean {
    return performance.now() - this.#lastFlushAt >= MIN_FLUSH_GAP_MS;
  }

  /**
   * Flushes at the next frame, or, while the last flush is less than MIN_FLUSH_GAP_MS old, once it
   * is: every change to the highlights repaints the text around them, so a reader scrolling
   * steadily sees marks arrive a few times a second, not at every step.
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
   * Registers or drops the ranges of every changed block, in one go. Ranges exist only while
   * shown: a live Range is updated by the browser on every DOM mutation near it, so thousands of
   * idle ones would tax X.
   */
  #flushHighlights(): void {
    if (this.#flushFrame !== undefined) cancelAnimationFrame(this.#flushFrame);
    clearTimeout(this.#flushTimer);
    clearTimeout(this.#removalTimer);
    this.#flushFrame = undefined;
    this.#flushTimer = undefined;
    this.#removalTimer = undefined;
    this.#addsPending = false;
    this.#lastFlushAt = performance.now();
    for (const entry of this.#dirty) {
      const live = entry.shown && this.#entries.get(entry.block.el) === entry;
      if (live === entry.ranges.length > 0) continue;
      if (live) {
        entry.ranges = entry.matches.map((m) => this.#makeRange(entry.block, m));
        // Which ranges the highlights hold, decided once: a range whose text was removed from the
        // page points elsewhere by the time it is dropped, and must not be judged again.
        this.#registered.set(
          entry,
          entry.ranges.map((r) => !!(this.#assetHighlight && !this.#styledByPage(r))),
        );
      }
      const registered = this.#registered.get(entry) ?? [];
      entry.matches.forEach((m, i) => {
        const range = entry.ranges[i];
        const highlight = m.kind === 'claim' ? this.#claimHighlight : this.#assetHighlight;
        if (!range || !highlight || !registered[i]) return;
        if (live) highlight.add(range);
        else highlight.delete(range);
        this.#markParents(entry.block, m, live);
      });
      if (!live) {
        entry.ranges = [];
        this.#registered.delete(entry);
      }
    }
    this.#dirty.clear();
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

  /** Whether a match's text sits in an element the stylesheet marks (no range needed). */
  #styledByPage(range: Range): boolean {
    const selector = this.#hooks.markedBySelector;
    if (!selector) return false;
    const start = range.startContainer;
    const el = start.nodeType === 1 ? (start as Element) : start.parentElement;
    return !!el?.closest(selector);
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
      for (const r of records) {
        if (r.type === 'characterData') {
          this.#enqueue(r.target);
          continue;
        }
        for (const n of r.addedNodes) this.#enqueue(n);
        let rescan = false;
        for (const n of r.removedNodes) {
          // Only a removed element can take a scanned block with it; a removed text node (X
          // replacing a post's text) disconnects nothing, so it costs no sweep of every entry.
          if (n.nodeType === 1) this.#sweepNeeded = true;
          // Text or inline markup removed from inside a block changes that block's text: rescan it.
          // Whole blocks removed from a container (X recycling timeline cells) change nothing else.
          if (n.nodeType === 3 || (n.nodeType === 1 && !isBlockElement(n as Element))) rescan = true;
        }
        if (rescan) this.#enqueue(r.target);
      }
      if (this.#sweepNeeded) this.#schedule();
    });
    this.#observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  stop(): void {
    this.#stopped = true;
    this.#observer?.disconnect();
    this.#nearViewport?.disconnect();
    if (this.#flushFrame !== undefined) cancelAnimationFrame(this.#flushFrame);
    clearTimeout(this.#flushTimer);
    clearTimeout(this.#removalTimer);
    this.#dirty.clear();
    for (const el of this.#markedParents.keys()) el.removeAttribute(MARK_ATTRIBUTE);
    this.#markedParents.clear();
    this.#units.clear();
    this.#pending.clear();
    this.#nearUnits.clear();
    this.#queue.clear();
    this.#rootQueue.clear();
    this.#assetHighlight?.clear();
    this.#claimHighlight?.clear();
    if (this.#assetHighlight) CSS.highlights.delete(HIGHLIGHT_ASSET);
    if (this.#claimHighlight) CSS.highlights.delete(HIGHLIGHT_CLAIM);
    this.#entries.clear();
  }

  /** Live blocks that hold at least one detection. */
  liveEntries(): Iterable<BlockEntry> {
    return this.#entries.values();
  }

  /** The detection under a caret position, if any. */
  hitTest(node: Node, offset: number): { entry: BlockEntry; match: Match } | null {
    if (node.nodeType !== 3) return null;
    const at = this.#nodeIndex.get(node as Text);
    if (!at) return null;
    const g = at.nodeStart + offset;
    for (const match of at.entry.matches) {
      if (match.start <= g && g < match.end) return { entry: at.entry, match };
    }
    return null;
  }

  /** The Range of a match in a live entry (made on demand when its block is not shown). */
  rangeOf(entry: BlockEntry, match: Match): Range | undefined {
    const i = entry.matches.indexOf(match);
    if (i < 0) return undefined;
    return entry.ranges[i] ?? this.#makeRange(entry.block, match);
  }

  /**
   * Every detection in the whole document right now, in document order (automation contract §2).
   * Synchronous and read-only: cached block texts cost a lookup, new ones are detected now.
   */
  scanDocument(): ScannedMatch[] {
    const root = this.#doc.body ?? this.#doc.documentElement;
    const out: Array<ScannedMatch & { order: number; local: number }> = [];
    const counter = { next: 0 };
    const blocks = this.#hooks.roots(root).flatMap((r) => collectBlocks(r, counter));
    for (const block of blocks) {
      const matches = this.#matchesFor(block.text);
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
    this.#schedule();
  }

  /**
   * New work gets a first slice at the start of the next frame, before its style and layout: the
   * marks for nodes the page just added are painted with them, in the frame the page causes anyway,
   * instead of in one more frame of their own. What does not fit goes on in idle slices.
   */
  #schedule(inFrame = true): void {
    if (this.#scheduled || this.#stopped) return;
    this.#scheduled = true;
    let frame: number | undefined;
    // A hidden tab runs no frames: whichever of the two comes first runs the slice.
    const idle = schedule((deadline) => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      this.#runSlice(deadline);
    });
    if (inFrame) {
      frame = requestAnimationFrame(() => {
        idle.cancel();
        this.#runSlice('frame');
      });
    }
  }

  #runSlice(idle?: IdleDeadline | 'frame'): void {
    this.#scheduled = false;
    if (this.#stopped) return;
    // Never past SLICE_MS (FRAME_SLICE_MS inside a frame), and never past the idle period the
    // browser granted; a slice run because the idle timeout expired still gets SLICE_MS.
    const inFrame = idle === 'frame';
    const budget =
      idle === 'frame'
        ? FRAME_SLICE_MS
        : idle && !idle.didTimeout
          ? Math.min(SLICE_MS, idle.timeRemaining())
          : SLICE_MS;
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
      for (const unit of this.#pending.keys()) {
        if (!unit.isConnected) {
          this.#pending.delete(unit);
          this.#release(unit);
        }
      }
    }
    // At least one root per slice, so a page that is never idle still makes progress.
    let first = true;
    while (first || performance.now() < deadline) {
      const root = this.#nextRoot();
      if (!root) break;
      first = false;
      if (!root.isConnected) continue;
      const unit = this.#unitOfNode(root);
      if (unit && !this.#nearUnits.has(unit)) {
        this.#park(unit, root);
        continue;
      }
      changed = this.#scanNode(root) || changed;
      if (unit) this.#release(unit);
    }
    const more = this.#queue.size > 0 || this.#rootQueue.size > 0;
    // Marks appear with the frame a frame slice runs in, or once idle slices have read what was
    // queued; while a big page is read, at the pace requestFlush allows.
    if (this.#addsPending) {
      if ((inFrame || !more) && this.#mayFlushNow()) this.#flushHighlights();
      else this.#requestFlush();
    }
    if (more) this.#schedule(false);
    if (changed) this.#hooks.onUpdate?.();
  }

  /** The next root to read: queued roots first, then the roots of the next queued node. */
  #nextRoot(): Node | undefined {
    for (;;) {
      for (const root of this.#rootQueue) {
        this.#rootQueue.delete(root);
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
    for (const block of collectBlocks(node)) {
      const prev = this.#entries.get(block.el);
      if (prev && prev.block.text === block.text && sameNodes(prev.block, block)) continue;
      if (prev) this.#removeEntry(block.el, prev);
      const matches = this.#matchesFor(block.text);
      if (prev || matches.length) changed = true;
      if (!matches.length) continue;
      const unit = this.#hooks.unitOf?.(block.el) ?? block.el;
      const entry: BlockEntry = { block, matches, unit, ranges: [], shown: false, announced: false };
      for (let i = 0; i < block.nodes.length; i++) {
        const n = block.nodes[i];
        if (n) this.#nodeIndex.set(n, { entry, nodeStart: block.starts[i] ?? 0 });
      }
      this.#entries.set(block.el, entry);
      this.#watch(entry);
    }
    return changed;
  }

  /** The unit a root is read with, or none when nothing watches the viewport (read at once). */
  #unitOfNode(node: Node): Element | undefined {
    if (!this.#nearViewport) return undefined;
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    return el ? (this.#hooks.unitOf?.(el) ?? el) : undefined;
  }

  /**
   * Keeps a root until its unit comes near. A unit seen for the first time is observed; its first
   * report comes from the observer, computed in the frame the page draws anyway (reading its rect
   * here would force a layout of the page's pending changes).
   */
  #park(unit: Element, root: Node): void {
    const roots = this.#pending.get(unit);
    if (roots) {
      roots.add(root);
      return;
    }
    const observed = this.#units.has(unit);
    this.#pending.set(unit, new Set([root]));
    if (!observed) this.#nearViewport?.observe(unit);
  }

  /** Stops observing a unit that has neither entries nor roots waiting. */
  #release(unit: Element): void {
    if (this.#units.has(unit) || this.#pending.has(unit)) return;
    this.#nearUnits.delete(unit);
    this.#nearViewport?.unobserve(unit);
  }

  /** Adds an entry to its unit (read near the viewport, so shown at once). */
  #watch(entry: BlockEntry): void {
    if (!this.#nearViewport) {
      this.#announce(entry);
      return;
    }
    const inUnit = this.#units.get(entry.unit);
    if (inUnit) inUnit.add(entry);
    else {
      const observed = this.#pending.has(entry.unit) || this.#nearUnits.has(entry.unit);
      this.#units.set(entry.unit, new Set([entry]));
      if (!observed) this.#nearViewport.observe(entry.unit);
    }
    if (this.#nearUnits.has(entry.unit)) this.#show(entry, true, true);
  }

  #removeEntry(el: Element, entry: BlockEntry): void {
    this.#show(entry, false);
    const inUnit = this.#units.get(entry.unit);
    inUnit?.delete(entry);
    if (inUnit && !inUnit.size) {
      this.#units.delete(entry.unit);
      this.#release(entry.unit);
    }
    for (const n of entry.block.nodes) this.#nodeIndex.delete(n);
    this.#entries.delete(el);
  }

  #matchesFor(text: string): Match[] {
    let matches = this.#byText.get(text);
    if (!matches) {
      if (this.#byText.size >= MAX_CACHED_TEXTS) this.#byText.clear();
      matches = this.#detect(text);
      this.#byText.set(text, matches);
    }
    return matches;
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

function schedule(fn: (idle?: IdleDeadline) => void): { cancel(): void } {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 200 });
    return { cancel: () => cancelIdleCallback(id) };
  }
  const id = setTimeout(fn, 16);
  return { cancel: () => clearTimeout(id) };
}
