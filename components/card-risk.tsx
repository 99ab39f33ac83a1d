/**
 * One risk line under the header, only what applies: the next unlock with its value and share of
 * the circulating supply, claims in the post the data contradicts, and GoPlus's warnings about the
 * token's contract. A treasury company's line says what it holds against what it is worth.
 */
import type { CardData } from '@/utils/card-schema';
import { type MessageKey, t } from '@/utils/i18n';
import type { TokenFlagId } from '@/utils/sources/token-flags';
import type { CardModel } from './Card';
import { amount, pct, usd, utcDate } from './format';
import { unlockCategoryLabel } from './labels';

const DAY_MS = 86_400_000;
/** Unlocks further off than this are in the table, not in the risk line. */
const RISK_UNLOCK_DAYS = 90;

const FLAG_KEYS: Record<TokenFlagId, MessageKey> = {
  honeypot: 'riskHoneypot',
  cannotSellAll: 'riskCannotSellAll',
  cannotBuy: 'riskCannotBuy',
  ownerCanChangeBalance: 'riskOwnerChangesBalances',
  hiddenOwner: 'riskHiddenOwner',
  canTakeBackOwnership: 'riskTakeBackOwnership',
  mintable: 'riskMintable',
  transferPausable: 'riskPausable',
  taxModifiable: 'riskTaxModifiable',
  blacklist: 'riskBlacklist',
  buyTax: 'riskBuyTax',
  sellTax: 'riskSellTax',
  lpUnlocked: 'riskLpUnlocked',
};

export interface RiskItem {
  kind: 'unlock' | 'claims' | 'token';
  text: string;
}

/** What the risk line says, worst first; empty when nothing applies. */
export function risks(model: CardModel, now = Date.now()): RiskItem[] {
  const out: RiskItem[] = [];
  const d = model.data;
  const flags = model.onward?.token?.flags ?? [];
  if (flags.length) {
    const words = flags.map((f) =>
      f.pct === undefined ? t(FLAG_KEYS[f.flag]) : t(FLAG_KEYS[f.flag], pct(f.pct, false)),
    );
    out.push({ kind: 'token', text: t('riskToken', [model.onward?.token?.chain ?? '', words.join(', ')]) });
  }
  const contradicted = (model.claimVerdicts ?? []).filter((v) => v.verdict === 'contradicts').length;
  if (contradicted) out.push({ kind: 'claims', text: t('riskClaims', String(contradicted)) });
  const next = d?.unlocks?.value.next.find(
    (u) => u.kind === 'cliff' && u.date >= now && u.date - now <= RISK_UNLOCK_DAYS * DAY_MS,
  );
  if (next && d) {
    const days = Math.max(0, Math.ceil((next.date - now) / DAY_MS));
    const price = d.price?.value.usd;
    const parts = [`${amount(next.amount)} ${d.symbol}`];
    if (price) parts[0] += ` ≈ ${usd(next.amount * price)}`;
    if (next.shareOfCirculatingPct !== null)
      parts.push(t('riskShareOfCirculating', pct(next.shareOfCirculatingPct, false)));
    parts.push(unlockCategoryLabel(next.category));
    out.push({
      kind: 'unlock',
      text: t('riskUnlock', [String(days), parts.join(', '), utcDate(next.date)]),
    });
  }
  return out;
}

export function RiskLine({ model }: { model: CardModel }) {
  const items = risks(model);
  if (!items.length) return null;
  return (
    <ul class="risk" aria-label={t('riskTitle')}>
      {items.map((r) => (
        <li key={r.kind} data-risk={r.kind}>
          <span aria-hidden="true">⚠ </span>
          {r.text}
        </li>
      ))}
    </ul>
  );
}

type TreasuryValue = NonNullable<CardData['treasury']>['value'];

/** The treasury coins by the symbols readers know them by. */
export const coinSymbol = (coin: 'bitcoin' | 'ethereum') => (coin === 'bitcoin' ? 'BTC' : 'ETH');

/**
 * A treasury company's line: mNAV and the premium over its holdings, each holding with its value,
 * per share (shares from market cap ÷ price) and its average cost where the source gives one.
 */
export function TreasuryLine({ tr, data }: { tr: TreasuryValue; data: CardData }) {
  if (!tr.holdings.length) return null;
  const price = data.price?.value.usd;
  const cap = data.supply?.value.marketCapUsd;
  const shares = price && cap ? cap / price : null;
  return (
    <div class="treasury-line" data-treasury={tr.company}>
      {tr.mNav !== null ? (
        <p>
          <strong>{t('cardMnavShort', tr.mNav.toFixed(2))}</strong>{' '}
          <span class="meta">
            {t(tr.mNav >= 1 ? 'cardPremium' : 'cardDiscount', pct(Math.abs(tr.mNav - 1) * 100, false))}
          </span>
        </p>
      ) : null}
      {tr.holdings.map((h) => {
        const sym = coinSymbol(h.coin);
        const parts = [`${amount(h.holdings)} ${sym}`];
        if (h.valueUsd !== null) parts.push(usd(h.valueUsd));
        if (shares) parts.push(t('cardPerShare', [(h.holdings / shares).toPrecision(3), sym]));
        if (h.entryValueUsd !== null && h.holdings > 0)
          parts.push(t('cardAvgCost', usd(h.entryValueUsd / h.holdings)));
        return (
          <p key={h.coin} class="meta" data-holding={h.coin}>
            {parts.join(' · ')}
          </p>
        );
      })}
    </div>
  );
}
