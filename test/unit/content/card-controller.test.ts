/**
 * The card controller when the content script stops while a card is loading (the site disabled,
 * the extension reloaded): the answer that lands afterwards must not bring a card back.
 */
import { describe, expect, it, vi } from 'vitest';
import type { HoverTarget } from '@/entrypoints/content/hover';
import type { Match } from '@/utils/detect';

const pending: Array<(reply: unknown) => void> = [];
vi.mock('@/utils/messaging', () => ({
  sendToBackground: () => new Promise((resolve) => pending.push(resolve)),
}));

const { CardController } = await import('@/entrypoints/content/card-controller');

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
const resolutions = { resolutionsOf: () => [{ asset: 'cg:bittensor' }], resolve: async () => [] };
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
