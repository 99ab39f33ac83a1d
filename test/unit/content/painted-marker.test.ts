/**
 * The cell painter as the scanner's marker (marker.ts): an entry is painted on the cell the site
 * named for it, and only then; marking anew repaints claims when their verdicts come and judges
 * every entry again when what the reader wants marked changed. The painter is stood in for with one
 * that records what it is asked; painted-marks.test.ts tests the painter itself.
 */
import { describe, expect, it } from 'vitest';
import { PaintedMarker } from '../../../entrypoints/content/marker';
import type { CellPainter, PaintedEntry } from '../../../entrypoints/content/painted-marks';
import type { Match } from '../../../utils/detect';

type Entry = PaintedEntry & { cell?: HTMLElement; name: string };

const ticker: Match = { kind: 'ticker', text: '$BTC', start: 0, end: 4 };
const claim: Match = { kind: 'claim', text: 'no VC', start: 5, end: 10, claim: 'no-vc' };
const cellA = { id: 'A' } as unknown as HTMLElement;
const cellB = { id: 'B' } as unknown as HTMLElement;

function entry(name: string, matches: Match[], cell?: HTMLElement): Entry {
  return { name, matches, ...(cell ? { cell } : {}) } as unknown as Entry;
}

/** A painter that keeps entries by cell and records each call. */
function fakePainter() {
  const calls: string[] = [];
  const cells = new Map<HTMLElement, Set<Entry>>();
  const id = (cell: HTMLElement) => (cell as unknown as { id: string }).id;
  const painter = {
    add: (e: Entry, cell: HTMLElement) => {
      calls.push(`add ${e.name}@${id(cell)}`);
      const set = cells.get(cell) ?? new Set();
      set.add(e);
      cells.set(cell, set);
    },
    rejudge: (e: Entry, cell: HTMLElement) => {
      calls.push(`rejudge ${e.name}@${id(cell)}`);
      cells.get(cell)?.add(e);
    },
    remove: (e: Entry, cell: HTMLElement) => {
      calls.push(`remove ${e.name}@${id(cell)}`);
      cells.get(cell)?.delete(e);
    },
    holds: (e: Entry, cell: HTMLElement) => cells.get(cell)?.has(e) ?? false,
    *entries() {
      for (const [cell, set] of cells) for (const e of set) yield [e, cell] as [Entry, HTMLElement];
    },
    entriesInView: (height: number) => {
      calls.push(`inView ${height}`);
      return [...cells.values()].flatMap((s) => [...s]);
    },
    unmounted: (el: Element) => calls.push(`unmounted ${(el as unknown as { id: string }).id}`),
    stop: () => calls.push('stop'),
  };
  return { calls, painter: painter as unknown as CellPainter<Entry> };
}

describe('PaintedMarker', () => {
  it('paints an entry on its cell, and leaves one with no cell to the other marker', () => {
    const { calls, painter } = fakePainter();
    const marker = new PaintedMarker(painter, () => 800);
    const painted = entry('p', [ticker], cellA);
    const loose = entry('l', [ticker]);
    marker.add(painted);
    marker.add(loose);
    expect(calls).toEqual(['add p@A']);
    expect(marker.holds(painted)).toBe(true);
    expect(marker.holds(loose)).toBe(false);
    marker.remove(loose);
    marker.remove(painted);
    expect(calls).toEqual(['add p@A', 'remove p@A']);
    expect(marker.holds(painted)).toBe(false);
  });

  it("holds an entry only while its cell's paint carries it", () => {
    const { painter } = fakePainter();
    const marker = new PaintedMarker(painter, () => 800);
    const e = entry('p', [ticker], cellA);
    expect(marker.holds(e)).toBe(false);
    // The painter let go of the cell (X unmounted it): the scanner must add it again.
    marker.add(e);
    painter.remove(e, cellA);
    expect(marker.holds(e)).toBe(false);
  });

  it('repaints the entries holding claims when verdicts come, the others not', () => {
    const { calls, painter } = fakePainter();
    const marker = new PaintedMarker(painter, () => 800);
    marker.add(entry('tickers', [ticker], cellA));
    marker.add(entry('claims', [ticker, claim], cellB));
    calls.length = 0;
    marker.restyle('claims');
    expect(calls).toEqual(['add claims@B']);
  });

  it('judges every entry again when what is marked changed', () => {
    const { calls, painter } = fakePainter();
    const marker = new PaintedMarker(painter, () => 800);
    marker.add(entry('tickers', [ticker], cellA));
    marker.add(entry('claims', [claim], cellB));
    calls.length = 0;
    marker.restyle('all');
    expect(calls).toEqual(['rejudge tickers@A', 'rejudge claims@B']);
  });

  it('lists the entries on screen for the viewport height now', () => {
    const { calls, painter } = fakePainter();
    let height = 800;
    const marker = new PaintedMarker(painter, () => height);
    const e = entry('p', [ticker], cellA);
    marker.add(e);
    height = 600;
    expect(marker.entriesInView()).toEqual([e]);
    expect(calls.at(-1)).toBe('inView 600');
  });

  it('passes on that the page took an element out, and stopping', () => {
    const { calls, painter } = fakePainter();
    const marker = new PaintedMarker(painter, () => 800);
    marker.unmounted(cellB);
    marker.stop();
    expect(calls).toEqual(['unmounted B', 'stop']);
  });
});
