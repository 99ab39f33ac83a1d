/**
 * The popup's view of a page: the claims grouped by the token they are about, with what the data
 * says of each; the checklist of the token picked (the first one a launch claim is about, or any
 * asset the reader picks); and one row per asset with its price. Everything comes from the cache
 * first (within 100 ms of opening) and is filled in as the background fetches the rest; a figure
 * still loading says so, never 0.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Checklist } from '@/components/Checklist';
import { age, pct, usd } from '@/components/format';
import { claimLabel, kindLabel } from '@/components/labels';
import { reasonText, sourceName } from '@/components/reason';
import type { BoxId } from '@/utils/checklist/types';
import type { ClaimId } from '@/utils/detect/types';
import { t } from '@/utils/i18n';
import {
  type AssetRowReply,
  type ChecklistReply,
  type ClaimVerdictReply,
  checklistMessage,
  checklistOverrideMessage,
  type ScanResult,
  saveNoteMessage,
} from '@/utils/messages';
import { sendToBackground } from '@/utils/messaging';
import { askAssets, askChecklist, askVerdicts, firstSubject, verdictItems } from './asks';
import { type AssetMention, assetIdsOf, type ClaimGroup, type PageSummary, summarise } from './summary';

const verdictKey = (asset: string, claim: string, value?: number) => `${asset}|${claim}|${value ?? ''}`;

/**
 * Asks from the cache, then again waiting for what was missing: `show` gets both answers, the
 * second (or a first that needs nothing more) marked final.
 */
function cacheThenFresh<T>(
  ask: (wait: boolean) => Promise<T>,
  show: (v: T, final: boolean) => void,
  needsMore: (v: T) => boolean,
) {
  let stopped = false;
  ask(false)
    .then((first) => {
      if (stopped) return;
      const more = needsMore(first);
      show(first, !more);
      if (more) return ask(true).then((second) => !stopped && show(second, true));
    })
    .catch(() => undefined);
  return () => {
    stopped = true;
  };
}

export function PageView({ result }: { result: ScanResult }) {
  const summary = useMemo(() => summarise(result.items), [result]);
  const [rows, setRows] = useState<Map<string, AssetRowReply>>(new Map());
  /** Whether the rows are final (prices still missing then are not coming). */
  const [rowsFinal, setRowsFinal] = useState(false);
  const [verdicts, setVerdicts] = useState<Map<string, ClaimVerdictReply>>(new Map());
  const [picked, setPicked] = useState<string | undefined>(firstSubject(summary));

  useEffect(() => {
    const ids = assetIdsOf(summary);
    if (!ids.length) return;
    return cacheThenFresh(
      (wait) => askAssets(ids, wait),
      (r, final) => {
        setRows(new Map(r.assets.map((a) => [a.asset, a])));
        setRowsFinal(final);
      },
      (r) => r.assets.some((a) => !a.price && a.kind !== 'contract'),
    );
  }, [summary]);

  useEffect(() => {
    const items = verdictItems(summary);
    if (!items.length) return;
    return cacheThenFresh(
      (wait) => askVerdicts(items, wait),
      (r) => setVerdicts(new Map(r.verdicts.map((v) => [verdictKey(v.asset, v.claim, v.value), v]))),
      (r) => r.verdicts.some((v) => v.verdict === 'unknown'),
    );
  }, [summary]);

  if (!result.items.length) return <p class="muted">{t('popupNothingFound')}</p>;
  const nameOf = (id: string) => displayName(rows.get(id), id);
  return (
    <>
      {summary.claims.length ? (
        <ClaimsSection
          groups={summary.claims}
          verdicts={verdicts}
          nameOf={nameOf}
          onPick={setPicked}
          picked={picked}
        />
      ) : null}
      {picked ? (
        <PickedChecklist
          key={picked}
          asset={picked}
          title={nameOf(picked)}
          claims={[
            ...new Set(summary.claims.find((g) => g.asset === picked)?.claims.map((c) => c.claim)),
          ].join(',')}
          note={noteFor(summary, picked, result.url, rows.get(picked))}
        />
      ) : null}
      <AssetsSection
        summary={summary}
        rows={rows}
        final={rowsFinal}
        picked={picked}
        onPick={setPicked}
        host={hostOf(result.url)}
      />
    </>
  );
}

