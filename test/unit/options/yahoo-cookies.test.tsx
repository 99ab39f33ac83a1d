/**
 * The Yahoo market-cap opt-in (entrypoints/options/YahooCookies.tsx): off by default, turned on
 * only when fc.yahoo.com is granted, saved on the settings as stored now (never undoing a change
 * made elsewhere), and saying what it sends, in English and Chinese.
 */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

const world = vi.hoisted(() => ({
  stored: {} as Record<string, unknown>,
  grant: true,
  requested: [] as string[][],
  removed: [] as string[][],
}));

vi.mock('wxt/browser', async () => {
  const { catalogueBrowser } = await import('../../support/i18n');
  const { browser } = catalogueBrowser({ locale: 'en' });
  return {
    browser: {
      ...browser,
      storage: {
        local: {
          get: async (key: string) => (key in world.stored ? { [key]: world.stored[key] } : {}),
          set: async (items: Record<string, unknown>) => Object.assign(world.stored, items),
        },
      },
      permissions: {
        request: async ({ origins }: { origins: string[] }) => {
          world.requested.push(origins);
          return world.grant;
        },
        remove: async ({ origins }: { origins: string[] }) => {
          world.removed.push(origins);
          return true;
        },
      },
    },
  };
});

const { YahooCookies } = await import('../../../entrypoints/options/YahooCookies');
const { SETTINGS_KEY } = await import('../../../utils/settings');

const settle = () => new Promise((r) => setTimeout(r, 10));

async function mount(): Promise<HTMLElement> {
  const { document } = parseHTML('<!doctype html><html><body><div id="m"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('m') as unknown as HTMLElement;
  render(<YahooCookies />, root);
  await settle();
  return root;
}

async function toggle(root: HTMLElement, on: boolean): Promise<void> {
  const box = root.querySelector('input[type="checkbox"]') as HTMLInputElement;
  box.checked = on;
  box.dispatchEvent(new (box.ownerDocument.defaultView as unknown as typeof globalThis).Event('change'));
  await settle();
}

const yahooCookies = () =>
  (world.stored[SETTINGS_KEY] as { sources: { stocks: { yahooCookies: boolean } } }).sources.stocks
    .yahooCookies;

afterEach(() => {
  vi.unstubAllGlobals();
  world.stored = {};
  world.grant = true;
  world.requested = [];
  world.removed = [];
});

describe('the Yahoo cookies opt-in', () => {
  it('is off, and says it sends Yahoo cookies', async () => {
    const root = await mount();
    // linkedom leaves a property Preact never set undefined: unchecked either way.
    expect((root.querySelector('input') as HTMLInputElement).checked === true).toBe(false);
    expect(root.textContent).toContain('sends your Yahoo cookies');
    expect(root.textContent).toContain('your Yahoo login');
  });

  it('turns on with fc.yahoo.com granted, keeping what else is stored; off gives the host back', async () => {
    world.stored[SETTINGS_KEY] = { enabledSites: ['https://www.coindesk.com'], marks: false };
    const root = await mount();
    await toggle(root, true);
    expect(world.requested).toEqual([['https://fc.yahoo.com/*']]);
    expect(yahooCookies()).toBe(true);
    expect(world.stored[SETTINGS_KEY]).toMatchObject({
      enabledSites: ['https://www.coindesk.com'],
      marks: false,
    });
    await toggle(root, false);
    expect(yahooCookies()).toBe(false);
    expect(world.removed).toEqual([['https://fc.yahoo.com/*']]);
  });

  it('stays off when the host is refused, and says so', async () => {
    world.grant = false;
    const root = await mount();
    await toggle(root, true);
    expect(world.stored[SETTINGS_KEY]).toBeUndefined();
    expect((root.querySelector('input') as HTMLInputElement).checked).toBe(false);
    expect(root.textContent).toContain('market caps stay off');
  });
});
