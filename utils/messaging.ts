/**
 * Runtime side of the message contract in `messages.ts`, for the pages and the content script: a
 * typed sender for background messages and the scan request to a tab. The sender takes the message
 * definition itself, so a bundle carries only the schemas of the messages it sends (the content
 * script's bytes are budgeted). The background's dispatcher is in `messaging-background.ts`.
 */
import { browser } from 'wxt/browser';
import {
  type BackgroundReply,
  type BackgroundRequest,
  type BackgroundRoute,
  type BackgroundType,
  envelopeSchema,
  MessageError,
  SCAN_MESSAGE,
  type ScanResult,
  scanResultSchema,
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

/** Asks a tab's content script for everything it detects (automation contract §2). */
export async function scanTab(tabId: number): Promise<ScanResult> {
  const raw: unknown = await browser.tabs.sendMessage(tabId, { type: SCAN_MESSAGE });
  return scanResultSchema.parse(raw);
}
