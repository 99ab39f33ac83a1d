/**
 * The checklist's boxes on the branches the first mutation run found no test on: a cap without a
 * circulating figure, a schedule not read yet or failed, next-unlock shares unknown, insiders and
 * investors named without a share, a box built from two sources (as old as the older, stale if
 * either is), holders' revenue partly covered or without a market cap, a chain's gas coin, and
 * governance not known. Evidence checked by its catalogue key and figures.
 */
import { describe, expect, it, vi } from 'vitest';
import { card, NOW, revenue, series, supply, unlocks } from './card-data';

vi.mock('wxt/browser', () => ({ browser: { i18n: { getMessage: (key: string) => key } } }));

const { checklist, governanceVenue } = await import('@/utils/checklist/boxes');

type Inputs = Parameters<typeof checklist>[0];
const box = (i: Partial<Inputs>, id: string) => {
  const b = checklist({ assetId: 'cg:x', card: null, ...i }).boxes.find((x) => x.box === id);
  if (!b) throw new Error(`no box ${id}`);
  return b;
};
const keys = (b: { evidence: Array<{ key: string }> }) => b.evidence.map((e) => e.key);

describe('the supply box', () => {
  it('says a cap alone when the circulating supply is not known, and waits for the schedule', () => {
    const b = box({ card: card(supply({ circulating: null, max: 21e6 })) }, 'supply');
    expect(b.verdict).toBe('unknown');
    expect(b.evidence[0]).toEqual({ key: 'boxSupplyCapOnly', subs: ['21M'] });
    expect(keys(b)[1]).toBe('boxSupplyScheduleNotFetched');
    const failed = box({ card: card(supply({ max: 21e6 })), tried: true }, 'supply');
    expect(keys(failed)[1]).toBe('boxSupplyScheduleUnavailable');
  });

  it('fails an uncapped supply even without a schedule, and treats a zero maximum as none', () => {
    expect(box({ card: card(supply({ max: null })) }, 'supply').verdict).toBe('fail');
    const zero = box({ card: card(supply({ max: 0 })) }, 'supply');
    expect(zero.verdict).toBe('fail');
    expect(keys(zero)[0]).toBe('boxSupplyNoCap');
  });

  it('shows unknown next-unlock shares as a dash, and names insiders and investors without a share', () => {
    const sched = unlocks(
      { insiders: 20, airdrop: 80 },
      [{ label: 'Early Backers', category: 'privateSale', amount: null, sharePct: null }] as never,
      {
        allocation: { current: {}, final: {} } as never,
        next30d: { amount: 1e6, sharePct: null, insiderAmount: 0, insiderSharePct: null },
        next90d: { amount: 3e6, sharePct: null, insiderAmount: 0, insiderSharePct: null },
      } as never,
    );
    const b = box({ card: card(supply({}), sched) }, 'supply');
    expect(b.evidence.find((e) => e.key === 'boxSupplyNext')?.subs).toEqual(['1M', '—', '3M', '—']);
    expect(keys(b)).toContain('boxSupplyInvestorsNamed');
  });

  it('is as old as its older source and stale when either is, naming both', () => {
    const s = supply({});
    const u = unlocks({ airdrop: 100 });
    const older = NOW - 5 * 3_600_000;
    const b = box(
      {
        card: card(
          { supply: { ...(s.supply as NonNullable<typeof s.supply>), asOf: NOW - 3_600_000 } },
          { unlocks: { ...(u.unlocks as NonNullable<typeof u.unlocks>), asOf: older, stale: true } },
        ),
      },
      'supply',
    );
    expect(b).toMatchObject({ sources: ['coingecko', 'llamaDatasets'], asOf: older, stale: true });
    const fresh = box({ card: card(s, u) }, 'supply');
    expect(fresh.stale).toBeUndefined();
  });
});

describe('the liquidity box', () => {
  it('says how much of the window holders’ revenue covers, or none', () => {
    const partial = box({ card: card(revenue(series(1), series(null, { days: 3, sum: 2e6 }))) }, 'liquidity');
    expect(partial).toMatchObject({
      verdict: 'unknown',
      evidence: [{ key: 'boxLiquidityPartial', subs: ['3', '$2.00M'] }],
    });
    const none = box({ card: card(revenue(series(1), series(null, { days: 0, sum: 0 }))) }, 'liquidity');
    expect(keys(none)).toEqual(['boxLiquidityNone']);
  });
  it('gives the yearly yield on the market cap when it has one, the 30-day sum when not', () => {
    const withCap = box(
      { card: card(revenue(series(1), series(3e6)), supply({ marketCapUsd: 365e6 })) },
      'liquidity',
    );
    expect(withCap.evidence[0]).toEqual({ key: 'boxLiquidity30dYield', subs: ['$3.00M', '10%'] });
    const noCap = box(
      { card: card(revenue(series(1), series(3e6)), supply({ marketCapUsd: null })) },
      'liquidity',
    );
    expect(noCap.evidence[0]).toEqual({ key: 'boxLiquidity30d', subs: ['$3.00M'] });
  });
});

describe('the sink and governance boxes', () => {
  it('pass a chain’s own gas coin on the curated list', () => {
    expect(box({ gasOf: 'Ethereum' }, 'sink')).toMatchObject({
      verdict: 'pass',
      source: 'curated',
      evidence: [{ key: 'boxSinkGas', subs: ['Ethereum'] }],
    });
  });
  it('say governance is not known before DefiLlama’s protocol data is', () => {
    expect(keys(box({}, 'governance'))).toEqual(['boxGovernanceNotKnown']);
    expect(box({ governance: ['tally:uniswap'] }, 'governance').verdict).toBe('pass');
  });
  it('keep a short on-chain governor address whole, and an unknown venue as DefiLlama gives it', () => {
    expect(governanceVenue('compound:0x12345678')).toBe('Governor (on-chain) 0x12345678');
    expect(governanceVenue('Snapshot:x.eth')).toBe('Snapshot x.eth');
    expect(governanceVenue('forum:gov.example')).toBe('forum:gov.example');
  });
});
