import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { xTimelinePage } from '../../../demo/pages';
import { realPosts, writtenPosts } from '../../../demo/posts';
import '../../support/linkedom-order';
import { genericRoots } from '../../../entrypoints/content/sites/generic';
import { X_CANARY_GRACE_MS, xRoots } from '../../../entrypoints/content/sites/x';
import { collectBlocks, type TextBlock } from '../../../entrypoints/content/text-blocks';
import { X, X_TEXT_ROOTS } from '../../../entrypoints/content/x-selectors';
import { decodeSymbols, detectorData, encodeSymbols } from '../../../utils/registry/detect-data';

describe('front-coded symbol set', () => {
  it('round-trips sorted, deduplicated symbols, shared prefixes included', () => {
    const symbols = ['BTC', 'BTC.B', 'BTCB', 'A', '1INCH', 'BRK-B', 'BTC', 'ETH', 'ETHFI', 'E'];
    const encoded = encodeSymbols(symbols);
    expect(decodeSymbols(encoded)).toEqual([...new Set(symbols)].sort());
    expect(encoded.length).toBeLessThan(symbols.join(' ').length);
  });

  it('decodes symbols that each extend the one before', () => {
    expect(decodeSymbols(encodeSymbols(['AB', 'ABC', 'ABCD']))).toEqual(['AB', 'ABC', 'ABCD']);
  });

  it('refuses a symbol with a character the encoding reserves', () => {
    expect(() => encodeSymbols(['btc'])).toThrow(/reserves/);
  });

  it('decodes the bundled set', () => {
    const { symbols } = detectorData();
    expect(symbols.size).toBeGreaterThan(3000);
    for (const s of symbols) expect(s).toMatch(/^[A-Z0-9.-]+$/);
  });
});

describe('text blocks walk', () => {
  const doc = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;

  it('skips skipped elements inside a text container, and reads a container nested in a block whole', () => {
    const d = doc(
      '<div>head<div data-testid="tweetText"><span>$BTC </span><svg><text>$NO</text></svg><div><span>@a</span></div></div></div>',
    );
    expect(collectBlocks(d.body).map((b) => b.text)).toEqual(['head', '$BTC @a']);
  });

  it('reads nothing under a root that sits inside a skipped element', () => {
    const d = doc('<div contenteditable="true"><p id="x">$ETH</p></div>');
    const p = d.getElementById('x');
    expect(p && collectBlocks(p)).toEqual([]);
  });
});

/** Everything a block holds, its text nodes' places included. */
const shape = (b: TextBlock) => ({
  el: b.el,
  text: b.text,
  nodes: b.nodes,
  starts: b.starts,
  order: b.order,
});

describe('block roots (what the scanner reads)', () => {
  const page = parseHTML(xTimelinePage([...writtenPosts, ...realPosts])).document;

  it("finds X's text roots in each timeline cell", () => {
    const cells = [...page.querySelectorAll(X.cell)];
    expect(cells.length).toBeGreaterThan(10);
    const roots = xRoots(page as unknown as Document, () => undefined);
    for (const cell of cells) {
      const found = roots(cell) as Element[];
      expect(found.map((r) => r.getAttribute('data-testid'))).toEqual(
        expect.arrayContaining(['User-Name', 'tweetText']),
      );
      expect(found).toEqual([...cell.querySelectorAll(X_TEXT_ROOTS)]);
    }
  });

  it('finds the roots of a whole page, quoted posts included, in document order', () => {
    const roots = xRoots(page as unknown as Document, () => undefined);
    const all = roots(page.body as unknown as Node);
    expect(all.length).toBeGreaterThan(20);
    expect(all).toEqual([...page.body.querySelectorAll(X_TEXT_ROOTS)]);
    // A post quoting another: the two posts' names and texts interleave.
    const d = parseHTML(
      '<!doctype html><html><body><div id="cell"><div data-testid="User-Name">a</div><div data-testid="tweetText">b</div><div><div data-testid="User-Name">c</div><div data-testid="tweetText">d</div></div><div data-testid="UserCell">e<div data-testid="UserDescription">f</div></div></div></body></html>',
    ).document;
    const cell = d.getElementById('cell') as unknown as Node;
    expect(xRoots(d as unknown as Document, () => undefined)(cell).map((r) => r.textContent)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'ef',
      'f',
    ]);
  });

  it("reads a block root from itself alone: the same blocks, and none of its ancestors' attributes", () => {
    const roots = xRoots(page as unknown as Document, () => undefined);
    const all = roots(page.body as unknown as Node) as Element[];
    expect(all.length).toBeGreaterThan(20);
    for (const root of all) {
      const full = collectBlocks(root).map(shape);
      // Its ancestors are never looked at: a block root needs no closest() walk up X's 30 levels.
      const closest = root.closest;
      root.closest = () => {
        throw new Error('looked up the ancestors');
      };
      expect(collectBlocks(root, undefined, true).map(shape)).toEqual(full);
      root.closest = closest;
    }
    // The generic path's roots too: a container, a plain block, the body.
    const d = parseHTML(
      '<!doctype html><html><body><div>head<div data-testid="tweetText"><span>$BTC </span><div><span>@a</span></div></div><p>Bitcoin</p></div></body></html>',
    ).document;
    const text = d.querySelector('[data-testid="tweetText"]');
    const p = d.querySelector('p');
    expect(genericRoots(text?.querySelector('span')?.firstChild as Node)).toEqual([text]);
    expect(genericRoots(p?.firstChild as Node)).toEqual([p]);
    for (const root of [text, p, d.body]) {
      if (!root) throw new Error('missing');
      expect(collectBlocks(root, undefined, true).map(shape)).toEqual(collectBlocks(root).map(shape));
    }
  });

  it('reads tricky block roots as the walk from their context does, node for node', () => {
    const d = parseHTML(
      `<!doctype html><html><body>${[
        // A post's text with an emoji image and a mention in an inline-flex div: one block.
        '<div data-testid="tweetText"><span>gm </span><img alt="🚀"><div><span><a href="/a">@a</a></span></div><span> $BTC</span></div>',
        // Skipped elements holding text, in a container and in a block: left out, by the walk.
        '<div data-testid="tweetText"><span>$ETH </span><button>Show $NO</button><svg><text>$NO2</text></svg></div>',
        '<div data-testid="User-Name"><span>Bitcoin</span><code>$NO</code></div>',
        // A name line: blocks nested in a block, text around them, a badge with no text.
        '<div data-testid="User-Name">lead<div><span>Bitcoin Mag</span><svg><path d="M0"></path></svg></div><div><a href="/b">@<span>BitcoinMag</span></a></div>tail<div>·<time>1h</time></div></div>',
        // A text container inside a block root: the container takes its text whole.
        '<div data-testid="UserCell">name<div data-testid="UserDescription"><div>$SOL</div> bio</div></div>',
        // Editable text inside: never read.
        '<div data-testid="tweetText"><span contenteditable="true">$NO</span><span>$TAO</span></div>',
      ].join('')}</body></html>`,
    ).document;
    const texts: string[][] = [];
    for (const root of d.body.children) {
      const own = collectBlocks(root, undefined, true);
      expect(own.map(shape)).toEqual(collectBlocks(root).map(shape));
      texts.push(own.map((b) => b.text));
    }
    expect(texts).toEqual([
      ['gm @a $BTC'],
      ['$ETH '],
      ['Bitcoin'],
      ['leadtail', 'Bitcoin Mag', '@BitcoinMag', '·1h'],
      ['name', '$SOL bio'],
      ['$TAO'],
    ]);
  });
});

