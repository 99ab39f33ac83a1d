import { render } from 'preact';
import { browser } from 'wxt/browser';
import { setDocumentLanguage } from '@/components/page';
import { scanTab } from '@/utils/messaging';
import { PopupApp } from './App';
import { askFirst } from './asks';
import { summarise } from './summary';

setDocumentLanguage();

/** `popup.html?tabId=<id>` shows the popup for that tab; without it, the active tab (contract §7). */
async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const app = document.getElementById('app');
if (app) {
  targetTabId().then((tabId) => {
    // The scan goes out before the first render: the page's summary is what the popup waits for.
    const firstScan = tabId === undefined ? undefined : scanTab(tabId);
    // Its answer's first questions go out at once, while the view renders (asks.ts).
    firstScan?.then((r) => askFirst(summarise(r.items))).catch(() => undefined);
    render(<PopupApp tabId={tabId} {...(firstScan ? { firstScan } : {})} />, app);
  });
}
