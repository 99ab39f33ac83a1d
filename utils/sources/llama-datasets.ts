/**
 * DefiLlama datasets host (`defillama-datasets.llama.fi`): the static files behind DefiLlama's
 * unlocks pages. `/emissionsProtocolsList` lists the slugs that have a schedule, `/emissions/{slug}`
 * is one schedule. Its `body` arrives either as a JSON string or as an object: both are accepted.
 *
 * Shape as documented for `/api/emission/{protocol}` (DefiLlama API reference):
 * `{ body: { documentedData: { data: [{ label, data: [{ timestamp, unlocked, rawEmission, burned }] }],
 *   tokenAllocation: { current, final, progress } }, metadata: { categories: { insiders: [labels…] … },
 *   token, sources, notes, total, gecko_id … } }, lastModified }`. Older files put `data` at the top
 * of the body, and `/api/emissions` documents `events: [{ description, timestamp, noOfTokens,
 * category, unlockType }]`; both are read when present. `lastModified` is the file's own time.
 * What the schedule says (cliffs, streams, sections) is read by `unlock-schedule.ts`.
 */
import { z } from 'zod';
import { nullableNumber } from './coingecko';

export function emissionsListUrl(baseUrl: string): string {
  return `${baseUrl}/emissionsProtocolsList`;
}

export function emissionsUrl(baseUrl: string, slug: string): string {
  return `${baseUrl}/emissions/${encodeURIComponent(slug)}`;
}

export const emissionsListSchema = z.array(z.string());

export const seriesSchema = z.object({
  label: z.string(),
  data: z.array(
    z.object({
      /** Unix seconds. */
      timestamp: z.number(),
      /** Cumulative tokens unlocked for this label at `timestamp`. */
      unlocked: nullableNumber.optional(),
      rawEmission: nullableNumber.optional(),
      burned: nullableNumber.optional(),
    }),
  ),
});

/**
 * One entry of `metadata.events`, as DefiLlama's emissions-adapters write it (`utils/events.ts`,
 * `addResultToEvents`): a cliff has `noOfTokens: [amount]`; a linear event marks a change of a
 * stream's rate, `noOfTokens: [old rate, new rate]` in tokens per week, from `timestamp` for
 * `rateDurationDays`. The rates come out of `ratePerPeriod` (`utils/time.ts`) as numeric strings.
 * Entries are checked one by one (unlock-schedule.ts): one odd event costs that event.
 */
export const eventSchema = z.object({
  description: z.string().nullish(),
  timestamp: z.number(),
  noOfTokens: z.array(z.union([z.number(), z.string(), z.null()])),
  category: z.string().nullish(),
  unlockType: z.string().nullish(),
  rateDurationDays: nullableNumber.optional(),
});
export type EmissionEvent = z.infer<typeof eventSchema>;

const allocationSchema = z.record(z.string(), z.number());

export const emissionBodySchema = z.object({
  documentedData: z
    .object({
      data: z.array(seriesSchema).optional(),
      tokenAllocation: z
        .object({ current: allocationSchema.optional(), final: allocationSchema.optional() })
        .optional(),
    })
    .optional(),
  data: z.array(seriesSchema).optional(),
  metadata: z
    .object({
      token: z.string().optional(),
      gecko_id: z.string().nullish(),
      total: nullableNumber.optional(),
      sources: z.array(z.string()).optional(),
      notes: z.array(z.string()).optional(),
      categories: z.record(z.string(), z.array(z.string())).optional(),
      events: z.array(z.unknown()).optional(),
    })
    .optional(),
  gecko_id: z.string().nullish(),
  name: z.string().optional(),
});
export type EmissionBody = z.infer<typeof emissionBodySchema>;

/** The envelope is checked by `fetchJson`; the body (string or object) by `parseEmissionBody`. */
export const emissionsEnvelopeSchema = z.object({
  body: z.union([z.string(), z.record(z.string(), z.unknown())]),
  lastModified: z.string().optional(),
});

export function parseEmissionBody(
  body: string | Record<string, unknown>,
): { ok: true; body: EmissionBody } | { ok: false; reason: string } {
  let value: unknown = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return { ok: false, reason: 'malformed JSON in emissions body' };
    }
  }
  const r = emissionBodySchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    return {
      ok: false,
      reason: `unexpected answer shape (body.${issue?.path.join('.') ?? ''}: ${issue?.message})`,
    };
  }
  return { ok: true, body: r.data };
}

export function emissionGeckoId(body: EmissionBody): string | null {
  return body.metadata?.gecko_id ?? body.gecko_id ?? null;
}
