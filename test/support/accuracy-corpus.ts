/**
 * Scoring of the accuracy corpus (test/fixtures/accuracy/corpus.json, issue 28), shared by the unit
 * test that holds the goals and by `npm run bench -- --only accuracy`. Detection runs as in the
 * worker: the shipped symbol sets, curated and built names, bare-stock list, and the bundled
 * registry's names for bracketed symbols; each match is resolved in its passage.
 *
 *   found    expected tickers, names, handles and addresses detected (kind, text, position);
 *   resolved expected assets that the detection resolved to (an invalid checksum must be reported
 *            invalid and resolve to nothing);
 *   claims   expected launch claims detected with their id (the hand-written set: the real
 *            fixtures hold no launch claims);
 *   false    detections no label asks for.
 */
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { createDetector, type Detector, type Match } from '../../utils/detect';
import { bundledRegistry } from '../../utils/registry/bundled';
import { detectorDataWith } from '../../utils/registry/detect-data';
import { resolve } from '../../utils/registry/resolve';
import { nthIndex } from './nth-index';
import { REPO_ROOT } from './paths';

export interface Label {
  kind: Match['kind'];
  text: string;
  nth?: number;
  asset?: string;
  claim?: string;
  invalid?: 'checksum';
}

export interface Passage {
  id: string;
  source: string;
  lang: string;
  text: string;
  find: Label[];
  mustNotFind?: string[];
}

export interface AccuracyScore {
  passages: number;
  langs: Record<string, number>;
  found: [hit: number, of: number];
  resolved: [hit: number, of: number];
  claims: [hit: number, of: number];
  falseHits: string[];
  misses: string[];
  wrong: string[];
  trapped: string[];
}

export function loadCorpus(): Passage[] {
  const file = resolvePath(REPO_ROOT, 'test/fixtures/accuracy/corpus.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { passages: Passage[] }).passages;
}

/** The hand-written set of the detector's tests, as passages (claims only carry ground truth there). */
export function loadHandClaims(): Passage[] {
  const file = resolvePath(REPO_ROOT, 'test/fixtures/detect/hand-labelled.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    cases: Array<{ id: string; text: string; expected: Label[] }>;
  };
  return doc.cases.map((c) => ({
    id: c.id,
    source: 'hand-labelled',
    lang: '',
    text: c.text,
    find: c.expected,
  }));
}

let detector: Detector | undefined;
function workerDetector(): Detector {
  detector ??= createDetector(detectorDataWith(bundledRegistry));
  return detector;
}

export function scoreCorpus(passages: readonly Passage[]): AccuracyScore {
  const reg = bundledRegistry();
  const s: AccuracyScore = {
    passages: passages.length,
    langs: {},
    found: [0, 0],
    resolved: [0, 0],
    claims: [0, 0],
    falseHits: [],
    misses: [],
    wrong: [],
    trapped: [],
  };
  for (const p of passages) {
    s.langs[p.lang] = (s.langs[p.lang] ?? 0) + 1;
    const found = workerDetector().detect(p.text);
    const used = new Set<Match>();
    for (const l of p.find) {
      const start = nthIndex(p.text, l.text, l.nth ?? 0);
      if (start < 0) throw new Error(`${p.id}: label not in the text: ${l.text}`);
      const m = found.find(
        (f) =>
          !used.has(f) &&
          f.kind === l.kind &&
          f.start === start &&
          f.text === l.text &&
          (l.claim === undefined || f.claim === l.claim),
      );
      if (m) used.add(m);
      const where = `${p.id} ${l.kind} ${JSON.stringify(l.text)}`;
      if (l.kind === 'claim') {
        s.claims[1]++;
        if (m) s.claims[0]++;
        else s.misses.push(`${where} (${l.claim})`);
        continue;
      }
      s.found[1]++;
      if (m) s.found[0]++;
      else s.misses.push(where);
      if (l.asset === undefined && l.invalid === undefined) continue;
      s.resolved[1]++;
      if (!m) continue;
      const r = resolve(reg, m, { text: p.text, matches: found });
      const ok = l.invalid ? m.valid === false && r.asset === undefined : r.asset === l.asset;
      if (ok) s.resolved[0]++;
      else
        s.wrong.push(
          `${where} → ${r.asset ?? JSON.stringify(r.candidates ?? [])}, want ${l.asset ?? 'invalid'} (${r.reason})`,
        );
    }
    for (const m of found) {
      if (used.has(m)) continue;
      s.falseHits.push(`${p.id} ${m.kind} ${JSON.stringify(m.text)} @${m.start}`);
      if (p.mustNotFind?.includes(m.text)) s.trapped.push(`${p.id} ${JSON.stringify(m.text)}`);
    }
  }
  return s;
}

export const pct = ([a, b]: readonly [number, number]): number => (b === 0 ? 1 : a / b);
