/**
 * The hover controller's scroll listener, on linkedom: scrolling closes an open card, and no
 * listener is on while no card is open or pending (a timeline fires scroll events every frame).
 * Hover intent and hit-testing by layout run in Chromium (test/browser/card.test.ts).
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
