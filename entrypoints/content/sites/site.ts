/**
 * What the content pipeline needs to know of a site, in one place: which parts of the page to read,
 * what stands for a post when placing marks, which marks the page's own stylesheet can carry, and
 * how a post is quoted. The generic page needs none of it (generic.ts); X refines each (x.ts). A new
 * site is one file like x.ts and a line in index.ts.
 */

/**
 * Returns the nodes to read for a node that was added or changed: elements that are blocks of their
 * own, outside any skipped element and any text container but themselves (what `collectBlocks`
 * assumes of them, so it never looks at their ancestors).
 */
export type RootsOf = (node: Node) => Node[];

export interface SiteAdapter {
  /** For messages and tests; never shown. */
  readonly id: string;
  /** Whether the content script runs on this host without the reader enabling it (the manifest's matches). */
  matchesHost(host: string): boolean;
  /**
   * The roots strategy for a document. `reread` asks for the whole document to be read again, for
   * when what the strategy reads has changed (X's markup no longer matching: the generic path).
   */
  roots(doc: Document, reread: () => void): RootsOf;
  /**
   * The element whose place on the page stands for a block's when the marked window is placed
   * (default: the block itself). On X, the post's timeline cell: one element per post.
   */
  unitOf?(block: Element): Element;
  /**
   * The positioned cell whose own paint carries a block's marks (painted-marks.ts), or null for
   * marks by highlight ranges.
   */
  paintOn?(block: Element): HTMLElement | null;
  /**
   * Links whose text the page's stylesheet marks (X's cashtag links), with the rule that marks
   * them: a match inside one gets no range of its own.
   */
  markedLinks?: { selector: string; css: string };
  /**
   * The text a detection in this block belongs to (its post, on X): quoted in a note and read for
   * a claim's subject. Null: the block's own text.
   */
  postText?(block: Element): string | null;
}
