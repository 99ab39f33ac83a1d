/**
 * The page scanner on linkedom with the clock stood in for (timers, `performance.now`, frames): what
 * a page's text becomes (entries, the scan message's answer), what the pointer hits, how the page's
 * changes are followed (text edited, blocks removed, text made editable and back), which hooks hear
 * what, and that a stopped scanner does nothing more. scanner.test.ts runs it on real timers; the
 * marks themselves are Chromium's (test/browser).
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type BlockEntry,
  type Detect,
  PageScanner,
  type ScannerHooks,
} from '../../../entrypoints/content/scanner';
import { genericRoots } from '../../../entrypoints/content/sites/generic';
import type { Match } from '../../../utils/detect';
import '../../support/linkedom-order';

/** The CSS Custom Highlight API's `Highlight`: a set of ranges. */
class FakeHighlight extends Set<unknown> {}
let highlights: Map<string, FakeHighlight>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, 16));
  vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
  vi.stubGlobal('Node', { DOCUMENT_POSITION_FOLLOWING: 4 });
  highlights = new Map();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights });
});
const started: PageScanner[] = [];
afterEach(() => {
  for (const scanner of started.splice(0)) scanner.stop();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Long enough for any gathering, answer, slice and frame to be over. */
const settle = () => vi.advanceTimersByTimeAsync(2000);

/**
 * A page laid out in one 1,000 px viewport: each element at its `data-y` (the top unless said),
 * 10 px tall, less what the window says it scrolled (`scrolled`).
 */
function page(html: string, head = '') {
  const { document, MutationObserver } = parseHTML(
    `<!doctype html><html><head>${head}</head><body>${html}</body></html>`,
  );
  vi.stubGlobal('MutationObserver', MutationObserver);
  const doc = document as unknown as Document;
  (doc.defaultView as unknown as { innerHeight: number }).innerHeight = 1000;
  const elementProto = Object.getPrototypeOf(Object.getPrototypeOf(doc.createElement('p'))) as {
    getBoundingClientRect?: unknown;
  };
  elementProto.getBoundingClientRect = function (this: Element) {
    const view = this.ownerDocument.defaultView as unknown as { scrolled?: number };
    const top = Number(this.getAttribute('data-y') ?? 0) - (view.scrolled ?? 0);
    return { top, bottom: top + 10, left: 0, right: 10, width: 10, height: 10 };
  };
  // A Range that keeps its start (the scanner asks which link it starts in).
  (doc as unknown as { createRange: () => unknown }).createRange = () => {
    const r: Record<string, unknown> = {
      setStart(node: Node, offset: number) {
        r.startContainer = node;
        r.startOffset = offset;
      },
      setEnd(node: Node, offset: number) {
        r.endContainer = node;
        r.endOffset = offset;
      },
      collapse() {},
      getClientRects: () => [],
    };
    return r;
  };
  return doc;
}

/** Cashtags and "no VC" claims. */
function detectText(text: string): Match[] {
  const tags = [...text.matchAll(/\$[A-Z]{2,6}\b/g)].map(
    (m): Match => ({ kind: 'ticker', text: m[0], start: m.index, end: m.index + m[0].length, cashtag: true }),
  );
  const claims = [...text.matchAll(/no VC/g)].map(
    (m): Match => ({ kind: 'claim', text: m[0], start: m.index, end: m.index + m[0].length, claim: 'no-vc' }),
  );
  return [...tags, ...claims].sort((a, b) => a.start - b.start);
}

/** A detector that records what it is asked. */
function detector() {
  const asked: string[][] = [];
  const detect: Detect = async (batch) => {
    asked.push(batch);
    return batch.map(detectText);
  };
  return { asked, detect };
}

/** A detector whose answers are held until `release()`. */
function heldDetector() {
  let release = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const detect: Detect = async (batch) => {
    await gate;
    return batch.map(detectText);
  };
  return { release: () => release(), detect };
}

function start(doc: Document, hooks: Partial<ScannerHooks> = {}, detect = detector().detect) {
  const scanner = new PageScanner(doc, detect, { highlight: false, roots: genericRoots, ...hooks });
  started.push(scanner);
  scanner.start();
  return scanner;
}

const texts = (scanner: PageScanner) => [...scanner.liveEntries()].map((e) => e.block.text);
const byId = (doc: Document, id: string) => doc.getElementById(id) as Element;
const textIn = (doc: Document, id: string) => byId(doc, id).firstChild as Text;

describe('PageScanner: what the pointer hits', () => {
  it('finds the detection under the caret, its first character in, its end out', async () => {
    const doc = page('<p>gm <b id="btc">$BTC</b> and <i id="eth">$ETH</i></p>');
    const scanner = start(doc);
    await settle();
    const btc = textIn(doc, 'btc');
    const eth = textIn(doc, 'eth');
    expect(scanner.hitTest(btc, 0)?.match.text).toBe('$BTC');
    expect(scanner.hitTest(btc, 3)?.match.text).toBe('$BTC');
    expect(scanner.hitTest(btc, 4)).toBeNull();
    // The caret at the end of "gm " is at the start of $BTC.
    const before = byId(doc, 'btc').previousSibling as Text;
    expect(scanner.hitTest(before, 3)?.match.text).toBe('$BTC');
    expect(scanner.hitTest(before, 2)).toBeNull();
    // In a later node of the block: its own offset counts from the block's start.
    expect(scanner.hitTest(eth, 0)?.match.text).toBe('$ETH');
    expect(scanner.hitTest(eth, 2)?.entry.block.text).toBe('gm $BTC and $ETH');
  });

  it('hits nothing in an element, in text holding no detection, or on a detection left unmarked', async () => {
    const doc = page('<p id="a">gm <b id="btc">$BTC</b></p><p id="b">gm</p>');
    const scanner = start(doc, { marked: (m) => m.text !== '$BTC' });
    await settle();
    expect(scanner.hitTest(byId(doc, 'a'), 0)).toBeNull();
    expect(scanner.hitTest(textIn(doc, 'b'), 0)).toBeNull();
    expect(scanner.hitTest(textIn(doc, 'btc'), 1)).toBeNull();
    expect(scanner.holdsDetection(textIn(doc, 'btc'))).toBe(false);
    expect(scanner.isMarked({ kind: 'ticker', text: '$ETH', start: 0, end: 4 })).toBe(true);
  });

  it('marks every detection unless told otherwise', async () => {
    const doc = page('<p>gm $BTC</p>');
    const scanner = start(doc);
    await settle();
    const [entry] = [...scanner.liveEntries()] as BlockEntry[];
    expect(scanner.isMarked(entry?.matches[0] as Match)).toBe(true);
  });

  it("gives the range of a live entry's match, made when the block is not marked", async () => {
    const doc = page('<p>gm <b id="btc">$BTC</b></p>');
    const scanner = start(doc);
    await settle();
    const [entry] = [...scanner.liveEntries()] as BlockEntry[];
    const match = entry?.matches[0] as Match;
    const range = scanner.rangeOf(entry as BlockEntry, match) as unknown as Record<string, unknown>;
    expect([range.startContainer, range.startOffset, range.endOffset]).toEqual([textIn(doc, 'btc'), 0, 4]);
    expect(scanner.rangeOf(entry as BlockEntry, { ...match })).toBeUndefined();
  });
});

describe('PageScanner: the whole-document scan', () => {
  it('answers in document order across nested blocks, asking once for a text on the page twice', async () => {
    const doc = page('<div>outer $AAA <p>inner $BBB $CCC</p> tail $DDD</div><p>gm $EEE</p><p>gm $EEE</p>');
    const { asked, detect } = detector();
    const scanner = new PageScanner(doc, detect, { highlight: false, roots: genericRoots });
    started.push(scanner);
    const scanning = scanner.scanDocument();
    await settle();
    const found = await scanning;
    expect(found.map((f) => f.match.text)).toEqual(['$AAA', '$BBB', '$CCC', '$DDD', '$EEE', '$EEE']);
    expect(found.map((f) => f.index)).toEqual([0, 0, 1, 1, 0, 0]);
    expect(found[2]?.text).toBe('inner $BBB $CCC');
    expect(found[2]?.matches.map((m) => m.text)).toEqual(['$BBB', '$CCC']);
    expect(asked.flat().filter((t) => t === 'gm $EEE')).toHaveLength(1);
  });

  it("reads the page's body, not its title", async () => {
    const doc = page('<p>gm $BTC</p>', '<title>$SOL price today</title>');
    const { asked, detect } = detector();
    const scanner = start(doc, {}, detect);
    await settle();
    expect(asked.flat()).toEqual(['gm $BTC']);
    const scanning = scanner.scanDocument();
    await settle();
    expect((await scanning).map((f) => f.match.text)).toEqual(['$BTC']);
  });

  it('places a detection starting where its text node starts by that node, across nested blocks', async () => {
    const doc = page('<div>a <p>inner $BBB</p><b>$AAA</b></div>');
    const scanner = new PageScanner(doc, detector().detect, { highlight: false, roots: genericRoots });
    started.push(scanner);
    const scanning = scanner.scanDocument();
    await settle();
    expect((await scanning).map((f) => f.match.text)).toEqual(['$BBB', '$AAA']);
  });

  it('orders detections inside one text node by their place in it', async () => {
    const doc = page('<p>$ZZZ then $AAA</p>');
    const scanner = new PageScanner(doc, detector().detect, { highlight: false, roots: genericRoots });
    started.push(scanner);
    const scanning = scanner.scanDocument();
    await settle();
    expect((await scanning).map((f) => f.match.text)).toEqual(['$ZZZ', '$AAA']);
  });
});

describe('PageScanner: following the page', () => {
  it('tells of each new block once, and of changes once per slice', async () => {
    const doc = page('<p>gm $BTC</p><p>and $ETH</p><p>nothing</p>');
    const entries: string[] = [];
    let updates = 0;
    start(doc, { onEntry: (e) => entries.push(e.block.text), onUpdate: () => updates++ });
    await settle();
    expect(entries).toEqual(['gm $BTC', 'and $ETH']);
    expect(updates).toBe(1);
    // The same text read again (reread, a re-render with the same nodes): nothing new.
    const scanner = started[0] as PageScanner;
    scanner.reread();
    await settle();
    expect(entries).toEqual(['gm $BTC', 'and $ETH']);
    expect(updates).toBe(1);
  });

  it('reads again what the page changed, a known text at once, a new one once answered', async () => {
    const doc = page('<p id="a">gm $BTC</p><p id="b">and $ETH</p>');
    const { asked, detect } = detector();
    let updates = 0;
    const scanner = start(doc, { onUpdate: () => updates++ }, detect);
    await settle();
    asked.length = 0;
    updates = 0;
    textIn(doc, 'a').data = 'and $ETH';
    await vi.advanceTimersByTimeAsync(20);
    expect(texts(scanner)).toEqual(['and $ETH', 'and $ETH']);
    expect(asked).toEqual([]);
    expect(updates).toBe(1);
    textIn(doc, 'b').data = 'gm $SOL';
    await vi.advanceTimersByTimeAsync(20);
    // Its old detections are gone at once; its new ones come with the answer.
    expect(texts(scanner)).toEqual(['and $ETH']);
    await settle();
    expect(asked).toEqual([['gm $SOL']]);
    expect(texts(scanner).sort()).toEqual(['and $ETH', 'gm $SOL']);
  });

  it('reads the page again when what the site reads changed', async () => {
    const doc = page('<p>gm $BTC</p>', '<title>$SOL price today</title>');
    let read = false;
    const scanner = start(doc, { roots: (node) => (read ? genericRoots(node) : []) });
    await settle();
    expect(texts(scanner)).toEqual([]);
    read = true;
    scanner.reread();
    await settle();
    // The body again, not the title.
    expect(texts(scanner)).toEqual(['gm $BTC']);
  });

  it('follows a block re-rendered with the same text into its new nodes', async () => {
    const doc = page('<p id="a">gm <b id="b">$BTC</b></p>');
    let updates = 0;
    const scanner = start(doc, { onUpdate: () => updates++ });
    await settle();
    // The page renders the same text anew: the cashtag's node is replaced, the rest kept.
    const b = byId(doc, 'b');
    const old = b.firstChild as Text;
    b.replaceChild(doc.createTextNode('$BTC'), old);
    await settle();
    expect(texts(scanner)).toEqual(['gm $BTC']);
    expect(scanner.holdsDetection(textIn(doc, 'b'))).toBe(true);
    expect(scanner.holdsDetection(old)).toBe(false);
    // Re-read unchanged (another change elsewhere on the page): no new entry, no update.
    const [entry] = [...scanner.liveEntries()];
    updates = 0;
    doc.body.append(doc.createElement('div'));
    scanner.reread();
    await settle();
    expect([...scanner.liveEntries()][0]).toBe(entry);
    expect(updates).toBe(0);
  });

  it('follows a block whose text the page split into more nodes', async () => {
    const doc = page('<p id="a">gm $BTC</p>');
    const scanner = start(doc);
    await settle();
    // The same text, now in two nodes (a link made of the cashtag).
    const first = textIn(doc, 'a');
    first.data = 'gm ';
    const tag = doc.createElement('b');
    tag.textContent = '$BTC';
    byId(doc, 'a').append(tag);
    await settle();
    expect(texts(scanner)).toEqual(['gm $BTC']);
    expect(scanner.hitTest(tag.firstChild as Text, 1)?.match.text).toBe('$BTC');
  });

  it('drops the entry of a block whose text no longer holds a detection', async () => {
    const doc = page('<p id="a">gm $BTC</p>');
    let updates = 0;
    const scanner = start(doc, { onUpdate: () => updates++ });
    await settle();
    textIn(doc, 'a').data = 'gm';
    await settle();
    expect(texts(scanner)).toEqual([]);
    // Once when it was marked, once when the new text took its detections away.
    expect(updates).toBe(2);
  });

  it('drops the entries of blocks the page took out', async () => {
    const doc = page('<div id="list"><p id="a">gm $BTC</p><p id="b">and $ETH</p></div>');
    let updates = 0;
    const scanner = start(doc, { onUpdate: () => updates++ });
    await settle();
    byId(doc, 'a').remove();
    await settle();
    expect(texts(scanner)).toEqual(['and $ETH']);
    expect(updates).toBe(2);
    expect(scanner.holdsDetection(textIn(doc, 'b'))).toBe(true);
  });

  it('settles no block that left the page before its answer came', async () => {
    const doc = page('<p id="a">gm $BTC</p>');
    const { release, detect } = heldDetector();
    const entries: string[] = [];
    const scanner = start(doc, { onEntry: (e) => entries.push(e.block.text) }, detect);
    await vi.advanceTimersByTimeAsync(300);
    byId(doc, 'a').remove();
    await vi.advanceTimersByTimeAsync(20);
    release();
    await settle();
    expect(entries).toEqual([]);
    expect(texts(scanner)).toEqual([]);
  });

  it('drops what becomes editable, and reads it again once it is not', async () => {
    const doc = page(
      '<main><div id="ed"><p id="a">gm $BTC</p></div></main><section><p>and $ETH</p></section>',
    );
    let updates = 0;
    const scanner = start(doc, { onUpdate: () => updates++ });
    await settle();
    updates = 0;
    byId(doc, 'ed').setAttribute('contenteditable', 'true');
    await settle();
    expect(texts(scanner)).toEqual(['and $ETH']);
    expect(updates).toBe(1);
    byId(doc, 'ed').setAttribute('contenteditable', 'false');
    await settle();
    expect(texts(scanner).sort()).toEqual(['and $ETH', 'gm $BTC']);
  });

  it('tells of no change when what became editable held no detection', async () => {
    const doc = page('<main><div id="ed"><p>gm</p></div></main><p>and $ETH</p>');
    let updates = 0;
    start(doc, { onUpdate: () => updates++ });
    await settle();
    updates = 0;
    byId(doc, 'ed').setAttribute('contenteditable', 'true');
    await settle();
    expect(updates).toBe(0);
  });

  it('settles nothing that became editable while its answer was on the way', async () => {
    const doc = page('<main><div id="ed"><p>gm $BTC</p></div></main><p>and $ETH</p>');
    const { release, detect } = heldDetector();
    const scanner = start(doc, {}, detect);
    await vi.advanceTimersByTimeAsync(300);
    byId(doc, 'ed').setAttribute('contenteditable', 'true');
    await vi.advanceTimersByTimeAsync(20);
    release();
    await settle();
    expect(texts(scanner)).toEqual(['and $ETH']);
  });

  it('reads a block again without the part of it that became editable', async () => {
    const doc = page('<p id="a">gm $BTC <span id="s">and $ETH</span></p>');
    const scanner = start(doc);
    await settle();
    expect(texts(scanner)).toEqual(['gm $BTC and $ETH']);
    byId(doc, 's').setAttribute('contenteditable', '');
    await settle();
    expect(texts(scanner)).toEqual(['gm $BTC ']);
  });

  it('reads a block that itself stops being editable', async () => {
    const doc = page('<p id="a" contenteditable="true">gm $BTC</p><p>and $ETH</p>');
    const scanner = start(doc);
    await settle();
    expect(texts(scanner)).toEqual(['and $ETH']);
    byId(doc, 'a').setAttribute('contenteditable', 'false');
    await settle();
    expect(texts(scanner).sort()).toEqual(['and $ETH', 'gm $BTC']);
  });

  it('keeps the unit the site names for a block, or the block itself', async () => {
    const doc = page('<article id="post"><p id="a">gm $BTC</p></article><p id="b">and $ETH</p>');
    const scanner = start(doc, { unitOf: (el) => el.closest('article') ?? el });
    await settle();
    expect([...scanner.liveEntries()].map((e) => (e.unit as Element).id)).toEqual(['post', 'b']);
    const plain = start(page('<p id="c">gm $BTC</p>'));
    await settle();
    expect([...plain.liveEntries()].map((e) => (e.unit as Element).id)).toEqual(['c']);
  });

  it('tells of a block near the viewport once, however often it comes near again', async () => {
    const doc = page('<p data-y="0">gm $BTC</p><p data-y="20000">far $ETH</p>');
    const near: string[] = [];
    start(doc, { onNear: (e) => near.push(e.block.text) });
    await settle();
    expect(near).toEqual(['gm $BTC']);
    const view = doc.defaultView as unknown as { scrolled: number; Event: typeof Event };
    for (const to of [20_000, 0, 20_000, 0]) {
      view.scrolled = to;
      doc.dispatchEvent(new view.Event('scroll'));
      await settle();
    }
    expect(near).toEqual(['gm $BTC', 'far $ETH']);
  });

  it('gives a range for a match whose block is far from the viewport (not marked)', async () => {
    const doc = page('<p data-y="20000">far <b id="eth">$ETH</b></p>');
    const scanner = start(doc);
    await settle();
    const [entry] = [...scanner.liveEntries()] as BlockEntry[];
    expect(entry?.ranges).toEqual([]);
    const range = scanner.rangeOf(entry as BlockEntry, entry?.matches[0] as Match) as unknown as Record<
      string,
      unknown
    >;
    expect(range.startContainer).toBe(textIn(doc, 'eth'));
  });

  it('tells of blocks near the viewport when their marks are placed', async () => {
    const doc = page('<p>gm $BTC</p><p>and $ETH</p>');
    const near: string[] = [];
    const scanner = start(doc, { onNear: (e) => near.push(e.block.text) });
    await settle();
    expect(near).toEqual(['gm $BTC', 'and $ETH']);
    expect([...scanner.liveEntries()].every((e) => e.announced)).toBe(true);
    expect(scanner.entriesInView().map((e) => e.block.text)).toEqual(['gm $BTC', 'and $ETH']);
  });
});

describe('PageScanner: marks by range', () => {
  it("leaves text in the page's own marked links to the page", async () => {
    const doc = page(
      '<p>gm <a class="cashtag" href="/search?q=%24BTC">$BTC</a> <a href="/x">$ETH</a> $SOL</p>',
    );
    start(doc, { highlight: true, markedLinks: 'a.cashtag' });
    await settle();
    const asset = highlights.get('tickerlens-asset') as FakeHighlight;
    const marked = [...asset].map((r) => (r as { startContainer: Text }).startContainer.data);
    expect(marked).toEqual(['$ETH', ' $SOL']);
  });

  it('marks claims plainly when nothing says what the data says of them', async () => {
    const doc = page('<p>$BTC had no VC</p>');
    start(doc, { highlight: true });
    await settle();
    expect(highlights.get('tickerlens-claim')?.size).toBe(1);
  });

  it("takes the marks of a block's old text away when its new text is marked", async () => {
    const doc = page('<p id="a">gm $BTC</p><p>and $ETH</p>');
    start(doc, { highlight: true });
    await settle();
    const asset = highlights.get('tickerlens-asset') as FakeHighlight;
    expect(asset.size).toBe(2);
    // A known text: settled in the same slice that read it.
    textIn(doc, 'a').data = 'and $ETH';
    await settle();
    const marked = [...asset].map((r) => (r as { startContainer: Text }).startContainer.data);
    expect(marked).toEqual(['and $ETH', 'and $ETH']);
  });

  it("marks every match when no link is the page's", async () => {
    const doc = page('<p>gm <a href="/x">$BTC</a></p>');
    start(doc, { highlight: true });
    await settle();
    expect(highlights.get('tickerlens-asset')?.size).toBe(1);
  });

  it('gives no range to a detection left unmarked, and marks it again when asked', async () => {
    const doc = page('<p>gm $BTC and $ETH</p>');
    let hidden = new Set(['$ETH']);
    const scanner = start(doc, { highlight: true, marked: (m) => !hidden.has(m.text) });
    await settle();
    expect(highlights.get('tickerlens-asset')?.size).toBe(1);
    hidden = new Set();
    scanner.remark();
    expect(highlights.get('tickerlens-asset')?.size).toBe(2);
  });

  it('moves claim marks to their verdict when verdicts come', async () => {
    const doc = page('<p>$BTC had no VC</p>');
    let verdict: 'agrees' | undefined;
    const scanner = start(doc, { highlight: true, claimMark: () => verdict });
    await settle();
    expect(highlights.get('tickerlens-claim')?.size).toBe(1);
    verdict = 'agrees';
    scanner.restyleClaims();
    expect(highlights.get('tickerlens-claim')?.size).toBe(0);
    expect(highlights.get('tickerlens-claim-agrees')?.size).toBe(1);
  });
});

describe('PageScanner: marks painted by cells', () => {
  /** A ResizeObserver that only records what it observes (the painter's reports are not needed). */
  class FakeResizes {
    observe() {}
    unobserve() {}
    disconnect() {}
  }

  function cellPage() {
    vi.stubGlobal('ResizeObserver', FakeResizes);
    const doc = page('<article id="cell" data-y="500"><p id="a">gm $BTC</p></article><p id="b">and $ETH</p>');
    const near: string[] = [];
    const scanner = start(doc, {
      highlight: true,
      paintOn: (el) => el.closest('article') as HTMLElement | null,
      onNear: (e) => near.push(e.block.text),
    });
    return { doc, near, scanner };
  }

  it("gives a block in a cell to the cell's paint, announced wherever it is, and the others to ranges", async () => {
    const { doc, near, scanner } = cellPage();
    await settle();
    expect(near).toEqual(['gm $BTC', 'and $ETH']);
    const [painted, ranged] = [...scanner.liveEntries()] as BlockEntry[];
    expect(painted?.cell).toBe(byId(doc, 'cell'));
    expect(painted?.unit).toBe(byId(doc, 'cell'));
    expect(painted?.ranges).toEqual([]);
    expect(ranged?.cell).toBeUndefined();
    expect(highlights.get('tickerlens-asset')?.size).toBe(1);
    expect(scanner.entriesInView().map((e) => e.block.text)).toEqual(['gm $BTC', 'and $ETH']);
  });

  it('announces a painted block far down the page at once, a ranged one only once it is near', async () => {
    vi.stubGlobal('ResizeObserver', FakeResizes);
    const doc = page('<article id="cell"><p>gm $BTC</p></article><p id="b">and $ETH</p>');
    const far = () => ({ top: 50_000, bottom: 50_010, left: 0, right: 10, width: 10, height: 10 });
    for (const id of ['cell', 'b'])
      (byId(doc, id) as unknown as { getBoundingClientRect: unknown }).getBoundingClientRect = far;
    const near: string[] = [];
    const scanner = start(doc, {
      highlight: true,
      paintOn: (el) => el.closest('article') as HTMLElement | null,
      onNear: (e) => near.push(e.block.text),
    });
    await settle();
    expect(near).toEqual(['gm $BTC']);
    expect(scanner.entriesInView()).toEqual([]);
  });

  it('marks by ranges where the browser has no ResizeObserver, or with highlighting off', async () => {
    vi.stubGlobal('ResizeObserver', undefined);
    const doc = page('<article><p>gm $BTC</p></article>');
    const scanner = start(doc, {
      highlight: true,
      paintOn: (el) => el.closest('article') as HTMLElement | null,
    });
    await settle();
    expect([...scanner.liveEntries()][0]?.cell).toBeUndefined();
    expect(highlights.get('tickerlens-asset')?.size).toBe(1);

    vi.stubGlobal('ResizeObserver', FakeResizes);
    const off = start(page('<article><p>gm $BTC</p></article>'), {
      highlight: false,
      paintOn: (el) => el.closest('article') as HTMLElement | null,
    });
    await settle();
    expect([...off.liveEntries()][0]?.cell).toBeUndefined();
  });

  it('paints a cell again that the page took out and put back before the sweep', async () => {
    const { doc, scanner } = cellPage();
    await settle();
    const cell = byId(doc, 'cell');
    const [entry] = [...scanner.liveEntries()] as BlockEntry[];
    const parent = cell.parentNode as Element;
    cell.remove();
    // The page's change is seen (the painter lets go of the cell), then the cell comes back.
    await Promise.resolve();
    const inView = () => scanner.entriesInView().map((e) => e.block.text);
    expect(inView()).toEqual(['and $ETH']);
    parent.prepend(cell);
    await settle();
    // The same entry, held by the paint again.
    expect([...scanner.liveEntries()][0]).toBe(entry);
    expect(inView()).toEqual(['gm $BTC', 'and $ETH']);
  });
});

describe('PageScanner: timing', () => {
  it('marks a known text with the new ones of the same page change, waiting at most 400 ms for them', async () => {
    const doc = page('<p>known $BTC</p>');
    let release = () => {};
    const detect: Detect = async (batch) => {
      if (batch.some((t) => t.includes('new'))) await new Promise<void>((r) => (release = r));
      return batch.map(detectText);
    };
    const near: string[] = [];
    start(doc, { onNear: (e) => near.push(e.block.text) }, detect);
    await settle();
    expect(near).toEqual(['known $BTC']);
    // The page adds a post whose text is known and one whose text is new; the answer is held.
    doc.body.insertAdjacentHTML('beforeend', '<p>known $BTC</p><p>new $ETH</p>');
    // 400 ms from the change, then the frame that places the marks.
    await vi.advanceTimersByTimeAsync(400 + 16 - 1);
    expect(near).toEqual(['known $BTC']);
    await vi.advanceTimersByTimeAsync(1);
    expect(near).toEqual(['known $BTC', 'known $BTC']);
    release();
    await settle();
    expect(near).toEqual(['known $BTC', 'known $BTC', 'new $ETH']);
  });

  it('marks at once what the page changed when every text of the change is known', async () => {
    const doc = page('<p>known $BTC</p>');
    const near: string[] = [];
    start(doc, { onNear: (e) => near.push(e.block.text) });
    await settle();
    doc.body.insertAdjacentHTML('beforeend', '<p>known $BTC</p>');
    await vi.advanceTimersByTimeAsync(16 + 1);
    expect(near).toEqual(['known $BTC', 'known $BTC']);
  });

  it('reads what is left of a page change over 400 ms old in idle time, within what the browser grants', async () => {
    vi.useRealTimers();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const clock = { t: 0 };
    vi.stubGlobal('performance', { now: () => clock.t });
    const asks: unknown[] = [];
    let grant = { didTimeout: false, timeRemaining: () => 2 };
    vi.stubGlobal('requestIdleCallback', (fn: (d: unknown) => void, opts: unknown) => {
      asks.push(opts);
      setTimeout(() => fn(grant), 1);
    });
    let reads = 0;
    let cost = 1;
    const doc = page('');
    start(doc, {
      roots: (node) => {
        clock.t += cost;
        cost = 1;
        reads++;
        return genericRoots(node);
      },
    });
    await vi.advanceTimersByTimeAsync(2000);
    const slice = async () => {
      reads = 0;
      await vi.advanceTimersToNextTimerAsync();
      return reads;
    };
    for (let i = 0; i < 16; i++) doc.body.append(doc.createElement('p'));
    await Promise.resolve();
    asks.length = 0;
    // The first node read takes past the 400 ms the marks wait: the rest is read in idle time.
    cost = 500;
    expect(await slice()).toBe(1);
    expect(asks).toEqual([{ timeout: 200 }]);
    expect(await slice()).toBe(2);
    // The browser ran it because its timeout expired: a whole slice.
    grant = { didTimeout: true, timeRemaining: () => 0 };
    expect(await slice()).toBe(4);
    // Never more than a slice, whatever the idle period.
    grant = { didTimeout: false, timeRemaining: () => 50 };
    expect(await slice()).toBe(4);
    // Granted no time at all: one node still, so the reading gets on.
    grant = { didTimeout: false, timeRemaining: () => 0 };
    expect(await slice()).toBe(1);
  });

  it('reads a burst of page changes in slices of 4 ms, at least one node each', async () => {
    vi.useRealTimers();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // The clock moves 1 ms for each node read, and 10 ms for the first one after a pause.
    const clock = { t: 0 };
    vi.stubGlobal('performance', { now: () => clock.t });
    let reads = 0;
    let slow = false;
    const roots = (node: Node) => {
      clock.t += slow ? 10 : 1;
      slow = false;
      reads++;
      return genericRoots(node);
    };
    const idle = vi.fn();
    vi.stubGlobal('requestIdleCallback', idle);
    const doc = page('');
    const scanner = start(doc, { roots });
    await settle();
    /** The nodes read by each of the next `n` slices (each a timer of its own). */
    const slices = async (n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        reads = 0;
        await vi.advanceTimersToNextTimerAsync();
        out.push(reads);
      }
      return out;
    };
    for (let i = 0; i < 10; i++) {
      const p = doc.createElement('p');
      p.textContent = `post ${i} $BTC`;
      doc.body.append(p);
    }
    await Promise.resolve();
    expect(await slices(3)).toEqual([4, 4, 2]);
    // A fresh page change is read in tasks of its own, not left to idle time.
    expect(idle).not.toHaveBeenCalled();
    // A slice whose first node took longer than a slice still reads that one.
    for (let i = 0; i < 2; i++) doc.body.append(doc.createElement('p'));
    await Promise.resolve();
    slow = true;
    expect(await slices(1)).toEqual([1]);
    await settle();
    expect(texts(scanner)).toHaveLength(10);
  });
});

describe('PageScanner: stopping', () => {
  it('forgets every entry and follows the page no more', async () => {
    const doc = page('<p id="a">gm $BTC</p>');
    const { asked, detect } = detector();
    let updates = 0;
    const scanner = start(doc, { highlight: true, onUpdate: () => updates++ }, detect);
    await settle();
    scanner.stop();
    expect(texts(scanner)).toEqual([]);
    expect(highlights.size).toBe(0);
    asked.length = 0;
    updates = 0;
    doc.body.insertAdjacentHTML('beforeend', '<p>new $SOL</p>');
    textIn(doc, 'a').data = 'now $ETH';
    scanner.reread();
    scanner.remark();
    scanner.restyleClaims();
    await settle();
    expect(asked).toEqual([]);
    expect(updates).toBe(0);
    expect(texts(scanner)).toEqual([]);
    expect(scanner.hitTest(textIn(doc, 'a'), 0)).toBeNull();
  });

  it('settles nothing from an answer that lands after it stopped', async () => {
    const doc = page('<p>gm $BTC</p>');
    const { release, detect } = heldDetector();
    const entries: string[] = [];
    const scanner = start(doc, { onEntry: (e) => entries.push(e.block.text) }, detect);
    await vi.advanceTimersByTimeAsync(300);
    scanner.stop();
    release();
    await settle();
    expect(entries).toEqual([]);
  });
});
