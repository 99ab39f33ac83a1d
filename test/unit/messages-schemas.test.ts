/**
 * What each message of the contract (utils/messages.ts) accepts and refuses where it is received:
 * the worker checks every request (a content script is a web page's guest, and even a page's
 * message may be malformed), and every sender checks the answer. The fields the automation contract
 * names (§2 scan, §7 popup, §8 checklist), the bounds, and wrong types. Each schema is built on
 * first use: the first test here that parses one states what it accepts and what it refuses.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackgroundType } from '../../utils/messages';

/**
 * The module, loaded afresh for each test: its schemas are built on first use and kept, so each
 * test's checks run against schemas that test built (and a mutation-testing run that follows which
 * test executed which line sees every test that depends on a schema's definition).
 */
let m: typeof import('../../utils/messages');
beforeEach(async () => {
  vi.resetModules();
  m = await import('../../utils/messages');
});

const request = (type: BackgroundType) => m.backgroundApi[type].request;
const reply = (type: BackgroundType) => m.backgroundApi[type].reply;
/** Whether the worker takes this request of `type` (as the dispatcher parses it: with its type). */
const takes = (type: BackgroundType, payload: object) =>
  request(type).safeParse({ type, ...payload }).success;
const answers = (type: BackgroundType, data: unknown) => reply(type).safeParse(data).success;

const KINDS = { ticker: true, name: false, handle: true, address: true, claim: false };

describe('the messages there are', () => {
  it('are the background messages the worker dispatches, each under its own type', () => {
    expect(Object.keys(m.backgroundApi).sort()).toEqual([
      'tickerlens:assets',
      'tickerlens:card',
      'tickerlens:chart',
      'tickerlens:check-source',
      'tickerlens:checklist',
      'tickerlens:checklist-override',
      'tickerlens:claim-verdicts',
      'tickerlens:contract',
      'tickerlens:detect',
      'tickerlens:hello',
      'tickerlens:notes-delete',
      'tickerlens:notes-extras',
      'tickerlens:notes-import',
      'tickerlens:notes-list',
      'tickerlens:notes-prices',
      'tickerlens:notes-restore',
      'tickerlens:notes-update',
      'tickerlens:open-notes',
      'tickerlens:page-detected',
      'tickerlens:pin',
      'tickerlens:pins-list',
      'tickerlens:recent-notes',
      'tickerlens:resolve',
      'tickerlens:save-note',
      'tickerlens:site',
      'tickerlens:unpin',
    ]);
    for (const [type, def] of Object.entries(m.backgroundApi)) expect(def.type).toBe(type);
    expect(m.isBackgroundType('tickerlens:scan')).toBe(false);
    expect(m.isBackgroundType(42)).toBe(false);
    // A type must be the string itself: a list that stringifies to one is not (`{ type: [...] }`).
    expect(m.isBackgroundType(['tickerlens:hello'])).toBe(false);
  });

  it('are the content script’s messages: scan (contract §2), next mark, pins and marks changed, stop', () => {
    expect(Object.keys(m.contentApi).sort()).toEqual([
      'tickerlens:marks-changed',
      'tickerlens:next-mark',
      'tickerlens:pins-changed',
      'tickerlens:scan',
      'tickerlens:stop',
    ]);
    for (const [type, def] of Object.entries(m.contentApi)) {
      expect(def.request.safeParse({ type }).success || type === m.MARKS_CHANGED_MESSAGE).toBe(true);
      // Each request is its own type only.
      expect(def.request.safeParse({ type: 'tickerlens:other' }).success).toBe(false);
    }
    expect(m.isContentType(m.SCAN_MESSAGE)).toBe(true);
    expect(m.isContentType('tickerlens:hello')).toBe(false);
    expect(m.isContentType('hasOwnProperty')).toBe(false);
    expect(m.isContentType(undefined)).toBe(false);
    expect(m.isContentType(['tickerlens:scan'])).toBe(false);
    // Only the scan is answered.
    expect(
      Object.entries(m.contentApi)
        .filter(([, d]) => 'reply' in d)
        .map(([t]) => t),
    ).toEqual([m.SCAN_MESSAGE]);
  });

  it('answers a scan (contract §2) with every kind of item, each field kept', () => {
    const scan = {
      url: 'https://x.com/home',
      items: [
        { kind: 'ticker', text: '$HYPE', asset: 'cg:hyperliquid' },
        { kind: 'name', text: '比特币', asset: 'cg:bitcoin' },
        { kind: 'handle', text: '@HyperliquidX', asset: 'cg:hyperliquid' },
        {
          kind: 'address',
          text: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD',
          chain: 'evm',
          invalid: 'checksum',
        },
        {
          kind: 'claim',
          text: '28% airdrop',
          claim: 'airdrop',
          value: 28,
          aboutText: '$HYPE',
          about: 'cg:hyperliquid',
          context: 'HYPE: no VC, 28% airdrop',
        },
        { kind: 'ticker', text: '$STRK', candidates: ['cg:starknet', 'stock:STRK'] },
      ],
    };
    const answer = m.contentApi[m.SCAN_MESSAGE].reply;
    expect(answer.parse(scan)).toEqual(scan);
    const item = (i: object) => answer.safeParse({ url: scan.url, items: [i] }).success;
    expect(item({ kind: 'address', text: '0x', invalid: 'length' })).toBe(false);
    expect(item({ kind: 'cashtag', text: '$X' })).toBe(false);
    expect(item({ kind: 'claim', text: 'x', claim: 'moon' })).toBe(false);
    expect(item({ kind: 'ticker', text: 1 })).toBe(false);
    expect(answer.safeParse({ items: [] }).success).toBe(false);
  });

  it('tell the content script which kinds to mark, every kind said', () => {
    const changed = m.contentApi[m.MARKS_CHANGED_MESSAGE].request;
    expect(changed.safeParse({ type: m.MARKS_CHANGED_MESSAGE, marks: true, kinds: KINDS }).success).toBe(
      true,
    );
    expect(changed.safeParse({ type: m.MARKS_CHANGED_MESSAGE, marks: 'yes', kinds: KINDS }).success).toBe(
      false,
    );
    for (const kind of Object.keys(KINDS)) {
      const { [kind as keyof typeof KINDS]: _, ...without } = KINDS;
      expect(changed.safeParse({ type: m.MARKS_CHANGED_MESSAGE, marks: true, kinds: without }).success).toBe(
        false,
      );
    }
    expect(answers('tickerlens:hello', { version: '0.4.0', marks: false, kinds: KINDS })).toBe(true);
    expect(answers('tickerlens:hello', { version: 4, marks: false, kinds: KINDS })).toBe(false);
    expect(
      answers('tickerlens:hello', { version: '0.4.0', marks: false, kinds: { ...KINDS, claim: 1 } }),
    ).toBe(false);
    expect(takes('tickerlens:hello', {})).toBe(true);
  });
});

