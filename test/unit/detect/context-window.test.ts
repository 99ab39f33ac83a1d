/**
 * How far context reaches (context.ts): an ambiguous name or a bare listed ticker is confirmed by a
 * context word, a ticker or a signed percentage within CONTEXT_WINDOW (60) characters, or
 * CJK_CONTEXT_WINDOW (16) for a Chinese name; a ticker in a list shares a kept one's context within
 * the same distance. Hand-made texts: the gaps are runs of spaces (or of 我 in Chinese text) so the
 * distance is exact, on both sides and at both edges of each window.
 */
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../utils/detect';
import { CJK_CONTEXT_WINDOW, CONTEXT_WINDOW } from '../../../utils/detect/context';
import { loadSymbols } from './fixture-data';
import { brief, realDetector } from './helpers';

const gap = (k: number) => ' '.repeat(k);
const cjkGap = (k: number) => '我'.repeat(k);
const detect = (text: string) => brief(realDetector().detect(text));

/** The listed tickers of these texts, as the worker gives them (OPEN and HOOD are English words too). */
const stocks = createDetector({
  symbols: loadSymbols(),
  stocks: new Set(['NVDA', 'AVGO', 'OPEN', 'HOOD']),
  stockWords: new Set(['OPEN', 'HOOD']),
});
const detectStocks = (text: string) => brief(stocks.detect(text));

describe('the windows', () => {
  it('are 60 characters, and 16 for Chinese', () => {
    expect(CONTEXT_WINDOW).toBe(60);
    expect(CJK_CONTEXT_WINDOW).toBe(16);
  });
});

describe('an ambiguous name is confirmed by context fewer than 60 characters away', () => {
  it('a context word before or after it', () => {
    expect(detect(`shares${gap(59)}Meta`)).toEqual(['name:meta:Meta']);
    expect(detect(`shares${gap(60)}Meta`)).toEqual([]);
    expect(detect(`Meta${gap(59)}shares`)).toEqual(['name:meta:Meta']);
    expect(detect(`Meta${gap(60)}shares`)).toEqual([]);
  });

  it('one of its tickers before or after it', () => {
    expect(detect(`$RENDER${gap(59)}Render`)).toEqual(['ticker:$RENDER', 'name:render:Render']);
    expect(detect(`$RENDER${gap(60)}Render`)).toEqual(['ticker:$RENDER']);
    expect(detect(`Render${gap(59)}$RENDER`)).toEqual(['name:render:Render', 'ticker:$RENDER']);
    expect(detect(`Render${gap(60)}$RENDER`)).toEqual(['ticker:$RENDER']);
  });

  it('a Chinese name: a context word fewer than 16 characters away', () => {
    expect(detect(`股价${cjkGap(15)}苹果`)).toEqual(['name:apple:苹果']);
    expect(detect(`股价${cjkGap(16)}苹果`)).toEqual([]);
    expect(detect(`苹果${cjkGap(15)}股价`)).toEqual(['name:apple:苹果']);
    expect(detect(`苹果${cjkGap(16)}股价`)).toEqual([]);
  });

  it('a Latin name keeps the wide window in Chinese text', () => {
    expect(detect(`股价${cjkGap(40)}Meta`)).toEqual(['name:meta:Meta']);
  });
});

describe('a bare listed ticker is confirmed by finance context fewer than 60 characters away', () => {
  it('a finance word before or after it', () => {
    expect(detectStocks(`shares${gap(59)}NVDA`)).toEqual(['ticker:NVDA']);
    expect(detectStocks(`shares${gap(60)}NVDA`)).toEqual([]);
    expect(detectStocks(`NVDA${gap(59)}shares`)).toEqual(['ticker:NVDA']);
    expect(detectStocks(`NVDA${gap(60)}shares`)).toEqual([]);
  });

  it('a signed percentage wholly within 60 characters of it', () => {
    expect(detectStocks(`NVDA${gap(57)}+5%`)).toEqual(['ticker:NVDA']);
    expect(detectStocks(`NVDA${gap(58)}+5%`)).toEqual([]);
    expect(detectStocks(`+5%${gap(57)}NVDA`)).toEqual(['ticker:NVDA']);
    expect(detectStocks(`+5%${gap(58)}NVDA`)).toEqual([]);
  });

  it('a kept ticker at most 60 characters away, on either side', () => {
    expect(detectStocks(`rallied NVDA${gap(60)}AVGO`)).toEqual(['ticker:NVDA', 'ticker:AVGO']);
    expect(detectStocks(`rallied NVDA${gap(61)}AVGO`)).toEqual(['ticker:NVDA']);
    expect(detectStocks(`AVGO${gap(60)}NVDA rallied`)).toEqual(['ticker:AVGO', 'ticker:NVDA']);
    expect(detectStocks(`AVGO${gap(61)}NVDA rallied`)).toEqual(['ticker:NVDA']);
  });

  it('a ticker that is an English word never borrows a kept ticker’s context', () => {
    expect(detectStocks('rallied NVDA and HOOD')).toEqual(['ticker:NVDA']);
    expect(detectStocks('HOOD and NVDA rallied')).toEqual(['ticker:NVDA']);
  });

  it('an English-word ticker in Chinese text: a Chinese finance word fewer than 16 characters away', () => {
    expect(detectStocks(`HOOD${cjkGap(15)}股价`)).toEqual(['ticker:HOOD']);
    expect(detectStocks(`HOOD${cjkGap(16)}股价`)).toEqual([]);
    expect(detectStocks(`股价${cjkGap(15)}HOOD`)).toEqual(['ticker:HOOD']);
    expect(detectStocks(`股价${cjkGap(16)}HOOD`)).toEqual([]);
  });
});
