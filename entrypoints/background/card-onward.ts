/**
 * What a card offers beyond figures: the token's contracts (the chain it was issued on first), its
 * DefiLlama pages, a stock's exchange, and GoPlus's warnings about the token's home contract. Read
 * from the registry and IndexedDB; GoPlus is asked only when the card waits for its refresh, within
 * GoPlus's budget and its 6-hour cache.
 */
import type { BackgroundReply } from '@/utils/messages';
import type { Registry } from '@/utils/registry';
import { chainName } from '@/utils/registry/chains';
import { goplusChainId } from '@/utils/sources/goplus';
import { tokenFlags } from '@/utils/sources/token-flags';
import { currentRegistry, database, dataService } from './runtime';

type Onward = NonNullable<BackgroundReply<'tickerlens:card'>['onward']>;

/** Platforms in the order a reader wants them: where the token was issued, then by the registry. */
export function orderedContracts(
  platforms: Readonly<Record<string, string>>,
  home: string | undefined,
): Onward['contracts'] {
  const entries = Object.entries(platforms).filter(([p, a]) => p && a);
  // Without CoinGecko's word on the home chain, Ethereum's contract is the likeliest original.
  const first = home && platforms[home] ? home : platforms.ethereum ? 'ethereum' : entries[0]?.[0];
  entries.sort(([a], [b]) => Number(b === first) - Number(a === first));
  return entries.slice(0, 60).map(([platform, address]) => ({
    platform,
    chain: chainName(platform) ?? platform,
    address,
  }));
}

/**
 * The card's way onward, from what is stored. `askSecurity` is set when GoPlus has not been asked
 * about the token's contract yet (or its answer went stale): the card's refresh asks it.
 */
export async function onwardFor(
  asset: string,
  reg?: Registry,
): Promise<{ onward: Onward; askSecurity?: () => Promise<unknown> }> {
  const registry = reg ?? (await currentRegistry());
  const db = database();
  if (asset.startsWith('stock:')) {
    const exchange = registry.asset(asset)?.exchange;
    return { onward: { contracts: [], ...(exchange ? { exchange } : {}) } };
  }
  if (!asset.startsWith('cg:')) return { onward: { contracts: [] } };
  const cgId = asset.slice(3);
  const [details, unlocks, revenue] = await Promise.all([
    db.getRegistry(asset),
    db.getUnlocks(cgId),
    db.getRevenue(cgId),
  ]);
  const platforms = { ...(registry.asset(asset)?.platforms ?? {}), ...(details?.platforms ?? {}) };
  const contracts = orderedContracts(platforms, details?.homePlatform);
  const onward: Onward = {
    contracts,
    ...(revenue?.slug ? { llamaProtocol: revenue.slug } : {}),
    ...(unlocks?.slug ? { llamaUnlocks: unlocks.slug } : {}),
  };
  // GoPlus reads EVM contracts: the first one it covers, the home chain's when it is one.
  const covered = contracts.find((c) => goplusChainId(c.platform));
  if (!covered) return { onward };
  const key = `${goplusChainId(covered.platform)}:${covered.address.toLowerCase()}`;
  const stored = await db.getSecurity(key);
  if (stored?.data)
    onward.token = { chain: covered.chain, flags: tokenFlags(stored.data), fetchedAt: stored.fetchedAt };
  if (stored && !stored.stale) return { onward };
  return {
    onward,
    askSecurity: async () => (await dataService()).tokenSecurity(covered.platform, covered.address),
  };
}
