/**
 * The signals that confirm an ambiguous name (context.ts, rule 2): the entry's own tickers inside the
 * window (60 characters for Latin names, 16 for Chinese ones), the entry's own context words in
 * either script, and only the very words listed: a word that merely shares their hash is not one.
 * Also the edges of "next to CJK text" for a listed ticker, and what confirmedStocks and confirmed
 * return to the scanner.
 *
 * The dictionary entries here are hand-made ("Orbit", 轨道币): real ambiguous entries come with
 * domain words that would confirm them too, and these tests need one signal at a time.
 */
import { describe, expect, it } from 'vitest';
import { createDetector, type Match, type NameEntry } from '../../../utils/detect';
import { hashWord } from '../../../utils/detect/charclass';
import { AmbiguousNames, ContextEvents, confirmed, confirmedStocks } from '../../../utils/detect/context';
import { brief } from './helpers';

/** An ambiguous token name confirmed only by its own tickers and words (domain 'token'). */
const ORBIT: NameEntry = {
  text: 'Orbit',
  key: 'orbit',
  asset: 'cg:orbit',
  lang: 'en',
  ambiguous: true,
  caseSensitive: true,
  domain: 'token',
  symbols: ['ORB', 'ORBT'],
  context: ['orbiters', 'vfkdmp', 'mukmlul'],
};

/** The same in Chinese, with a Chinese context word of its own. */
const ORBIT_ZH: NameEntry = {
  text: '轨道币',
  key: 'orbit',
  asset: 'cg:orbit',
  lang: 'zh',
  ambiguous: true,
  domain: 'token',
  symbols: ['ORB'],
  context: ['轨道链'],
};

const detector = createDetector({ symbols: new Set(['ORB', 'ORBT', 'OTHER']), names: [ORBIT, ORBIT_ZH] });
const detect = (text: string) => brief(detector.detect(text));
const spaces = (n: number) => ' '.repeat(n);

describe("an ambiguous name confirmed by one of its entry's tickers", () => {
  it('after it or before it', () => {
    expect(detect('Orbit is moving, $ORB up')).toEqual(['name:orbit:Orbit', 'ticker:$ORB']);
    expect(detect('$ORBT up, Orbit is moving')).toEqual(['ticker:$ORBT', 'name:orbit:Orbit']);
    expect(detect('Orbit is moving')).toEqual([]);
  });

  it('up to the 60th character after the name or before it, not one more', () => {
    // the ticker starts 59 characters after the name's end: inside; 60: outside
    expect(detect(`Orbit${spaces(59)}$ORB`)).toEqual(['name:orbit:Orbit', 'ticker:$ORB']);
    expect(detect(`Orbit${spaces(60)}$ORB`)).toEqual(['ticker:$ORB']);
    // the ticker ends 59 characters before the name's start: inside; 60: outside
    expect(detect(`$ORB${spaces(59)}Orbit`)).toEqual(['ticker:$ORB', 'name:orbit:Orbit']);
    expect(detect(`$ORB${spaces(60)}Orbit`)).toEqual(['ticker:$ORB']);
  });

  it("another asset's ticker confirms nothing, wherever it stands", () => {
    expect(detect('Orbit is moving, $OTHER up')).toEqual(['ticker:$OTHER']);
    expect(detect('$OTHER and Orbit')).toEqual(['ticker:$OTHER']);
  });

  it("its own ticker still counts after another asset's ticker in the window", () => {
    expect(detect('$OTHER first, Orbit next, $ORB last')).toEqual([
      'ticker:$OTHER',
      'name:orbit:Orbit',
      'ticker:$ORB',
    ]);
  });

  it('a Chinese name looks 16 characters each way, not 60', () => {
    expect(detect(`$ORB${spaces(15)}轨道币`)).toEqual(['ticker:$ORB', 'name:orbit:轨道币']);
    expect(detect(`$ORB${spaces(16)}轨道币`)).toEqual(['ticker:$ORB']);
    expect(detect(`$ORB${spaces(40)}轨道币`)).toEqual(['ticker:$ORB']);
    expect(detect(`轨道币${spaces(15)}$ORB`)).toEqual(['name:orbit:轨道币', 'ticker:$ORB']);
    expect(detect(`轨道币${spaces(16)}$ORB`)).toEqual(['ticker:$ORB']);
  });

  it('its ticker written in capitals as a plain word counts, a one-letter or lower-case one does not', () => {
    expect(detect('Orbit (ORBT) is moving')).toEqual(['name:orbit:Orbit']);
    expect(detect('Orbit orbt is moving')).toEqual([]);
  });
});

