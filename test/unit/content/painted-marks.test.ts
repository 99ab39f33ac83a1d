/**
 * The cell painter's bookkeeping, with fake cells and ranges (the layout is Chromium's: the browser
 * test test/browser/painted.test.ts checks the painted boxes against the text): one paint for a
 * burst of changes, every rect read before any write, boxes relative to the cell's padding box, X's
 * own links left to the page's stylesheet, and nothing left behind when an entry, a cell or the
 * painter goes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CellPainter, type ClaimMark, type PaintedEntry } from '../../../entrypoints/content/painted-marks';
import type { Match } from '../../../utils/detect';

/** What the painter did, in order: rect reads and style writes. */
type Log = string[];

function fakeCell(name: string, log: Log, at = { left: 10, top: 100 }) {
  const props = new Map<string, string>();
  // One line for a run of writes (or clears) of one cell's background properties.
  const note = (line: string) => {
    if (log[log.length - 1] !== line) log.push(line);
  };
  return {
    isConnected: true,
    clientLeft: 1,
    clientTop: 2,
    getBoundingClientRect: () => {
      log.push(`read ${name}`);
      return { left: at.left, top: at.top, width: 600, height: 200 };
    },
    style: {
      setProperty: (k: string, v: string) => {
        note(`write ${name}`);
        props.set(k, v);
      },
      removeProperty: (k: string) => {
        note(`clear ${name}`);
        props.delete(k);
      },
    },
    props,
  };
}
type FakeCell = ReturnType<typeof fakeCell>;

/** A range over one fake text node: 8 px per character on one line at the node's `top`. */
function fakeDoc() {
  let node: { left: number; top: number } | undefined;
  let start = 0;
  let end = 0;
  const range = {
    setStart: (n: { left: number; top: number }, o: number) => {
      node = n;
      start = o;
    },
    setEnd: (_n: unknown, o: number) => {
      end = o;
    },
    collapse: () => {},
    getClientRects: () =>
      node ? [{ left: node.left + start * 8, top: node.top, width: (end - start) * 8, height: 20 }] : [],
    /** Whether the match is inside an X link (the `leftOut` test reads it). */
    get inLink() {
      return (node as { link?: boolean } | undefined)?.link ?? false;
    },
  };
  return { doc: { createRange: () => range } as unknown as Document, range };
}

function entry(text: string, matches: Array<[string, Match['kind']]>, node: object = {}): PaintedEntry {
  const textNode = { data: text, isConnected: true, left: 50, top: 130, ...node };
  return {
    block: { el: {} as Element, nodes: [textNode as unknown as Text], starts: [0], order: [0], text },
    matches: matches.map(([t, kind]) => {
      const start = text.indexOf(t);
      return { kind, text: t, start, end: start + t.length } as Match;
    }),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 300));
/** The wait for more is over, and the browser reports the cells observed anew. */
const painted = async () => {
  await settle();
  FakeResizeObserver.last?.frame();
};
const colours = {
  asset: 'blue',
  claim: 'gold',
  contradicts: 'red',
  contradictsBar: 'darkred',
  agrees: 'grey',
};

function painter(styled?: (r: Range) => boolean, marks?: (e: PaintedEntry, m: Match) => ClaimMark) {
  const { doc } = fakeDoc();
  return new CellPainter<PaintedEntry>(doc, colours, styled, marks);
}
const asEl = (c: FakeCell) => c as unknown as HTMLElement;

/** A painter with two cells, each holding one painted entry. */
async function twoPainted(log: Log) {
  const p = painter();
  const a = fakeCell('a', log);
  const b = fakeCell('b', log);
  const ea = entry('gm $BTC', [['$BTC', 'ticker']]);
  const eb = entry('gm $ETH', [['$ETH', 'ticker']]);
  p.add(ea, asEl(a));
  p.add(eb, asEl(b));
  await painted();
  return { p, a, b, ea, eb };
}

/**
 * A stand-in for the browser's ResizeObserver: `frame()` is the browser's report after a layout,
 * with every cell observed since the last one (observed anew: reported whatever its size) and every
 * observed cell whose size changed.
 */
class FakeResizeObserver {
  static last: FakeResizeObserver | undefined;
  readonly observed = new Set<FakeCell>();
  readonly fresh = new Set<FakeCell>();
  readonly sizes = new Map<FakeCell, { width: number; height: number }>();
  constructor(readonly callback: (records: unknown[]) => void) {
    FakeResizeObserver.last = this;
  }
  observe(cell: FakeCell) {
    this.observed.add(cell);
    this.fresh.add(cell);
  }
  unobserve(cell: FakeCell) {
    this.observed.delete(cell);
    this.fresh.delete(cell);
  }
  disconnect() {
    this.observed.clear();
    this.fresh.clear();
  }
  frame(size = (_c: FakeCell) => ({ width: 600, height: 200 })) {
    const records = [];
    for (const cell of this.observed) {
      const now = size(cell);
      const was = this.sizes.get(cell);
      if (this.fresh.has(cell) || was?.width !== now.width || was?.height !== now.height)
        records.push({ target: cell, borderBoxSize: [{ inlineSize: now.width, blockSize: now.height }] });
      this.sizes.set(cell, now);
    }
    this.fresh.clear();
    if (records.length) this.callback(records);
  }
}