/** "Hyperliquid (HYPE)", or its symbol, never an id; "…" while the name is being read. */
function displayName(row: AssetRowReply | undefined, id: string): string {
  if (!row) return id.startsWith('stock:') ? id.slice(6) : '…';
  if (row.name && row.symbol && row.name.toUpperCase() !== row.symbol.toUpperCase())
    return `${row.name} (${row.symbol})`;
  return row.name || row.symbol || '…';
}

function ClaimsSection({
  groups,
  verdicts,
  nameOf,
  onPick,
  picked,
}: {
  groups: ClaimGroup[];
  verdicts: Map<string, ClaimVerdictReply>;
  nameOf: (id: string) => string;
  onPick: (asset: string) => void;
  picked: string | undefined;
}) {
  return (
    // Busy until the worker's first verdicts come (a claim about no known token needs none).
    <section
      data-testid="page-claims"
      aria-labelledby="claims-h"
      aria-busy={groups.some((g) => g.asset) && verdicts.size === 0}
    >
      <h2 id="claims-h">{t('popupClaims')}</h2>
      {groups.map((g) => (
        <div class="claim-group" key={g.key} data-asset={g.asset ?? ''}>
          <h3 class="claim-subject">
            {g.asset
              ? t('popupClaimsAbout', nameOf(g.asset))
              : g.subjectText
                ? t('popupClaimsAbout', shortText(g.subjectText))
                : t('popupClaimsNoSubject')}
            {g.asset?.startsWith('cg:') && g.asset !== picked ? (
              <button
                type="button"
                class="link"
                aria-label={t('popupChecklistOf', nameOf(g.asset))}
                onClick={() => onPick(g.asset as string)}
              >
                {t('popupShowChecklist')}
              </button>
            ) : null}
          </h3>
          <ul class="claims">
            {g.claims.map((c) => {
              const v = g.asset ? verdicts.get(verdictKey(g.asset, c.claim, c.value)) : undefined;
              const verdict = v?.verdict ?? 'unknown';
              const why = v
                ? reasonText(v.reason)
                : !g.asset
                  ? g.subjectText
                    ? t('reasonSubjectUnknown', shortText(g.subjectText))
                    : t('reasonNoSubject')
                  : t('popupPriceLoading');
              return (
                <li
                  key={`${c.claim}-${c.value ?? ''}`}
                  class={`claim verdict-${verdict}`}
                  data-claim={c.claim}
                  data-verdict={verdict}
                >
                  <div>
                    <strong>{claimLabel(c.claim)}</strong> <q>{c.texts[0]}</q>
                    {c.count > 1 ? <span class="count"> {t('popupMentions', String(c.count))}</span> : null}
                  </div>
                  <div class="verdict-line">
                    <VerdictMark verdict={verdict} /> {why}
                  </div>
                  {v?.source ? (
                    <div class="muted small">
                      {sourceName(v.source)}
                      {v.asOf !== undefined ? ` · ${age(Math.max(0, Date.now() - v.asOf))}` : ''}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}

const VERDICT_KEYS = {
  agrees: 'verdictAgrees',
  contradicts: 'verdictContradicts',
  unknown: 'verdictUnknown',
} as const;
const VERDICT_MARKS = { agrees: '○', contradicts: '✗', unknown: '?' } as const;

/** A verdict in words with a mark, so it never rests on colour alone. */
function VerdictMark({ verdict }: { verdict: ClaimVerdictReply['verdict'] }) {
  return (
    <span class="verdict">
      <span aria-hidden="true">{VERDICT_MARKS[verdict]}</span> {t(VERDICT_KEYS[verdict])}:
    </span>
  );
}

interface NoteDraft {
  quote: string;
  url: string;
  detected: string;
  claim?: ClaimId;
  claims?: Array<{ claim: ClaimId; value?: number }>;
}

/**
 * A note saved from the popup quotes the post of the first claim about the asset, if any, and keeps
 * every claim the page makes about it (the worker judges them as it saves).
 */
function noteFor(s: PageSummary, asset: string, url: string, row: AssetRowReply | undefined): NoteDraft {
  const claims = s.claims.find((g) => g.asset === asset)?.claims ?? [];
  const mention = s.assets.find((a) => a.asset === asset);
  return {
    quote: claims[0]?.context ?? '',
    url,
    detected: mention?.texts[0] ?? row?.symbol ?? '',
    ...(claims[0] ? { claim: claims[0].claim } : {}),
    ...(claims.length
      ? {
          claims: claims.map((c) => ({
            claim: c.claim,
            ...(c.value === undefined ? {} : { value: c.value }),
          })),
        }
      : {}),
  };
}

const claimIds = (list: string): ClaimId[] => (list ? (list.split(',') as ClaimId[]) : []);

function PickedChecklist({
  asset,
  title,
  claims,
  note,
}: {
  asset: string;
  title: string;
  /** The launch claims the page makes about it, comma-separated (a value the effects can depend on). */
  claims: string;
  note: NoteDraft;
}) {
  const [result, setResult] = useState<ChecklistReply | undefined>();
  const [failed, setFailed] = useState(false);
  const [saved, setSaved] = useState<'saved' | 'failed' | undefined>();
  const stock = asset.startsWith('stock:');
  useEffect(() => {
    if (stock) return;
    return cacheThenFresh(
      (wait) => askChecklist(asset, claimIds(claims), wait),
      (r) => {
        setFailed(false);
        setResult(r);
      },
      (r) => r.loading,
    );
  }, [asset, stock, claims]);
  useEffect(() => {
    if (result || stock) return;
    const timer = setTimeout(() => setFailed(true), 15_000);
    return () => clearTimeout(timer);
  }, [result, stock]);

  if (stock) return <p class="muted">{t('popupChecklistTokensOnly')}</p>;
  if (!result)
    return (
      <p class="muted" role="status">
        {failed ? t('cardNoData') : t('popupChecklistLoading')}
      </p>
    );
  const onOverride = async (box: BoxId, verdict: 'pass' | 'fail' | null, reason: string) => {
    await sendToBackground(checklistOverrideMessage, { asset, box, verdict, reason });
    // With the user's verdict, from the cache; figures still missing are asked for again, waited on.
    const now = await sendToBackground(checklistMessage, { asset, claims: claimIds(claims) });
    setResult(now);
    if (now.loading) setResult(await askChecklist(asset, claimIds(claims), true));
  };
  const save = () => {
    setSaved(undefined);
    sendToBackground(saveNoteMessage, { asset, ...note })
      .then(() => setSaved('saved'))
      .catch(() => setSaved('failed'));
  };
  return (
    <>
      <Checklist result={result} title={title} actions={{ onOverride }} />
      <p class="row-actions">
        <button type="button" onClick={save} disabled={saved === 'saved'} data-testid="popup-save-note">
          {saved === 'saved' ? t('popupNoteSaved') : t('popupSaveNote')}
        </button>
        {saved === 'failed' ? (
          <span class="bad" role="alert">
            {t('popupNoteFailed')}
          </span>
        ) : null}
      </p>
    </>
  );
}

function AssetsSection({
  summary,
  rows,
  final,
  picked,
  onPick,
  host,
}: {
  summary: PageSummary;
  rows: Map<string, AssetRowReply>;
  final: boolean;
  picked: string | undefined;
  onPick: (asset: string) => void;
  host: string;
}) {
  return (
    // Busy until the worker's first answer names the assets.
    <section
      data-testid="page-summary"
      aria-labelledby="assets-h"
      aria-busy={summary.assets.length > 0 && rows.size === 0}
    >
      <h2 id="assets-h">
        {t('popupAssets')} <span class="muted host">{host}</span>
      </h2>
      <ul class="assets">
        {summary.assets.map((m) => (
          <AssetRow key={m.key} m={m} rows={rows} final={final} picked={picked} onPick={onPick} />
        ))}
        {summary.unknown.map((m) => (
          <li key={m.key} class="asset unknown" data-testid="summary-row">
            <span class="text" title={m.texts.join(', ')}>
              {m.texts.map(shortText).join(', ')}
            </span>
            <span class="muted">{t('popupUnresolved')}</span>
          </li>
        ))}
        {summary.hiddenHandles ? (
          <li class="muted" data-testid="hidden-handles">
            {summary.hiddenHandles === 1
              ? t('popupOtherHandle')
              : t('popupOtherHandles', String(summary.hiddenHandles))}
          </li>
        ) : null}
      </ul>
    </section>
  );
}

function AssetRow({
  m,
  rows,
  final,
  picked,
  onPick,
}: {
  m: AssetMention;
  rows: Map<string, AssetRowReply>;
  final: boolean;
  picked: string | undefined;
  onPick: (asset: string) => void;
}) {
  const row = m.asset ? rows.get(m.asset) : undefined;
  const kinds = m.kinds.map((k) => kindLabel(k)).join(', ');
  return (
    <li class="asset" data-testid="summary-row" data-asset={m.asset ?? ''}>
      <div class="asset-line">
        <span class="asset-name">
          {m.asset ? <strong>{displayName(row, m.asset)}</strong> : <strong>{m.texts[0]}</strong>}
          {row?.venue || row?.kind === 'stock' ? <span class="muted"> · {row.venue ?? ''}</span> : null}
        </span>
        {m.asset ? <PriceCell row={row} final={final} /> : null}
      </div>
      <div class="muted small">
        {t('popupMentions', String(m.count))} · {kinds} · {m.texts.slice(0, 3).join(', ')}
      </div>
      {m.candidates?.length ? (
        <div class="small">
          {t('popupAmbiguous', String(m.candidates.length))}{' '}
          {t('popupCouldBe', m.candidates.map((c) => displayName(rows.get(c), c)).join(' · '))}
        </div>
      ) : null}
      {m.asset?.startsWith('cg:') && m.asset !== picked ? (
        <button
          type="button"
          class="link"
          aria-label={t('popupChecklistOf', displayName(row, m.asset))}
          onClick={() => onPick(m.asset as string)}
        >
          {t('popupShowChecklist')}
        </button>
      ) : null}
    </li>
  );
}

/** A price from the cache; while it is being fetched it says so, and never shows as 0. */
function PriceCell({ row, final }: { row: AssetRowReply | undefined; final: boolean }) {
  if (!row) return <span class="price muted">{t('popupPriceLoading')}</span>;
  const p = row.price;
  if (!p) {
    const why =
      row.kind === 'contract' ? 'popupNoPrice' : final ? 'popupPriceUnavailable' : 'popupPriceLoading';
    return <span class="price muted">{t(why)}</span>;
  }
  const change = p.change24hPct;
  return (
    <span
      class={`price${p.stale ? ' stale' : ''}`}
      title={`${sourceName(p.source)}${p.snapshotDate ? ` ${p.snapshotDate}` : ''}`}
    >
      {usd(p.usd)}
      {change !== null ? <span class={`chg ${change >= 0 ? 'up' : 'down'}`}> {pct(change)}</span> : null}
      {p.stale ? <span class="muted small"> · {t('popupStale')}</span> : null}
    </span>
  );
}

/** A contract address as people write it short (0x5aAe…BeAed); other texts as they are. */
function shortText(text: string): string {
  return text.length > 24 && !/\s/.test(text) ? `${text.slice(0, 6)}…${text.slice(-5)}` : text;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
