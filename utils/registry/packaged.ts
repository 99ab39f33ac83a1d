/**
 * The bundled registry, as the extension loads it: a file in the package, fetched and parsed the
 * first time the worker resolves something. Keeping 1.7 MB of data out of the worker's script
 * means a woken worker that only serves a card (most wakes) never parses it.
 */
import { browser } from 'wxt/browser';
import { loadRegistry } from './load';
import { PACKAGED_REGISTRY_PATH } from './packaged-path';
import type { Registry, RegistryData } from './types';

let loading: Promise<Registry> | undefined;

export function packagedRegistry(): Promise<Registry> {
  loading ??= (async () => {
    const url = (browser.runtime.getURL as (p: string) => string)(PACKAGED_REGISTRY_PATH);
    const res = await fetch(url);
    // Our own build output, validated by the build (npm run registry) and typed by tsc: no zod here,
    // it would cost ~10 ms on every worker start. Refreshed copies go through parseRegistryData.
    const data = (await res.json()) as RegistryData;
    return loadRegistry(data);
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
