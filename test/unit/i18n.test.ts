import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const load = (locale: string): Record<string, { message: string }> =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../../public/_locales/${locale}/messages.json`), 'utf8'),
  );

describe('i18n catalogues', () => {
  const en = load('en');
  const zh = load('zh_CN');

  it('English and Simplified Chinese have the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message keeps the same substitutions in both languages, and none is empty', () => {
    for (const [key, { message }] of Object.entries(en)) {
      const other = zh[key]?.message ?? '';
      expect(message.trim(), key).not.toBe('');
      expect(other.trim(), key).not.toBe('');
      const subs = (s: string) => (s.match(/\$\d/g) ?? []).sort();
      expect(subs(other), key).toEqual(subs(message));
    }
  });

  it('Chinese strings are translated, not copied (brand names aside)', () => {
    const same = Object.keys(en).filter((k) => en[k]?.message === zh[k]?.message);
    expect(same.sort()).toEqual(['extName', 'popupTitle', 'source_coingecko', 'source_llamaApi'].sort());
  });
});