describe('the checklist (contract §8)', () => {
  const box = {
    box: 'revenue',
    verdict: 'pass',
    computed: 'pass',
    evidence: [{ key: 'boxRevenue30d', subs: ['$1M', { key: 'boxVerdict_pass' }] }],
    source: 'llamaApi',
    sources: ['llamaApi', 'curated', 'snapshot'],
    asOf: 1,
    stale: false,
    override: { verdict: 'pass', reason: 'fees', at: 2 },
  };
  const result = { asset: 'cg:hyperliquid', score: 1, boxes: [box], warning: true, loading: false };

  it('answers the asset, the score, each box with its verdict, source, time and the user’s override', () => {
    expect(reply('tickerlens:checklist').parse(result)).toEqual(result);
    for (const id of ['revenue', 'sink', 'supply', 'liquidity', 'governance'])
      expect(answers('tickerlens:checklist', { ...result, boxes: [{ ...box, box: id }] })).toBe(true);
    expect(
      answers('tickerlens:checklist', {
        ...result,
        boxes: [{ ...box, verdict: 'fail', override: { verdict: 'fail', reason: '', at: 3 } }],
      }),
    ).toBe(true);
    // Minimal box: no source, time, staleness or override.
    expect(
      answers('tickerlens:checklist', {
        ...result,
        boxes: [{ box: 'sink', verdict: 'unknown', computed: 'fail', evidence: [] }],
      }),
    ).toBe(true);
  });

  it('refuses an answer that is not one: a sixth box, a verdict or source it does not know, a fractional score', () => {
    const wrong = (b: object) => answers('tickerlens:checklist', { ...result, boxes: [{ ...box, ...b }] });
    expect(wrong({ box: 'team' })).toBe(false);
    expect(wrong({ verdict: 'maybe' })).toBe(false);
    expect(wrong({ computed: 'yes' })).toBe(false);
    expect(wrong({ source: 'twitter' })).toBe(false);
    expect(wrong({ sources: ['coingecko', 'rumour'] })).toBe(false);
    expect(wrong({ asOf: 'yesterday' })).toBe(false);
    expect(wrong({ stale: 'no' })).toBe(false);
    // The user sets pass or fail, never unknown; their reason is text.
    expect(wrong({ override: { verdict: 'unknown', reason: '', at: 1 } })).toBe(false);
    expect(wrong({ override: { verdict: 'fail', reason: 3, at: 1 } })).toBe(false);
    expect(wrong({ override: { verdict: 'fail', reason: '' } })).toBe(false);
    expect(wrong({ evidence: [{ key: 'k'.repeat(81), subs: [] }] })).toBe(false);
    expect(wrong({ evidence: [{ key: 'boxRevenue30d', subs: [{ key: 'k'.repeat(81) }] }] })).toBe(false);
    expect(wrong({ evidence: [{ key: 'boxRevenue30d', subs: [1] }] })).toBe(false);
    expect(
      answers('tickerlens:checklist', {
        ...result,
        boxes: [{ ...box, evidence: [{ key: 'k'.repeat(80), subs: [] }] }],
      }),
    ).toBe(true);
    expect(answers('tickerlens:checklist', { ...result, score: 2.5 })).toBe(false);
    expect(answers('tickerlens:checklist', { ...result, asset: 1 })).toBe(false);
    expect(answers('tickerlens:checklist', { ...result, warning: undefined })).toBe(false);
    expect(answers('tickerlens:checklist', { ...result, loading: 'no' })).toBe(false);
  });

  it('is asked for one asset id (1 to 200 characters), with the page’s claims about it, each known and at most ten', () => {
    expect(takes('tickerlens:checklist', { asset: 'cg:hyperliquid' })).toBe(true);
    expect(
      takes('tickerlens:checklist', { asset: 'x'.repeat(200), wait: true, claims: ['no-vc', 'airdrop'] }),
    ).toBe(true);
    expect(takes('tickerlens:checklist', { asset: '' })).toBe(false);
    expect(takes('tickerlens:checklist', { asset: 'x'.repeat(201) })).toBe(false);
    expect(takes('tickerlens:checklist', { asset: 'cg:x', wait: 'yes' })).toBe(false);
    expect(takes('tickerlens:checklist', { asset: 'cg:x', claims: ['moon'] })).toBe(false);
    const ten = [
      'no-vc',
      'no-insiders',
      'community-only',
      'fair-launch',
      'no-presale',
      'airdrop',
      'zero-tax',
      'token-launch',
      'buyback-burn',
      'liquidity-locked',
    ];
    expect(takes('tickerlens:checklist', { asset: 'cg:x', claims: ten })).toBe(true);
    expect(takes('tickerlens:checklist', { asset: 'cg:x', claims: [...ten, 'no-vc'] })).toBe(false);
  });

  it('takes the user’s verdict on one of the five boxes, pass, fail or null (clear), with a reason of at most 280 characters', () => {
    const set = { asset: 'cg:hyperliquid', box: 'sink', verdict: 'pass', reason: 'gas' };
    expect(takes('tickerlens:checklist-override', set)).toBe(true);
    expect(takes('tickerlens:checklist-override', { ...set, verdict: 'fail', reason: 'x'.repeat(280) })).toBe(
      true,
    );
    expect(takes('tickerlens:checklist-override', { ...set, verdict: null, reason: '' })).toBe(true);
    expect(takes('tickerlens:checklist-override', { ...set, reason: 'x'.repeat(281) })).toBe(false);
    expect(takes('tickerlens:checklist-override', { ...set, verdict: 'unknown' })).toBe(false);
    expect(takes('tickerlens:checklist-override', { ...set, box: 'team' })).toBe(false);
    expect(takes('tickerlens:checklist-override', { ...set, asset: '' })).toBe(false);
    const { reason: _, ...noReason } = set;
    expect(takes('tickerlens:checklist-override', noReason)).toBe(false);
    expect(answers('tickerlens:checklist-override', result)).toBe(true);
    expect(answers('tickerlens:checklist-override', { ...result, score: '1/5' })).toBe(false);
  });
});

