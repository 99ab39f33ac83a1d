import type { ScanItem } from '@/utils/messages';

export interface SummaryRow {
  key: string;
  item: ScanItem;
  count: number;
}
export interface PageSummary {
  groups: Array<{
    kind: ScanItem['kind'];
    total: number;
    rows: SummaryRow[];
    /** Handles that name no asset (post authors, mostly): counted, not listed. */
    hidden: number;
  }>;
}

const ORDER: ScanItem['kind'][] = ['ticker', 'name', 'handle', 'address', 'claim'];

/** Groups a page's detections by kind; repeated ones (same text, same asset) collapse with a count. */
export function summarise(items: ScanItem[]): PageSummary {
  const groups = new Map<ScanItem['kind'], Map<string, SummaryRow>>();
  for (const item of items) {
    const key = `${item.claim ?? item.asset ?? ''}|${item.kind === 'claim' ? '' : item.text}`;
    let rows = groups.get(item.kind);
    if (!rows) {
      rows = new Map();
      groups.set(item.kind, rows);
    }
    const row = rows.get(key);
    if (row) row.count++;
    else rows.set(key, { key, item, count: 1 });
  }
  return {
    groups: ORDER.flatMap((kind) => {
      const rows = groups.get(kind);
      if (!rows) return [];
      const all = [...rows.values()].sort((a, b) => b.count - a.count);
      const shown = kind === 'handle' ? all.filter((r) => r.item.asset || r.item.candidates?.length) : all;
      return [
        {
          kind,
          total: all.reduce((n, r) => n + r.count, 0),
          rows: shown,
          hidden: all.length - shown.length,
        },
      ];
    }),
  };
}
