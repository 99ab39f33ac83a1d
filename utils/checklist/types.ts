/**
 * The "no VC" checklist's shapes (automation contract §8): five boxes, each `pass`, `fail` or
 * `unknown`, a score `n/5`, and the user's overrides. Types only: the content script, the popup, the
 * notes page and the background all read them.
 */

export const CHECKLIST_BOXES = ['revenue', 'sink', 'supply', 'liquidity', 'governance'] as const;
export type BoxId = (typeof CHECKLIST_BOXES)[number];

export type BoxVerdict = 'pass' | 'fail' | 'unknown';

/** A user's verdict on a box, with the reason they gave: shown as theirs, exported with the notes. */
export interface BoxOverride {
  verdict: 'pass' | 'fail';
  reason: string;
  /** When the user set it (ms since epoch). */
  at: number;
}

/** One box as it stood when a note was saved: its verdict and the evidence as then said. */
export interface BoxSnapshot {
  box: BoxId;
  verdict: BoxVerdict;
  /** The evidence in the UI language of the moment it was saved. */
  evidence?: string;
  override?: { verdict: 'pass' | 'fail'; reason: string };
}

/** A checklist as it stood at a moment (kept with a note, so "then" can be set beside "now"). */
export interface ChecklistSnapshot {
  assetId: string;
  at: number;
  score: number;
  boxes: BoxSnapshot[];
}

/**
 * Words the UI says, kept as a message key of `public/_locales` and its substitutions (figures, or
 * other keys), so the pure modules stay pure and every page speaks the reader's language.
 */
export interface Reason {
  key: import('../i18n-keys').MessageKey;
  subs: Array<string | { key: import('../i18n-keys').MessageKey }>;
}

/** Where a box's evidence came from: a data source, or Tickerlens's curated list. */
export type EvidenceSource = import('../db/records').DataOrigin | 'curated';

/** One box of an asset's checklist, as the background answers it (contract §8, extended). */
export interface BoxResult {
  box: BoxId;
  /** What counts: the user's override when there is one, else what the data says. */
  verdict: BoxVerdict;
  /** What the data says, whatever the user set. */
  computed: BoxVerdict;
  /** The evidence in figures, first the line that decides the verdict. */
  evidence: Reason[];
  source?: EvidenceSource;
  /** Every source the evidence comes from, `source` first (the supply box reads two). */
  sources?: EvidenceSource[];
  /** The evidence's own time (the source's), else when it was fetched (ms). */
  asOf?: number;
  /** The evidence is older than its kind allows, or its last refresh failed. */
  stale?: boolean;
  override?: BoxOverride;
}

export interface ChecklistResult {
  asset: string;
  /** Boxes whose verdict is `pass`. */
  score: number;
  boxes: BoxResult[];
  /** Some box is not `pass`: the "no VC" story may leave retail as the exit liquidity. */
  warning: boolean;
  /** Figures the boxes read are still being fetched (the first answer comes from the cache). */
  loading: boolean;
}
