/**
 * The content script's one dispatcher for messages from the extension: each message is checked
 * against its schema in `contentApi` before its handler runs; only the scan message is answered.
 */
import { describe, expect, it } from 'vitest';
import { type ContentHandlers, tabDispatcher } from '@/entrypoints/content/tab-api';

function handlers() {
  const seen: string[] = [];
  const h: ContentHandlers = {
    'tickerlens:scan': () => {
      seen.push('scan');
      return { url: 'https://example.com/', items: [] };
    },
    'tickerlens:next-mark': () => {
      seen.push('next');
      return undefined;
    },
    'tickerlens:pins-changed': () => {
      seen.push('pins');
      return undefined;
    },
    'tickerlens:marks-changed': (m) => {
      seen.push(`marks ${m.marks} ${m.kinds.claim}`);
      return undefined;
    },
    'tickerlens:stop': () => {
      seen.push('stop');
      return undefined;
    },
  };
  return { seen, h };
}

describe('tabDispatcher', () => {
  it('answers the scan message with its handler’s result', async () => {
    const { seen, h } = handlers();
    const listen = tabDispatcher(h);
    await expect(listen({ type: 'tickerlens:scan' })).resolves.toEqual({
      url: 'https://example.com/',
      items: [],
    });
    expect(seen).toEqual(['scan']);
  });

  it('runs a message without a reply and answers nothing, so other listeners may', () => {
    const { seen, h } = handlers();
    const listen = tabDispatcher(h);
    const kinds = { ticker: true, name: true, handle: false, address: true, claim: false };
    expect(listen({ type: 'tickerlens:marks-changed', marks: true, kinds })).toBeUndefined();
    expect(listen({ type: 'tickerlens:stop' })).toBeUndefined();
    expect(seen).toEqual(['marks true false', 'stop']);
  });

  it('ignores unknown types, malformed payloads and non-objects without calling any handler', () => {
    const { seen, h } = handlers();
    const listen = tabDispatcher(h);
    for (const message of [
      { type: 'tickerlens:unknown' },
      { type: 'tickerlens:marks-changed', marks: 'yes' },
      { type: 'tickerlens:marks-changed', marks: true, kinds: { ticker: true } },
      { type: 'toString' },
      { type: 'constructor' },
      null,
      'tickerlens:scan',
      42,
    ])
      expect(listen(message)).toBeUndefined();
    expect(seen).toEqual([]);
  });
});