describe('claim verdicts and the popup’s assets', () => {
  const verdict = {
    asset: 'cg:hyperliquid',
    claim: 'airdrop',
    value: 28,
    verdict: 'agrees',
    reason: { key: 'reasonAirdrop', subs: ['28%'] },
    source: 'llamaApi',
    asOf: 1,
  };

  it('asks at most a hundred known claims of asset ids, and answers agrees, contradicts or unknown with a reason', () => {
    const item = { asset: 'cg:hyperliquid', claim: 'no-vc' };
    expect(takes('tickerlens:claim-verdicts', { items: Array(100).fill(item), wait: true })).toBe(true);
    expect(takes('tickerlens:claim-verdicts', { items: Array(101).fill(item) })).toBe(false);
    expect(takes('tickerlens:claim-verdicts', { items: [{ ...item, claim: 'wen-moon' }] })).toBe(false);
    expect(takes('tickerlens:claim-verdicts', { items: [{ ...item, asset: '' }] })).toBe(false);
    expect(takes('tickerlens:claim-verdicts', { items: [{ ...item, value: '28' }] })).toBe(false);
    expect(answers('tickerlens:claim-verdicts', { verdicts: [verdict] })).toBe(true);
    expect(answers('tickerlens:claim-verdicts', { verdicts: [{ ...verdict, verdict: 'contradicts' }] })).toBe(
      true,
    );
    expect(answers('tickerlens:claim-verdicts', { verdicts: [{ ...verdict, verdict: 'true' }] })).toBe(false);
    expect(answers('tickerlens:claim-verdicts', { verdicts: [{ ...verdict, claim: 'moon' }] })).toBe(false);
    expect(answers('tickerlens:claim-verdicts', { verdicts: [{ ...verdict, source: 'rumour' }] })).toBe(
      false,
    );
    expect(answers('tickerlens:claim-verdicts', { verdicts: [{ ...verdict, reason: 'because' }] })).toBe(
      false,
    );
  });

  it('asks at most 200 assets, and answers each with its name, kind and cached price', () => {
    const row = {
      asset: 'cg:hyperliquid',
      name: 'Hyperliquid',
      symbol: 'HYPE',
      kind: 'coin',
      venue: 'Hyperliquid',
      rank: 12,
      price: {
        usd: 38,
        change24hPct: null,
        source: 'snapshot',
        fetchedAt: 1,
        asOf: null,
        stale: true,
        snapshotDate: '2025-02-09',
      },
    };
    expect(takes('tickerlens:assets', { assets: Array(200).fill('cg:x'), wait: false })).toBe(true);
    expect(takes('tickerlens:assets', { assets: Array(201).fill('cg:x') })).toBe(false);
    expect(takes('tickerlens:assets', { assets: [''] })).toBe(false);
    expect(answers('tickerlens:assets', { assets: [row] })).toBe(true);
    expect(answers('tickerlens:assets', { assets: [{ ...row, kind: 'nft' }] })).toBe(false);
    expect(
      answers('tickerlens:assets', { assets: [{ ...row, price: { ...row.price, source: 'rumour' } }] }),
    ).toBe(false);
    expect(
      answers('tickerlens:assets', { assets: [{ ...row, price: { ...row.price, stale: undefined } }] }),
    ).toBe(false);
  });
});

