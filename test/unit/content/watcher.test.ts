/**
 * The page watcher: what it queues from the page's changes, what it tells the scanner to do, and
 * what it hands out to read. The MutationObserver is stood in for so each test gives the records a
 * browser gives for one change (hand-written, in the shape of the DOM standard's MutationRecord);
 * the nodes are linkedom's. The scanner's tests run it with linkedom's own observer.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageWatcher } from '../../../entrypoints/content/watcher';

type RecordLike = {
  type: 'childList' | 'characterData' | 'attributes';
  target: Node;
  addedNodes?: Node[];
  removedNodes?: Node[];
};

class FakeObserver {
  static last: FakeObserver | undefined;
  observed: Array<[Node, unknown]> = [];
  disconnected = false;
  constructor(readonly callback: (records: unknown[]) => void) {
    FakeObserver.last = this;
  }
  observe(node: Node, options: unknown) {
    this.observed.push([node, options]);
  }
  disconnect() {
    this.disconnected = true;
  }
  /** The browser delivers one change's records. */
  deliver(records: RecordLike[]) {
    this.callback(records.map((r) => ({ addedNodes: [], removedNodes: [], ...r })));
  }
}

beforeEach(() => {
  vi.stubGlobal('MutationObserver', FakeObserver);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function setUp(html = '<main id="main"><p id="a">gm $BTC</p><p id="b">and $ETH</p></main>') {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const doc = document as unknown as Document;
  const work: boolean[] = [];
  const removed: Element[] = [];
  const watcher = new PageWatcher(doc.body, {
    onWork: (queued) => work.push(queued),
    onRemoved: (el) => removed.push(el),
  });
  const $ = (id: string) => doc.getElementById(id) as Element;
  const observer = () => FakeObserver.last as FakeObserver;
  /** Everything there is to read now, each node as its own root. */
  const drain = () => {
    const out: string[] = [];
    for (let root = watcher.nextRoot((n) => [n]); root; root = watcher.nextRoot((n) => [n]))
      out.push((root as Element).id || root.nodeName);
    return out;
  };
  return { doc, watcher, work, removed, $, observer, drain };
}

/** Started, with the first reading of the page done and forgotten. */
function started(html?: string) {
  const set = setUp(html);
  set.watcher.start();
  set.drain();
  set.work.length = 0;
  return set;
}

describe('PageWatcher', () => {
  it('queues the whole page at start, and watches it for changes and editability', () => {
    const { doc, watcher, work, observer, drain } = setUp();
    expect(watcher.pending).toBe(false);
    watcher.start();
    expect(work).toEqual([true]);
    expect(watcher.pending).toBe(true);
    expect(observer().observed).toEqual([
      [
        doc.body,
        {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
          attributeFilter: ['contenteditable'],
        },
      ],
    ]);
    expect(drain()).toEqual(['BODY']);
    expect(watcher.pending).toBe(false);
  });

  it("hands out a node's roots one at a time, the queued roots before the next node", () => {
    const { watcher, $ } = setUp();
    watcher.queue($('main'));
    watcher.queue($('b'));
    const roots = (n: Node) => ((n as Element).id === 'main' ? [$('a'), $('b')] : [n]);
    const asked: string[] = [];
    const next = () => {
      const root = watcher.nextRoot((n) => {
        asked.push((n as Element).id);
        return roots(n);
      });
      return root && (root as Element).id;
    };
    expect(next()).toBe('a');
    expect(asked).toEqual(['main']);
    expect(watcher.pending).toBe(true);
    expect(next()).toBe('b');
    expect(asked).toEqual(['main']);
    // `b` was queued too: read once until the page changes.
    expect(next()).toBeUndefined();
    expect(asked).toEqual(['main', 'b']);
    expect(watcher.pending).toBe(false);
  });

  it("counts a node's roots not read yet as work pending", () => {
    const { watcher, $ } = setUp();
    watcher.queue($('main'));
    const roots = () => [$('a'), $('b')];
    expect(watcher.nextRoot(roots)).toBe($('a'));
    // The node is taken from the queue; its second root is still to read.
    expect(watcher.pending).toBe(true);
    expect(watcher.nextRoot(roots)).toBe($('b'));
    expect(watcher.pending).toBe(false);
  });

  it('reads a root again once the page changed since it was read', () => {
    const { watcher, $, observer, drain } = setUp();
    watcher.start();
    drain();
    watcher.queue($('a'));
    expect(drain()).toEqual(['a']);
    watcher.queue($('a'));
    expect(drain()).toEqual([]);
    observer().deliver([]);
    watcher.queue($('a'));
    expect(drain()).toEqual(['a']);
  });

  it('skips a queued node the page took out before it was read', () => {
    const { watcher, $, drain } = setUp();
    const a = $('a');
    watcher.queue(a);
    a.remove();
    const rootsOf = vi.fn((n: Node) => [n]);
    expect(watcher.nextRoot(rootsOf)).toBeUndefined();
    expect(rootsOf).not.toHaveBeenCalled();
    expect(drain()).toEqual([]);
  });

  it('queues added nodes and changed text, and tells the scanner there is reading to do', () => {
    const { doc, watcher, work, removed, $, observer, drain } = started();
    const added = doc.createElement('p');
    added.id = 'new';
    $('main').append(added);
    const text = $('a').firstChild as Node;
    observer().deliver([
      { type: 'childList', target: $('main'), addedNodes: [added] },
      { type: 'characterData', target: text },
    ]);
    expect(work).toEqual([true, true]);
    expect(removed).toEqual([]);
    expect(watcher.takeSweep()).toBe(false);
    expect(drain()).toEqual(['new', '#text']);
  });

  it('sweeps after an element went, telling who holds it, and reads the block again when it was inline', () => {
    const { doc, watcher, work, removed, $, observer, drain } = started();
    const link = doc.createElement('a');
    observer().deliver([{ type: 'childList', target: $('a'), removedNodes: [link] }]);
    expect(removed).toEqual([link]);
    expect(work).toEqual([true, false]);
    expect(drain()).toEqual(['a']);
    expect(watcher.takeSweep()).toBe(true);
    // Taken: the next sweep is due only after another element goes.
    expect(watcher.takeSweep()).toBe(false);
  });

  it('sweeps, without reading anything again, when whole blocks went (X recycling cells)', () => {
    const { doc, watcher, work, removed, $, observer, drain } = started();
    const cell = doc.createElement('div');
    const post = doc.createElement('p');
    observer().deliver([{ type: 'childList', target: $('main'), removedNodes: [cell, post] }]);
    expect(removed).toEqual([cell, post]);
    expect(work).toEqual([false]);
    expect(drain()).toEqual([]);
    expect(watcher.takeSweep()).toBe(true);
  });

  it('reads the block again, with no sweep, when only text went from it', () => {
    const { doc, watcher, work, removed, $, observer, drain } = started();
    observer().deliver([{ type: 'childList', target: $('b'), removedNodes: [doc.createTextNode('old')] }]);
    expect(removed).toEqual([]);
    expect(work).toEqual([true]);
    expect(watcher.takeSweep()).toBe(false);
    expect(drain()).toEqual(['b']);
  });

  it('reads nothing again when only a comment went', () => {
    const { doc, watcher, work, $, observer } = setUp();
    watcher.start();
    work.length = 0;
    observer().deliver([{ type: 'childList', target: $('b'), removedNodes: [doc.createComment('x')] }]);
    expect(work).toEqual([]);
    expect(watcher.takeSweep()).toBe(false);
  });

  it('hands out the elements whose editability changed, once, with one call for the change', () => {
    const { watcher, work, $, observer } = setUp();
    watcher.start();
    work.length = 0;
    observer().deliver([
      { type: 'attributes', target: $('a') },
      { type: 'attributes', target: $('b') },
      { type: 'attributes', target: $('a') },
    ]);
    expect(work).toEqual([false]);
    expect(watcher.takeEditability()).toEqual([$('a'), $('b')]);
    expect(watcher.takeEditability()).toEqual([]);
    expect(watcher.takeSweep()).toBe(false);
  });

  it('works without anyone holding removed elements', () => {
    const { document } = parseHTML('<!doctype html><html><body><p>x</p></body></html>');
    const work: boolean[] = [];
    const watcher = new PageWatcher(document.body as unknown as Node, { onWork: (q) => work.push(q) });
    watcher.start();
    (FakeObserver.last as FakeObserver).deliver([
      {
        type: 'childList',
        target: document.body as unknown as Node,
        removedNodes: [document.createElement('p') as unknown as Node],
      },
    ]);
    expect(work).toEqual([true, false]);
    expect(watcher.takeSweep()).toBe(true);
  });

  it('stops: lets the observer go, forgets what was queued, and queues nothing more', () => {
    const { watcher, work, $, observer, drain } = setUp();
    watcher.start();
    observer().deliver([{ type: 'attributes', target: $('a') }]);
    watcher.queue($('a'));
    watcher.stop();
    expect(observer().disconnected).toBe(true);
    expect(watcher.pending).toBe(false);
    expect(watcher.takeEditability()).toEqual([]);
    work.length = 0;
    watcher.queue($('b'));
    expect(work).toEqual([]);
    expect(watcher.pending).toBe(false);
    expect(drain()).toEqual([]);
  });

  it('stops before it started without complaint', () => {
    const { watcher } = setUp();
    expect(() => watcher.stop()).not.toThrow();
  });
});
