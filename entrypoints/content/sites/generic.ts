/** Any page the reader enabled: every block of text is read, each block is its own post. */
import { blockOf } from '../text-blocks';
import type { RootsOf, SiteAdapter } from './site';

/** Every block of text: the node's owning block (text and inline markup are read whole). */
export const genericRoots: RootsOf = (node) => {
  const block = node.nodeType === 1 || node.nodeType === 3 ? blockOf(node) : null;
  return block ? [block] : [];
};

export const genericSite: SiteAdapter = {
  id: 'generic',
  // Runs only where the reader enabled it (sites.ts registers the script for those origins).
  matchesHost: () => false,
  roots: () => genericRoots,
};
