/**
 * The one message contract between the extension's parts, both directions, zod-checked where each
 * message is received. Every message is a flat object `{ type, ...payload }`.
 *
 * - To a tab's content script: `tickerlens:scan` (automation contract §2), answered with the
 *   ScanResult itself, exactly as the contract documents.
 * - To the background: the requests of `backgroundApi`, answered with a `Reply` envelope, because
 *   `Error` objects do not cross the messaging boundary.
 */
// zod/mini: the same checks as zod with a tree-shakable API, because the content script carries
// this module and must stay small. Every message's schema is built on first use (`z.lazy`): building
// them was most of the cost of evaluating the content script's bundle, on every page load, and a
// page uses a few of them (the detection answers) long before any other, or never. The parts
// shared by several messages (a match, a resolution) are functions each message's schema calls
// when it is built, not lazy schemas of their own: a lazy schema inside an array is one more call
// for every element parsed (in Node, 151 matches alone took 0.20 ms so against 0.16).
import { z } from 'zod/mini';
import { cardSchema } from './card-schema';
import { CLAIM_IDS, type Match } from './detect/types';
import { notesFileSchema } from './notes/file';
import { msParts, NOTE_LIMITS, noteAssetId, noteRowSchema } from './notes/schema';
import { isWebOrigin } from './origins';
import { SOURCE_IDS } from './source-ids';
import { CHART_MAX_POINTS, CHART_RANGES } from './sources/chart-ranges';
import { TOKEN_FLAGS } from './sources/token-flags';

// ── To the content script ────────────────────────────────────────────────────────────────────────
// Each message a tab's content script takes is in `contentApi`, with the schema it is checked
// with there and, when it is answered, the schema its answer is checked with by the sender
// (messaging.ts, `sendToTab`). The content script has one dispatcher over this map
// (entrypoints/content/tab-api.ts).

export const SCAN_MESSAGE = 'tickerlens:scan';
export const scanRequestSchema = /* @__PURE__ */ z.lazy(() => z.object({ type: z.literal(SCAN_MESSAGE) }));
/** Opens the card of the next detection in view (the keyboard command). */
export const NEXT_MARK_MESSAGE = 'tickerlens:next-mark';
export const nextMarkRequestSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({ type: z.literal(NEXT_MARK_MESSAGE) }),
);
/** A pin changed how a symbol, handle or address reads: every tab's content script resolves again. */
export const PINS_CHANGED_MESSAGE = 'tickerlens:pins-changed';
export const pinsChangedRequestSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({ type: z.literal(PINS_CHANGED_MESSAGE) }),
);
/** The kinds of detection marked on pages, as the settings say (`Settings.markKinds`). */
const markKindsSchema = () =>
  z.object({
    ticker: z.boolean(),
    name: z.boolean(),
    handle: z.boolean(),
    address: z.boolean(),
    claim: z.boolean(),
  });
export type MarkKindsReply = z.infer<ReturnType<typeof markKindsSchema>>;
/**
 * The settings of what is marked changed: every tab's content script marks anew at once (the same
 * fields `tickerlens:hello` answers with, sent by the background, which alone reads the settings).
 */
export const MARKS_CHANGED_MESSAGE = 'tickerlens:marks-changed';
export const marksChangedRequestSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({ type: z.literal(MARKS_CHANGED_MESSAGE), marks: z.boolean(), kinds: markKindsSchema() }),
);
/** Stops the content script on its page (the site was disabled). */
export const STOP_MESSAGE = 'tickerlens:stop';
export const stopRequestSchema = /* @__PURE__ */ z.lazy(() => z.object({ type: z.literal(STOP_MESSAGE) }));

export { CLAIM_IDS };

const scanItemSchema = () =>
  z.object({
    kind: z.enum(['ticker', 'name', 'handle', 'address', 'claim']),
    text: z.string(),
    asset: z.optional(z.string()),
    candidates: z.optional(z.array(z.string())),
    claim: z.optional(z.enum(CLAIM_IDS)),
    chain: z.optional(z.string()),
    invalid: z.optional(z.literal('checksum')),
    /** Claims: the number of "N% airdrop". */
    value: z.optional(z.number()),
    /** Claims: the token the claim is about (claimSubject), as on the page, and its asset if known. */
    aboutText: z.optional(z.string()),
    about: z.optional(z.string()),
    /** Claims: the post or paragraph the claim is in (capped), for a note saved from the popup. */
    context: z.optional(z.string()),
  });
