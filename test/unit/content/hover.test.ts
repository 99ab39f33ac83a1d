/**
 * The hover controller on linkedom: scrolling closes an open card, and no scroll listener is on
 * while no card is open or pending (a timeline fires scroll events every frame); the pointer is
 * hit-tested only over text that holds a detection. Hover intent and hit-testing by layout run in
 * Chromium (test/browser/card.test.ts).
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverController, type HoverTarget } from '../../../entrypoints/content/hover';
import type { PageScanner } from '../../../entrypoints/content/scanner';
import { listenersOn } from '../../support/listeners';

// No frames in Node (the pointer's hit-test waits for one; disposing cancels it).
beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, 0));
  vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function setUp() {
  const { document, window, Event } = parseHTML('<!doctype html><html><body><p>$BTC</p></body></html>');
  const listening = listenersOn(window as unknown as EventTarget);
  const calls: string[] = [];
  const hover = new HoverController(document as unknown as Document, {} as PageScanner, {
    open: () => calls.push('open'),
    close: () => calls.push('close'),
    isInsideCard: () => false,
  });
  const target = { match: { kind: 'ticker', text: '$BTC', start: 0, end: 4 } } as unknown as HoverTarget;
  const scroll = () => window.dispatchEvent(new Event('scroll'));
  return { hover, target, listening, calls, scroll };
}

describe('HoverController and scrolling', () => {
  it('listens for scrolling only while a card is open', () => {
    const { hover, target, listening, calls, scroll } = setUp();
    expect(listening).toEqual([]);
    scroll();
    expect(calls).toEqual([]);

    hover.openNow(target);
    expect(listening).toEqual(['scroll']);
    expect(hover.currentTarget).toBe(target);

    scroll();
    expect(calls).toEqual(['open', 'close']);
    expect(hover.currentTarget).toBeNull();
    expect(listening).toEqual([]);
    scroll();
    expect(calls).toEqual(['open', 'close']);
  });

  it('stops listening when the card closes another way, and when disposed', () => {
    const { hover, target, listening } = setUp();
    hover.openNow(target);
    hover.onKeyDown({ key: 'Escape' } as KeyboardEvent);
    expect(hover.currentTarget).toBeNull();
    expect(listening).toEqual([]);

    hover.openNow(target);
    hover.openNow(target);
    expect(listening).toEqual(['scroll']);
    hover.dispose();
    expect(listening).toEqual([]);
  });
});

/**
 * A hover controller on a linkedom page whose scanner says which text nodes hold a detection (and
 * finds none under the caret): which listeners it has on the document, and where it looked up the
 * caret (the pointer's x).
 */
function pointerSetUp(document: unknown, holds: (n: Node) => boolean) {
  const listening = listenersOn(document as EventTarget);
  const scanner = { holdsDetection: holds, hitTest: () => null } as unknown as PageScanner;
  const hover = new HoverController(document as Document, scanner, {
    open: () => undefined,
    close: () => undefined,
    isInsideCard: () => false,
  });
  const probed: string[] = [];
  (document as { caretPositionFromPoint: unknown }).caretPositionFromPoint = (x: number) => {
    probed.push(String(x));
    return null;
  };
  return { hover, listening, probed };
}

