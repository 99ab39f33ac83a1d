/**
 * The highlight window on a laid-out linkedom page, with the browser's timers, frames, Custom
 * Highlight registry and IntersectionObserver stood in for: which units are marked (a window two
 * viewports behind the reader and ten ahead), when (the next frame, once a page change is answered,
 * never two changes within 250 ms), which highlight each range goes in, which elements carry the mark
 * attribute, and how the window follows the reader through its edges and jumps. The scanner's tests
 * run it end to end (scanner.test.ts); Chromium paints it (test/browser).
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  HIGHLIGHT_CLAIM_MARKS,
  HighlightWindow,
  MARK_ATTRIBUTE,
  rangeOf,
  type WindowHooks,
} from '../../../entrypoints/content/highlight-window';
import type { BlockEntry } from '../../../entrypoints/content/marker';
import type { ClaimMark } from '../../../entrypoints/content/painted-marks';
import type { TextBlock } from '../../../entrypoints/content/text-blocks';
import type { Match } from '../../../utils/detect';
import '../../support/linkedom-order';
import { listenersOn } from '../../support/listeners';

/** One frame of the stand-in `requestAnimationFrame`. */
const FRAME = 16;

/** The CSS Custom Highlight API's `Highlight`: a set of ranges. */
class FakeHighlight extends Set<unknown> {}

/** A stand-in for the browser's IntersectionObserver: records what is watched, reports on demand. */
class FakeIntersections {
  static last: FakeIntersections | undefined;
  readonly watched = new Set<Element>();
  disconnected = false;
  constructor(
    readonly report: (records: Array<{ target: Element; isIntersecting: boolean }>) => void,
    readonly options: { rootMargin: string },
  ) {
    FakeIntersections.last = this;
  }
  observe(el: Element) {
    this.watched.add(el);
  }
  unobserve(el: Element) {
    this.watched.delete(el);
  }
  disconnect() {
    this.disconnected = true;
    this.watched.clear();
  }
}

let highlights: Map<string, FakeHighlight>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, FRAME));
  vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
  vi.stubGlobal('Node', { DOCUMENT_POSITION_FOLLOWING: 4 });
  vi.stubGlobal('IntersectionObserver', FakeIntersections);
  vi.stubGlobal('Highlight', FakeHighlight);
  highlights = new Map();
  vi.stubGlobal('CSS', { highlights });
  FakeIntersections.last = undefined;
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A Range that only records its boundaries (linkedom's takes none). */
interface FakeRange {
  start?: [string, number];
  end?: [string, number];
}

/**
 * A page of `<p>` units laid out from their `data-y` (50 px tall unless `data-h`) in a viewport
 * `height` px tall, scrolled by `view.scrolled`; `view.rectsRead` counts layout reads.
 */
function laidOut(html: string, height = 100, opts: { scrollend?: boolean } = {}) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const doc = document as unknown as Document;
  const win = doc.defaultView as unknown as Record<string, unknown>;
  win.innerHeight = height;
  // linkedom's windows share their globals: each page says whether it has `onscrollend`.
  if (opts.scrollend) win.onscrollend = null;
  else delete win.onscrollend;
  const view = { scrolled: 0, rectsRead: 0 };
  const proto = Object.getPrototypeOf(doc.createElement('p')) as { getBoundingClientRect?: unknown };
  proto.getBoundingClientRect = function (this: Element) {
    view.rectsRead++;
    const top = Number(this.getAttribute('data-y') ?? 0) - view.scrolled;
    const h = Number(this.getAttribute('data-h') ?? 50);
    return { top, bottom: top + h, left: 0, right: 10, width: 10, height: h };
  };
  (doc as unknown as { createRange: () => unknown }).createRange = () => {
    const r: FakeRange & Record<string, unknown> = {
      setStart(node: Text, offset: number) {
        r.start = [node.data, offset];
      },
      setEnd(node: Text, offset: number) {
        r.end = [node.data, offset];
      },
    };
    return r;
  };
  return { doc, view };
}

/** `count` posts 50 px apart, each with a cashtag. */
function posts(count: number): string {
  return Array.from({ length: count }, (_, i) => `<p data-y="${i * 50}">post ${i} $BTC</p>`).join('');
}

/** The text nodes under an element, in document order. */
function textNodes(el: Element): Text[] {
  const out: Text[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) out.push(n as Text);
    for (const c of Array.from(n.childNodes)) walk(c);
  };
  walk(el);
  return out;
}

/** Cashtags and "no VC" claims: enough to tell assets from claims. */
function detect(text: string): Match[] {
  const tags = [...text.matchAll(/\$[A-Z]{2,6}\b/g)].map(
    (m): Match => ({ kind: 'ticker', text: m[0], start: m.index, end: m.index + m[0].length, cashtag: true }),
  );
  const claims = [...text.matchAll(/no VC/g)].map(
    (m): Match => ({ kind: 'claim', text: m[0], start: m.index, end: m.index + m[0].length, claim: 'no-vc' }),
  );
  return [...tags, ...claims].sort((a, b) => a.start - b.start);
}

/** The scanner's entry for a unit whose whole text is one block. */
function entryOf(unit: Element): BlockEntry {
  const nodes = textNodes(unit);
  const starts: number[] = [];
  let at = 0;
  for (const n of nodes) {
    starts.push(at);
    at += n.data.length;
  }
  const block: TextBlock = {
    el: unit,
    nodes,
    starts,
    order: nodes.map((_, i) => i),
    text: nodes.map((n) => n.data).join(''),
  };
  return { block, matches: detect(block.text), unit, ranges: [], announced: false };
}

