/**
 * The browser's i18n for unit tests, from the extension's own catalogues: `wxt/browser` mocked
 * with `vi.mock('wxt/browser', () => catalogueBrowser(ui))`, where `ui.locale` picks the language.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

type Catalogue = Record<string, { message: string }>;

const read = (locale: string): Catalogue =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../../public/_locales/${locale}/messages.json`), 'utf8'),
  );

export function catalogueBrowser(ui: { locale: string }) {
  const catalogues: Record<string, Catalogue> = { en: read('en'), zh_CN: read('zh_CN') };
  return {
    browser: {
      i18n: {
        getMessage: (key: string, subs?: string | string[]) => {
          const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
          const message = catalogues[ui.locale]?.[key]?.message ?? '';
          return message.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
        },
      },
    },
  };
}
