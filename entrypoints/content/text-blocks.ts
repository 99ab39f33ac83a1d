/**
 * Turns DOM into text blocks for the detector. A block is the text of one block-level element,
 * with the inline elements inside it (links, spans, bold) merged, so "$BTC" split across X's link
 * markup is one string. Nested blocks are separate blocks; no text belongs to two blocks.
 *
 * Never read: form fields, editable areas (X's composer), code, scripts, styles, and our own UI.
 */

import { X_TEXT_CONTAINER_TESTIDS } from './x-selectors';

// Tag sets by `localName` (lower case for HTML, SVG and MathML alike).
// biome-ignore format: a list reads better packed
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html',
  'li', 'main', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

// biome-ignore format: a list reads better packed
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button', 'code', 'pre',
  'kbd', 'samp', 'var', 'svg', 'math', 'iframe', 'object', 'canvas', 'video', 'audio', 'img', 'tickerlens-card',
]);

/*
 * The same sets as selectors, for the browser's native matching: X nests post text 30 elements deep,
 * and one `closest()` replaces a JS walk up those ancestors with three attribute reads each.
 */
const SKIP_SELECTOR = [
  ...SKIP_TAGS,
  '[contenteditable]:not([contenteditable="false"])',
  '[role="textbox"]',
].join(',');
const BLOCK_SELECTOR = [...BLOCK_TAGS].join(',');

export interface TextBlock {
  el: Element;
  nodes: Text[];
  /** UTF-16 offset of each node's first character in `text`. */
  starts: number[];
  /** Document-order index of each node within one collection, to order matches across blocks. */
  order: number[];
  text: string;
}

/** Whether an element's subtree is never read (see the module comment). */
export function isSkippedElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.localName)) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return el.getAttribute('role') === 'textbox';
}

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.localName);
}

/**
 * Known text containers whose whole text is one block even though they hold block elements: X
 * wraps each @mention inside a post in an inline-flex <div>. Matched by `data-testid` values from
 * the X selectors module; the generic path needs none of them.
 */
const CONTAINER_SELECTOR = X_TEXT_CONTAINER_TESTIDS.map((id) => `[data-testid="${id}"]`).join(',');
const CONTAINER_TESTIDS: ReadonlySet<string> = new Set(X_TEXT_CONTAINER_TESTIDS);

/** Whether an element is a known text container (`CONTAINER_SELECTOR`, read from its attribute). */
function isContainer(el: Element): boolean {
  const id = el.getAttribute('data-testid');
  return id !== null && CONTAINER_TESTIDS.has(id);
}

/** Where text met inside an element goes: its block, and whether that block is a text container. */
interface Context {
  block: Element;
  contained: boolean;
}

/**
 * The context of an element from its ancestors (native `closest`, no JS walk), or null when it sits
 * inside a skipped element. The outermost text container wins; else the nearest block-level element.
 */
function contextOf(start: Element): Context | null {
  if (start.closest(SKIP_SELECTOR)) return null;
  let container = start.closest(CONTAINER_SELECTOR);
  for (
    let up = container?.parentElement?.closest(CONTAINER_SELECTOR);
    up;
    up = up.parentElement?.closest(CONTAINER_SELECTOR)
  )
    container = up;
  if (container) return { block: container, contained: true };
  const nearest = start.closest(BLOCK_SELECTOR);
  return nearest ? { block: nearest, contained: false } : null;
}

/**
 * The context of a root that is a block of its own (every root the scanner reads is: the site adapters hand
 * out blocks and X's text roots): read from the root alone, without `contextOf`'s walks up the
 * ancestors, which cost more than reading a post's text.
 */
function blockRootContext(root: Element): Context | null {
  // The root's own attributes only (a post's text made editable): its ancestors are not looked at.
  if (isSkippedElement(root)) return null;
  if (isContainer(root)) return { block: root, contained: true };
  if (BLOCK_TAGS.has(root.localName)) return { block: root, contained: false };
  return contextOf(root);
}

/**
 * The block that owns a node's text (itself, for a block element), or null when the node sits
 * inside a skipped element. A known text container above the nearest block wins over it.
 */
export function blockOf(node: Node): Element | null {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el ? (contextOf(el)?.block ?? null) : null;
}

/**
 * Collects the blocks whose text lies under `root` (the root's own block included when the root is
 * inline or text). Blocks come in document order of their first text node. One pass down the tree
 * with plain child links: each element costs a few attribute reads, never a walk back up.
 *
 * `blockRoot`: the caller knows the root is a block outside any skipped element and outside any
 * text container but itself (the roots of the site adapters are), so its ancestors are not looked at.
 */
export function collectBlocks(root: Node, counter = { next: 0 }, blockRoot = false): TextBlock[] {
  const blocks = new Map<Element, TextBlock>();

  const add = (text: Text, block: Element) => {
    const data = text.data;
    if (data.length === 0) return;
    let entry = blocks.get(block);
    if (!entry) {
      entry = { el: block, nodes: [], starts: [], order: [], text: '' };
      blocks.set(block, entry);
    }
    entry.starts.push(entry.text.length);
    entry.nodes.push(text);
    entry.order.push(counter.next++);
    entry.text += data;
  };

  /**
   * A line break (`<br>`) parts the words on either side as a new line does: "Top movers:<br>Bitcoin"
   * reads "Top movers:\nBitcoin", not one word. The "\n" belongs to no text node: the nodes after it
   * start one character later, and no range ever starts or ends inside it.
   */
  const breakLine = (block: Element) => {
    const entry = blocks.get(block);
    if (entry && !entry.text.endsWith('\n')) entry.text += '\n';
  };

  // Each element is judged from its own name and attributes as the walk meets it. A native query
  // for the few skipped elements and containers under the root first (a list of two dozen
  // selectors, matched one by one on every element) cost more than these reads: reading a post's
  // roots took 29.5-35 µs with it and 18.5-25 without (bench/reading.ts, best of 15, 3 runs each).
  const walk = (el: Element, ctx: Context): void => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      const type = c.nodeType;
      if (type === 3) {
        add(c as Text, ctx.block);
        continue;
      }
      if (type !== 1) continue;
      const child = c as Element;
      if (child.localName === 'br') {
        breakLine(ctx.block);
        continue;
      }
      if (isSkippedElement(child)) continue;
      // The context of a child from its parent's: O(1), no walk up; inside a container, kept as is.
      let inner = ctx;
      if (!ctx.contained) {
        if (isContainer(child)) inner = { block: child, contained: true };
        else if (BLOCK_TAGS.has(child.localName)) inner = { block: child, contained: false };
      }
      walk(child, inner);
    }
  };

  if (root.nodeType === 3) {
    const block = blockOf(root);
    if (block) add(root as Text, block);
  } else if (root.nodeType === 1) {
    const ctx = blockRoot ? blockRootContext(root as Element) : contextOf(root as Element);
    if (ctx) walk(root as Element, ctx);
  }
  return [...blocks.values()];
}

/** Maps a UTF-16 offset in a block's text to the text node and the offset inside it. */
export function locate(
  block: TextBlock,
  offset: number,
  preferEnd = false,
): { node: Text; offset: number } | null {
  const { starts, nodes } = block;
  // Binary search for the last node starting at or before offset.
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid] ?? 0;
    if (s < offset || (!preferEnd && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  const start = starts[lo];
  if (!node || start === undefined) return null;
  return { node, offset: Math.min(offset - start, node.data.length) };
}
