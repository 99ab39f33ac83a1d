/**
 * The popup's first questions to the worker (popup/asks.ts): asked once as the scan comes, shared
 * with the views that ask the same, asked anew when a view waits for the sources or the first ask
 * failed. The worker is a stand-in that records each message and answers as scripted.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageSummary } from '../../entrypoints/popup/summary';

const worker = vi.hoisted(() => ({
  sent: [] as Array<{ type: string; payload: unknown }>,
  /** Types whose next message fails once (the worker was asleep). */
  failOnce: new Set<string>(),
}));

vi.mock('@/utils/messaging', () => ({
  sendToBackground: async (message: { type: string }, payload: unknown) => {
    worker.sent.push({ type: message.type, payload });
    if (worker.failOnce.delete(message.type)) throw new Error('Could not establish connection.');
    return { answer: worker.sent.length };
  },
}));

let asks: typeof import('../../entrypoints/popup/asks');

beforeEach(async () => {
  worker.sent = [];
  worker.failOnce.clear();
  // Each popup opens with nothing asked yet.
  vi.resetModules();
  asks = await import('../../entrypoints/popup/asks');
});

const page = (over: Partial<PageSummary> = {}): PageSummary => ({
  assets: [
    { key: 'hype', asset: 'cg:hyperliquid', texts: ['$HYPE'], count: 2, kinds: ['ticker'] },
    { key: 'strk', candidates: ['cg:starknet', 'stock:STRK'], texts: ['$STRK'], count: 1, kinds: ['ticker'] },
  ],
  hiddenHandles: 0,
  unknown: [],
  claims: [
    { key: 'none', claims: [{ claim: 'no-vc', texts: ['no VC'], count: 1 }] },
    { key: 'dis', asset: 'stock:DIS', claims: [{ claim: 'fair-launch', texts: ['fair launch'], count: 1 }] },
    {
      key: 'hype',
      asset: 'cg:hyperliquid',
      claims: [
        { claim: 'airdrop', value: 28, texts: ['28% airdrop'], count: 1 },
        { claim: 'no-vc', texts: ['no VC'], count: 2 },
      ],
    },
  ],
  ...over,
});

const types = () => worker.sent.map((m) => m.type);

