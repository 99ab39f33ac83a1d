/**
 * Issue 29 (3): a block over the message's 100,000-character limit used to fail its whole batch of
 * up to 500 texts, retried for ever. Long texts now go in pieces, and the worker checks texts one
 * by one.
 */
import { describe, expect, it } from 'vitest';
import { detectInPieces, piecesOf, resolvePieces } from '../../../entrypoints/content/long-texts';
import type { Match } from '../../../utils/detect';
import { createDetector } from '../../../utils/detect';
import { backgroundApi, MAX_TEXT, resolveBlockSchema } from '../../../utils/messages';
import { detectorData } from '../../../utils/registry/detect-data';

describe('long texts in pieces', () => {
  it('cuts at a space, never inside a surrogate pair, and loses no character', () => {
    const text = `${'word '.repeat(50_000)}$BTC ${'x'.repeat(150_000)}😀${'y'.repeat(10)}`;
    const pieces = piecesOf(text);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    for (const p of pieces) {
      expect(p.text.length).toBeLessThanOrEqual(MAX_TEXT);
      expect(text.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
      const last = p.text.charCodeAt(p.text.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
    }
    expect(piecesOf('short')).toEqual([{ offset: 0, text: 'short' }]);
  });

  it('detects in a 400,000-character block and in its batch-mates, offsets in the whole text', async () => {
    const detector = createDetector(detectorData());
    const long = `${'lorem ipsum '.repeat(20_000)}I bought $ETH today. ${'dolor sit '.repeat(20_000)}and $SOL`;
    const texts = ['$BTC first', long, 'and $DOGE last'];
    const sent: number[] = [];
    const blocks = await detectInPieces(texts, async (pieces) => {
      sent.push(pieces.length);
      // What the worker's schema would refuse, were a piece over the limit.
      expect(backgroundApi['tickerlens:detect'].request.safeParse({ texts: pieces }).success).toBe(true);
      for (const p of pieces) expect(p.length).toBeLessThanOrEqual(MAX_TEXT);
      return pieces.map((p) => ({ matches: detector.detect(p), resolutions: [] as never[] }));
    });
    expect(sent.length).toBe(1);
    const symbols = (ms: Match[]) => ms.filter((m) => m.kind === 'ticker').map((m) => m.symbol);
    expect(symbols(blocks[0]?.matches ?? [])).toContain('BTC');
    expect(symbols(blocks[2]?.matches ?? [])).toContain('DOGE');
    const inLong = blocks[1]?.matches ?? [];
    expect(symbols(inLong)).toEqual(expect.arrayContaining(['ETH', 'SOL']));
    for (const m of inLong) expect(long.slice(m.start, m.end)).toBe(m.text);
  });

  it('sends more than 500 pieces over several messages', async () => {
    const texts = Array.from({ length: 300 }, () => 'a '.repeat(60_000));
    let messages = 0;
    const blocks = await detectInPieces(texts, async (pieces) => {
      messages++;
      expect(pieces.length).toBeLessThanOrEqual(500);
      return pieces.map(() => ({ matches: [], resolutions: [] }));
    });
    expect(messages).toBe(2);
    expect(blocks).toHaveLength(300);
  });

  it('resolves a long block piece by piece, each match with its piece and its place', () => {
    const detector = createDetector(detectorData());
    const text = `${'a '.repeat(70_000)}$ETH ${'b '.repeat(70_000)}$SOL`;
    const matches = detector.detect(text);
    const { blocks, at } = resolvePieces(text, matches);
    expect(blocks.length).toBe(3);
    at.forEach(([b, j], k) => {
      const m = blocks[b]?.matches[j];
      expect(m?.text).toBe(matches[k]?.text);
      expect(blocks[b]?.text.slice(m?.start, m?.end)).toBe(m?.text);
    });
  });
});

describe('the worker checks texts one by one', () => {
  it('takes a batch holding one text past the limit, and a resolve batch with one bad block', () => {
    const texts = ['$BTC', 'x'.repeat(MAX_TEXT + 1), '$ETH'];
    expect(backgroundApi['tickerlens:detect'].request.safeParse({ texts }).success).toBe(true);
    const blocks = [
      { text: 'x'.repeat(MAX_TEXT + 1), matches: [] },
      { text: '$BTC', matches: [] },
    ];
    expect(backgroundApi['tickerlens:resolve'].request.safeParse({ blocks }).success).toBe(true);
    expect(resolveBlockSchema.safeParse(blocks[0]).success).toBe(false);
    expect(resolveBlockSchema.safeParse(blocks[1]).success).toBe(true);
  });
});
