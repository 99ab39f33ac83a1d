/**
 * A cheap request per data source that tells whether its base URL (from the settings) answers with
 * JSON of the expected kind: the options page's "check" button and the browser tests use it.
 */
import { z } from 'zod';
import type { Settings, SourceId } from '../settings';
import { coingeckoHeaders, pingSchema, pingUrl } from './coingecko';

export interface SourceCheckRequest {
  url: string;
  headers: Record<string, string>;
  schema: z.ZodType;
  describe: (data: unknown) => string;
}

const anyJson = z.unknown();

export function sourceCheckRequest(settings: Settings, source: SourceId): SourceCheckRequest {
  const base = settings.sources[source].baseUrl;
  switch (source) {
    case 'coingecko':
      return {
        url: pingUrl(base),
        headers: coingeckoHeaders(base, settings.sources.coingecko.apiKey),
        schema: pingSchema,
        describe: (d) => (d as z.infer<typeof pingSchema>).gecko_says,
      };
    case 'llamaCoins':
      return {
        url: `${base}/prices/current/coingecko:bitcoin`,
        headers: {},
        schema: z.object({ coins: z.record(z.string(), z.unknown()) }),
        describe: () => 'prices answer',
      };
    case 'llamaApi':
      return {
        url: `${base}/v2/chains`,
        headers: {},
        schema: z.array(z.unknown()),
        describe: () => 'chains answer',
      };
    case 'llamaDatasets':
      return {
        url: `${base}/emissionsProtocolsList`,
        headers: {},
        schema: z.array(z.unknown()),
        describe: () => 'emissions list answer',
      };
    case 'goplus':
      return {
        url: `${base}/api/v1/supported_chains`,
        headers: {},
        schema: anyJson,
        describe: () => 'answer',
      };
    case 'stocks':
      return {
        url: `${base}/v8/finance/chart/SPY?range=1d&interval=1d`,
        headers: {},
        schema: z.object({ chart: z.unknown() }),
        describe: () => 'chart answer',
      };
  }
}