export type ScanItem = z.infer<ReturnType<typeof scanItemSchema>>;

export const scanResultSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({ url: z.string(), items: z.array(scanItemSchema()) }),
);
export type ScanResult = z.infer<typeof scanResultSchema>;

/**
 * Every message to a tab's content script. `reply`: the schema its answer is checked with by the
 * sender; a message without one is not answered.
 */
export const contentApi = {
  [SCAN_MESSAGE]: { request: scanRequestSchema, reply: scanResultSchema },
  [NEXT_MARK_MESSAGE]: { request: nextMarkRequestSchema },
  [PINS_CHANGED_MESSAGE]: { request: pinsChangedRequestSchema },
  [MARKS_CHANGED_MESSAGE]: { request: marksChangedRequestSchema },
  [STOP_MESSAGE]: { request: stopRequestSchema },
} as const;

export type ContentApi = typeof contentApi;
export type ContentType = keyof ContentApi;
export type ContentRequest<T extends ContentType> = z.infer<ContentApi[T]['request']>;
export type ContentReply<T extends ContentType> = ContentApi[T] extends {
  reply: infer R extends z.ZodMiniType;
}
  ? z.infer<R>
  : undefined;

export function isContentType(type: unknown): type is ContentType {
  return typeof type === 'string' && Object.hasOwn(contentApi, type);
}

// ── To the background ────────────────────────────────────────────────────────────────────────────

export const sourceCheckSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    source: z.enum(SOURCE_IDS),
    url: z.string(),
    ok: z.boolean(),
    status: z.optional(z.int()),
    ms: z.number(),
    detail: z.string(),
  }),
);
export type SourceCheck = z.infer<typeof sourceCheckSchema>;

const count = () => z.int().check(z.nonnegative());
const pageCountsSchema = () =>
  z.object({
    ticker: count(),
    name: count(),
    handle: count(),
    address: count(),
    claim: count(),
  });
export type PageCounts = z.infer<ReturnType<typeof pageCountsSchema>>;

/** A detection as the content script sends it for resolution (the detector's Match, checked). */
const matchSchema = () =>
  z.object({
    kind: z.enum(['ticker', 'name', 'handle', 'address', 'claim']),
    text: z.string().check(z.maxLength(200)),
    start: z.int(),
    end: z.int(),
    symbol: z.optional(z.string()),
    cashtag: z.optional(z.boolean()),
    /** A bare listed-company ticker kept by finance context: resolved among equities only. */
    listed: z.optional(z.boolean()),
    nameKey: z.optional(z.string()),
    asset: z.optional(z.string()),
    handle: z.optional(z.string()),
    chain: z.optional(z.enum(['evm', 'solana'])),
    valid: z.optional(z.boolean()),
    claim: z.optional(z.enum(CLAIM_IDS)),
    value: z.optional(z.number()),
  });

/**
 * A match crosses the wire both ways (detected in the worker, sent back to be resolved), and zod
 * drops the fields its schema does not name: a field added to the detector's `Match` and not here
 * would vanish on the way. This fails to compile unless the two are the same type, both ways.
 */
type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type MatchSchemaIsMatch = Assert<SameType<z.infer<ReturnType<typeof matchSchema>>, Match>>;
export type MatchIsMatchSchema = Assert<
  SameType<Required<z.infer<ReturnType<typeof matchSchema>>>, Required<Match>>
>;

/** What the card shows of an asset in a choice: its name, rank and chain or exchange. */
const candidateInfoSchema = () =>
  z.object({
    id: z.string(),
    name: z.string(),
    symbol: z.string(),
    rank: z.optional(z.number()),
    venue: z.optional(z.string()),
  });

/** What resolution says of one match: an asset, or the candidates still in play, best first. */
const resolutionSchema = () =>
  z.object({
    asset: z.optional(z.string()),
    candidates: z.optional(z.array(z.string())),
    /** For the card: each candidate's name, rank and chain or exchange, in the same order. */
    candidateInfo: z.optional(z.array(candidateInfoSchema())),
    /** With `asset` chosen on evidence: the other assets with the symbol, for "Not this?". */
    alternatives: z.optional(z.array(candidateInfoSchema()).check(z.maxLength(10))),
    /** For an address no list knows: its chain and an explorer link, never a guessed asset. */
    unknownAddress: z.optional(
      z.object({
        chain: z.string(),
        address: z.string(),
        explorer: z.string(),
        symbol: z.optional(z.string()),
        name: z.optional(z.string()),
      }),
    ),
  });
