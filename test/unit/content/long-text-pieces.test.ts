/**
 * Long texts in pieces, at their edges: where a piece is cut (a space, and how far back one is
 * looked for; never inside a surrogate pair), how many texts go in one message, and how answers are
 * joined back to the whole text, a piece's answer missing included. Small limits make the edges
 * visible; long-texts.test.ts runs the real limit with the real detector.
 */
import { describe, expect, it } from 'vitest';
import {
  batches,
  detectInPieces,
  piecesOf,
  resolveInPieces,
  resolvePieces,
  shiftMatch,
  splitTexts,
} from '../../../entrypoints/content/long-texts';
import type { Match } from '../../../utils/detect';
import { MAX_TEXT } from '../../../utils/messages';

const texts = (pieces: Array<{ text: string }>) => pieces.map((p) => p.text);
const tag = (text: string, start: number): Match => ({
  kind: 'ticker',
  text,
  start,
  end: start + text.length,
});

describe('piecesOf', () => {
  it('keeps a text of exactly the limit whole, and cuts one character more', () => {
    expect(piecesOf('abcde', 5)).toEqual([{ offset: 0, text: 'abcde' }]);
    expect(piecesOf('abcdef', 5)).toEqual([
      { offset: 0, text: 'abcde' },
      { offset: 5, text: 'f' },
    ]);
    expect(piecesOf('', 5)).toEqual([{ offset: 0, text: '' }]);
  });

  it('cuts after the last space of a piece, so words stay whole', () => {
    expect(piecesOf('aaaa bbbb cccc', 7)).toEqual([
      { offset: 0, text: 'aaaa ' },
      { offset: 5, text: 'bbbb ' },
      { offset: 10, text: 'cccc' },
    ]);
    // The last piece fits: it is not cut again at its own space.
    expect(texts(piecesOf('aaaaaaa b c', 7))).toEqual(['aaaaaaa', ' b c']);
    // Any white space: a line break, a tab.
    expect(texts(piecesOf('aa\nbbb\tcc', 4))).toEqual(['aa\n', 'bbb\t', 'cc']);
  });

  it('cuts where the limit falls when the only space opens the piece', () => {
    expect(texts(piecesOf(' aaaaaaaaa', 5))).toEqual([' aaaa', 'aaaaa']);
  });

  it('looks for a space at most 2,000 characters back from the limit', () => {
    const at = (i: number) => `${'a'.repeat(i)} ${'b'.repeat(5000 - i - 1)}`;
    // Limit 3,000: the space must sit at 1,000 or later.
    expect(piecesOf(at(1000), 3000)[0]?.text).toHaveLength(1001);
    expect(piecesOf(at(999), 3000)[0]?.text).toHaveLength(3000);
  });

  it('never cuts between the two halves of a surrogate pair', () => {
    for (const pair of ['\ud800\udc00', '\udbff\udfff', '😀']) {
      const pieces = texts(piecesOf(`abcd${pair}xyz`, 5));
      expect(pieces).toEqual(['abcd', `${pair}xyz`]);
    }
  });

  it('cuts next to a character that is not the first half of a pair', () => {
    // U+D7FF is an ordinary character; a lone second half (U+DC00) has nothing after it to keep.
    expect(texts(piecesOf('abcd\ud7ffxyz', 5))).toEqual(['abcd\ud7ff', 'xyz']);
    expect(texts(piecesOf('abcd\udc00xyz', 5))).toEqual(['abcd\udc00', 'xyz']);
  });

  it('loses and repeats nothing of a hostile text (spaces, pairs and plain runs mixed)', () => {
    const text = `${' '.repeat(7)}😀😀😀 a${'\n'.repeat(3)}${'x'.repeat(40)}😀`.repeat(5);
    const pieces = piecesOf(text, 6);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    for (const p of pieces) {
      expect(p.text.length).toBeGreaterThan(0);
      expect(p.text.length).toBeLessThanOrEqual(6);
      expect(text.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
    }
  });
});

describe('splitTexts and batches', () => {
  it("numbers every piece with its text's place and its offset", () => {
    expect(splitTexts(['ab', 'cdefg', ''], 3)).toEqual([
      { owner: 0, offset: 0, text: 'ab' },
      { owner: 1, offset: 0, text: 'cde' },
      { owner: 1, offset: 3, text: 'fg' },
      { owner: 2, offset: 0, text: '' },
    ]);
  });

  it('sends 500 texts a message', () => {
    const items = Array.from({ length: 1001 }, (_, i) => i);
    expect(batches(items.slice(0, 500)).map((b) => b.length)).toEqual([500]);
    expect(batches(items.slice(0, 501)).map((b) => b.length)).toEqual([500, 1]);
    expect(batches(items).map((b) => b.length)).toEqual([500, 500, 1]);
    expect(batches(items, 3)[1]).toEqual([3, 4, 5]);
    expect(batches([])).toEqual([]);
  });
});

describe('shiftMatch', () => {
  it("moves a piece's match to the whole text's offsets, leaving the piece's as it was", () => {
    const m = tag('$BTC', 2);
    expect(shiftMatch(m, 0)).toBe(m);
    expect(shiftMatch(m, 10)).toEqual({ ...m, start: 12, end: 16 });
    expect(shiftMatch(m, -2)).toEqual({ ...m, start: 0, end: 4 });
    expect(m).toEqual(tag('$BTC', 2));
  });
});

describe('detectInPieces', () => {
  const long = `${'a '.repeat(60_000)}$ETH ${'b '.repeat(10)}`;
  const ethAt = long.indexOf('$ETH');

  it("joins each text's answers back, matches at their place in the whole text", async () => {
    const sent: string[][] = [];
    const found = await detectInPieces(['$BTC', long], async (pieces) => {
      sent.push(pieces);
      return pieces.map((p) => {
        const i = p.indexOf('$');
        return {
          matches: i < 0 ? [] : [tag(p.slice(i, i + 4), i)],
          resolutions: i < 0 ? [] : [p.slice(i, i + 4)],
        };
      });
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(3);
    expect(long.length).toBeGreaterThan(MAX_TEXT);
    expect(found).toEqual([
      { matches: [tag('$BTC', 0)], resolutions: ['$BTC'] },
      { matches: [tag('$ETH', ethAt)], resolutions: ['$ETH'] },
    ]);
  });

  it("keeps the other pieces' answers when one piece has none", async () => {
    const found = await detectInPieces(['$BTC x', long, '$SOL'], async (pieces) =>
      pieces.map((p, i) =>
        i === 1 ? undefined : { matches: p.startsWith('$') ? [tag(p.slice(0, 4), 0)] : [], resolutions: [i] },
      ),
    );
    expect(found.map((f) => f.matches.map((m) => m.text))).toEqual([['$BTC'], [], ['$SOL']]);
    expect(found.map((f) => f.resolutions)).toEqual([[0], [2], [3]]);
  });

  it('gives an empty answer for no texts, sending nothing', async () => {
    let sent = 0;
    const send = async () => {
      sent++;
      return [];
    };
    expect(await detectInPieces([], send)).toEqual([]);
    expect(sent).toBe(0);
  });
});

describe('resolvePieces and resolveInPieces', () => {
  it('puts a match starting exactly where a piece starts in that piece', () => {
    const { blocks, at } = resolvePieces('aaaa $BTC $ETH', [tag('$BTC', 5), tag('$ETH', 10)], 5);
    expect(texts(blocks)).toEqual(['aaaa ', '$BTC ', '$ETH']);
    expect(blocks.map((b) => b.matches)).toEqual([[], [tag('$BTC', 0)], [tag('$ETH', 0)]]);
    expect(at).toEqual([
      [1, 0],
      [2, 0],
    ]);
  });

  it('numbers the matches of one piece in order', () => {
    const { blocks, at } = resolvePieces('$A $B $C', [tag('$A', 0), tag('$B', 3), tag('$C', 6)], 6);
    expect(texts(blocks)).toEqual(['$A $B ', '$C']);
    expect(at).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
    ]);
  });

  it("gives each match its own piece's resolution, in blocks after a long one too", async () => {
    const long = `${'a '.repeat(60_000)}$ETH`;
    const ethAt = long.indexOf('$ETH');
    const blocks = [
      { text: '$BTC', matches: [tag('$BTC', 0)] },
      { text: long, matches: [tag('$ETH', ethAt)] },
      { text: 'x $SOL', matches: [tag('$SOL', 2)] },
    ];
    const sent: number[] = [];
    const resolved = await resolveInPieces(blocks, async (batch) => {
      sent.push(batch.length);
      return batch.map((b) => b.matches.map((m) => `${b.text.slice(m.start, m.end)}@${m.start}`));
    });
    expect(sent).toEqual([4]);
    expect(resolved).toEqual([['$BTC@0'], [`$ETH@${ethAt - 100_000}`], ['$SOL@2']]);
  });

  it('gives no resolution where the answer has none', async () => {
    const resolved = await resolveInPieces(
      [
        { text: '$BTC', matches: [tag('$BTC', 0)] },
        { text: '$ETH', matches: [tag('$ETH', 0)] },
      ],
      async () => [['btc']],
    );
    expect(resolved).toEqual([['btc'], [undefined]]);
  });
});
