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
const TEXT_CONTAINER_TESTIDS: ReadonlySet<string> = new Set(X_TEXT_CONTAINER_TESTIDS);

/** Where text met inside an element goes: its block, and whether that block is a text container. */
interface Context {
  block: Element;
  contained: boolean;
}

function isTextContainer(el: Element): boolean {
  const testid = el.getAttribute('data-testid');
  return testid !== null && TEXT_CONTAINER_TESTIDS.has(testid);
}

/**
 * The context of an element from its ancestors (one walk up), or null when it sits inside a
 * skipped element. The outermost text container wins; else the nearest block-level element.
 */
function contextOf(start: Element): Context | null {
  let nearest: Element | null = null;
  let container: Element | null = null;
  for (let el: Element | null = start; el; el = el.parentElement) {
    if (isSkippedElement(el)) return null;
    if (isTextContainer(el)) container = el;
    else if (!nearest && isBlockElement(el)) nearest = el;
  }
  if (container) return { block: container, contained: true };
  return nearest ? { block: nearest, contained: false } : null;
}

/** The context of a child element, from its parent's: O(1), no walk up. */
function childContext(el: Element, parent: Context): Context {
  if (parent.contained) return parent;
  if (isTextContainer(el)) return { block: el, contained: true };
  return isBlockElement(el) ? { block: el, contained: false } : parent;
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
 */
export function collectBlocks(root: Node, counter = { next: 0 }): TextBlock[] {
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

  const walk = (el: Element, ctx: Context): void => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) add(c as Text, ctx.block);
      else if (c.nodeType === 1 && !isSkippedElement(c as Element))
        walk(c as Element, childContext(c as Element, ctx));
    }
  };

  if (root.nodeType === 3) {
    const block = blockOf(root);
    if (block) add(root as Text, block);
  } else if (root.nodeType === 1) {
    const ctx = contextOf(root as Element);
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
