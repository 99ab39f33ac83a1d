/**
 * "Pinned choices": every pin (a symbol, handle or address always read as one asset), by the asset's
 * name, symbol and where it trades, each with Undo. Undo tells every open page to resolve again.
 */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { type BackgroundReply, pinsListMessage, unpinMessage } from '@/utils/messages';
import { sendToBackground } from '@/utils/messaging';
import { useLoadOnVisible } from './visible';

type PinRow = BackgroundReply<'tickerlens:pins-list'>['pins'][number];
type State = { state: 'loading' } | { state: 'failed'; detail: string } | { state: 'ready'; pins: PinRow[] };

export function Pins() {
  const [list, setList] = useState<State>({ state: 'loading' });
  const [status, setStatus] = useState<{ ok: boolean; text: string } | undefined>();

  const load = () =>
    sendToBackground(pinsListMessage, {})
      .then(({ pins }) => setList({ state: 'ready', pins }))
      .catch((err: unknown) => setList({ state: 'failed', detail: errorText(err) }));
  useLoadOnVisible(load);

  async function undo(pin: PinRow): Promise<void> {
    try {
      await sendToBackground(unpinMessage, { key: pin.key });
      setStatus({ ok: true, text: t('optionsPinRemoved', keyLabel(pin.key)) });
    } catch (err) {
      setStatus({ ok: false, text: t('optionsSaveFailed', errorText(err)) });
    }
    await load();
  }

  return (
    <section aria-labelledby="pins-title" data-testid="pins">
      <h2 id="pins-title">{t('optionsPins')}</h2>
      <p class="muted">{t('optionsPinsHelp')}</p>
      {list.state === 'loading' ? <p class="muted">{t('optionsPinsLoading')}</p> : null}
      {list.state === 'failed' ? <p class="bad">{t('optionsPinsFailed', list.detail)}</p> : null}
      {list.state === 'ready' && !list.pins.length ? (
        <p class="muted" data-testid="pins-empty">
          {t('optionsPinsEmpty', t('cardAlwaysUse'))}
        </p>
      ) : null}
      {list.state === 'ready' && list.pins.length ? (
        <ul class="pins" data-testid="pins-list">
          {list.pins.map((pin) => (
            <li key={pin.key} data-key={pin.key}>
              <span class="text" title={pin.key}>
                {keyLabel(pin.key)}
              </span>
              <span aria-hidden="true">→</span>
              <span class="pin-asset">
                <strong>{assetName(pin)}</strong>
                {pin.symbol && pin.symbol !== assetName(pin) ? ` (${pin.symbol})` : ''}
                <span class="muted"> · {kindLabel(pin)}</span>
              </span>
              <button
                type="button"
                class="link"
                aria-label={t('optionsPinUndoLabel', [keyLabel(pin.key), assetName(pin)])}
                onClick={() => void undo(pin)}
              >
                {t('optionsPinUndo')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {status ? (
        <p class={status.ok ? 'ok' : 'bad'} role="status">
          {status.text}
        </p>
      ) : null}
    </section>
  );
}

/** A pin's key as the page shows it: the symbol, the @handle, an address shortened (whole in its title). */
export function keyLabel(key: string): string {
  return key.length > 20 ? `${key.slice(0, 6)}…${key.slice(-4)}` : key;
}

/** The asset's name; never its internal id, even for one the lists no longer hold. */
function assetName(pin: PinRow): string {
  return pin.name || pin.symbol || t('optionsPinUnknownAsset');
}

function kindLabel(pin: PinRow): string {
  if (pin.kind === 'stock') return pin.venue ? t('optionsPinStockOn', pin.venue) : t('optionsPinStock');
  if (pin.kind === 'coin') return pin.venue ? t('optionsPinCoinOn', pin.venue) : t('optionsPinCoin');
  return t('optionsPinContract');
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
