/**
 * Resolutions of detections to assets, cached by block text, so a post React re-renders, or the same
 * post seen twice, costs nothing. They come with each block's detection (the background detects and
 * resolves in one answer); after a pin drops them, they are asked of the background again, the
 * requests of a moment going out as one batched message.
 */
import type { Match } from '@/utils/detect';
import type { ResolutionReply } from '@/utils/messages';
import { resolveRoute } from '@/utils/messages';
import { sendToBackground } from '@/utils/messaging';
import { batches, resolvePieces } from './long-texts';
import { RecentCache } from './recent-cache';

/** The most texts whose resolutions are kept (the most recently used), as the scanner's cache. */
const MAX_CACHED = 500;
/** The most blocks in one message (the contract's limit). */
const MAX_BLOCKS = 500;
/** How long requests from reading gather before they are sent together. */
const GATHER_MS = 250;

export type Resolutions = readonly ResolutionReply[];

interface Pending {
  matches: readonly Match[];
  promise: Promise<Resolutions>;
  settle: (r: Resolutions) => void;
}

export class ResolutionCache {
  readonly #done = new RecentCache<Resolutions>(MAX_CACHED);
  /** Queued or in flight, by block text. */
  readonly #pending = new Map<string, Pending>();
  #queue: string[] = [];
  /** A send is due at the next idle moment. */
  #scheduled = false;
  /** Requests from reading are gathered for GATHER_MS before a send is scheduled. */
  #gathering: ReturnType<typeof setTimeout> | undefined;
  readonly #listeners = new Set<() => void>();

  /** Cached resolutions of a block's matches, in the same order, if known. */
  get(text: string): Resolutions | undefined {
    return this.#done.get(text);
  }

  /** Keeps a block's resolutions (those that came with its detection, or a reply's). */
  remember(text: string, r: Resolutions): void {
    this.#done.set(text, r);
  }

  /** Forgets every resolution (a pin changed how symbols read). */
  clear(): void {
    this.#done.clear();
  }

  /** Called whenever new resolutions arrive (marks and badge refresh). */
  onResolved(fn: () => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /**
   * Asks for a block's resolutions. Requests gather for GATHER_MS into one message: while a
   * reader scrolls, blocks are read a few at a time, and every message costs the page's main
   * thread. An `urgent` request (a card waiting, the scan message) sends at the next idle moment,
   * with whatever has gathered.
   */
  request(text: string, matches: readonly Match[], urgent = false): Promise<Resolutions> {
    const known = this.#done.get(text);
    if (known) return Promise.resolve(known);
    const pending = this.#pending.get(text);
    if (pending) {
      if (urgent && this.#queue.includes(text)) this.#schedule(true);
      return pending.promise;
    }
    if (!matches.some(needsResolution)) {
      const local = matches.map(localResolution);
      this.remember(text, local);
      return Promise.resolve(local);
    }
    let settle: (r: Resolutions) => void = () => undefined;
    const promise = new Promise<Resolutions>((resolve) => {
      settle = resolve;
    });
    this.#pending.set(text, { matches, promise, settle });
    this.#queue.push(text);
    this.#schedule(urgent);
    return promise;
  }

  #schedule(urgent: boolean): void {
    if (this.#scheduled) return;
    if (!urgent) {
      this.#gathering ??= setTimeout(() => {
        this.#gathering = undefined;
        this.#schedule(true);
      }, GATHER_MS);
      return;
    }
    clearTimeout(this.#gathering);
    this.#gathering = undefined;
    this.#scheduled = true;
    const run = (): void => {
      this.#scheduled = false;
      void this.flush();
    };
    // In idle time, so a scroll frame is never held up by a message and its reply's parsing; the
    // short timeout keeps a card that waits on a resolution quick on a busy page.
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 50 });
    else setTimeout(run, 0);
  }

  private async flush(): Promise<void> {
    const texts = this.#queue.splice(0, MAX_BLOCKS);
    if (this.#queue.length) this.#schedule(true);
    const matchesOf = texts.map((text) => [...(this.#pending.get(text)?.matches ?? [])]);
    // A block past a message's limit goes as pieces, each with its own matches (long-texts.ts).
    const parts = texts.map((text, i) => resolvePieces(text, matchesOf[i] ?? []));
    try {
      const answers: ResolutionReply[][] = [];
      for (const blocks of batches(parts.flatMap((p) => p.blocks)))
        answers.push(...(await sendToBackground(resolveRoute, { blocks })).blocks);
      let base = 0;
      texts.forEach((text, i) => {
        const part = parts[i] as (typeof parts)[number];
        const matches = matchesOf[i] ?? [];
        const r = part.at.map(([b, j], k) => answers[base + b]?.[j] ?? localResolution(matches[k] as Match));
        base += part.blocks.length;
        this.#settle(text, r, true);
      });
      for (const fn of this.#listeners) fn();
    } catch {
      // The background is unreachable (extension reloaded, worker starting): answer with what the
      // detector itself knows, uncached, so a later request asks again.
      texts.forEach((text, i) => {
        this.#settle(text, (matchesOf[i] ?? []).map(localResolution), false);
      });
    }
  }

  #settle(text: string, r: Resolutions, cache: boolean): void {
    if (cache) this.remember(text, r);
    const p = this.#pending.get(text);
    this.#pending.delete(text);
    p?.settle(r);
  }
}

/** Claims are not assets; an invalid address is never one. Everything else goes to the registry. */
function needsResolution(m: Match): boolean {
  return m.kind !== 'claim' && m.valid !== false;
}

/** What the detector alone can say: curated name hints. */
function localResolution(m: Match): ResolutionReply {
  return m.asset && m.valid !== false ? { asset: m.asset } : {};
}
