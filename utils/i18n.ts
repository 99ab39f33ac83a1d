/**
 * UI strings go through the browser's i18n with `public/_locales/{en,zh_CN}`. Keys are typed from
 * the English catalogue, so a missing key is a type error.
 */
import { browser } from 'wxt/browser';
import type { MessageKey } from './i18n-keys';

export type { MessageKey };

export function t(key: MessageKey, substitutions?: string | string[]): string {
  // getMessage is typed per-project by WXT; our keys are a subset of what it accepts.
  const getMessage = browser.i18n.getMessage as (k: string, s?: string | string[]) => string;
  return getMessage(key, substitutions) || key;
}
