/** CoinGecko: URL builders, auth header and response schemas. */
import { z } from 'zod';

/**
 * CoinGecko documents two key headers: `x-cg-pro-api-key` for the paid API on
 * pro-api.coingecko.com, `x-cg-demo-api-key` for demo keys on the public API.
 */
export function coingeckoHeaders(baseUrl: string, apiKey: string): Record<string, string> {
  if (!apiKey) return {};
  const host = safeHost(baseUrl);
  return host === 'pro-api.coingecko.com' ? { 'x-cg-pro-api-key': apiKey } : { 'x-cg-demo-api-key': apiKey };
}

export const pingUrl = (baseUrl: string) => `${baseUrl}/ping`;

/** `/ping` answers `{"gecko_says":"(V3) To the Moon!"}`. */
export const pingSchema = z.object({ gecko_says: z.string() });

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
