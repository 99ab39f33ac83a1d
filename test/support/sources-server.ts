/**
 * The local API server for the data-service tests and the bench: every source mounted under its own
 * prefix, answering with real recordings (CoinGecko, Yahoo, GoPlus capture) and the documented-shape
 * and hand-made real-shape DefiLlama fixtures of `test/fixtures/sources/` (see its README), plus
 * switchable fault modes per source.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { pythonLiteral } from '../../scripts/lib/fixture-formats';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import type { SourceId } from '../../utils/source-ids';
import { ApiServer, loadCoingeckoRecordings } from './api-server';
import { sharedFixture } from './paths';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/sources');
export const fixtureText = (...parts: string[]) => readFileSync(join(FIXTURES, ...parts), 'utf8');
export const fixtureJson = (...parts: string[]): unknown => JSON.parse(fixtureText(...parts));

export const PREFIX: Record<SourceId, string> = {
  coingecko: '/coingecko/api/v3',
  llamaCoins: '/llamacoins',
  llamaApi: '/llamaapi',
  llamaDatasets: '/llamadatasets',
  goplus: '/goplus',
  stocks: '/yahoo',
};

export type Fault =
  | 'rate-limit'
  | 'server-error'
  | 'timeout'
  | 'malformed'
  | 'wrong-shape'
  | 'huge'
  | 'trickle';
export const FAULTS: readonly Fault[] = [
  'rate-limit',
  'server-error',
  'timeout',
  'malformed',
  'wrong-shape',
  'huge',
  'trickle',
];

export { pythonLiteral };

/** Real CoinGecko `/coins/markets` rows (top 250, 2025-02-09). */
export function top250(): Array<{ id: string } & Record<string, unknown>> {
  return JSON.parse(
    readFileSync(sharedFixture('coingecko/coins_markets_usd_2025-02-09_top250.json'), 'utf8'),
  );
}

/** Yahoo recordings are wrapped: the answer is at `response.bodyJson`. */
export function yahooBody(file: string): unknown {
  const w = JSON.parse(readFileSync(sharedFixture('stocks/yahoo', file), 'utf8'));
  return w.response.bodyJson;
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): true {
  res
    .writeHead(status, { 'content-type': 'application/json', ...headers })
    .end(typeof body === 'string' ? body : JSON.stringify(body));
  return true;
}

/** How the v7 quote answers: normally, with a broken body, or 401 once (a crumb that expired). */
export type QuoteMode = 'ok' | 'malformed' | 'expire-once';

export interface SourcesServer {
  api: ApiServer;
  settings: Settings;
  /** Sets (or clears with null) the fault of one source. */
  fault(source: SourceId, fault: Fault | null): void;
  /** Serves the emissions document with `body` as an object or as a JSON string. */
  emissionForm(form: 'object' | 'string'): void;
  /**
   * Which document answers `/companies/public_treasury/ethereum`: a recorded ether list
   * (pangz-lab/coingecko_client), or CoinGecko.Net's recording at that path, which holds bitcoin's
   * list (what the treasury sanity check must refuse).
   */
  ethereumTreasury(which: 'ether' | 'bitcoin-recorded-as-ether'): void;
  /**
   * Serves the hand-made fee charts moved in time so their last day is `day` (ms, 00:00 UTC), or as
   * written (null): for tests on the real clock, where "the last 30 days" are today's.
   */
  feeChartsEndOn(day: number | null): void;
  /** Whether Yahoo's crumb endpoint gives a crumb (true) or refuses it with 401, as without a cookie. */
  crumb(given: boolean): void;
  quote(mode: QuoteMode): void;
  /** Requests a source received (after the prefix), in order. */
  requests(source: SourceId): string[];
  clearLog(): void;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Delay before each normal answer (ms): the bench's network latency. */
  latencyMs?: number;
  retryAfterSeconds?: number;
}

