/**
 * The card controller when the content script stops while a card is loading (the site disabled,
 * the extension reloaded): the answer that lands afterwards must not bring a card back. And the
 * token a post's claims are checked against.
 */
import { describe, expect, it, vi } from 'vitest';
import type { HoverTarget } from '@/entrypoints/content/hover';
import type { Match } from '@/utils/detect';

const pending: Array<(reply: unknown) => void> = [];
vi.mock('@/utils/messaging', () => ({
  sendToBackground: () => new Promise((resolve) => pending.push(resolve)),
}));

const { CardController, claimSubject } = await import('@/entrypoints/content/card-controller');

function fakeHost() {
  const calls: string[] = [];
  return {
    calls,
    host: {
      show: (model: { state: string }) => calls.push(`show ${model.state}`),
      hide: () => calls.push('hide'),
      destroy: () => calls.push('destroy'),
    },
  };
}

const match: Match = { kind: 'ticker', text: '$TAO', start: 0, end: 4, symbol: 'TAO', cashtag: true };
const target = {
  entry: { block: { text: '$TAO' }, matches: [match] },
  match,
  range: { getBoundingClientRect: () => ({ left: 0, top: 0, right: 10, bottom: 10, width: 10, height: 10 }) },
} as unknown as HoverTarget;
const resolutions = { get: () => [{ asset: 'cg:bittensor' }], request: async () => [] };
const reply = { card: null, refreshing: false, error: 'offline' };

describe('CardController', () => {
  it('shows the answer of a card still loading', async () => {
    const { host, calls } = fakeHost();
    const cards = new CardController(host as never, resolutions as never, () => undefined);
    const opened = cards.open(target);
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    pending.shift()?.(reply);
    await opened;
    expect(calls).toEqual(['show loading', 'show error']);
  });

  it('drops the answer that lands after it was disposed, and tears the host down', async () => {
    const { host, calls } = fakeHost();
    const cards = new CardController(host as never, resolutions as never, () => undefined);
    const opened = cards.open(target);
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    cards.dispose();
    pending.shift()?.(reply);
    await opened;
    expect(calls).toEqual(['show loading', 'destroy']);
  });
});

describe('claimSubject', () => {
  const m = (kind: Match['kind'], text: string, extra: Partial<Match> = {}): Match => ({
    kind,
    text,
    start: 0,
    end: text.length,
    ...extra,
  });
  const claim = m('claim', 'No VC', { claim: 'no-vc' });

  it('takes the detection that names a token most surely: a cashtag over a handle over a name', () => {
    const matches = [m('name', 'Solana'), m('handle', '@HyperliquidX', { handle: 'HyperliquidX' }), claim];
    const resolved = [{ asset: 'cg:solana' }, { asset: 'cg:hyperliquid' }, {}];
    expect(claimSubject(matches, resolved)).toEqual({ text: '@HyperliquidX', asset: 'cg:hyperliquid' });
    const withTag = [...matches, m('ticker', '$HYPE', { symbol: 'HYPE', cashtag: true })];
    expect(claimSubject(withTag, [...resolved, { asset: 'cg:hyperliquid' }])).toEqual({
      text: '$HYPE',
      asset: 'cg:hyperliquid',
    });
  });

  it('never a stock, a person or an unknown name; none when the post names no token', () => {
    const matches = [
      m('ticker', '$MSTR', { symbol: 'MSTR', cashtag: true }),
      m('handle', '@saylor', { handle: 'saylor' }),
      m('name', 'Strategy'),
      claim,
    ];
    expect(claimSubject(matches, [{ asset: 'stock:MSTR' }, {}, { asset: 'stock:MSTR' }, {}])).toBeUndefined();
  });

  it('an address or cashtag no list knows, or a symbol with several readings, is the subject with no asset', () => {
    // The demo's post: a contract nobody lists, then USDC's mint and cashtag.
    const matches = [
      claim,
      m('address', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', { chain: 'evm', valid: true }),
      m('name', 'Solana'),
      m('address', 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', { chain: 'solana' }),
      m('ticker', '$USDC', { symbol: 'USDC', cashtag: true }),
    ];
    const resolved = [{}, {}, { asset: 'cg:solana' }, { asset: 'cg:usd-coin' }, { asset: 'cg:usd-coin' }];
    expect(claimSubject(matches, resolved)).toEqual({ text: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' });
    const strk = [m('ticker', '$STRK', { symbol: 'STRK', cashtag: true }), m('name', 'Bitcoin'), claim];
    expect(
      claimSubject(strk, [{ candidates: ['cg:starknet', 'stock:STRK'] }, { asset: 'cg:bitcoin' }, {}]),
    ).toEqual({
      text: '$STRK',
    });
  });
});