/** A window on the page with hooks a test steers: what is live, left out, a claim's verdict, the wait. */
function windowOn(doc: Document, hooks: Partial<WindowHooks> = {}) {
  const marked: string[] = [];
  const steer = {
    wait: 0,
    dead: new Set<BlockEntry>(),
    leftOut: new Set<string>(),
    verdict: undefined as ClaimMark,
  };
  const win = new HighlightWindow(doc, {
    highlight: true,
    isLive: (e) => !steer.dead.has(e),
    onMarked: (e) => marked.push(e.block.text),
    leftOut: (_r, m) => steer.leftOut.has(m.text),
    claimMark: () => steer.verdict,
    settleWait: () => steer.wait,
    ...hooks,
  });
  return { win, marked, steer };
}

const units = (doc: Document) => [...doc.querySelectorAll('p')] as Element[];
/** The text of each range a highlight holds. */
const held = (name: string) =>
  [...(highlights.get(name) ?? [])].map((r) => {
    const { start, end } = r as FakeRange;
    return `${start?.[0]}@${start?.[1]}-${end?.[0]}@${end?.[1]}`;
  });
const heldCount = (name: string) => highlights.get(name)?.size ?? 0;
const io = () => FakeIntersections.last as FakeIntersections;
const watched = () => [...io().watched].map((el) => el.textContent);
const flagged = (doc: Document) =>
  [...doc.querySelectorAll(`[${MARK_ATTRIBUTE}]`)].map((el) => el.textContent);

/** Adds an entry per unit and ends the slice; returns the entries. */
function addAll(win: HighlightWindow, doc: Document): BlockEntry[] {
  const entries = units(doc).map(entryOf);
  for (const e of entries) win.add(e);
  win.afterSlice(false);
  return entries;
}

