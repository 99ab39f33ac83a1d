/**
 * The top of the card, read in one glance: where the asset lives (its home chain first, the others
 * on demand, or its exchange), the price with its 24 h and 7 d change, and one compact row of
 * volume, 24 h range, drawdown from the peak, market cap and FDV. A price from the built-in snapshot
 * is greyed with its date, never in the headline's bold; live figures on their way say so.
 */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { byUser } from './by-user';
import type { CardActions, CardModel } from './Card';
import { pct, usd, utcDate } from './format';

/** The chain badge (home chain, "+N" for the others) or a stock's exchange. */
export function Where({ model }: { model: CardModel }) {
  const [all, setAll] = useState(false);
  const asset = model.asset;
  if (!asset) return <span class="kind">{t(`kind${cap(model.kind)}` as 'kindTicker')}</span>;
  if (asset.startsWith('stock:'))
    return (
      <span class="badge" data-where="exchange">
        {model.onward?.exchange || model.venue || t('cardStock')}
      </span>
    );
  const chains = model.onward?.contracts.map((c) => c.chain) ?? [];
  const names = [...new Set(chains)];
  if (!names.length)
    return model.venue ? (
      <span class="badge" data-where="chain">
        {model.venue}
      </span>
    ) : (
      <span class="kind">{t('cardCoin')}</span>
    );
  const [home, ...others] = names;
  return (
    <span class="where">
      <span class="badge" data-where="chain">
        {home}
      </span>
      {others.length ? (
        all ? (
          <span class="meta"> {others.join(', ')}</span>
        ) : (
          <button
            type="button"
            class="link more"
            aria-label={t('cardMoreChains', String(others.length))}
            onClick={byUser(() => setAll(true))}
          >
            +{others.length}
          </button>
        )
      ) : null}
    </span>
  );
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function Change({ label, value }: { label: string; value: number | null }) {
  if (value === null) return null;
  return (
    <span class={`chg ${value >= 0 ? 'up' : 'down'}`}>
      {label} {pct(value)}
    </span>
  );
}

export function Headline({ model, actions }: { model: CardModel; actions: CardActions }) {
  const d = model.data;
  const price = d?.price;
  const p = price?.value;
  const s = d?.supply?.value;
  const stock = !!model.asset?.startsWith('stock:');
  const snapshot = price?.source === 'snapshot';
  if (!p) {
    return model.state === 'loading' || model.refreshing ? (
      <p class="meta loading" role="status">
        {t('cardLoading')}
      </p>
    ) : null;
  }
  const stats: Array<[string, string, string]> = [];
  if (s?.volume24hUsd != null)
    stats.push(['volume', stock ? t('cardVolume') : t('cardVolume24h'), usd(s.volume24hUsd)]);
  if (p.low24h !== null && p.high24h !== null)
    stats.push([
      'range',
      stock ? t('cardRangeSession') : t('cardRange24h'),
      `${usd(p.low24h)} – ${usd(p.high24h)}`,
    ]);
  if (p.peak)
    stats.push(['peak', p.peak.basis === 'ath' ? t('cardFromAth') : t('cardFrom52w'), pct(p.peak.changePct)]);
  if (s?.marketCapUsd != null) stats.push(['mcap', t('cardMarketCap'), usd(s.marketCapUsd)]);
  // CoinGecko's FDV is price × total supply, and says so (price × max supply is in Supply).
  if (!stock && s?.fdvUsd != null) stats.push(['fdv', t('cardFdv'), usd(s.fdvUsd)]);
  return (
    <>
      <div class="price-row">
        <span class={snapshot ? 'price snapshot' : 'price'}>{usd(p.usd, 1e12)}</span>
        {snapshot ? (
          <span class="asof" data-snapshot={price.snapshotDate ?? ''}>
            {t('cardAsOf', snapshotDay(price.fetchedAt))}
          </span>
        ) : (
          <>
            <Change label={t('card24h')} value={p.change24hPct} />
            <Change label={t('card7d')} value={p.change7dPct} />
          </>
        )}
      </div>
      {stats.length ? (
        <dl class="stats">
          {stats.map(([key, label, value]) => (
            <div key={key} data-stat={key}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {model.refreshing ? (
        <p class="meta loading" role="status">
          {snapshot ? t('cardGettingLive') : t('cardUpdating')}
        </p>
      ) : price.stale && price.staleReason ? (
        <p class="stale" role="status">
          {t(snapshot ? 'cardLiveFailed' : 'cardPriceOld', price.staleReason)}{' '}
          <button type="button" class="link" onClick={byUser(actions.onRetry)}>
            {t('cardRetry')}
          </button>
        </p>
      ) : null}
    </>
  );
}

/**
 * The day of a snapshot quote, as a reader writes it ("Feb 9, 2025"): each quote's own (quotes in
 * the snapshot differ in age), as the footer says it.
 */
const snapshotDay = (fetchedAt: number) => utcDate(fetchedAt - (fetchedAt % 86_400_000));

/**
 * Opened from the keyboard: the asset and its price, said once by a screen reader (a polite live
 * region, filled when the price is there).
 */
export function Announce({ model }: { model: CardModel }) {
  if (!model.announce) return null;
  const d = model.data;
  const name = d?.name || d?.symbol || model.text;
  const price = d?.price?.value.usd;
  return (
    <p class="sr-only" role="status" aria-live="polite">
      {model.state === 'loading' || price === undefined ? name : t('cardAnnounce', [name, usd(price, 1e12)])}
    </p>
  );
}
