/**
 * What a pin may say, checked where it is stored: a content script sends it (the card's "always use
 * this"), and a page's compromised script could otherwise pin any symbol to anything, or fill the
 * database with pins. A pin names one of the assets its key could read as, and there are at most
 * MAX_PINS of them.
 */
import type { Registry } from '@/utils/registry';
import { candidatesFor } from '@/utils/registry/resolve';
import { currentRegistry, database } from './runtime';

/** Far more than a reader pins by hand; bounds the table (a pin is about 100 bytes). */
export const MAX_PINS = 2000;

/** The assets a pin key could read as: the symbol's candidates, the handle's, the address's. */
export function pinTargets(reg: Registry, key: string): Set<string> {
  if (key.startsWith('@')) {
    const asset = reg.byHandle.get(key.slice(1));
    return new Set(asset ? [asset] : []);
  }
  const byAddress = reg.byAddress.get(key) ?? reg.byAddress.get(key.toLowerCase());
  if (byAddress) return new Set(byAddress.map((a) => a.id));
  return new Set(candidatesFor(reg, key.toUpperCase()).map((a) => a.id));
}

/** Throws, with the reason, a pin that names no candidate of its key or would pass MAX_PINS. */
export async function checkPin(key: string, asset: string): Promise<void> {
  const targets = pinTargets(await currentRegistry(), key);
  if (key.startsWith('@') && !targets.has(asset)) {
    // A handle learnt from the data sources (not in the bundled registry) is a target too.
    const learnt = await database().assetsByHandles([key.slice(1)]);
    if (learnt.get(key.slice(1)) === asset) return checkCount(key);
  }
  if (!targets.has(asset)) throw new Error(`${asset} is not one of the assets ${key} can read as`);
  await checkCount(key);
}

async function checkCount(key: string): Promise<void> {
  const pins = await database().pins();
  if (pins.length >= MAX_PINS && !pins.some((p) => p.key === key))
    throw new Error(`At most ${MAX_PINS} pins are kept: remove one first`);
}
