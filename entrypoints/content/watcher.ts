/**
 * Watches a document for what to read again, and only queues it: the MutationObserver callback
 * collects added and changed nodes, notes that elements went (a sweep of what was read is due) and
 * that `contenteditable` changed; the reading happens later, in the scanner's slices. (uBlock
 * Origin's DOM watcher and Dark Reader's collapsed mutation records work the same way: the
 * callback is the hot path of a busy page, so it does nothing but remember.)
 */
import { isBlockElement } from './text-blocks';

export interface WatcherHooks {
  /**
   * A slice should run soon: nodes were queued (`queued`, the page changed what is to be read), or
   * only an element went or became editable.
   */
  onWork(queued: boolean): void;
  /** An element was taken out of the page (the cell painter lets go of a cell at once). */
  onRemoved?(el: Element): void;
}

export class PageWatcher {
  /** Added or changed nodes, not yet turned into roots. */
  readonly #queue = new Set<Node>();
  /**
   * Roots of dequeued nodes, not yet read. A slice checks its deadline after each root, so one
   * node holding hundreds of posts (the whole body at start) is read over many slices.
   */
  readonly #rootQueue = new Set<Node>();
  /**
   * Roots read since the page last changed (the observer's last callback): a root reached again
   * through another of the same changes (X adds a cell, then sets the text inside it) is not read
   * twice, since nothing in it can have changed in between.
   */
  readonly #readSinceChange = new Set<Node>();
  /** Elements whose `contenteditable` changed since they were last taken. */
  readonly #editability = new Set<Element>();
  #sweepNeeded = false;
  #observer: MutationObserver | undefined;
  #stopped = false;
  readonly #root: Node;
  readonly #hooks: WatcherHooks;

  constructor(root: Node, hooks: WatcherHooks) {
    this.#root = root;
    this.#hooks = hooks;
  }

  start(): void {
    this.queue(this.#root);
    this.#observer = new MutationObserver((records) => {
      this.#readSinceChange.clear();
      let work = false;
      for (const r of records) {
        if (r.type === 'characterData') {
          this.queue(r.target);
          continue;
        }
        if (r.type === 'attributes') {
          this.#editability.add(r.target as Element);
          work = true;
          continue;
        }
        for (const n of r.addedNodes) this.queue(n);
        let rescan = false;
        for (const n of r.removedNodes) {
          // Only a removed element can take a read block with it; a removed text node (X
          // replacing a post's text) disconnects nothing, so it costs no sweep of every entry.
          if (n.nodeType === 1) {
            this.#sweepNeeded = true;
            work = true;
            this.#hooks.onRemoved?.(n as Element);
          }
          // Text or inline markup removed from inside a block changes that block's text: read it
          // again. Whole blocks removed from a container (X recycling cells) change nothing else.
          if (n.nodeType === 3 || (n.nodeType === 1 && !isBlockElement(n as Element))) rescan = true;
        }
        if (rescan) this.queue(r.target);
      }
      if (work) this.#hooks.onWork(false);
    });
    // Text that becomes editable (a page turning an article into an editor) is never marked: the
    // one attribute is watched, which pages seldom change.
    this.#observer.observe(this.#root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['contenteditable'],
    });
  }

  /** Queues a node to be read (as if it had just been added). */
  queue(node: Node): void {
    if (this.#stopped) return;
    this.#queue.add(node);
    this.#hooks.onWork(true);
  }

  /** Whether nodes or roots wait to be read. */
  get pending(): boolean {
    return this.#queue.size > 0 || this.#rootQueue.size > 0;
  }

  /** Whether an element went since the last call (the read blocks must be swept); resets it. */
  takeSweep(): boolean {
    const due = this.#sweepNeeded;
    this.#sweepNeeded = false;
    return due;
  }

  /** The elements whose `contenteditable` changed since the last call. */
  takeEditability(): Element[] {
    const out = [...this.#editability];
    this.#editability.clear();
    return out;
  }

  /**
   * The next root to read: queued roots first, then the roots (`rootsOf`, the site's strategy) of
   * the next queued node.
   */
  nextRoot(rootsOf: (node: Node) => Node[]): Node | undefined {
    for (;;) {
      for (const root of this.#rootQueue) {
        this.#rootQueue.delete(root);
        if (this.#readSinceChange.has(root)) continue;
        this.#readSinceChange.add(root);
        return root;
      }
      const node = this.#queue.values().next();
      if (node.done) return undefined;
      this.#queue.delete(node.value);
      if (node.value.isConnected) for (const root of rootsOf(node.value)) this.#rootQueue.add(root);
    }
  }

  stop(): void {
    this.#stopped = true;
    this.#observer?.disconnect();
    this.#queue.clear();
    this.#rootQueue.clear();
    this.#readSinceChange.clear();
    this.#editability.clear();
  }
}
