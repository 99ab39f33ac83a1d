/**
 * The English claim-pattern engine: a lazy tokeniser and a token trie.
 *
 * Patterns (notation in claim-patterns.ts) are compiled into a trie over tokens. Optional elements
 * are expanded at build time (each pattern has at most a few), so matching is a walk down the trie
 * that reads one token per step: a word follows at most one edge (by folded hash, confirmed by a
 * character compare), a number at most two (the exact value and "any number"), punctuation one.
 * The cost of an attempt is bounded by the depth of the trie (MAX_TOKENS), whatever the text holds.
 */
import * as charclass from './charclass';
import type { ClaimId } from './types';

// Module-local bindings of the hot imports: a test runner that rewrites imports into property reads
// (vitest's SSR transform) would otherwise pay a getter call per character; bundlers hoist them anyway.
const { ALPHA, CLASS, DIGIT, foldAscii, HASH_SEED, hashStep, hashWord, LOWER, SPACE, UPPER, WORD } =
  charclass;

export const MAX_TOKENS = 12;

// ── tokens ────────────────────────────────────────────────────────────────────

export const TOK_WORD = 0;
export const TOK_NUM = 1;
export const TOK_PUNCT = 2;

/**
 * A reusable, lazily filled token buffer in parallel typed arrays. A token is read only when the trie
 * walk asks for it, and reading allocates nothing. Tokens: words ([A-Za-z]+, with their folded
 * hash), numbers (digits with ',' or '.' groups, with their value), and single punctuation
 * characters ('％' reads as '%'). Whitespace separates tokens; a line break ends the stream.
 */
export class Tokens {
  count = 0;
  #done = false;
  #text = '';
  #pos = 0;
  readonly kind = new Uint8Array(MAX_TOKENS);
  readonly start = new Int32Array(MAX_TOKENS);
  readonly end = new Int32Array(MAX_TOKENS);
  /** Numbers: the value. */
  readonly value = new Float64Array(MAX_TOKENS);
  /** Words: the folded hash; punctuation: the character code. */
  readonly hash = new Int32Array(MAX_TOKENS);

  reset(text: string, i: number): void {
    this.#text = text;
    this.#pos = i;
    this.count = 0;
    this.#done = false;
  }

