/**
 * X (Twitter): only the text roots of the X selectors module are read (posts, user names, bios):
 * X's timeline markup is hundreds of elements per post, almost none of them text. When its markup
 * stops matching, the generic path reads every block of text (`xRoots`). Marks inside X's
 * positioned timeline cells are painted by the cell (painted-marks.ts), X's cashtag links are
 * marked by a stylesheet rule, and a post is quoted whole.
 */
import { xLinkMarkCss } from '../card-style';
import {
  X,
  X_CANARY,
  X_LINK_MARKS,
  X_MATCHES_HOST,
  X_TEXT_ROOT_SELECTORS,
  X_TEXT_ROOTS,
} from '../x-selectors';
import { genericRoots } from './generic';
import type { RootsOf, SiteAdapter } from './site';

/**
 * How long X may take to show its first post before its markup is taken to have changed (the
 * canary selector matching nothing), in ms. X renders the page's frame (sidebar, trends) before its
 * posts, often seconds before on a slow connection.
 */
export const X_CANARY_GRACE_MS = 8000;

/**
 * X's roots: the text roots inside the node, or the one around it (X never renders them inside its
 * composer, `tweetTextarea_*`, or inside one another's text). Falls back to the generic path, with
 * one warning, when no post ever matched the canary selector X_CANARY_GRACE_MS after the script began
 * (a node added before then and holding no X root is left unread, not read generically: posts
 * usually come, and only their roots are read on X). `fallBack` is then called once, to have
 * what was left unread read again, generically; the generic path stays, posts or not.
 */
export function xRoots(
  doc: Document,
  warn: (message: string) => void = console.warn,
  fallBack: () => void = () => undefined,
): RootsOf {
  let warned = false;
  let canarySeen = false;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let generic = false;
  let waiting = false;
  /** Whether a post was ever on the page: then the selectors work, and there is no falling back. */
  let postsSeen = false;
  /** Posts did not come: X's markup changed. The generic path from now on, and for what was left. */
  const giveUp = () => {
    if (generic) return;
    generic = true;
    if (!warned) {
      warned = true;
      warn(`Tickerlens: the X selector ${X_CANARY} matches nothing on this page; reading all text instead.`);
    }
    fallBack();
  };
  /** Whether X's post markup is on the page; looked up at most twice a second. */
  const xMarkupPresent = (): boolean => {
    const now = performance.now();
    if (now - checkedAt > 500) {
      checkedAt = now;
      canarySeen = doc.querySelector(X_CANARY) !== null;
    }
    return canarySeen;
  };
  const startedAt = performance.now();
  return (node) => {
    // Once fallen back, for good: what is marked and what the scan message reports stay the same.
    if (generic) return genericRoots(node);
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!el) return [];
    const around = el.closest(X_TEXT_ROOTS);
    if (around) {
      postsSeen = true;
      return [around];
    }
    const inside = queryEach(el, X_TEXT_ROOT_SELECTORS);
    if (inside.length) {
      postsSeen = true;
      return inside;
    }
    if (xMarkupPresent()) {
      postsSeen = true;
      return [];
    }
    // X's selectors worked on this page before: a page of it without posts (settings, messages)
    // is no sign that they broke.
    if (postsSeen) return [];
    // No post yet: wait for X's, and look again once the grace period is over.
    if (!waiting) {
      waiting = true;
      setTimeout(
        () => {
          checkedAt = Number.NEGATIVE_INFINITY;
          if (!postsSeen && !xMarkupPresent()) giveUp();
        },
        Math.max(0, X_CANARY_GRACE_MS - (performance.now() - startedAt)),
      );
    }
    return [];
  };
}

/**
 * The elements under `el` matching any of the selectors, in document order: one native query per
 * selector, merged. Chromium matches a selector list against every element of the subtree one
 * selector after another, without a single selector's fast path: finding a freshly mounted cell's
 * text roots took 26.5-30.5 µs with X's five selectors as one list and 11.5-12 µs one at a time
 * (bench/reading.ts, best of 15, 3 runs each). Collecting X's few dozen `data-testid` elements and
 * comparing their values in JS was slower still: every element handed to the content script's
 * world costs a wrapper.
 */
function queryEach(el: Element, selectors: readonly string[]): Element[] {
  let out: Element[] = [];
  for (const selector of selectors) {
    const found = el.querySelectorAll(selector);
    if (found.length) out = out.length ? inDocumentOrder(out, found) : [...found];
  }
  return out;
}

/** Two lists of elements, each in document order and with none in both, merged in that order. */
function inDocumentOrder(a: readonly Element[], b: ArrayLike<Element>): Element[] {
  const out: Element[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Element;
    const y = b[j] as Element;
    if (x.compareDocumentPosition(y) & FOLLOWING) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  while (i < a.length) out.push(a[i++] as Element);
  while (j < b.length) out.push(b[j++] as Element);
  return out;
}

/** `Node.DOCUMENT_POSITION_FOLLOWING`, without a global lookup per comparison. */
const FOLLOWING = 4;

/**
 * On X, what stands for a block when watching for the viewport: the post's timeline cell (or the
 * post, outside a timeline), so a post's name line, text and quote share one observed element.
 */
export function xUnitOf(block: Element): Element {
  return block.closest(X.cell) ?? block.closest(X.tweet) ?? block;
}

/**
 * On X, the timeline cell that paints a block's marks (painted-marks.ts): X positions each cell
 * itself (inline `position: absolute`, moved by `transform`), which the marks need. A block outside
 * a cell, or in a cell X did not position, is marked with highlight ranges.
 */
export function xPaintOn(block: Element): HTMLElement | null {
  const cell = block.closest<HTMLElement>(X.cell);
  if (!cell) return null;
  let positioned = positionedCells.get(cell);
  if (positioned === undefined) {
    // Read once per cell: an element's inline style object is costly to reach (a post has 3 roots).
    const position = cell.style.position;
    positioned = position === 'absolute' || position === 'relative';
    positionedCells.set(cell, positioned);
  }
  return positioned ? cell : null;
}

/**
 * On X, what a note saved from a detection quotes: the post's text. A detection in the author's
 * name line (an @handle) quotes the post under it, not the name line; one in the post's text (or a
 * quoted post's) quotes that text. Null outside a post.
 */
export function xPostText(block: Element): string | null {
  const text = block.closest(X.tweetText) ?? block.closest(X.tweet)?.querySelector(X.tweetText);
  return text?.textContent ?? null;
}

/** Whether X positions a cell itself; X sets it when it mounts the cell and keeps it. */
const positionedCells = new WeakMap<HTMLElement, boolean>();

export const xSite: SiteAdapter = {
  id: 'x',
  matchesHost: (host) => X_MATCHES_HOST.test(host),
  roots: (doc, reread) => xRoots(doc, console.warn, reread),
  unitOf: xUnitOf,
  paintOn: xPaintOn,
  markedLinks: { selector: X_LINK_MARKS, css: xLinkMarkCss(X_LINK_MARKS) },
  postText: xPostText,
};
