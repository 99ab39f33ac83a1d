/** The background's one dispatcher for the message contract: parsed with zod where received. */
import { browser } from 'wxt/browser';
import {
  BACKGROUND_PORT,
  type BackgroundReply,
  type BackgroundRequest,
  type BackgroundType,
  backgroundApi,
  isBackgroundType,
  portRequestSchema,
  type Reply,
} from './messages';

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
    const from = { tabId: sender.tab?.id, url: sender.tab?.url ?? sender.url };
    const json = (message as { json?: unknown }).json;
    // Sent as JSON text by `sendToBackground` (see messaging.ts): answered the same way.
    if (typeof json === 'string') {
      return dispatch(type, readJson(json, type), from, handlers).then((reply) => JSON.stringify(reply));
    }
    return dispatch(type, message, from, handlers);
  });
  // The content script's port (messaging.ts, `BackgroundPort`): the same requests, each with an id
  // its answer carries back.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== BACKGROUND_PORT) return;
    const from = { tabId: port.sender?.tab?.id, url: port.sender?.tab?.url ?? port.sender?.url };
    port.onMessage.addListener((message: unknown) => {
      const request = portRequestSchema.safeParse(message);
      if (!request.success) return;
      const { id, type, json } = request.data;
      const reply: Promise<Reply<unknown>> = isBackgroundType(type)
        ? dispatch(type, readJson(json, type), from, handlers)
        : Promise.resolve({ ok: false, error: `Unknown message ${type}` });
      void reply.then((answer) => {
        try {
          port.postMessage({ id, json: JSON.stringify(answer) });
        } catch {
          // The tab went away before its answer: nobody is waiting for it.
        }
      });
    });
  });
}

/** The payload of a JSON message with its type, or a value that fails the request schema. */
function readJson(json: string, type: BackgroundType): unknown {
  try {
    const payload: unknown = JSON.parse(json);
    return payload && typeof payload === 'object' ? { ...payload, type } : undefined;
  } catch {
    return undefined;
  }
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
