/** The background's one dispatcher for the message contract: parsed with zod where received. */
import { browser } from 'wxt/browser';
import { t } from './i18n';
import {
  BACKGROUND_PORT,
  type BackgroundReply,
  type BackgroundRequest,
  type BackgroundType,
  backgroundApi,
  isBackgroundType,
  isForContentScripts,
  portRequestSchema,
  type Reply,
} from './messages';

export type Sender = {
  tabId?: number;
  url?: string;
  /**
   * Sent by one of the extension's own pages (popup, options, notes), not by a content script: only
   * such a sender may send the messages not marked `contentScripts` (messages.ts).
   */
  extensionPage: boolean;
};

/** What the browser says of a sender (runtime.MessageSender, the part we read). */
export interface RawSender {
  url?: string;
  tab?: { id?: number; url?: string };
}

/**
 * Who sent a message, read in one place for every listener. An extension page is a sender whose
 * own URL is on the extension's origin and that is not in a web page's tab (a content script's
 * sender URL is its page's, a frame's is its own): only such pages may read or change the notes,
 * the sites, the settings' checks and the pins list.
 */
export function senderOf(raw: RawSender | undefined, extensionOrigin: string): Sender {
  const onOrigin = (url: string | undefined) => !!url && originOf(url) === extensionOrigin;
  const extensionPage = onOrigin(raw?.url) && (raw?.tab?.url === undefined || onOrigin(raw.tab.url));
  return { tabId: raw?.tab?.id, url: raw?.tab?.url ?? raw?.url, extensionPage };
}

function originOf(url: string): string | undefined {
  try {
    // `new URL('chrome-extension://id/x').origin` is "null" in some engines: compare scheme and host.
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}

/** This extension's origin (`chrome-extension://<id>`, `moz-extension://<uuid>`). */
function extensionOrigin(): string {
  const getURL = browser.runtime.getURL as ((path: string) => string) | undefined;
  return (getURL && originOf(getURL('/'))) || '';
}
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
    const from = senderOf(sender, extensionOrigin());
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
    const from = senderOf(port.sender, extensionOrigin());
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
  // A content script (always in a tab) gets only the messages marked for it; anything else that is
  // not one of our own pages (no tab, no URL) gets nothing.
  if (!sender.extensionPage && !(isForContentScripts(type) && sender.tabId !== undefined))
    return { ok: false, error: `${type} is for the extension's own pages` };
  const parsed = backgroundApi[type].request.safeParse(message);
  if (!parsed.success) return { ok: false, error: `Malformed ${type}: ${parsed.error.message}` };
  try {
    const handler = handlers[type] as (p: unknown, s: Sender) => Promise<BackgroundReply<T>>;
    return { ok: true, data: await handler(parsed.data, sender) };
  } catch (err) {
    return { ok: false, error: errorText(err) };
  }
}

/**
 * What a failed request says: a storage failure in the user's words (full, the database not
 * opening), anything else as thrown. Dexie wraps IndexedDB's errors and
 * keeps the original as `inner`.
 */
export function errorText(err: unknown): string {
  const names: string[] = [];
  for (
    let e = err as { name?: unknown; inner?: unknown } | undefined;
    e && names.length < 4;
    e = e.inner as typeof e
  )
    if (typeof e.name === 'string') names.push(e.name);
  const message = err instanceof Error ? err.message : String(err);
  if (names.includes('QuotaExceededError')) return t('storageFull');
  if (
    names.some((n) =>
      ['OpenFailedError', 'UnknownError', 'DatabaseClosedError', 'InvalidStateError'].includes(n),
    )
  )
    return t('storageBroken', message.replace(/\s+/g, ' ').slice(0, 200));
  return message;
}
