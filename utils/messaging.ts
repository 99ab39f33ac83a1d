/**
 * Runtime side of the message contract in `messages.ts`: a typed sender for the background API and
 * the one dispatcher the background registers. Both ends parse with zod.
 */
import { browser } from 'wxt/browser';
import {
  type BackgroundReply,
  type BackgroundRequest,
  type BackgroundType,
  backgroundApi,
  envelopeSchema,
  isBackgroundType,
  MessageError,
  type Reply,
  SCAN_MESSAGE,
  type ScanResult,
  scanResultSchema,
} from './messages';

export async function sendToBackground<T extends BackgroundType>(
  type: T,
  payload: BackgroundRequest<T>,
): Promise<BackgroundReply<T>> {
  const raw: unknown = await browser.runtime.sendMessage({ ...payload, type });
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) throw new MessageError(`No usable answer to ${type}`);
  if (!envelope.data.ok) throw new MessageError(envelope.data.error);
  const data = backgroundApi[type].reply.safeParse(envelope.data.data);
  if (!data.success) throw new MessageError(`Malformed answer to ${type}: ${data.error.message}`);
  return data.data as BackgroundReply<T>;
}

/** Asks a tab's content script for everything it detects (automation contract §2). */
export async function scanTab(tabId: number): Promise<ScanResult> {
  const raw: unknown = await browser.tabs.sendMessage(tabId, { type: SCAN_MESSAGE });
  return scanResultSchema.parse(raw);
}

export type Sender = { tabId?: number; url?: string };
export type BackgroundHandlers = {
  [T in BackgroundType]: (payload: BackgroundRequest<T>, sender: Sender) => Promise<BackgroundReply<T>>;
};

/**
 * Registers the background's handlers behind one listener. A message that is not ours is left for
 * other listeners (returns undefined); a malformed one gets an error reply.
 */
export function listenInBackground(handlers: BackgroundHandlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (!isBackgroundType(type)) return undefined;
    return dispatch(type, message, { tabId: sender.tab?.id, url: sender.tab?.url ?? sender.url }, handlers);
  });
}

async function dispatch<T extends BackgroundType>(
  type: T,
  message: unknown,
  sender: Sender,
  handlers: BackgroundHandlers,
): Promise<Reply<BackgroundReply<T>>> {
  const parsed = backgroundApi[type].request.safeParse(message);
  if (!parsed.success) return { ok: false, error: `Malformed ${type}: ${parsed.error.message}` };
  try {
    const handler = handlers[type] as (p: unknown, s: Sender) => Promise<BackgroundReply<T>>;
    return { ok: true, data: await handler(parsed.data, sender) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