export type ResolutionReply = z.infer<ReturnType<typeof resolutionSchema>>;

/** The longest text the worker detects in or resolves with (content scripts send longer ones in pieces). */
export const MAX_TEXT = 100_000;
export const isDetectableText = (text: string): boolean => text.length <= MAX_TEXT;

/** One block of a resolve request, checked on its own. */
export const resolveBlockSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    text: z.string().check(z.maxLength(MAX_TEXT)),
    matches: z.array(matchSchema()).check(z.maxLength(10_000)),
  }),
);

/**
 * Detects and resolves text blocks (a post, a paragraph) in the background: the detector and its
 * name tables (megabytes of heap) live in the extension's worker, not in every page, where each
 * garbage collection would walk them and each page load would build them. The text stays inside the
 * browser. Each block's matches come with their resolutions, in the same order.
 */
export const detectRoute = {
  type: 'tickerlens:detect',
  reply: /* @__PURE__ */ z.lazy(() =>
    z.object({
      blocks: z.array(
        z.object({ matches: z.array(matchSchema()), resolutions: z.array(resolutionSchema()) }),
      ),
    }),
  ),
} as const;
export const detectMessage = {
  ...detectRoute,
  contentScripts: true,
  request: /* @__PURE__ */ z.lazy(() =>
    // Each text is checked on its own (`isDetectableText`): one over the limit is answered with
    // nothing found, and never fails the other texts of its batch.
    z.object({ texts: z.array(z.string()).check(z.maxLength(500)) }),
  ),
} as const;

/** A content script starts on a page: it gets the settings it obeys. */
export const helloRoute = {
  type: 'tickerlens:hello',
  reply: /* @__PURE__ */ z.lazy(() =>
    z.object({ version: z.string(), marks: z.boolean(), kinds: markKindsSchema() }),
  ),
} as const;
export const helloMessage = {
  ...helloRoute,
  contentScripts: true,
  request: /* @__PURE__ */ z.lazy(() => z.object({})),
} as const;

/** Asks one data source's base URL (from the settings) whether it answers. */
export const checkSourceMessage = {
  type: 'tickerlens:check-source',
  request: /* @__PURE__ */ z.lazy(() => z.object({ source: z.enum(SOURCE_IDS) })),
  reply: sourceCheckSchema,
} as const;

/**
 * Resolves the detections of text blocks (a post, a paragraph) to assets. The block's text is the
 * context (words around the match, an address in the same post); it stays inside the browser.
 */
export const resolveRoute = {
  type: 'tickerlens:resolve',
  reply: /* @__PURE__ */ z.lazy(() => z.object({ blocks: z.array(z.array(resolutionSchema())) })),
} as const;
export const resolveMessage = {
  ...resolveRoute,
  contentScripts: true,
  request: /* @__PURE__ */ z.lazy(() =>
    z.object({
      // Each block is checked on its own (`resolveBlockSchema`): a malformed one is answered with no
      // resolutions, and never fails the other blocks of its batch.
      blocks: z.array(z.unknown()).check(z.maxLength(500)),
    }),
  ),
} as const;

/**
 * The card of one asset, from IndexedDB only. With `wait`, and nothing stored yet, the background
 * first asks the sources (bounded by their timeouts); without, it answers at once and refreshes
 * behind (stale-while-revalidate).
 */
export const cardRoute = {
  type: 'tickerlens:card',
  reply: /* @__PURE__ */ z.lazy(() =>
    z.object({
      card: z.nullable(cardSchema),
      refreshing: z.boolean(),
      /** Where the asset trades: its exchange, or the chains its token lives on (the registry's). */
      venue: z.optional(z.string()),
      error: z.optional(z.string()),
      /** Where to go next (contracts, DefiLlama pages, the exchange) and what GoPlus says of the token. */
      onward: z.optional(
        z.object({
          /** The token's contracts, the chain it was issued on first. */
          contracts: z
            .array(z.object({ platform: z.string(), chain: z.string(), address: z.string() }))
            .check(z.maxLength(60)),
          llamaProtocol: z.optional(z.string()),
          llamaUnlocks: z.optional(z.string()),
          exchange: z.optional(z.string()),
          token: z.optional(
            z.object({
              chain: z.string(),
              flags: z.array(z.object({ flag: z.enum(TOKEN_FLAGS), pct: z.optional(z.number()) })),
              fetchedAt: z.number(),
            }),
          ),
        }),
      ),
    }),
  ),
} as const;

