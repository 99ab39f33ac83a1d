/**
 * The card as a trader's first stop (issue 26): the header read in one glance, one risk line, a
 * way onward, honest age, a treasury company's line, "Not this?", and a note with words.
 */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardActions, CardModel } from '@/components/Card';
import type { CardData } from '@/utils/card-schema';

const ui = vi.hoisted(() => ({ locale: 'en' }));
vi.mock('wxt/browser', async () => (await import('../../support/i18n')).catalogueBrowser(ui));

const { Card } = await import('@/components/Card');
const { risks } = await import('@/components/card-risk');
const { onwardLinks } = await import('@/components/card-onward');
const { parseTags } = await import('@/components/card-note');
const { chartSummary } = await import('@/components/PriceChart');

const NOW = Date.UTC(2026, 11, 5, 12);
const DAY = 86_400_000;

const figure = <T,>(value: T, source: 'coingecko' | 'llamaApi' | 'snapshot' | 'stocks' = 'coingecko') => ({
  value,
  source,
  fetchedAt: NOW - 120_000,
  ageMs: 120_000,
  asOf: null,
  sourceOld: false,
  stale: source === 'snapshot',
  ...(source === 'snapshot' ? { snapshotDate: '2025-02-09' } : {}),
});

const priceValue = {
  usd: 38.12,
  change24hPct: 2.5,
  change7dPct: -4.1,
  previousClose: null,
  asOf: null,
  high24h: 39.4,
  low24h: 36.9,
  peak: { usd: 49.75, changePct: -23.4, date: Date.UTC(2025, 8, 18), basis: 'ath' as const },
};

const hype: CardData = {
  assetId: 'cg:hyperliquid',
  symbol: 'HYPE',
  name: 'Hyperliquid',
  price: figure(priceValue),
  supply: figure({
    circulating: 334_000_000,
    total: 1_000_000_000,
    max: 1_000_000_000,
    marketCapUsd: 12_700_000_000,
    fdvUsd: 38_100_000_000,
    fdvMaxUsd: 38_100_000_000,
    volume24hUsd: 412_000_000,
    rank: 12,
  }),
  unlocks: figure(
    {
      next: [
        {
          kind: 'cliff' as const,
          date: NOW + 23 * DAY,
          end: null,
          ratePerDay: null,
          amount: 9_920_000,
          shareOfCirculatingPct: 2.97,
          category: 'insiders',
          label: 'Core Contributors',
          insider: true,
        },
      ],
      recent: [],
      next30d: { amount: 9_920_000, sharePct: 2.97, insiderAmount: 9_920_000, insiderSharePct: 2.97 },
      next90d: { amount: 9_920_000, sharePct: 2.97, insiderAmount: 9_920_000, insiderSharePct: 2.97 },
      allocation: null,
      sections: [],
      totalSupply: 1_000_000_000,
      listed: true,
      sources: [],
    },
    'llamaApi',
  ),
};

const calls: string[] = [];
const actions: CardActions = {
  onClose: () => {},
  onRetry: () => calls.push('retry'),
  onPin: (a) => calls.push(`pin ${a}`),
  onPickHere: (a) => calls.push(`here ${a}`),
  onSaveNote: (w) => calls.push(`save ${JSON.stringify(w ?? null)}`),
  onChartRange: (r) => calls.push(`range ${r}`),
};

let doc: Document;
function show(model: Partial<CardModel>): HTMLElement {
  const { document } = parseHTML('<!doctype html><html><body><div id="mount"></div></body></html>');
  doc = document as unknown as Document;
  vi.stubGlobal('document', document);
  const mount = document.getElementById('mount') as unknown as HTMLElement;
  const full: CardModel = { text: '$HYPE', kind: 'ticker', claimsNearby: [], state: 'ready', ...model };
  render(<Card model={full} actions={actions} />, mount);
  return mount;
}

/** Lets Preact render what a click changed (its state updates are batched). */
const flush = () => new Promise((r) => setTimeout(r, 0));