  /** Whether token `t` exists, reading up to it if needed. */
  has(t: number): boolean {
    while (this.count <= t && !this.#done) this.#readOne();
    return t < this.count;
  }

  /**
   * Whether a match may end after token t: only at a word boundary ("no VC" but not "no VCx"; a
   * number not followed by a digit).
   */
  endsAtBoundary(t: number): boolean {
    const end = this.end[t] ?? 0;
    if (end >= this.#text.length) return true;
    const f = CLASS[this.#text.charCodeAt(end)] ?? 0;
    return this.kind[t] === TOK_WORD ? (f & (WORD | ALPHA)) === 0 : (f & DIGIT) === 0;
  }

  /** Whether word token `t` is `word` (lower case), comparing characters case-insensitively. */
  isWord(t: number, word: string): boolean {
    const s = this.start[t] ?? 0;
    if ((this.end[t] ?? 0) - s !== word.length) return false;
    for (let k = 0; k < word.length; k++) {
      if (foldAscii(this.#text.charCodeAt(s + k)) !== word.charCodeAt(k)) return false;
    }
    return true;
  }

  #readOne(): void {
    const text = this.#text;
    const n = text.length;
    let p = this.#pos;
    while (p < n && ((CLASS[text.charCodeAt(p)] ?? 0) & SPACE) !== 0) {
      if (text.charCodeAt(p) === 0x0a) {
        this.#done = true;
        return;
      }
      p++;
    }
    if (p >= n || this.count >= MAX_TOKENS) {
      this.#done = true;
      return;
    }
    const t = this.count++;
    const c = text.charCodeAt(p);
    const f = CLASS[c] ?? 0;
    this.start[t] = p;
    if (f & (UPPER | LOWER)) {
      let h = hashStep(HASH_SEED, c);
      let e = p + 1;
      while (e < n) {
        const d = text.charCodeAt(e);
        if (((CLASS[d] ?? 0) & (UPPER | LOWER)) === 0) break;
        h = hashStep(h, d);
        e++;
      }
      this.kind[t] = TOK_WORD;
      this.hash[t] = h;
      p = e;
    } else if (f & DIGIT) {
      let e = p + 1;
      let plain = true;
      while (e < n) {
        const d = text.charCodeAt(e);
        if (((CLASS[d] ?? 0) & DIGIT) !== 0) e++;
        else if ((d === 0x2e || d === 0x2c) && ((CLASS[text.charCodeAt(e + 1)] ?? 0) & DIGIT) !== 0) {
          plain = false;
          e += 2;
        } else break;
      }
      this.kind[t] = TOK_NUM;
      this.value[t] = plain && e - p < 10 ? parseDigits(text, p, e) : numberValue(text.slice(p, e));
      p = e;
    } else {
      this.kind[t] = TOK_PUNCT;
      this.hash[t] = c === 0xff05 ? 0x25 : c;
      p++;
    }
    this.end[t] = p;
    this.#pos = p;
  }
}

/** Value of a short run of ASCII digits, without allocating. */
function parseDigits(text: string, from: number, to: number): number {
  let v = 0;
  for (let k = from; k < to; k++) v = v * 10 + (text.charCodeAt(k) - 0x30);
  return v;
}

/**
 * The value of digits with ',' and '.' in them: a ',' before exactly three digits groups thousands
 * ("21,454"), any other is a decimal comma ("10,5"); digits and points that make no number, such as
 * a version ("2.5.1"), are NaN.
 */
export function numberValue(raw: string): number {
  return Number(raw.replace(/,(?=\d{3}(?!\d))/g, '').replace(',', '.'));
}

// ── patterns ──────────────────────────────────────────────────────────────────

/** What a pattern ends in: its claim, and whether it opens with a negative word (no, zero, without …). */
export interface Terminal {
  claim: ClaimId;
  negative: boolean;
  /** The pattern as written, for error messages and tests. */
  source: string;
}

interface WordEdge {
  word: string;
  node: TrieNode;
}

class TrieNode {
  readonly words = new Map<number, WordEdge>();
  /** Exact-number edges (0, 100): a handful, scanned linearly (Map lookups on doubles are slow). */
  readonly numbers: { value: number; node: TrieNode }[] = [];
  anyNumber: TrieNode | null = null;
  readonly punct = new Map<number, TrieNode>();
  terminal: Terminal | null = null;

  word(w: string): TrieNode {
    const h = hashWord(w);
    const edge = this.words.get(h);
    if (edge) {
      if (edge.word !== w) throw new Error(`claim trie: hash collision between "${edge.word}" and "${w}"`);
      return edge.node;
    }
    const node = new TrieNode();
    this.words.set(h, { word: w, node });
    return node;
  }

  number(value: number | null): TrieNode {
    if (value === null) {
      this.anyNumber ??= new TrieNode();
      return this.anyNumber;
    }
    const existing = this.numbers.find((e) => e.value === value);
    if (existing) return existing.node;
    const node = new TrieNode();
    this.numbers.push({ value, node });
    return node;
  }

  punctuation(ch: number): TrieNode {
    const existing = this.punct.get(ch);
    if (existing) return existing;
    const node = new TrieNode();
    this.punct.set(ch, node);
    return node;
  }
}

/** One alternative of a pattern element: the edge it takes. */
type Atom =
  | { kind: 'word'; word: string }
  | { kind: 'number'; value: number | null }
  | { kind: 'percent' }
  | { kind: 'punct'; ch: number };

interface ParsedElement {
  alternatives: readonly Atom[];
  optional: boolean;
}

const NEGATIVE_OPENERS: ReadonlySet<string> = new Set([
  'no',
  'zero',
  'without',
  'not',
  'skipped',
  'skip',
  'skipping',
  'skips',
]);

function parseAtom(body: string, src: string): Atom {
  if (body === '#') return { kind: 'number', value: null };
  if (/^\d+$/.test(body)) return { kind: 'number', value: Number(body) };
  if (body === '%') return { kind: 'percent' };
  if (/^[a-z]+$/.test(body)) return { kind: 'word', word: body };
  if (body.length === 1 && /[-/&+:]/.test(body)) return { kind: 'punct', ch: body.charCodeAt(0) };
  throw new Error(`claim pattern: bad element "${src}"`);
}

function parseElement(src: string): ParsedElement {
  const optional = src.length > 1 && src.endsWith('?');
  const body = optional ? src.slice(0, -1) : src;
  return { alternatives: body.split('|').map((b) => parseAtom(b, src)), optional };
}

/** The child node an alternative leads to from `node` (creating it); '%' also accepts "percent"/"pct". */
function advance(node: TrieNode, atom: Atom): TrieNode[] {
  switch (atom.kind) {
    case 'word':
      return [node.word(atom.word)];
    case 'number':
      return [node.number(atom.value)];
    case 'percent':
      return [node.punctuation(0x25), node.word('percent'), node.word('pct')];
    case 'punct':
      return [node.punctuation(atom.ch)];
  }
}

/**
 * The compiled English patterns: `byWord` holds the sub-tries under each possible first word, keyed
 * by folded hash; `numberRoot` the patterns that open with a number.
 */
export class ClaimTrie {
  readonly #root = new TrieNode();

  constructor(patterns: readonly (readonly [ClaimId, string])[]) {
    for (const [claim, source] of patterns) this.#add(claim, source);
  }

  #add(claim: ClaimId, source: string): void {
    const elements = source.split(' ').map(parseElement);
    const first = elements[0];
    if (
      !first ||
      first.optional ||
      first.alternatives.some((a) => a.kind !== 'word' && a.kind !== 'number')
    ) {
      throw new Error(`claim pattern must open with a required word or number: ${source}`);
    }
    const negative = first.alternatives.some(
      (a) => (a.kind === 'number' && a.value === 0) || (a.kind === 'word' && NEGATIVE_OPENERS.has(a.word)),
    );
    const terminal: Terminal = { claim, negative, source };
    let frontier: TrieNode[] = [this.#root];
    for (const el of elements) {
      const next = frontier.flatMap((node) => el.alternatives.flatMap((a) => advance(node, a)));
      frontier = el.optional ? [...frontier, ...next] : next;
    }
    // The first pattern to claim a node keeps it: earlier lines of the data win ties.
    for (const node of frontier) node.terminal ??= terminal;
  }

  /** Folded hashes of all first words. */
  firstWordHashes(): number[] {
    return [...this.#root.words.keys()];
  }

  /** Whether some pattern opens with the word of this folded hash. */
  hasFirstWord(hash: number): boolean {
    return this.#root.words.has(hash);
  }

  /**
   * The longest pattern match over `tokens` (already reset at the candidate start) that ends at a
   * word boundary, or null. The returned object is reused by the next call: read it before matching
   * again.
   */
  longest(tokens: Tokens): TrieMatch | null {
    const best = this.#best;
    best.terminal = null;
    best.tokens = 0;
    best.value = undefined;
    walk(this.#root, tokens, 0, undefined, best);
    return best.terminal ? best : null;
  }

  readonly #best: TrieMatch = { terminal: null, tokens: 0, value: undefined };
}

export interface TrieMatch {
  terminal: Terminal | null;
  /** Tokens consumed. */
  tokens: number;
  /** The last number the match went through (the claim's value). */
  value: number | undefined;
}

function walk(node: TrieNode, tokens: Tokens, t: number, value: number | undefined, best: TrieMatch): void {
  if (node.terminal && t > best.tokens && tokens.endsAtBoundary(t - 1)) {
    best.terminal = node.terminal;
    best.tokens = t;
    best.value = value;
  }
  if (!tokens.has(t)) return;
  const kind = tokens.kind[t];
  if (kind === TOK_WORD) {
    const edge = node.words.get(tokens.hash[t] ?? 0);
    if (edge && tokens.isWord(t, edge.word)) walk(edge.node, tokens, t + 1, value, best);
  } else if (kind === TOK_NUM) {
    const v = tokens.value[t] ?? 0;
    if (Number.isNaN(v)) return; // no number ("2.5.1")
    for (const e of node.numbers) if (e.value === v) walk(e.node, tokens, t + 1, v, best);
    if (node.anyNumber) walk(node.anyNumber, tokens, t + 1, v, best);
  } else {
    const next = node.punct.get(tokens.hash[t] ?? 0);
    if (next) walk(next, tokens, t + 1, value, best);
  }
}
