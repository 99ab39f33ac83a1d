/**
 * The Markdown export: notes grouped by asset, each with the user's words, the quoted post as a
 * block quote (`> ` on every line) and a link to the page it came from.
 *
 * Text from posts and pages is hostile until escaped: every character CommonMark or GitHub's
 * Markdown gives a meaning inside a line (links, images, emphasis, code, HTML and entities, tables,
 * strikethrough, autolinks) is backslash-escaped, and so is what starts a block at the beginning
 * of a line (headings, quotes, lists, setext underlines); leading white space is dropped (four
 * spaces would make a code block). Links are only ever ours: http(s) URLs, written as
 * `[host](url)` with the characters that could end the destination percent-encoded.
 */
import type { NoteRecord } from '../db/records';
import { isWebUrl } from './schema';
import {
  assetNames,
  assetTitle,
  changeSinceSaved,
  checklistLine,
  claimsLine,
  type NoteWords,
  type PriceNow,
} from './view';

export interface MarkdownWords extends NoteWords {
  title: string;
  /** "Exported $1": the time of the export. */
  exported(time: string): string;
  tags: string;
  priceThen: string;
  priceNow: string;
  claimsThen: string;
  checklistThen: string;
  source: string;
  time(ms: number): string;
  usd(x: number): string;
  pct(x: number): string;
}

/** Characters with a meaning inside a line (GFM included), each escaped with a backslash. */
const INLINE = /[\\`*_[\]()<>!|~&#@]/g;
/** What starts a block when it begins a line: heading, quote, list item, setext underline. */
const LINE_START = /^([>+=-]|\d{1,9}(?=[.)]))/;

/** One line of page or user text, safe to put anywhere in a Markdown line. */
export function escapeInline(text: string): string {
  return (
    text
      .replace(INLINE, '\\$&')
      // GFM turns bare "https://…" and "www.…" into links: break the pattern without changing the text shown.
      .replace(/:\/\//g, '\\://')
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
  );
}

/** A line that starts a paragraph's line: leading space dropped, block markers escaped. */
function escapeLine(line: string): string {
  const escaped = escapeInline(line.replace(/^\s+/, ''));
  return escaped.replace(LINE_START, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/**
 * Text as Markdown paragraphs: blank lines part paragraphs, single line breaks stay line breaks
 * (a backslash before the newline), every line escaped.
 */
export function paragraphs(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(/(?:\r\n|\r|\n)\s*(?:\r\n|\r|\n)/)) {
    const lines = block
      .split(/\r\n|\r|\n/)
      .map(escapeLine)
      .filter((l) => l !== '');
    if (lines.length) out.push(lines.join('\\\n'));
  }
  return out;
}

/** The quote as a block quote: every line, blank ones included, starts with '>'. */
export function blockQuote(text: string): string {
  return paragraphs(text)
    .join('\n\n')
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');
}

/** `[host](url)` for an http(s) URL; '' for anything else (never a javascript: or data: link). */
export function pageLink(url: string): string {
  if (!isWebUrl(url)) return '';
  const u = new URL(url);
  const href = u.href.replace(
    /[()\s<>[\]\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${escapeInline(u.host)}](${href})`;
}

export function notesToMarkdown(
  notes: readonly NoteRecord[],
  prices: ReadonlyMap<string, PriceNow>,
  words: MarkdownWords,
  exportedAt: number,
): string {
  const groups = new Map<string, { title: string; notes: NoteRecord[] }>();
  for (const n of notes) {
    const title = assetTitle(assetNames(n, prices.get(n.assetId), words.noAsset));
    const group = groups.get(n.assetId) ?? { title, notes: [] };
    group.notes.push(n);
    groups.set(n.assetId, group);
  }
  const out = [`# ${escapeInline(words.title)}`, '', escapeInline(words.exported(words.time(exportedAt)))];
  for (const group of [...groups.values()].sort((a, b) => a.title.localeCompare(b.title))) {
    out.push('', `## ${escapeInline(group.title)}`);
    for (const n of group.notes) out.push('', ...noteMarkdown(n, prices.get(n.assetId), words));
  }
  return `${out.join('\n')}\n`;
}

function noteMarkdown(n: NoteRecord, now: PriceNow | undefined, words: MarkdownWords): string[] {
  const out = [`### ${escapeInline(words.time(n.createdAt))}`];
  for (const p of paragraphs(n.text)) out.push('', p);
  if (n.capture?.quote.trim()) out.push('', blockQuote(n.capture.quote));
  const facts: string[] = [];
  if (n.tags.length) facts.push(`${words.tags}: ${n.tags.map((t) => escapeInline(`#${t}`)).join(', ')}`);
  const then = n.capture?.priceUsd;
  if (then !== null && then !== undefined) facts.push(`${words.priceThen}: ${escapeInline(words.usd(then))}`);
  if (now) {
    const change = changeSinceSaved(n, now);
    const extra = [change === null ? '' : words.pct(change), now.stale ? words.stale : ''].filter(Boolean);
    facts.push(
      `${words.priceNow}: ${escapeInline(`${words.usd(now.usd)}${extra.length ? ` (${extra.join(', ')})` : ''}`)}`,
    );
  }
  const claims = claimsLine(n, words);
  if (claims) facts.push(`${words.claimsThen}: ${escapeInline(claims)}`);
  const checklist = checklistLine(n, words);
  if (checklist) facts.push(`${words.checklistThen}: ${escapeInline(checklist)}`);
  const link = pageLink(n.capture?.url ?? '');
  if (link) facts.push(`${words.source}: ${link}`);
  if (facts.length) out.push('', ...facts.map((f) => `- ${f}`));
  return out;
}
