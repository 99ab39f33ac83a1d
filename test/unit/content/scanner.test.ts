/**
 * The scanner's side of background detection, on linkedom: new texts gather briefly for one request
 * (a whole-document scan's answer serves too), blocks are settled when the answer arrives, a text
 * seen before costs no request, and a refused request is asked again; the marked window moves when the browser reports one of its edges
 * near the viewport. (Marks, the window's placement by real layout and hover run in Chromium:
 * test/browser.)
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Detect, PageScanner } from '../../../entrypoints/content/scanner';
import { genericRoots } from '../../../entrypoints/content/sites/generic';
import type { Match } from '../../../utils/detect';
import { listenersOn } from '../../support/listeners';

const globals = globalThis as Record<string, unknown>;
const saved = new Map<string, unknown>();

beforeEach(() => {
  for (const name of ['requestAnimationFrame', 'cancelAnimationFrame', 'Node', 'MutationObserver'])
    saved.set(name, globals[name]);
  // No frames in Node: a frame is the next turn of the event loop.
  globals.requestAnimationFrame = (fn: (t: number) => void) => setTimeout(() => fn(performance.now()), 0);
  globals.cancelAnimationFrame = (id: ReturnType<typeof setTimeout>) => clearTimeout(id);
});
const started: PageScanner[] = [];
afterEach(() => {
  for (const scanner of started.splice(0)) scanner.stop();
  for (const [name, value] of saved) globals[name] = value;
});

function page(html: string) {
  const { document, MutationObserver } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  globals.Node = { DOCUMENT_POSITION_FOLLOWING: 4 };
  globals.MutationObserver = MutationObserver;
  // linkedom has no layout: every element sits at the top of a zero-height viewport.
  const proto = Object.getPrototypeOf(document.body) as { getBoundingClientRect?: () => unknown };
  proto.getBoundingClientRect = () => ({ top: 0, bottom: 10, left: 0, right: 10, width: 10, height: 10 });
  // Nor does its Range take boundaries: the scanner's ranges (for marks and the card) are inert here.
  (document as unknown as { createRange: () => unknown }).createRange = () => ({
    setStart() {},
    setEnd() {},
  });
  return document as unknown as Document;
}

/** Cashtags only: enough to tell what was asked and what was settled. */
function cashtags(text: string): Match[] {
  return [...text.matchAll(/\$[A-Z]{2,6}\b/g)].map((m) => ({
    kind: 'ticker',
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
    symbol: m[0].slice(1),
    cashtag: true,
  }));
}