export async function startSourcesServer(opts: ServerOptions = {}): Promise<SourcesServer> {
  const faults = new Map<SourceId, Fault>();
  const rows = top250();
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const bitcoinTreasury = pythonLiteral(sharedFixture('coingecko/pycgapi/companies_mock.py'));
  const yahoo = new Map<string, unknown>();
  for (const f of readdirSync(sharedFixture('stocks/yahoo'))) {
    // Daily-interval chart recordings only; the hand-edited `*.fake.json` stays out.
    if (f.startsWith('chart-') && !f.endsWith('.fake.json')) {
      const body = yahooBody(f) as {
        chart: { result: Array<{ meta: { symbol: string; dataGranularity?: string } }> };
      };
      const meta = body.chart.result[0]?.meta;
      if (meta && meta.dataGranularity === '1d' && !yahoo.has(meta.symbol)) yahoo.set(meta.symbol, body);
    }
  }
  // The recorded v7 quote answers, by symbol, and the crumb their request carried.
  const yahooQuotes = new Map<string, unknown>();
  let recordedCrumb = '';
  for (const f of readdirSync(sharedFixture('stocks/yahoo'))) {
    if (!f.startsWith('quote-')) continue;
    const w = JSON.parse(readFileSync(sharedFixture('stocks/yahoo', f), 'utf8')) as {
      request: { url: string };
      response: { bodyJson: { quoteResponse: { result: Array<{ symbol: string }> } } };
    };
    recordedCrumb = new URL(w.request.url).searchParams.get('crumb') ?? recordedCrumb;
    for (const row of w.response.bodyJson.quoteResponse.result) yahooQuotes.set(row.symbol, row);
  }
  let crumbGiven = true;
  let quoteMode: QuoteMode = 'ok';
  const emissionObject = fixtureText('defillama', 'emission-hyperliquid.object.json');
  const emissionString = fixtureText('defillama', 'emission-hyperliquid.string.json');
  // Hand-made schedules and fee charts in DefiLlama's real shape, by slug.
  const handmadeEmissions: Record<string, string> = {
    arbitrum: fixtureText('defillama', 'handmade', 'emission-arbitrum.generated.json'),
    eigenlayer: fixtureText('defillama', 'handmade', 'emission-eigenlayer.generated.json'),
  };
  const fees = fixtureJson('defillama', 'summary-fees-hyperliquid.json');
  const handmadeFees: Record<string, { revenue: unknown; holders: unknown }> = {
    arbitrum: {
      revenue: fixtureJson('defillama', 'handmade', 'summary-fees-arbitrum.generated.json'),
      holders: fixtureJson('defillama', 'handmade', 'summary-fees-arbitrum.generated.json'),
    },
    // No holders' revenue listed for it: DefiLlama answers 404 for that data type.
    eigenlayer: {
      revenue: fixtureJson('defillama', 'handmade', 'summary-fees-eigenlayer.generated.json'),
      holders: undefined,
    },
  };
  /** When set, the hand-made fee charts are served moved in time to end on this day (ms, 00:00 UTC). */
  let feesEndingOn: number | null = null;
  const etherTreasury = fixtureJson('coingecko', 'companies_public_treasury_ethereum.json');
  let ethereumTreasury: 'ether' | 'bitcoin-recorded-as-ether' = 'ether';
  const protocols = fixtureJson('defillama', 'protocols.json');
  const llamaPrices = fixtureJson('defillama', 'prices-current.json') as { coins: Record<string, unknown> };
  const goplus = fixtureJson('goplus', 'token_security_1_weth.json');
  const recordedAssetDetails = loadCoingeckoRecordings().find((r) => r.path === '/api/v3/coins/ethereum');
  const recordedMarketChart = loadCoingeckoRecordings().find(
    (r) => r.path === '/api/v3/coins/ethereum/market_chart/range',
  );
  const latency = opts.latencyMs ?? 0;
  let coinsCache: unknown[] | undefined;
  const coinsWithPlatforms = (): unknown[] => {
    if (coinsCache) return coinsCache;
    const list = JSON.parse(readFileSync(sharedFixture('coingecko/coins_list_2026.json'), 'utf8')) as Array<{
      id: string;
    }>;
    const recorded = loadCoingeckoRecordings().find((r) => r.path === '/api/v3/coins/list');
    const withPlatforms = new Map(
      (recorded ? (JSON.parse(recorded.body) as Array<{ id: string; platforms: unknown }>) : []).map((c) => [
        c.id,
        c.platforms,
      ]),
    );
    coinsCache = list.map((c) => ({ ...c, platforms: withPlatforms.get(c.id) ?? {} }));
    return coinsCache;
  };
  let emissionForm: 'object' | 'string' = 'object';

  const sourceOf = (path: string): SourceId | undefined =>
    (Object.keys(PREFIX) as SourceId[]).find((s) => path.startsWith(`${PREFIX[s]}/`));

  const api = new ApiServer().mount('/coingecko', loadCoingeckoRecordings());
  api.use((req, res, url) => {
    const source = sourceOf(url.pathname);
    if (!source) return false;
    const fault = faults.get(source);
    if (fault) {
      switch (fault) {
        case 'rate-limit':
          return json(
            res,
            429,
            { status: { error_code: 429, error_message: 'rate limited' } },
            { 'retry-after': String(opts.retryAfterSeconds ?? 30) },
          );
        case 'server-error':
          res.writeHead(500, { 'content-type': 'text/html' }).end('<html>upstream error</html>');
          return true;
        case 'timeout':
          req.on('close', () => res.destroy());
          return true;
        case 'malformed':
          return json(res, 200, '{"coins": [ {"id": "bitcoin", ');
        case 'wrong-shape':
          return json(res, 200, { error: 'coin not found', data: 42 });
        case 'huge': {
          // 20 MB with no content-length: the cap must stop reading while streaming.
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('[');
          const chunk = `${'"x",'.repeat(256 * 1024)}`;
          for (let i = 0; i < 20 && !res.destroyed; i++) res.write(chunk);
          res.end('"x"]');
          return true;
        }
        case 'trickle': {
          res.writeHead(200, { 'content-type': 'application/json' });
          const timer = setInterval(() => {
            if (res.destroyed) clearInterval(timer);
            else res.write(' ');
          }, 20);
          req.on('close', () => clearInterval(timer));
          return true;
        }
      }
    }
    const rest = url.pathname.slice(PREFIX[source].length);
    const reply = (status: number, body: unknown) => {
      if (latency > 0) setTimeout(() => json(res, status, body), latency);
      else json(res, status, body);
      return true;
    };
    switch (source) {
      case 'coingecko': {
        if (rest === '/coins/markets') {
          // Real rows, selected the way the API selects them: by the `ids` asked for, or a page of
          // the market-cap order (the recording holds the top 250, so pages past 1 are empty).
          const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
          if (ids.length) return reply(200, ids.map((id) => rowById.get(id)).filter(Boolean));
          const page = Number(url.searchParams.get('page') ?? '1');
          const per = Number(url.searchParams.get('per_page') ?? '100');
          return reply(200, rows.slice((page - 1) * per, page * per));
        }
        if (rest === '/coins/list' && url.searchParams.get('include_platform') === 'true') {
          // The real 2026 list, with the contracts of the recorded include_platform answer.
          return reply(200, coinsWithPlatforms());
        }
        // The one recorded market chart (CoinGecko.Net's test data: three points over two days at
        // bitcoin's prices of the time), for bitcoin and any range: the card labels a chart by the
        // dates its points cover. Other coins have no recording: CoinGecko's 404.
        if (rest === '/coins/bitcoin/market_chart' && recordedMarketChart)
          return reply(200, recordedMarketChart.body);
        if (/^\/coins\/[^/]+\/market_chart$/.test(rest)) return reply(404, { error: 'coin not found' });
        if (rest === '/companies/public_treasury/bitcoin') return reply(200, bitcoinTreasury);
        // The CoinGecko.Net recording at this path is bitcoin's list (174,530 units at a bitcoin
        // price): served only when a test asks for it, else a recorded ether list.
        if (rest === '/companies/public_treasury/ethereum' && ethereumTreasury === 'ether')
          return reply(200, etherTreasury);
        // The recorded `/coins/ethereum` answer is bitcoin's document (CoinGecko.Net test data):
        // served at its own id so the id check passes.
        if (rest === '/coins/bitcoin' && recordedAssetDetails) return reply(200, recordedAssetDetails.body);
        return false; // recorded answers (ApiServer routes)
      }
      case 'llamaCoins': {
        const m = /^\/prices\/current\/(.+)$/.exec(rest);
        if (!m?.[1]) return reply(404, { message: 'not found' });
        const asked = decodeURIComponent(m[1]).split(',');
        const coins: Record<string, unknown> = {};
        for (const key of asked) {
          const hit = Object.keys(llamaPrices.coins).find((k) => k.toLowerCase() === key.toLowerCase());
          if (hit) coins[hit] = llamaPrices.coins[hit];
        }
        return reply(200, { coins });
      }
      case 'llamaApi': {
        if (rest === '/protocols') return reply(200, protocols);
        if (rest === '/summary/fees/hyperliquid') return reply(200, fees);
        const feesOf = /^\/summary\/fees\/([^/]+)$/.exec(rest)?.[1];
        const made = feesOf ? handmadeFees[feesOf] : undefined;
        const kind =
          url.searchParams.get('dataType') === 'dailyHoldersRevenue' ? made?.holders : made?.revenue;
        if (kind) return reply(200, feesEndingOn === null ? kind : redated(kind, feesEndingOn));
        return reply(404, { message: 'protocol not found' });
      }
      case 'llamaDatasets': {
        if (rest === '/emissionsProtocolsList')
          return reply(200, ['hyperliquid', ...Object.keys(handmadeEmissions)]);
        if (rest === '/emissions/hyperliquid')
          return reply(200, emissionForm === 'object' ? emissionObject : emissionString);
        const slug = /^\/emissions\/([^/]+)$/.exec(rest)?.[1];
        const made = slug ? handmadeEmissions[slug] : undefined;
        if (made) return reply(200, made);
        return reply(404, { message: 'not found' });
      }
      case 'goplus': {
        if (rest === '/api/v1/token_security/1') return reply(200, goplus);
        return reply(200, { code: 1, message: 'OK', result: {} });
      }
      case 'stocks': {
        if (rest === '/v1/test/getcrumb') {
          // Yahoo answers the crumb as plain text, or 401 without its session cookie.
          const status = crumbGiven ? 200 : 401;
          res.writeHead(status, { 'content-type': 'text/plain' }).end(crumbGiven ? recordedCrumb : '');
          return true;
        }
        if (rest === '/v7/finance/quote') {
          if (quoteMode === 'malformed') return reply(200, '{"quoteResponse": {"result": [');
          if (url.searchParams.get('crumb') !== recordedCrumb || quoteMode === 'expire-once') {
            if (quoteMode === 'expire-once') quoteMode = 'ok';
            return reply(401, {
              finance: { result: null, error: { code: 'Unauthorized', description: 'Invalid Crumb' } },
            });
          }
          const symbols = (url.searchParams.get('symbols') ?? '').split(',');
          const result = symbols.map((s) => yahooQuotes.get(s.toUpperCase())).filter(Boolean);
          return reply(200, { quoteResponse: { result, error: null } });
        }
        const m = /^\/v8\/finance\/chart\/(.+)$/.exec(rest);
        const body = m?.[1] ? yahoo.get(decodeURIComponent(m[1]).toUpperCase()) : undefined;
        return body
          ? reply(200, body)
          : reply(404, {
              chart: {
                result: null,
                error: { code: 'Not Found', description: 'No data found, symbol may be delisted' },
              },
            });
      }
    }
    return false;
  });
  await api.start();

  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  for (const s of Object.keys(PREFIX) as SourceId[])
    settings.sources[s].baseUrl = `${api.origin}${PREFIX[s]}`;

  return {
    api,
    settings,
    crumb: (given) => {
      crumbGiven = given;
    },
    quote: (mode) => {
      quoteMode = mode;
    },
    fault: (source, f) => {
      if (f) faults.set(source, f);
      else faults.delete(source);
    },
    emissionForm: (form) => {
      emissionForm = form;
    },
    ethereumTreasury: (which) => {
      ethereumTreasury = which;
    },
    feeChartsEndOn: (day) => {
      feesEndingOn = day;
    },
    requests: (source) => api.requests(PREFIX[source]).map((r) => r.url.slice(PREFIX[source].length)),
    clearLog: () => {
      api.log.length = 0;
    },
    stop: () => api.stop(),
  };
}

/** A fee summary with its daily chart moved so that its last day is `day`; values unchanged. */
function redated(summary: unknown, day: number): unknown {
  const s = summary as { totalDataChart?: Array<[number, number | null]> };
  const chart = s.totalDataChart ?? [];
  const last = chart[chart.length - 1]?.[0];
  if (last === undefined) return summary;
  const shift = day / 1000 - last;
  return { ...s, totalDataChart: chart.map(([t, v]) => [t + shift, v]) };
}

/** A clock the test moves; `sleep` advances it instead of waiting. */
export function testClock(startIso = '2024-11-01T00:00:00Z') {
  let t = Date.parse(startIso);
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
    set: (iso: string) => {
      t = Date.parse(iso);
    },
    sleep: async (ms: number) => {
      t += ms;
    },
  };
}
