/**
 * The asset registry (background worker): load the bundled or refreshed data once, then resolve
 * detected matches to asset ids. The detector runs beside it in the worker: the content script
 * imports neither.
 */
export { explorerUrl } from './addresses';
export { bundledRegistry } from './bundled';
export { loadRegistry, normalizeTicker } from './load';
export { DECISIVE, resolve } from './resolve';
export { parseRegistryData } from './schema';
export type {
  Registry,
  RegistryAsset,
  RegistryData,
  Resolution,
  ResolveContext,
  UnknownAddress,
} from './types';
