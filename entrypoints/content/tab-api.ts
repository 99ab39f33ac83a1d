/**
 * The content script's one listener for messages from the extension (`contentApi` in messages.ts):
 * each message is checked against its schema before its handler sees it, and one that is not in
 * the map, or does not match its schema, is ignored (left for another listener, never answered).
 */
import type { ContentReply, ContentRequest, ContentType } from '@/utils/messages';
import { contentApi, isContentType } from '@/utils/messages';

export type ContentHandlers = {
  [T in ContentType]: (request: ContentRequest<T>) => ContentReply<T> | Promise<ContentReply<T>>;
};

/** A `runtime.onMessage` listener: answers (a promise) only the messages that have a reply. */
export function tabDispatcher(handlers: ContentHandlers): (message: unknown) => Promise<unknown> | undefined {
  return (message) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (!isContentType(type)) return undefined;
    const def = contentApi[type];
    const parsed = def.request.safeParse(message);
    if (!parsed.success) return undefined;
    const handle = handlers[type] as (request: unknown) => unknown;
    const out = handle(parsed.data);
    return 'reply' in def ? Promise.resolve(out) : undefined;
  };
}