describe("an ambiguous name confirmed by its entry's own words", () => {
  it('an English word of the entry, in any case', () => {
    expect(detect('Orbit and its orbiters')).toEqual(['name:orbit:Orbit']);
    expect(detect('Orbit and its ORBITERS')).toEqual(['name:orbit:Orbit']);
  });

  it('a Chinese word of the entry, for the Chinese name', () => {
    expect(detect('轨道币上线轨道链')).toEqual(['name:orbit:轨道币']);
    expect(detect('轨道币上线了')).toEqual([]);
  });

  it('not a word that only shares the folded hash of one, of the same length or not', () => {
    // Hand-found collisions of the 30-bit hash the scanner keys words by: the characters decide.
    expect(hashWord('hyujme')).toBe(hashWord('vfkdmp'));
    expect(hashWord('suckg')).toBe(hashWord('mukmlul'));
    expect(detect('Orbit and vfkdmp')).toEqual(['name:orbit:Orbit']);
    expect(detect('Orbit and hyujme')).toEqual([]);
    expect(detect('Orbit and mukmlul')).toEqual(['name:orbit:Orbit']);
    expect(detect('Orbit and suckg')).toEqual([]);
  });

  it('not a capitals word that shares the hash of a ticker', () => {
    const lookalikes = createDetector({
      symbols: new Set(),
      names: [{ ...ORBIT, symbols: ['VFKDMP', 'MUKMLUL'], context: [] }],
    });
    const find = (t: string) => brief(lookalikes.detect(t));
    expect(find('Orbit VFKDMP')).toEqual(['name:orbit:Orbit']);
    expect(find('Orbit HYUJME')).toEqual([]);
    expect(find('Orbit MUKMLUL')).toEqual(['name:orbit:Orbit']);
    expect(find('Orbit SUCKG')).toEqual([]);
  });
});

describe('a listed ticker next to CJK text', () => {
  const stocks = createDetector({ symbols: new Set(), stocks: new Set(['TSM', 'NVDA']) });
  const find = (t: string) => brief(stocks.detect(t));

  it('three letters are enough', () => {
    expect(find('买入TSM')).toEqual(['ticker:TSM']);
  });

  it('not next to full-width punctuation, bopomofo, Yi or the code points just past hangul', () => {
    for (const t of ['：NVDA', 'NVDA！', '\u3105NVDA', '\ua000NVDA', 'NVDA\ud7b0'])
      expect(find(t), JSON.stringify(t)).toEqual([]);
  });
});

describe('what the sweeps return to the scanner', () => {
  it('confirmedStocks: the indices of the candidates kept, a list sharing its context', () => {
    const text = `NVDA, AMD and TSM rallied.${' '.repeat(70)}INTC`;
    const at = (sym: string): [number, number] => [text.indexOf(sym), text.indexOf(sym) + sym.length];
    const events = new ContextEvents();
    events.push(text.indexOf('rallied'), text.indexOf('rallied') + 7, 'rallied');
    expect(confirmedStocks(text, [at('NVDA'), at('AMD'), at('TSM'), at('INTC')], events)).toEqual([0, 1, 2]);
    expect(confirmedStocks(text, [at('INTC')], events)).toEqual([]);
    expect(confirmedStocks(text, [at('NVDA')], events)).toEqual([0]);
  });

  it('confirmed: the indices of the names context confirms', () => {
    const names = new AmbiguousNames();
    names.push(0, 5, ORBIT);
    names.push(100, 105, ORBIT);
    const ticker: Match = { kind: 'ticker', text: '$ORB', start: 10, end: 14, symbol: 'ORB', cashtag: true };
    expect(confirmed(names, [ticker], new ContextEvents())).toEqual([0]);
    expect(confirmed(names, [], new ContextEvents())).toEqual([]);
  });
});
