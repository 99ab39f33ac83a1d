/**
 * The page's claim verdicts: each claim judged against the token its post is about, asked once per
 * token and claim in one batched message, the marks told when verdicts change, and a card's claims
 * answered from the same verdicts.
 */
import { describe, expect, it, vi } from 'vitest';
import { type ClaimAsk, ClaimMarks } from '@/entrypoints/content/claim-marks';
import type { Match } from '@/utils/detect';
import type { ClaimVerdictReply } from '@/utils/messages';

const text = 'No VC and a 28% airdrop for $HYPE.';
const matches: Match[] = [
  { kind: 'claim', text: 'No VC', start: 0, end: 5, claim: 'no-vc' },
  { kind: 'claim', text: '28% airdrop', start: 12, end: 23, claim: 'airdrop', value: 28 },
  { kind: 'ticker', text: '$HYPE', start: 28, end: 33, symbol: 'HYPE', cashtag: true },
];
const resolved = [{}, {}, { asset: 'cg:hyperliquid' }];

function setup(answer: (items: ClaimAsk[]) => ClaimVerdictReply[]) {
  const sent: ClaimAsk[][] = [];
  const onChange = vi.fn();
  const marks = new ClaimMarks(
    async (items) => {
      sent.push(items);
      return answer(items);
    },
    onChange,
    (t) => (t === text ? resolved : undefined),
  );
  return { marks, sent, onChange };
}

const verdict = (a: ClaimAsk, v: ClaimVerdictReply['verdict']): ClaimVerdictReply => ({
  ...a,
  verdict: v,
  reason: { key: 'reasonListsNone', subs: [] },
});

describe('claim marks', () => {
  it('asks once, in one batch, for the claims of the token the post is about, then marks them', async () => {
    vi.useFakeTimers();
    const { marks, sent, onChange } = setup((items) =>
      items.map((i) => verdict(i, i.claim === 'no-vc' ? 'contradicts' : 'unknown')),
    );
    const [noVc, airdrop] = matches as [Match, Match];
    expect(marks.markOf(text, matches, noVc)).toBeUndefined();
    expect(marks.markOf(text, matches, airdrop)).toBeUndefined();
    expect(marks.markOf(text, matches, noVc)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(150);
    expect(sent).toEqual([
      [
        { asset: 'cg:hyperliquid', claim: 'no-vc' },
        { asset: 'cg:hyperliquid', claim: 'airdrop', value: 28 },
      ],
    ]);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(marks.markOf(text, matches, noVc)).toBe('contradicts');
    // Unknown marks as a plain claim, and is not asked again soon…
    expect(marks.markOf(text, matches, airdrop)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(150);
    expect(sent).toHaveLength(1);
    // …but after a while (the figures were missing: offline, a failing source), once more.
    await vi.advanceTimersByTimeAsync(5 * 60_000 + 1);
    expect(marks.markOf(text, matches, airdrop)).toBeUndefined();
    expect(marks.markOf(text, matches, airdrop)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(150);
    expect(sent).toEqual([expect.any(Array), [{ asset: 'cg:hyperliquid', claim: 'airdrop', value: 28 }]]);
    vi.useRealTimers();
  });

  it('asks nothing for a post whose claims name no known token, or before it is resolved', () => {
    const { marks, sent } = setup(() => []);
    const claimOnly: Match[] = [
      { kind: 'claim', text: 'fair launch', start: 0, end: 11, claim: 'fair-launch' },
    ];
    expect(marks.markOf('fair launch', claimOnly, claimOnly[0] as Match)).toBeUndefined();
    expect(marks.markOf('unresolved', matches, matches[0] as Match)).toBeUndefined();
    expect(sent).toHaveLength(0);
  });

  it('answers a card’s claims from the same verdicts, asking for those it lacks', async () => {
    const { marks, sent } = setup((items) => items.map((i) => verdict(i, 'agrees')));
    const got = await marks.verdictsFor([{ asset: 'cg:hyperliquid', claim: 'no-vc' }]);
    expect(got.map((v) => v.verdict)).toEqual(['agrees']);
    expect(await marks.verdictsFor([{ asset: 'cg:hyperliquid', claim: 'no-vc' }])).toHaveLength(1);
    expect(sent).toHaveLength(1);
  });

  it('keeps claims plain when the worker fails, and lets a waiting card go', async () => {
    const marks = new ClaimMarks(
      async () => {
        throw new Error('worker gone');
      },
      () => undefined,
      () => resolved,
    );
    expect(await marks.verdictsFor([{ asset: 'cg:hyperliquid', claim: 'no-vc' }])).toEqual([]);
    expect(marks.markOf(text, matches, matches[0] as Match)).toBeUndefined();
  });

  it('lets a card wait for its own asks, past a first batch of others, and go when stopped', async () => {
    vi.useFakeTimers();
    let answered = 0;
    const { marks } = setup((items) => {
      answered += items.length;
      return items.map((i) => verdict(i, 'agrees'));
    });
    // 120 asks: the first message carries 100; the card's last asks go in the second.
    const asks = Array.from({ length: 120 }, (_, i) => ({ asset: `cg:t${i}`, claim: 'no-vc' as const }));
    const got = marks.verdictsFor(asks);
    await vi.advanceTimersByTimeAsync(150);
    await vi.advanceTimersByTimeAsync(150);
    expect((await got).length).toBe(120);
    expect(answered).toBe(120);
    marks.stop();
    expect(await marks.verdictsFor([{ asset: 'cg:other', claim: 'no-vc' }])).toEqual([]);
    vi.useRealTimers();
  });
});