describe('detection and resolution', () => {
  const match = { kind: 'ticker', text: '$HYPE', start: 0, end: 5, symbol: 'HYPE', cashtag: true };

  it('takes at most 500 texts or blocks a batch', () => {
    expect(takes('tickerlens:detect', { texts: Array(500).fill('a') })).toBe(true);
    expect(takes('tickerlens:detect', { texts: Array(501).fill('a') })).toBe(false);
    expect(takes('tickerlens:detect', { texts: [1] })).toBe(false);
    expect(takes('tickerlens:resolve', { blocks: Array(500).fill({}) })).toBe(true);
    expect(takes('tickerlens:resolve', { blocks: Array(501).fill({}) })).toBe(false);
  });

  it('keeps every field of every kind of match crossing to the worker', () => {
    const block = {
      text: '$HYPE Hyperliquid @HyperliquidX 0xabc So1ana no VC 28% airdrop',
      matches: [
        { ...match, listed: false },
        {
          kind: 'name',
          text: 'Hyperliquid',
          start: 6,
          end: 17,
          nameKey: 'hyperliquid',
          asset: 'cg:hyperliquid',
        },
        { kind: 'handle', text: '@HyperliquidX', start: 18, end: 31, handle: 'hyperliquidx' },
        { kind: 'address', text: '0xabc', start: 32, end: 37, chain: 'evm', valid: false },
        { kind: 'address', text: 'So1ana', start: 38, end: 44, chain: 'solana', valid: true },
        { kind: 'claim', text: '28% airdrop', start: 51, end: 62, claim: 'airdrop', value: 28 },
      ],
    };
    expect(m.resolveBlockSchema.parse(block)).toEqual(block);
  });

  it('checks each block alone: a text up to the limit, at most 10,000 matches of 200 characters', () => {
    expect(m.MAX_TEXT).toBe(100_000);
    expect(m.isDetectableText('x'.repeat(m.MAX_TEXT))).toBe(true);
    expect(m.isDetectableText('x'.repeat(m.MAX_TEXT + 1))).toBe(false);
    expect(m.resolveBlockSchema.safeParse({ text: 'x'.repeat(m.MAX_TEXT), matches: [match] }).success).toBe(
      true,
    );
    expect(m.resolveBlockSchema.safeParse({ text: 'x'.repeat(m.MAX_TEXT + 1), matches: [] }).success).toBe(
      false,
    );
    expect(m.resolveBlockSchema.safeParse({ text: '', matches: Array(10_000).fill(match) }).success).toBe(
      true,
    );
    expect(m.resolveBlockSchema.safeParse({ text: '', matches: Array(10_001).fill(match) }).success).toBe(
      false,
    );
    expect(
      m.resolveBlockSchema.safeParse({ text: '', matches: [{ ...match, text: 'x'.repeat(201) }] }).success,
    ).toBe(false);
    expect(m.resolveBlockSchema.safeParse({ text: '', matches: [{ ...match, kind: 'coin' }] }).success).toBe(
      false,
    );
    expect(
      m.resolveBlockSchema.safeParse({ text: '', matches: [{ ...match, chain: 'bitcoin' }] }).success,
    ).toBe(false);
    expect(m.resolveBlockSchema.safeParse({ text: '', matches: [{ ...match, start: 0.5 }] }).success).toBe(
      false,
    );
  });

  it('answers each match with an asset, or candidates with their names, or an unknown address with its explorer', () => {
    const resolution = {
      candidates: ['stock:DJT', 'cg:trump-media'],
      candidateInfo: [
        { id: 'stock:DJT', name: 'Trump Media & Technology Group', symbol: 'DJT', venue: 'Nasdaq' },
      ],
      alternatives: Array(10).fill({ id: 'cg:x', name: 'X', symbol: 'X', rank: 3 }),
      unknownAddress: {
        chain: 'evm',
        address: '0xabc',
        explorer: 'https://etherscan.io/token/0xabc',
        symbol: 'ABC',
      },
    };
    expect(answers('tickerlens:resolve', { blocks: [[resolution, { asset: 'cg:bitcoin' }]] })).toBe(true);
    expect(
      answers('tickerlens:resolve', {
        blocks: [[{ ...resolution, alternatives: Array(11).fill(resolution.alternatives[0]) }]],
      }),
    ).toBe(false);
    expect(
      answers('tickerlens:resolve', { blocks: [[{ candidateInfo: [{ id: 'cg:x', name: 'X' }] }]] }),
    ).toBe(false);
    expect(
      answers('tickerlens:resolve', { blocks: [[{ unknownAddress: { chain: 'evm', address: '0xabc' } }]] }),
    ).toBe(false);
    expect(
      answers('tickerlens:detect', {
        blocks: [{ matches: [match], resolutions: [{ asset: 'cg:hyperliquid' }] }],
      }),
    ).toBe(true);
    expect(
      answers('tickerlens:detect', { blocks: [{ matches: [{ ...match, end: '5' }], resolutions: [] }] }),
    ).toBe(false);
  });

  it('counts what a page found by kind, never negative, with at most 500 assets', () => {
    const counts = { ticker: 3, name: 0, handle: 1, address: 0, claim: 2 };
    expect(takes('tickerlens:page-detected', { counts, assets: Array(500).fill('cg:x') })).toBe(true);
    expect(takes('tickerlens:page-detected', { counts, assets: Array(501).fill('cg:x') })).toBe(false);
    for (const kind of Object.keys(counts)) {
      expect(takes('tickerlens:page-detected', { counts: { ...counts, [kind]: -1 }, assets: [] })).toBe(
        false,
      );
      expect(takes('tickerlens:page-detected', { counts: { ...counts, [kind]: 1.5 }, assets: [] })).toBe(
        false,
      );
    }
    expect(answers('tickerlens:page-detected', { badge: '3' })).toBe(true);
    expect(answers('tickerlens:page-detected', { badge: 3 })).toBe(false);
  });
});

