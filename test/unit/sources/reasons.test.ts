import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../../utils/i18n-keys';
import { nextTryTime, readableReason } from '../../../utils/sources/reasons';

/** The English catalogue itself, with `$1` filled in as the browser does. */
const en = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const t = (key: MessageKey, subs?: string | string[]) =>
  (en[key]?.message ?? key).replace('$1', [subs ?? ''].flat()[0] ?? '');
const time = (ms: number) => new Date(ms).toISOString().slice(11, 16);

describe('stale reasons for readers', () => {
  it('says each source once, in a few words, with the next try in local time', () => {
    // Word for word what the demo's offline card carried.
    const raw =
      'CoinGecko: backing off after network error: Failed to fetch until 2026-11-21T23:33:21.170Z; ' +
      'DefiLlama: backing off after network error: Failed to fetch until 2026-11-21T23:33:21.230Z';
    expect(readableReason(raw, t, time)).toBe(
      'CoinGecko: unreachable (offline?), next try 23:33 · DefiLlama: unreachable (offline?), next try 23:33',
    );
  });

  it('reads the reasons the data service writes', () => {
    const cases: Array<[string, string]> = [
      ['CoinGecko: rate limited (429)', 'CoinGecko: rate limited'],
      ['CoinGecko: HTTP 500', 'CoinGecko: answered with error 500'],
      [
        'CoinGecko: unexpected answer shape ((root): expected array)',
        'CoinGecko: sent an answer that could not be read',
      ],
      [
        'CoinGecko: not in the answer; not priced by DefiLlama',
        'CoinGecko: has no figure for it · DefiLlama: has no figure for it',
      ],
      ['stocks: quote: malformed JSON', 'Yahoo: sent an answer that could not be read'],
      ['stocks: no Yahoo crumb for market caps (HTTP 401)', 'Yahoo: gave no access token for market caps'],
      [
        'CoinGecko: circuit open after HTTP 500 until 2026-11-21T23:40:00.000Z',
        'CoinGecko: paused after repeated failures, next try 23:40',
      ],
      ['CoinGecko: rate budget spent; next call in 12 s', 'CoinGecko: waiting for its request budget'],
      ['CoinGecko treasuries: bitcoin: HTTP 502; ethereum: HTTP 502', 'CoinGecko: answered with error 502'],
      ['not refreshed recently', 'not refreshed recently'],
      ['DefiLlama emissions: timed out', 'DefiLlama: timed out'],
      // The source's own age (utils/sources/card.ts), said once whatever else went wrong.
      ['source time older than 1 h', 'the source’s figure is over 1 hour old'],
      [
        'CoinGecko: rate limited (429); source time older than 7 d',
        'CoinGecko: rate limited · the source’s figure is over 7 days old',
      ],
      ['not refreshed since this version of Tickerlens (stored in an older form)', 'not refreshed recently'],
    ];
    for (const [raw, said] of cases) expect(readableReason(raw, t, time)).toBe(said);
  });

  it('keeps wording it does not know, rather than saying nothing', () => {
    expect(readableReason('GoPlus: some new failure', t, time)).toBe('GoPlus: some new failure');
  });

  it('gives the date with the time only when the next try is not today', () => {
    const now = Date.parse('2026-11-21T12:00:00Z');
    expect(nextTryTime(now + 60_000, now, 'en-GB')).not.toMatch(/Nov/);
    expect(nextTryTime(now + 3 * 86_400_000, now, 'en-GB')).toMatch(/Nov/);
  });
});
