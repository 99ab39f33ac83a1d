/**
 * GoPlus's answer read at its edges (chains, taxes, owner, the pool's LP, in-band errors), the
 * warnings a card shows from it, and the card chart's points from Yahoo and from a stored line.
 *
 * Answers: the recorded GoPlus WETH answer and Yahoo's AAPL chart, with fields set by hand where a
 * test needs a case they do not have (GoPlus's own field names and value forms), said where.
 */
import { describe, expect, it } from 'vitest';
import {
  goplusChainId,
  parseTokenSecurity,
  type TokenSecurity,
  tokenSecuritySchema,
} from '../../../utils/sources/goplus';
import {
  cleanPoints,
  parseStockChart,
  sparklinePoints,
  yahooChartSchema,
} from '../../../utils/sources/price-chart';
import { LP_LOCKED_ENOUGH_PCT, tokenFlags } from '../../../utils/sources/token-flags';
import { fixtureJson, yahooBody } from '../../support/sources-server';

const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
/** HAND-MADE: the recorded WETH row with these GoPlus fields set (or removed when undefined). */
function read(over: Record<string, unknown>): TokenSecurity {
  const answer = fixtureJson('goplus', 'token_security_1_weth.json') as {
    result: Record<string, Record<string, unknown>>;
  };
  const row = answer.result[WETH] as Record<string, unknown>;
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete row[k];
    else row[k] = v;
  }
  const parsed = parseTokenSecurity(
    tokenSecuritySchema.parse(answer),
    '1',
    WETH.toUpperCase().replace('0X', '0x'),
  );
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.data;
}

describe('GoPlus chains', () => {
  it.each([
    ['ethereum', '1'],
    ['binance-smart-chain', '56'],
    ['bsc', '56'],
    ['polygon-pos', '137'],
    ['arbitrum-one', '42161'],
    ['base', '8453'],
    ['optimistic-ethereum', '10'],
    ['avalanche', '43114'],
    ['324', '324'],
    ['solana', null],
    ['1a', null],
    ['a1', null],
  ])('%s is GoPlus chain %s', (chain, id) => {
    expect(goplusChainId(chain)).toBe(id);
  });
});

describe('GoPlus answers', () => {
  it('an in-band error says its code and message; only 4029 is the rate limit', () => {
    expect(parseTokenSecurity({ code: 4029, message: 'request limit reached' }, '1', WETH)).toEqual({
      ok: false,
      reason: 'GoPlus code 4029: request limit reached',
      rateLimited: true,
    });
    expect(parseTokenSecurity({ code: 2 }, '1', WETH)).toEqual({
      ok: false,
      reason: 'GoPlus code 2',
      rateLimited: false,
    });
  });

  it('a contract the answer does not hold is not known, not rate limited', () => {
    expect(parseTokenSecurity({ code: 1, result: {} }, '1', WETH)).toEqual({
      ok: false,
      reason: 'contract not known to GoPlus',
      rateLimited: false,
    });
  });

  it('taxes are fractions; blank, negative or unreadable ones are unknown', () => {
    expect(read({ buy_tax: '0.05', sell_tax: ' ', transfer_tax: undefined })).toMatchObject({
      buyTax: 0.05,
      sellTax: null,
      transferTax: null,
    });
    expect(read({ buy_tax: '-0.1', sell_tax: 'abc', transfer_tax: '' })).toMatchObject({
      buyTax: null,
      sellTax: null,
      transferTax: null,
    });
  });

  it('flags are "1" or "0"; anything else is unknown', () => {
    expect(
      read({ is_honeypot: '1', is_mintable: '0', is_proxy: 'yes', hidden_owner: undefined }).flags,
    ).toMatchObject({
      honeypot: true,
      mintable: false,
      proxy: null,
      hiddenOwner: null,
    });
  });

  it('an owner at a burn address (any letter case) has renounced; none said is unknown', () => {
    expect(read({ owner_address: ' 0x000000000000000000000000000000000000DEAD ' }).ownerRenounced).toBe(true);
    expect(read({ owner_address: '0x0000000000000000000000000000000000000000' }).ownerRenounced).toBe(true);
    expect(read({ owner_address: '0x1111111111111111111111111111111111111111' }).ownerRenounced).toBe(false);
    expect(read({ owner_address: '' }).ownerRenounced).toBeNull();
    expect(read({ owner_address: undefined }).ownerRenounced).toBeNull();
  });

  it('holders: the count given, else unknown', () => {
    expect(read({ holder_count: '12' }).holderCount).toBe(12);
    expect(read({ holder_count: undefined }).holderCount).toBeNull();
    expect(read({ holder_count: 'many' }).holderCount).toBeNull();
  });

  it('the pool’s LP: locked or burned shares add up, odd shares are skipped, the count as given', () => {
    const lp = read({
      lp_holders: [
        { address: '0x2222222222222222222222222222222222222222', percent: '0.3', is_locked: 1 },
        { address: '0x3333333333333333333333333333333333333333', percent: '0.1', is_locked: '1' },
        { address: '0x000000000000000000000000000000000000DEAD', percent: '0.2', is_locked: 0 },
        { address: '0x4444444444444444444444444444444444444444', percent: '0.25' },
        { address: '0x5555555555555555555555555555555555555555', percent: 'x', is_locked: 1 },
        { address: '0x6666666666666666666666666666666666666666', percent: '-0.5', is_locked: 1 },
      ],
      lp_holder_count: '9',
    }).lp;
    expect(lp?.lockedOrBurnedPct).toBeCloseTo(60, 10);
    expect(lp?.holders).toBe(9);
  });

  it('the LP share is at most 100 %, the holders counted when not said; no LP holders is no LP data', () => {
    const lp = read({
      lp_holders: [
        { address: '0x2222222222222222222222222222222222222222', percent: '0.8', is_locked: 1 },
        { address: '0x3333333333333333333333333333333333333333', percent: '0.7', is_locked: 1 },
      ],
      lp_holder_count: undefined,
    }).lp;
    expect(lp).toEqual({ lockedOrBurnedPct: 100, holders: 2 });
    expect(read({ lp_holders: [] }).lp).toBeNull();
  });
});