/** Opens the notes page (the card's "Open notes" after a note was saved); it reads nothing. */
export const openNotesRoute = {
  type: 'tickerlens:open-notes',
  reply: /* @__PURE__ */ z.lazy(() => z.object({ ok: z.boolean() })),
} as const;
export const openNotesMessage = {
  ...openNotesRoute,
  contentScripts: true,
  request: /* @__PURE__ */ z.lazy(() => z.object({})),
} as const;

/** One range of an asset's price line for the card's chart, fetched when the reader picks it. */
export const chartRoute = {
  type: 'tickerlens:chart',
  reply: /* @__PURE__ */ z.lazy(() =>
    z.object({
      points: z.array(z.tuple([z.number(), z.number()])).check(z.maxLength(CHART_MAX_POINTS)),
      source: z.optional(z.enum(SOURCE_IDS)),
      fetchedAt: z.optional(z.number()),
      error: z.optional(z.string()),
    }),
  ),
} as const;
export const chartMessage = {
  ...chartRoute,
  contentScripts: true,
  request: /* @__PURE__ */ z.lazy(() =>
    z.object({ asset: z.string().check(z.maxLength(200)), range: z.enum(CHART_RANGES) }),
  ),
} as const;
export const cardMessage = {
  ...cardRoute,
  contentScripts: true,
  request: /* @__PURE__ */ z.lazy(() =>
    z.object({
      asset: z.string().check(z.maxLength(200)),
      wait: z.optional(z.boolean()),
      /** The card as stored, starting nothing: the welcome page's example sends nothing anywhere. */
      cached: z.optional(z.boolean()),
    }),
  ),
} as const;

/** Saves a note from the card: the quote, the page, and the price at this moment (looked up here). */
export const saveNoteRoute = {
  type: 'tickerlens:save-note',
  reply: /* @__PURE__ */ z.lazy(() => z.object({ id: z.int(), priceUsd: z.nullable(z.number()) })),
} as const;
export const saveNoteMessage = {
  ...saveNoteRoute,
  contentScripts: true,
  request: /* @__PURE__ */ z.lazy(() =>
    z.object({
      // An asset id as notes hold them (or '' for a claim noted without one): a note the notes page
      // could not read must not be stored in the first place.
      asset: noteAssetId(),
      quote: z.string().check(z.maxLength(4000)),
      // Any page's URL (the worker shortens one past NOTE_LIMITS.url before it is stored).
      url: z.string().check(z.maxLength(100_000)),
      detected: z.string().check(z.maxLength(200)),
      claim: z.optional(z.enum(CLAIM_IDS)),
      /** The reader's words and tags (from a card: only what was typed there, see save-note.ts). */
      text: z.optional(z.string().check(z.maxLength(NOTE_LIMITS.text))),
      tags: z.optional(
        z.array(z.string().check(z.maxLength(NOTE_LIMITS.tag))).check(z.maxLength(NOTE_LIMITS.tags)),
      ),
      /** The post's claims (the worker judges them as it saves, with the modules the card reads). */
      claims: z.optional(
        z.array(z.object({ claim: z.enum(CLAIM_IDS), value: z.optional(z.number()) })).check(z.maxLength(40)),
      ),
    }),
  ),
} as const;

/** A note as the popup lists it (a stored row that does not read so is left out). */
export const recentNoteSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    id: z.int(),
    assetId: z.string(),
    text: z.string(),
    createdAt: z.number(),
    capture: z.optional(
      z.object({
        quote: z.string(),
        url: z.string(),
        detected: z.string(),
        claim: z.optional(z.string()),
        priceUsd: z.nullable(z.number()),
        priceSource: z.optional(z.string()),
        priceAt: z.optional(z.number()),
      }),
    ),
  }),
);

/** The most recent notes, newest first (the popup lists them). */
export const recentNotesMessage = {
  type: 'tickerlens:recent-notes',
  request: /* @__PURE__ */ z.lazy(() => z.object({ limit: z.int().check(z.minimum(1), z.maximum(100)) })),
  reply: /* @__PURE__ */ z.lazy(() =>
    z.object({
      notes: z.array(recentNoteSchema),
    }),
  ),
} as const;

// ── The notes page (entrypoints/notes) ─────────────────────────────────────────────────────────
// Like every message without `contentScripts: true`, these are for the extension's own pages:
// the background refuses them from a content script (utils/messaging-background.ts).

