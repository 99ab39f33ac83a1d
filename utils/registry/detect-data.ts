/**
 * What the content script's detector carries: the symbol set built by `npm run registry`. The full
 * registry stays in the background.
 */
import type { DetectorData } from '../detect/types';
import data from './data/detect-symbols.json';

let cached: DetectorData | undefined;

export function detectorData(): DetectorData {
  cached ??= { symbols: new Set(data.symbols) };
  return cached;
}
