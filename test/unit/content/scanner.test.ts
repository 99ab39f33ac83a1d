/**
 * The scanner's side of background detection, on linkedom: new texts are asked for in one request
 * per slice, blocks are settled when the answer arrives, a text seen before costs no request, and a
 * refused request is asked again. (Marks, the window around the viewport and hover run in Chromium:
 * test/browser.)
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { genericRoots } from '../../../entrypoints/content/roots';
import { type Detect, PageScanner } from '../../../entrypoints/content/scanner';
import type { Match } from '../../../utils/detect';

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

  it('drops a block whose text changed while its answer was on the way', async () => {
    const doc = page('<p id="p">old $OLD</p>');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const detect: Detect = async (batch) => {
      if (batch.includes('old $OLD')) await gate;
      return batch.map(cashtags);
    };
    const scanner = start(doc, detect);
    await new Promise((r) => setTimeout(r, 50));
    (doc.getElementById('p') as Element).textContent = 'new $NEW';
    await until(() => texts(scanner).length === 1);
    release();
    await new Promise((r) => setTimeout(r, 50));
    expect(texts(scanner)).toEqual(['new $NEW']);
  });
});
