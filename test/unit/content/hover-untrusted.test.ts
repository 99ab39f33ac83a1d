/**
 * The hover controller hears only the reader's pointer: mouse events a page's script dispatches
 * (`isTrusted` false) are not hit-tested, not followed and open no card, over the very text a
 * trusted pointer would open a card for. On linkedom, with a scanner stand-in that says which text
 * holds a detection and what the caret is over.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverController } from '../../../entrypoints/content/hover';
import type { PageScanner } from '../../../entrypoints/content/scanner';
import { listenersOn } from '../../support/listeners';

beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, 0));
  vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function setUp() {
  const { document } = parseHTML(
    '<!doctype html><html><body><p id="post">gm <b id="word">$ETH</b></p></body></html>',
  );
  const word = document.getElementById('word') as unknown as Element;
  const eth = { kind: 'ticker', text: '$ETH', start: 3, end: 7 };
  const range = { getClientRects: () => [{ left: 0, right: 100, top: 0, bottom: 100 }] };
  const scanner = {
    holdsDetection: (n: Node) => n === word.firstChild,
    hitTest: (node: Node) => (node === word.firstChild ? { entry: {}, match: eth } : null),
    rangeOf: () => range,
  } as unknown as PageScanner;
  const probed: number[] = [];
  (document as unknown as { caretPositionFromPoint: unknown }).caretPositionFromPoint = (x: number) => {
    probed.push(x);
    return { offsetNode: word.firstChild, offset: 1 };
  };
  const listening = listenersOn(document as unknown as EventTarget);
  const opened: string[] = [];
  const hover = new HoverController(document as unknown as Document, scanner, {
    open: (t) => opened.push(t.match.text),
    close: () => opened.push('closed'),
    isInsideCard: () => false,
  });
  const event = (isTrusted: boolean, x: number) =>
    ({ isTrusted, clientX: x, clientY: 5, target: word }) as unknown as MouseEvent;
  return { hover, probed, listening, opened, event };
}

/** Past the frame the hit-test waits for and the hover intent. */
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('HoverController and events a page dispatched', () => {
  it('neither hit-tests nor follows nor opens for an untrusted mouseover or mousemove', async () => {
    const { hover, probed, listening, opened, event } = setUp();
    hover.onPointerOver(event(false, 1));
    hover.onPointerMove(event(false, 2));
    await settle();
    expect(probed).toEqual([]);
    expect(listening).toEqual([]);
    expect(opened).toEqual([]);
    // The reader's own pointer on the same word: looked up, followed, and its card opens.
    hover.onPointerOver(event(true, 3));
    await settle();
    expect(probed).toEqual([3]);
    expect(listening).toEqual(['mousemove']);
    expect(opened).toEqual(['$ETH']);
    hover.dispose();
  });

  it('ignores untrusted moves while it follows the reader’s pointer', async () => {
    const { hover, probed, event } = setUp();
    hover.onPointerOver(event(true, 3));
    await settle();
    hover.onPointerMove(event(false, 9));
    await settle();
    expect(probed).toEqual([3]);
    hover.onPointerMove(event(true, 4));
    await settle();
    expect(probed).toEqual([3, 4]);
    hover.dispose();
  });
});
