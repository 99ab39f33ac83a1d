/**
 * What the card controller shows and asks for, with the background and the card's host faked: the
 * card's model as the reader sees it (state, figures, reading, claims, chart, saved note), the
 * messages it sends the worker, how long a card opens from memory, and that an answer for a card no
 * longer open never lands on the one open now. The card's rendering and the real worker are checked
 * in Chromium (test/browser/card.test.ts); here, the controller's own decisions.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardActions, CardModel } from '@/components/Card';
import type { HoverTarget } from '@/entrypoints/content/hover';
import type { Match } from '@/utils/detect';
import type { ResolutionReply } from '@/utils/messages';

type Payload = Record<string, unknown>;
/** Every message sent to the background, in order: its type and payload. */
const sent: Array<{ type: string; payload: Payload }> = [];
/** How the fake background answers a message (a throw is a failed send). */
let answer: (type: string, payload: Payload) => unknown = () => ({});
vi.mock('@/utils/messaging', () => ({
  sendToBackground: async (route: { type: string }, payload: Payload) => {
    sent.push({ type: route.type, payload });
    return answer(route.type, payload);
  },
}));

const { CardController } = await import('@/entrypoints/content/card-controller');

/** Lets every pending answer land (the fake background answers within microtasks). */
const settle = () => new Promise((r) => setTimeout(r, 0));

/** A gate a test opens by hand: an answer held until then. */
function gate<T>() {
  let open: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    open = r;
  });
  return { promise, open };
}

function fakeHost() {
  const shows: CardModel[] = [];
  const calls: string[] = [];
  let actions: CardActions | undefined;
  return {
    shows,
    calls,
    /** The actions of the card shown last (its buttons). */
    actions: () => actions as Required<CardActions>,
    last: () => shows[shows.length - 1] as CardModel,
    host: {
      show: (model: CardModel, _anchor: DOMRect, a: CardActions) => {
        shows.push(model);
        calls.push(`show ${model.state}`);
        actions = a;
      },
      hide: () => calls.push('hide'),
      destroy: () => calls.push('destroy'),
    },
  };
}

/** The detection client's cache of resolutions, per block text, and what it resolves when asked. */
function fakeResolutions(known: Record<string, ResolutionReply[]> = {}) {
  const cache = new Map(Object.entries(known));
  const asked: Array<{ text: string; wait: boolean }> = [];
  let dropped = 0;
  let resolveTo: (text: string) => ResolutionReply[] = () => [];
  return {
    cache,
    asked,
    dropped: () => dropped,
    resolveWith: (fn: (text: string) => ResolutionReply[]) => {
      resolveTo = fn;
    },
    resolver: {
      resolutionsOf: (text: string) => cache.get(text),
      resolve: async (text: string, _matches: readonly Match[], wait: boolean) => {
        asked.push({ text, wait });
        return resolveTo(text);
      },
      dropResolutions: () => {
        dropped++;
        cache.clear();
      },
    },
  };
}

const RECT = { left: 0, top: 0, right: 10, bottom: 10, width: 10, height: 10 };
function targetOf(text: string, matches: Match[], at = 0): HoverTarget {
  return {
    entry: { block: { text }, matches },
    match: matches[at],
    range: { getBoundingClientRect: () => RECT },
  } as unknown as HoverTarget;
}

function ticker(text: string, start = 0, cashtag = true): Match {
  const symbol = text.replace(/^\$/, '').toUpperCase();
  return { kind: 'ticker', text, start, end: start + text.length, symbol, cashtag };
}
function claim(text: string, id: Match['claim'], start: number, value?: number): Match {
  return {
    kind: 'claim',
    text,
    start,
    end: start + text.length,
    claim: id,
    ...(value === undefined ? {} : { value }),
  };
}

/** A figure as the worker stores it (only what the controller and `stateOf` read): fresh, from CoinGecko. */
const figure = (value: unknown, stale = false) => ({
  value,
  source: 'coingecko',
  fetchedAt: 0,
  ageMs: 0,
  asOf: null,
  sourceOld: false,
  stale,
});
/** A card with a price. */
function priced(assetId: string, usd = 1, stale = false): Payload {
  return { assetId, symbol: 'X', name: 'X', price: figure({ usd }, stale) };
}
/** A price past its age: the worker refreshes it behind the card. */
const stalePrice = (assetId: string) => priced(assetId, 1, true);
/** A card with figures but no price. */
const unpriced = (assetId: string): Payload => ({ assetId, symbol: 'X', name: 'X', supply: figure({}) });

const TAO = ticker('$TAO');
const taoTarget = () => targetOf('$TAO', [TAO]);
const taoKnown = () => fakeResolutions({ $TAO: [{ asset: 'cg:bittensor' }] });
const types = () => sent.map((s) => s.type);
const cardAsks = () => sent.filter((s) => s.type === 'tickerlens:card').map((s) => s.payload);

