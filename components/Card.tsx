/**
 * The hover card: one asset's figures, each with its source and age, the next unlocks, treasury
 * holdings, the claims made in the same post against the data, and candidates when the symbol is
 * ambiguous. Page and API text is rendered as text (Preact escapes it), never as HTML.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { reasonText, sourceName } from '@/components/reason';
import type { CardData } from '@/utils/card-schema';
import type { ClaimId } from '@/utils/detect';
import { type MessageKey, t } from '@/utils/i18n';
import type { BackgroundReply, ClaimVerdictReply, ContractFactsReply } from '@/utils/messages';
import type { ChartRange } from '@/utils/sources/chart-ranges';
import { byUser } from './by-user';
import { ContractFacts } from './ContractFacts';
import { Announce, Headline, Where } from './card-header';
import { NoteAction } from './card-note';
import { Onward } from './card-onward';
import { coinSymbol, RiskLine, TreasuryLine } from './card-risk';
import { figuresOf } from './card-state';
import { age, amount, pct, usd, utcDate, utcIso } from './format';
import { claimLabel, kindLabel, unlockCategoryLabel } from './labels';
import { type ChartView, PriceChart } from './PriceChart';

export type CardState = 'loading' | 'ready' | 'stale' | 'error';

type CardReply = BackgroundReply<'tickerlens:card'>;
export type CardOnward = NonNullable<CardReply['onward']>;
export type CandidateInfo = NonNullable<CardModel['candidateInfo']>[number];

export interface CardModel {
  /** The detected text, exactly as on the page. */
  text: string;
  kind: 'ticker' | 'name' | 'handle' | 'address' | 'claim';
  asset?: string;
  /** Assets still in play when the symbol is ambiguous, best first. */
  candidates?: string[];
  /** Name, rank and chain or exchange of each candidate, same order. */
  candidateInfo?: Array<{ id: string; name: string; symbol: string; rank?: number; venue?: string }>;
  /**
   * When context and rank chose `asset` over other assets with the symbol: those others, best
   * first, for "Not this?".
   */
  alternatives?: CandidateInfo[];
  /** Read this way on this page only ("Just here"), not pinned. */
  pickedHere?: boolean;
  /** An address no list knows: its chain and an explorer link. */
  unknownAddress?: { chain: string; address: string; explorer: string; symbol?: string; name?: string };
  /** That address priced by contract, with its self-given name and scanner facts (ContractFacts.tsx). */
  contract?: ContractFactsReply;
  chain?: string;
  /** Where the resolved asset trades: its exchange, or the chains its token lives on. */
  venue?: string;
  /** For addresses: false when the EIP-55 checksum is wrong. */
  valid?: boolean;
  claim?: ClaimId;
  /**
   * Claims made in the same post or paragraph (with the number of "N% airdrop"), each with the token
   * it is about (claimSubjectOf), when the post names one.
   */
  claimsNearby: Array<{ claim: ClaimId; value?: number; about?: { text: string; asset?: string } }>;
  /**
   * The token those claims are about (card-controller.ts, `claimSubject`): its text on the page,
   * and its asset when that is known. Absent when the post names no token.
   */
  claimsAbout?: { text: string; asset?: string };
  data?: CardData | null;
  /** The background is fetching live figures behind the ones shown. */
  refreshing?: boolean;
  /** Contracts, DefiLlama pages, the exchange, GoPlus's warnings (card-onward.ts). */
  onward?: CardOnward;
  /** The price chart's range and points, once asked. */
  chart?: ChartView;
  /** What the worker says of the post's claims about that token (claim-marks.ts), once known. */
  claimVerdicts?: ClaimVerdictReply[];
  state: CardState;
  error?: string;
  /** Opened from the keyboard: the card says the asset and its price to a screen reader. */
  announce?: boolean;
  /** Set once "Save note" stored the note. */
  noteSaved?: boolean;
  /** Why "Save note" failed, if it did (the note was not stored). */
  noteError?: string;
}

