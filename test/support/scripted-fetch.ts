/**
 * A `fetch` for the data service's unit tests that answers from a script: each test says what each
 * source answers (`on(host, path, reply)`), anything else is a 404, and every URL asked is kept.
 */
import type { TickerlensDb } from '../../utils/db';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { createDataService, type DataServiceOptions } from '../../utils/sources/service';

export type Reply = Response | (() => Response | Promise<Response>);
export type Route = (url: URL) => Reply | undefined;

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

export const status = (code: number) => new Response('', { status: code });

/** Answers `reply` to a request to `host` whose path is `path` (or matches it). */
export const on =
  (host: string, path: string | RegExp, reply: Reply): Route =>
  (url) =>
    url.host === host && (typeof path === 'string' ? url.pathname === path : path.test(url.pathname))
      ? reply
      : undefined;

/** The host of a source's default base URL, as the service asks it. */
export const host = (id: keyof Settings['sources']) => new URL(DEFAULT_SETTINGS.sources[id].baseUrl).host;

/** A path under a source's default base URL (CoinGecko's has `/api/v3`). */
export const pathOf = (id: keyof Settings['sources'], p: string) =>
  `${new URL(DEFAULT_SETTINGS.sources[id].baseUrl).pathname.replace(/\/$/, '')}${p}`;

export function scriptedFetch() {
  const routes: Route[] = [];
  /** `host/path?query` of every request, in order. */
  const asked: string[] = [];
  const fetch = (async (input: string | URL) => {
    const url = new URL(String(input));
    asked.push(`${url.host}${url.pathname}${url.search}`);
    for (const route of routes) {
      const reply = route(url);
      // A Response is answered as a copy, so a route can answer more than once.
      if (reply) return typeof reply === 'function' ? reply() : reply.clone();
    }
    return status(404);
  }) as typeof globalThis.fetch;
  return {
    fetch,
    routes,
    asked,
    /** Forgets the script (not what was asked). */
    clear: () => {
      routes.length = 0;
    },
  };
}

/**
 * The data service as the service tests drive it: on a scripted fetch and a test clock, with the
 * default settings, no jitter, a 2 s timeout and batches of one moment. `extra` overrides any option.
 */
export function scriptedService(
  db: TickerlensDb,
  clock: { now: () => number; sleep: (ms: number) => Promise<void> },
  script: { fetch: typeof fetch },
  extra: Partial<DataServiceOptions> = {},
) {
  return createDataService({
    db,
    settings: () => DEFAULT_SETTINGS,
    fetch: script.fetch,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0,
    timeoutMs: 2_000,
    batchWindowMs: 1,
    ...extra,
  });
}