describe('the card and its chart', () => {
  const onward = {
    contracts: [{ platform: 'ethereum', chain: 'Ethereum', address: '0xabc' }],
    llamaProtocol: 'https://defillama.com/protocol/hyperliquid',
    exchange: 'Nasdaq',
    token: { chain: 'ethereum', flags: [{ flag: 'honeypot' }, { flag: 'sellTax', pct: 12 }], fetchedAt: 1 },
  };

  it('is asked for an asset id of at most 200 characters, waiting or from the cache only', () => {
    expect(takes('tickerlens:card', { asset: 'cg:x', wait: true, cached: true })).toBe(true);
    expect(takes('tickerlens:card', { asset: 'x'.repeat(201) })).toBe(false);
    expect(takes('tickerlens:card', { asset: 'cg:x', cached: 'yes' })).toBe(false);
    expect(answers('tickerlens:card', { card: null, refreshing: false })).toBe(true);
    expect(
      answers('tickerlens:card', {
        card: null,
        refreshing: true,
        venue: 'Solana',
        error: 'HTTP 429',
        onward,
      }),
    ).toBe(true);
    expect(answers('tickerlens:card', { card: null })).toBe(false);
  });

  it('says where to go onward: at most 60 contracts, token flags it knows', () => {
    const card = (o: object) =>
      answers('tickerlens:card', { card: null, refreshing: false, onward: { ...onward, ...o } });
    expect(card({ contracts: Array(60).fill(onward.contracts[0]) })).toBe(true);
    expect(card({ contracts: Array(61).fill(onward.contracts[0]) })).toBe(false);
    expect(card({ token: { ...onward.token, flags: [{ flag: 'rugpull' }] } })).toBe(false);
    expect(card({ contracts: [{ platform: 'ethereum', address: '0xabc' }] })).toBe(false);
  });

  it('asks a chart range of 1, 7 or 30 days, answered with at most 300 points', () => {
    expect(takes('tickerlens:chart', { asset: 'cg:x', range: '7d' })).toBe(true);
    expect(takes('tickerlens:chart', { asset: 'cg:x', range: '1y' })).toBe(false);
    expect(takes('tickerlens:chart', { asset: 'x'.repeat(201), range: '1d' })).toBe(false);
    const points = Array.from({ length: 300 }, (_, i) => [i, 1]);
    expect(answers('tickerlens:chart', { points, source: 'coingecko', fetchedAt: 1 })).toBe(true);
    expect(answers('tickerlens:chart', { points: [...points, [300, 1]] })).toBe(false);
    expect(answers('tickerlens:chart', { points: [[1, 2, 3]] })).toBe(false);
    expect(answers('tickerlens:chart', { points: [], source: 'rumour' })).toBe(false);
    expect(answers('tickerlens:chart', { points: [], error: 'offline' })).toBe(true);
  });

  it('tells of a contract no list knows by chain, EVM or Solana, and an address of at most 64 characters', () => {
    expect(takes('tickerlens:contract', { chain: 'solana', address: 'x'.repeat(64) })).toBe(true);
    expect(takes('tickerlens:contract', { chain: 'solana', address: 'x'.repeat(65) })).toBe(false);
    expect(takes('tickerlens:contract', { chain: 'bitcoin', address: 'bc1' })).toBe(false);
    const facts = {
      chain: 'evm',
      address: '0xabc',
      price: { usd: 1, source: 'llamaCoins', asOf: null },
      security: {
        buyTax: 0,
        sellTax: null,
        holders: 10,
        honeypot: false,
        openSource: true,
        mintable: null,
        ownerRenounced: true,
        lpLockedPct: 95,
      },
      fetchedAt: 1,
      errors: [],
    };
    expect(answers('tickerlens:contract', { facts })).toBe(true);
    const named = {
      ...facts,
      chain: 'solana',
      pricedOn: 'solana',
      price: { usd: 0.01, source: 'coingecko', asOf: 1 },
      calls: { name: 'Hyperliquid', symbol: 'HYPE' },
      coingecko: { id: 'hyperliquid', name: 'Hyperliquid', symbol: 'hype' },
      imitates: { name: 'Hyperliquid', symbol: 'HYPE' },
    };
    expect(reply('tickerlens:contract').parse({ facts: named })).toEqual({ facts: named });
    expect(answers('tickerlens:contract', { facts: { ...named, calls: { name: 1 } } })).toBe(false);
    expect(answers('tickerlens:contract', { facts: { ...named, coingecko: { id: 'x', name: 'X' } } })).toBe(
      false,
    );
    expect(answers('tickerlens:contract', { facts: { ...named, imitates: { symbol: 'X' } } })).toBe(false);
    expect(answers('tickerlens:contract', { facts: null })).toBe(true);
    expect(
      answers('tickerlens:contract', { facts: { ...facts, price: { ...facts.price, source: 'stocks' } } }),
    ).toBe(false);
    expect(
      answers('tickerlens:contract', {
        facts: { ...facts, security: { ...facts.security, honeypot: 'no' } },
      }),
    ).toBe(false);
    expect(answers('tickerlens:contract', { facts: { ...facts, errors: undefined } })).toBe(false);
  });
});