export interface CardActions {
  onClose: () => void;
  onRetry: () => void;
  /** "Always read this symbol as `asset`". */
  onPin: (asset: string) => void;
  /** "Read it as `asset` on this page only". */
  onPickHere?: (asset: string) => void;
  /** Saves a note quoting the post, with the price shown now, and the reader's words and tags. */
  onSaveNote: (words?: { text: string; tags: string[] }) => void;
  /** Opens the notes page (where a saved note is). */
  onOpenNotes?: () => void;
  /** Shows another range of the price chart. */
  onChartRange?: (range: ChartRange) => void;
}

export function Card({ model, actions }: { model: CardModel; actions: CardActions }) {
  const titleId = 'tickerlens-card-title';
  const d = model.data ?? undefined;
  const claimCard = model.kind === 'claim' && !!model.claim;
  // A claim's card is named after the claim; its figures are the token's the claim is about. A
  // source can know an asset by symbol only (an empty name): the dialog is never left unnamed.
  const title = claimCard && model.claim ? claimLabel(model.claim) : d?.name || d?.symbol || model.text;
  const stock = !!model.asset?.startsWith('stock:');
  return (
    <div
      class="card"
      role="dialog"
      tabIndex={-1}
      aria-labelledby={titleId}
      aria-modal="false"
      aria-busy={model.state === 'loading'}
    >
      <header>
        <div class="title-row">
          <h2 id={titleId}>{title}</h2>
          {d?.symbol && !claimCard ? <span class="sym">{d.symbol}</span> : null}
          {claimCard ? <span class="kind">{venue(model)}</span> : <Where model={model} />}
          <button type="button" class="close" aria-label={t('cardClose')} onClick={byUser(actions.onClose)}>
            ×
          </button>
        </div>
        {model.asset && !claimCard ? <Headline model={model} actions={actions} /> : null}
      </header>
      <Announce model={model} />

      {model.valid === false ? <p class="warn">{t('cardInvalidChecksum')}</p> : null}
      {claimCard ? <p class="claim">{claimSubjectLine(model)}</p> : null}
      {model.asset && !claimCard ? <RiskLine model={model} /> : null}
      {model.asset && !claimCard && d?.treasury ? <TreasuryLine tr={d.treasury.value} data={d} /> : null}
      {model.alternatives?.length && model.asset && !claimCard ? (
        <NotThis model={model} actions={actions} />
      ) : null}
      {model.unknownAddress ? <UnknownAddress a={model.unknownAddress} /> : null}
      {model.unknownAddress && model.valid !== false ? (
        <ContractFacts a={model.unknownAddress} facts={model.contract} />
      ) : null}
      {model.candidates?.length ? (
        <Candidates list={model.candidates} info={model.candidateInfo} actions={actions} />
      ) : null}
      {model.kind !== 'claim' &&
      !model.asset &&
      !model.candidates?.length &&
      !model.unknownAddress &&
      model.valid !== false ? (
        <p class="meta">{t('cardUnresolved')}</p>
      ) : null}

      {model.asset && !claimCard && model.chart && actions.onChartRange ? (
        <PriceChart view={model.chart} onRange={actions.onChartRange} />
      ) : null}
      {model.asset ? <Figures model={model} actions={actions} /> : null}

      {model.claimsNearby.length ? <Claims model={model} /> : null}
      {model.asset && !claimCard ? <Onward model={model} /> : null}
      {model.asset || model.kind === 'claim' ? <NoteAction model={model} actions={actions} /> : null}
      {d ? <Sources data={d} stock={stock} claimOnly={claimCard} /> : null}
    </div>
  );
}

/** What the asset is and where it trades: "Stock · NASDAQ", "Coin · ethereum, solana". */
function venue(m: CardModel): string {
  const where = m.venue ?? m.chain;
  const kind = m.asset?.startsWith('stock:')
    ? t('cardStock')
    : m.asset?.startsWith('cg:')
      ? t('cardCoin')
      : '';
  if (!kind) return kindLabel(m.kind);
  return where ? `${kind} · ${where}` : kind;
}