/** Stored notes by row, after row `after` (0 for the first): the page loads them in chunks. */
export const notesListMessage = {
  type: 'tickerlens:notes-list',
  request: /* @__PURE__ */ z.lazy(() =>
    z.object({
      after: z.int().check(z.nonnegative()),
      limit: z.int().check(z.minimum(1), z.maximum(1000)),
    }),
  ),
  reply: /* @__PURE__ */ z.lazy(() =>
    z.object({
      notes: z.array(noteRowSchema()),
      total: z.int(),
      /** The row to read on from, or null when this chunk was the last. */
      next: z.nullable(z.int()),
      /** Stored rows this chunk left out because they do not read as notes (a damaged row). */
      skipped: z.int().check(z.nonnegative()),
    }),
  ),
} as const;

/** Edits a note's own words and tags; answers with the note as now stored. */
export const notesUpdateMessage = {
  type: 'tickerlens:notes-update',
  request: /* @__PURE__ */ z.lazy(() =>
    z.object({
      id: z.int().check(z.positive()),
      text: z.string().check(z.maxLength(NOTE_LIMITS.text)),
      tags: z.array(z.string().check(z.maxLength(NOTE_LIMITS.tag))).check(z.maxLength(NOTE_LIMITS.tags)),
    }),
  ),
  reply: /* @__PURE__ */ z.lazy(() => z.object({ note: z.nullable(noteRowSchema()) })),
} as const;

/** Deletes notes; answers with them as they were, which `notes-restore` puts back (undo). */
export const notesDeleteMessage = {
  type: 'tickerlens:notes-delete',
  request: /* @__PURE__ */ z.lazy(() =>
    z.object({ ids: z.array(z.int().check(z.positive())).check(z.maxLength(100_000)) }),
  ),
  reply: /* @__PURE__ */ z.lazy(() => z.object({ deleted: z.array(noteRowSchema()) })),
} as const;

export const notesRestoreMessage = {
  type: 'tickerlens:notes-restore',
  request: /* @__PURE__ */ z.lazy(() =>
    z.object({ notes: z.array(noteRowSchema()).check(z.maxLength(100_000)) }),
  ),
  reply: /* @__PURE__ */ z.lazy(() => z.object({ restored: z.int() })),
} as const;

/** The cached price of each asset (IndexedDB only, never the network), for "the price now". */
export const notesPricesMessage = {
  type: 'tickerlens:notes-prices',
  request: /* @__PURE__ */ z.lazy(() =>
    z.object({ assets: z.array(z.string().check(z.maxLength(240))).check(z.maxLength(100_000)) }),
  ),
  reply: /* @__PURE__ */ z.lazy(() =>
    z.object({
      prices: z.array(
        z.object({
          asset: z.string(),
          name: z.string(),
          symbol: z.string(),
          usd: z.number(),
          source: z.string(),
          fetchedAt: z.number(),
          asOf: z.nullable(z.number()),
          stale: z.boolean(),
        }),
      ),
    }),
  ),
} as const;

/** What an export holds besides the notes: the checklist overrides and the pins. */
export const notesExtrasMessage = {
  type: 'tickerlens:notes-extras',
  request: /* @__PURE__ */ z.lazy(() => z.object({})),
  reply: /* @__PURE__ */ z.lazy(() =>
    z.object({ checklist: z.array(msParts.checklistRow()), pins: z.array(msParts.pin()) }),
  ),
} as const;

/**
 * Imports an export file (read and migrated to the current version by the page, checked again
 * here): with `apply` false it only counts what would change (the preview), with `apply` it writes
 * everything in one transaction.
 */
export const notesImportMessage = {
  type: 'tickerlens:notes-import',
  request: /* @__PURE__ */ z.lazy(() => z.object({ file: notesFileSchema(), apply: z.boolean() })),
  reply: /* @__PURE__ */ z.lazy(() =>
    z.object({
      added: z.int(),
      changed: z.int(),
      unchanged: z.int(),
      keptNewer: z.int(),
      removed: z.literal(0),
      overrides: z.int(),
      pins: z.int(),
    }),
  ),
} as const;

/** "Always read `key` as `asset`" (a null asset removes the pin). */
export const pinRoute = {
  type: 'tickerlens:pin',
  reply: /* @__PURE__ */ z.lazy(() => z.object({ ok: z.boolean() })),
} as const;
export const pinMessage = {
  ...pinRoute,
  contentScripts: true,
  request: /* @__PURE__ */ z.lazy(() =>
    z.object({
      key: z.string().check(z.minLength(1), z.maxLength(NOTE_LIMITS.pinKey)),
      // An asset id as the registry spells them; the worker checks it is one the key can read as.
      asset: z.nullable(z.string().check(z.minLength(1), z.maxLength(200))),
    }),
  ),
} as const;