describe('HoverController and the pointer', () => {
  it("follows and hit-tests the pointer only over an element holding some of a detection's text", async () => {
    const { document } = parseHTML(
      '<!doctype html><html><body><p id="post">gm <b id="tag">$BTC</b></p><img id="pic"><div id="bar"><span id="reply">Reply</span></div></body></html>',
    );
    const tag = document.getElementById('tag') as unknown as Element;
    const held = tag.firstChild as unknown as Node;
    const { hover, listening, probed } = pointerSetUp(document, (n) => n === held);
    const frame = () => new Promise((r) => setTimeout(r, 5));
    // The pointer enters an element (`mouseover`, always heard).
    const enter = async (id: string, x: number) => {
      hover.onPointerOver({
        isTrusted: true,
        clientX: x,
        clientY: 1,
        target: document.getElementById(id),
      } as unknown as MouseEvent);
      await frame();
    };
    // A picture, a button's label, the text around the detection: no caret lookup, no layout read,
    // and its moves are not followed.
    await enter('pic', 1);
    await enter('reply', 2);
    await enter('bar', 3);
    await enter('post', 4);
    expect(probed).toEqual([]);
    expect(listening).toEqual([]);
    // The element holding the detection's text: hit-tested, and followed move by move.
    await enter('tag', 5);
    expect(probed).toEqual(['5']);
    expect(listening).toEqual(['mousemove']);
    // Moves within one frame: one hit-test, where the pointer ended.
    hover.onPointerMove({ isTrusted: true, clientX: 6, clientY: 1, target: tag } as unknown as MouseEvent);
    hover.onPointerMove({ isTrusted: true, clientX: 7, clientY: 1, target: tag } as unknown as MouseEvent);
    await frame();
    expect(probed).toEqual(['5', '7']);
    // Out again: no longer followed.
    await enter('bar', 8);
    expect(probed).toEqual(['5', '7']);
    expect(listening).toEqual([]);
    // Followed while a card is open, wherever the pointer is (it may be on its way to the card).
    hover.openNow({ match: { kind: 'ticker', text: '$BTC', start: 3, end: 7 } } as unknown as HoverTarget);
    expect(listening).toEqual(['mousemove']);
    hover.dispose();
    expect(listening).toEqual([]);
  });

  it('follows the pointer once the text it is over comes to hold a detection, and stops when it no longer does', async () => {
    const { document } = parseHTML('<!doctype html><html><body><p id="post">gm $BTC</p></body></html>');
    const post = document.getElementById('post') as unknown as Element;
    let marked = false;
    const { hover, listening } = pointerSetUp(document, (n) => marked && n === post.firstChild);
    hover.onPointerOver({ isTrusted: true, clientX: 1, clientY: 1, target: post } as unknown as MouseEvent);
    await new Promise((r) => setTimeout(r, 5));
    expect(listening).toEqual([]);
    // Its detection settles while the pointer rests on the post: its moves are followed from now on.
    marked = true;
    hover.refresh();
    expect(listening).toEqual(['mousemove']);
    hover.refresh();
    expect(listening).toEqual(['mousemove']);
    // The post is gone from the scanner (its cell unmounted): no longer.
    marked = false;
    hover.refresh();
    expect(listening).toEqual([]);
    hover.dispose();
  });

  it('opens nothing for a word the pointer crossed on its way into the open card', async () => {
    const { document } = parseHTML(
      '<!doctype html><html><body><p id="post">gm <b id="word">$ETH</b></p><div id="card">card</div></body></html>',
    );
    const word = document.getElementById('word') as unknown as Element;
    const card = document.getElementById('card') as unknown as Element;
    const eth = { kind: 'ticker', text: '$ETH', start: 3, end: 7 };
    const range = { getClientRects: () => [{ left: 0, right: 100, top: 0, bottom: 100 }] };
    const scanner = {
      holdsDetection: (n: Node) => n === word.firstChild,
      hitTest: (node: Node) => (node === word.firstChild ? { entry: {}, match: eth } : null),
      rangeOf: () => range,
    } as unknown as PageScanner;
    (document as unknown as { caretPositionFromPoint: unknown }).caretPositionFromPoint = () => ({
      offsetNode: word.firstChild,
      offset: 1,
    });
    const opened: string[] = [];
    const hover = new HoverController(document as unknown as Document, scanner, {
      open: (t) => opened.push(t.match.text),
      close: () => opened.push('closed'),
      isInsideCard: (n) => n === card,
    });
    hover.openNow({ match: { kind: 'ticker', text: '$BTC', start: 0, end: 4 } } as unknown as HoverTarget);
    const move = async (target: Element) => {
      hover.onPointerMove({ isTrusted: true, clientX: 5, clientY: 5, target } as unknown as MouseEvent);
      await new Promise((r) => setTimeout(r, 5));
    };
    await move(word);
    await move(card);
    // Longer than hover intent and the close delay.
    await new Promise((r) => setTimeout(r, 400));
    expect(opened).toEqual(['$BTC']);
    // Resting on the word does open its card.
    await move(word);
    await new Promise((r) => setTimeout(r, 200));
    expect(opened).toEqual(['$BTC', '$ETH']);
    hover.dispose();
  });
});
