import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardActions, CardModel } from '@/components/Card';
import type { CardData } from '@/utils/card-schema';

const ui = vi.hoisted(() => ({ locale: 'en' }));

vi.mock('wxt/browser', async () => (await import('../../support/i18n')).catalogueBrowser(ui));

const { Card } = await import('@/components/Card');
const { claimVerdict } = await import('@/utils/checklist/claim-verdicts');

const NOW = Date.UTC(2026, 11, 5, 12);
/** The token a test post's claims are about. */
const HYPE = { text: '$HYPE', asset: 'cg:hyperliquid' };
const DAY = 86_400_000;
const figure = <T,>(value: T, source: 'coingecko' | 'llamaApi' = 'coingecko') => ({
  value,
  source,
  fetchedAt: NOW - 120_000,
  ageMs: 120_000,
  asOf: null,
  sourceOld: false,
  stale: false,
});

const fullCard: CardData = {
  assetId: 'cg:hyperliquid',
  symbol: 'HYPE',
  name: 'Hyperliquid',
  price: figure({
    usd: 38.12,
    change24hPct: 2.5,
    change7dPct: -4.1,
    previousClose: null,
    asOf: null,
    high24h: 39.4,
    low24h: 36.9,
    peak: { usd: 49.75, changePct: -23.4, date: Date.UTC(2025, 8, 18), basis: 'ath' },
  }),
  supply: figure({
    circulating: 334_000_000,
    total: 1_000_000_000,
    max: 1_000_000_000,
    marketCapUsd: 12_700_000_000,
    fdvUsd: 38_100_000_000,
    fdvMaxUsd: 38_100_000_000,
    volume24hUsd: null,
    rank: 12,
  }),
  sparkline: figure({ points: [36, 37, 39, 38.5, 38.12], spanDays: 7 }),
  unlocks: figure(
    {
      next: [
        {
          kind: 'cliff',
          date: NOW + 10 * DAY,
          end: null,
          ratePerDay: null,
          amount: 9_920_000,
          shareOfCirculatingPct: 2.97,
          category: 'insiders',
          label: 'Core Contributors',
          insider: true,
        },
        {
          kind: 'cliff',
          date: NOW + 20 * DAY,
          end: null,
          ratePerDay: null,
          amount: 1_000_000,
          shareOfCirculatingPct: 0.3,
          category: 'airdrop',
          label: 'Airdrop',
          insider: false,
        },
      ],
      recent: [],
      next30d: { amount: 10_920_000, sharePct: 3.27, insiderAmount: 9_920_000, insiderSharePct: 2.97 },
      next90d: { amount: 10_920_000, sharePct: 3.27, insiderAmount: 9_920_000, insiderSharePct: 2.97 },
      allocation: null,
      sections: [],
      totalSupply: 1_000_000_000,
      listed: true,
      sources: [],
    },
    'llamaApi',
  ),
};

const actions: CardActions = { onClose: () => {}, onRetry: () => {}, onPin: () => {}, onSaveNote: () => {} };

function show(model: Partial<CardModel>): HTMLElement {
  const { document } = parseHTML('<!doctype html><html><body><div id="mount"></div></body></html>');
  // Preact creates elements through the global document.
  vi.stubGlobal('document', document);
  const mount = document.getElementById('mount') as unknown as HTMLElement;
  const full: CardModel = { text: '$HYPE', kind: 'ticker', claimsNearby: [], state: 'ready', ...model };
  render(<Card model={full} actions={actions} />, mount);
  return mount;
}

