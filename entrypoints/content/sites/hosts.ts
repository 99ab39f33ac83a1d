/**
 * The hosts the content script runs on by default (the manifest's matches), apart from the adapters
 * themselves: the popup asks this without carrying any adapter's code.
 */
import { X_MATCHES_HOST } from '../x-selectors';

const BUILT_IN_HOSTS: readonly RegExp[] = [X_MATCHES_HOST];

/** Whether the content script runs on a host with nothing for the reader to enable. */
export function runsByDefault(host: string): boolean {
  return BUILT_IN_HOSTS.some((re) => re.test(host));
}
