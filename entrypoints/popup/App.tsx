import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { claimLabel, kindLabel } from '@/components/labels';
import { t } from '@/utils/i18n';
import type { ScanItem, ScanResult } from '@/utils/messages';
import { scanTab } from '@/utils/messaging';
import { type PageSummary, summarise } from './summary';

type State =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'inactive' }
  | { kind: 'ready'; result: ScanResult; summary: PageSummary };

export function PopupApp({ tabId }: { tabId: number | undefined }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    if (tabId === undefined) {
      setState({ kind: 'no-tab' });
      return;
    }
    scanTab(tabId)
      .then((result) => setState({ kind: 'ready', result, summary: summarise(result.items) }))
      // No content script answers on this tab: not a site Tickerlens runs on (or not loaded yet).
      .catch(() => setState({ kind: 'inactive' }));
  }, [tabId]);

  return (
    <main>
      <header class="bar">
        <h1>{t('popupTitle')}</h1>
        <button type="button" class="link" onClick={() => browser.runtime.openOptionsPage()}>
          {t('popupSettings')}
        </button>
      </header>
      <Body state={state} />
    </main>
  );
}

function Body({ state }: { state: State }) {
  switch (state.kind) {
    case 'loading':
      return <p class="muted">{t('popupScanning')}</p>;
    case 'no-tab':
      return <p class="muted">{t('popupNoTab')}</p>;
    case 'inactive':
      return (
        <section data-testid="inactive">
          <p>{t('popupNotActive')}</p>
          <p class="muted">{t('popupNotActiveHint')}</p>
        </section>
      );
    case 'ready':
      return <Summary result={state.result} summary={state.summary} />;
  }
}

function Summary({ result, summary }: { result: ScanResult; summary: PageSummary }) {
  if (!result.items.length) return <p class="muted">{t('popupNothingFound')}</p>;
  return (
    <section data-testid="page-summary">
      <h2>{t('popupOnThisPage')}</h2>
      <p class="muted host">{hostOf(result.url)}</p>
      {summary.groups.map((g) => (
        <div class="group" key={g.kind} data-kind={g.kind}>
          <h3>
            {kindLabel(g.kind)} <span class="count">{g.total}</span>
          </h3>
          <ul>
            {g.rows.map((row) => (
              <li key={row.key} data-testid="summary-row">
                <span class="text">{label(row.item)}</span>
                {row.count > 1 ? <span class="count">{t('popupOccurrences', String(row.count))}</span> : null}
                {row.item.kind !== 'claim' ? (
                  <span class="asset">{row.item.asset ?? t('popupUnresolved')}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function label(item: ScanItem): string {
  if (item.kind === 'claim' && item.claim) return `${claimLabel(item.claim)}: “${item.text}”`;
  return item.text;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