describe('notes', () => {
  const save = {
    asset: 'cg:hyperliquid',
    quote: 'no VC',
    url: 'https://x.com/a/status/1',
    detected: '$HYPE',
  };

  it('saves a note from a card or the popup within the notes’ limits, on an asset id or none', () => {
    expect(takes('tickerlens:save-note', save)).toBe(true);
    expect(takes('tickerlens:save-note', { ...save, asset: '' })).toBe(true);
    expect(takes('tickerlens:save-note', { ...save, asset: 'hyperliquid' })).toBe(false);
    expect(takes('tickerlens:save-note', { ...save, quote: 'x'.repeat(4000) })).toBe(true);
    expect(takes('tickerlens:save-note', { ...save, quote: 'x'.repeat(4001) })).toBe(false);
    // A long page URL is taken (the worker shortens it) up to 100,000 characters.
    expect(takes('tickerlens:save-note', { ...save, url: 'x'.repeat(100_000) })).toBe(true);
    expect(takes('tickerlens:save-note', { ...save, url: 'x'.repeat(100_001) })).toBe(false);
    expect(takes('tickerlens:save-note', { ...save, detected: 'x'.repeat(201) })).toBe(false);
    expect(takes('tickerlens:save-note', { ...save, claim: 'moon' })).toBe(false);
    expect(
      takes('tickerlens:save-note', {
        ...save,
        text: 'x'.repeat(20_000),
        tags: Array(32).fill('t'.repeat(64)),
      }),
    ).toBe(true);
    expect(takes('tickerlens:save-note', { ...save, text: 'x'.repeat(20_001) })).toBe(false);
    expect(takes('tickerlens:save-note', { ...save, tags: Array(33).fill('t') })).toBe(false);
    expect(takes('tickerlens:save-note', { ...save, tags: ['t'.repeat(65)] })).toBe(false);
    const claim = { claim: 'airdrop', value: 28 };
    expect(takes('tickerlens:save-note', { ...save, claims: Array(40).fill(claim) })).toBe(true);
    expect(takes('tickerlens:save-note', { ...save, claims: Array(41).fill(claim) })).toBe(false);
    expect(answers('tickerlens:save-note', { id: 3, priceUsd: null })).toBe(true);
    expect(answers('tickerlens:save-note', { id: 3.5, priceUsd: 1 })).toBe(false);
  });

  it('lists 1 to 100 recent notes for the popup, with what the popup shows of each', () => {
    expect(takes('tickerlens:recent-notes', { limit: 1 })).toBe(true);
    expect(takes('tickerlens:recent-notes', { limit: 100 })).toBe(true);
    expect(takes('tickerlens:recent-notes', { limit: 0 })).toBe(false);
    expect(takes('tickerlens:recent-notes', { limit: 101 })).toBe(false);
    const note = {
      id: 1,
      assetId: 'cg:x',
      text: 'hi',
      createdAt: 1,
      capture: { quote: 'q', url: 'https://x.com', detected: '$X', priceUsd: null },
    };
    expect(answers('tickerlens:recent-notes', { notes: [note] })).toBe(true);
    expect(
      answers('tickerlens:recent-notes', {
        notes: [{ ...note, capture: { ...note.capture, priceUsd: undefined } }],
      }),
    ).toBe(false);
    expect(answers('tickerlens:recent-notes', { notes: [{ ...note, id: '1' }] })).toBe(false);
  });

  it('pages through stored notes after a row, 1 to 1,000 at a time', () => {
    expect(takes('tickerlens:notes-list', { after: 0, limit: 1000 })).toBe(true);
    expect(takes('tickerlens:notes-list', { after: -1, limit: 10 })).toBe(false);
    expect(takes('tickerlens:notes-list', { after: 0, limit: 0 })).toBe(false);
    expect(takes('tickerlens:notes-list', { after: 0, limit: 1001 })).toBe(false);
    expect(takes('tickerlens:notes-list', { after: 0.5, limit: 10 })).toBe(false);
    expect(answers('tickerlens:notes-list', { notes: [], total: 0, next: null, skipped: 0 })).toBe(true);
    expect(answers('tickerlens:notes-list', { notes: [], total: 0, next: 1000, skipped: 2 })).toBe(true);
    expect(answers('tickerlens:notes-list', { notes: [], total: 0, next: null, skipped: -1 })).toBe(false);
    expect(answers('tickerlens:notes-list', { notes: [], total: 0, skipped: 0 })).toBe(false);
  });

  it('edits, deletes and restores notes by positive row id within the limits', () => {
    expect(takes('tickerlens:notes-update', { id: 1, text: '', tags: [] })).toBe(true);
    expect(takes('tickerlens:notes-update', { id: 0, text: '', tags: [] })).toBe(false);
    expect(takes('tickerlens:notes-update', { id: 1, text: 'x'.repeat(20_001), tags: [] })).toBe(false);
    expect(takes('tickerlens:notes-update', { id: 1, text: '', tags: ['t'.repeat(65)] })).toBe(false);
    expect(takes('tickerlens:notes-update', { id: 1, text: '', tags: Array(33).fill('t') })).toBe(false);
    expect(answers('tickerlens:notes-update', { note: null })).toBe(true);
    expect(takes('tickerlens:notes-delete', { ids: [1, 2] })).toBe(true);
    expect(takes('tickerlens:notes-delete', { ids: [0] })).toBe(false);
    expect(takes('tickerlens:notes-delete', { ids: Array(100_001).fill(1) })).toBe(false);
    expect(answers('tickerlens:notes-delete', { deleted: [] })).toBe(true);
    expect(takes('tickerlens:notes-restore', { notes: [] })).toBe(true);
    expect(takes('tickerlens:notes-restore', { notes: [{ id: 1 }] })).toBe(false);
    expect(answers('tickerlens:notes-restore', { restored: 2 })).toBe(true);
    expect(answers('tickerlens:notes-restore', { restored: '2' })).toBe(false);
  });

  it('prices noted assets from the cache, asset ids of at most 240 characters', () => {
    expect(takes('tickerlens:notes-prices', { assets: ['x'.repeat(240)] })).toBe(true);
    expect(takes('tickerlens:notes-prices', { assets: ['x'.repeat(241)] })).toBe(false);
    expect(takes('tickerlens:notes-prices', { assets: Array(100_001).fill('') })).toBe(false);
    const price = {
      asset: 'cg:x',
      name: 'X',
      symbol: 'X',
      usd: 1,
      source: 'coingecko',
      fetchedAt: 1,
      asOf: null,
      stale: false,
    };
    expect(answers('tickerlens:notes-prices', { prices: [price] })).toBe(true);
    expect(answers('tickerlens:notes-prices', { prices: [{ ...price, stale: undefined }] })).toBe(false);
  });

  it('exports overrides and pins, and counts an import, which never removes a note', () => {
    expect(takes('tickerlens:notes-extras', {})).toBe(true);
    expect(
      answers('tickerlens:notes-extras', {
        checklist: [],
        pins: [{ key: 'TAO', assetId: 'cg:bittensor', pinnedAt: 1 }],
      }),
    ).toBe(true);
    expect(
      answers('tickerlens:notes-extras', {
        checklist: [],
        pins: [{ key: '', assetId: 'cg:bittensor', pinnedAt: 1 }],
      }),
    ).toBe(false);
    const counts = { added: 1, changed: 0, unchanged: 2, keptNewer: 0, removed: 0, overrides: 0, pins: 1 };
    expect(answers('tickerlens:notes-import', counts)).toBe(true);
    expect(answers('tickerlens:notes-import', { ...counts, removed: 1 })).toBe(false);
    expect(
      takes('tickerlens:notes-import', {
        file: { format: 'tickerlens-notes', version: 1, exportedAt: '2026-12-01T09:30:00.000Z', notes: [] },
        apply: false,
      }),
    ).toBe(true);
    expect(
      takes('tickerlens:notes-import', {
        file: { format: 'tickerlens-notes', version: 1, exportedAt: '2026-12-01T09:30:00.000Z', notes: [] },
        apply: 'yes',
      }),
    ).toBe(false);
  });
});