describe('token warnings', () => {
  const FLAGS_ON = {
    is_honeypot: '1',
    cannot_sell_all: '1',
    cannot_buy: '1',
    owner_change_balance: '1',
    hidden_owner: '1',
    can_take_back_ownership: '1',
    is_mintable: '1',
    transfer_pausable: '1',
    slippage_modifiable: '1',
    is_blacklisted: '1',
    buy_tax: '0.03',
    sell_tax: '0.1',
    owner_address: '0x1111111111111111111111111111111111111111',
  };

  it('every warning that applies, worst first', () => {
    expect(tokenFlags(read(FLAGS_ON))).toEqual([
      { flag: 'honeypot' },
      { flag: 'cannotSellAll' },
      { flag: 'cannotBuy' },
      { flag: 'ownerCanChangeBalance' },
      { flag: 'sellTax', pct: 10 },
      { flag: 'buyTax', pct: 3 },
      { flag: 'hiddenOwner' },
      { flag: 'canTakeBackOwnership' },
      { flag: 'mintable' },
      { flag: 'transferPausable' },
      { flag: 'taxModifiable' },
      { flag: 'blacklist' },
    ]);
  });

  it('no tax of zero or unknown; the LP warning below half locked, not at half', () => {
    const lp = (pct: string) => [
      { address: '0x2222222222222222222222222222222222222222', percent: pct, is_locked: 1 },
    ];
    expect(tokenFlags(read({ buy_tax: '0', sell_tax: '', lp_holders: lp('0.5') }))).toEqual([]);
    expect(tokenFlags(read({ lp_holders: lp('0.49') }))).toEqual([{ flag: 'lpUnlocked', pct: 49 }]);
    expect(LP_LOCKED_ENOUGH_PCT).toBe(50);
  });
});

describe('chart points', () => {
  const chart = () =>
    structuredClone(yahooBody('chart-AAPL.json')) as { chart: { result: Array<Record<string, unknown>> } };

  it('Yahoo’s closes with their times, gaps skipped; not in USD, or no result, is a reason', () => {
    const c = chart();
    // HAND-MADE: three days of the recorded chart's shape, one without a close.
    Object.assign(c.chart.result[0] ?? {}, {
      timestamp: [1742392800, 1742479200, 1742565600],
      indicators: { quote: [{ close: [210, null, 215.5] }] },
    });
    expect(parseStockChart(yahooChartSchema.parse(c))).toEqual({
      ok: true,
      points: [
        [1742392800_000, 210],
        [1742565600_000, 215.5],
      ],
    });
    const pence = chart();
    Object.assign((pence.chart.result[0] as { meta: object }).meta, { currency: 'GBp' });
    expect(parseStockChart(yahooChartSchema.parse(pence))).toEqual({
      ok: false,
      reason: 'price in GBp, not USD',
    });
    expect(
      parseStockChart(
        yahooChartSchema.parse({ chart: { result: null, error: { description: 'No data found' } } }),
      ),
    ).toEqual({ ok: false, reason: 'chart error: No data found' });
    expect(parseStockChart(yahooChartSchema.parse({ chart: { result: [] } }))).toEqual({
      ok: false,
      reason: 'no chart result',
    });
  });

  it('a Yahoo result without a series has no points', () => {
    const c = chart();
    const r = c.chart.result[0] ?? {};
    delete r.timestamp;
    delete r.indicators;
    expect(parseStockChart(yahooChartSchema.parse(c))).toEqual({ ok: true, points: [] });
  });

  it('only finite positive prices at finite times, oldest first', () => {
    expect(
      cleanPoints([
        [3, 3],
        [1, 1],
        [Number.NaN, 5],
        [4, 0],
        [5, -1],
        [6, null],
        [7, Number.POSITIVE_INFINITY],
        [2, 2],
      ]),
    ).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('a stored line of two prices spans its days up to its time; one price is no line', () => {
    const day = 86_400_000;
    expect(sparklinePoints([1, 2], 7, 10 * day)).toEqual([
      [3 * day, 1],
      [10 * day, 2],
    ]);
    expect(sparklinePoints([1], 7, 10 * day)).toEqual([]);
  });
});
