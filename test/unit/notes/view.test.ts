/**
 * What the notes page and its exports say of a note beyond what is stored (utils/notes/view.ts):
 * the change since it was saved, the asset's name (never its id), the claims it names and the
 * checklist as it stood, in the words given.
 */
import { describe, expect, it } from 'vitest';
import type { NoteRecord } from '../../../utils/db/records';
import {
  assetNames,
  assetTitle,
  changeSinceSaved,
  checklistLine,
  claimsLine,
  noteClaims,
  type PriceNow,
  priceTime,
} from '../../../utils/notes/view';
import { NOTES, WORDS } from './fixtures';

const T0 = Date.UTC(2026, 11, 1, 9, 30);
const [TAO, HYPE, BARE] = NOTES as [NoteRecord, NoteRecord, NoteRecord];

const now = (usd: number, over: Partial<PriceNow> = {}): PriceNow => ({
  usd,
  source: 'coingecko',
  fetchedAt: T0 + 3_600_000,
  asOf: null,
  stale: false,
  ...over,
});

/** A note saved at `priceUsd` (null: no price then; undefined: saved without a capture price). */
const savedAt = (priceUsd: number | null | undefined): NoteRecord => ({
  ...TAO,
  capture: { ...(TAO.capture as NonNullable<NoteRecord['capture']>), priceUsd: priceUsd as number | null },
});

describe('the change since a note was saved', () => {
  it('is the percent from the price then to the price now, up or down', () => {
    expect(changeSinceSaved(savedAt(200), now(250))).toBe(25);
    expect(changeSinceSaved(savedAt(200), now(150))).toBe(-25);
    expect(changeSinceSaved(savedAt(200), now(200))).toBe(0);
  });

  it('is none without both prices, or with a price then that is not above zero', () => {
    expect(changeSinceSaved(savedAt(200), undefined)).toBeNull();
    expect(changeSinceSaved(savedAt(null), now(250))).toBeNull();
    expect(changeSinceSaved(savedAt(undefined), now(250))).toBeNull();
    expect(changeSinceSaved(BARE, now(250))).toBeNull();
    expect(changeSinceSaved(savedAt(0), now(250))).toBeNull();
    expect(changeSinceSaved(savedAt(-1), now(250))).toBeNull();
    expect(changeSinceSaved(savedAt(Number.NaN), now(250))).toBeNull();
  });
});

describe('an asset’s name', () => {
  const plain = (assetId: string): NoteRecord => ({ ...BARE, assetId });

  it('is the one saved with the note, before what the cache knows', () => {
    expect(assetNames(TAO, now(1, { name: 'Other', symbol: 'OTH' }), 'No asset')).toEqual({
      name: 'Bittensor',
      symbol: 'TAO',
    });
  });

  it('else the cache’s, else the symbol, else the id’s words without its prefix', () => {
    expect(assetNames(plain('cg:the-graph'), now(1, { name: 'The Graph', symbol: 'GRT' }), '-')).toEqual({
      name: 'The Graph',
      symbol: 'GRT',
    });
    expect(assetNames(plain('cg:the-graph'), now(1, { symbol: 'GRT' }), '-')).toEqual({
      name: 'GRT',
      symbol: 'GRT',
    });
    expect(assetNames(plain('cg:the-graph'), undefined, '-')).toEqual({ name: 'the graph', symbol: '' });
    expect(assetNames(plain('cg:harrypotterobamasonic10inu'), undefined, '-').name).toBe(
      'harrypotterobamasonic10inu',
    );
    expect(assetNames(plain('stock:BRK-B'), undefined, '-')).toEqual({ name: 'BRK B', symbol: '' });
  });

  it('is the words for “no asset” for a claim noted without one', () => {
    expect(assetNames(BARE, now(1, { name: 'X', symbol: 'X' }), 'No asset')).toEqual({
      name: 'No asset',
      symbol: '',
    });
  });

  it('reads “Name (SYMBOL)”, or the name alone when the symbol is the name in any letter case', () => {
    expect(assetTitle({ name: 'Bittensor', symbol: 'TAO' })).toBe('Bittensor (TAO)');
    expect(assetTitle({ name: 'ether.fi', symbol: 'ETHFI' })).toBe('ether.fi (ETHFI)');
    expect(assetTitle({ name: 'Ethfi', symbol: 'ETHFI' })).toBe('Ethfi');
    expect(assetTitle({ name: 'HYPE', symbol: 'hype' })).toBe('HYPE');
    expect(assetTitle({ name: 'the graph', symbol: '' })).toBe('the graph');
  });
});

describe('the claims and the checklist of a note', () => {
  it('names the claim it was saved on and those of the post, each once, in that order', () => {
    expect(noteClaims(HYPE)).toEqual(['no-vc', 'airdrop']);
    expect(
      noteClaims({
        ...HYPE,
        capture: { ...(HYPE.capture as NonNullable<NoteRecord['capture']>), claim: 'fair-launch' },
      }),
    ).toEqual(['fair-launch', 'no-vc', 'airdrop']);
    expect(noteClaims(BARE)).toEqual([]);
    expect(noteClaims(TAO)).toEqual([]);
  });

  it('says each claim with its figure and verdict, in the words given', () => {
    expect(claimsLine(HYPE, WORDS)).toBe('No VC: agrees; Airdrop (28%): agrees');
    expect(claimsLine(TAO, WORDS)).toBe('');
    expect(claimsLine(BARE, WORDS)).toBe('');
  });

  it('says the checklist as it stood, score first, and nothing without one', () => {
    expect(checklistLine(TAO, WORDS)).toBe(
      '2/5 · revenue: pass · sink: pass · supply: unknown · liquidity: fail · governance: unknown',
    );
    expect(checklistLine(HYPE, WORDS)).toBe('');
    expect(checklistLine(BARE, WORDS)).toBe('');
  });
});

describe('when a price was true', () => {
  it('is the source’s own time, else when it was fetched', () => {
    expect(priceTime(now(1, { asOf: T0 }))).toBe(T0);
    expect(priceTime(now(1, { asOf: null }))).toBe(T0 + 3_600_000);
    // A source time of 0 (the epoch) is still a time.
    expect(priceTime(now(1, { asOf: 0 }))).toBe(0);
  });
});