describe('HighlightWindow: the highlights it registers', () => {
  it('registers its four highlights by name, and takes them away when stopped', () => {
    const { doc } = laidOut(posts(1));
    const { win } = windowOn(doc);
    expect([...highlights.keys()].sort()).toEqual(
      [
        'tickerlens-asset',
        'tickerlens-claim',
        HIGHLIGHT_CLAIM_MARKS.agrees,
        HIGHLIGHT_CLAIM_MARKS.contradicts,
      ].sort(),
    );
    expect(HIGHLIGHT_CLAIM_MARKS).toEqual({
      agrees: 'tickerlens-claim-agrees',
      contradicts: 'tickerlens-claim-contradicts',
    });
    win.stop();
    expect([...highlights.keys()]).toEqual([]);
  });

  it('registers none with highlighting off, or in a browser without the API, and still tells what is near', () => {
    const { doc } = laidOut(posts(2));
    const off = windowOn(doc, { highlight: false });
    addAll(off.win, doc);
    vi.advanceTimersByTime(FRAME);
    expect(off.marked).toEqual(['post 0 $BTC', 'post 1 $BTC']);
    expect(highlights.size).toBe(0);
    expect(flagged(doc)).toEqual([]);
    off.win.stop();

    vi.stubGlobal('Highlight', undefined);
    const none = windowOn(doc);
    addAll(none.win, doc);
    vi.advanceTimersByTime(FRAME);
    expect(none.marked).toEqual(['post 0 $BTC', 'post 1 $BTC']);
    expect(highlights.size).toBe(0);
    expect(flagged(doc)).toEqual([]);
    none.win.stop();
  });

  it('registers nothing in a browser whose CSS has no highlight registry', () => {
    vi.stubGlobal('CSS', {});
    const { doc } = laidOut(posts(1));
    const { win, marked } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    expect(marked).toEqual(['post 0 $BTC']);
    expect(flagged(doc)).toEqual([]);
    win.stop();
  });

  it('marks without watching edges in a browser with no IntersectionObserver', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const { doc, view } = laidOut(posts(30));
    const { win, marked } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    expect(marked).toHaveLength(23);
    expect(FakeIntersections.last).toBeUndefined();
    // A jump past the window is still seen once the scrolling is over.
    view.scrolled = 1500;
    doc.dispatchEvent(new (doc.defaultView as unknown as { Event: typeof Event }).Event('scroll'));
    vi.advanceTimersByTime(150 + 250 + FRAME);
    // From 1,250 px (post 25), two viewports above.
    expect(marked.slice(23)).toEqual(Array.from({ length: 5 }, (_, i) => `post ${25 + i} $BTC`));
    win.stop();
  });

  it('covers exactly the detected text, across the nodes it spans', () => {
    const { doc } = laidOut('<p data-y="0">gm <b>$BTC</b> and <i>$E</i>TH</p>');
    const { win } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    expect(held('tickerlens-asset')).toEqual(['$BTC@0-$BTC@4', '$E@0-TH@2']);
    // An attribute with no value: the styles select its presence (card-style.ts).
    expect(doc.querySelector('b')?.getAttribute(MARK_ATTRIBUTE)).toBe('');
    // "TH" is the paragraph's own text.
    expect(flagged(doc)).toEqual(['gm $BTC and $ETH', '$BTC', '$E']);
  });

  it('ends a range at the end of a node, not at the start of the next', () => {
    const { doc } = laidOut('<p data-y="0"><b>$BTC</b> is up</p>');
    const block = entryOf(units(doc)[0] as Element).block;
    const range = rangeOf(doc, block, detect(block.text)[0] as Match) as unknown as FakeRange;
    expect([range.start, range.end]).toEqual([
      ['$BTC', 0],
      ['$BTC', 4],
    ]);
  });

  it('leaves a range unset where its block has no text', () => {
    const { doc } = laidOut('<p data-y="0"></p>');
    const block: TextBlock = { el: units(doc)[0] as Element, nodes: [], starts: [], order: [], text: '' };
    const range = rangeOf(doc, block, {
      kind: 'ticker',
      text: '$X',
      start: 0,
      end: 2,
    }) as unknown as FakeRange;
    expect(range).not.toHaveProperty('start');
    expect(range).not.toHaveProperty('end');
  });

  it("puts a claim in the highlight of the data's verdict, or the plain claim highlight", () => {
    const { doc } = laidOut('<p data-y="0">$BTC had no VC</p><p data-y="50">$ETH, no VC</p>');
    const { win, steer } = windowOn(doc);
    const [btc, eth] = units(doc).map(entryOf) as [BlockEntry, BlockEntry];
    steer.verdict = 'contradicts';
    win.add(btc);
    win.afterSlice(false);
    vi.advanceTimersByTime(FRAME);
    steer.verdict = undefined;
    vi.advanceTimersByTime(1000);
    win.add(eth);
    win.afterSlice(false);
    vi.advanceTimersByTime(FRAME);
    expect(held('tickerlens-asset')).toEqual([
      '$BTC had no VC@0-$BTC had no VC@4',
      '$ETH, no VC@0-$ETH, no VC@4',
    ]);
    expect(held(HIGHLIGHT_CLAIM_MARKS.contradicts)).toEqual(['$BTC had no VC@9-$BTC had no VC@14']);
    expect(held('tickerlens-claim')).toEqual(['$ETH, no VC@6-$ETH, no VC@11']);
    expect(heldCount(HIGHLIGHT_CLAIM_MARKS.agrees)).toBe(0);
  });

  it('moves marked claims to the highlight of their new verdict, leaving the rest alone', () => {
    const { doc } = laidOut('<p data-y="0">$BTC had no VC</p><p data-y="50">$ETH gm</p>');
    const { win, steer } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    expect(heldCount('tickerlens-claim')).toBe(1);
    steer.verdict = 'agrees';
    win.restyle('claims');
    expect(heldCount('tickerlens-claim')).toBe(0);
    expect(heldCount(HIGHLIGHT_CLAIM_MARKS.agrees)).toBe(1);
    steer.verdict = 'contradicts';
    win.restyle('claims');
    expect(heldCount(HIGHLIGHT_CLAIM_MARKS.agrees)).toBe(0);
    expect(heldCount(HIGHLIGHT_CLAIM_MARKS.contradicts)).toBe(1);
    // The same verdict again: nothing to move.
    win.restyle('claims');
    expect(heldCount(HIGHLIGHT_CLAIM_MARKS.contradicts)).toBe(1);
    expect(heldCount('tickerlens-asset')).toBe(2);
    expect(flagged(doc)).toEqual(['$BTC had no VC', '$ETH gm']);
  });

  it('moves the claim of a block that holds nothing else', () => {
    const { doc } = laidOut('<p data-y="0">no VC</p>');
    const { win, steer } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    steer.verdict = 'contradicts';
    win.restyle('claims');
    expect(heldCount('tickerlens-claim')).toBe(0);
    expect(heldCount(HIGHLIGHT_CLAIM_MARKS.contradicts)).toBe(1);
  });

  it('moves no claim the reader left unmarked', () => {
    const { doc } = laidOut('<p data-y="0">$BTC had no VC</p>');
    const { win, steer } = windowOn(doc);
    steer.leftOut.add('no VC');
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    steer.verdict = 'agrees';
    win.restyle('claims');
    expect(heldCount(HIGHLIGHT_CLAIM_MARKS.agrees)).toBe(0);
    expect(heldCount('tickerlens-claim')).toBe(0);
  });

  it('gives no range to what is left out, and decides again when what is marked changes', () => {
    const { doc } = laidOut('<p data-y="0"><b>$BTC</b> <i>$ETH</i> and no VC</p>');
    const { win, steer, marked } = windowOn(doc);
    steer.leftOut.add('$ETH');
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    expect(marked).toEqual(['$BTC $ETH and no VC']);
    expect(held('tickerlens-asset')).toEqual(['$BTC@0-$BTC@4']);
    // The claim's text is the paragraph's own.
    expect(flagged(doc)).toEqual(['$BTC $ETH and no VC', '$BTC']);

    // The reader marks $ETH again, and no longer wants $BTC nor the claim marked.
    steer.leftOut = new Set(['$BTC', 'no VC']);
    win.restyle('all');
    expect(held('tickerlens-asset')).toEqual(['$ETH@0-$ETH@4']);
    expect(heldCount('tickerlens-claim')).toBe(0);
    expect(flagged(doc)).toEqual(['$ETH']);
    // A claim marked again goes to its verdict's highlight.
    steer.leftOut = new Set(['$BTC']);
    steer.verdict = 'agrees';
    win.restyle('all');
    expect(heldCount(HIGHLIGHT_CLAIM_MARKS.agrees)).toBe(1);
    expect(flagged(doc)).toEqual(['$BTC $ETH and no VC', '$ETH']);
    // Unchanged: nothing moves.
    win.restyle('all');
    expect(held('tickerlens-asset')).toEqual(['$ETH@0-$ETH@4']);
  });

  it('flags an element while any of its marks is registered', () => {
    const { doc } = laidOut('<p data-y="0">$BTC and $ETH</p>');
    const { win, steer } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    expect(flagged(doc)).toEqual(['$BTC and $ETH']);
    steer.leftOut.add('$BTC');
    win.restyle('all');
    expect(flagged(doc)).toEqual(['$BTC and $ETH']);
    steer.leftOut.add('$ETH');
    win.restyle('all');
    expect(flagged(doc)).toEqual([]);
  });

  it('counts no mark twice when marks are decided again with nothing changed', () => {
    const { doc } = laidOut('<p data-y="0">$BTC and $ETH</p>');
    const { win, steer } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    win.restyle('all');
    win.restyle('all');
    expect(heldCount('tickerlens-asset')).toBe(2);
    steer.leftOut = new Set(['$BTC', '$ETH']);
    win.restyle('all');
    expect(heldCount('tickerlens-asset')).toBe(0);
    expect(flagged(doc)).toEqual([]);
  });

  it('flags only the elements holding some of a detection', () => {
    const { doc } = laidOut('<p data-y="0"><i>gm</i><b>$BTC</b><s>!</s></p>');
    const { win } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    expect(flagged(doc)).toEqual(['$BTC']);
  });
});

