/**
 * The card's section for a contract address or Solana mint that no list knows: "not in any list:
 * priced by contract", its price, the name it gives itself (its own claim, never taken for a listed
 * asset's), and GoPlus's scanner facts. The facts come in the card's model (`CardModel.contract`)
 * when the card's controller fetched them, or are asked for here (`tickerlens:contract`).
 * An address whose checksum fails is never priced (the card says so instead).
 */
import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '@/utils/i18n';
import { type ContractFactsReply, contractRoute } from '@/utils/messages';
import { sendToBackground } from '@/utils/messaging';
import { age, amount, pct, usd } from './format';

type Unknown = { chain: string; address: string };

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; facts: ContractFactsReply | null }
  | { state: 'error'; error: string };

/** The facts given, or asked for once per address. */
function useContractFacts(a: Unknown, given: ContractFactsReply | undefined): Loaded {
  const [loaded, setLoaded] = useState<Loaded>(
    given ? { state: 'ready', facts: given } : { state: 'loading' },
  );
  useEffect(() => {
    if (given) return;
    if (a.chain !== 'evm' && a.chain !== 'solana') {
      setLoaded({ state: 'ready', facts: null });
      return;
    }
    let live = true;
    setLoaded({ state: 'loading' });
    sendToBackground(contractRoute, { chain: a.chain, address: a.address })
      .then((r) => live && setLoaded({ state: 'ready', facts: r.facts }))
      .catch(
        (err: unknown) =>
          live && setLoaded({ state: 'error', error: err instanceof Error ? err.message : String(err) }),
      );
    return () => {
      live = false;
    };
  }, [a.chain, a.address, given]);
  return loaded;
}

export function ContractFacts({ a, facts }: { a: Unknown; facts?: ContractFactsReply | undefined }) {
  const loaded = useContractFacts(a, facts);
  if (loaded.state === 'loading') return <p class="meta">{t('cardContractLoading')}</p>;
  if (loaded.state === 'error') return <p class="err">{t('cardContractFailed', loaded.error)}</p>;
  const f = loaded.facts;
  if (!f) return null;
  const calls = [f.calls?.name, f.calls?.symbol ? `(${f.calls.symbol})` : ''].filter(Boolean).join(' ');
  return (
    <section class="contract" data-priced-by="contract">
      <p class="warn">{t('cardPricedByContract')}</p>
      {f.price ? (
        <p>
          {t('cardContractPrice', [
            usd(f.price.usd),
            f.pricedOn ?? a.chain,
            t(`source_${f.price.source}` as MessageKey),
            age(Date.now() - (f.price.asOf ?? f.fetchedAt)),
          ])}
        </p>
      ) : (
        <p class="meta">{t('cardContractNoPrice')}</p>
      )}
      {calls ? <p>{t('cardContractCallsItself', calls)}</p> : null}
      {f.imitates ? (
        <p class="warn">{t('cardContractImitates', [f.imitates.name, f.imitates.symbol])}</p>
      ) : null}
      {f.coingecko ? (
        <p class="meta">{t('cardContractCoinGecko', [f.coingecko.name, f.coingecko.symbol])}</p>
      ) : null}
      {f.security ? <Scanner s={f.security} /> : null}
      {f.errors.length ? <p class="meta">{f.errors.join(' · ')}</p> : null}
    </section>
  );
}

function Scanner({ s }: { s: NonNullable<ContractFactsReply['security']> }) {
  const lines: string[] = [];
  if (s.buyTax !== null || s.sellTax !== null)
    lines.push(
      t('cardContractTaxes', [
        pct(s.buyTax === null ? null : s.buyTax * 100, false),
        pct(s.sellTax === null ? null : s.sellTax * 100, false),
      ]),
    );
  if (s.holders !== null) lines.push(t('cardContractHolders', amount(s.holders)));
  if (s.honeypot) lines.push(t('cardContractHoneypot'));
  if (s.mintable) lines.push(t('cardContractMintable'));
  if (s.openSource === false) lines.push(t('cardContractNotOpenSource'));
  if (s.ownerRenounced) lines.push(t('cardContractRenounced'));
  if (s.lpLockedPct !== null) lines.push(t('cardContractLp', pct(s.lpLockedPct, false)));
  if (lines.length === 0) return null;
  return (
    <section>
      <h3>{t('cardContractScanner')}</h3>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </section>
  );
}
