/**
 * Marks painted by a timeline cell itself, for pages whose own updates would make highlights
 * costly: X's virtualised timeline moves or mounts cells every 100 ms while it is scrolled, and
 * while any Custom Highlight range is registered Chromium rebuilds and repaints every highlight
 * marker after each such update (`HighlightRegistry::ValidateHighlightMarkers`).
 *
 * Here a cell (a positioned element: X's `cellInnerDiv`) carries its marks as background layers of
 * its own, one tinted box per line of each match, under the text, placed from the match's client
 * rects relative to the cell. No node (not even a pseudo-element) is added to the page, and once
 * painted the marks cost nothing more: X moving the cell moves them with it. They are measured
 * again only when the cell changes size (its text reflowed) or its detections change.
 *
 * Background layers rather than a pseudo-element laid over the cell: the pseudo-element is one more
 * box to lay out and a layer to paint over each cell, and the background needs neither. Only the
 * background's image, position, size and repeat are set, inline on the cell (X styles its cells by
 * class and sets none of them); its colour is left to the page.
 *
 * When to paint: the answers for one scroll of X's timeline come in several messages, so dirty
 * cells wait PAINT_WAIT_MS to be painted together. Then they are observed anew by a ResizeObserver,
 * which reports them with the next frame, once the browser has laid the page out: the rects read
 * there force no layout, and the writes (which restyle the one cell and change no size) are drawn
 * in that same frame. (Painting instead from the mutation observer, in the frame the page draws
 * its own change in, measured no better on the page bench: the reads there lay the page out.)
 */
import type { Match } from '@/utils/detect';
import { locate, type TextBlock } from './text-blocks';

/** How long dirty cells wait for more (the rest of a scroll's answers) before they are painted. */
const PAINT_WAIT_MS = 150;
/** How long a paint waits for the resize observer's report before it goes ahead without it. */
const FALLBACK_MS = 1000;

/** What the painter needs of a scanner entry. */
export interface PaintedEntry {
  block: TextBlock;
  matches: Match[];
}

export interface PaintColours {
  asset: string;
  claim: string;
  /** A claim the data contradicts, and the bar under it (the cue that is not only a colour). */
  contradicts: string;
  contradictsBar: string;
  /** A claim the data shows nothing against. */
  agrees: string;
}

/** What the data says of a claim, as its mark shows it (none yet: the plain claim mark). */
export type ClaimMark = 'agrees' | 'contradicts' | undefined;

/** The tints of marks, painted or highlighted: translucent, so they read on X's light, dim and dark themes. */
export const MARK_TINTS: PaintColours = {
  asset: 'rgba(29, 155, 240, 0.16)',
  claim: 'rgba(255, 196, 0, 0.24)',
  contradicts: 'rgba(224, 49, 49, 0.2)',
  contradictsBar: 'rgba(224, 49, 49, 0.9)',
  agrees: 'rgba(134, 142, 150, 0.2)',
};

/** The height of the bar under a contradicted claim, in CSS pixels. */
const BAR_PX = 2;

export class CellPainter<E extends PaintedEntry> {
  /** Painted cells and the entries each one holds. */
  readonly #cells = new Map<HTMLElement, Set<E>>();
  /** Cells to measure and paint again at the next paint. */
  readonly #dirty = new Set<HTMLElement>();
  /** Each painted cell's size when it was measured: a change means its text may have moved. */
  readonly #sizes = new WeakMap<HTMLElement, { width: number; height: number }>();
  /** The layers each cell carries now, as written. */
  readonly #written = new WeakMap<HTMLElement, { images: string; positions: string; sizes: string }>();
  /** Which of an entry's matches the page styles already (X's own links): decided once. */
  readonly #skipped = new WeakMap<E, boolean[]>();
  /**
   * Reports cells after the browser laid the page out for a frame: the rects read then cost no
   * layout, and the writes are drawn in the same frame. Every browser the extension runs in has
   * one; the scanner makes no painter without it.
   */
  readonly #resizes: ResizeObserver;
  readonly #range: Range;
  /** Cells observed for changes of size (from their first paint on). */
  readonly #observed = new WeakSet<HTMLElement>();
  /** The wait for more dirty cells, then the fallback for a report that never comes. */
  #task: ReturnType<typeof setTimeout> | undefined;
  /** Whether the dirty cells were observed anew: the observer reports them with the next frame. */
  #requested = false;
  #stopped = false;

