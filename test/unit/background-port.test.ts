/**
 * The content script's long-lived connection (messaging.ts `BackgroundPort`) against the
 * background's listener (messaging-background.ts), joined by an in-memory stand-in for
 * `runtime.connect`: the same checks as `sendToBackground`, answers matched by id, and a worker that
 * goes away fails what was pending and is connected to again on the next message.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown) => void;
interface FakePort {
  name: string;
  sender?: { tab?: { id: number; url: string } };
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(fn: Listener): void };
  onDisconnect: { addListener(fn: () => void): void };
}

const world = vi.hoisted(() => ({
  onConnect: [] as Array<(port: unknown) => void>,
  connections: 0,
  /** The background side of the newest connection, to break it from the test. */
  lastBackground: undefined as undefined | { drop(): void; raw: (message: unknown) => void },
}));

function pair(name: string): FakePort {
  const toContent: Listener[] = [];
  const toBackground: Listener[] = [];
  const contentGone: Array<() => void> = [];
  let open = true;
  const side = (inbox: Listener[], outbox: Listener[], gone: Array<() => void>): FakePort => ({
    name,
    sender: { tab: { id: 7, url: 'https://x.com/home' } },
    postMessage(message) {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      // Structured clone and a later task, as the browser delivers.
      const copy = structuredClone(message);
      setTimeout(() => {
        for (const fn of outbox) fn(copy);
      }, 0);
    },
    disconnect() {
      open = false;
    },
    onMessage: { addListener: (fn) => inbox.push(fn) },
    onDisconnect: { addListener: (fn) => gone.push(fn) },
  });
  const content = side(toContent, toBackground, contentGone);
  const background = side(toBackground, toContent, []);
  world.lastBackground = {
    drop() {
      open = false;
      for (const fn of contentGone) fn();
    },
    raw: (message) => {
      for (const fn of toContent) fn(message);
    },
  };
  return Object.assign(content, { background });
}

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      onMessage: { addListener: () => undefined },
      onConnect: { addListener: (fn: (port: unknown) => void) => world.onConnect.push(fn) },
      connect: ({ name }: { name: string }) => {
        world.connections++;
        const port = pair(name) as FakePort & { background: FakePort };
        for (const fn of world.onConnect) fn(port.background);
        return port;
      },
    },
  },
}));

const { BackgroundPort } = await import('../../utils/messaging');
const { listenInBackground } = await import('../../utils/messaging-background');
const { detectRoute, helloRoute, MessageError } = await import('../../utils/messages');

let seen: Array<{ texts: string[]; tabId?: number }> = [];
const handlers = {
  'tickerlens:detect': async ({ texts }: { texts: string[] }, sender: { tabId?: number }) => {
    seen.push({ texts, tabId: sender.tabId });
    // The first text's answer is slowest: answers come back out of order.
    if (texts[0] === 'slow') await new Promise((r) => setTimeout(r, 30));
    return { blocks: texts.map(() => ({ matches: [], resolutions: [] })) };
  },
  'tickerlens:hello': async () => ({ version: '0.1.0', marks: 'yes' }),
};
listenInBackground(handlers as never);

describe('the background port', () => {
  beforeEach(() => {
    seen = [];
    world.connections = 0;
  });

  it('sends requests over one connection and matches answers to them by id', async () => {
    const port = new BackgroundPort();
    const [slow, fast] = await Promise.all([
      port.send(detectRoute, { texts: ['slow', 'a'] }),
      port.send(detectRoute, { texts: ['fast'] }),
    ]);
    expect(slow.blocks).toHaveLength(2);
    expect(fast.blocks).toHaveLength(1);
    expect(world.connections).toBe(1);
    expect(seen.map((s) => s.tabId)).toEqual([7, 7]);
  });

  it('checks answers and requests as sendToBackground does', async () => {
    const port = new BackgroundPort();
    // The background's handler answers a reply its schema refuses.
    await expect(port.send(helloRoute, {})).rejects.toThrow(/Malformed answer/);
    // A request the background's schema refuses gets an error answer, not silence.
    await expect(port.send(detectRoute, { texts: 'no' } as never)).rejects.toThrow(
      /Malformed tickerlens:detect/,
    );
  });

  it('ignores a malformed answer, fails what is pending when the worker goes, and connects again', async () => {
    const port = new BackgroundPort();
    await port.send(detectRoute, { texts: ['warm'] });
    const pending = port.send(detectRoute, { texts: ['slow'] });
    world.lastBackground?.raw({ id: 'x', json: 42 });
    world.lastBackground?.drop();
    await expect(pending).rejects.toBeInstanceOf(MessageError);
    const again = await port.send(detectRoute, { texts: ['after'] });
    expect(again.blocks).toHaveLength(1);
    expect(world.connections).toBe(2);
  });

  it('refuses to send once closed', async () => {
    const port = new BackgroundPort();
    port.close();
    await expect(port.send(detectRoute, { texts: ['x'] })).rejects.toThrow(/Closed/);
  });
});
