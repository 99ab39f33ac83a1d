/**
 * The content script's one way to the detector, and its one cache of what it said. The background
 * detects and resolves in one answer (messages.ts, `detectRoute`); each text's matches and their
 * resolutions are kept together, by text, so React re-rendering a post, or the same post seen
 * twice, costs a lookup. After a pin the resolutions are dropped and the matches kept: resolving
 * again is "resolve these again", never "detect this again".
 *
 * Texts to detect gather for ASK_WAIT_MS into one message (`KeyBatcher`): a virtualised timeline
 * (X's) adds a cell or two every 100 ms while it is scrolled, and a message costs the page far more
 * than the texts in it. Resolutions asked for again gather the same way, for GATHER_MS.
 */
import type { Match } from '@/utils/detect';
import type { ResolutionReply } from '@/utils/messages';
import { KeyBatcher } from '@/utils/queue/batcher';
import { RecentCache } from './recent-cache';

export type Resolutions = readonly ResolutionReply[];

/** What the background said of one text: its matches and, unless dropped since, their resolutions. */
export interface Detected {
  matches: Match[];
  resolutions?: Resolutions;
}

/** Detects and resolves texts in the background, one answer per text in the same order. */
export type DetectTransport = (texts: string[]) => Promise<Detected[]>;
/** Resolves the matches of texts in the background, one list per block in the same order. */
export type ResolveTransport = (
  blocks: Array<{ text: string; matches: readonly Match[] }>,
) => Promise<ResolutionReply[][]>;

/**
 * The most texts kept (the most recently used): a few hundred posts back, on X, where a long
 * session must not grow the page's heap with every post read.
 */
const MAX_CACHED_TEXTS = 500;
/** The most texts in one request (the message's limit). */
const MAX_ASK = 500;
/**
 * How long new texts gather before they are asked for: in a CPU profile of the page bench, posting
 * the requests was the content script's costliest call at a 100 ms wait. Marks wait for the answer
 * anyway (the scanner's SETTLE_WAIT_MS).
 */
const ASK_WAIT_MS = 200;
/** Once this many texts have gathered they are asked for at once. */
const ASK_BATCH = 100;
/**
 * When the background did not answer (its worker restarting), the texts are asked for again after
 * this long, doubling up to MAX_RETRY_MS.
 */
const RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;
/** How long resolutions asked for while reading gather before they are sent together. */
const GATHER_MS = 250;

/** Resolutions asked for again, and whether to keep them (not when the background did not answer). */
interface Resolved {
  resolutions: Resolutions;
  keep: boolean;
}

export class DetectionClient {
  readonly #cache = new RecentCache<Detected>(MAX_CACHED_TEXTS);
  readonly #detecting: KeyBatcher<string, Detected>;
  readonly #resolving: KeyBatcher<string, Resolved>;
  /** The matches of each text whose resolutions are asked for, while they are. */
  readonly #toResolve = new Map<string, readonly Match[]>();
  readonly #answered = new Set<() => void>();
  readonly #retry = new Set<() => void>();
  readonly #resolved = new Set<() => void>();
  #retryMs = RETRY_MS;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #urgentScheduled = false;
  #stopped = false;

