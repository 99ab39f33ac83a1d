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
 * category, unlockType }]`; both are read when present.
 */
import { z } from 'zod';
import { UNLOCK_CATEGORIES, type UnlockCategory, type UnlockEvent } from '../db/records';
import { nullableNumber } from './coingecko';

export function emissionsListUrl(baseUrl: string): string {
  return `${baseUrl}/emissionsProtocolsList`;
}

export function emissionsUrl(baseUrl: string, slug: string): string {
  return `${baseUrl}/emissions/${encodeURIComponent(slug)}`;
}

export const emissionsListSchema = z.array(z.string());

const seriesSchema = z.object({
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

const eventSchema = z.object({
  description: z.string().optional(),
  timestamp: z.number(),
  noOfTokens: z.array(z.number()),
  category: z.string().optional(),
  unlockType: z.string().optional(),
});

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
      events: z.array(eventSchema).optional(),
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

const KNOWN_CATEGORIES: ReadonlySet<string> = new Set(UNLOCK_CATEGORIES.filter((c) => c !== 'other'));

function asCategory(c: string | undefined): UnlockCategory {
  return c && KNOWN_CATEGORIES.has(c) ? (c as UnlockCategory) : 'other';
}

/** Categories whose unlocks reach insiders or investors: the card flags them. */
export const INSIDER_CATEGORIES: ReadonlySet<UnlockCategory> = new Set(['insiders', 'privateSale']);

/** Stored events are capped: a daily linear stream over years would be thousands of rows. */
export const MAX_STORED_EVENTS = 400;

/**
 * Unlock events from `fromMs` on. Documented events are used when the body has them; otherwise each
 * step of each cumulative series becomes an event (tokens unlocked since the previous point), with
 * its category from `metadata.categories`.
 */
export function unlockEvents(body: EmissionBody, fromMs: number): UnlockEvent[] {
  const out: UnlockEvent[] = [];
  const events = body.metadata?.events;
  if (events && events.length > 0) {
    for (const e of events) {
      const date = e.timestamp * 1000;
      if (date < fromMs) continue;
      const amount = e.noOfTokens.reduce((a, b) => a + b, 0);
      if (!(amount > 0)) continue;
      out.push({
        date,
        amount,
        category: asCategory(e.category),
        label: e.description ?? e.category ?? '',
        ...(e.unlockType === 'cliff' || e.unlockType === 'linear' ? { unlockType: e.unlockType } : {}),
      });
    }
  } else {
    const labelCategory = new Map<string, UnlockCategory>();
    for (const [cat, labels] of Object.entries(body.metadata?.categories ?? {})) {
      for (const l of labels) labelCategory.set(l, asCategory(cat));
    }
    for (const s of body.documentedData?.data ?? body.data ?? []) {
      const points = [...s.data].sort((a, b) => a.timestamp - b.timestamp);
      let before = 0;
      for (const p of points) {
        const cumulative = p.unlocked ?? before;
        const step = cumulative - before;
        before = cumulative;
        const date = p.timestamp * 1000;
        if (date < fromMs || !(step > 0)) continue;
        out.push({ date, amount: step, category: labelCategory.get(s.label) ?? 'other', label: s.label });
      }
    }
  }
  out.sort((a, b) => a.date - b.date);
  return out.slice(0, MAX_STORED_EVENTS);
}

export function emissionGeckoId(body: EmissionBody): string | null {
  return body.metadata?.gecko_id ?? body.gecko_id ?? null;
}
