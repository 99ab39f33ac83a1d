/**
 * Built company names whose first word has one or two letters ("T-Mobile", "S&P Global", "A.O.
 * Smith", "GE Aerospace"), with the worker's real data: found as written or in capitals, never from
 * the short word alone or in other cases; "St. Joe" (a place too) only with company context.
 */
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../utils/detect';
import { detectorData } from '../../../utils/registry/detect-data';

const detector = createDetector(detectorData());
const names = (text: string): string[] =>
  detector.detect(text).flatMap((m) => (m.kind === 'name' ? [`${m.text}→${m.asset}`] : []));

describe('company names with a one- or two-letter first word', () => {
  it.each([
    ['T-Mobile and Verizon both rose', 'T-Mobile→stock:TMUS'],
    ['T-MOBILE', 'T-MOBILE→stock:TMUS'],
    ['S&P Global raised its guidance', 'S&P Global→stock:SPGI'],
    ['A.O. Smith reported', 'A.O. Smith→stock:AOS'],
    ['GE Aerospace beat estimates', 'GE Aerospace→stock:GE'],
    ['GE Vernova orders', 'GE Vernova→stock:GEV'],
    ['ON Semiconductor cut jobs', 'ON Semiconductor→stock:ON'],
    ['T. Rowe Price outflows', 'T. Rowe Price→stock:TROW'],
    ['M&T Bank results', 'M&T Bank→stock:MTB'],
    ['St. Joe shares rose', 'St. Joe→stock:JOE'],
  ])('%s', (text, want) => {
    expect(names(text)).toContain(want);
  });

  it('finds none of them in words that only share a letter or two, or written otherwise', () => {
    for (const t of [
      "I don't know; it's a T-shirt",
      'a on us at st ge',
      'on Semiconductor supply',
      's&p global',
      'St. Joe, Missouri',
      'the US foods market',
    ])
      expect(names(t), t).toEqual([]);
  });
});