/**
 * The options page's list of pins: each key with its asset by name, symbol and where it trades
 * (never only its id), newest first. Extension pages only: pins are the reader's choices.
 */
export const pinsListMessage = {
  type: 'tickerlens:pins-list',
  request: /* @__PURE__ */ z.lazy(() => z.object({})),
  reply: /* @__PURE__ */ z.lazy(() =>
    z.object({
      pins: z.array(
        z.object({
          key: z.string(),
          asset: z.string(),
          name: z.string(),
          symbol: z.string(),
          kind: z.enum(['coin', 'stock', 'contract']),
          venue: z.optional(z.string()),
          pinnedAt: z.number(),
        }),
      ),
    }),
  ),
} as const;

/** Removes a pin (the options page's Undo); every open page resolves again. Extension pages only. */
export const unpinMessage = {
  type: 'tickerlens:unpin',
  request: /* @__PURE__ */ z.lazy(() => z.object({ key: z.string().check(z.maxLength(60)) })),
  reply: /* @__PURE__ */ z.lazy(() => z.object({ removed: z.boolean() })),
} as const;

/**
 * Enables Tickerlens on a site (the popup has just been granted the host permission) and starts
 * it on the open tab; `enabled: false` disables it again and gives the permission back.
 */
export const siteMessage = {
  type: 'tickerlens:site',
  request: /* @__PURE__ */ z.lazy(() =>
    z.object({
      origin: z.string().check(z.maxLength(300), z.refine(isWebOrigin, { message: 'not a web origin' })),
      enabled: z.boolean(),
      tabId: z.optional(z.int()),
    }),
  ),
  reply: /* @__PURE__ */ z.lazy(() => z.object({ enabled: z.boolean() })),
} as const;

/** What a content script found on its page: the action badge, on-screen assets, prefetching. */
export const pageDetectedRoute = {
  type: 'tickerlens:page-detected',
  reply: /* @__PURE__ */ z.lazy(() => z.object({ badge: z.string() })),
} as const;
export const pageDetectedMessage = {
  ...pageDetectedRoute,
  contentScripts: true,
  request: /* @__PURE__ */ z.lazy(() =>
    z.object({
      counts: pageCountsSchema(),
      assets: z.array(z.string()).check(z.maxLength(500)),
    }),
  ),
} as const;

// ── The checklist, claim verdicts, the popup's assets (issue 24) ─────────────────────────────────

const reasonSchema = () =>
  z.object({
    key: z.string().check(z.maxLength(80)),
    subs: z.array(z.union([z.string(), z.object({ key: z.string().check(z.maxLength(80)) })])),
  });
export type ReasonReply = z.infer<ReturnType<typeof reasonSchema>>;

const boxIdSchema = () => z.enum(['revenue', 'sink', 'supply', 'liquidity', 'governance']);
const boxVerdictSchema = () => z.enum(['pass', 'fail', 'unknown']);
const evidenceSourceSchema = () => z.enum([...SOURCE_IDS, 'snapshot', 'curated']);
const assetIdSchema = () => z.string().check(z.minLength(1), z.maxLength(200));

const checklistReplySchema = () =>
  z.object({
    asset: z.string(),
    score: z.int(),
    boxes: z.array(
      z.object({
        box: boxIdSchema(),
        verdict: boxVerdictSchema(),
        computed: boxVerdictSchema(),
        evidence: z.array(reasonSchema()),
        source: z.optional(evidenceSourceSchema()),
        sources: z.optional(z.array(evidenceSourceSchema())),
        asOf: z.optional(z.number()),
        stale: z.optional(z.boolean()),
        override: z.optional(
          z.object({ verdict: z.enum(['pass', 'fail']), reason: z.string(), at: z.number() }),
        ),
      }),
    ),
    warning: z.boolean(),
    loading: z.boolean(),
  });
export type ChecklistReply = z.infer<ReturnType<typeof checklistReplySchema>>;

/**
 * Contract §8: an asset's "no VC" checklist, from IndexedDB. With `wait`, what its boxes read is
 * fetched first (within the sources' budgets); without, it answers from the cache at once.
 */
