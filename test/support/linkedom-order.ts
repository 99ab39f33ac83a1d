/**
 * linkedom's `compareDocumentPosition` compares how deep the two nodes are, not where they are: a
 * node nested deeper than another is reported as following it wherever it sits. The content
 * script relies on the real answer (sites/x.ts merges query results in document order), so the unit
 * tests that run it on linkedom replace the method with the DOM standard's: importing this module
 * patches linkedom's Node once.
 */
import { parseHTML } from 'linkedom';

const PRECEDING = 2;
const FOLLOWING = 4;
const CONTAINS = 8;
const CONTAINED_BY = 16;
const DISCONNECTED = 1;
const IMPLEMENTATION_SPECIFIC = 32;

/** The node and its ancestors, the root first. */
function chain(node: Node): Node[] {
  const out: Node[] = [];
  for (let at: Node | null = node; at; at = at.parentNode) out.unshift(at);
  return out;
}

function compareDocumentPosition(this: Node, other: Node): number {
  if (this === other) return 0;
  const a = chain(this);
  const b = chain(other);
  if (a[0] !== b[0]) return DISCONNECTED | IMPLEMENTATION_SPECIFIC | FOLLOWING;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length) return CONTAINED_BY | FOLLOWING;
  if (i === b.length) return CONTAINS | PRECEDING;
  const siblings: Node[] = Array.from((a[i - 1] as Node).childNodes);
  return siblings.indexOf(a[i] as Node) < siblings.indexOf(b[i] as Node) ? FOLLOWING : PRECEDING;
}

const { Node: LinkedomNode } = parseHTML('<!doctype html><html><body></body></html>');
LinkedomNode.prototype.compareDocumentPosition = compareDocumentPosition;
