/**
 * The shapes of a note as it crosses a boundary: the notes page's messages (times in ms) and the
 * export file (times as ISO text, `file.ts`). One builder, two time forms, so the file and the
 * messages cannot drift apart. zod/mini, like the rest of the message contract.
 *
 * The limits are what the product itself writes, with room: a quote is capped at 4,000 characters
 * when it is saved (utils/messages.ts `save-note`), a claim list holds one entry per claim id.
 */
import { z } from 'zod/mini';
import { CHECKLIST_BOXES } from '../checklist/types';
import type { NoteRecord } from '../db/records';
import { CLAIM_IDS } from '../detect/types';

export const NOTE_LIMITS = {
  text: 20_000,
  /** Words written in the card's note field: a few lines (the notes page edits longer ones). */
  cardText: 2_000,
  quote: 4_000,
  url: 2_000,
  detected: 200,
  name: 200,
  symbol: 40,
  source: 40,
  reason: 2_000,
  tag: 64,
  tags: 32,
  pinKey: 60,
} as const;

/** `cg:<CoinGecko id>` or `stock:<ticker>` (contract §4); CoinGecko ids may start with '-' or '_'. */
const ASSET_ID_PATTERN = /^(?:cg:[\w.~-]{1,200}|stock:[\w.^=-]{1,30})$/;
/** A note's uid: the UUID `crypto.randomUUID()` gives. */
const UID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Only web pages are linked: a `javascript:` or `data:` link from a file must never be clickable. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

const text = (max: number) => z.string().check(z.maxLength(max));
const assetId = () => z.string().check(z.regex(ASSET_ID_PATTERN));
/** The asset noted, or '' for a claim noted without one. */
export const noteAssetId = () => z.union([z.literal(''), assetId()]);
const pageUrl = () =>
  z.string().check(
    z.maxLength(NOTE_LIMITS.url),
    z.refine((u) => u === '' || isWebUrl(u), { message: 'url' }),
  );
const tags = () =>
  z
    .array(z.string().check(z.minLength(1), z.maxLength(NOTE_LIMITS.tag)))
    .check(z.maxLength(NOTE_LIMITS.tags));

/** A claim of the post, with the verdict the data gave it when the note was saved. */
const noteClaimSchema = () =>
  z.object({
    claim: z.enum(CLAIM_IDS),
    value: z.optional(z.number()),
    verdict: z.enum(['agrees', 'contradicts', 'unknown']),
    reason: z.optional(text(NOTE_LIMITS.reason)),
  });

/** The builders of every note part, for one form of time (ms, or ISO text in files). */
function noteParts<T extends z.core.SomeType>(time: () => T) {
  const override = () => z.object({ verdict: z.enum(['pass', 'fail']), reason: text(NOTE_LIMITS.reason) });
  const checklist = () =>
    z.object({
      assetId: assetId(),
      at: time(),
      score: z.int().check(z.minimum(0), z.maximum(CHECKLIST_BOXES.length)),
      boxes: z
        .array(
          z.object({
            box: z.enum(CHECKLIST_BOXES),
            verdict: z.enum(['pass', 'fail', 'unknown']),
            evidence: z.optional(text(NOTE_LIMITS.reason)),
            override: z.optional(override()),
          }),
        )
        .check(z.maxLength(CHECKLIST_BOXES.length)),
    });
  const capture = () =>
    z.object({
      quote: text(NOTE_LIMITS.quote),
      url: pageUrl(),
      detected: text(NOTE_LIMITS.detected),
      claim: z.optional(z.enum(CLAIM_IDS)),
      priceUsd: z.nullable(z.number()),
      priceSource: z.optional(text(NOTE_LIMITS.source)),
      priceAt: z.optional(time()),
      claims: z.optional(z.array(noteClaimSchema()).check(z.maxLength(CLAIM_IDS.length * 4))),
      checklist: z.optional(checklist()),
    });
  const note = () =>
    z.object({
      uid: z.string().check(z.regex(UID_PATTERN)),
      assetId: noteAssetId(),
      assetName: z.optional(text(NOTE_LIMITS.name)),
      assetSymbol: z.optional(text(NOTE_LIMITS.symbol)),
      text: text(NOTE_LIMITS.text),
      tags: tags(),
      createdAt: time(),
      updatedAt: time(),
      capture: z.optional(capture()),
    });
  const overrides = () =>
    z.partialRecord(
      z.enum(CHECKLIST_BOXES),
      z.object({ verdict: z.enum(['pass', 'fail']), reason: text(NOTE_LIMITS.reason), at: time() }),
    );
  const checklistRow = () => z.object({ assetId: assetId(), overrides: overrides(), updatedAt: time() });
  const pin = () =>
    z.object({
      key: z.string().check(z.minLength(1), z.maxLength(NOTE_LIMITS.pinKey)),
      assetId: assetId(),
      pinnedAt: time(),
    });
  return { note, checklistRow, pin };
}

/** ms since the epoch, as stored. */
const ms = () => z.number().check(z.nonnegative());
/** An ISO 8601 time with its zone, as `Date#toISOString` writes it (offsets accepted too). */
export const isoTime = () => z.iso.datetime({ offset: true });

export const msParts = /* @__PURE__ */ noteParts(ms);
export const isoParts = /* @__PURE__ */ noteParts(isoTime);

/** A stored note as the notes page gets it: with its row id. */
export const noteRowSchema = () => z.extend(msParts.note(), { id: z.int().check(z.positive()) });
export type NoteRow = NoteRecord & { id: number };

// The schema's output and the stored record must stay the same shape (compile-time checks).
type RowOut = z.infer<ReturnType<typeof noteRowSchema>>;
const _rowIsRecord = (r: RowOut): NoteRow => r;
void _rowIsRecord;
