/**
 * How detections are marked on the page. Two markers: the highlight window (highlight-window.ts),
 * Custom Highlight ranges around the viewport, for articles and any text outside X's timeline
 * cells; and the cell painter (painted-marks.ts), marks painted by a positioned timeline cell
 * itself, where the page moves its cells too often for ranges to be cheap. The scanner gives each
 * entry to one of them, by whether the site names a cell to paint on (`SiteAdapter.paintOn`).
 */
import type { Match } from '@/utils/detect';
import type { CellPainter, PaintedEntry } from './painted-marks';
import type { TextBlock } from './text-blocks';

/** A block of text holding detections, as the scanner keeps it for the markers, hover and keyboard. */
export interface BlockEntry {
  block: TextBlock;
  matches: Match[];
  /** The element whose place on the page stands for the block's (`unitOf`); blocks share it. */
  unit: Element;
  /** The ranges registered as highlights now (empty while the block is outside the marked window). */
  ranges: Range[];
  /** Whether it was announced as near the viewport (the scanner's `onNear`). */
  announced: boolean;
  /** The cell whose paint carries the block's marks (`paintOn`), if any: such a block has no ranges. */
  cell?: HTMLElement;
}

export interface Marker<E> {
  /** Marks an entry: at once, or once it nears the viewport. */
  add(entry: E): void;
  /** Takes an entry's marks away. */
  remove(entry: E): void;
  /** Whether the entry's marks are held (a cell taken out and put back has lost them). */
  holds(entry: E): boolean;
  /**
   * Marks anew the entries holding claims (their verdicts came), or every entry (what the reader
   * wants marked changed).
   */
  restyle(which: 'claims' | 'all'): void;
  /** The entries on screen now, in document order where the marker knows it. */
  entriesInView(): E[];
  /** The page took an element out (the watcher saw it go). */
  unmounted?(el: Element): void;
  stop(): void;
}

/** The cell painter as a marker: an entry's cell is the one `paintOn` named for it. */
export class PaintedMarker<E extends PaintedEntry & { cell?: HTMLElement }> implements Marker<E> {
  readonly #painter: CellPainter<E>;
  readonly #height: () => number;

  constructor(painter: CellPainter<E>, viewportHeight: () => number) {
    this.#painter = painter;
    this.#height = viewportHeight;
  }

  add(entry: E): void {
    if (entry.cell) this.#painter.add(entry, entry.cell);
  }

  remove(entry: E): void {
    if (entry.cell) this.#painter.remove(entry, entry.cell);
  }

  holds(entry: E): boolean {
    return !!entry.cell && this.#painter.holds(entry, entry.cell);
  }

  restyle(which: 'claims' | 'all'): void {
    for (const [entry, cell] of [...this.#painter.entries()]) {
      // The painter reads each claim's mark when it paints; which matches to leave out it judged
      // once, and judges again when what is marked changed.
      if (which === 'all') this.#painter.rejudge(entry, cell);
      else if (entry.matches.some((m) => m.kind === 'claim')) this.#painter.add(entry, cell);
    }
  }

  entriesInView(): E[] {
    return this.#painter.entriesInView(this.#height());
  }

  unmounted(el: Element): void {
    this.#painter.unmounted(el);
  }

  stop(): void {
    this.#painter.stop();
  }
}
