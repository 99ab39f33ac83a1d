/**
 * How far back an English negator reaches: it cancels a claim when it is among the four words before
 * it, so exactly the fourth word before still negates and the fifth no longer does. Through the
 * detector, as a post is read.
 */
import { describe, expect, it } from 'vitest';
import { ofKind, realDetector } from './helpers';

const ids = (text: string) => ofKind(realDetector().detect(text), 'claim').map((m) => m.claim);

describe('the English negation window', () => {
  it('negates from exactly the fourth word before the claim', () => {
    expect(ids('this is not really quite a fair launch')).toEqual([]);
    expect(ids('this is NOT really quite a fair launch')).toEqual([]);
  });
  it('does not negate from the fifth word before it', () => {
    expect(ids('this is not really quite truly a fair launch')).toEqual(['fair-launch']);
  });
});
