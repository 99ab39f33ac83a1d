/**
 * The registry bundled with the extension (built by `npm run registry`): the first-run default and
 * the offline fallback. Background worker only: the file is ~1.7 MB.
 */
import data from './data/registry.json';
import { loadRegistry } from './load';
import type { Registry, RegistryData } from './types';

/** Type-checked against RegistryData by tsc; validated by the zod schema when the build wrote it. */
const bundled: RegistryData = data;
let cached: Registry | undefined;

export function bundledRegistry(): Registry {
  cached ??= loadRegistry(bundled);
  return cached;
}
