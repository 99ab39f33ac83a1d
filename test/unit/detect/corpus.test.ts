/**
 * Labelled corpora (test/fixtures/detect): hand-written EN/ZH crypto sentences, and the real texts
 * of the shared fixtures (X GraphQL posts, CoinGecko recorded names and descriptions) with reviewed
 * labels. Prints precision and recall per kind and every miss and false hit; asserts thresholds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Match, MatchKind } from '../../../utils/detect';
import { nthIndex } from '../../support/nth-index';
import { DETECT_FIXTURES, loadCoinGeckoTexts, loadXPostTexts } from './fixture-data';
import { realDetector } from './helpers';

interface Expected {
  kind: MatchKind;
  text: string;
  nth?: number;
  symbol?: string;
  nameKey?: string;
  claim?: string;
  value?: number;
  chain?: string;
  valid?: boolean;
}

interface LabelledCase {
  id: string;
  text: string;
  source?: string;
  notes?: string[];
  expected: Expected[];
}

function load(file: string): LabelledCase[] {
  const doc = JSON.parse(readFileSync(path.join(DETECT_FIXTURES, file), 'utf8')) as { cases: LabelledCase[] };
  return doc.cases;
}

const KINDS: MatchKind[] = ['ticker', 'name', 'handle', 'address', 'claim'];
const FIELDS = ['symbol', 'nameKey', 'claim', 'value', 'chain', 'valid'] as const;

function sameMatch(e: Expected, start: number, m: Match): boolean {
  if (m.kind !== e.kind || m.start !== start || m.text !== e.text) return false;
  return FIELDS.every((f) => e[f] === undefined || e[f] === m[f]);
}

interface Score {
  tp: Record<MatchKind, number>;
  fn: Record<MatchKind, number>;
  fp: Record<MatchKind, number>;
  misses: string[];
  falseHits: string[];
}

function score(cases: LabelledCase[]): Score {
  const zero = (): Record<MatchKind, number> => ({ ticker: 0, name: 0, handle: 0, address: 0, claim: 0 });
  const s: Score = { tp: zero(), fn: zero(), fp: zero(), misses: [], falseHits: [] };
  for (const c of cases) {
    const found = realDetector().detect(c.text);
    const used = new Set<Match>();
    for (const e of c.expected) {
      const start = nthIndex(c.text, e.text, e.nth ?? 0);
      if (start < 0) throw new Error(`${c.id}: label text not in the text: ${e.text}`);
      const m = found.find((f) => !used.has(f) && sameMatch(e, start, f));
      if (m) {
        used.add(m);
        s.tp[e.kind]++;
      } else {
        s.fn[e.kind]++;
        s.misses.push(
          `${c.id} missed ${e.kind} ${JSON.stringify(e.text)} @${start}${e.claim ? ` (${e.claim})` : ''}`,
        );
      }
    }
    for (const m of found) {
      if (used.has(m)) continue;
      s.fp[m.kind]++;
      const extra = m.nameKey ?? m.claim ?? m.symbol ?? m.chain ?? '';
      s.falseHits.push(`${c.id} false ${m.kind} ${JSON.stringify(m.text)} @${m.start} ${extra}`);
    }
  }
  return s;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

function report(label: string, s: Score): string {
  const lines = [`── ${label}`];
  for (const k of KINDS) {
    const p = ratio(s.tp[k], s.tp[k] + s.fp[k]);
    const r = ratio(s.tp[k], s.tp[k] + s.fn[k]);
    lines.push(
      `  ${k.padEnd(8)} precision ${(p * 100).toFixed(1).padStart(5)}%  recall ${(r * 100).toFixed(1).padStart(5)}%  (tp ${s.tp[k]}, fp ${s.fp[k]}, fn ${s.fn[k]})`,
    );
  }
  for (const m of s.misses) lines.push(`  MISS  ${m}`);
  for (const f of s.falseHits) lines.push(`  FALSE ${f}`);
  return lines.join('\n');
}

describe('hand-labelled crypto sentences (EN, 简体, 繁體)', () => {
  const cases = load('hand-labelled.json');
  const s = score(cases);
  console.log(report(`hand-labelled: ${cases.length} texts`, s));

  it('covers every kind and every claim id', () => {
    const kinds = new Set(cases.flatMap((c) => c.expected.map((e) => e.kind)));
    expect([...kinds].sort()).toEqual([...KINDS].sort());
    const claims = new Set(cases.flatMap((c) => c.expected.map((e) => e.claim).filter(Boolean)));
    expect(claims.size).toBe(10);
  });

  for (const k of KINDS) {
    it(`${k}: 100% precision and recall`, () => {
      expect(s.misses.filter((m) => m.includes(` ${k} `))).toEqual([]);
      expect(s.falseHits.filter((m) => m.includes(` ${k} `))).toEqual([]);
    });
  }
});

describe('real texts from the shared fixtures (X posts, CoinGecko names and descriptions)', () => {
  const cases = load('real-texts.json');
  const s = score(cases);
  console.log(report(`real texts: ${cases.length} texts`, s));

  it('labels every real text of the fixtures, verbatim', () => {
    const texts = new Set(cases.map((c) => c.text));
    for (const t of loadXPostTexts()) expect(texts.has(t), t.slice(0, 60)).toBe(true);
    for (const t of loadCoinGeckoTexts()) expect(texts.has(t.text), t.text.slice(0, 60)).toBe(true);
  });

  it('recall 100% for every kind', () => {
    expect(s.misses).toEqual([]);
  });

  it('precision: only the reviewed, documented false hits (names inside other names, Nikola Tesla)', () => {
    for (const k of ['ticker', 'handle', 'address', 'claim'] as const) expect(s.fp[k], k).toBe(0);
    expect(ratio(s.tp.name, s.tp.name + s.fp.name)).toBeGreaterThanOrEqual(0.9);
    // every false hit is a case whose notes explain it
    const noted = new Set(cases.filter((c) => (c.notes ?? []).length > 0).map((c) => c.id));
    for (const f of s.falseHits) expect(noted.has(f.split(' ')[0] ?? ''), f).toBe(true);
  });
});