beforeEach(() => {
  ui.locale = 'en';
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('hover card content', () => {
  it('shows every figure of a full card, where the asset trades, and the source of each', () => {
    const card = show({ asset: 'cg:hyperliquid', venue: 'Hyperliquid', data: fullCard });
    const text = card.textContent ?? '';
    expect(card.querySelector('h2')?.textContent).toBe('Hyperliquid');
    expect(card.querySelector('header .badge[data-where="chain"]')?.textContent).toBe('Hyperliquid');
    expect(card.querySelector('.price-row')?.textContent).toMatch(/24h \+2\.5\d*%.*7d [−-]4\.1\d*%/);
    for (const label of ['Market cap', 'FDV', 'Circulating', 'Total supply', 'Max supply'])
      expect(text).toContain(label);
    const footer = card.querySelector('footer')?.textContent ?? '';
    expect(footer).toMatch(/Price: CoinGecko/);
    expect(footer).toMatch(/Price over 7 days: CoinGecko/);
    expect(footer).toMatch(/Next unlocks: DefiLlama API/);
  });

  it('names each unlock by its category, with the source’s allocation name, and flags the insiders’', () => {
    const card = show({ asset: 'cg:hyperliquid', data: fullCard });
    expect(card.querySelector('.unlocks li.head')?.textContent).toBe('DateAmountOf circulating');
    const rows = [...card.querySelectorAll('.unlocks li:not(.head)')];
    expect(rows.map((r) => r.querySelector('.cat')?.textContent)).toEqual([
      'Insiders · Core Contributors',
      'Airdrop',
    ]);
    expect(rows.map((r) => r.className)).toEqual(['insider', '']);
  });

  it('speaks Simplified Chinese from the catalogue, the source’s own names aside', () => {
    ui.locale = 'zh_CN';
    const card = show({ asset: 'cg:hyperliquid', data: fullCard });
    expect(card.querySelector('.price-row')?.textContent).toContain('24小时');
    expect(card.querySelector('.price-row')?.textContent).toContain('7日');
    expect(card.querySelector('.unlocks .cat')?.textContent).toBe('内部人士 · Core Contributors');
    expect(card.querySelector('header .kind')?.textContent).toBe('币');
  });

  it('names a claim’s card after the claim, says which token it was checked against, and lists only the sources it read', () => {
    const withSchedule: CardData = {
      ...fullCard,
      unlocks: {
        ...(fullCard.unlocks as NonNullable<CardData['unlocks']>),
        value: {
          ...(fullCard.unlocks as NonNullable<CardData['unlocks']>).value,
          allocation: { current: { insiders: 100, airdrop: 200 }, final: { insiders: 238, airdrop: 310 } },
        },
      },
    };
    const model = {
      text: 'No VC',
      kind: 'claim' as const,
      claim: 'no-vc' as const,
      claimsNearby: [
        { claim: 'no-vc' as const, about: HYPE },
        { claim: 'no-insiders' as const, about: HYPE },
      ],
      claimsAbout: { text: '$HYPE', asset: 'cg:hyperliquid' },
      data: withSchedule,
    };
    // Before the worker's verdicts come, each claim says it is being checked.
    const waiting = show(model);
    expect(waiting.querySelector('[data-claim="no-insiders"]')?.getAttribute('data-verdict')).toBe('unknown');
    expect(waiting.querySelector('[data-claim="no-insiders"]')?.textContent).toContain('Loading');
    // The worker judges them with utils/checklist (as the page's marks and the popup).
    const claimVerdicts = model.claimsNearby.map(({ claim }) => {
      const v = claimVerdict(claim, undefined, withSchedule);
      return { asset: 'cg:hyperliquid', claim, verdict: v.verdict, reason: v.reason };
    });
    const card = show({ ...model, claimVerdicts });
    expect(card.querySelector('h2')?.textContent).toBe('No VC');
    expect(card.querySelector('header .sym')).toBeNull();
    expect(card.querySelector('.claim')?.textContent).toBe('Checked against Hyperliquid ($HYPE).');
    const insiders = card.querySelector('[data-claim="no-insiders"]');
    expect(insiders?.getAttribute('data-verdict')).toBe('contradicts');
    expect(insiders?.textContent).toContain('the data contradicts it');
    expect(insiders?.textContent).toContain('DefiLlama’s schedule gives the team, insiders or investors');
    expect(card.querySelector('[data-claim="no-vc"]')?.getAttribute('data-verdict')).toBe('agrees');
    const footer = card.querySelector('footer')?.textContent ?? '';
    expect(footer).toMatch(/Next unlocks: DefiLlama API/);
    expect(footer).not.toMatch(/Price|Supply/);
  });

  it('checks no claim against another asset: a stock’s card, a post about an unknown token, a post with none', () => {
    const claims: CardModel['claimsNearby'] = [{ claim: 'no-vc', about: HYPE }];
    const stock = show({
      text: '$MSTR',
      asset: 'stock:MSTR',
      data: { ...fullCard, assetId: 'stock:MSTR', name: 'Strategy', symbol: 'MSTR' },
      claimsNearby: claims,
      claimsAbout: { text: '$HYPE', asset: 'cg:hyperliquid' },
    });
    const row = stock.querySelector('[data-claim="no-vc"]');
    expect(row?.getAttribute('data-verdict')).toBe('unknown');
    expect(row?.textContent).toContain("The post's claims are about $HYPE: see its card.");

    const unknown = show({
      text: 'Fair launch',
      kind: 'claim',
      claim: 'fair-launch',
      claimsNearby: [{ claim: 'fair-launch', about: { text: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' } }],
      claimsAbout: { text: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' },
    });
    expect(unknown.querySelector('h2')?.textContent).toBe('Fair launch');
    expect(unknown.querySelector('.claim')?.textContent).toContain('not matched to one known token');
    expect(unknown.querySelector('[data-claim="fair-launch"]')?.getAttribute('data-verdict')).toBe('unknown');

    ui.locale = 'zh_CN';
    const none = show({
      text: '沒有風投',
      kind: 'claim',
      claim: 'no-vc',
      claimsNearby: [{ claim: 'no-vc' }],
    });
    expect(none.querySelector('.claim')?.textContent).toBe('帖子没有提到可供核对的代币。');
  });

  it('judges each claim against its own token: on $ARB’s card, a claim about $EIGEN points to its card', () => {
    const card = show({
      text: '$ARB',
      asset: 'cg:arbitrum',
      data: { ...fullCard, assetId: 'cg:arbitrum', name: 'Arbitrum', symbol: 'ARB' },
      claimsNearby: [
        { claim: 'no-presale', about: { text: '$EIGEN', asset: 'cg:eigenlayer' } },
        { claim: 'token-launch', about: { text: '$ARB', asset: 'cg:arbitrum' } },
      ],
      claimVerdicts: [
        {
          asset: 'cg:arbitrum',
          claim: 'token-launch',
          verdict: 'contradicts',
          reason: { key: 'reasonAlreadyPriced', subs: [] },
        },
      ],
    });
    const eigen = card.querySelector('[data-claim="no-presale"]');
    expect(eigen?.getAttribute('data-verdict')).toBe('unknown');
    expect(eigen?.textContent).toContain("The post's claims are about $EIGEN: see its card.");
    const arb = card.querySelector('[data-claim="token-launch"]');
    expect(arb?.getAttribute('data-verdict')).toBe('contradicts');
    expect(arb?.textContent).toContain('It already has a market price.');
  });

  it('is titled by its symbol when the source gives no name, so the dialog is never unnamed', () => {
    const card = show({
      asset: 'stock:MSTR',
      data: { ...fullCard, assetId: 'stock:MSTR', name: '', symbol: 'MSTR' },
    });
    const title = card.querySelector('h2');
    expect(title?.textContent).toBe('MSTR');
    expect(card.querySelector('[role="dialog"]')?.getAttribute('aria-labelledby')).toBe(title?.id);
  });

  it('says a failed fetch and a failed Save note in the reader’s language, the detail after it', () => {
    const failed = show({
      asset: 'cg:hyperliquid',
      data: null,
      state: 'error',
      error: 'Could not establish connection',
    });
    const alert = failed.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('No data for this asset yet.');
    expect(alert?.textContent).toContain('could not get this asset’s figures');
    expect(alert?.querySelector('[lang="en"]')?.textContent).toBe('Could not establish connection');
    expect(alert?.querySelector('button')?.textContent).toBe('Retry');

    const note = show({ asset: 'cg:hyperliquid', data: fullCard, noteError: 'QuotaExceededError' });
    const noteAlert = note.querySelector('.err[role="alert"]');
    expect(noteAlert?.textContent).toContain('The note was not saved.');
    expect(noteAlert?.textContent).toContain('QuotaExceededError');
  });

  it('shows a company’s BTC holdings, their value and mNAV, with their source', () => {
    const mstr: CardData = {
      assetId: 'stock:MSTR',
      symbol: 'MSTR',
      name: 'Strategy',
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
        mNav: 1.08,
      }),
    };
    const card = show({ text: '$MSTR', asset: 'stock:MSTR', data: mstr });
    const section = card.querySelector('details[data-fold="treasury"]');
    expect(section?.querySelector('summary')?.textContent).toBe('Treasury');
    expect(section?.textContent).toContain('640.03K BTC · $61.50B');
    expect(section?.textContent).toContain('mNAV (market cap ÷ holdings): 1.08');
    expect(card.querySelector('footer')?.textContent).toMatch(/Treasury: CoinGecko/);
  });

  it('says it is loading while the figures are on their way', () => {
    const card = show({ asset: 'cg:hyperliquid', state: 'loading' });
    expect(card.querySelector('.loading')?.textContent).toBe('Loading figures…');
    expect(card.querySelector('[role="dialog"]')?.getAttribute('aria-busy')).toBe('true');
  });
});

describe('what each figure means', () => {
  const unlocksOf = (value: Partial<NonNullable<CardData['unlocks']>['value']>): CardData => ({
    ...fullCard,
    unlocks: {
      ...(fullCard.unlocks as NonNullable<CardData['unlocks']>),
      value: { ...(fullCard.unlocks as NonNullable<CardData['unlocks']>).value, ...value },
    },
  });
  const row = (over: Partial<NonNullable<CardData['unlocks']>['value']['next'][number]>) => ({
    kind: 'cliff' as const,
    date: Date.UTC(2024, 10, 29),
    end: null,
    amount: 60_000_000,
    ratePerDay: null,
    shareOfCirculatingPct: 17.97,
    category: 'insiders',
    label: 'Hyper Foundation Budget',
    insider: true,
    ...over,
  });
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it('dates unlocks in UTC, as DefiLlama does, wherever the reader is', () => {
    process.env.TZ = 'America/New_York';
    const card = show({ asset: 'cg:hyperliquid', data: unlocksOf({ next: [row({})] }) });
    const first = card.querySelector('.unlocks li:not(.head)');
    expect(first?.textContent).toContain('Nov 29, 2024');
    expect(first?.querySelector('time')?.textContent).toBe('Nov 29, 2024');
    expect(first?.querySelector('time')?.getAttribute('datetime')).toBe('2024-11-29');
    expect(first?.getAttribute('data-date')).toBe('2024-11-29');
  });

  it('shows a stream as a rate over its period, and the last week’s cliffs as just unlocked', () => {
    process.env.TZ = 'Asia/Tokyo';
    const data = unlocksOf({
      next: [
        row({
          kind: 'stream',
          date: Date.UTC(2025, 4, 10, 5, 49, 46),
          end: Date.UTC(2027, 4, 10),
          amount: 311_000_000,
          ratePerDay: 505_857,
          label: 'Investors',
        }),
      ],
      recent: [row({ date: Date.UTC(2025, 0, 21, 9, 51, 41), amount: 36_520_833, label: 'Investors' })],
    });
    const card = show({ asset: 'cg:eigenlayer', data });
    const stream = card.querySelector('.unlocks li[data-kind="stream"]');
    expect(stream?.textContent).toContain('May 10, 2025, 05:49 UTC – May 10, 2027');
    expect(stream?.textContent).toContain('505.86K a day');
    expect(stream?.querySelector('.cat')?.textContent).toBe('Insiders · Investors · linear, 311M to go');
    const recent = card.querySelector('.recent');
    expect(recent?.querySelector('h4')?.textContent).toBe('Just unlocked (last 7 days)');
    expect(recent?.querySelector('time')?.textContent).toBe('Jan 21, 2025, 09:51 UTC');
  });

  it('keeps DefiLlama’s category names: known ones translated, others as given, never "Other"', () => {
    const data = unlocksOf({
      next: [
        row({ category: 'staking', label: 'Staking Rewards', insider: false }),
        row({ category: 'Uncategorized', label: 'Uncategorized', insider: false }),
        row({ category: 'ecosystemGrants', label: 'Grants', insider: false }),
      ],
    });
    const cats = [...show({ asset: 'cg:x', data }).querySelectorAll('.unlocks .cat')].map(
      (c) => c.textContent,
    );
    expect(cats).toEqual(['Staking · Staking Rewards', 'Uncategorized', 'ecosystemGrants · Grants']);
    ui.locale = 'zh_CN';
    const zh = [...show({ asset: 'cg:x', data }).querySelectorAll('.unlocks .cat')].map((c) => c.textContent);
    expect(zh).toEqual(['质押 · Staking Rewards', '未分类', 'ecosystemGrants · Grants']);
  });

  it('labels FDV by its supply and adds price × max supply when that differs', () => {
    const supply = fullCard.supply as NonNullable<CardData['supply']>;
    const data: CardData = {
      ...fullCard,
      supply: {
        ...supply,
        value: { ...supply.value, total: 999_990_391, fdvUsd: 22.99e9, fdvMaxUsd: 23.02e9 },
      },
    };
    const card = show({ asset: 'cg:hyperliquid', data });
    expect(card.querySelector('.stats [data-stat="fdv"]')?.textContent).toBe('FDV (total supply)$22.99B');
    expect(card.querySelector('dl.grid')?.textContent).toContain('FDV (max supply)$23.02B');
    expect(show({ asset: 'cg:hyperliquid', data: fullCard }).textContent).not.toContain('FDV (max supply)');
  });

  it('says revenue for the days its chart covers, or unknown, never a shorter sum as 30 days', () => {
    const day = Date.UTC(2024, 11, 23);
    const series = (
      total30d: number | null,
      covered: { days: number; sum: number; from: number; to: number } | null,
    ) => ({
      total24h: 4890250,
      total7d: 26184696,
      total30d,
      totalAllTime: 499292857,
      covered,
    });
    const data: CardData = {
      ...fullCard,
      revenue: figure(
        {
          name: 'Hyperliquid',
          revenue: series(null, { days: 1, sum: 1472923, from: day, to: day }),
          holdersRevenue: series(null, null),
        },
        'llamaApi',
      ),
    };
    const section = show({ asset: 'cg:hyperliquid', data }).querySelector('details[data-fold="revenue"]');
    const text = section?.textContent ?? '';
    expect(text).toContain(
      'Revenue, Dec 23, 2024 – Dec 23, 2024 (the chart covers 1 of the last 30 days)$1.47M',
    );
    expect(text).toContain('To holders (buybacks, burns), 30 daysunknown');
    expect(text).not.toContain('Revenue, 30 days');
  });

  it('says when the source last updated a figure, and why an old one is stale', () => {
    const price = fullCard.price as NonNullable<CardData['price']>;
    const data: CardData = {
      ...fullCard,
      price: {
        ...price,
        asOf: NOW - 120_000 - 12 * DAY,
        sourceOld: true,
        stale: true,
        staleReason: 'the source’s figure is over 1 hour old',
      },
    };
    const footer = show({ asset: 'cg:hyperliquid', data, state: 'stale' }).querySelector('footer');
    const line = [...(footer?.querySelectorAll('div') ?? [])].find((d) =>
      d.textContent?.startsWith('Price:'),
    );
    expect(line?.textContent).toBe(
      'Price: CoinGecko · updated 12 d ago · the source’s figure is over 1 hour old',
    );
    expect(line?.className).toBe('stale');
  });

  it('says which treasury holding it left out and why', () => {
    const data: CardData = {
      assetId: 'stock:MSTR',
      symbol: 'MSTR',
      name: 'MicroStrategy Inc.',
      treasury: figure({
        company: 'MicroStrategy Inc.',
        holdings: [],
        refused: [{ coin: 'ethereum' as const, holdings: 174530, impliedUnitUsd: 69673.6, coinUsd: 2630 }],
        totalValueUsd: 0,
        mNav: null,
        mNavNote: 'noHoldingsValue' as const,
      }),
    };
    const card = show({ text: '$MSTR', asset: 'stock:MSTR', data });
    expect(card.querySelector('[data-refused="ethereum"]')?.textContent).toBe(
      'ETH holdings left out: the source values them at $69,674 each, but ETH trades at $2,630.',
    );
  });
});
