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