  constructor(detect: DetectTransport, resolve?: ResolveTransport) {
    this.#detecting = new KeyBatcher({
      maxBatch: MAX_ASK,
      windowMs: ASK_WAIT_MS,
      flushAt: ASK_BATCH,
      loadMany: async (texts) => {
        try {
          const all = await detect(texts);
          this.#retryMs = RETRY_MS;
          return new Map(texts.map((text, i) => [text, all[i] ?? { matches: [] }]));
        } catch {
          return new Map();
        }
      },
    });
    this.#resolving = new KeyBatcher<string, Resolved>({
      maxBatch: MAX_ASK,
      windowMs: GATHER_MS,
      loadMany: async (texts) => {
        const blocks = texts.map((text) => ({ text, matches: this.#toResolve.get(text) ?? [] }));
        try {
          if (!resolve) throw new Error('No resolver');
          const answers = await resolve(blocks);
          return new Map(
            blocks.map((b, i) => [
              b.text,
              { resolutions: b.matches.map((m, j) => answers[i]?.[j] ?? localResolution(m)), keep: true },
            ]),
          );
        } catch {
          // The background is unreachable (extension reloaded, worker starting): what the detector
          // itself knows, not kept, so a later request asks again.
          return new Map(
            blocks.map((b) => [b.text, { resolutions: b.matches.map(localResolution), keep: false }]),
          );
        }
      },
    });
  }

  /** A text's matches, if known (it becomes the most recently used). */
  matchesOf(text: string): Match[] | undefined {
    return this.#cache.get(text)?.matches;
  }

  /** A text's resolutions, if known. */
  resolutionsOf(text: string): Resolutions | undefined {
    return this.#cache.get(text)?.resolutions;
  }

  /** How many texts are asked for and not answered yet. */
  get asking(): number {
    return this.#detecting.loading;
  }

  /** Called (once per answer) when asked texts were answered: their blocks can settle. */
  onAnswer(fn: () => void): void {
    this.#answered.add(fn);
  }

  /** Called when a failed request's wait is over: the texts still wanted should be asked again. */
  onRetry(fn: () => void): void {
    this.#retry.add(fn);
  }

  /** Called whenever resolutions asked for again arrive (marks and badge refresh). */
  onResolved(fn: () => void): void {
    this.#resolved.add(fn);
  }

  /** Asks for texts not known yet, gathered with the others of the moment (joins one in flight). */
  ask(texts: readonly string[]): void {
    const unknown = texts.filter((text) => !this.#cache.has(text));
    if (this.#stopped || !unknown.length) return;
    void this.#load(unknown);
  }

  /**
   * Every text's matches, now: known texts cost a lookup, the others are asked for at once (the
   * scan message, which a caller waits for).
   */
  async detectNow(texts: readonly string[]): Promise<Match[][]> {
    // Read from the cache before asking, and the answers from the answer: on a page with more
    // texts than the cache keeps, the ones read first would be pushed out by the last.
    const known = texts.map((text) => this.#cache.get(text)?.matches);
    const unknown = texts.filter((_, i) => !known[i]);
    let got = new Map<string, Detected | undefined>();
    if (unknown.length) {
      const loading = this.#load(unknown);
      this.#detecting.flushNow();
      got = await loading;
    }
    return texts.map((text, i) => known[i] ?? got.get(text)?.matches ?? []);
  }

  async #load(texts: readonly string[]): Promise<Map<string, Detected | undefined>> {
    const got = await this.#detecting.load(texts);
    let failed = false;
    let answered = false;
    for (const [text, detected] of got) {
      if (detected) {
        this.#cache.set(text, detected);
        answered = true;
      } else failed = true;
    }
    if (this.#stopped) return got;
    // Failed texts wait for the retry (doubling): an answer to others must not ask them at once.
    if (failed) this.#retryLater();
    if (answered) for (const fn of this.#answered) fn();
    return got;
  }

  #retryLater(): void {
    if (this.#retryTimer !== undefined) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      if (!this.#stopped) for (const fn of this.#retry) fn();
    }, this.#retryMs);
    this.#retryMs = Math.min(this.#retryMs * 2, MAX_RETRY_MS);
  }

  /**
   * A text's resolutions: known, or asked for. Requests gather for GATHER_MS into one message; an
   * `urgent` one (a card waiting, the scan message) goes at the next idle moment with whatever has
   * gathered.
   */
  async resolve(text: string, matches: readonly Match[], urgent = false): Promise<Resolutions> {
    const known = this.#cache.get(text);
    if (known?.resolutions) return known.resolutions;
    if (!matches.some(needsResolution)) {
      const local = matches.map(localResolution);
      this.#keep(text, matches, local);
      return local;
    }
    if (!this.#toResolve.has(text)) this.#toResolve.set(text, matches);
    const loading = this.#resolving.load([text]);
    if (urgent) this.#sendSoon();
    const answer = (await loading).get(text);
    this.#toResolve.delete(text);
    const resolutions = answer?.resolutions ?? matches.map(localResolution);
    if (answer?.keep) {
      this.#keep(text, matches, resolutions);
      for (const fn of this.#resolved) fn();
    }
    return resolutions;
  }

  /**
   * In idle time, so a scroll frame is never held up by a message and its reply's parsing; the
   * short timeout keeps a card that waits on a resolution quick on a busy page.
   */
  #sendSoon(): void {
    if (this.#urgentScheduled) return;
    this.#urgentScheduled = true;
    const run = () => {
      this.#urgentScheduled = false;
      this.#resolving.flushNow();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 50 });
    else setTimeout(run, 0);
  }

  #keep(text: string, matches: readonly Match[], resolutions: Resolutions): void {
    const known = this.#cache.get(text);
    this.#cache.set(text, { matches: known?.matches ?? [...matches], resolutions });
  }

  /** Forgets every resolution, keeping the matches (a pin changed how symbols read). */
  dropResolutions(): void {
    for (const detected of this.#cache.values()) delete detected.resolutions;
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
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
