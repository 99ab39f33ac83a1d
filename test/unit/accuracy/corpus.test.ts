/**
 * Issue 28's proof: the labelled corpus of real passages (test/fixtures/accuracy/corpus.json) through
 * the worker's detector and resolver must reach the goals: ≥ 95% of expected items found, ≥ 95%
 * resolved to the right asset, ≥ 90% of claims (hand-written set: the fixtures hold no real launch
 * claims), and no false hit. Prints every miss, wrong answer and false hit; `npm run bench -- --only
 * accuracy` prints the same figures.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadHandClaims, pct, scoreCorpus } from '../../support/accuracy-corpus';

const passages = loadCorpus();
const real = scoreCorpus(passages);
const hand = scoreCorpus(loadHandClaims());

describe('accuracy corpus (real passages from the shared fixtures)', () => {
  it('is at least 300 real passages in English, Chinese and other languages, each with its source', () => {
    console.log(
      `accuracy: ${real.passages} passages ${JSON.stringify(real.langs)}; found ${real.found.join('/')}, resolved ${real.resolved.join('/')}, claims ${hand.claims.join('/')} (hand-written), false hits ${real.falseHits.length}\n` +
        [
          ...real.misses.map((m) => `  miss ${m}`),
          ...real.wrong.map((m) => `  wrong ${m}`),
          ...real.falseHits.map((m) => `  false ${m}`),
        ].join('\n'),
    );
    expect(passages.length).toBeGreaterThanOrEqual(300);
    expect(real.langs.en ?? 0).toBeGreaterThan(0);
    expect(real.langs.zh ?? 0).toBeGreaterThan(0);
    expect(Object.keys(real.langs).length).toBeGreaterThanOrEqual(3);
    for (const p of passages) expect(p.source, p.id).toMatch(/\S/);
    expect(new Set(passages.map((p) => p.id)).size).toBe(passages.length);
  });

  it('finds at least 95% of what must be found', () => {
    expect(pct(real.found)).toBeGreaterThanOrEqual(0.95);
  });

  it('resolves at least 95% to the right asset', () => {
    expect(pct(real.resolved)).toBeGreaterThanOrEqual(0.95);
  });

  it('finds at least 90% of the launch claims', () => {
    expect(hand.claims[1]).toBeGreaterThanOrEqual(50);
    expect(pct(hand.claims)).toBeGreaterThanOrEqual(0.9);
  });

  it('finds nothing that must not be found', () => {
    expect(real.trapped).toEqual([]);
    expect(real.falseHits).toEqual([]);
  });
});