const until = async (ok: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

function start(doc: Document, detect: Detect): PageScanner {
  const scanner = new PageScanner(doc, detect, { highlight: false, roots: genericRoots });
  started.push(scanner);
  scanner.start();
  return scanner;
}

const texts = (scanner: PageScanner) => [...scanner.liveEntries()].map((e) => e.block.text);

describe('page scanner with background detection', () => {
  it('asks once for the new texts of a slice and settles their blocks with the answer', async () => {
    const doc = page('<p>gm $BTC</p><p>nothing here</p><p>and $ETH</p>');
    const asked: string[][] = [];
    const detect: Detect = async (batch) => {
      asked.push(batch);
      return batch.map(cashtags);
    };
    const scanner = start(doc, detect);
    await until(() => texts(scanner).length === 2);
    expect(asked).toEqual([['gm $BTC', 'nothing here', 'and $ETH']]);
    expect(texts(scanner)).toEqual(['gm $BTC', 'and $ETH']);

    // The same text again (a re-render, a repost) is answered from the cache; a new one is asked.
    doc.body.insertAdjacentHTML('beforeend', '<p>gm $BTC</p><p>new $SOL</p>');
    await until(() => texts(scanner).length === 4);
    expect(asked.slice(1)).toEqual([['new $SOL']]);
  });

  it('asks again, after a pause, for texts the background did not answer', async () => {
    const doc = page('<p>gm $BTC</p>');
    let calls = 0;
    const detect: Detect = async (batch) => {
      calls += 1;
      if (calls === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      return batch.map(cashtags);
    };
    const scanner = start(doc, detect);
    await until(() => texts(scanner).length === 1);
    expect(calls).toBe(2);
  });

  it('answers a whole-document scan in document order, asking for texts it has not read', async () => {
    const doc = page('<p>first $AAA</p><div>second $BBB <b>and $CCC</b></div>');
    const detect: Detect = async (batch) => batch.map(cashtags);
    const scanner = new PageScanner(doc, detect, { highlight: false, roots: genericRoots });
    const found = await scanner.scanDocument();
    expect(found.map((f) => f.match.text)).toEqual(['$AAA', '$BBB', '$CCC']);
  });

  it('gathers new texts for one request, and settles blocks with the answer of a whole-document scan', async () => {
    const doc = page('<p>first $AAA</p><p>second $BBB</p>');
    const asked: string[][] = [];
    const detect: Detect = async (batch) => {
      asked.push(batch);
      return batch.map(cashtags);
    };
    const scanner = start(doc, detect);
    // Read at once, asked for after a short gathering time: a scan asks first, and its answer serves.
    await new Promise((r) => setTimeout(r, 20));
    expect(asked).toEqual([]);
    const found = await scanner.scanDocument();
    expect(found.map((f) => f.match.text)).toEqual(['$AAA', '$BBB']);
    await until(() => texts(scanner).length === 2, 80);
    await new Promise((r) => setTimeout(r, 200));
    expect(asked).toEqual([['first $AAA', 'second $BBB']]);
    // Two page changes in quick succession: one request for both.
    doc.body.insertAdjacentHTML('beforeend', '<p>third $CCC</p>');
    await new Promise((r) => setTimeout(r, 20));
    doc.body.insertAdjacentHTML('beforeend', '<p>fourth $DDD</p>');
    await until(() => texts(scanner).length === 4);
    expect(asked.slice(1)).toEqual([['third $CCC', 'fourth $DDD']]);
  });

  it('settles every block of a page with more texts than its cache keeps', async () => {
    // 1,200 texts against a cache of 500. Every answer is held until all 1,200 were asked for, then
    // all arrive at once: 700 are pushed out of the cache before a slice can settle their blocks.
    const doc = page(
      Array.from({ length: 1200 }, (_, i) => `<p>post ${i} $T${String(i).padStart(4, '0')}</p>`).join(''),
    );
    let asked = 0;
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const detect: Detect = async (batch) => {
      asked += batch.length;
      await gate;
      return batch.map((text) =>
        [...text.matchAll(/\$T\d{4}/g)].map(
          (m) =>
            ({ ...cashtags('$BTC')[0], text: m[0], start: m.index, end: m.index + m[0].length }) as Match,
        ),
      );
    };
    const scanner = start(doc, detect);
    await until(() => asked === 1200, 5000);
    release();
    await until(() => texts(scanner).length === 1200, 5000);
    // The pushed-out ones were asked for again: more than the 1,200 texts there are.
    expect(asked).toBeGreaterThan(1200);
  });

  it('marks the posts of one page change together: a known text waits, briefly, for the answer to a new one', async () => {
    const doc = page('<p>known $BTC</p>');
    let release = () => {};
    const detect: Detect = async (batch) => {
      if (batch.some((t) => t.includes('new'))) await new Promise<void>((r) => (release = r));
      return batch.map(cashtags);
    };
    const near: string[] = [];
    const scanner = new PageScanner(doc, detect, {
      highlight: false,
      roots: genericRoots,
      onNear: (entry) => near.push(entry.block.text),
    });
    started.push(scanner);
    scanner.start();
    await until(() => near.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    // The page adds a post whose text is known and one whose text is new.
    doc.body.insertAdjacentHTML('beforeend', '<p>known $BTC</p><p>new $ETH</p>');
    await new Promise((r) => setTimeout(r, 100));
    expect(near).toEqual(['known $BTC']);
    // No answer yet: the known one is marked once the wait is over, the new one when it comes.
    await until(() => near.length === 2);
    release();
    await until(() => near.length === 3);
    expect(near).toEqual(['known $BTC', 'known $BTC', 'new $ETH']);
  });

  it('drops a block whose text changed while its answer was on the way', async () => {
    const doc = page('<p id="p">old $OLD</p>');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let asked = false;
    const detect: Detect = async (batch) => {
      if (batch.includes('old $OLD')) {
        asked = true;
        await gate;
      }
      return batch.map(cashtags);
    };
    const scanner = start(doc, detect);
    // The old text is asked for (once new texts have gathered), and its answer held back.
    await until(() => asked);
    (doc.getElementById('p') as Element).textContent = 'new $NEW';
    await until(() => texts(scanner).length === 1);
    release();
    await new Promise((r) => setTimeout(r, 50));
    expect(texts(scanner)).toEqual(['new $NEW']);
  });

  it('tells which text nodes hold some of a detection (where the pointer is worth a hit-test)', async () => {
    const doc = page('<p id="a">gm <b>$BTC</b> and <i>$E</i>TH</p><p id="b">nothing here</p>');
    const scanner = start(doc, async (batch) => batch.map(cashtags));
    await until(() => texts(scanner).length === 1);
    const a = doc.getElementById('a') as Element;
    const nodes = [...a.childNodes].flatMap((n) => (n.nodeType === 3 ? [n] : [...n.childNodes]));
    expect(nodes.map((n) => [n.textContent, scanner.holdsDetection(n)])).toEqual([
      ['gm ', false],
      ['$BTC', true],
      [' and ', false],
      // A detection across two text nodes: both hold some of it.
      ['$E', true],
      ['TH', true],
    ]);
    expect(scanner.holdsDetection((doc.getElementById('b') as Element).firstChild as Node)).toBe(false);
    expect(scanner.holdsDetection(a)).toBe(false);
  });

  it('keeps a detection that is not marked (an @handle naming no asset) from hover and hit-tests, not from the scan', async () => {
    const doc = page('<p id="a">gm <b>$BTC</b> <i>$ETH</i></p>');
    const scanner = new PageScanner(doc, async (batch) => batch.map(cashtags), {
      highlight: false,
      roots: genericRoots,
      marked: (m) => m.text !== '$ETH',
    });
    started.push(scanner);
    scanner.start();
    await until(() => texts(scanner).length === 1);
    const a = doc.getElementById('a') as Element;
    const btc = (a.querySelector('b') as Element).firstChild as Node;
    const eth = (a.querySelector('i') as Element).firstChild as Node;
    expect([scanner.holdsDetection(btc), scanner.holdsDetection(eth)]).toEqual([true, false]);
    expect(scanner.hitTest(btc, 1)?.match.text).toBe('$BTC');
    expect(scanner.hitTest(eth, 1)).toBeNull();
    expect((await scanner.scanDocument()).map((f) => f.match.text)).toEqual(['$BTC', '$ETH']);
  });
});

describe('the scroll listener', () => {
  it('listens for scrolling only while there is text to mark by range', async () => {
    const doc = page('<p>nothing here</p>');
    const listening = listenersOn(doc);
    const asked: string[][] = [];
    const scanner = start(doc, async (batch) => {
      asked.push(batch);
      return batch.map(cashtags);
    });
    await until(() => asked.length === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(listening).toEqual([]);

    doc.body.insertAdjacentHTML('beforeend', '<p>gm $BTC</p>');
    await until(() => texts(scanner).length === 1);
    expect(listening).toEqual(['scroll']);

    doc.querySelectorAll('p')[1]?.remove();
    await until(() => texts(scanner).length === 0);
    await until(() => listening.length === 0);

    doc.body.insertAdjacentHTML('beforeend', '<p>gm $ETH</p>');
    await until(() => listening.length === 1);
    scanner.stop();
    expect(listening).toEqual([]);
  });
});

describe('the marked window follows the viewport through its edges', () => {
  /** A stand-in for the browser's IntersectionObserver: records what is watched, reports on demand. */
  class FakeIntersections {
    static last: FakeIntersections | undefined;
    readonly watched = new Set<Element>();
    constructor(readonly report: (records: Array<{ target: Element; isIntersecting: boolean }>) => void) {
      FakeIntersections.last = this;
    }
    observe(el: Element) {
      this.watched.add(el);
    }
    unobserve(el: Element) {
      this.watched.delete(el);
    }
    disconnect() {
      this.watched.clear();
    }
  }

  /**
   * A laid-out page: `count` posts 50 px tall in a 100 px viewport, scrolled by `view.scrolled`,
   * scanned with the stand-in observer; `near` lists the posts as the window takes them in.
   */
  function laidOut(count: number) {
    saved.set('IntersectionObserver', globals.IntersectionObserver);
    globals.IntersectionObserver = FakeIntersections;
    const doc = page(
      Array.from({ length: count }, (_, i) => `<p data-y="${i * 50}">post ${i} $BTC</p>`).join(''),
    );
    const win = doc.defaultView as unknown as { innerHeight: number; Event: typeof Event };
    win.innerHeight = 100;
    const view = { scrolled: 0, rectsRead: 0 };
    const proto = Object.getPrototypeOf(doc.querySelector('p')) as { getBoundingClientRect?: unknown };
    proto.getBoundingClientRect = function (this: Element) {
      view.rectsRead++;
      const top = Number(this.getAttribute('data-y') ?? 0) - view.scrolled;
      return { top, bottom: top + 50, left: 0, right: 10, width: 10, height: 50 };
    };
    const near: string[] = [];
    const scanner = new PageScanner(doc, async (batch) => batch.map(cashtags), {
      highlight: false,
      roots: genericRoots,
      onNear: (entry) => near.push(entry.block.text),
    });
    started.push(scanner);
    scanner.start();
    const io = () => FakeIntersections.last as FakeIntersections;
    return {
      doc,
      view,
      near,
      io,
      watched: () => [...io().watched].map((el) => el.textContent),
      scroll: (to: number) => {
        view.scrolled = to;
        doc.dispatchEvent(new win.Event('scroll'));
      },
    };
  }

  it('watches the unmarked units next to the window, and moves the window when one nears', async () => {
    const { doc, view, near, io, watched, scroll } = laidOut(30);
    // Placed at the top: two viewports behind, ten ahead (to 1,100 px): posts 0–22 are in it.
    await until(() => near.length === 23);
    expect(watched()).toEqual(['post 23 $BTC']);
    // The reader scrolls within the window: two rects are read once the burst is over, nothing moves.
    const before = view.rectsRead;
    scroll(200);
    scroll(300);
    await new Promise((r) => setTimeout(r, 250));
    expect(view.rectsRead - before).toBeLessThanOrEqual(2);
    expect(near).toHaveLength(23);
    // Further on, the browser reports the edge near the viewport: the window moves to it.
    view.scrolled = 1000;
    io().report([{ target: doc.querySelectorAll('p')[23] as Element, isIntersecting: true }]);
    await until(() => near.length === 30);
    expect(near.slice(23)).toEqual(Array.from({ length: 7 }, (_, i) => `post ${23 + i} $BTC`));
    // The window now starts two viewports above the viewport (post 15, at 750–800 px), with nothing
    // after it: the one edge to watch is the post just above it.
    expect(watched()).toEqual(['post 14 $BTC']);
  });

  it('moves the window when the reader jumps past an edge without nearing it', async () => {
    const { near, watched, scroll } = laidOut(60);
    await until(() => near.length === 23);
    await new Promise((r) => setTimeout(r, 300));
    // End: straight to the bottom of the page; the edge (post 23) never came near.
    scroll(2900);
    await until(() => near.includes('post 59 $BTC'));
    // The window placed around the new viewport, from two viewports above it: posts 53 to 59.
    expect(near.slice(23)).toEqual(Array.from({ length: 7 }, (_, i) => `post ${53 + i} $BTC`));
    expect(watched()).toEqual(['post 52 $BTC']);
  });
});
