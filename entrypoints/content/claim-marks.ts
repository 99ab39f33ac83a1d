/**
 * What the data says of the launch claims on the page, for their marks and cards: a "no VC" whose
 * token's schedule lists investors is marked as contradicted without opening a card. Each claim is
 * judged against the token it is about (claimSubjectOf, as the card and the popup judge it),
 * by the background, which fetches what a verdict needs within the sources' budgets. Asked once
 * per token and claim, in batches; the page's marks change once the answers come.
 */
import { claimSubjectOf } from '@/utils/checklist/claim-subject';
import type { ClaimId, Match } from '@/utils/detect';
import type { ClaimVerdictReply, ResolutionReply } from '@/utils/messages';
import type { ClaimMark } from './painted-marks';

export interface ClaimAsk {
  asset: string;
  claim: ClaimId;
  value?: number;
}

/** How long asks wait for others (the rest of a page's claims) before they go in one message. */
const BATCH_MS = 100;
/** The message's own limit. */
const MAX_BATCH = 100;
/** A page keeps at most this many verdicts (a long session on X reads thousands of posts). */
const MAX_KEPT = 1_000;
/** An unknown verdict (the figures were missing: offline, a failing source) is asked again after this. */
const UNKNOWN_RETRY_MS = 5 * 60_000;

const keyOf = (a: ClaimAsk) => `${a.asset}|${a.claim}|${a.value ?? ''}`;

export class ClaimMarks {
  readonly #verdicts = new Map<string, ClaimVerdictReply>();
  /** When each unknown verdict came. */
  readonly #unknownAt = new Map<string, number>();
  /** Asked and not answered yet (or answered by a failure: not asked again this page's life). */
  readonly #asked = new Set<string>();
  readonly #queue = new Map<string, ClaimAsk>();
  /** Cards waiting for verdicts: each is let go once every one of its asks was answered (or failed). */
  readonly #waiting = new Set<{ keys: Set<string>; done: () => void }>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  constructor(
    private readonly send: (items: ClaimAsk[]) => Promise<ClaimVerdictReply[]>,
    private readonly onChange: () => void,
    private readonly resolvedOf: (text: string) => readonly ResolutionReply[] | undefined,
  ) {}

  /** A claim's mark: its verdict when known (asked for once otherwise); none while unknown. */
  markOf(text: string, matches: readonly Match[], m: Match): ClaimMark {
    const ask = this.#askOf(text, matches, m);
    if (!ask) return undefined;
    const key = keyOf(ask);
    const v = this.#verdicts.get(key);
    if (!v) {
      this.#ask(ask);
      return undefined;
    }
    if (v.verdict !== 'unknown') return v.verdict;
    if (Date.now() - (this.#unknownAt.get(key) ?? 0) > UNKNOWN_RETRY_MS) {
      this.#unknownAt.set(key, Date.now());
      this.#ask(ask, true);
    }
    return undefined;
  }

  /** The verdicts of claims about a token (a card's), asked for those not known yet. */
  async verdictsFor(asks: readonly ClaimAsk[]): Promise<ClaimVerdictReply[]> {
    const missing = asks.filter((a) => !this.#verdicts.has(keyOf(a)));
    if (missing.length && !this.#stopped) {
      await new Promise<void>((done) => {
        this.#waiting.add({ keys: new Set(missing.map(keyOf)), done });
        for (const a of missing) this.#ask(a, true);
      });
    }
    return asks.flatMap((a) => {
      const v = this.#verdicts.get(keyOf(a));
      return v ? [v] : [];
    });
  }

  /** Pins changed how tokens read: subjects may differ, so every verdict is asked again. */
  clear(): void {
    this.#verdicts.clear();
    this.#unknownAt.clear();
    this.#asked.clear();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    for (const w of this.#waiting) w.done();
    this.#waiting.clear();
  }

  #askOf(text: string, matches: readonly Match[], m: Match): ClaimAsk | undefined {
    if (m.kind !== 'claim' || !m.claim) return undefined;
    const resolved = this.resolvedOf(text);
    if (!resolved) return undefined;
    const asset = claimSubjectOf(text, matches, resolved, m)?.asset;
    if (!asset) return undefined;
    return { asset, claim: m.claim, ...(m.value === undefined ? {} : { value: m.value }) };
  }

  #ask(a: ClaimAsk, again = false): void {
    const key = keyOf(a);
    if (this.#stopped || (this.#asked.has(key) && !again)) return;
    this.#asked.add(key);
    this.#queue.set(key, a);
    this.#flushSoon();
  }

  #flushSoon(): void {
    if (this.#timer !== undefined || this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#flush();
    }, BATCH_MS);
  }

  async #flush(): Promise<void> {
    const batch = [...this.#queue.values()].slice(0, MAX_BATCH);
    for (const a of batch) this.#queue.delete(keyOf(a));
    if (this.#queue.size) this.#flushSoon();
    let changed = false;
    try {
      const answers = batch.length ? await this.send(batch) : [];
      if (this.#stopped) return;
      if (this.#verdicts.size + answers.length > MAX_KEPT) {
        this.#verdicts.clear();
        this.#unknownAt.clear();
      }
      for (const v of answers) {
        const key = keyOf(v);
        const was = this.#verdicts.get(key);
        this.#verdicts.set(key, v);
        if (v.verdict === 'unknown') this.#unknownAt.set(key, Date.now());
        if (was?.verdict !== v.verdict && v.verdict !== 'unknown') changed = true;
      }
    } catch {
      // The worker went away or a source failed: these claims stay marked as plain claims.
    }
    // Waiting cards whose asks were all in this batch (answered or not) go on.
    for (const w of this.#waiting) {
      for (const a of batch) w.keys.delete(keyOf(a));
      if (!w.keys.size) {
        this.#waiting.delete(w);
        w.done();
      }
    }
    if (changed) this.onChange();
  }
}
