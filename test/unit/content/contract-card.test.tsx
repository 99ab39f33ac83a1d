/**
 * The card of an address no list knows (issue 28), in both languages: "not in any list: priced by
 * contract", the price, the name the token gives itself and that it is not the listed asset of that
 * name, GoPlus's facts; and an address whose checksum fails: said so, never priced. The facts are
 * hand-made in the shape of the `tickerlens:contract` reply (utils/messages.ts).
 */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardActions, CardModel } from '@/components/Card';
import type { ContractFactsReply } from '@/utils/messages';

const ui = vi.hoisted(() => ({ locale: 'en' }));
vi.mock('wxt/browser', async () => (await import('../../support/i18n')).catalogueBrowser(ui));
const { Card } = await import('@/components/Card');

const actions: CardActions = { onClose: () => {}, onRetry: () => {}, onPin: () => {}, onSaveNote: () => {} };
const MINT = '7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU';
const unknownAddress = { chain: 'solana', address: MINT, explorer: `https://solscan.io/token/${MINT}` };
const facts: ContractFactsReply = {
  chain: 'solana',
  address: MINT,
  pricedOn: 'solana',
  price: { usd: 0.00042, source: 'llamaCoins', asOf: Date.now() - 120_000 },
  calls: { name: 'Bitcoin', symbol: 'BTC' },
  imitates: { name: 'Bitcoin', symbol: 'BTC' },
  security: {
    buyTax: 0.05,
    sellTax: 0.1,
    holders: 1234,
    honeypot: true,
    openSource: false,
    mintable: true,
    ownerRenounced: null,
    lpLockedPct: 80,
  },
  fetchedAt: Date.now(),
  errors: [],
};

function show(model: Partial<CardModel>): HTMLElement {
  const { document } = parseHTML('<!doctype html><html><body><div id="mount"></div></body></html>');
  vi.stubGlobal('document', document);
  const mount = document.getElementById('mount') as unknown as HTMLElement;
  const full: CardModel = { text: MINT, kind: 'address', claimsNearby: [], state: 'ready', ...model };
  render(<Card model={full} actions={actions} />, mount);
  return mount;
}

beforeEach(() => {
  ui.locale = 'en';
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('an unlisted contract, priced by contract', () => {
  it('says so, prices it, and never takes it for the asset it names itself after', () => {
    const card = show({ chain: 'solana', unknownAddress, contract: facts });
    const text = card.textContent ?? '';
    expect(card.querySelector('[data-priced-by="contract"]')).not.toBeNull();
    expect(text).toContain('Not in any list: priced by contract.');
    expect(text).toMatch(/\$0\.00042 on solana \(DefiLlama/);
    expect(text).toContain('Calls itself Bitcoin (BTC).');
    expect(text).toContain('Uses the name of Bitcoin (BTC), but no list ties this contract to it');
    expect(text).toMatch(/Buy tax 5% · sell tax 10%/);
    expect(text).toContain('Honeypot: it cannot be sold.');
    expect(card.querySelector('h2')?.textContent).toBe(MINT);
  });

  it('in Chinese too', () => {
    ui.locale = 'zh_CN';
    const text = show({ chain: 'solana', unknownAddress, contract: facts }).textContent ?? '';
    expect(text).toContain('不在任何列表中：按合约定价。');
    expect(text).toContain('自称 Bitcoin (BTC)');
    expect(text).toContain('不要把它当成 Bitcoin');
  });
});

describe('an address whose EIP-55 checksum fails', () => {
  const bad = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756cc2';
  const model = {
    text: bad,
    chain: 'evm',
    valid: false,
    unknownAddress: { chain: 'evm', address: bad, explorer: `https://etherscan.io/token/${bad}` },
  } satisfies Partial<CardModel>;

  it('says it is mistyped or altered, and prices nothing', () => {
    const card = show(model);
    expect(card.textContent).toContain('Invalid EIP-55 checksum: this address is mistyped or altered.');
    expect(card.querySelector('[data-priced-by="contract"]')).toBeNull();
    expect(card.textContent).not.toContain('Pricing by contract');
  });

  it('in Chinese too', () => {
    ui.locale = 'zh_CN';
    expect(show(model).textContent).toContain('EIP-55 校验失败：该地址可能输错或被篡改。');
  });
});