export const checklistMessage = {
  type: 'tickerlens:checklist',
  contentScripts: true,
  request: /* @__PURE__ */ z.lazy(() =>
    z.object({
      asset: assetIdSchema(),
      wait: z.optional(z.boolean()),
      /** Launch claims the page makes about the asset: a schedule that contradicts them is said first. */
      claims: z.optional(z.array(z.enum(CLAIM_IDS)).check(z.maxLength(CLAIM_IDS.length))),
    }),
  ),
  reply: /* @__PURE__ */ z.lazy(checklistReplySchema),
} as const;

/** The user's verdict on a box, with their reason (a null verdict clears it). Extension pages only. */
export const checklistOverrideMessage = {
  type: 'tickerlens:checklist-override',
  request: /* @__PURE__ */ z.lazy(() =>
    z.object({
      asset: assetIdSchema(),
      box: boxIdSchema(),
      verdict: z.nullable(z.enum(['pass', 'fail'])),
      reason: z.string().check(z.maxLength(280)),
    }),
  ),
  reply: /* @__PURE__ */ z.lazy(checklistReplySchema),
} as const;

/**
 * What the data says of claims about a token: for the page's claim marks and the popup. With
 * `wait`, the figures a verdict needs are fetched first (bounded by the sources' budgets).
 */
export const claimVerdictsRoute = {
  type: 'tickerlens:claim-verdicts',
  reply: /* @__PURE__ */ z.lazy(() =>
    z.object({
      verdicts: z.array(
        z.object({
          asset: z.string(),
          claim: z.enum(CLAIM_IDS),
          value: z.optional(z.number()),
          verdict: z.enum(['agrees', 'contradicts', 'unknown']),
          reason: reasonSchema(),
          source: z.optional(evidenceSourceSchema()),
          asOf: z.optional(z.number()),
        }),
      ),
    }),
  ),
} as const;
export const claimVerdictsMessage = {
  ...claimVerdictsRoute,
  contentScripts: true,
  request: /* @__PURE__ */ z.lazy(() =>
    z.object({
      items: z
        .array(z.object({ asset: assetIdSchema(), claim: z.enum(CLAIM_IDS), value: z.optional(z.number()) }))
        .check(z.maxLength(100)),
      wait: z.optional(z.boolean()),
    }),
  ),
} as const;
export type ClaimVerdictReply = BackgroundReply<'tickerlens:claim-verdicts'>['verdicts'][number];

/**
 * The popup's rows: each asset's name, symbol, where it trades and its cached price. With `wait`,
 * prices not cached yet are fetched first.
 */
export const assetsMessage = {
  type: 'tickerlens:assets',
  request: /* @__PURE__ */ z.lazy(() =>
    z.object({ assets: z.array(assetIdSchema()).check(z.maxLength(200)), wait: z.optional(z.boolean()) }),
  ),
  reply: /* @__PURE__ */ z.lazy(() =>
    z.object({
      assets: z.array(
        z.object({
          asset: z.string(),
          name: z.string(),
          symbol: z.string(),
          kind: z.enum(['coin', 'stock', 'contract']),
          venue: z.optional(z.string()),
          rank: z.optional(z.number()),
          price: z.optional(
            z.object({
              usd: z.number(),
              change24hPct: z.nullable(z.number()),
              source: z.enum([...SOURCE_IDS, 'snapshot']),
              fetchedAt: z.number(),
              asOf: z.nullable(z.number()),
              stale: z.boolean(),
              snapshotDate: z.optional(z.string()),
            }),
          ),
        }),
      ),
    }),
  ),
} as const;
export type AssetRowReply = BackgroundReply<'tickerlens:assets'>['assets'][number];

/**
 * Facts of a contract address or Solana mint that no list knows (utils/sources/contract-facts.ts):
 * price by contract, the name it gives itself, scanner facts. Never an asset id.
 */
const contractFactsSchema = () =>
  z.object({
    chain: z.enum(['evm', 'solana']),
    address: z.string(),
    pricedOn: z.optional(z.string()),
    price: z.optional(
      z.object({
        usd: z.number(),
        source: z.enum(['llamaCoins', 'coingecko']),
        asOf: z.nullable(z.number()),
      }),
    ),
    calls: z.optional(z.object({ name: z.optional(z.string()), symbol: z.optional(z.string()) })),
    coingecko: z.optional(z.object({ id: z.string(), name: z.string(), symbol: z.string() })),
    imitates: z.optional(z.object({ name: z.string(), symbol: z.string() })),
    security: z.optional(
      z.object({
        buyTax: z.nullable(z.number()),
        sellTax: z.nullable(z.number()),
        holders: z.nullable(z.number()),
        honeypot: z.nullable(z.boolean()),
        openSource: z.nullable(z.boolean()),
        mintable: z.nullable(z.boolean()),
        ownerRenounced: z.nullable(z.boolean()),
        lpLockedPct: z.nullable(z.number()),
      }),
    ),
    fetchedAt: z.number(),
    errors: z.array(z.string()),
  });
