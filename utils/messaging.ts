/**
 * Runtime side of the message contract in `messages.ts`, for the pages and the content script: a
 * typed sender for background messages and the scan request to a tab. The sender takes the message
 * definition itself, so a bundle carries only the schemas of the messages it sends (the content
 * script's bytes are budgeted). The background's dispatcher is in `messaging-background.ts`.
 */
import { type Browser, browser } from 'wxt/browser';
import {
  BACKGROUND_PORT,
  type BackgroundReply,
  type BackgroundRequest,
  type BackgroundRoute,
  type BackgroundType,
  type ContentReply,
  type ContentRequest,
  type ContentType,
  contentApi,
  envelopeSchema,
  MessageError,
  portAnswerSchema,
  SCAN_MESSAGE,
  type ScanResult,
} from './messages';

/**
 * Sends a background message. Payload and reply travel as JSON text (`{ type, json }`): Chromium
 * converts a message object to its own value tree property by property, which the page bench
 * measured as the content script's costliest call for a batch of block texts, while one string
 * crosses in a single copy. The background answers a message sent so in the same form, and still
 * takes plain objects (the automation contract's callers, tests).
 */
export async function sendToBackground<T extends BackgroundType>(
  message: BackgroundRoute<T>,
  payload: BackgroundRequest<T>,
): Promise<BackgroundReply<T>> {
  const answer: unknown = await browser.runtime.sendMessage({
    type: message.type,
    json: JSON.stringify(payload),
  });
  return readAnswer(message, answer);
}

/**
 * A long-lived connection to the background, for the content script's frequent messages (its
 * detection requests, several a second while X's timeline scrolls). `runtime.sendMessage` opens a
 * channel for every message: in Chromium, a round trip of about 3.4 ms with the page's main thread
 * busy for a share of it, against 0.5 ms over a port (measured from a content script, 50 messages).
 * The port connects on first use, and again after the background's worker went away (pending
 * requests fail then, as a `sendToBackground` to a stopped worker does, and their callers retry).
 * Same payloads, same answers and the same checks as `sendToBackground`.
 */
export class BackgroundPort {
  #port: Browser.runtime.Port | undefined;
  #nextId = 0;
  readonly #pending = new Map<number, { resolve: (answer: unknown) => void; reject: (err: Error) => void }>();
  #closed = false;
  readonly #onDisconnect: (() => void) | undefined;

  /**
   * `onDisconnect` hears every loss of the connection: the worker stopped (the next send
   * reconnects), or the extension was reloaded, updated or removed, which leaves this script
   * orphaned on its page (the content script tears itself down then).
   */
  constructor(options: { onDisconnect?: () => void } = {}) {
    this.#onDisconnect = options.onDisconnect;
  }

  async send<T extends BackgroundType>(
    message: BackgroundRoute<T>,
    payload: BackgroundRequest<T>,
  ): Promise<BackgroundReply<T>> {
    if (this.#closed) throw new MessageError(`Closed before ${message.type}`);
    const id = ++this.#nextId;
    const answer = await new Promise<unknown>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      try {
        this.#connect().postMessage({ id, type: message.type, json: JSON.stringify(payload) });
      } catch (err) {
        // Disconnected under us (the worker stopped between two messages): the next send reconnects.
        this.#pending.delete(id);
        this.#port = undefined;
        reject(
          new MessageError(`Could not send ${message.type}: ${err instanceof Error ? err.message : err}`),
        );
      }
    });
    return readAnswer(message, answer);
  }

  close(): void {
    this.#closed = true;
    this.#port?.disconnect();
    this.#fail('Closed');
  }

  #connect(): Browser.runtime.Port {
    if (this.#port) return this.#port;
    const port = browser.runtime.connect({ name: BACKGROUND_PORT });
    port.onMessage.addListener((message: unknown) => {
      const parsed = portAnswerSchema.safeParse(message);
      if (!parsed.success) return;
      const pending = this.#pending.get(parsed.data.id);
      this.#pending.delete(parsed.data.id);
      pending?.resolve(parsed.data.json);
    });
    port.onDisconnect.addListener(() => {
      if (this.#port === port) this.#port = undefined;
      this.#fail('The background went away');
      this.#onDisconnect?.();
    });
    this.#port = port;
    return port;
  }

  #fail(why: string): void {
    for (const { reject } of this.#pending.values()) reject(new MessageError(why));
    this.#pending.clear();
  }
}

/** A background answer (JSON text, or a plain object) read and checked against the route's reply. */
function readAnswer<T extends BackgroundType>(
  message: BackgroundRoute<T>,
  answer: unknown,
): BackgroundReply<T> {
  let raw: unknown;
  try {
    raw = typeof answer === 'string' ? JSON.parse(answer) : answer;
  } catch {
    throw new MessageError(`Unreadable answer to ${message.type}`);
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) throw new MessageError(`No usable answer to ${message.type}`);
  if (!envelope.data.ok) throw new MessageError(envelope.data.error);
  const data = message.reply.safeParse(envelope.data.data);
  if (!data.success) throw new MessageError(`Malformed answer to ${message.type}: ${data.error.message}`);
  return data.data as BackgroundReply<T>;
}

/**
 * Sends a message to a tab's content script (`contentApi`), checking its answer when it has one.
 * Rejects when no content script listens there (a tab the extension does not run in).
 */
export async function sendToTab<T extends ContentType>(
  tabId: number,
  message: ContentRequest<T> & { type: T },
): Promise<ContentReply<T>> {
  const raw: unknown = await browser.tabs.sendMessage(tabId, message);
  const def = contentApi[message.type] as { reply?: { parse: (v: unknown) => unknown } };
  return (def.reply ? def.reply.parse(raw) : undefined) as ContentReply<T>;
}

/** Asks a tab's content script for everything it detects (automation contract §2). */
export function scanTab(tabId: number): Promise<ScanResult> {
  return sendToTab(tabId, { type: SCAN_MESSAGE });
}
