/**
 * A way onward from the card: copy a contract address (per chain), and links to the asset on
 * CoinGecko and DefiLlama, the chain's explorer, a chart site, and a search on X for the cashtag.
 * Links open in a new tab with `noopener`; nothing is fetched from them.
 */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { dexScreenerUrl, explorerName, explorerTokenUrl } from '@/utils/registry/explorers';
import { byUser } from './by-user';
import type { CardModel } from './Card';

export interface OnwardLink {
  id: string;
  label: string;
  url: string;
}

/** Exchanges' own quote pages, by the exchange names the registry uses. */
function exchangePage(exchange: string | undefined, ticker: string): OnwardLink | undefined {
  const e = (exchange ?? '').toUpperCase();
  if (e.startsWith('NASDAQ'))
    return {
      id: 'exchange',
      label: 'Nasdaq',
      url: `https://www.nasdaq.com/market-activity/stocks/${ticker.toLowerCase()}`,
    };
  if (e.startsWith('NYSE') || e === 'AMEX' || e === 'ARCA')
    return {
      id: 'exchange',
      label: 'NYSE',
      url: `https://www.nyse.com/quote/XNYS:${encodeURIComponent(ticker)}`,
    };
  if (e.startsWith('CBOE') || e === 'BATS')
    return {
      id: 'exchange',
      label: 'Cboe',
      url: `https://www.cboe.com/us/equities/market_statistics/book/${encodeURIComponent(ticker.toLowerCase())}/`,
    };
  return undefined;
}

/** Every link the card offers for its asset, in the order a trader goes. */
export function onwardLinks(model: CardModel): OnwardLink[] {
  const asset = model.asset ?? '';
  const d = model.data;
  const o = model.onward;
  const symbol = d?.symbol || '';
  const links: OnwardLink[] = [];
  if (asset.startsWith('cg:')) {
    const id = asset.slice(3);
    links.push({
      id: 'coingecko',
      label: 'CoinGecko',
      url: `https://www.coingecko.com/en/coins/${encodeURIComponent(id)}`,
    });
    if (o?.llamaProtocol)
      links.push({
        id: 'defillama',
        label: 'DefiLlama',
        url: `https://defillama.com/protocol/${encodeURIComponent(o.llamaProtocol)}`,
      });
    if (o?.llamaUnlocks)
      links.push({
        id: 'unlocks',
        label: t('linkUnlocks'),
        url: `https://defillama.com/unlocks/${encodeURIComponent(o.llamaUnlocks)}`,
      });
    const home = o?.contracts[0];
    const explorer = home ? explorerTokenUrl(home.platform, home.address) : undefined;
    if (home && explorer)
      links.push({ id: 'explorer', label: explorerName(home.platform) ?? home.chain, url: explorer });
    const dex = home ? dexScreenerUrl(home.platform, home.address) : undefined;
    if (dex) links.push({ id: 'chart', label: 'DEX Screener', url: dex });
  } else if (asset.startsWith('stock:')) {
    const ticker = asset.slice(6);
    const page = exchangePage(o?.exchange, ticker);
    if (page) links.push(page);
    links.push({
      id: 'chart',
      label: 'Yahoo Finance',
      url: `https://finance.yahoo.com/quote/${encodeURIComponent(ticker)}`,
    });
  }
  if (symbol && /^[A-Za-z0-9]{1,15}$/.test(symbol))
    links.push({
      id: 'x',
      label: t('linkSearchX', `$${symbol.toUpperCase()}`),
      url: `https://x.com/search?q=${encodeURIComponent(`$${symbol.toUpperCase()}`)}&f=live`,
    });
  return links;
}

/** Clipboard from the card: the async API where the page allows it, a selected field otherwise. */
async function copyText(text: string, doc: Document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = doc.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    doc.documentElement.append(field);
    field.select();
    const ok = doc.execCommand('copy');
    field.remove();
    return ok;
  }
}

const short = (a: string) => (a.length > 14 ? `${a.slice(0, 6)}…${a.slice(-4)}` : a);

export function Onward({ model }: { model: CardModel }) {
  const [copied, setCopied] = useState<string | undefined>();
  const [allChains, setAllChains] = useState(false);
  const links = onwardLinks(model);
  const contracts = model.onward?.contracts ?? [];
  const shown = allChains ? contracts : contracts.slice(0, 1);
  if (!links.length && !contracts.length) return null;
  return (
    <nav class="onward" aria-label={t('cardOnward')}>
      {shown.length ? (
        <ul class="contracts">
          {shown.map((c) => (
            <li key={`${c.platform}:${c.address}`} data-platform={c.platform}>
              <span class="meta">{c.chain}</span> <code title={c.address}>{short(c.address)}</code>{' '}
              <button
                type="button"
                class="link copy"
                data-address={c.address}
                aria-label={t('cardCopyContractOn', c.chain)}
                onClick={byUser(() => {
                  void copyText(c.address, document).then((ok) => setCopied(ok ? c.address : undefined));
                })}
              >
                {copied === c.address ? t('cardCopied') : t('cardCopy')}
              </button>
            </li>
          ))}
          {contracts.length > 1 && !allChains ? (
            <li>
              <button type="button" class="link" onClick={byUser(() => setAllChains(true))}>
                {t('cardOtherChains', String(contracts.length - 1))}
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
      {copied ? (
        <span class="sr-only" role="status">
          {t('cardCopied')}
        </span>
      ) : null}
      <p class="links">
        {links.map((l) => (
          <a key={l.id} href={l.url} target="_blank" rel="noopener noreferrer" data-link={l.id}>
            {l.label}
          </a>
        ))}
      </p>
    </nav>
  );
}
