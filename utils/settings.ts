/**
 * User settings (automation contract §6): stored in `browser.storage.local` under
 * `tickerlens:settings`, validated with zod, migrated by version. A stored object with missing or
 * invalid fields is completed from the defaults field by field, never rejected whole.
 */
import { z } from 'zod';
import { isWebOrigin } from './origins';
import { SOURCE_IDS, type SourceId } from './source-ids';

export const SETTINGS_KEY = 'tickerlens:settings';
/** 2: `markKinds` (which kinds of detection are marked on pages). */
export const SETTINGS_VERSION = 2;

export { SOURCE_IDS, type SourceId };

export const DEFAULT_BASE_URLS: Record<SourceId, string> = {
  coingecko: 'https://api.coingecko.com/api/v3',
  llamaCoins: 'https://coins.llama.fi',
  llamaApi: 'https://api.llama.fi',
  llamaDatasets: 'https://defillama-datasets.llama.fi',
  goplus: 'https://api.gopluslabs.io',
  stocks: 'https://query1.finance.yahoo.com',
};

/** An http(s) URL without a trailing slash, so paths can be appended with `/`. */
const baseUrl = (fallback: string) =>
  z
    .string()
    .trim()
    .refine((s) => {
      try {
        const u = new URL(s);
        return u.protocol === 'https:' || u.protocol === 'http:';
      } catch {
        return false;
      }
    })
    .transform((s) => s.replace(/\/+$/, ''))
    .catch(fallback);

/** Anything that is not a plain object reads as `{}`, so its fields fall back to their defaults. */
const asObject = (v: unknown): unknown => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const objectOrDefaults = <T extends z.ZodRawShape>(shape: T) => z.preprocess(asObject, z.object(shape));

const sourceSchema = (id: SourceId) =>
  objectOrDefaults({ baseUrl: baseUrl(DEFAULT_BASE_URLS[id]).default(DEFAULT_BASE_URLS[id]) });

/** The kinds of detection a reader can choose to have marked on pages (the scan's `kind`s). */
export const MARK_KINDS = ['ticker', 'name', 'handle', 'address', 'claim'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

const markedByDefault = () => z.boolean().catch(true).default(true);

export const settingsSchema = objectOrDefaults({
  version: z.literal(SETTINGS_VERSION).catch(SETTINGS_VERSION),
  sources: objectOrDefaults({
    coingecko: objectOrDefaults({
      baseUrl: baseUrl(DEFAULT_BASE_URLS.coingecko).default(DEFAULT_BASE_URLS.coingecko),
      /** A demo or pro key, sent in the header CoinGecko documents for its tier. */
      apiKey: z.string().trim().max(200).catch('').default(''),
    }),
    llamaCoins: sourceSchema('llamaCoins'),
    llamaApi: sourceSchema('llamaApi'),
    llamaDatasets: sourceSchema('llamaDatasets'),
    goplus: sourceSchema('goplus'),
    stocks: objectOrDefaults({
      baseUrl: baseUrl(DEFAULT_BASE_URLS.stocks).default(DEFAULT_BASE_URLS.stocks),
      /**
       * Stocks' market caps need Yahoo's session cookie: on, the crumb and quote requests go with
       * the browser's Yahoo cookies (a Yahoo login included) and Yahoo may set cookies. Off (the
       * default), stocks are priced from the chart endpoint with no cookie, without market caps.
       */
      yahooCookies: z.boolean().catch(false).default(false),
    }),
  }),
  /** Origins (e.g. `https://www.coindesk.com`) where the user enabled Tickerlens besides X. */
  enabledSites: z
    .array(z.string())
    .catch([])
    .default([])
    .transform((a) => [...new Set(a.filter(isWebOrigin))]),
  /** Mark detections on pages; off leaves only the popup summary. */
  marks: z.boolean().catch(true).default(true),
  /** Which kinds are marked while `marks` is on; a kind switched off is still detected and scanned. */
  markKinds: objectOrDefaults({
    ticker: markedByDefault(),
    name: markedByDefault(),
    handle: markedByDefault(),
    address: markedByDefault(),
    claim: markedByDefault(),
  }),
});

export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/**
 * Brings any stored value, of any earlier version, to the current shape. Unknown input (not an
 * object) gives the defaults. Each future version adds one step here, with a test on a fixture of
 * the old shape.
 */
export function migrateSettings(stored: unknown): Settings {
  // Version 0 (never released) is the unversioned shape: same fields, no `version`.
  // Version 1 had no `markKinds`: every kind was marked, which its defaults keep.
  return settingsSchema.parse(stored);
}

/** The effective base URL of a source, without a trailing slash. */
export function sourceBaseUrl(settings: Settings, id: SourceId): string {
  return settings.sources[id].baseUrl;
}