  constructor(
    doc: Document,
    readonly colours: PaintColours = MARK_TINTS,
    /**
     * Whether a match goes unpainted: its text is in an element the page's stylesheet marks
     * already, or it is not marked at all (the scanner's `isMarked`).
     */
    readonly leftOut: (range: Range, match: Match) => boolean = () => false,
    /** What the data says of a claim (claim-marks.ts), read when its cell is painted. */
    readonly claimMark: (entry: E, match: Match) => ClaimMark = () => undefined,
  ) {
    this.#range = doc.createRange();
    this.#resizes = new ResizeObserver((records) => {
      for (const r of records) {
        const cell = r.target as HTMLElement;
        // Unmounted with an ancestor (reported once, at no size): forgotten when the scanner sweeps
        // its entries. A cell taken out itself is let go before any report (`unmounted`).
        if (!cell.isConnected) continue;
        const was = this.#sizes.get(cell);
        const box = r.borderBoxSize?.[0];
        const width = box ? box.inlineSize : r.contentRect.width;
        const height = box ? box.blockSize : r.contentRect.height;
        if (was && (Math.abs(was.width - width) > 0.5 || Math.abs(was.height - height) > 0.5)) {
          this.#dirty.add(cell);
        }
      }
      if (this.#dirty.size && !this.#stopped) this.#paint();
    });
  }

  add(entry: E, cell: HTMLElement): void {
    let entries = this.#cells.get(cell);
    if (!entries) {
      entries = new Set();
      this.#cells.set(cell, entries);
    }
    entries.add(entry);
    this.#dirty.add(cell);
    this.#schedule();
  }

  /** Which of an entry's matches are marked changed (the reader's settings): judged and painted anew. */
  rejudge(entry: E, cell: HTMLElement): void {
    this.#skipped.delete(entry);
    this.add(entry, cell);
  }

  remove(entry: E, cell: HTMLElement): void {
    const entries = this.#cells.get(cell);
    if (!entries?.delete(entry)) return;
    if (!cell.isConnected) {
      // Gone (X unmounted the cell): nothing to measure or repaint. Its layers are cleared all the
      // same, at no cost to the page (a detached element's style is not computed): a cell put back
      // is read again as an added node, and one whose text no longer holds a detection would carry
      // the old marks, at the old places, if they stayed.
      if (!entries.size) this.#letGo(cell);
      return;
    }
    this.#dirty.add(cell);
    this.#schedule();
  }

  /**
   * The page took an element out, and it is still out (the scanner's mutation observer saw it go):
   * if it is a painted cell, its layers and its observation go now, before the browser's next
   * frame. Left observed until the scanner's sweep, an unmounted cell is reported once more by
   * the resize observer, at no size, and a virtualised timeline unmounts a cell or two every few
   * frames while it is scrolled: on the page bench's first 200 posts that was 185 of the observer's
   * 239 reports, each a call into the content script that also painted whatever cells were waiting
   * then, before the rest of their answers: 116 paints. Now 38 reports and 36 paints, and the
   * content script's JS for those posts 17% less (thread CPU, median of 4 alternating runs).
   * Its entries stay with the scanner, which removes them at its sweep (`remove` is then a no-op),
   * or puts them back if the cell comes back first (`holds`).
   */
  unmounted(el: Element): void {
    const cell = el as HTMLElement;
    if (this.#cells.has(cell) && !cell.isConnected) this.#letGo(cell);
  }

  /** Whether a cell's paint carries an entry's marks (or will, at the next paint). */
  holds(entry: E, cell: HTMLElement): boolean {
    return this.#cells.get(cell)?.has(entry) ?? false;
  }

  /** The entries of the cells on screen now (keyboard access). */
  entriesInView(height: number): E[] {
    const out: E[] = [];
    for (const [cell, entries] of this.#cells) {
      if (!cell.isConnected) continue;
      const r = cell.getBoundingClientRect();
      if (r.bottom >= 0 && r.top <= height) out.push(...entries);
    }
    return out;
  }

  /** Every entry painted (or to be), with its cell. */
  *entries(): Generator<[E, HTMLElement]> {
    for (const [cell, entries] of this.#cells) for (const entry of entries) yield [entry, cell];
  }

  /** How many cells carry marks now (tests, the bench's instrumented runs). */
  get size(): number {
    return this.#cells.size;
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#task);
    this.#resizes.disconnect();
    for (const cell of this.#cells.keys()) this.#clear(cell);
    this.#cells.clear();
    this.#dirty.clear();
  }

  /**
   * Dirty cells wait PAINT_WAIT_MS for more; then, observed anew, they are reported by the resize
   * observer with the next frame, once the page is laid out.
   */
  #schedule(): void {
    if (this.#stopped || this.#requested || this.#task !== undefined) return;
    this.#task = setTimeout(() => {
      this.#task = undefined;
      this.#request();
    }, PAINT_WAIT_MS);
  }

  #request(): void {
    if (this.#stopped || !this.#dirty.size) return;
    this.#requested = true;
    for (const cell of this.#dirty) {
      this.#resizes.unobserve(cell);
      this.#resizes.observe(cell, { box: 'border-box' });
      this.#observed.add(cell);
    }
    // A cell that is not rendered is never reported: painted in a task after a while instead.
    this.#task = setTimeout(() => {
      this.#task = undefined;
      this.#paint();
    }, FALLBACK_MS);
  }

  /**
   * Measures every dirty cell, then writes every one: a write between two reads would make the
   * second read lay the page out again.
   */
  #paint(): void {
    // Whatever waited (the wait for more, a request, its fallback) is served by this paint.
    this.#requested = false;
    clearTimeout(this.#task);
    this.#task = undefined;
    const writes: Array<[HTMLElement, Layers | null]> = [];
    for (const cell of this.#dirty) {
      const entries = this.#cells.get(cell);
      // Removed from the page: its entries are swept by the scanner, which calls `remove`.
      if (!cell.isConnected) continue;
      if (!entries?.size) {
        this.#forget(cell);
        writes.push([cell, null]);
        continue;
      }
      const box = cell.getBoundingClientRect();
      this.#sizes.set(cell, { width: box.width, height: box.height });
      // Background positions are relative to the cell's padding box.
      const origin = { left: box.left + cell.clientLeft, top: box.top + cell.clientTop };
      const layers: Layers = { images: [], positions: [], sizes: [] };
      for (const entry of entries) this.#layersOf(entry, origin, layers);
      writes.push([cell, layers.images.length ? layers : null]);
    }
    this.#dirty.clear();
    for (const [cell, layers] of writes) {
      if (layers) this.#write(cell, layers);
      else this.#clear(cell);
    }
    // Watched for changes of size from now on: its text moved, it is painted again.
    for (const [cell, layers] of writes) {
      if (!layers || this.#observed.has(cell)) continue;
      this.#observed.add(cell);
      this.#resizes.observe(cell, { box: 'border-box' });
    }
  }

  /** One tinted box per line box of each match, relative to the cell's padding box. */
  #layersOf(entry: E, box: { left: number; top: number }, out: Layers): void {
    const range = this.#range;
    let skipped = this.#skipped.get(entry);
    const judge = !skipped;
    if (!skipped) {
      skipped = [];
      this.#skipped.set(entry, skipped);
    }
    entry.matches.forEach((m, i) => {
      const a = locate(entry.block, m.start);
      const b = locate(entry.block, m.end, true);
      if (!a || !b || !a.node.isConnected) return;
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      if (judge) skipped[i] = this.leftOut(range, m);
      if (skipped[i]) return;
      const mark = m.kind === 'claim' ? this.claimMark(entry, m) : undefined;
      const colour = m.kind !== 'claim' ? this.colours.asset : mark ? this.colours[mark] : this.colours.claim;
      const bar = mark === 'contradicts' ? this.colours.contradictsBar : undefined;
      for (const r of range.getClientRects()) {
        if (r.width < 1 || r.height < 1) continue;
        // Layers paint first-on-top: the bar goes before the tint it sits on.
        if (bar) {
          out.images.push(`linear-gradient(${bar},${bar})`);
          out.positions.push(`${px(r.left - box.left)} ${px(r.top + r.height - box.top - BAR_PX)}`);
          out.sizes.push(`${px(r.width)} ${px(BAR_PX)}`);
        }
        out.images.push(`linear-gradient(${colour},${colour})`);
        out.positions.push(`${px(r.left - box.left)} ${px(r.top - box.top)}`);
        out.sizes.push(`${px(r.width)} ${px(r.height)}`);
      }
    });
    range.collapse(true);
  }

  /** Sets a cell's layers, unless it carries these already (a repaint that moved nothing). */
  #write(cell: HTMLElement, layers: Layers): void {
    const images = layers.images.join(',');
    const positions = layers.positions.join(',');
    const sizes = layers.sizes.join(',');
    const was = this.#written.get(cell);
    if (was && was.images === images && was.positions === positions && was.sizes === sizes) return;
    cell.style.setProperty('background-image', images);
    cell.style.setProperty('background-position', positions);
    cell.style.setProperty('background-size', sizes);
    if (!was) cell.style.setProperty('background-repeat', 'no-repeat');
    this.#written.set(cell, { images, positions, sizes });
  }

  /** Clears a cell's layers, if it carries any (one whose matches all are X's links never did). */
  #clear(cell: HTMLElement): void {
    if (!this.#written.delete(cell)) return;
    for (const name of PAINTED) cell.style.removeProperty(name);
  }

  /** A cell off the page: its layers cleared, nothing more to paint or watch on it. */
  #letGo(cell: HTMLElement): void {
    this.#dirty.delete(cell);
    this.#clear(cell);
    this.#forget(cell);
  }

  /** Stops tracking a cell (clearing its paint, if it is still on the page, is the caller's). */
  #forget(cell: HTMLElement): void {
    this.#cells.delete(cell);
    this.#observed.delete(cell);
    this.#resizes.unobserve(cell);
  }
}

/** The layers of one cell while they are gathered. */
interface Layers {
  images: string[];
  positions: string[];
  sizes: string[];
}

/** The background properties the marks set on a cell (and clear again). */
const PAINTED = ['background-image', 'background-position', 'background-size', 'background-repeat'];

function px(n: number): string {
  return `${Math.round(n * 10) / 10}px`;
}