describe('HighlightWindow: when marks change', () => {
  it('marks what a slice read at the next frame, once the page change is answered', () => {
    const { doc } = laidOut(posts(2));
    const { win, marked } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME - 1);
    expect(marked).toEqual([]);
    expect(heldCount('tickerlens-asset')).toBe(0);
    vi.advanceTimersByTime(1);
    expect(marked).toEqual(['post 0 $BTC', 'post 1 $BTC']);
    expect(heldCount('tickerlens-asset')).toBe(2);
  });

  it('waits, as long as it is told, for the answers to a page change', () => {
    const { doc, view } = laidOut(posts(2));
    const { win, marked, steer } = windowOn(doc);
    steer.wait = 300;
    const [a, b] = units(doc).map(entryOf) as [BlockEntry, BlockEntry];
    win.add(a);
    win.afterSlice(false);
    vi.advanceTimersByTime(200);
    // Another slice ends within the wait: it does not push the marks further off.
    win.add(b);
    win.afterSlice(false);
    vi.advanceTimersByTime(100 + FRAME - 1);
    expect(marked).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(marked).toEqual(['post 0 $BTC', 'post 1 $BTC']);
    // One change for the one wait: no layout is read again after it.
    const reads = view.rectsRead;
    vi.advanceTimersByTime(1000);
    expect(view.rectsRead).toBe(reads);
  });

  it('holds marks while reading goes on, and shows them once they waited more than a second', () => {
    const { doc } = laidOut(posts(2));
    const { win, marked } = windowOn(doc);
    const [a, b] = units(doc).map(entryOf) as [BlockEntry, BlockEntry];
    win.add(a);
    vi.advanceTimersByTime(500);
    win.add(b);
    win.afterSlice(true);
    vi.advanceTimersByTime(500);
    win.afterSlice(true);
    vi.advanceTimersByTime(FRAME * 4);
    expect(marked).toEqual([]);
    // The next slice, past a second after the first of them was added.
    win.afterSlice(true);
    vi.advanceTimersByTime(FRAME);
    expect(marked).toEqual(['post 0 $BTC', 'post 1 $BTC']);
  });

  it('counts the wait from the first mark waiting, not from the last', () => {
    const { doc } = laidOut(posts(3));
    const { win, marked } = windowOn(doc);
    const [a, b, c] = units(doc).map(entryOf) as [BlockEntry, BlockEntry, BlockEntry];
    win.add(a);
    vi.advanceTimersByTime(900);
    win.add(b);
    vi.advanceTimersByTime(100);
    // 1,000 ms: not yet more than a second.
    win.afterSlice(true);
    vi.advanceTimersByTime(FRAME);
    expect(marked).toEqual([]);
    win.add(c);
    win.afterSlice(true);
    vi.advanceTimersByTime(FRAME);
    expect(marked).toEqual(['post 0 $BTC', 'post 1 $BTC', 'post 2 $BTC']);
  });

  it('lets 250 ms pass between two changes to the highlights', () => {
    const { doc } = laidOut(posts(2));
    const { win, marked } = windowOn(doc);
    const [a, b] = units(doc).map(entryOf) as [BlockEntry, BlockEntry];
    win.add(a);
    win.afterSlice(false);
    vi.advanceTimersByTime(FRAME);
    expect(marked).toEqual(['post 0 $BTC']);
    // The last change was at 16 ms: the next may come at 266 ms, then at a frame.
    vi.advanceTimersByTime(100 - FRAME);
    win.add(b);
    win.afterSlice(false);
    vi.advanceTimersByTime(266 + FRAME - 100 - 1);
    expect(marked).toEqual(['post 0 $BTC']);
    vi.advanceTimersByTime(1);
    expect(marked).toEqual(['post 0 $BTC', 'post 1 $BTC']);
  });

  it('flushes at the next frame once 250 ms have passed since the last change', () => {
    const { doc } = laidOut(posts(2));
    const { win, marked } = windowOn(doc);
    const [a, b] = units(doc).map(entryOf) as [BlockEntry, BlockEntry];
    win.add(a);
    win.afterSlice(false);
    vi.advanceTimersByTime(FRAME + 250);
    win.add(b);
    win.afterSlice(false);
    vi.advanceTimersByTime(FRAME);
    expect(marked).toEqual(['post 0 $BTC', 'post 1 $BTC']);
  });

  it('asks for no change after a slice that added nothing, before or after a change', () => {
    const { doc } = laidOut(posts(2));
    const { win, marked } = windowOn(doc);
    const frames = vi.fn((fn: () => void) => setTimeout(fn, FRAME));
    vi.stubGlobal('requestAnimationFrame', frames);
    win.afterSlice(false);
    expect(frames).not.toHaveBeenCalled();
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    expect(marked).toHaveLength(2);
    vi.advanceTimersByTime(1000);
    win.afterSlice(false);
    win.afterSlice(true);
    vi.advanceTimersByTime(1000);
    expect(frames).toHaveBeenCalledTimes(1);
  });

  it('asks for one change however many slices end before it', () => {
    const { doc } = laidOut(posts(3));
    const { win } = windowOn(doc);
    const frames = vi.fn((fn: () => void) => setTimeout(fn, FRAME));
    vi.stubGlobal('requestAnimationFrame', frames);
    for (const e of units(doc).map(entryOf)) {
      win.add(e);
      win.afterSlice(false);
    }
    vi.advanceTimersByTime(FRAME);
    expect(frames).toHaveBeenCalledTimes(1);
    expect(heldCount('tickerlens-asset')).toBe(3);
  });

  it("doesn't mark an entry the scanner replaced before its marks were placed", () => {
    const { doc } = laidOut(posts(2));
    const { win, marked, steer } = windowOn(doc);
    const [a, b] = units(doc).map(entryOf) as [BlockEntry, BlockEntry];
    win.add(a);
    win.add(b);
    steer.dead.add(a);
    win.afterSlice(false);
    vi.advanceTimersByTime(FRAME);
    expect(marked).toEqual(['post 1 $BTC']);
    expect(heldCount('tickerlens-asset')).toBe(1);
  });

  it("takes a removed entry's marks away with the next change, or after a quiet second", () => {
    const { doc } = laidOut(posts(3));
    const { win } = windowOn(doc);
    const [a, b, c] = units(doc).map(entryOf) as [BlockEntry, BlockEntry, BlockEntry];
    win.add(a);
    win.add(b);
    win.afterSlice(false);
    vi.advanceTimersByTime(FRAME);
    expect(heldCount('tickerlens-asset')).toBe(2);

    win.remove(a);
    expect(win.holds(a)).toBe(false);
    vi.advanceTimersByTime(1000 - 1);
    expect(heldCount('tickerlens-asset')).toBe(2);
    vi.advanceTimersByTime(1 + FRAME);
    expect(held('tickerlens-asset')).toEqual(['post 1 $BTC@7-post 1 $BTC@11']);
    expect(a.ranges).toEqual([]);
    expect(flagged(doc)).toEqual(['post 1 $BTC']);

    // Removed, then a page change marks another: both in the same change.
    win.remove(b);
    win.add(c);
    win.afterSlice(false);
    vi.advanceTimersByTime(250 + FRAME);
    expect(held('tickerlens-asset')).toEqual(['post 2 $BTC@7-post 2 $BTC@11']);
  });

  it('costs nothing to remove an entry that has no marks', () => {
    const { doc } = laidOut(posts(1));
    const { win } = windowOn(doc);
    const [a] = units(doc).map(entryOf) as [BlockEntry];
    win.add(a);
    win.remove(a);
    expect(win.holds(a)).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('holds an entry while it is in its unit', () => {
    const { doc } = laidOut('<p data-y="0">$BTC <b>$ETH</b></p>');
    const { win } = windowOn(doc);
    const unit = units(doc)[0] as Element;
    const a = entryOf(unit);
    const b = { ...entryOf(unit), ranges: [] };
    win.add(a);
    expect([win.holds(a), win.holds(b)]).toEqual([true, false]);
    win.add(b);
    win.remove(a);
    expect([win.holds(a), win.holds(b)]).toEqual([false, true]);
  });
});

describe('HighlightWindow: the marked window', () => {
  it('marks two viewports above the viewport and ten below, edges included', () => {
    // 100 px viewport: units reaching from -200 px down to 1,100 px are in the window.
    const { doc, view } = laidOut(
      '<p data-y="-251">a $AAA</p><p data-y="-250">b $BBB</p><p data-y="500">c $CCC</p><p data-y="1100">d $DDD</p><p data-y="1101">e $EEE</p>',
    );
    const { win, marked } = windowOn(doc);
    view.scrolled = 0;
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    expect(marked).toEqual(['b $BBB', 'c $CCC', 'd $DDD']);
    // The two just outside are its edges, watched for the reader nearing them.
    expect(watched().sort()).toEqual(['a $AAA', 'e $EEE']);
    expect(io().options.rootMargin).toBe('150% 0px');
  });

  it('keeps the units in document order whatever order they come in, each once', () => {
    const { doc, view } = laidOut(
      '<p data-y="0">a $AAA</p><p data-y="40">b $BBB</p><p data-y="80">c $CCC</p><p data-y="120">d $DDD</p>',
    );
    const { win } = windowOn(doc);
    const [a, b, c, d] = units(doc).map(entryOf) as BlockEntry[];
    for (const e of [c, a, d, b] as BlockEntry[]) win.add(e);
    view.scrolled = 0;
    expect(win.entriesInView().map((e) => e.block.text)).toEqual(['a $AAA', 'b $BBB', 'c $CCC']);
    // A unit emptied and filled again (a re-render) is listed once.
    win.remove(a as BlockEntry);
    const again = entryOf(units(doc)[0] as Element);
    win.add(again);
    expect(win.entriesInView().map((e) => e.block.text)).toEqual(['a $AAA', 'b $BBB', 'c $CCC']);
    win.remove(b as BlockEntry);
    expect(win.entriesInView().map((e) => e.block.text)).toEqual(['a $AAA', 'c $CCC']);
  });

  it('lists no entry off screen after the page dropped a unit above', () => {
    const { doc, view } = laidOut(
      '<p data-y="-500">a $AAA</p><p data-y="-400">b $BBB</p><p data-y="0">c $CCC</p><p data-y="50">d $DDD</p>',
    );
    const { win } = windowOn(doc);
    const [a, ...rest] = units(doc).map(entryOf) as BlockEntry[];
    win.add(a as BlockEntry);
    for (const e of rest) win.add(e);
    view.scrolled = 0;
    win.remove(a as BlockEntry);
    expect(win.entriesInView().map((e) => e.block.text)).toEqual(['c $CCC', 'd $DDD']);
  });

  it('lists the entries on screen, edges included, whether marked yet or not', () => {
    const { doc, view } = laidOut(
      '<p data-y="-51">a $AAA</p><p data-y="-50">b $BBB</p><p data-y="100">c $CCC</p><p data-y="101">d $DDD</p>',
    );
    const { win, marked } = windowOn(doc);
    const unit = units(doc)[1] as Element;
    for (const e of units(doc).map(entryOf)) win.add(e);
    // Two blocks in one unit (a post and its quote): both.
    win.add({ ...entryOf(unit), block: { ...entryOf(unit).block, text: 'b quoted' } });
    view.scrolled = 0;
    expect(win.entriesInView().map((e) => e.block.text)).toEqual(['b $BBB', 'b quoted', 'c $CCC']);
    expect(marked).toEqual([]);
  });

  it('moves down to the edge the browser reports near the viewport', () => {
    const { doc, view } = laidOut(posts(60));
    const { win, marked } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    expect(marked).toHaveLength(23);
    expect(watched()).toEqual(['post 23 $BTC']);
    const edge = units(doc)[23] as Element;

    // Reported, but by the time of the frame still more than 1.5 viewports below: nothing yet.
    view.scrolled = 899;
    io().report([{ target: edge, isIntersecting: true }]);
    vi.advanceTimersByTime(300);
    expect(marked).toHaveLength(23);
    // Not intersecting: nothing.
    view.scrolled = 1000;
    io().report([{ target: edge, isIntersecting: false }]);
    vi.advanceTimersByTime(300);
    expect(marked).toHaveLength(23);

    // 1.5 viewports below, exactly: the window moves, from two viewports above to ten below.
    view.scrolled = 900;
    io().report([{ target: edge, isIntersecting: true }]);
    vi.advanceTimersByTime(FRAME);
    // From 650 px (two viewports above) to 2,000 px (ten below): posts 13 to 40.
    expect(marked.slice(23)).toEqual(Array.from({ length: 18 }, (_, i) => `post ${23 + i} $BTC`));
    expect(heldCount('tickerlens-asset')).toBe(40 - 13 + 1);
    // Left behind: posts 0–12 lost their marks; the posts on either side are the edges now.
    expect(watched().sort()).toEqual(['post 12 $BTC', 'post 41 $BTC']);
  });

  it('moves up, ten viewports ahead, when the reader nears the edge above', () => {
    const { doc, view } = laidOut(posts(60));
    const { win, marked } = windowOn(doc);
    view.scrolled = 2000;
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    // From 1,750 px (post 35) down.
    expect(marked[0]).toBe('post 35 $BTC');
    expect(watched()).toEqual(['post 34 $BTC']);
    const edge = units(doc)[34] as Element;
    // Its bottom (1,750 px) 150 px above the viewport: near enough.
    view.scrolled = 1900;
    io().report([{ target: edge, isIntersecting: true }]);
    vi.advanceTimersByTime(250 + FRAME);
    // Ten viewports above (from 900 px: post 17), two below (to 2,200 px: post 44).
    expect(marked.slice(25)).toEqual(Array.from({ length: 18 }, (_, i) => `post ${17 + i} $BTC`));
    expect(watched().sort()).toEqual(['post 16 $BTC', 'post 45 $BTC']);
  });

  it('ignores a report of the edge above from further than 1.5 viewports', () => {
    const { doc, view } = laidOut(posts(60));
    const { win, marked } = windowOn(doc);
    view.scrolled = 2000;
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    const count = marked.length;
    view.scrolled = 1901;
    io().report([{ target: units(doc)[34] as Element, isIntersecting: true }]);
    vi.advanceTimersByTime(300);
    expect(marked).toHaveLength(count);
  });

  it('ignores reports of units in the window, of units it no longer holds, and of other units', () => {
    const { doc, view } = laidOut(posts(60));
    const { win, marked } = windowOn(doc);
    const entries = addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    view.scrolled = 1000;
    const reads = view.rectsRead;
    io().report([{ target: units(doc)[5] as Element, isIntersecting: true }]);
    win.remove(entries[23] as BlockEntry);
    io().report([{ target: units(doc)[23] as Element, isIntersecting: true }]);
    // Nothing to act on: no layout read for it.
    expect(view.rectsRead).toBe(reads);
    io().report([{ target: units(doc)[40] as Element, isIntersecting: true }]);
    // Near, but not an edge of the window (a unit past the edge): not acted on either.
    view.scrolled = 1100;
    io().report([{ target: units(doc)[25] as Element, isIntersecting: true }]);
    vi.advanceTimersByTime(300);
    expect(marked).toHaveLength(23);
  });

  it('moves once the page change is answered when it is told to wait', () => {
    const { doc, view } = laidOut(posts(60));
    const { win, marked, steer } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    steer.wait = 400;
    view.scrolled = 1000;
    io().report([{ target: units(doc)[23] as Element, isIntersecting: true }]);
    vi.advanceTimersByTime(399 + FRAME);
    expect(marked).toHaveLength(23);
    vi.advanceTimersByTime(1);
    expect(marked.length).toBeGreaterThan(23);
  });

  it('moves at once when the page change it waited for is answered sooner', () => {
    const { doc, view } = laidOut(posts(60));
    const { win, marked, steer } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    steer.wait = 400;
    view.scrolled = 1000;
    io().report([{ target: units(doc)[23] as Element, isIntersecting: true }]);
    vi.advanceTimersByTime(300);
    // Reading still going on: it waits.
    win.afterSlice(true);
    vi.advanceTimersByTime(FRAME);
    expect(marked).toHaveLength(23);
    steer.wait = 0;
    win.afterSlice(false);
    vi.advanceTimersByTime(FRAME);
    expect(marked.length).toBeGreaterThan(23);
  });

  it('moves after a burst of scrolling that jumped past the window, not during it', () => {
    const { doc, view } = laidOut(posts(60));
    const listening = listenersOn(doc);
    const { win, marked } = windowOn(doc);
    addAll(win, doc);
    expect(listening).toEqual(['scroll']);
    vi.advanceTimersByTime(FRAME);
    const scroll = (to: number) => {
      view.scrolled = to;
      doc.dispatchEvent(new (doc.defaultView as unknown as { Event: typeof Event }).Event('scroll'));
    };
    // End: straight to the bottom, the edge never came near.
    scroll(2000);
    vi.advanceTimersByTime(100);
    scroll(2900);
    vi.advanceTimersByTime(149);
    expect(marked).toHaveLength(23);
    vi.advanceTimersByTime(1 + FRAME);
    expect(marked.slice(23)).toEqual(Array.from({ length: 7 }, (_, i) => `post ${53 + i} $BTC`));
    // Home: back to the top, ten viewports below marked again.
    scroll(0);
    vi.advanceTimersByTime(150 + 250 + FRAME);
    expect(marked.slice(30)).toEqual(Array.from({ length: 7 }, (_, i) => `post ${i} $BTC`));
  });

  it('moves nothing for scrolling within the window, reading two rects once the burst is over', () => {
    const { doc, view } = laidOut(posts(60));
    const { win, marked } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    const before = view.rectsRead;
    const Ev = (doc.defaultView as unknown as { Event: typeof Event }).Event;
    for (const to of [100, 200, 300]) {
      view.scrolled = to;
      doc.dispatchEvent(new Ev('scroll'));
    }
    expect(view.rectsRead).toBe(before);
    vi.advanceTimersByTime(150 + FRAME);
    expect(view.rectsRead - before).toBe(2);
    expect(marked).toHaveLength(23);
  });

  it('checks for a jump when the browser says scrolling ended, at once', () => {
    const { doc, view } = laidOut(posts(60), 100, { scrollend: true });
    const listening = listenersOn(doc);
    const { win, marked } = windowOn(doc);
    addAll(win, doc);
    expect(listening).toEqual(['scrollend']);
    vi.advanceTimersByTime(FRAME + 250);
    view.scrolled = 2900;
    doc.dispatchEvent(new (doc.defaultView as unknown as { Event: typeof Event }).Event('scrollend'));
    vi.advanceTimersByTime(FRAME);
    expect(marked.includes('post 59 $BTC')).toBe(true);
  });

  it('reads no layout of a window end the page took out, watching the edges found again', () => {
    const { doc, view } = laidOut(posts(60));
    const { win } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    // The page dropped the window's first post; the scanner has not heard yet.
    (units(doc)[0] as Element).remove();
    const before = view.rectsRead;
    view.scrolled = 50;
    doc.dispatchEvent(new (doc.defaultView as unknown as { Event: typeof Event }).Event('scroll'));
    vi.advanceTimersByTime(150 + FRAME);
    expect(view.rectsRead).toBe(before);
    expect(watched()).toEqual(['post 23 $BTC']);
  });

  it('watches the first unit below the viewport when none is near enough to mark', () => {
    const { doc } = laidOut('<p data-y="20000">a $AAA</p><p data-y="30000">b $BBB</p>');
    const { win, marked } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    expect(marked).toEqual([]);
    expect(watched()).toEqual(['a $AAA']);
  });

  it('looks for the edges again after a scroll while nothing is near', () => {
    const { doc, view } = laidOut('<p data-y="20000">a $AAA</p><p data-y="30000">b $BBB</p>');
    const { win } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    view.scrolled = 25_000;
    doc.dispatchEvent(new (doc.defaultView as unknown as { Event: typeof Event }).Event('scroll'));
    vi.advanceTimersByTime(150);
    // The units on either side of the viewport now.
    expect(watched()).toEqual(['a $AAA', 'b $BBB']);
  });

  it('watches the units just added past the window before they are marked', () => {
    const { doc } = laidOut(posts(30));
    const { win } = windowOn(doc);
    const entries = units(doc).map(entryOf);
    for (const e of entries.slice(0, 20)) win.add(e);
    win.afterSlice(false);
    vi.advanceTimersByTime(FRAME);
    expect(watched()).toEqual([]);
    // More of the page is read; its marks wait for the reading to end, the edge does not.
    for (const e of entries.slice(20)) win.add(e);
    win.afterSlice(true);
    expect(watched()).toEqual(['post 20 $BTC']);
  });

  it('watches the next unit when the page drops the one it watched', () => {
    const { doc } = laidOut(posts(30));
    const { win } = windowOn(doc);
    const entries = addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    expect(watched()).toEqual(['post 23 $BTC']);
    win.remove(entries[23] as BlockEntry);
    win.afterSlice(true);
    expect(watched()).toEqual(['post 24 $BTC']);
  });

  it('keeps watching the edge above when the page drops the one below', () => {
    const { doc, view } = laidOut(posts(60));
    const { win } = windowOn(doc);
    view.scrolled = 500;
    const entries = addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    // From 250 px (post 5) to 1,600 px (post 32).
    expect(watched().sort()).toEqual(['post 33 $BTC', 'post 4 $BTC']);
    win.remove(entries[33] as BlockEntry);
    win.afterSlice(true);
    expect(watched().sort()).toEqual(['post 34 $BTC', 'post 4 $BTC']);
    win.remove(entries[4] as BlockEntry);
    win.afterSlice(true);
    expect(watched().sort()).toEqual(['post 3 $BTC', 'post 34 $BTC']);
  });

  it('finds the window again when the page drops its first unit', () => {
    const { doc } = laidOut(posts(30));
    const { win } = windowOn(doc);
    const entries = addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    win.remove(entries[0] as BlockEntry);
    win.remove(entries[23] as BlockEntry);
    win.afterSlice(true);
    expect(watched()).toEqual(['post 24 $BTC']);
  });

  it('acts on the last of the edges the browser reports near', () => {
    const { doc, view } = laidOut(posts(60));
    const { win, marked } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    view.scrolled = 1000;
    io().report([
      { target: units(doc)[23] as Element, isIntersecting: true },
      { target: units(doc)[50] as Element, isIntersecting: false },
    ]);
    vi.advanceTimersByTime(250 + FRAME);
    expect(marked.length).toBeGreaterThan(23);
  });

  it('takes a jump down as one once the window is more than 1.5 viewports above', () => {
    const { doc, view } = laidOut(posts(60));
    const { win, marked } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME + 250);
    const Ev = (doc.defaultView as unknown as { Event: typeof Event }).Event;
    // The window's last post (22) ends at 1,150 px: 150 px above the viewport is not yet a jump.
    view.scrolled = 1300;
    doc.dispatchEvent(new Ev('scroll'));
    vi.advanceTimersByTime(150 + FRAME);
    expect(marked).toHaveLength(23);
    view.scrolled = 1301;
    doc.dispatchEvent(new Ev('scroll'));
    vi.advanceTimersByTime(150 + FRAME);
    expect(marked.length).toBeGreaterThan(23);
  });

  it('takes a jump up as one once the window is more than 1.5 viewports below', () => {
    const { doc, view } = laidOut(posts(80));
    const { win, marked } = windowOn(doc);
    view.scrolled = 3000;
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME + 250);
    // From 2,750 px (post 55).
    expect(marked[0]).toBe('post 55 $BTC');
    const count = marked.length;
    const Ev = (doc.defaultView as unknown as { Event: typeof Event }).Event;
    view.scrolled = 2500;
    doc.dispatchEvent(new Ev('scroll'));
    vi.advanceTimersByTime(150 + FRAME);
    expect(marked).toHaveLength(count);
    view.scrolled = 2499;
    doc.dispatchEvent(new Ev('scroll'));
    vi.advanceTimersByTime(150 + FRAME);
    // Ten viewports above the viewport now (from 1,499 px: post 29), two below.
    expect(marked.slice(count)).toEqual(Array.from({ length: 26 }, (_, i) => `post ${29 + i} $BTC`));
  });

  it("checks for a jump again after the page dropped the window's last unit", () => {
    const { doc, view } = laidOut(posts(30));
    const { win } = windowOn(doc);
    addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    (units(doc)[22] as Element).remove();
    const before = view.rectsRead;
    doc.dispatchEvent(new (doc.defaultView as unknown as { Event: typeof Event }).Event('scroll'));
    vi.advanceTimersByTime(150 + FRAME);
    expect(view.rectsRead).toBe(before);
  });

  it('listens for scrolling only while it holds units', () => {
    const { doc } = laidOut(posts(2));
    const listening = listenersOn(doc);
    const { win } = windowOn(doc);
    expect(listening).toEqual([]);
    const [a, b] = units(doc).map(entryOf) as [BlockEntry, BlockEntry];
    win.add(a);
    win.add(b);
    expect(listening).toEqual(['scroll']);
    win.remove(a);
    expect(listening).toEqual(['scroll']);
    win.remove(b);
    expect(listening).toEqual([]);
    win.add(a);
    expect(listening).toEqual(['scroll']);
    win.stop();
    expect(listening).toEqual([]);
  });

  it('hears scrolling in any scroller, without holding it up', () => {
    const { doc } = laidOut(posts(1));
    const add = vi.spyOn(doc, 'addEventListener');
    const remove = vi.spyOn(doc, 'removeEventListener');
    const { win } = windowOn(doc);
    const [a] = units(doc).map(entryOf) as [BlockEntry];
    win.add(a);
    win.remove(a);
    expect(add).toHaveBeenCalledWith('scroll', expect.any(Function), { passive: true, capture: true });
    expect(remove).toHaveBeenCalledWith('scroll', add.mock.calls[0]?.[1], { capture: true });
  });

  it('ignores scrolling once it holds no units', () => {
    const { doc, view } = laidOut(posts(60));
    const { win } = windowOn(doc);
    const entries = addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    const onScroll = vi.spyOn(doc, 'removeEventListener');
    for (const e of entries) win.remove(e);
    expect(onScroll).toHaveBeenCalled();
    const before = view.rectsRead;
    view.scrolled = 2900;
    doc.dispatchEvent(new (doc.defaultView as unknown as { Event: typeof Event }).Event('scroll'));
    vi.advanceTimersByTime(150);
    expect(view.rectsRead).toBe(before);
  });
});