const globals = globalThis as Record<string, unknown>;
let saved: unknown;
beforeEach(() => {
  saved = globals.ResizeObserver;
  globals.ResizeObserver = FakeResizeObserver;
});
afterEach(() => {
  globals.ResizeObserver = saved;
});

describe('cell painter', () => {
  it('paints a burst of changes once, reading every rect before writing, relative to the padding box', async () => {
    const log: Log = [];
    const p = painter();
    const a = fakeCell('a', log);
    const b = fakeCell('b', log, { left: 10, top: 400 });
    p.add(entry('gm $BTC', [['$BTC', 'ticker']]), asEl(a));
    p.add(entry('No VC here', [['No VC', 'claim']]), asEl(a));
    p.add(entry('and $ETH', [['$ETH', 'ticker']], { top: 430 }), asEl(b));
    expect(log).toEqual([]);
    await painted();
    expect(log).toEqual(['read a', 'read b', 'write a', 'write b']);
    // $BTC starts 3 characters in: 50 + 24 - (10 + 1) = 63 px from the padding box's left edge.
    expect(Object.fromEntries(a.props)).toEqual({
      'background-image': 'linear-gradient(blue,blue),linear-gradient(gold,gold)',
      'background-position': '63px 28px,39px 28px',
      'background-size': '32px 20px,40px 20px',
      'background-repeat': 'no-repeat',
    });
    expect(Object.fromEntries(b.props)).toEqual({
      'background-image': 'linear-gradient(blue,blue)',
      'background-position': '71px 28px',
      'background-size': '32px 20px',
      'background-repeat': 'no-repeat',
    });
    expect(p.size).toBe(2);
  });

  it('paints a claim as its verdict says: contradicted in red with a bar under it, and again when it comes', async () => {
    const log: Log = [];
    let mark: ClaimMark;
    const p = painter(undefined, () => mark);
    const cell = fakeCell('a', log);
    const post = entry('No VC here', [['No VC', 'claim']]);
    p.add(post, asEl(cell));
    await painted();
    expect(cell.props.get('background-image')).toBe('linear-gradient(gold,gold)');
    // The verdict came: the scanner hands the entry to the painter again.
    mark = 'contradicts';
    p.add(post, asEl(cell));
    await painted();
    expect(Object.fromEntries(cell.props)).toMatchObject({
      // The bar first (layers paint first-on-top), 2 px tall at the foot of the text's box.
      'background-image': 'linear-gradient(darkred,darkred),linear-gradient(red,red)',
      'background-position': '39px 46px,39px 28px',
      'background-size': '40px 2px,40px 20px',
    });
    mark = 'agrees';
    p.add(post, asEl(cell));
    await painted();
    expect(cell.props.get('background-image')).toBe('linear-gradient(grey,grey)');
  });

  it("leaves matches the page styles (X's links) to the page, judged once", async () => {
    const log: Log = [];
    let judged = 0;
    const p = painter((r) => {
      judged += 1;
      return (r as unknown as { inLink: boolean }).inLink;
    });
    const cell = fakeCell('a', log);
    p.add(entry('$BTC', [['$BTC', 'ticker']], { link: true }), asEl(cell));
    await painted();
    // Nothing to paint: the cell carries no marks.
    expect(cell.props.size).toBe(0);
    p.add(entry('Bitcoin', [['Bitcoin', 'name']]), asEl(cell));
    await painted();
    expect(cell.props.get('background-image')).toContain('linear-gradient(blue,blue)');
    expect(judged).toBe(2);
  });

  it('clears a cell whose last entry goes, clears and forgets a cell that left the page, and clears all on stop', async () => {
    const log: Log = [];
    const { p, a, b, ea, eb } = await twoPainted(log);
    p.remove(ea, asEl(a));
    await painted();
    expect(a.props.size).toBe(0);
    expect(p.size).toBe(1);
    // Unmounted by the page: nothing is read or painted, and its layers are cleared at once (a
    // detached cell's style costs the page nothing), so a cell put back with text that no longer
    // holds a detection carries no old marks.
    b.isConnected = false;
    log.length = 0;
    p.remove(eb, asEl(b));
    expect(log).toEqual(['clear b']);
    expect(b.props.size).toBe(0);
    await painted();
    expect(log).toEqual(['clear b']);
    expect(p.size).toBe(0);
    const c = fakeCell('c', log);
    p.add(entry('gm $SOL', [['$SOL', 'ticker']]), asEl(c));
    await painted();
    expect(c.props.has('background-image')).toBe(true);
    p.stop();
    expect(c.props.size).toBe(0);
    // Stopped: later changes paint nothing.
    log.length = 0;
    p.add(entry('gm $SOL', [['$SOL', 'ticker']]), asEl(c));
    await painted();
    expect(log).toEqual([]);
  });
});