describe('the popup asks its first questions once', () => {
  it('asks for the assets, the verdicts and the first token’s checklist as soon as the scan comes', async () => {
    asks.askFirst(page());
    await Promise.resolve();
    // Strict: a claim without a figure sends no `value` key at all.
    expect(worker.sent).toStrictEqual([
      {
        type: 'tickerlens:assets',
        payload: { assets: ['cg:hyperliquid', 'cg:starknet', 'stock:STRK', 'stock:DIS'], wait: false },
      },
      {
        type: 'tickerlens:claim-verdicts',
        payload: {
          items: [
            { asset: 'stock:DIS', claim: 'fair-launch' },
            { asset: 'cg:hyperliquid', claim: 'airdrop', value: 28 },
            { asset: 'cg:hyperliquid', claim: 'no-vc' },
          ],
          wait: false,
        },
      },
      {
        type: 'tickerlens:checklist',
        payload: { asset: 'cg:hyperliquid', wait: false, claims: ['airdrop', 'no-vc'] },
      },
    ]);
  });

  it('a view asking the same gets the same answer, with no second message', async () => {
    const s = page();
    asks.askFirst(s);
    const items = asks.verdictItems(s);
    const [assets, verdicts, checklist] = await Promise.all([
      asks.askAssets(['cg:hyperliquid', 'cg:starknet', 'stock:STRK', 'stock:DIS'], false),
      asks.askVerdicts(items, false),
      asks.askChecklist('cg:hyperliquid', ['airdrop', 'no-vc'], false),
    ]);
    expect(worker.sent).toHaveLength(3);
    expect([assets, verdicts, checklist]).toEqual([{ answer: 1 }, { answer: 2 }, { answer: 3 }]);
    // Another question is another message, never the answer to the first.
    await expect(asks.askChecklist('cg:hyperliquid', ['airdrop'], false)).resolves.toEqual({ answer: 4 });
    await expect(asks.askAssets(['cg:bitcoin'], false)).resolves.toEqual({ answer: 5 });
    await expect(asks.askVerdicts([{ asset: 'cg:bitcoin', claim: 'no-vc' }], false)).resolves.toEqual({
      answer: 6,
    });
    expect(worker.sent).toHaveLength(6);
  });

  it('waiting for the sources always asks anew', async () => {
    await asks.askAssets(['cg:bitcoin'], false);
    await asks.askAssets(['cg:bitcoin'], true);
    await asks.askAssets(['cg:bitcoin'], true);
    await asks.askVerdicts([{ asset: 'cg:bitcoin', claim: 'no-vc' }], true);
    await asks.askChecklist('cg:bitcoin', [], true);
    expect(types()).toEqual([
      'tickerlens:assets',
      'tickerlens:assets',
      'tickerlens:assets',
      'tickerlens:claim-verdicts',
      'tickerlens:checklist',
    ]);
    expect(worker.sent.slice(1).map((m) => m.payload)).toEqual([
      { assets: ['cg:bitcoin'], wait: true },
      { assets: ['cg:bitcoin'], wait: true },
      { items: [{ asset: 'cg:bitcoin', claim: 'no-vc' }], wait: true },
      { asset: 'cg:bitcoin', wait: true, claims: [] },
    ]);
  });

  it('a failed first ask is asked again by the next view, not answered with the failure', async () => {
    worker.failOnce.add('tickerlens:assets');
    await expect(asks.askAssets(['cg:bitcoin'], false)).rejects.toThrow('Could not establish connection.');
    await expect(asks.askAssets(['cg:bitcoin'], false)).resolves.toEqual({ answer: 2 });
    await expect(asks.askAssets(['cg:bitcoin'], false)).resolves.toEqual({ answer: 2 });
    expect(worker.sent).toHaveLength(2);
  });

  it('a page with no assets and no claims asks nothing; a failing first ask is never an unhandled error', async () => {
    asks.askFirst(page({ assets: [], claims: [] }));
    expect(worker.sent).toEqual([]);
    for (const t of ['tickerlens:assets', 'tickerlens:claim-verdicts', 'tickerlens:checklist'])
      worker.failOnce.add(t);
    asks.askFirst(page());
    await new Promise((r) => setTimeout(r, 0));
    expect(worker.sent).toHaveLength(3);
  });
});

describe('what the first questions are about', () => {
  it('verdicts: the claims about known tokens only, with their figures, at most 100', () => {
    expect(asks.verdictItems(page()).map((v) => v.asset)).not.toContain(undefined);
    const many = page({
      claims: [
        {
          key: 'x',
          asset: 'cg:x',
          claims: Array.from({ length: 150 }, () => ({
            claim: 'no-vc' as const,
            texts: ['no VC'],
            count: 1,
          })),
        },
      ],
    });
    expect(asks.verdictItems(many)).toHaveLength(100);
  });

  it('the checklist shows first for the first token a claim is about, not a stock', () => {
    expect(asks.firstSubject(page())).toBe('cg:hyperliquid');
    expect(asks.firstSubject(page({ claims: page().claims.slice(0, 2) }))).toBeUndefined();
  });

  it('its claims each once', () => {
    const s = page({
      claims: [
        {
          key: 'h',
          asset: 'cg:hyperliquid',
          claims: [
            { claim: 'no-vc', texts: ['no VC'], count: 1 },
            { claim: 'airdrop', value: 28, texts: ['28% airdrop'], count: 1 },
            { claim: 'no-vc', texts: ['没有风投'], count: 1 },
          ],
        },
      ],
    });
    expect(asks.claimsAbout(s, 'cg:hyperliquid')).toEqual(['no-vc', 'airdrop']);
    expect(asks.claimsAbout(s, 'cg:bitcoin')).toEqual([]);
  });
});
