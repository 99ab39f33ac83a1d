/** A reason (a message key and its substitutions, utils/checklist/types.ts) in the UI language. */
import { type MessageKey, t } from '@/utils/i18n';

/** Keys come from the background as strings: one this build does not know reads as nothing, not as a key. */
export function reasonText(r: { key: string; subs: ReadonlyArray<string | { key: string }> }): string {
  const text = t(
    r.key as MessageKey,
    r.subs.map((s) => (typeof s === 'string' ? s : t(s.key as MessageKey))),
  );
  return text === r.key ? '' : text;
}

/** The name of a figure's source: a data source, the built-in snapshot, the curated list, the user. */
export function sourceName(source: string): string {
  return source === 'snapshot' ? t('sourceSnapshot') : t(`source_${source}` as MessageKey);
}
