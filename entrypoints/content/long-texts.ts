/**
 * Texts longer than a message may carry are sent in pieces. The detect and resolve messages take
 * at most MAX_TEXT characters a text (messages.ts); one longer block (a page's giant paragraph, by
 * accident or on purpose) used to fail its whole batch of up to 500 texts, retried for ever. A long
 * text goes out as several pieces, each cut at a space where there is one, and the answers are
 * joined back with each match's offsets moved to the whole text's.
 */
import type { Match } from '@/utils/detect';
import { MAX_TEXT } from '@/utils/messages';
/** The most texts or blocks in one message (messages.ts). */
export const MAX_PER_MESSAGE = 500;
/** How far back from a piece's end a space is looked for, so a word is rarely cut. */
const CUT_WINDOW = 2_000;

export interface Piece {
  /** Which of the texts it belongs to. */
  owner: number;
  /** Its first character's offset in the whole text. */
  offset: number;
  text: string;
}

/** A text in pieces of at most `max` characters, in order (one piece when it fits). */
export function piecesOf(text: string, max = MAX_TEXT): Array<{ offset: number; text: string }> {
  if (text.length <= max) return [{ offset: 0, text }];
  const out: Array<{ offset: number; text: string }> = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + max, text.length);
    if (end < text.length) {
      const space = lastSpace(text, end, Math.max(at + 1, end - CUT_WINDOW));
      if (space > at) end = space;
      // Never between the two halves of a surrogate pair.
      else if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    }
    out.push({ offset: at, text: text.slice(at, end) });
    at = end;
  }
  return out;
}

function lastSpace(text: string, end: number, from: number): number {
  for (let i = end - 1; i >= from; i--) if (/\s/.test(text[i] as string)) return i + 1;
  return -1;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** Every text's pieces, flat, in order. */
export function splitTexts(texts: readonly string[], max = MAX_TEXT): Piece[] {
  return texts.flatMap((text, owner) => piecesOf(text, max).map((p) => ({ owner, ...p })));
}

/** Groups of at most `size`, in order (one message each). */
export function batches<T>(items: readonly T[], size = MAX_PER_MESSAGE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A match found in a piece, with its offsets in the whole text. */
export function shiftMatch(m: Match, offset: number): Match {
  return offset === 0 ? m : { ...m, start: m.start + offset, end: m.end + offset };
}

/**
 * Detects texts of any length: pieces over as many messages as needed, each answer's matches (and
 * their resolutions, one for one) joined back by text.
 */
export async function detectInPieces<R>(
  texts: readonly string[],
  send: (texts: string[]) => Promise<Array<{ matches: Match[]; resolutions: R[] } | undefined>>,
): Promise<Array<{ matches: Match[]; resolutions: R[] }>> {
  const out = texts.map(() => ({ matches: [] as Match[], resolutions: [] as R[] }));
  for (const batch of batches(splitTexts(texts))) {
    const blocks = await send(batch.map((p) => p.text));
    batch.forEach((p, i) => {
      const block = blocks[i];
      const whole = out[p.owner];
      if (!block || !whole) return;
      whole.matches.push(...block.matches.map((m) => shiftMatch(m, p.offset)));
      whole.resolutions.push(...block.resolutions);
    });
  }
  return out;
}

/**
 * A long block as resolve blocks: its matches each with the piece they lie in (offsets in the
 * piece), and where each match's resolution is found in the answer (block index, match index).
 */
export function resolvePieces(
  text: string,
  matches: readonly Match[],
  max = MAX_TEXT,
): { blocks: Array<{ text: string; matches: Match[] }>; at: Array<[number, number]> } {
  const pieces = piecesOf(text, max);
  const blocks = pieces.map((p) => ({ text: p.text, matches: [] as Match[] }));
  const at = matches.map((m): [number, number] => {
    let i = pieces.length - 1;
    while (i > 0 && (pieces[i] as { offset: number }).offset > m.start) i--;
    const piece = pieces[i] as { offset: number };
    const block = blocks[i] as { matches: Match[] };
    block.matches.push(shiftMatch(m, -piece.offset));
    return [i, block.matches.length - 1];
  });
  return { blocks, at };
}

/**
 * Resolves the matches of blocks of any length: each long block goes as pieces (`resolvePieces`),
 * over as many messages as needed, and each match gets the resolution of its piece back, in order.
 */
export async function resolveInPieces<R>(
  blocks: ReadonlyArray<{ text: string; matches: readonly Match[] }>,
  send: (blocks: Array<{ text: string; matches: Match[] }>) => Promise<R[][]>,
): Promise<Array<Array<R | undefined>>> {
  const parts = blocks.map((b) => resolvePieces(b.text, b.matches));
  const answers: R[][] = [];
  for (const batch of batches(parts.flatMap((p) => p.blocks))) answers.push(...(await send(batch)));
  let base = 0;
  return parts.map((part) => {
    const out = part.at.map(([b, j]) => answers[base + b]?.[j]);
    base += part.blocks.length;
    return out;
  });
}
