/**
 * Turns DOM into text blocks for the detector. A block is the text of one block-level element,
 * with the inline elements inside it (links, spans, bold) merged, so "$BTC" split across X's link
 * markup is one string. Nested blocks are separate blocks; no text belongs to two blocks.
 *
 * Never read: form fields, editable areas (X's composer), code, scripts, styles, and our own UI.
 */

import { X_TEXT_CONTAINER_TESTIDS } from './x-selectors';

// biome-ignore format: a list reads better packed
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'HTML',
  'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

// biome-ignore format: a list reads better packed
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'CODE', 'PRE',
  'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'TICKERLENS-CARD',
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
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return el.getAttribute('role') === 'textbox';
}

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

/**
 * Known text containers whose whole text is one block even though they hold block elements: X
 * wraps each @mention inside a post in an inline-flex <div>. Matched by `data-testid` values from
 * the X selectors module; the generic path needs none of them.
 */
const TEXT_CONTAINER_TESTIDS: ReadonlySet<string> = new Set(X_TEXT_CONTAINER_TESTIDS);

/**
 * Nearest block-level ancestor (or self), or null when the node sits inside a skipped element.
 * A known text container above the nearest block wins over it.
 */
export function blockOf(node: Node): Element | null {
  let block: Element | null = null;
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return null;
    const testid = el.getAttribute('data-testid');
    if (testid !== null && TEXT_CONTAINER_TESTIDS.has(testid)) block = el;
    else if (!block && isBlockElement(el)) block = el;
  }
  return block;
}

/**
 * Collects the blocks whose text lies under `root` (the root's own block included when the root is
 * inline or text). Blocks come in document order of their first text node.
 */
export function collectBlocks(root: Node, counter = { next: 0 }): TextBlock[] {
  const doc = root.ownerDocument ?? (root as Document);
  const blocks = new Map<Element, TextBlock>();
  const parentBlock = new Map<Node, Element | null>();

  const add = (text: Text) => {
    const data = text.data;
    if (data.length === 0) return;
    const parent = text.parentNode;
    if (!parent) return;
    let block = parentBlock.get(parent);
    if (block === undefined) {
      block = blockOf(text);
      parentBlock.set(parent, block);
    }
    if (!block) return;
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

  if (root.nodeType === 3) {
    add(root as Text);
    return [...blocks.values()];
  }
  if (root.nodeType === 1 && blockOf(root) === null) return [];
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (n) => (n.nodeType === 1 && isSkippedElement(n as Element) ? 2 /* REJECT */ : 1 /* ACCEPT */),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 3) add(n as Text);
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
