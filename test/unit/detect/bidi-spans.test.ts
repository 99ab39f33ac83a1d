/**
 * Where a bidi override starts and stops (detector.ts, outsideOverrides), beyond the cases of
 * detector.test.ts: every opener and closer of the Unicode bidi algorithm, a match that only touches
 * an override, an override left open to the end of the text. Hand-made texts (hostile text is made
 * by hand too); the controls are written as escapes.
 */
import { describe, expect, it } from 'vitest';
import { brief, realDetector } from './helpers';

const detect = (text: string) => brief(realDetector().detect(text));

describe('an override (LRO U+202D, RLO U+202E)', () => {
  it('lasts to the end of the text when nothing closes it', () => {
    expect(detect('\u202e$SOL')).toEqual([]);
    expect(detect('gm $ETH \u202d$SOL no VC')).toEqual(['ticker:$ETH']);
  });

  it('leaves a match that ends right before it or starts right after its PDF', () => {
    expect(detect('$SOL\u202eabc')).toEqual(['ticker:$SOL']);
    expect(detect('\u202eabc\u202c$SOL')).toEqual(['ticker:$SOL']);
  });

  it('ends at a paragraph break: LF, CR or U+2029, not at a line separator U+2028', () => {
    expect(detect('\u202eabc\n$SOL')).toEqual(['ticker:$SOL']);
    expect(detect('\u202eabc\r$SOL')).toEqual(['ticker:$SOL']);
    expect(detect('\u202eabc\u2029$SOL')).toEqual(['ticker:$SOL']);
    expect(detect('\u202eabc\u2028$SOL')).toEqual([]);
  });
});

describe('embeddings and isolates inside an override keep its stack balanced', () => {
  it('a PDF closes an embedding (LRE U+202A, RLE U+202B) before the override', () => {
    expect(detect('\u202e\u202a$BTC\u202c$SOL\u202c $ETH')).toEqual(['ticker:$ETH']);
    expect(detect('\u202e\u202b$BTC\u202c$SOL\u202c $ETH')).toEqual(['ticker:$ETH']);
  });

  it('every isolate (LRI U+2066, RLI U+2067, FSI U+2068) ends the override opened inside it', () => {
    expect(detect('\u2066\u202e$SOL\u2069 $ETH')).toEqual(['ticker:$ETH']);
    expect(detect('\u2067\u202e$SOL\u2069 $ETH')).toEqual(['ticker:$ETH']);
    expect(detect('\u2068\u202e$SOL\u2069 $ETH')).toEqual(['ticker:$ETH']);
  });

  it('a PDF inside an isolate closes nothing outside it', () => {
    expect(detect('\u202e\u2066\u202c\u202c$SOL')).toEqual([]);
  });

  it('a stray PDF or PDI closes nothing', () => {
    expect(detect('\u202c\u202e$SOL\u202c$ETH')).toEqual(['ticker:$ETH']);
    expect(detect('\u2069\u202e$SOL\u202c$ETH')).toEqual(['ticker:$ETH']);
  });
});