/**
 * What went wrong, as the browser or the background said it (English, technical): after the
 * localized sentence, for a bug report, marked as English for screen readers.
 */
function ErrorDetail({ error }: { error: string }) {
  return (
    <span class="meta" lang="en">
      {error}
    </span>
  );
}

function Figures({ model, actions }: { model: CardModel; actions: CardActions }) {
  const d = model.data;
  if (model.state === 'loading' && (!d || !figuresOf(d).length)) return null;
  // No figure at all (nothing stored, or only the profile): nothing is out of date, nothing is there.
  if (!d || !figuresOf(d).length) {
    return (
      <div class="err" role="alert">
        <p>{t('cardNoData')}</p>
        {model.error ? (
          <p>
            {t('cardFetchFailed')} <ErrorDetail error={model.error} />
          </p>
        ) : null}
        <button type="button" onClick={byUser(actions.onRetry)}>
          {t('cardRetry')}
        </button>
      </div>
    );
  }
  const s = d.supply?.value;
  const stock = !!model.asset?.startsWith('stock:');
  return (
    <>
      {s && !stock ? (
        <Fold title={t('cardSupply')} name="supply">
          <dl class="grid">
            {/* CoinGecko's FDV is price × total supply; price × max supply beside it when they differ. */}
            {s.fdvMaxUsd !== null && s.max !== null && s.max !== s.total ? (
              <Row k="cardFdvMax" v={usd(s.fdvMaxUsd)} />
            ) : null}
            <Row k="cardCirculating" v={amount(s.circulating)} />
            <Row k="cardTotalSupply" v={amount(s.total)} />
            <Row k="cardMaxSupply" v={s.max === null ? '∞' : amount(s.max)} />
            {s.rank ? <Row k="cardRank" v={`#${s.rank}`} /> : null}
          </dl>
        </Fold>
      ) : null}
      {d.unlocks ? <Unlocks u={d.unlocks.value} /> : null}
      {d.treasury ? <Treasury tr={d.treasury.value} /> : null}
      {d.revenue ? <Revenue r={d.revenue.value} /> : null}
    </>
  );
}

