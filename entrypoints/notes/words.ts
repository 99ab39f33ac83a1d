/** The notes page's words for its exports and its checklist, in the UI language (t()). */

import { pct, usd } from '@/components/format';
import { claimLabel } from '@/components/labels';
import type { BoxId, BoxVerdict } from '@/utils/checklist/types';
import type { NoteClaim } from '@/utils/db/records';
import { type MessageKey, t } from '@/utils/i18n';
import type { CsvColumn } from '@/utils/notes/csv';
import type { MarkdownWords } from '@/utils/notes/markdown';

const CLAIM_VERDICTS: Record<NoteClaim['verdict'], MessageKey> = {
  agrees: 'verdictAgrees',
  contradicts: 'verdictContradicts',
  unknown: 'verdictUnknown',
};

/** The checklist's own names for its boxes and verdicts (the popup's too). */
export const boxLabel = (box: BoxId): string => t(`boxTitle_${box}` as MessageKey);
export const boxVerdictLabel = (v: BoxVerdict): string => t(`boxVerdict_${v}` as MessageKey);
export const claimVerdictLabel = (v: NoteClaim['verdict']): string => t(CLAIM_VERDICTS[v]);

/** A date and time in the page's language ("Dec 6, 2026, 2:03 PM", "2026年12月6日 14:03"). */
export function dateTime(ms: number): string {
  const lang = document.documentElement.lang || navigator.language;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function exportWords(): MarkdownWords {
  return {
    noAsset: t('notesNoAsset'),
    stale: t('notesStale'),
    claim: claimLabel,
    verdict: claimVerdictLabel,
    box: boxLabel,
    boxVerdict: boxVerdictLabel,
    title: t('notesTitle'),
    exported: (time) => t('notesExportedAt', time),
    tags: t('notesTags'),
    priceThen: t('notesPriceThen'),
    priceNow: t('notesPriceNow'),
    claimsThen: t('notesClaimsThen'),
    checklistThen: t('notesChecklistThen'),
    source: t('notesSource'),
    time: dateTime,
    usd: (x) => usd(x),
    pct: (x) => pct(x),
  };
}

export function csvHeaders(): Record<CsvColumn, string> {
  return {
    saved: t('notesCsvSaved'),
    edited: t('notesCsvEdited'),
    asset: t('notesCsvAsset'),
    symbol: t('notesCsvSymbol'),
    text: t('notesCsvText'),
    tags: t('notesTags'),
    quote: t('notesCsvQuote'),
    url: t('notesCsvUrl'),
    detected: t('notesCsvDetected'),
    claimsThen: t('notesClaimsThen'),
    priceThen: t('notesCsvPriceThen'),
    priceThenSource: t('notesCsvPriceThenSource'),
    priceNow: t('notesCsvPriceNow'),
    priceNowAt: t('notesCsvPriceNowAt'),
    priceNowStale: t('notesCsvPriceNowStale'),
    changePct: t('notesCsvChange'),
    checklistThen: t('notesChecklistThen'),
    uid: t('notesCsvUid'),
  };
}
