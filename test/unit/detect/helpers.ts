/** Shared helpers for the detector tests. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parse } from 'yaml';
import type { Detector, Match, MatchKind } from '../../../utils/detect';
import { createDetector } from '../../../utils/detect';
import { loadSymbols, sharedFixture } from './fixture-data';

let detector: Detector | undefined;
let builtFor: string | undefined;
/**
 * A detector over the real symbol set (CoinGecko list + SEC tickers) and the built-in dictionary.
 * Built afresh for each test (a third of a millisecond): one shared by every test would be built in
 * whichever test ran first, and mutation testing, which reruns only the tests that reach a change,
 * would then judge a change to the dictionary's indexes by that one test alone.
 */
export function realDetector(): Detector {
  const test = expect.getState().currentTestName;
  if (!detector || test !== builtFor) {
    detector = createDetector({ symbols: loadSymbols() });
    builtFor = test;
  }
  return detector;
}

/** A detector that knows only the given symbols. */
export function detectorWith(symbols: Iterable<string>): Detector {
  return createDetector({ symbols: new Set(symbols) });
}

export function ofKind(matches: readonly Match[], kind: MatchKind): Match[] {
  return matches.filter((m) => m.kind === kind);
}

/** Compact rendering of matches for readable assertions: "ticker:$TAO", "claim:no-vc:no VC". */
export function brief(matches: readonly Match[]): string[] {
  return matches.map((m) => {
    switch (m.kind) {
      case 'claim':
        return `claim:${m.claim}:${m.text}${m.value !== undefined ? `=${m.value}` : ''}`;
      case 'address':
        return `address:${m.chain}:${m.valid ? 'valid' : 'invalid'}:${m.text}`;
      case 'name':
        return `name:${m.nameKey}:${m.text}`;
      default:
        return `${m.kind}:${m.text}`;
    }
  });
}

/** Loads a YAML file of twitter-text's conformance suite (its `tests` object). */
export function loadConformance(file: 'extract.yml' | 'autolink.yml'): Record<string, unknown> {
  const doc: unknown = parse(readFileSync(sharedFixture('twitter-text', file), 'utf8'));
  if (typeof doc !== 'object' || doc === null || !('tests' in doc)) throw new Error(`${file}: no tests`);
  const tests = (doc as { tests: unknown }).tests;
  if (typeof tests !== 'object' || tests === null) throw new Error(`${file}: bad tests`);
  return tests as Record<string, unknown>;
}

/** A small seeded PRNG (mulberry32): the same sequence on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Checks the structural invariants every detect() result must hold; returns the first violation. */
export function invariantViolation(text: string, matches: readonly Match[]): string | null {
  let prevEnd = 0;
  for (const m of matches) {
    if (!Number.isInteger(m.start) || !Number.isInteger(m.end))
      return `non-integer offsets ${JSON.stringify(m)}`;
    if (m.start < 0 || m.end > text.length || m.start >= m.end) return `bad offsets ${JSON.stringify(m)}`;
    if (text.slice(m.start, m.end) !== m.text) return `text mismatch ${JSON.stringify(m)}`;
    if (m.start < prevEnd) return `overlap or disorder at ${m.start}`;
    prevEnd = m.end;
  }
  return null;
}