describe('pins, sites and sources', () => {
  it('pins a key of 1 to 60 characters to an asset id, or unpins with null', () => {
    expect(takes('tickerlens:pin', { key: 'HYPE', asset: 'cg:hyperliquid' })).toBe(true);
    expect(takes('tickerlens:pin', { key: 'x'.repeat(60), asset: null })).toBe(true);
    expect(takes('tickerlens:pin', { key: '', asset: null })).toBe(false);
    expect(takes('tickerlens:pin', { key: 'x'.repeat(61), asset: null })).toBe(false);
    expect(takes('tickerlens:pin', { key: 'HYPE', asset: '' })).toBe(false);
    expect(takes('tickerlens:pin', { key: 'HYPE', asset: 'x'.repeat(201) })).toBe(false);
    expect(answers('tickerlens:pin', { ok: true })).toBe(true);
    expect(takes('tickerlens:unpin', { key: 'x'.repeat(60) })).toBe(true);
    expect(takes('tickerlens:unpin', { key: 'x'.repeat(61) })).toBe(false);
    expect(answers('tickerlens:unpin', { removed: 'yes' })).toBe(false);
    const pin = {
      key: 'HYPE',
      asset: 'cg:hyperliquid',
      name: 'Hyperliquid',
      symbol: 'HYPE',
      kind: 'coin',
      pinnedAt: 1,
    };
    expect(
      answers('tickerlens:pins-list', { pins: [pin, { ...pin, kind: 'contract', venue: 'Solana' }] }),
    ).toBe(true);
    expect(answers('tickerlens:pins-list', { pins: [{ ...pin, kind: 'nft' }] })).toBe(false);
  });

  it('turns a site on or off by its web origin alone', () => {
    expect(takes('tickerlens:site', { origin: 'https://www.reddit.com', enabled: true, tabId: 4 })).toBe(
      true,
    );
    expect(takes('tickerlens:site', { origin: 'https://www.reddit.com/r/x', enabled: true })).toBe(false);
    expect(takes('tickerlens:site', { origin: 'https://*.reddit.com', enabled: true })).toBe(false);
    expect(takes('tickerlens:site', { origin: 'file:///etc', enabled: true })).toBe(false);
    expect(takes('tickerlens:site', { origin: `https://${'a'.repeat(300)}.com`, enabled: true })).toBe(false);
    expect(takes('tickerlens:site', { origin: 'https://www.reddit.com', enabled: 'on' })).toBe(false);
    expect(answers('tickerlens:site', { enabled: false })).toBe(true);
  });

  it('checks one of the six sources of contract §6, answered with what it said and how long it took', () => {
    for (const source of ['coingecko', 'llamaCoins', 'llamaApi', 'llamaDatasets', 'goplus', 'stocks'])
      expect(takes('tickerlens:check-source', { source })).toBe(true);
    expect(takes('tickerlens:check-source', { source: 'evil' })).toBe(false);
    const check = {
      source: 'coingecko',
      url: 'https://api.coingecko.com/api/v3',
      ok: false,
      status: 429,
      ms: 120,
      detail: 'HTTP 429',
    };
    expect(m.sourceCheckSchema.safeParse(check).success).toBe(true);
    expect(answers('tickerlens:check-source', check)).toBe(true);
    expect(m.sourceCheckSchema.safeParse({ ...check, status: 429.5 }).success).toBe(false);
    expect(m.sourceCheckSchema.safeParse({ ...check, source: 'evil' }).success).toBe(false);
  });

  it('opens the notes page on asking, nothing more', () => {
    expect(takes('tickerlens:open-notes', {})).toBe(true);
    expect(answers('tickerlens:open-notes', { ok: true })).toBe(true);
    expect(answers('tickerlens:open-notes', {})).toBe(false);
  });
});