describe('X roots before the posts come', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const frame = () =>
    parseHTML(
      '<!doctype html><html><body><aside id="trends"><p>Trending: Ethereum and Solana</p></aside><main id="main"></main></body></html>',
    ).document;

  it("reads nothing but X's roots while the posts load, and never falls back once they came", () => {
    vi.useFakeTimers();
    const d = frame();
    const warn = vi.fn();
    const fallBack = vi.fn();
    const roots = xRoots(d as unknown as Document, warn, fallBack);
    expect(roots(d.getElementById('trends') as unknown as Node)).toEqual([]);
    // The posts come within the grace period.
    const main = d.getElementById('main');
    main?.insertAdjacentHTML('beforeend', '<div data-testid="tweetText">gm $BTC</div>');
    vi.advanceTimersByTime(X_CANARY_GRACE_MS + 1);
    expect(fallBack).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    expect(roots(d.getElementById('trends') as unknown as Node)).toEqual([]);
    expect((roots(main as unknown as Node) as Element[]).map((r) => r.textContent)).toEqual(['gm $BTC']);
    // X then shows a page without posts (settings, messages), for long: still no falling back.
    main?.replaceChildren();
    vi.advanceTimersByTime(1000);
    expect(roots(d.getElementById('trends') as unknown as Node)).toEqual([]);
    vi.advanceTimersByTime(X_CANARY_GRACE_MS * 2);
    expect(roots(d.getElementById('trends') as unknown as Node)).toEqual([]);
    expect(fallBack).not.toHaveBeenCalled();
  });

  it('never falls back once a post was read, even if X then shows a page without any', () => {
    vi.useFakeTimers();
    const d = frame();
    const fallBack = vi.fn();
    const roots = xRoots(d as unknown as Document, () => undefined, fallBack);
    // The frame first (the grace timer starts), then a post, read through its own root only.
    expect(roots(d.getElementById('trends') as unknown as Node)).toEqual([]);
    const main = d.getElementById('main');
    main?.insertAdjacentHTML('beforeend', '<div data-testid="tweetText">gm $BTC</div>');
    expect((roots(main?.firstElementChild as unknown as Node) as Element[]).length).toBe(1);
    // Another page of X, without posts, when the grace period ends.
    main?.replaceChildren();
    vi.advanceTimersByTime(X_CANARY_GRACE_MS + 1);
    expect(fallBack).not.toHaveBeenCalled();
    expect(roots(d.getElementById('trends') as unknown as Node)).toEqual([]);
  });

  it('falls back to reading all text when no post came in the grace period, once, and for good', () => {
    vi.useFakeTimers();
    const d = frame();
    const warn = vi.fn();
    const fallBack = vi.fn();
    const roots = xRoots(d as unknown as Document, warn, fallBack);
    const trends = d.getElementById('trends') as unknown as Node;
    expect(roots(trends)).toEqual([]);
    expect(roots(trends)).toEqual([]);
    vi.advanceTimersByTime(X_CANARY_GRACE_MS + 1);
    expect(fallBack).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect((roots(trends) as Element[]).map((r) => r.textContent)).toEqual(['Trending: Ethereum and Solana']);
    // Posts that come later are read by the same path, so marks and the scan message agree.
    d.getElementById('main')?.insertAdjacentHTML('beforeend', '<div data-testid="tweetText">gm $BTC</div>');
    expect(roots(d.body as unknown as Node)).toEqual(genericRoots(d.body as unknown as Node));
    vi.advanceTimersByTime(X_CANARY_GRACE_MS * 2);
    expect(fallBack).toHaveBeenCalledTimes(1);
  });
});