/** A click as the reader's own (linkedom's events are not trusted; the card obeys trusted ones). */
function click(el: Element | null | undefined): void {
  const e = new (doc.defaultView as unknown as typeof globalThis).Event('click', { bubbles: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  el?.dispatchEvent(e);
}

beforeEach(() => {
  ui.locale = 'en';
  calls.length = 0;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the header, read in one glance', () => {
  it('shows price, 24 h and 7 d change, volume, 24 h range, drawdown from the ATH, market cap and FDV', () => {
    const card = show({ asset: 'cg:hyperliquid', data: hype });
    const stat = (k: string) => card.querySelector(`.stats [data-stat="${k}"]`)?.textContent;
    expect(card.querySelector('.price')?.textContent).toBe('$38.12');
    expect(card.querySelector('.price-row')?.textContent).toMatch(/24h \+2\.5%.*7d -4\.1%/);
    expect(stat('volume')).toBe('Volume 24h$412.00M');
    expect(stat('range')).toBe('24h range$36.90 – $39.40');
    expect(stat('peak')).toBe('From ATH-23.4%');
    expect(stat('mcap')).toBe('Market cap$12.70B');
    expect(stat('fdv')).toBe('FDV (total supply)$38.10B');
  });

  it('names the home chain first and the others on demand, and a stock’s exchange', () => {
    const onward = {
      contracts: [
        { platform: 'ethereum', chain: 'Ethereum', address: '0x6982508145454ce325ddbe47a25d4ec3d2311933' },
        {
          platform: 'arbitrum-one',
          chain: 'Arbitrum',
          address: '0x25d887ce7a35172c62febfd67a1856f20faebb00',
        },
      ],
    };
    const card = show({ asset: 'cg:pepe', data: { ...hype, assetId: 'cg:pepe' }, onward });
    expect(card.querySelector('.badge[data-where="chain"]')?.textContent).toBe('Ethereum');
    expect(card.querySelector('.more')?.textContent).toBe('+1');
    const stock = show({
      asset: 'stock:AAPL',
      data: { ...hype, assetId: 'stock:AAPL' },
      onward: { contracts: [], exchange: 'Nasdaq' },
    });
    expect(stock.querySelector('.badge[data-where="exchange"]')?.textContent).toBe('Nasdaq');
    // A share has no FDV; its range is the session's.
    expect(stock.querySelector('[data-stat="fdv"]')).toBeNull();
    expect(stock.querySelector('[data-stat="range"] dt')?.textContent).toBe('Day range');
    expect(stock.querySelector('[data-stat="peak"] dt')?.textContent).toBe('From ATH');
  });

  it('greys a snapshot price with its date, never in the live headline, and says when live data failed', () => {
    const snapshotPrice = { ...figure(priceValue, 'snapshot'), fetchedAt: Date.UTC(2025, 1, 9) };
    const snap: CardData = { ...hype, price: snapshotPrice };
    const card = show({ asset: 'cg:hyperliquid', data: snap, state: 'stale' });
    expect(card.querySelector('.price')?.getAttribute('class')).toBe('price snapshot');
    expect(card.querySelector('.asof')?.textContent).toBe('as of Feb 9, 2025 (built-in snapshot)');
    // No change figures beside an old price: they would read as today's.
    expect(card.querySelector('.price-row .chg')).toBeNull();
    const loading = show({ asset: 'cg:hyperliquid', data: snap, state: 'stale', refreshing: true });
    expect(loading.querySelector('header .loading')?.textContent).toBe('Getting the live price…');
    const failed = show({
      asset: 'cg:hyperliquid',
      data: {
        ...snap,
        price: { ...figure(priceValue, 'snapshot'), staleReason: 'CoinGecko did not answer in 10 s' },
      },
      state: 'stale',
    });
    expect(failed.querySelector('header .stale')?.textContent).toContain(
      'No live price: CoinGecko did not answer in 10 s. The snapshot’s figures still show.',
    );
  });

  it('never says "out of date" for a card with no figures: it says there are none, and why', () => {
    const card = show({
      asset: 'cg:hyperliquid',
      data: { assetId: 'cg:hyperliquid', symbol: 'HYPE', name: 'Hyperliquid' },
      state: 'error',
      error: 'offline',
    });
    expect(card.textContent).not.toMatch(/out of date/);
    expect(card.querySelector('.err')?.textContent).toContain('offline');
  });
});

describe('one risk line', () => {
  it('says the next unlock with its value, share of circulating and who gets it', () => {
    const line = risks(
      {
        text: '$HYPE',
        kind: 'ticker',
        asset: 'cg:hyperliquid',
        data: hype,
        claimsNearby: [],
        state: 'ready',
      },
      NOW,
    );
    expect(line).toEqual([
      {
        kind: 'unlock',
        text: 'Unlock in 23 d: 9.92M HYPE ≈ $378.15M, 2.97% of circulating, Insiders (Dec 28, 2026, 12:00 UTC)',
      },
    ]);
  });

  it('counts contradicted claims and lists GoPlus’s warnings, worst first', () => {
    const model: CardModel = {
      text: '$X',
      kind: 'ticker',
      asset: 'cg:x',
      data: { assetId: 'cg:x', symbol: 'X', name: 'X' },
      claimsNearby: [],
      state: 'ready',
      claimVerdicts: [
        {
          asset: 'cg:x',
          claim: 'no-vc',
          verdict: 'contradicts',
          reason: { key: 'reasonInvestorUnlocks', args: [] },
        },
        {
          asset: 'cg:x',
          claim: 'fair-launch',
          verdict: 'unknown',
          reason: { key: 'reasonNoData', args: [] },
        },
      ] as unknown as CardModel['claimVerdicts'],
      onward: {
        contracts: [],
        token: {
          chain: 'Ethereum',
          flags: [{ flag: 'honeypot' }, { flag: 'sellTax', pct: 12 }, { flag: 'lpUnlocked', pct: 3 }],
          fetchedAt: NOW,
        },
      },
    };
    expect(risks(model, NOW).map((r) => r.text)).toEqual([
      'GoPlus on Ethereum: honeypot: cannot be sold, sell tax 12%, only 3% of the pool’s liquidity locked or burned',
      'Claims in this post the data contradicts: 1',
    ]);
    const card = show(model);
    expect(card.querySelectorAll('.risk li')).toHaveLength(2);
  });

  it('is absent when nothing applies (an unlock 120 days off is in the table only)', () => {
    const far = structuredClone(hype);
    const first = (far.unlocks as NonNullable<CardData['unlocks']>).value.next[0];
    if (first) first.date = NOW + 120 * DAY;
    const card = show({ asset: 'cg:hyperliquid', data: far });
    expect(card.querySelector('.risk')).toBeNull();
  });
});

describe('a way onward', () => {
  it('links the coin on CoinGecko, DefiLlama, its chain’s explorer, DEX Screener and a search on X', () => {
    const links = onwardLinks({
      text: '$PEPE',
      kind: 'ticker',
      asset: 'cg:pepe',
      data: { assetId: 'cg:pepe', symbol: 'PEPE', name: 'Pepe' },
      onward: {
        contracts: [
          { platform: 'base', chain: 'Base', address: '0xabc0000000000000000000000000000000000001' },
        ],
        llamaProtocol: 'pepe-protocol',
        llamaUnlocks: 'pepe',
      },
      claimsNearby: [],
      state: 'ready',
    });
    expect(links.map((l) => [l.id, l.url])).toEqual([
      ['coingecko', 'https://www.coingecko.com/en/coins/pepe'],
      ['defillama', 'https://defillama.com/protocol/pepe-protocol'],
      ['unlocks', 'https://defillama.com/unlocks/pepe'],
      ['explorer', 'https://basescan.org/token/0xabc0000000000000000000000000000000000001'],
      ['chart', 'https://dexscreener.com/base/0xabc0000000000000000000000000000000000001'],
      ['x', 'https://x.com/search?q=%24PEPE&f=live'],
    ]);
  });

  it('links a stock to its exchange’s page and a chart site', () => {
    const links = onwardLinks({
      text: '$AAPL',
      kind: 'ticker',
      asset: 'stock:AAPL',
      data: { assetId: 'stock:AAPL', symbol: 'AAPL', name: 'Apple' },
      onward: { contracts: [], exchange: 'Nasdaq' },
      claimsNearby: [],
      state: 'ready',
    });
    expect(links.map((l) => l.url)).toEqual([
      'https://www.nasdaq.com/market-activity/stocks/aapl',
      'https://finance.yahoo.com/quote/AAPL',
      'https://x.com/search?q=%24AAPL&f=live',
    ]);
  });

  it('opens every link in a new tab without an opener, and offers each chain’s contract to copy', async () => {
    const card = show({
      asset: 'cg:usd-coin',
      data: { ...hype, assetId: 'cg:usd-coin', symbol: 'USDC', name: 'USDC' },
      onward: {
        contracts: [
          { platform: 'ethereum', chain: 'Ethereum', address: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48' },
          { platform: 'solana', chain: 'Solana', address: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v' },
        ],
      },
    });
    for (const a of card.querySelectorAll('.onward a')) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(card.querySelector('.onward [data-link="explorer"]')?.getAttribute('href')).toBe(
      'https://etherscan.io/token/0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48',
    );
    expect(card.querySelectorAll('.copy')).toHaveLength(1);
    click(
      [...card.querySelectorAll('.onward button')].find((b) => b.textContent?.startsWith('Contracts on')),
    );
    await flush();
    const copies = [...card.querySelectorAll('.copy')].map((b) => b.getAttribute('aria-label'));
    expect(copies).toEqual(['Copy the contract address on Ethereum', 'Copy the contract address on Solana']);
  });
});

describe('a treasury company', () => {
  it('has a line of its own: mNAV, premium, holdings, their value, per share and average cost', () => {
    const mstr: CardData = {
      assetId: 'stock:MSTR',
      symbol: 'MSTR',
      name: 'Strategy',
      price: figure({ ...priceValue, usd: 300 }, 'stocks'),
      supply: figure(
        {
          circulating: null,
          total: null,
          max: null,
          marketCapUsd: 81_000_000_000,
          fdvUsd: null,
          fdvMaxUsd: null,
          volume24hUsd: null,
          rank: null,
        },
        'stocks',
      ),
      treasury: figure({
        company: 'Strategy',
        holdings: [
          {
            coin: 'bitcoin' as const,
            holdings: 640_031,
            valueUsd: 61_500_000_000,
            valueBasis: 'live price' as const,
            entryValueUsd: 47_350_000_000,
            pctOfSupply: 3.05,
          },
        ],
        refused: [],
        totalValueUsd: 61_500_000_000,
        mNav: 1.32,
      }),
    };
    const line = show({ text: '$MSTR', asset: 'stock:MSTR', data: mstr }).querySelector('.treasury-line');
    expect(line?.textContent).toContain('mNAV 1.32');
    expect(line?.textContent).toContain('32% premium over holdings');
    // 81B ÷ $300 = 270M shares; 640,031 BTC ÷ 270M = 0.00237 BTC a share; $47.35B ÷ 640,031.
    expect(line?.querySelector('[data-holding="bitcoin"]')?.textContent).toBe(
      '640.03K BTC · $61.50B · 0.00237 BTC per share · avg cost $73,981',
    );
  });
});

describe('ambiguity that respects the reader', () => {
  const alternatives = [
    {
      id: 'stock:STRK',
      name: 'Strategy 8% Series A Perpetual Strike Preferred',
      symbol: 'STRK',
      venue: 'Nasdaq',
    },
  ];

  it('offers "Not this?" on a symbol resolved on evidence, with "Just here" and "Always"', async () => {
    const card = show({
      text: '$STRK',
      asset: 'cg:starknet',
      data: { ...hype, assetId: 'cg:starknet' },
      alternatives,
    });
    const toggle = [...card.querySelectorAll('.not-this button')].find((b) => b.textContent === 'Not this?');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    click(toggle);
    await flush();
    const row = card.querySelector('.not-this li[data-asset="stock:STRK"]');
    expect(row?.textContent).toContain('Strategy 8% Series A Perpetual Strike Preferred');
    const [here, always] = [...(row?.querySelectorAll('button') ?? [])];
    click(here);
    click(always);
    expect(calls).toEqual(['here stock:STRK', 'pin stock:STRK']);
  });

  it('shows each candidate of a real contest with its rank and where it trades', () => {
    const card = show({
      text: '$DJT',
      candidates: ['stock:DJT', 'cg:trump-media'],
      candidateInfo: [
        { id: 'stock:DJT', name: 'Trump Media & Technology Group', symbol: 'DJT', venue: 'Nasdaq' },
        { id: 'cg:trump-media', name: 'Trump Media', symbol: 'DJT', rank: 2104, venue: 'Solana' },
      ],
    });
    const rows = [...card.querySelectorAll('.candidates li')].map((li) => li.textContent);
    expect(rows[1]).toContain('Trump Media Coin · #2104 · Solana');
    expect(rows[0]).toContain('Just here');
  });
});

describe('a note with words', () => {
  it('opens a field for words and tags; saving without typing still saves', async () => {
    const card = show({ asset: 'cg:hyperliquid', data: hype });
    click(card.querySelector('.save-note'));
    await flush();
    const form = card.querySelector('form.note-form');
    expect(form?.querySelector('textarea')).not.toBeNull();
    const submit = new (doc.defaultView as unknown as typeof globalThis).Event('submit', {
      bubbles: true,
      cancelable: true,
    });
    Object.defineProperty(submit, 'isTrusted', { value: true });
    form?.dispatchEvent(submit);
    expect(calls).toEqual(['save {"text":"","tags":[]}']);
  });

  it('says where a saved note is', () => {
    const card = show({ asset: 'cg:hyperliquid', data: hype, noteSaved: true });
    expect(card.querySelector('.saved')?.textContent).toContain('Note saved');
  });

  it('reads tags as a reader writes them', () => {
    expect(parseTags('#unlock, team  risk,，#risk')).toEqual(['unlock', 'team', 'risk']);
    expect(parseTags('')).toEqual([]);
  });
});

describe('the chart', () => {
  it('says its period, high, low and change in words, and offers 1 D / 7 D / 30 D', () => {
    const points = [
      [Date.UTC(2026, 11, 4, 12), 40],
      [Date.UTC(2026, 11, 5, 0), 44],
      [Date.UTC(2026, 11, 5, 12), 38],
    ] as const;
    expect(chartSummary(points)).toBe(
      'Price Dec 4, 2026, 12:00 UTC – Dec 5, 2026, 12:00 UTC: high $44.00, low $38.00, change -5%',
    );
    const card = show({
      asset: 'cg:hyperliquid',
      data: hype,
      chart: { range: '1d', points, loading: false },
    });
    expect(card.querySelector('svg.line')?.getAttribute('aria-label')).toBe(chartSummary(points));
    expect(
      [...card.querySelectorAll('.range')].map((b) => [b.textContent, b.getAttribute('aria-pressed')]),
    ).toEqual([
      ['1D', 'true'],
      ['7D', 'false'],
      ['30D', 'false'],
    ]);
    click(card.querySelector('.range[data-range="30d"]'));
    expect(calls).toEqual(['range 30d']);
    const failed = show({
      asset: 'cg:hyperliquid',
      data: hype,
      chart: { range: '30d', points: [], loading: false, error: 'Yahoo: timeout' },
    });
    expect(failed.querySelector('.chart-empty')?.textContent).toBe('No chart: Yahoo: timeout');
  });
});
