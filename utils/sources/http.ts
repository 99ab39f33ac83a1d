/**
 * The one place requests to data sources are made. Every request has a timeout; every answer is
 * parsed with the caller's zod schema; failures come back as values with a plain reason.
 */
import type { z } from 'zod';

export const REQUEST_TIMEOUT_MS = 10_000;
/** Refuse bodies larger than this: a data API answer we use is never this large. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export type FetchOutcome<T> =
  | { ok: true; data: T; status: number; ms: number }
  | { ok: false; reason: string; status?: number; retryAfterMs?: number; ms: number };

export interface FetchJsonOptions {
  headers?: Record<string, string>;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Injected by tests and the data service; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Lowers the body cap for one call (never raises it above MAX_BODY_BYTES). */
  maxBytes?: number;
  /** Cookies for the source's own site (Yahoo's quote endpoint, when the user opted in); else none. */
  credentials?: RequestCredentials;
}

export async function fetchJson<S extends z.ZodType>(
  url: string,
  schema: S,
  options: FetchJsonOptions = {},
): Promise<FetchOutcome<z.output<S>>> {
  const out = await fetchText(url, { ...options, accept: 'application/json' });
  if (!out.ok) return out;
  let json: unknown;
  try {
    json = JSON.parse(out.data);
  } catch {
    return { ok: false, status: out.status, reason: 'malformed JSON', ms: out.ms };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unexpected shape';
    return { ok: false, status: out.status, reason: `unexpected answer shape (${where})`, ms: out.ms };
  }
  return { ok: true, data: parsed.data, status: out.status, ms: out.ms };
}

/** A request whose answer is read as text (capped, with the same timeout and failure reasons). */
export async function fetchText(
  url: string,
  options: FetchJsonOptions & { accept?: string } = {},
): Promise<FetchOutcome<string>> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let res: Response;
  try {
    const doFetch = options.fetch ?? fetch;
    res = await doFetch(url, {
      headers: { accept: options.accept ?? 'text/plain, */*', ...options.headers },
      signal,
      // No cookie goes with a request unless the caller asks (Yahoo's opt-in): said, not left to
      // the default, so no browser's idea of "same origin" for an extension ever sends one.
      credentials: options.credentials ?? 'omit',
    });
  } catch (err) {
    const timedOut = timeout.aborted;
    return { ok: false, reason: timedOut ? 'timed out' : `network error: ${describe(err)}`, ms: ms() };
  }
  if (!res.ok) {
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
    await res.body?.cancel().catch(() => undefined);
    return {
      ok: false,
      status: res.status,
      reason: res.status === 429 ? 'rate limited (429)' : `HTTP ${res.status}`,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      ms: ms(),
    };
  }
  // Callers may lower the cap, or raise it for one known-large answer (the full coin list).
  const cap = options.maxBytes ?? MAX_BODY_BYTES;
  const length = Number(res.headers.get('content-length') ?? '0');
  if (length > cap) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, status: res.status, reason: `answer too large (${length} bytes)`, ms: ms() };
  }
  try {
    return { ok: true, data: await readCapped(res, cap), status: res.status, ms: ms() };
  } catch (err) {
    // A body that trickles in past the deadline is aborted by the same timeout signal: say so
    // plainly rather than surfacing the runtime's abort message.
    const reason = timeout.aborted ? 'timed out' : describe(err);
    return { ok: false, status: res.status, reason, ms: ms() };
  }
}

async function readCapped(res: Response, cap: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let out = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`answer too large (over ${cap} bytes)`);
    }
    out += decoder.decode(value, { stream: true });
  }
  return out + decoder.decode();
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