describe('cell painter, with a resize observer', () => {
  it("paints in the observer's report after layout, observes what it painted, and repaints on resize", async () => {
    const log: Log = [];
    const p = painter();
    const ro = FakeResizeObserver.last as FakeResizeObserver;
    const a = fakeCell('a', log);
    const b = fakeCell('b', log);
    p.add(entry('gm $BTC', [['$BTC', 'ticker']]), asEl(a));
    await settle();
    // Nothing is read outside the browser's report: reading then would lay the page out.
    expect(log).toEqual([]);
    // Added while the paint waits for its report: painted with it, and observed from then on.
    const eb = entry('gm $ETH', [['$ETH', 'ticker']]);
    p.add(eb, asEl(b));
    ro.frame();
    expect(log).toEqual(['read a', 'read b', 'write a', 'write b']);
    expect(ro.observed).toEqual(new Set([a, b]));
    // A new detection in a painted cell: the cell is observed anew and painted at the next report.
    log.length = 0;
    p.add(entry('No VC', [['No VC', 'claim']]), asEl(a));
    await settle();
    expect(log).toEqual([]);
    ro.frame();
    expect(log).toEqual(['read a', 'write a']);
    // Only b changes size (its text reflowed, 24 px lower): only b is painted again, in that report.
    log.length = 0;
    const before = b.props.get('background-position');
    (eb.block.nodes[0] as unknown as { top: number }).top += 24;
    ro.frame((c) => ({ width: 600, height: c === b ? 240 : 200 }));
    expect(log).toEqual(['read b', 'write b']);
    expect(b.props.get('background-position')).not.toBe(before);
    // Reports with no change of size paint nothing.
    log.length = 0;
    ro.frame((c) => ({ width: 600, height: c === b ? 240 : 200 }));
    await settle();
    expect(log).toEqual([]);
    // A change of size that moved none of the text is measured, and nothing is written.
    ro.frame((c) => ({ width: 600, height: c === b ? 260 : 200 }));
    expect(log).toEqual(['read b']);
    // A report of a cell the page unmounted (at no size) reads and writes nothing.
    log.length = 0;
    a.isConnected = false;
    ro.frame((c) => ({ width: c === a ? 0 : 600, height: c === a ? 0 : c === b ? 260 : 200 }));
    expect(log).toEqual([]);
    p.stop();
  });

  it('lets go of a cell the page took out before the next report, and of nothing still on the page', async () => {
    const log: Log = [];
    const { p, a, b, ea } = await twoPainted(log);
    const ro = FakeResizeObserver.last as FakeResizeObserver;
    const c = fakeCell('c', log);
    expect(ro.observed).toEqual(new Set([a, b]));
    expect(p.holds(ea, asEl(a))).toBe(true);

    // Taken out and put back in the same task (X moving it): still out when the observer's
    // callback runs is what counts, so nothing happens. Nor for an element that is no painted cell.
    log.length = 0;
    p.unmounted(asEl(a));
    c.isConnected = false;
    p.unmounted(asEl(c));
    expect(log).toEqual([]);
    expect(ro.observed).toEqual(new Set([a, b]));

    // Taken out: layers cleared and observation dropped at once, so the browser has no report of
    // it at no size to make (a call into the content script of its own).
    a.isConnected = false;
    p.unmounted(asEl(a));
    expect(log).toEqual(['clear a']);
    expect(a.props.size).toBe(0);
    expect(ro.observed).toEqual(new Set([b]));
    expect(p.holds(ea, asEl(a))).toBe(false);
    expect(p.size).toBe(1);
    // The scanner's sweep then removes its entry: nothing more to do.
    p.remove(ea, asEl(a));
    expect(log).toEqual(['clear a']);

    // Taken out with a paint waiting: the paint leaves it out.
    p.add(entry('No VC', [['No VC', 'claim']]), asEl(b));
    const ec = entry('gm $SOL', [['$SOL', 'ticker']]);
    c.isConnected = true;
    p.add(ec, asEl(c));
    c.isConnected = false;
    p.unmounted(asEl(c));
    log.length = 0;
    await painted();
    expect(log).toEqual(['read b', 'write b']);
    expect(c.props.size).toBe(0);

    // Put back (its entries are the scanner's to add again): painted anew.
    c.isConnected = true;
    p.add(ec, asEl(c));
    log.length = 0;
    await painted();
    expect(log).toEqual(['read c', 'write c']);
    expect(c.props.get('background-image')).toBe('linear-gradient(blue,blue)');
    p.stop();
  });

  it('paints a cell the observer never reports (not rendered) after a while', async () => {
    const log: Log = [];
    const p = painter();
    const a = fakeCell('a', log);
    p.add(entry('gm $BTC', [['$BTC', 'ticker']]), asEl(a));
    // Observed anew after the wait for more, and never reported.
    await new Promise((r) => setTimeout(r, 1400));
    expect(log).toEqual(['read a', 'write a']);
    p.stop();
  });
});
