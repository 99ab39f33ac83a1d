/**
 * The worker's part in keeping content scripts out of what is not theirs (docs/THREAT-MODEL.md):
 * `storage.local`, which holds the settings and the CoinGecko key, is closed to them where the
 * browser can (Chromium: `setAccessLevel`), and hosts a request may go to are the granted ones.
 */
import { browser } from 'wxt/browser';
import type { HostGranted } from '@/utils/sources/base-urls';

type AccessLevelArea = { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };

/**
 * Only the extension's own pages and this worker may read or write `storage.local`. Chromium keeps
 * the level across restarts; it is set again at every start, which costs nothing. Firefox has no
 * such level for `storage.local` (only `storage.session`, Mozilla bug 1724754): there the base URL
 * and key rules (utils/sources/base-urls.ts) are what stand.
 */
export async function closeStorageToContentScripts(): Promise<boolean> {
  const local = browser.storage.local as unknown as AccessLevelArea;
  if (typeof local.setAccessLevel !== 'function') return false;
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch {
    return false;
  }
}

const grantedCache = new Map<string, Promise<boolean>>();

/** Whether the user (or the manifest) granted an origin, cached until permissions change. */
export const hostGranted: HostGranted = (origin) => {
  let known = grantedCache.get(origin);
  if (!known) {
    known = browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false);
    grantedCache.set(origin, known);
  }
  return known;
};

/** Permissions were granted or removed: ask the browser again. */
export function forgetGrantedHosts(): void {
  grantedCache.clear();
}
