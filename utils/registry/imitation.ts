/**
 * Whether a contract no list knows gives itself a listed asset's name or symbol ("Bitcoin" / "BTC"
 * on Solana): the card then says it is not to be taken for that asset. The contract never inherits
 * the name: only CoinGecko's coin *by contract* is the token itself.
 */
import { DEFAULT_NAMES } from '../detect/names';
import type { ContractFacts } from '../sources/contract-facts';
import type { Registry, RegistryAsset } from './types';

/** A listed asset people know: a ranked coin, a curated leading asset, a large company. */
function known(reg: Registry, a: RegistryAsset | undefined): a is RegistryAsset {
  if (!a) return false;
  if (reg.leading.has(a.id)) return true;
  return a.kind === 'crypto' ? a.rank !== undefined : (a.rank ?? Number.POSITIVE_INFINITY) <= 2000;
}

export function withImitation(reg: Registry, facts: ContractFacts): ContractFacts {
  const name = facts.calls?.name?.trim().toLowerCase();
  const symbol = facts.calls?.symbol?.trim().toUpperCase();
  const byName = name
    ? DEFAULT_NAMES.find((n) => n.asset && n.text.toLowerCase() === name)?.asset
    : undefined;
  // CoinGecko lists the contract under its own coin: the token is that coin, whatever it is called.
  if (facts.coingecko) return facts;
  const rank = (a: RegistryAsset) => a.rank ?? Number.POSITIVE_INFINITY;
  const named = byName ? reg.asset(byName) : undefined;
  const like =
    (known(reg, named) ? named : undefined) ??
    [...(symbol ? reg.withSymbol(symbol) : [])]
      .filter((a) => known(reg, a))
      .sort((a, b) => rank(a) - rank(b))[0];
  if (!like) return facts;
  return { ...facts, imitates: { name: like.name, symbol: like.symbol } };
}
