/**
 * The card of a contract address or Solana mint no list knows: priced by contract (the data
 * service's contractFacts), and checked against the registry (utils/registry/imitation.ts) so that a
 * token giving itself a listed asset's name is said not to be that asset. An address whose EIP-55
 * checksum fails is never priced: it is a typo or a tampered address.
 */
import { isValidEip55 } from '@/utils/detect/addresses';
import { withImitation } from '@/utils/registry/imitation';
import type { ContractFacts } from '@/utils/sources/contract-facts';
import { currentRegistry, dataService } from './runtime';

export async function contractFactsFor(
  chain: 'evm' | 'solana',
  address: string,
): Promise<ContractFacts | null> {
  if (chain === 'evm' && !isValidEip55(address, 0)) return null;
  const facts = await (await dataService()).contractFacts(chain, address);
  return facts ? withImitation(await currentRegistry(), facts) : null;
}