beforeEach(() => {
  sent.length = 0;
  answer = (type) =>
    type === 'tickerlens:card'
      ? { card: null, refreshing: false }
      : type === 'tickerlens:chart'
        ? { points: [] }
        : {};
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000_000);
  vi.stubGlobal('location', { href: 'https://x.com/someone/status/1' });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('CardController: resolution', () => {
  it("reads the post's cached resolutions without asking for them", async () => {
    const { host } = fakeHost();
    const r = taoKnown();
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(taoTarget());
    expect(r.asked).toEqual([]);
    expect(cardAsks()).toEqual([{ asset: 'cg:bittensor', wait: false }]);
  });

  it('asks for the resolutions of a post not resolved yet, waiting for them', async () => {
    const { host, last } = fakeHost();
    const r = fakeResolutions();
    r.resolveWith(() => [{ asset: 'cg:bittensor' }]);
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(taoTarget());
    expect(r.asked).toEqual([{ text: '$TAO', wait: true }]);
    expect(last().asset).toBe('cg:bittensor');
  });

  it('shows an unresolved detection as it is, ready, asking the worker for nothing', async () => {
    const { host, calls, last } = fakeHost();
    const r = fakeResolutions({ $ZZZQ: [{}] });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(targetOf('$ZZZQ', [ticker('$ZZZQ')]));
    await settle();
    expect(calls).toEqual(['show ready']);
    expect(last()).toEqual({ text: '$ZZZQ', kind: 'ticker', claimsNearby: [], state: 'ready' });
    expect(sent).toEqual([]);
  });

  it('reads the resolution of the hovered detection, not of another in the post', async () => {
    const { host, last } = fakeHost();
    const matches = [ticker('$TAO'), ticker('$ETH', 9)];
    const r = fakeResolutions({ 'gm $TAO, $ETH': [{ asset: 'cg:bittensor' }, { asset: 'cg:ethereum' }] });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(targetOf('gm $TAO, $ETH', matches, 1));
    expect(last().asset).toBe('cg:ethereum');
    expect(cardAsks()).toEqual([{ asset: 'cg:ethereum', wait: false }]);
  });

  it("carries the reading's candidates, alternatives, unknown address, chain and checksum to the card", async () => {
    const { host, last } = fakeHost();
    const address: Match = { kind: 'address', text: '0xAbC', start: 0, end: 5, chain: 'evm', valid: false };
    const unknownAddress = {
      chain: 'ethereum',
      address: '0xabc',
      explorer: 'https://etherscan.io/address/0xabc',
    };
    const info = [{ id: 'cg:a', name: 'A', symbol: 'A' }];
    const r = fakeResolutions({
      '0xAbC': [{ candidates: ['cg:a', 'cg:b'], candidateInfo: info, alternatives: info, unknownAddress }],
    });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(targetOf('0xAbC', [address]));
    expect(last()).toEqual({
      text: '0xAbC',
      kind: 'address',
      candidates: ['cg:a', 'cg:b'],
      candidateInfo: info,
      alternatives: info,
      unknownAddress,
      chain: 'evm',
      valid: false,
      claimsNearby: [],
      state: 'ready',
    });
  });

  it('leaves out empty candidate lists and a valid checksum', async () => {
    const { host, last } = fakeHost();
    const address: Match = { kind: 'address', text: '0xabc', start: 0, end: 5, chain: 'evm', valid: true };
    const r = fakeResolutions({ '0xabc': [{ candidates: [], candidateInfo: [], alternatives: [] }] });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(targetOf('0xabc', [address]));
    expect(last()).toEqual({
      text: '0xabc',
      kind: 'address',
      chain: 'evm',
      claimsNearby: [],
      state: 'ready',
    });
  });
});

/**
 * Opens $TAO's card on stored figures the worker is refreshing (a stale price); the refresh it
 * waits for lands when the test opens `refreshed`.
 */
async function openRefreshing(host: ReturnType<typeof fakeHost>['host']) {
  const refreshed = gate<unknown>();
  answer = (type, payload) => {
    if (type !== 'tickerlens:card') return { points: [] };
    return payload.wait ? refreshed.promise : { card: stalePrice('cg:bittensor'), refreshing: true };
  };
  const cards = new CardController(host as never, taoKnown().resolver as never, () => undefined);
  const opened = cards.open(taoTarget());
  await settle();
  return { refreshed, opened, cards };
}

describe('CardController: figures and their states', () => {
  it('shows loading, then the figures with their state, venue and onward links', async () => {
    const { host, calls, last } = fakeHost();
    const onward = { contracts: [] };
    answer = (type) =>
      type === 'tickerlens:card'
        ? { card: priced('cg:bittensor'), refreshing: false, venue: 'Bittensor', onward }
        : { points: [] };
    const cards = new CardController(host as never, taoKnown().resolver as never, () => undefined);
    await cards.open(taoTarget());
    expect(calls.slice(0, 2)).toEqual(['show loading', 'show ready']);
    expect(last()).toMatchObject({
      asset: 'cg:bittensor',
      state: 'ready',
      refreshing: false,
      venue: 'Bittensor',
      onward,
    });
    expect(last().data).toEqual(priced('cg:bittensor'));
  });

  it("says why when the worker can't be reached, and what it threw when that was not an Error", async () => {
    const { host, last } = fakeHost();
    answer = () => {
      throw new Error('Extension context invalidated.');
    };
    const cards = new CardController(host as never, taoKnown().resolver as never, () => undefined);
    await cards.open(taoTarget());
    expect(last()).toMatchObject({ state: 'error', data: null, error: 'Extension context invalidated.' });

    answer = () => {
      throw 'port closed';
    };
    await cards.open(taoTarget(), true);
    expect(last()).toMatchObject({ state: 'error', error: 'port closed' });
  });

  it("passes on the worker's own error, and none when there is none", async () => {
    const { host, last } = fakeHost();
    answer = () => ({ card: null, refreshing: false, error: 'CoinGecko answered 429' });
    const cards = new CardController(host as never, taoKnown().resolver as never, () => undefined);
    await cards.open(taoTarget());
    expect(last().error).toBe('CoinGecko answered 429');
    answer = (type) =>
      type === 'tickerlens:card' ? { card: unpriced('cg:bittensor'), refreshing: false } : { points: [] };
    await cards.open(taoTarget(), true);
    expect(last()).not.toHaveProperty('error');
    expect(last()).not.toHaveProperty('venue');
    expect(last()).not.toHaveProperty('onward');
  });

  it('shows what is stored while the worker refreshes, then the refreshed figures', async () => {
    const { host, shows } = fakeHost();
    const { refreshed, opened } = await openRefreshing(host);
    expect(cardAsks()).toEqual([
      { asset: 'cg:bittensor', wait: false },
      { asset: 'cg:bittensor', wait: true },
    ]);
    // The stored figures, then the week's chart on them, while the refresh is on its way.
    expect(shows.map((s) => [s.state, s.refreshing, s.chart?.loading])).toEqual([
      ['loading', undefined, undefined],
      ['stale', true, undefined],
      ['stale', true, true],
      ['stale', true, false],
    ]);
    refreshed.open({ card: priced('cg:bittensor', 2), refreshing: false });
    await opened;
    expect(shows.at(-1)).toMatchObject({ state: 'ready', refreshing: false });
  });

  it('drops a refresh that lands after the card was closed', async () => {
    const { host, calls } = fakeHost();
    const { refreshed, opened, cards } = await openRefreshing(host);
    cards.close();
    refreshed.open({ card: priced('cg:bittensor'), refreshing: false });
    await opened;
    expect(calls.at(-1)).toBe('hide');
    expect(calls).not.toContain('show ready');
  });

  it("drops the first card's answer when another card opened meanwhile", async () => {
    const { host, shows } = fakeHost();
    const first = gate<unknown>();
    answer = (type, payload) => {
      if (type !== 'tickerlens:card') return { points: [] };
      return payload.asset === 'cg:bittensor'
        ? first.promise
        : { card: priced('cg:ethereum'), refreshing: false };
    };
    const r = fakeResolutions({ $TAO: [{ asset: 'cg:bittensor' }], $ETH: [{ asset: 'cg:ethereum' }] });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    const tao = cards.open(taoTarget());
    await settle();
    await cards.open(targetOf('$ETH', [ticker('$ETH')]));
    first.open({ card: priced('cg:bittensor'), refreshing: false });
    await tao;
    await settle();
    expect(shows.map((s) => `${s.asset} ${s.state}`)).toEqual([
      'cg:bittensor loading',
      'cg:ethereum loading',
      'cg:ethereum ready',
      'cg:ethereum ready',
      'cg:ethereum ready',
    ]);
  });

  it('never shows the late answer of a closed card on the card opened after it', async () => {
    const { host, shows } = fakeHost();
    const held = new Map<string, ReturnType<typeof gate<unknown>>>();
    answer = (type, payload) => {
      if (type !== 'tickerlens:card') return { points: [] };
      const g = gate<unknown>();
      held.set(String(payload.asset), g);
      return g.promise;
    };
    const r = fakeResolutions({ $TAO: [{ asset: 'cg:bittensor' }], $ETH: [{ asset: 'cg:ethereum' }] });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    const tao = cards.open(taoTarget());
    cards.close();
    const eth = cards.open(targetOf('$ETH', [ticker('$ETH')]));
    held.get('cg:bittensor')?.open({ card: priced('cg:bittensor'), refreshing: false });
    await tao;
    expect(shows.map((s) => `${s.asset} ${s.state}`)).toEqual([
      'cg:bittensor loading',
      'cg:ethereum loading',
    ]);
    held.get('cg:ethereum')?.open({ card: unpriced('cg:ethereum'), refreshing: false });
    await eth;
    expect(shows.at(-1)).toMatchObject({ asset: 'cg:ethereum', state: 'stale' });
  });

  it('drops resolutions that land after the card was closed', async () => {
    const { host, calls } = fakeHost();
    const r = fakeResolutions();
    const resolved = gate<ResolutionReply[]>();
    r.resolver.resolve = async () => resolved.promise;
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    const opened = cards.open(taoTarget());
    cards.close();
    resolved.open([{ asset: 'cg:bittensor' }]);
    await opened;
    expect(calls).toEqual(['hide']);
    expect(sent).toEqual([]);
  });
});

describe('CardController: a card seen in the last minute', () => {
  function opened() {
    const fake = fakeHost();
    answer = (type) =>
      type === 'tickerlens:card' ? { card: priced('cg:bittensor'), refreshing: false } : { points: [] };
    const cards = new CardController(fake.host as never, taoKnown().resolver as never, () => undefined);
    return { ...fake, cards };
  }

  it('opens again from memory, at once and without asking, for 59.999 seconds', async () => {
    const { cards, calls } = opened();
    await cards.open(taoTarget());
    await settle();
    cards.close();
    calls.length = 0;
    sent.length = 0;
    vi.setSystemTime(1_000_000 + 59_999);
    await cards.open(taoTarget());
    await settle();
    expect(calls[0]).toBe('show ready');
    expect(calls).not.toContain('show loading');
    expect(cardAsks()).toEqual([]);
  });

  it('asks the worker again from the 60th second on', async () => {
    const { cards, calls } = opened();
    await cards.open(taoTarget());
    cards.close();
    calls.length = 0;
    sent.length = 0;
    vi.setSystemTime(1_000_000 + 60_000);
    await cards.open(taoTarget());
    expect(calls.slice(0, 2)).toEqual(['show loading', 'show ready']);
    expect(cardAsks()).toEqual([{ asset: 'cg:bittensor', wait: false }]);
  });

  it('asks again, waiting for fresh figures, when the reader retries', async () => {
    const { cards, calls, actions } = opened();
    await cards.open(taoTarget());
    calls.length = 0;
    sent.length = 0;
    actions().onRetry();
    await settle();
    expect(calls[0]).toBe('show loading');
    expect(cardAsks()).toEqual([{ asset: 'cg:bittensor', wait: true }]);
  });

  it('does nothing on retry once the card is closed', async () => {
    const { cards, calls, actions } = opened();
    await cards.open(taoTarget());
    const retry = actions().onRetry;
    cards.close();
    calls.length = 0;
    sent.length = 0;
    retry();
    await settle();
    expect(calls).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('does not remember a card the worker had nothing for', async () => {
    const { host, calls } = fakeHost();
    const cards = new CardController(host as never, taoKnown().resolver as never, () => undefined);
    await cards.open(taoTarget());
    calls.length = 0;
    await cards.open(taoTarget());
    expect(calls).toEqual(['show loading', 'show error']);
  });

  it('shows a remembered card the worker was refreshing, then waits for that refresh', async () => {
    const { host, shows } = fakeHost();
    let refreshing = true;
    answer = (type) => {
      if (type !== 'tickerlens:card') return { points: [] };
      const reply = { card: stalePrice('cg:bittensor'), refreshing };
      refreshing = false;
      return reply;
    };
    const cards = new CardController(host as never, taoKnown().resolver as never, () => undefined);
    const first = cards.open(taoTarget());
    // The first answer says "refreshing": the card is remembered, and its refresh asked for.
    cards.close();
    await first;
    shows.length = 0;
    sent.length = 0;
    refreshing = true;
    answer = (type, payload) =>
      type === 'tickerlens:card'
        ? { card: priced('cg:bittensor'), refreshing: !payload.wait }
        : { points: [] };
    await cards.open(taoTarget());
    expect(shows[0]).toMatchObject({ state: 'stale', refreshing: true });
    expect(cardAsks()[0]).toEqual({ asset: 'cg:bittensor', wait: true });
    expect(shows.at(-1)).toMatchObject({ state: 'ready', refreshing: false });
  });

  it('keeps 200 cards in memory and starts over past that', async () => {
    const { host, calls } = fakeHost();
    answer = (type, payload) =>
      type === 'tickerlens:card'
        ? { card: unpriced(String(payload.asset)), refreshing: false }
        : { points: [] };
    const r = fakeResolutions();
    const symbols = Array.from({ length: 201 }, (_, i) => `$T${i}`);
    for (const s of symbols) r.cache.set(s, [{ asset: `cg:t${s.slice(2)}` }]);
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    const openSymbol = async (s: string) => {
      calls.length = 0;
      await cards.open(targetOf(s, [ticker(s)]));
      return calls[0];
    };
    for (const s of symbols.slice(0, 200)) await openSymbol(s);
    // 200 remembered: the first still opens from memory.
    expect(await openSymbol('$T0')).toBe('show stale');
    // The 201st makes room by forgetting the others.
    await openSymbol('$T200');
    expect(await openSymbol('$T199')).toBe('show loading');
    expect(await openSymbol('$T200')).toBe('show stale');
  });
});

describe('CardController: the price chart', () => {
  it("asks for the week's chart after the figures of a priced asset, and shows it", async () => {
    const { host, shows } = fakeHost();
    answer = (type) =>
      type === 'tickerlens:card'
        ? { card: priced('cg:bittensor'), refreshing: false }
        : { points: [[1, 2]], source: 'coingecko' };
    const cards = new CardController(host as never, taoKnown().resolver as never, () => undefined);
    await cards.open(taoTarget());
    await settle();
    expect(types()).toEqual(['tickerlens:card', 'tickerlens:chart']);
    expect(sent[1]?.payload).toEqual({ asset: 'cg:bittensor', range: '7d' });
    expect(shows.map((s) => s.chart)).toEqual([
      undefined,
      undefined,
      { range: '7d', points: [], loading: true },
      { range: '7d', points: [[1, 2]], loading: false, source: 'coingecko' },
    ]);
  });

  it('asks for no chart when the asset has no price, or for a claim', async () => {
    const { host } = fakeHost();
    answer = (type) =>
      type === 'tickerlens:card' ? { card: unpriced('cg:bittensor'), refreshing: false } : { points: [] };
    const cards = new CardController(host as never, taoKnown().resolver as never, () => undefined);
    await cards.open(taoTarget());
    await settle();
    expect(types()).toEqual(['tickerlens:card']);

    sent.length = 0;
    answer = (type) =>
      type === 'tickerlens:card' ? { card: priced('cg:bittensor'), refreshing: false } : { points: [] };
    const text = '$TAO is a fair launch';
    const r = fakeResolutions({ [text]: [{ asset: 'cg:bittensor' }, {}] });
    const claimCards = new CardController(host as never, r.resolver as never, () => undefined);
    await claimCards.open(targetOf(text, [TAO, claim('fair launch', 'fair-launch', 10)], 1));
    await settle();
    expect(types()).toEqual(['tickerlens:card']);
    // Again, from memory: still none.
    sent.length = 0;
    await claimCards.open(targetOf(text, [TAO, claim('fair launch', 'fair-launch', 10)], 1));
    await settle();
    expect(types()).toEqual([]);
  });

  it('asks for the chart of a card opened from memory, once per card', async () => {
    const { host } = fakeHost();
    answer = (type) =>
      type === 'tickerlens:card' ? { card: priced('cg:bittensor'), refreshing: false } : { points: [] };
    const cards = new CardController(host as never, taoKnown().resolver as never, () => undefined);
    const target = taoTarget();
    await cards.open(target);
    await settle();
    cards.close();
    sent.length = 0;
    await cards.open(taoTarget());
    await settle();
    expect(types()).toEqual(['tickerlens:chart']);
    expect(sent[0]?.payload).toEqual({ asset: 'cg:bittensor', range: '7d' });
    // The same card again (the pointer came back to it): its chart is there already.
    sent.length = 0;
    const again = taoTarget();
    await cards.open(again);
    await settle();
    await cards.open(again);
    await settle();
    expect(types()).toEqual(['tickerlens:chart']);
  });

  it("shows the chart's error, and the failure of the request itself", async () => {
    const { host, last, actions } = fakeHost();
    answer = (type) =>
      type === 'tickerlens:card'
        ? { card: priced('cg:bittensor'), refreshing: false }
        : { points: [], error: 'HTTP 429' };
    const cards = new CardController(host as never, taoKnown().resolver as never, () => undefined);
    await cards.open(taoTarget());
    await settle();
    expect(last().chart).toEqual({ range: '7d', points: [], loading: false, error: 'HTTP 429' });
    answer = () => {
      throw new Error('offline');
    };
    actions().onChartRange('30d');
    await settle();
    expect(last().chart).toEqual({ range: '30d', points: [], loading: false, error: 'offline' });
    answer = () => {
      throw 'gone';
    };
    actions().onChartRange('1d');
    await settle();
    expect(last().chart).toEqual({ range: '1d', points: [], loading: false, error: 'gone' });
  });

  it('keeps the points of the range shown while the same range loads again, not of another', async () => {
    const { host, shows, actions } = fakeHost();
    const later = gate<unknown>();
    let chartAnswer: unknown = { points: [[1, 2]] };
    answer = (type) =>
      type === 'tickerlens:card' ? { card: priced('cg:bittensor'), refreshing: false } : chartAnswer;
    const cards = new CardController(host as never, taoKnown().resolver as never, () => undefined);
    await cards.open(taoTarget());
    await settle();
    chartAnswer = later.promise;
    shows.length = 0;
    actions().onChartRange('7d');
    expect(shows.at(-1)?.chart).toEqual({ range: '7d', points: [[1, 2]], loading: true });
    actions().onChartRange('30d');
    expect(shows.at(-1)?.chart).toEqual({ range: '30d', points: [], loading: true });
    later.open({ points: [[3, 4]] });
    await settle();
    // Only the range asked last lands.
    expect(shows.at(-1)?.chart).toEqual({ range: '30d', points: [[3, 4]], loading: false });
    expect(shows.filter((s) => s.chart?.range === '7d' && !s.chart.loading)).toEqual([]);
  });

  it('drops a chart that lands after its card closed or another card opened', async () => {
    const { host, shows, actions } = fakeHost();
    const held = gate<unknown>();
    answer = (type) =>
      type === 'tickerlens:card' ? { card: unpriced(type), refreshing: false } : held.promise;
    const r = fakeResolutions({ $TAO: [{ asset: 'cg:bittensor' }], $ETH: [{ asset: 'cg:ethereum' }] });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(taoTarget());
    actions().onChartRange('30d');
    await cards.open(targetOf('$ETH', [ticker('$ETH')]));
    await settle();
    shows.length = 0;
    held.open({ points: [[1, 2]] });
    await settle();
    expect(shows).toEqual([]);
  });

  it('asks for no chart from a card with no asset', async () => {
    const { host, actions } = fakeHost();
    const r = fakeResolutions({ $ZZZQ: [{}] });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(targetOf('$ZZZQ', [ticker('$ZZZQ')]));
    actions().onChartRange('30d');
    await settle();
    expect(sent).toEqual([]);
  });

  it('shows, after "Always use this", the chart of the pinned asset, never the one it read before', async () => {
    const { host, shows, actions, last } = fakeHost();
    const charts = new Map<string, ReturnType<typeof gate<unknown>>>();
    answer = (type, payload) => {
      if (type === 'tickerlens:card') return { card: priced(String(payload.asset)), refreshing: false };
      if (type !== 'tickerlens:chart') return {};
      const held = gate<unknown>();
      charts.set(String(payload.asset), held);
      return held.promise;
    };
    const r = fakeResolutions({ $TAO: [{ asset: 'cg:bittensor' }] });
    r.resolveWith(() => [{ asset: 'cg:tao-other' }]);
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(taoTarget());
    await settle();
    // Bittensor's chart is still on its way when the reader pins the other reading.
    actions().onPin('cg:tao-other');
    await settle();
    expect(last().asset).toBe('cg:tao-other');
    charts.get('cg:bittensor')?.open({ points: [[1, 1]] });
    await settle();
    expect(last().chart).toEqual({ range: '7d', points: [], loading: true });
    charts.get('cg:tao-other')?.open({ points: [[2, 2]] });
    await settle();
    expect(last().chart).toEqual({ range: '7d', points: [[2, 2]], loading: false });
    expect(
      shows.filter(
        (s) => s.asset === 'cg:tao-other' && s.chart?.points.length === 1 && s.chart.points[0]?.[0] === 1,
      ),
    ).toEqual([]);

    // Pinned once its chart was shown: the chart of the asset read before goes with it.
    r.cache.set('$TAO', [{ asset: 'cg:tao-other' }]);
    r.resolveWith(() => [{ asset: 'cg:bittensor' }]);
    actions().onPin('cg:bittensor');
    await settle();
    expect(last().asset).toBe('cg:bittensor');
    expect(last().chart).toEqual({ range: '7d', points: [], loading: true });
  });
});

/** A post with claims about two tokens: two of $TAO's (one with a number), one of $ETH's. */
function twoTokenPost() {
  const t = '$TAO: no VC, 10% airdrop. $ETH: fair launch';
  const ms = [
    TAO,
    claim('no VC', 'no-vc', 6),
    claim('10% airdrop', 'airdrop', 13, 10),
    ticker('$ETH', 26),
    claim('fair launch', 'fair-launch', 32),
  ];
  const r = fakeResolutions({ [t]: [{ asset: 'cg:bittensor' }, {}, {}, { asset: 'cg:ethereum' }, {}] });
  return { t, ms, r };
}

describe('CardController: claims', () => {
  const text = '$TAO is a fair launch. no VC, no VC';
  const matches = [
    TAO,
    claim('fair launch', 'fair-launch', 10),
    claim('no VC', 'no-vc', 23),
    claim('no VC', 'no-vc', 30),
  ];
  const known = () => fakeResolutions({ [text]: [{ asset: 'cg:bittensor' }, {}, {}, {}] });

  it("lists the post's claims once each, with the token they are about", async () => {
    const { host, last } = fakeHost();
    const cards = new CardController(host as never, known().resolver as never, () => undefined);
    await cards.open(targetOf(text, matches));
    const about = { text: '$TAO', asset: 'cg:bittensor' };
    expect(last().claimsNearby).toStrictEqual([
      { claim: 'fair-launch', about },
      { claim: 'no-vc', about },
    ]);
    expect(last().claimsAbout).toEqual(about);
  });

  it('keeps claims apart by their number and by their token', async () => {
    const { host, last } = fakeHost();
    const t = '10% airdrop and 5% airdrop for $TAO. $ETH: 5% airdrop';
    const ms = [
      claim('10% airdrop', 'airdrop', 0, 10),
      claim('5% airdrop', 'airdrop', 16, 5),
      ticker('$TAO', 31),
      ticker('$ETH', 37),
      claim('5% airdrop', 'airdrop', 43, 5),
    ];
    const r = fakeResolutions({ [t]: [{}, {}, { asset: 'cg:bittensor' }, { asset: 'cg:ethereum' }, {}] });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(targetOf(t, ms, 2));
    const tao = { text: '$TAO', asset: 'cg:bittensor' };
    expect(last().claimsNearby).toEqual([
      { claim: 'airdrop', value: 10, about: tao },
      { claim: 'airdrop', value: 5, about: tao },
      { claim: 'airdrop', value: 5, about: { text: '$ETH', asset: 'cg:ethereum' } },
    ]);
  });

  it('lists a claim about no token without one, and says no subject when the post has no claim', async () => {
    const { host, last } = fakeHost();
    const r = fakeResolutions({ 'no VC here': [{}], '$TAO gm': [{ asset: 'cg:bittensor' }] });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(targetOf('no VC here', [claim('no VC', 'no-vc', 0)]));
    expect(last()).toEqual({
      text: 'no VC',
      kind: 'claim',
      claim: 'no-vc',
      claimsNearby: [{ claim: 'no-vc' }],
      state: 'ready',
    });
    await cards.open(targetOf('$TAO gm', [TAO]));
    expect(last().claimsNearby).toEqual([]);
    expect(last()).not.toHaveProperty('claimsAbout');
  });

  it("opens a claim's card on the token the claim is about", async () => {
    const { host, last } = fakeHost();
    answer = (type) =>
      type === 'tickerlens:card' ? { card: unpriced('cg:bittensor'), refreshing: false } : {};
    const cards = new CardController(host as never, known().resolver as never, () => undefined);
    await cards.open(targetOf(text, matches, 1));
    expect(cardAsks()).toEqual([{ asset: 'cg:bittensor', wait: false }]);
    expect(last()).toMatchObject({
      kind: 'claim',
      claim: 'fair-launch',
      text: 'fair launch',
      state: 'stale',
    });
    expect(last()).not.toHaveProperty('asset');
  });

  it('opens each claim of a post on the token that claim is about', async () => {
    const { host } = fakeHost();
    answer = (type) => (type === 'tickerlens:card' ? { card: unpriced('x'), refreshing: false } : {});
    const t = '$EIGEN had no presale. TGE soon for $ARB';
    const ms = [
      ticker('$EIGEN'),
      claim('no presale', 'no-presale', 10),
      claim('TGE soon', 'token-launch', 23),
      ticker('$ARB', 36),
    ];
    const r = fakeResolutions({ [t]: [{ asset: 'cg:eigenlayer' }, {}, {}, { asset: 'cg:arbitrum' }] });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(targetOf(t, ms, 1));
    await cards.open(targetOf(t, ms, 2));
    expect(cardAsks().map((a) => a.asset)).toEqual(['cg:eigenlayer', 'cg:arbitrum']);
  });

  it("opens a stock's card in a post whose claims are about no token", async () => {
    const { host, last, actions } = fakeHost();
    answer = (type) =>
      type === 'tickerlens:card'
        ? { card: unpriced('stock:NVDA'), refreshing: false }
        : { id: 1, priceUsd: null };
    const t = '$NVDA: no VC';
    const r = fakeResolutions({ [t]: [{ asset: 'stock:NVDA' }, {}] });
    const asked: unknown[] = [];
    const claims = {
      verdictsFor: async (asks: unknown[]) => {
        asked.push(asks);
        return [];
      },
    };
    const cards = new CardController(
      host as never,
      r.resolver as never,
      () => undefined,
      undefined,
      claims as never,
    );
    await cards.open(targetOf(t, [ticker('$NVDA'), claim('no VC', 'no-vc', 7)]));
    expect(last()).toMatchObject({ asset: 'stock:NVDA', state: 'stale', claimsNearby: [{ claim: 'no-vc' }] });
    expect(asked).toEqual([]);
    actions().onSaveNote();
    await settle();
    expect(sent.at(-1)?.payload).toStrictEqual({
      asset: 'stock:NVDA',
      quote: t,
      url: 'https://x.com/someone/status/1',
      detected: '$NVDA',
    });
  });

  it("asks the worker's verdicts of the claims about this card's token, and shows them", async () => {
    const { host, last } = fakeHost();
    const asked: unknown[] = [];
    const verdicts = [{ claim: 'no-vc', verdict: 'fail' }];
    const claims = {
      verdictsFor: async (asks: unknown[]) => {
        asked.push(asks);
        return verdicts;
      },
    };
    const { t, ms, r } = twoTokenPost();
    const cards = new CardController(
      host as never,
      r.resolver as never,
      () => undefined,
      undefined,
      claims as never,
    );
    await cards.open(targetOf(t, ms));
    await settle();
    expect(asked).toStrictEqual([
      [
        { asset: 'cg:bittensor', claim: 'no-vc' },
        { asset: 'cg:bittensor', claim: 'airdrop', value: 10 },
      ],
    ]);
    expect(last().claimVerdicts).toEqual(verdicts);
  });

  it('asks no verdicts for a token no claim is about, or with no asset', async () => {
    const { host } = fakeHost();
    const asked: unknown[] = [];
    const claims = {
      verdictsFor: async (asks: unknown[]) => {
        asked.push(asks);
        return [];
      },
    };
    const t = 'no VC for $ZZZQ. $TAO';
    const r = fakeResolutions({ [t]: [{}, {}, { asset: 'cg:bittensor' }] });
    const cards = new CardController(
      host as never,
      r.resolver as never,
      () => undefined,
      undefined,
      claims as never,
    );
    const ms = [claim('no VC', 'no-vc', 0), ticker('$ZZZQ', 10), ticker('$TAO', 18)];
    await cards.open(targetOf(t, ms, 2));
    await cards.open(targetOf(t, ms, 1));
    await settle();
    expect(asked).toEqual([]);
  });

  it('drops verdicts that land after the card closed, and forgets them for the next card', async () => {
    const { host, shows } = fakeHost();
    const held = gate<unknown[]>();
    let verdictsOf: () => Promise<unknown[]> = () => held.promise;
    const claims = { verdictsFor: () => verdictsOf() };
    const cards = new CardController(
      host as never,
      known().resolver as never,
      () => undefined,
      undefined,
      claims as never,
    );
    await cards.open(targetOf(text, matches));
    cards.close();
    shows.length = 0;
    held.open([{ claim: 'no-vc', verdict: 'pass' }]);
    await settle();
    expect(shows).toEqual([]);

    verdictsOf = async () => [{ claim: 'no-vc', verdict: 'pass' }];
    await cards.open(targetOf(text, matches));
    await settle();
    expect(shows.at(-1)?.claimVerdicts).toEqual([{ claim: 'no-vc', verdict: 'pass' }]);
    verdictsOf = () => new Promise(() => undefined);
    await cards.open(targetOf('$TAO', [TAO]));
    // Verdicts of another post's claims are not this card's.
    expect(shows.at(-1)).not.toHaveProperty('claimVerdicts');
  });
});

describe('CardController: the keyboard', () => {
  it('says the card once when the keyboard opened it, and not for a card the pointer opens next', async () => {
    const { host, last } = fakeHost();
    const r = fakeResolutions({ $ZZZQ: [{}], $QQQZ: [{}] });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    const target = targetOf('$ZZZQ', [ticker('$ZZZQ')]);
    await cards.open(target, false, { announce: true });
    expect(last().announce).toBe(true);
    // The same card updating (a retry) keeps saying so; another card does not.
    await cards.open(target);
    expect(last().announce).toBe(true);
    await cards.open(targetOf('$QQQZ', [ticker('$QQQZ')]));
    expect(last()).not.toHaveProperty('announce');
  });
});

describe('CardController: the card buttons', () => {
  it('closes through whoever opened it', async () => {
    const { host, actions } = fakeHost();
    const closes: string[] = [];
    const cards = new CardController(host as never, taoKnown().resolver as never, () => closes.push('close'));
    await cards.open(taoTarget());
    actions().onClose();
    expect(closes).toEqual(['close']);
  });

  it('opens the notes page, and a failure to do so is no error', async () => {
    const { host, actions } = fakeHost();
    const cards = new CardController(host as never, taoKnown().resolver as never, () => undefined);
    await cards.open(taoTarget());
    answer = () => {
      throw new Error('no worker');
    };
    actions().onOpenNotes();
    await settle();
    expect(sent.at(-1)).toEqual({ type: 'tickerlens:open-notes', payload: {} });
  });

  it('saves a note with the asset, the quote, the page, the words and tags, then says it is saved', async () => {
    const { host, last, actions } = fakeHost();
    answer = (type) =>
      type === 'tickerlens:card'
        ? { card: unpriced('cg:bittensor'), refreshing: false }
        : { id: 1, priceUsd: null };
    const cards = new CardController(host as never, taoKnown().resolver as never, () => undefined);
    await cards.open(taoTarget());
    actions().onSaveNote({ text: 'watching', tags: ['ai'] });
    await settle();
    expect(sent.at(-1)).toEqual({
      type: 'tickerlens:save-note',
      payload: {
        asset: 'cg:bittensor',
        quote: '$TAO',
        url: 'https://x.com/someone/status/1',
        detected: '$TAO',
        text: 'watching',
        tags: ['ai'],
      },
    });
    expect(last()).toMatchObject({ noteSaved: true, state: 'stale' });
  });

  it('sends no empty words or tags, and quotes at most 4,000 characters of the page', async () => {
    const { host, actions } = fakeHost();
    const long = `$TAO ${'x'.repeat(5000)}`;
    const r = fakeResolutions({ [long]: [{}] });
    answer = () => ({ id: 1, priceUsd: null });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(targetOf(long, [TAO]));
    actions().onSaveNote({ text: '', tags: [] });
    await settle();
    const payload = sent.at(-1)?.payload as Payload;
    expect(payload).toEqual({
      asset: '',
      quote: long.slice(0, 4000),
      url: 'https://x.com/someone/status/1',
      detected: '$TAO',
    });
    actions().onSaveNote();
    await settle();
    expect(Object.keys(sent.at(-1)?.payload as Payload)).toEqual(['asset', 'quote', 'url', 'detected']);
  });

  it('quotes what the page gives as the quote', async () => {
    const { host, actions } = fakeHost();
    answer = () => ({ id: 1, priceUsd: null });
    const cards = new CardController(
      host as never,
      fakeResolutions({ $ZZZQ: [{}] }).resolver as never,
      () => undefined,
      () => 'the whole tweet',
    );
    await cards.open(targetOf('$ZZZQ', [ticker('$ZZZQ')]));
    actions().onSaveNote();
    await settle();
    expect(sent.at(-1)?.payload.quote).toBe('the whole tweet');
  });

  it("notes a claim with its id, its token's asset and the post's claims about that token", async () => {
    const { host, last, actions } = fakeHost();
    const { t, ms, r } = twoTokenPost();
    answer = (type) =>
      type === 'tickerlens:card'
        ? { card: unpriced('cg:bittensor'), refreshing: false }
        : { id: 1, priceUsd: null };
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(targetOf(t, ms, 1));
    expect(last().asset).toBeUndefined();
    actions().onSaveNote();
    await settle();
    expect(sent.at(-1)?.payload).toMatchObject({
      asset: 'cg:bittensor',
      detected: 'no VC',
      claim: 'no-vc',
    });
    expect(sent.at(-1)?.payload.claims).toStrictEqual([{ claim: 'no-vc' }, { claim: 'airdrop', value: 10 }]);
  });

  it('notes no claims for a detection with no asset', async () => {
    const { host, actions } = fakeHost();
    const t = 'no VC: $ZZZQ';
    const r = fakeResolutions({ [t]: [{}, {}] });
    answer = () => ({ id: 1, priceUsd: null });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(targetOf(t, [claim('no VC', 'no-vc', 0), ticker('$ZZZQ', 7)], 1));
    actions().onSaveNote();
    await settle();
    expect(sent.at(-1)?.payload).not.toHaveProperty('claims');
  });

  it('says why a note was not saved, and forgets that once a try succeeds', async () => {
    const { host, last, actions } = fakeHost();
    const cards = new CardController(
      host as never,
      fakeResolutions({ $ZZZQ: [{}] }).resolver as never,
      () => undefined,
    );
    await cards.open(targetOf('$ZZZQ', [ticker('$ZZZQ')]));
    answer = () => {
      throw new Error('QuotaExceededError');
    };
    actions().onSaveNote();
    await settle();
    expect(last().noteError).toBe('QuotaExceededError');
    expect(last()).not.toHaveProperty('noteSaved');
    answer = () => {
      throw 'closed';
    };
    actions().onSaveNote();
    await settle();
    expect(last().noteError).toBe('closed');
    answer = () => ({ id: 2, priceUsd: null });
    actions().onSaveNote();
    await settle();
    expect(last()).not.toHaveProperty('noteError');
    expect(last().noteSaved).toBe(true);
  });

  it("saves nothing from a card that is no longer open, and doesn't bring it back", async () => {
    const { host, calls, actions } = fakeHost();
    const cards = new CardController(
      host as never,
      fakeResolutions({ $ZZZQ: [{}] }).resolver as never,
      () => undefined,
    );
    await cards.open(targetOf('$ZZZQ', [ticker('$ZZZQ')]));
    const save = actions().onSaveNote;
    cards.close();
    calls.length = 0;
    save();
    await settle();
    expect(sent).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('shows no outcome of a save on a card opened since', async () => {
    const { host, shows, actions } = fakeHost();
    const saving = gate<unknown>();
    answer = () => saving.promise;
    const r = fakeResolutions({ $ZZZQ: [{}], $QQQZ: [{}] });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(targetOf('$ZZZQ', [ticker('$ZZZQ')]));
    actions().onSaveNote();
    await cards.open(targetOf('$QQQZ', [ticker('$QQQZ')]));
    shows.length = 0;
    saving.open({ id: 1, priceUsd: null });
    await settle();
    expect(shows).toEqual([]);

    const failing = gate<unknown>();
    answer = () => failing.promise.then(() => Promise.reject(new Error('nope')));
    actions().onSaveNote();
    await cards.open(targetOf('$ZZZQ', [ticker('$ZZZQ')]));
    shows.length = 0;
    failing.open(undefined);
    await settle();
    expect(shows).toEqual([]);
  });
});

describe('CardController: choosing a reading', () => {
  const ambiguous = (): ResolutionReply[] => [
    {
      asset: 'cg:bittensor',
      alternatives: [{ id: 'cg:tao-other', name: 'Other TAO', symbol: 'TAO' }],
    },
  ];

  it('"Just here" reads the symbol as the chosen asset on this page, the worker\'s reading one of the others', async () => {
    const { host, last, actions } = fakeHost();
    const r = fakeResolutions({ $TAO: ambiguous() });
    answer = (type, payload) =>
      type === 'tickerlens:card' ? { card: unpriced(String(payload.asset)), refreshing: false } : {};
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(taoTarget());
    actions().onPickHere('cg:tao-other');
    await settle();
    expect(last()).toMatchObject({
      asset: 'cg:tao-other',
      pickedHere: true,
      alternatives: [{ id: 'cg:bittensor', name: '', symbol: '' }],
    });
    expect(cardAsks().at(-1)).toEqual({ asset: 'cg:tao-other', wait: false });
    // Nothing is stored: no pin, only this page's cards.
    expect(types()).not.toContain('tickerlens:pin');
    // Another $tao of the page reads the same, in either case.
    await cards.open(targetOf('$tao', [ticker('$tao')]));
    expect(last()).toMatchObject({ asset: 'cg:tao-other', pickedHere: true });
  });

  it('lists each other reading once, with its name when the worker gave one', async () => {
    const { host, last, actions } = fakeHost();
    const a = { id: 'cg:a', name: 'A coin', symbol: 'TAO' };
    const b = { id: 'cg:b', name: 'B coin', symbol: 'TAO' };
    const r = fakeResolutions({
      $TAO: [{ asset: 'cg:a', alternatives: [b, a], candidateInfo: [a, b] }],
    });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(taoTarget());
    actions().onPickHere('cg:b');
    await settle();
    expect(last().asset).toBe('cg:b');
    expect(last().alternatives).toEqual([a]);
  });

  it('keeps every other reading when the choice is one of several', async () => {
    const { host, last, actions } = fakeHost();
    const b = { id: 'cg:b', name: 'B coin', symbol: 'TAO' };
    const c = { id: 'cg:c', name: 'C coin', symbol: 'TAO' };
    const r = fakeResolutions({ $TAO: [{ asset: 'cg:a', alternatives: [b, c] }] });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(taoTarget());
    actions().onPickHere('cg:b');
    await settle();
    expect(last().alternatives).toEqual([{ id: 'cg:a', name: '', symbol: '' }, c]);
  });

  it('lists no other reading when there is none', async () => {
    const { host, last, actions } = fakeHost();
    const r = fakeResolutions({ $TAO: [{ candidates: ['cg:a'] }] });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(taoTarget());
    actions().onPickHere('cg:a');
    await settle();
    expect(last()).toMatchObject({ asset: 'cg:a', pickedHere: true });
    expect(last()).not.toHaveProperty('alternatives');
    expect(last()).not.toHaveProperty('candidates');
  });

  it('has no reading to choose for a claim', async () => {
    const { host, calls, actions } = fakeHost();
    const r = fakeResolutions({ 'no VC': [{}] });
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(targetOf('no VC', [claim('no VC', 'no-vc', 0)]));
    calls.length = 0;
    actions().onPickHere('cg:a');
    actions().onPin('cg:a');
    await settle();
    expect(calls).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('"Always use this" pins the reading, forgets every resolution and this page\'s choice, and reopens', async () => {
    const { host, last, actions } = fakeHost();
    const r = fakeResolutions({ $TAO: ambiguous() });
    r.resolveWith(() => [{ asset: 'cg:tao-other' }]);
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(taoTarget());
    actions().onPickHere('cg:bittensor');
    await settle();
    expect(last().pickedHere).toBe(true);
    actions().onPin('cg:tao-other');
    await settle();
    expect(sent.find((s) => s.type === 'tickerlens:pin')?.payload).toEqual({
      key: 'TAO',
      asset: 'cg:tao-other',
    });
    expect(r.dropped()).toBe(1);
    expect(r.asked).toEqual([{ text: '$TAO', wait: true }]);
    expect(last().asset).toBe('cg:tao-other');
    expect(last()).not.toHaveProperty('pickedHere');
  });

  it('reopens the card even when the pin could not be sent', async () => {
    const { host, calls, actions } = fakeHost();
    const r = fakeResolutions({ $TAO: ambiguous() });
    r.resolveWith(() => [{}]);
    const cards = new CardController(host as never, r.resolver as never, () => undefined);
    await cards.open(taoTarget());
    answer = () => {
      throw new Error('no worker');
    };
    calls.length = 0;
    actions().onPin('cg:tao-other');
    await settle();
    expect(r.dropped()).toBe(1);
    expect(calls).toEqual(['show ready']);
  });
});

describe('CardController: closing', () => {
  it('hides the card, and disposing tears the host down', () => {
    const { host, calls } = fakeHost();
    const cards = new CardController(host as never, taoKnown().resolver as never, () => undefined);
    cards.close();
    cards.dispose();
    expect(calls).toEqual(['hide', 'destroy']);
  });
});
