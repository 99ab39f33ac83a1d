/**
 * The notes export file (automation contract §9): `{ format: "tickerlens-notes", version, exportedAt,
 * notes, checklist, pins }`, times as ISO text. Lossless: reading a file this build wrote gives back
 * the same records (uid, row id, text, quote, tags, capture, checklist overrides, pins).
 *
 * Reading is strict and says where a file is wrong: the path of the first bad field
 * (`notes[3].capture.url`). Each format version has its own schema; a file of an earlier version is
 * read with that version's schema and migrated step by step to the current one (`MIGRATIONS`), and
 * a file of a later version is refused (this build cannot know what it would drop).
 */
import { z } from 'zod/mini';
import type { ChecklistRecord, NoteRecord, PinRecord } from '../db/records';
import { isoParts, isoTime } from './schema';

const NOTES_FORMAT = 'tickerlens-notes';
export const NOTES_FILE_VERSION = 1;
/**
 * The largest file read: the import travels to the worker as one message (Chromium's limit is
 * 64 MiB of JSON), and 5,000 notes with long quotes and snapshots make about 15 MB.
 */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** Ten times the notes the page is built for (5,000). */
const MAX_FILE_NOTES = 50_000;

/** Version 1 (the first): notes, checklist overrides per asset, pins. */
const fileV1Schema = () =>
  z.object({
    format: z.literal(NOTES_FORMAT),
    version: z.literal(1),
    exportedAt: isoTime(),
    notes: z
      .array(z.extend(isoParts.note(), { id: z.optional(z.int().check(z.positive())) }))
      .check(z.maxLength(MAX_FILE_NOTES)),
    checklist: z.optional(z.array(isoParts.checklistRow()).check(z.maxLength(MAX_FILE_NOTES))),
    pins: z.optional(z.array(isoParts.pin()).check(z.maxLength(MAX_FILE_NOTES))),
  });

export type NotesFileV1 = z.infer<ReturnType<typeof fileV1Schema>>;
/** The current version's file. */
export type NotesFile = NotesFileV1;
export type FileNote = NotesFile['notes'][number];

/** Each version's schema; the current version's is also the import message's request schema. */
const VERSIONS: Record<number, () => z.ZodMiniType> = { 1: fileV1Schema };
/**
 * `MIGRATIONS[n]` turns a valid version-n file into a version n+1 file. None yet: version 1 is the
 * first. A version 2 adds its schema to VERSIONS and `1: (v1) => v2` here.
 */
const MIGRATIONS: Record<number, (file: unknown) => unknown> = {};

export const notesFileSchema = fileV1Schema;

// ── writing ─────────────────────────────────────────────────────────────────────────────────────

const iso = (ms: number) => new Date(ms).toISOString();

function toFileNote(n: NoteRecord): FileNote {
  const { id, createdAt, updatedAt, capture, ...rest } = n;
  let written: FileCapture | undefined;
  if (capture) {
    const { priceAt, checklist, ...c } = capture;
    // Stored claim ids were checked when saved; the file's schema checks them again when read.
    written = {
      ...(c as Omit<FileCapture, 'priceAt' | 'checklist'>),
      ...(priceAt !== undefined ? { priceAt: iso(priceAt) } : {}),
      ...(checklist ? { checklist: { ...checklist, at: iso(checklist.at) } } : {}),
    };
  }
  return {
    ...(id !== undefined ? { id } : {}),
    ...rest,
    createdAt: iso(createdAt),
    updatedAt: iso(updatedAt),
    ...(written ? { capture: written } : {}),
  };
}
type FileCapture = NonNullable<FileNote['capture']>;

export function toNotesFile(
  notes: readonly NoteRecord[],
  checklist: readonly ChecklistRecord[],
  pins: readonly PinRecord[],
  now: number,
): NotesFile {
  return {
    format: NOTES_FORMAT,
    version: NOTES_FILE_VERSION,
    exportedAt: iso(now),
    notes: notes.map(toFileNote),
    checklist: checklist.map((c) => ({
      assetId: c.assetId,
      overrides: Object.fromEntries(
        Object.entries(c.overrides).map(([box, o]) => [box, { ...o, at: iso(o.at) }]),
      ),
      updatedAt: iso(c.updatedAt),
    })),
    pins: pins.map((p) => ({ key: p.key, assetId: p.assetId, pinnedAt: iso(p.pinnedAt) })),
  };
}

// ── reading ─────────────────────────────────────────────────────────────────────────────────────

const ms = (isoText: string) => Date.parse(isoText);

function fromFileNote(n: FileNote): NoteRecord {
  const { id, createdAt, updatedAt, capture, ...rest } = n;
  let stored: NoteRecord['capture'];
  if (capture) {
    const { priceAt, checklist, ...c } = capture;
    stored = {
      ...c,
      ...(priceAt !== undefined ? { priceAt: ms(priceAt) } : {}),
      ...(checklist ? { checklist: { ...checklist, at: ms(checklist.at) } } : {}),
    };
  }
  return {
    ...(id !== undefined ? { id } : {}),
    ...rest,
    createdAt: ms(createdAt),
    updatedAt: ms(updatedAt),
    ...(stored ? { capture: stored } : {}),
  };
}

