/**
 * Opens the card for a hovered detection: resolution first (cached per post), then the asset's
 * figures from the background (IndexedDB, never the network on this path). A card seen in the last
 * minute opens from memory; one the background is refreshing is updated when the refresh lands.
 */
import type { CardModel } from '@/components/Card';
import { stateOf } from '@/components/card-state';
import { type ClaimSubject, claimSubject, claimSubjectOf } from '@/utils/checklist/claim-subject';
import type { ClaimId, Match } from '@/utils/detect';
import type { BackgroundReply, ClaimVerdictReply, ResolutionReply } from '@/utils/messages';
import { cardRoute, chartRoute, openNotesRoute, pinRoute, saveNoteRoute } from '@/utils/messages';
import { sendToBackground } from '@/utils/messaging';
import { pinKey } from '@/utils/registry/pin-keys';
import type { ChartRange } from '@/utils/sources/chart-ranges';
import type { CardHost } from './card-host';
import type { ClaimMarks } from './claim-marks';
import type { DetectionClient } from './detection-client';
import type { HoverTarget } from './hover';

/** What a card needs of the page's detection client: a block's resolutions, cached or asked for. */
type Resolver = Pick<DetectionClient, 'resolutionsOf' | 'resolve' | 'dropResolutions'>;
/** How long a card's data is reused without asking the background again. */
const MEMORY_MS = 60_000;
const MAX_MEMORY = 200;

type CardReply = BackgroundReply<'tickerlens:card'>;

export class CardController {
  #token = 0;
  #current: HoverTarget | undefined;
  readonly #memory = new Map<string, { reply: CardReply; at: number }>();
  /** The model on screen, so an action (save note) can update it in place. */
  #shown: CardModel | undefined;
  /** The worker's verdicts of the post's claims, for the card open now (once they come). */
  #claimVerdicts: ClaimVerdictReply[] | undefined;
  /** The chart of the card open now: its range and points (asked when the card opens). */
  #chart: NonNullable<CardModel['chart']> | undefined;
  /** Readings the reader chose for this page only ("Just here"), by pin key. */
  readonly #pickedHere = new Map<string, string>();
  /** The card open now was opened from the keyboard: it says the asset and price once. */
  #announce = false;

  readonly #host: CardHost;
  readonly #resolutions: Resolver;
  readonly #requestClose: () => void;
  readonly #quoteOf: (target: HoverTarget) => string;
  readonly #claims: Pick<ClaimMarks, 'verdictsFor'> | undefined;

  /**
   * `requestClose` is what the card's close button does: closing through whoever opened the card
   * (the hover controller), so that it knows the card is gone and the same word opens it again.
   * `quoteOf` is the text a saved note quotes (default: the detection's block of text). `claims`
   * gives the worker's verdicts of the post's claims, the same the page's marks show.
   */
  constructor(
    host: CardHost,
    resolutions: Resolver,
    requestClose: () => void,
    quoteOf: (target: HoverTarget) => string = (target) => target.entry.block.text,
    claims?: Pick<ClaimMarks, 'verdictsFor'>,
  ) {
    this.#host = host;
    this.#resolutions = resolutions;
    this.#requestClose = requestClose;
    this.#quoteOf = quoteOf;
    this.#claims = claims;
  }

  close(): void {
    this.#token++;
    this.#current = undefined;
    this.#host.hide();
  }

  /**
   * For good (the content script stopped): a card still loading is dropped when its answer comes,
   * and the host is torn down, so no card comes back after the page was cleaned up.
   */
  dispose(): void {
    this.#token++;
    this.#current = undefined;
    this.#host.destroy();
  }