/** A section the reader opens: its heading is the button (a native <details>, keyboard-ready). */
function Fold({
  title,
  name,
  open = false,
  children,
}: {
  title: string;
  name: string;
  open?: boolean;
  children: ComponentChildren;
}) {
  return (
    <details class="fold" data-fold={name} open={open}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

function Row({ k, v }: { k: MessageKey; v: string }) {
  return (
    <>
      <dt>{t(k)}</dt>
      <dd>{v}</dd>
    </>
  );
}

type Unlocks = NonNullable<CardData['unlocks']>['value'];
type UnlockRow = Unlocks['next'][number];

function Unlocks({ u }: { u: Unlocks }) {
  if (!u.listed) return null;
  return (
    <Fold title={t('cardUnlocks')} name="unlocks">
      {u.next.length ? <UnlockList rows={u.next} /> : <p class="meta">{t('cardNoUnlocks')}</p>}
      {u.next30d.sharePct !== null ? (
        <p class="meta">
          {t('cardNext30d', [pct(u.next30d.sharePct, false), pct(u.next30d.insiderSharePct ?? 0, false)])}
        </p>
      ) : null}
      {u.next90d.sharePct !== null && u.next90d.amount > u.next30d.amount ? (
        <p class="meta">
          {t('cardNext90d', [pct(u.next90d.sharePct, false), pct(u.next90d.insiderSharePct ?? 0, false)])}
        </p>
      ) : null}
      {u.recent.length ? (
        <div class="recent">
          <h4>{t('cardJustUnlocked')}</h4>
          <UnlockList rows={u.recent} />
        </div>
      ) : null}
    </Fold>
  );
}

function UnlockList({ rows }: { rows: UnlockRow[] }) {
  return (
    <ul class="unlocks">
      <li class="head">
        <span>{t('cardUnlockDate')}</span>
        <span>{t('cardUnlockAmount')}</span>
        <span>{t('cardUnlockShare')}</span>
      </li>
      {rows.map((e) => (
        <li
          key={`${e.kind}-${e.date}-${e.label}`}
          class={e.insider ? 'insider' : ''}
          data-kind={e.kind}
          data-date={utcIso(e.date)}
          data-end={e.end === null ? undefined : utcIso(e.end)}
        >
          {/* Dates in UTC, as DefiLlama gives them. A stream: its period and its rate. */}
          <span>
            {e.kind === 'cliff' ? (
              <time dateTime={utcIso(e.date)}>{utcDate(e.date)}</time>
            ) : e.end !== null ? (
              t('cardStreamPeriod', [utcDate(e.date), utcDate(e.end)])
            ) : (
              t('cardStreamOpen', utcDate(e.date))
            )}
          </span>
          <span>
            {e.ratePerDay !== null ? t('cardStreamPerDay', amount(e.ratePerDay)) : amount(e.amount)}
          </span>
          <span>{e.shareOfCirculatingPct === null ? '—' : pct(e.shareOfCirculatingPct, false)}</span>
          <span class="cat">{unlockLine(e)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The category in the reader's language, the section as the source names it, what a stream has left. */
function unlockLine(e: UnlockRow): string {
  const category = unlockCategoryLabel(e.category);
  const parts = [category];
  if (e.label && e.label.toLowerCase() !== e.category.toLowerCase() && e.label !== category)
    parts.push(e.label);
  if (e.kind === 'stream')
    parts.push(t(e.end !== null ? 'cardStreamLeft' : 'cardStreamNext30d', amount(e.amount)));
  return parts.join(' · ');
}

function Treasury({ tr }: { tr: NonNullable<CardData['treasury']>['value'] }) {
  return (
    <Fold title={t('cardTreasury')} name="treasury">
      {tr.holdings.length ? (
        <ul>
          {tr.holdings.map((h) => (
            <li key={h.coin}>
              {amount(h.holdings)} {coinSymbol(h.coin)} · {usd(h.valueUsd)}
            </li>
          ))}
        </ul>
      ) : null}
      {tr.refused.map((r) => (
        <p key={r.coin} class="warn" data-refused={r.coin}>
          {t('cardTreasuryRefused', [coinSymbol(r.coin), usd(r.impliedUnitUsd), usd(r.coinUsd)])}
        </p>
      ))}
      <p class="meta">
        {tr.mNav !== null
          ? t('cardMnav', tr.mNav.toFixed(2))
          : t(tr.mNavNote === 'noHoldingsValue' ? 'cardMnavNoHoldingsValue' : 'cardMnavUnknown')}
      </p>
    </Fold>
  );
}

type RevenueSeries = NonNullable<CardData['revenue']>['value']['revenue'];

function Revenue({ r }: { r: NonNullable<CardData['revenue']>['value'] }) {
  if (!r.revenue && !r.holdersRevenue) return null;
  return (
    <Fold title={t('cardRevenue')} name="revenue">
      <dl class="grid">
        <RevenueRow series={r.revenue} full="cardRevenue30d" partial="cardRevenueCovered" />
        <RevenueRow series={r.holdersRevenue} full="cardHolders30d" partial="cardHoldersCovered" />
      </dl>
    </Fold>
  );
}

/**
 * 30 days when the source gives them or the chart covers them; else the days the chart covers,
 * said as those days; else unknown. Never a shorter sum called 30 days.
 */
function RevenueRow({
  series,
  full,
  partial,
}: {
  series: RevenueSeries;
  full: MessageKey;
  partial: MessageKey;
}) {
  if (!series) return null;
  if (series.total30d !== null) return <Row k={full} v={usd(series.total30d, 1e5)} />;
  const c = series.covered;
  if (!c) return <Row k={full} v={t('cardUnknown')} />;
  return (
    <>
      <dt>{t(partial, [utcDate(c.from), utcDate(c.to), String(c.days)])}</dt>
      <dd>{usd(c.sum, 1e5)}</dd>
    </>
  );
}

type Verdict = ClaimVerdictReply['verdict'];

/** A mark beside the words, so a verdict never rests on colour alone. */
const VERDICT_MARKS: Record<Verdict, string> = { agrees: '○', contradicts: '✗', unknown: '?' };

const VERDICT_KEYS: Record<Verdict, MessageKey> = {
  agrees: 'verdictAgrees',
  contradicts: 'verdictContradicts',
  unknown: 'verdictUnknown',
};

/**
 * What a claim is checked against on this card: the data of the token it is about (on that
 * token's card, or on a claim's), or why it cannot be checked here.
 */
function claimGround(
  model: CardModel,
  about: { text: string; asset?: string } | undefined,
): { data: CardData | null } | { why: string } {
  if (!about) return { why: t('reasonNoSubject') };
  if (!about.asset) return { why: t('reasonSubjectUnknown', about.text) };
  const cardSubject = model.kind === 'claim' ? model.claimsAbout?.asset : model.asset;
  if (about.asset !== cardSubject) return { why: t('reasonAboutOther', about.text) };
  if (model.state === 'loading') return { why: t('cardLoading') };
  return { data: model.data ?? null };
}

/** The line under a claim's title: which token it was checked against, or why none. */
function claimSubjectLine(model: CardModel): string {
  const ground = claimGround(model, model.claimsAbout);
  const about = model.claimsAbout;
  if ('why' in ground && !(about?.asset && model.state === 'loading')) return ground.why;
  const name = model.data?.name;
  return t('cardClaimAbout', name && about ? `${name} (${about.text})` : (about?.text ?? ''));
}

function Claims({ model }: { model: CardModel }) {
  // Open: the post's own words checked against the data are what this card exists for.
  return (
    <Fold title={t('cardClaimsInPost')} name="claims" open>
      <ul class="claims">
        {model.claimsNearby.map(({ claim, value, about }) => {
          const ground = claimGround(model, about);
          // The worker's verdict, as the page's marks and the popup show it (claim-marks.ts).
          const checked =
            'data' in ground
              ? model.claimVerdicts?.find(
                  (v) => v.claim === claim && v.value === value && v.asset === about?.asset,
                )
              : undefined;
          const verdict = checked?.verdict ?? 'unknown';
          const why = checked ? reasonText(checked.reason) : 'why' in ground ? ground.why : t('cardLoading');
          return (
            <li
              key={`${claim}-${value ?? ''}-${about?.text ?? ''}`}
              class={`verdict-${verdict}`}
              data-claim={claim}
              data-verdict={verdict}
            >
              <strong>{claimLabel(claim)}</strong> · <span aria-hidden="true">{VERDICT_MARKS[verdict]}</span>{' '}
              {t(VERDICT_KEYS[verdict])}
              <span class="meta"> {why}</span>
            </li>
          );
        })}
      </ul>
    </Fold>
  );
}

function Candidates({
  list,
  info,
  actions,
}: {
  list: string[];
  info: CardModel['candidateInfo'];
  actions: CardActions;
}) {
  return (
    <section>
      <h3>{t('cardCandidates')}</h3>
      <ul class="candidates">
        {list.map((id, i) => {
          const c = info?.[i]?.id === id ? info[i] : undefined;
          return <CandidateRow key={id} id={id} c={c} actions={actions} />;
        })}
      </ul>
    </section>
  );
}

/** A candidate by name, with what tells it apart (kind, rank, where it trades), and the two picks. */
function CandidateRow({
  id,
  c,
  actions,
}: {
  id: string;
  c: CandidateInfo | undefined;
  actions: CardActions;
}) {
  const kind = id.startsWith('stock:') ? t('cardStock') : t('cardCoin');
  return (
    <li data-asset={id}>
      <span>
        <strong>{c?.name || c?.symbol || t('cardUnnamedAsset')}</strong>
        <span class="meta">
          {' '}
          {[kind, c?.rank ? `#${c.rank}` : '', c?.venue ?? ''].filter(Boolean).join(' · ')}
        </span>
      </span>
      <span class="picks">
        {actions.onPickHere ? (
          <button type="button" class="link" onClick={byUser(() => actions.onPickHere?.(id))}>
            {t('cardJustHere')}
          </button>
        ) : null}
        <button type="button" class="link" onClick={byUser(() => actions.onPin(id))}>
          {t('cardAlwaysUse')}
        </button>
      </span>
    </li>
  );
}

/** Resolved on evidence, with other assets under the symbol: one click shows them to switch. */
function NotThis({ model, actions }: { model: CardModel; actions: CardActions }) {
  const [open, setOpen] = useState(false);
  const others = model.alternatives ?? [];
  return (
    <div class="not-this">
      {model.pickedHere ? <span class="meta">{t('cardPickedHere')} </span> : null}
      <button type="button" class="link" aria-expanded={open} onClick={byUser(() => setOpen(!open))}>
        {t('cardNotThis')}
      </button>
      {open ? (
        <ul class="candidates">
          {others.map((c) => (
            <CandidateRow key={c.id} id={c.id} c={c} actions={actions} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function UnknownAddress({ a }: { a: NonNullable<CardModel['unknownAddress']> }) {
  return (
    <section>
      <p>
        {a.symbol ? t('cardUnknownTokenNamed', [a.symbol, a.name ?? '']) : t('cardUnknownToken', a.chain)}
      </p>
      <a href={a.explorer} target="_blank" rel="noopener noreferrer">
        {t('cardExplorer')}
      </a>
    </section>
  );
}

interface Provenance {
  source: string;
  fetchedAt: number;
  ageMs: number;
  asOf: number | null;
  stale: boolean;
  staleReason?: string | undefined;
  snapshotDate?: string | undefined;
}

function Sources({ data, stock, claimOnly }: { data: CardData; stock: boolean; claimOnly: boolean }) {
  // Only the figures the card shows: an asset with no unlock schedule or no revenue data lists none,
  // and a claim's card shows none but what its verdicts read (the unlock schedule, the revenue).
  const revenueShown = !!(data.revenue?.value.revenue || data.revenue?.value.holdersRevenue);
  const shows = (figure: Provenance | undefined) => (claimOnly ? undefined : figure);
  const rows: Array<[MessageKey, Provenance | undefined]> = [
    ['cardPrice', shows(data.price)],
    ['cardSparkline', shows(data.sparkline)],
    // A share's figures there are its market cap and volume, not a token supply.
    [stock ? 'cardMarketCap' : 'cardSupply', shows(data.supply)],
    ['cardUnlocks', data.unlocks?.value.listed ? data.unlocks : undefined],
    ['cardTreasury', shows(data.treasury)],
    ['cardRevenue', revenueShown ? data.revenue : undefined],
  ];
  const shown = rows.filter((r): r is [MessageKey, Provenance] => r[1] !== undefined);
  if (!shown.length) return null;
  return (
    <footer>
      {shown.map(([k, f]) => (
        <div key={k} class={f.stale ? 'stale' : ''}>
          {t(k)}: {sourceName(f.source)} ·{' '}
          {/* A snapshot figure carries its own date (quotes in the snapshot differ in age); another
              figure says when its source last updated it, when the source says. */}
          {f.source === 'snapshot'
            ? t('cardSnapshotOf', isoDate(f.fetchedAt))
            : f.asOf !== null
              ? t('cardSourceUpdated', age(sourceAgeMs(f)))
              : age(f.ageMs)}
          {f.stale && f.staleReason ? ` · ${f.staleReason}` : ''}
        </div>
      ))}
    </footer>
  );
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** How old the source's own time was when the card was built (`ageMs` is measured then too). */
const sourceAgeMs = (f: Provenance) => Math.max(0, f.fetchedAt + f.ageMs - (f.asOf ?? f.fetchedAt));