export function fromNotesFile(file: NotesFile): {
  notes: NoteRecord[];
  checklist: ChecklistRecord[];
  pins: PinRecord[];
} {
  return {
    notes: file.notes.map(fromFileNote),
    checklist: (file.checklist ?? []).map((c) => ({
      assetId: c.assetId,
      overrides: Object.fromEntries(
        Object.entries(c.overrides).map(([box, o]) => [box, { ...o, at: ms(o.at) }]),
      ) as ChecklistRecord['overrides'],
      updatedAt: ms(c.updatedAt),
    })),
    pins: (file.pins ?? []).map((p) => ({ key: p.key, assetId: p.assetId, pinnedAt: ms(p.pinnedAt) })),
  };
}

/** What is wrong with a file, for the reader: the page words it (entrypoints/notes/problems.ts). */
export type FileProblem =
  | { kind: 'too-big'; bytes: number; limit: number }
  | { kind: 'not-json'; detail: string }
  | { kind: 'wrong-format' }
  | { kind: 'future-version'; version: number; supported: number }
  | { kind: 'bad-field'; path: string; problem: FieldProblem };

export type FieldProblem =
  | { is: 'missing' }
  | { is: 'type'; expected: string }
  | { is: 'too-long'; max: number }
  | { is: 'too-many'; max: number }
  | { is: 'not-allowed' }
  | { is: 'url' }
  | { is: 'time' }
  | { is: 'duplicate' }
  | { is: 'unknown-key'; key: string };

export type ReadResult = { ok: true; file: NotesFile } | { ok: false; problem: FileProblem };

/**
 * Reads an export file's text (`bytes`: its size as the file said it, checked before anything is
 * parsed). Nothing is written here: the caller previews the result and applies it.
 */
export function readNotesFile(text: string, bytes = text.length): ReadResult {
  if (bytes > MAX_FILE_BYTES) return fail({ kind: 'too-big', bytes, limit: MAX_FILE_BYTES });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return fail({ kind: 'not-json', detail: err instanceof Error ? err.message : String(err) });
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail({ kind: 'wrong-format' });
  const head = raw as { format?: unknown; version?: unknown };
  if (head.format !== NOTES_FORMAT) return fail({ kind: 'wrong-format' });
  const version = head.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail({ kind: 'bad-field', path: 'version', problem: { is: 'not-allowed' } });
  if (version > NOTES_FILE_VERSION)
    return fail({ kind: 'future-version', version, supported: NOTES_FILE_VERSION });
  const schema = VERSIONS[version];
  if (!schema) return fail({ kind: 'bad-field', path: 'version', problem: { is: 'not-allowed' } });
  const parsed = schema().safeParse(raw, { reportInput: true });
  if (!parsed.success) return fail(firstBadField(parsed.error.issues));
  let file: unknown = parsed.data;
  for (let v = version; v < NOTES_FILE_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return fail({ kind: 'bad-field', path: 'version', problem: { is: 'not-allowed' } });
    file = step(file);
  }
  const current = file as NotesFile;
  const seen = new Set<string>();
  for (const [i, n] of current.notes.entries()) {
    if (seen.has(n.uid))
      return fail({ kind: 'bad-field', path: `notes[${i}].uid`, problem: { is: 'duplicate' } });
    seen.add(n.uid);
  }
  return { ok: true, file: current };
}

const fail = (problem: FileProblem): ReadResult => ({ ok: false, problem });

/** `["notes", 3, "capture", "url"]` → `notes[3].capture.url`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(file)';
}

type Issue = z.core.$ZodIssue;

/** The first issue of a failed parse, as a path and what is wrong there. */
function firstBadField(issues: readonly Issue[]): FileProblem {
  const issue = issues[0];
  if (!issue) return { kind: 'wrong-format' };
  return { kind: 'bad-field', path: formatPath(issue.path), problem: fieldProblem(issue) };
}

function fieldProblem(issue: Issue): FieldProblem {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? { is: 'missing' } : { is: 'type', expected: String(issue.expected) };
    case 'too_big':
      return issue.origin === 'array'
        ? { is: 'too-many', max: Number(issue.maximum) }
        : { is: 'too-long', max: Number(issue.maximum) };
    case 'too_small':
      return { is: 'not-allowed' };
    case 'invalid_format':
      return issue.format === 'datetime' ? { is: 'time' } : { is: 'not-allowed' };
    case 'custom':
      return issue.message === 'url' ? { is: 'url' } : { is: 'not-allowed' };
    case 'unrecognized_keys':
      return { is: 'unknown-key', key: issue.keys[0] ?? '' };
    default:
      return { is: 'not-allowed' };
  }
}