export type ContractFactsReply = z.infer<ReturnType<typeof contractFactsSchema>>;
export const contractRoute = {
  type: 'tickerlens:contract',
  reply: /* @__PURE__ */ z.lazy(() => z.object({ facts: z.nullable(contractFactsSchema()) })),
} as const;
export const contractMessage = {
  ...contractRoute,
  contentScripts: true,
  request: /* @__PURE__ */ z.lazy(() =>
    z.object({ chain: z.enum(['evm', 'solana']), address: z.string().check(z.maxLength(64)) }),
  ),
} as const;

/** Every background message, by type: the background dispatches through this map. */
export const backgroundApi = {
  [helloMessage.type]: helloMessage,
  [checkSourceMessage.type]: checkSourceMessage,
  [resolveMessage.type]: resolveMessage,
  [detectMessage.type]: detectMessage,
  [cardMessage.type]: cardMessage,
  [chartMessage.type]: chartMessage,
  [openNotesMessage.type]: openNotesMessage,
  [saveNoteMessage.type]: saveNoteMessage,
  [recentNotesMessage.type]: recentNotesMessage,
  [notesListMessage.type]: notesListMessage,
  [notesUpdateMessage.type]: notesUpdateMessage,
  [notesDeleteMessage.type]: notesDeleteMessage,
  [notesRestoreMessage.type]: notesRestoreMessage,
  [notesPricesMessage.type]: notesPricesMessage,
  [notesExtrasMessage.type]: notesExtrasMessage,
  [notesImportMessage.type]: notesImportMessage,
  [pinMessage.type]: pinMessage,
  [pinsListMessage.type]: pinsListMessage,
  [unpinMessage.type]: unpinMessage,
  [siteMessage.type]: siteMessage,
  [pageDetectedMessage.type]: pageDetectedMessage,
  [checklistMessage.type]: checklistMessage,
  [checklistOverrideMessage.type]: checklistOverrideMessage,
  [claimVerdictsMessage.type]: claimVerdictsMessage,
  [assetsMessage.type]: assetsMessage,
  [contractMessage.type]: contractMessage,
} as const;

/**
 * What a sender of a background message needs: its type and the schema its reply is checked with.
 * Each message the content script sends has one (`…Route`) apart from its full definition, so the
 * content script's bundle leaves out the request schemas only the background checks.
 */
export interface BackgroundRoute<T extends BackgroundType = BackgroundType> {
  type: T;
  reply: BackgroundApi[T]['reply'];
}

export type BackgroundApi = typeof backgroundApi;
export type BackgroundType = keyof BackgroundApi;
export type BackgroundRequest<T extends BackgroundType> = z.infer<BackgroundApi[T]['request']>;
export type BackgroundReply<T extends BackgroundType> = z.infer<BackgroundApi[T]['reply']>;

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export const envelopeSchema = /* @__PURE__ */ z.lazy(() =>
  z.union([
    z.object({ ok: z.literal(true), data: z.unknown() }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ]),
);

/**
 * The long-lived connection the content script sends its frequent messages over (messaging.ts,
 * `BackgroundPort`): a request carries an id, its type and its payload as JSON text; the answer
 * carries the id and the reply envelope as JSON text.
 */
export const BACKGROUND_PORT = 'tickerlens:port';
export const portRequestSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({ id: z.int(), type: z.string(), json: z.string() }),
);
export const portAnswerSchema = /* @__PURE__ */ z.lazy(() => z.object({ id: z.int(), json: z.string() }));

export function isBackgroundType(type: unknown): type is BackgroundType {
  return typeof type === 'string' && Object.hasOwn(backgroundApi, type);
}

/**
 * Whether a content script may send a message (`contentScripts: true`): what the card and the page's
 * marks need. Every other message is for the extension's own pages only (popup, options, notes):
 * a new message is refused to content scripts unless it says otherwise.
 */
export function isForContentScripts(type: BackgroundType): boolean {
  return 'contentScripts' in backgroundApi[type] && backgroundApi[type].contentScripts === true;
}

/** Thrown by `sendToBackground` when the background answered with an error or nothing usable. */
export class MessageError extends Error {
  override name = 'MessageError';
}
