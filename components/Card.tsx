/**
 * The hover card's content. It renders what Tickerlens knows about one detection; figures appear as
 * the data layer provides them. Text from the page is rendered as text (Preact escapes it), never
 * as HTML.
 */
import type { ClaimId } from '@/utils/detect';
import { t } from '@/utils/i18n';
import { claimLabel, kindLabel } from './labels';

export interface CardModel {
  /** The detected text, exactly as on the page. */
  text: string;
  kind: 'ticker' | 'name' | 'handle' | 'address' | 'claim';
  asset?: string;
  chain?: string;
  /** For addresses: false when the EIP-55 checksum is wrong. */
  valid?: boolean;
  claim?: ClaimId;
  /** Claims made in the same post or paragraph. */
  claimsNearby: ClaimId[];
}

export function Card({ model, onClose }: { model: CardModel; onClose: () => void }) {
  const titleId = 'tickerlens-card-title';
  return (
    <div class="card" role="dialog" aria-labelledby={titleId} aria-modal="false">
      <header>
        <h2 id={titleId}>{model.text}</h2>
        <span class="kind">{kindLabel(model.kind)}</span>
        <button type="button" class="close" aria-label={t('cardClose')} onClick={onClose}>
          ×
        </button>
      </header>
      {model.valid === false ? <p class="warn">{t('cardInvalidChecksum')}</p> : null}
      {model.chain ? <p class="meta">{t('cardChain', model.chain)}</p> : null}
      {model.kind === 'claim' && model.claim ? <p class="claim">{claimLabel(model.claim)}</p> : null}
      {model.kind !== 'claim' ? (
        <p class="meta">{model.asset ? t('cardAssetId', model.asset) : t('cardUnresolved')}</p>
      ) : null}
      {model.claimsNearby.length ? (
        <section>
          <h3>{t('cardClaimsInPost')}</h3>
          <ul>
            {model.claimsNearby.map((c) => (
              <li key={c}>{claimLabel(c)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <p class="note">{t('cardNoMarketData')}</p>
      <footer>{t('cardSource', t('sourceDetection'))}</footer>
    </div>
  );
}