describe('HighlightWindow: stopping', () => {
  it('takes every mark away and does nothing more', () => {
    const { doc, view } = laidOut(posts(30));
    const listening = listenersOn(doc);
    const { win, marked, steer } = windowOn(doc);
    const entries = addAll(win, doc);
    vi.advanceTimersByTime(FRAME);
    // Something pending of every kind: a removal, a wait for answers, a flush.
    win.remove(entries[0] as BlockEntry);
    steer.wait = 500;
    win.add(entryOf(units(doc)[0] as Element));
    win.afterSlice(false);
    win.stop();
    expect(heldCount('tickerlens-asset')).toBe(0);
    expect(highlights.size).toBe(0);
    expect(flagged(doc)).toEqual([]);
    expect(io().disconnected).toBe(true);
    expect(listening).toEqual([]);
    expect(win.entriesInView()).toEqual([]);
    expect(win.holds(entries[1] as BlockEntry)).toBe(false);
    const count = marked.length;
    vi.advanceTimersByTime(5000);
    expect(marked).toHaveLength(count);
    // Nothing it is told afterwards brings a mark back.
    view.scrolled = 1000;
    win.add(entryOf(units(doc)[25] as Element));
    win.remove(entries[2] as BlockEntry);
    win.afterSlice(false);
    win.restyle('all');
    win.restyle('claims');
    io().report([{ target: units(doc)[23] as Element, isIntersecting: true }]);
    vi.advanceTimersByTime(5000);
    expect(marked).toHaveLength(count);
    expect(flagged(doc)).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
