/**
 * `npm run bench -- --only accuracy`: the labelled corpus of real passages (issue 28) through the
 * worker's detector and resolver: found, resolved, claims and false hits against their goals, with
 * every miss, wrong answer and false hit listed.
 */
import { loadCorpus, loadHandClaims, pct, scoreCorpus } from '../test/support/accuracy-corpus';
import type { BenchSection } from './report';

export default async function run(): Promise<BenchSection> {
  const real = scoreCorpus(loadCorpus());
  const hand = scoreCorpus(loadHandClaims());
  const langs = Object.entries(real.langs)
    .map(([l, n]) => `${l} ${n}`)
    .join(', ');
  return {
    title: `Accuracy: ${real.passages} real passages (${langs}); claims from ${hand.passages} hand-written texts`,
    figures: [
      {
        name: 'found',
        value: Number((pct(real.found) * 100).toFixed(1)),
        unit: `% (${real.found[0]}/${real.found[1]})`,
        goal: '≥ 95%',
        pass: pct(real.found) >= 0.95,
      },
      {
        name: 'resolved',
        value: Number((pct(real.resolved) * 100).toFixed(1)),
        unit: `% (${real.resolved[0]}/${real.resolved[1]})`,
        goal: '≥ 95%',
        pass: pct(real.resolved) >= 0.95,
      },
      {
        name: 'claims',
        value: Number((pct(hand.claims) * 100).toFixed(1)),
        unit: `% (${hand.claims[0]}/${hand.claims[1]}, hand-written)`,
        goal: '≥ 90%',
        pass: pct(hand.claims) >= 0.9,
      },
      {
        name: 'false hits',
        value: real.falseHits.length,
        unit: 'detections',
        goal: '0',
        pass: real.falseHits.length === 0,
      },
    ],
    notes: [
      ...real.misses.map((m) => `miss ${m}`),
      ...real.wrong.map((m) => `wrong ${m}`),
      ...real.falseHits.map((m) => `false ${m}`),
      ...hand.misses.filter((m) => m.includes(' claim ')).map((m) => `claim miss ${m}`),
    ],
  };
}