  async open(target: HoverTarget, force = false, opts: { announce?: boolean } = {}): Promise<void> {
    const token = ++this.#token;
    if (this.#current !== target) {
      this.#chart = undefined;
      this.#announce = !!opts.announce;
    }
    this.#current = target;
    const { entry, match } = target;
    const index = entry.matches.indexOf(match);
    const resolved =
      this.#resolutions.resolutionsOf(entry.block.text) ??
      (await this.#resolutions.resolve(entry.block.text, entry.matches, true));
    if (token !== this.#token) return;
    const res = this.#readingHere(match, resolved[index] ?? {});
    const text = entry.block.text;
    // A claim's own card shows the figures of the token that claim is about.
    const about =
      match.kind === 'claim'
        ? claimSubjectOf(text, entry.matches, resolved, match)
        : claimSubject(text, entry.matches, resolved);
    const key = pinKey(match);
    const base = {
      ...baseModel(match, res, entry.matches, about, (m) => claimSubjectOf(text, entry.matches, resolved, m)),
      ...(key !== undefined && this.#pickedHere.has(key) ? { pickedHere: true } : {}),
    };
    const subject = match.kind === 'claim' ? about?.asset : res.asset;
    this.#claimVerdicts = undefined;
    // The worker's verdicts of the claims about this card's token (the others point to their own).
    const mine = base.claimsNearby.filter((c) => subject && c.about?.asset === subject);
    if (subject && mine.length && this.#claims) {
      const asks = mine.map(({ claim, value }) => ({
        asset: subject,
        claim,
        ...(value === undefined ? {} : { value }),
      }));
      void this.#claims.verdictsFor(asks).then((verdicts) => {
        if (token !== this.#token || !this.#shown) return;
        this.#claimVerdicts = verdicts;
        this.#show(target, this.#shown);
      });
    }
    if (!subject) {
      this.#show(target, { ...base, state: 'ready' });
      return;
    }
    const remembered = this.#memory.get(subject);
    const recent = !!remembered && !force && Date.now() - remembered.at < MEMORY_MS;
    if (recent) {
      // What was shown a moment ago shows at once; if the background was refreshing it then, the
      // card waits for that refresh and updates in place.
      this.#show(target, withReply(base, remembered.reply));
      if (!remembered.reply.refreshing) {
        if (match.kind !== 'claim' && !this.#chart && remembered.reply.card?.price)
          void this.chartRange(target, subject, '7d');
        return;
      }
    } else this.#show(target, { ...base, state: 'loading' });
    let reply = await this.fetchCard(subject, force || recent);
    if (token !== this.#token) return;
    this.#show(target, withReply(base, reply));
    // The chart after the figures (it must not delay them), for an asset that has a price.
    if (match.kind !== 'claim' && !this.#chart && reply.card?.price)
      void this.chartRange(target, subject, '7d');
    if (reply.refreshing) {
      reply = await this.fetchCard(subject, true);
      if (token === this.#token) this.#show(target, withReply(base, reply));
    }
  }

  private async fetchCard(asset: string, wait: boolean): Promise<CardReply> {
    try {
      const reply = await sendToBackground(cardRoute, { asset, wait });
      if (reply.card) {
        if (this.#memory.size >= MAX_MEMORY) this.#memory.clear();
        this.#memory.set(asset, { reply, at: Date.now() });
      }
      return reply;
    } catch (err) {
      return { card: null, refreshing: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  #show(target: HoverTarget, shown: CardModel): void {
    const model: CardModel = {
      ...shown,
      ...(this.#claimVerdicts ? { claimVerdicts: this.#claimVerdicts } : {}),
      ...(this.#chart && shown.asset ? { chart: this.#chart } : {}),
      ...(this.#announce ? { announce: true } : {}),
    };
    this.#shown = model;
    this.#host.show(model, target.range.getBoundingClientRect(), {
      onSaveNote: (words) => void this.saveNote(target, words),
      onClose: () => this.#requestClose(),
      onRetry: () => {
        if (this.#current) void this.open(this.#current, true);
      },
      onPin: (asset) => void this.pin(target, asset),
      onPickHere: (asset) => void this.pickHere(target, asset),
      onOpenNotes: () => void sendToBackground(openNotesRoute, {}).catch(() => undefined),
      onChartRange: (range) => {
        const asset = this.#shown?.asset;
        if (asset) void this.chartRange(target, asset, range);
      },
    });
  }

  /** The reading chosen for this page ("Just here"), over the worker's. */
  #readingHere(match: Match, res: ResolutionReply): ResolutionReply {
    const key = pinKey(match);
    const here = key === undefined ? undefined : this.#pickedHere.get(key);
    if (!here) return res;
    // The worker's reading joins the others the reader can switch back to.
    const info = [...(res.alternatives ?? []), ...(res.candidateInfo ?? [])];
    const before = res.asset ? [{ id: res.asset, name: '', symbol: '' }] : [];
    const alternatives = [...before, ...info]
      .filter((c, i, all) => c.id !== here && all.findIndex((x) => x.id === c.id) === i)
      .map((c) => info.find((x) => x.id === c.id) ?? c);
    return { asset: here, ...(alternatives.length ? { alternatives } : {}) };
  }

  /** "Just here": this page's cards read the symbol as `asset`; nothing is stored. */
  private async pickHere(target: HoverTarget, asset: string): Promise<void> {
    const key = pinKey(target.match);
    if (!key) return;
    this.#pickedHere.set(key, asset);
    this.#chart = undefined;
    await this.open(target);
  }

  /** Asks the worker for one range of the price line; the card shows it when it comes. */
  private async chartRange(target: HoverTarget, asset: string, range: ChartRange): Promise<void> {
    const token = this.#token;
    const kept = this.#chart?.range === range ? this.#chart.points : [];
    this.#chart = { range, points: kept, loading: true };
    if (this.#shown) this.#show(target, this.#shown);
    let chart: NonNullable<CardModel['chart']>;
    try {
      const reply = await sendToBackground(chartRoute, { asset, range });
      chart = {
        range,
        points: reply.points,
        loading: false,
        ...(reply.error ? { error: reply.error } : {}),
        ...(reply.source ? { source: reply.source } : {}),
      };
    } catch (err) {
      chart = { range, points: [], loading: false, error: err instanceof Error ? err.message : String(err) };
    }
    if (token !== this.#token || this.#current !== target || this.#chart?.range !== range) return;
    this.#chart = chart;
    if (this.#shown) this.#show(target, this.#shown);
  }

  /** Saves the post as a note with the asset and the price shown now; the card says it is saved. */
  private async saveNote(target: HoverTarget, words?: { text: string; tags: string[] }): Promise<void> {
    if (!this.#shown || this.#current !== target) return;
    // A failure of an earlier try is forgotten: this try says how it went.
    const { noteError: _, ...model } = this.#shown;
    const subject = model.asset ?? model.data?.assetId ?? '';
    try {
      await sendToBackground(saveNoteRoute, {
        asset: subject,
        quote: this.#quoteOf(target).slice(0, 4000),
        url: location.href,
        detected: target.match.text,
        ...(target.match.claim ? { claim: target.match.claim } : {}),
        ...(words?.text ? { text: words.text } : {}),
        ...(words?.tags.length ? { tags: words.tags } : {}),
        // The post's claims, judged by the worker as it saves (about the token they are about).
        ...claimsAboutSubject(model, subject),
      });
      if (this.#current === target) this.#show(target, { ...model, noteSaved: true });
    } catch (err) {
      if (this.#current === target)
        this.#show(target, { ...model, noteError: err instanceof Error ? err.message : String(err) });
    }
  }

  /** "Always use this": the pin applies everywhere, so every cached resolution is dropped. */
  private async pin(target: HoverTarget, asset: string): Promise<void> {
    const key = pinKey(target.match);
    if (!key) return;
    this.#pickedHere.delete(key);
    // The chart was the reading's before the pin: the card asks for its new reading's.
    this.#chart = undefined;
    await sendToBackground(pinRoute, { key, asset }).catch(() => undefined);
    this.#resolutions.dropResolutions();
    await this.open(target);
  }
}

function baseModel(
  match: Match,
  res: ResolutionReply,
  matches: readonly Match[],
  about: CardModel['claimsAbout'],
  subjectOf: (claim: Match) => ClaimSubject | undefined,
): Omit<CardModel, 'state'> {
  // Each claim of the post once, with the token it is about (a post may name several).
  const claimsNearby = [
    ...new Map(
      matches.flatMap((m) => {
        if (m.kind !== 'claim' || !m.claim) return [];
        const itsAbout = subjectOf(m);
        const item = {
          claim: m.claim,
          ...(m.value === undefined ? {} : { value: m.value }),
          ...(itsAbout ? { about: itsAbout } : {}),
        };
        return [[`${m.claim}|${m.value ?? ''}|${itsAbout?.text ?? ''}`, item] as const];
      }),
    ).values(),
  ];
  return {
    text: match.text,
    kind: match.kind,
    ...(res.asset ? { asset: res.asset } : {}),
    ...(res.candidates?.length ? { candidates: res.candidates } : {}),
    ...(res.candidateInfo?.length ? { candidateInfo: res.candidateInfo } : {}),
    ...(res.alternatives?.length ? { alternatives: res.alternatives } : {}),
    ...(res.unknownAddress ? { unknownAddress: res.unknownAddress } : {}),
    ...(match.chain ? { chain: match.chain } : {}),
    ...(match.valid === false ? { valid: false } : {}),
    ...(match.claim ? { claim: match.claim } : {}),
    claimsNearby,
    ...(claimsNearby.length && about ? { claimsAbout: about } : {}),
  };
}

function withReply(base: Omit<CardModel, 'state'>, reply: CardReply): CardModel {
  return {
    ...base,
    data: reply.card,
    state: stateOf(reply.card, reply.refreshing),
    refreshing: reply.refreshing,
    ...(reply.venue ? { venue: reply.venue } : {}),
    ...(reply.onward ? { onward: reply.onward } : {}),
    ...(reply.error ? { error: reply.error } : {}),
  };
}

/** The post's claims about the noted token, for a note (the worker judges them as it saves). */
function claimsAboutSubject(
  model: CardModel,
  subject: string,
): { claims?: Array<{ claim: ClaimId; value?: number }> } {
  const claims = model.claimsNearby
    .filter((c) => subject && c.about?.asset === subject)
    .map(({ claim, value }) => ({ claim, ...(value === undefined ? {} : { value }) }));
  return claims.length ? { claims } : {};
}