describe('the port and its errors', () => {
  it('names a failed message as such, with its words, when logged', () => {
    const err = new m.MessageError('Malformed answer to tickerlens:card');
    expect(err).toBeInstanceOf(Error);
    expect(String(err)).toBe('MessageError: Malformed answer to tickerlens:card');
  });

  it('wraps every answer: ok with the data, or not ok with the error in words', () => {
    expect(m.envelopeSchema.parse({ ok: true, data: { badge: '3' } })).toEqual({
      ok: true,
      data: { badge: '3' },
    });
    expect(m.envelopeSchema.parse({ ok: false, error: 'HTTP 429' })).toEqual({
      ok: false,
      error: 'HTTP 429',
    });
    expect(m.envelopeSchema.safeParse({ ok: false }).success).toBe(false);
    expect(m.envelopeSchema.safeParse({ ok: 'yes', data: 1 }).success).toBe(false);
    expect(m.envelopeSchema.safeParse(undefined).success).toBe(false);
  });

  it('carries an id, a type and JSON text, and its answer the same id', () => {
    expect(m.portRequestSchema.safeParse({ id: 1, type: 'tickerlens:detect', json: '{}' }).success).toBe(
      true,
    );
    expect(m.portRequestSchema.safeParse({ id: 1.5, type: 'tickerlens:detect', json: '{}' }).success).toBe(
      false,
    );
    expect(m.portRequestSchema.safeParse({ id: 1, type: 'tickerlens:detect', json: {} }).success).toBe(false);
    expect(m.portAnswerSchema.safeParse({ id: 1, json: '{"ok":true}' }).success).toBe(true);
    expect(m.portAnswerSchema.safeParse({ id: '1', json: '' }).success).toBe(false);
  });
});
