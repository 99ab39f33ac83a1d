/** The site adapters, most specific first; the generic page serves any host no other claims. */
import { genericSite } from './generic';
import type { SiteAdapter } from './site';
import { xSite } from './x';

const SITES: readonly SiteAdapter[] = [xSite];

export function siteFor(host: string): SiteAdapter {
  return SITES.find((site) => site.matchesHost(host)) ?? genericSite;
}
