/**
 * The edges of a handle (handles.ts) beyond handles.test.ts and the twitter-text conformance suite:
 * the old retweet prefix, each character twitter-text refuses before the '@', what may follow the
 * handle, the length limit, and the package scopes of install commands. Hand-made texts in the shape
 * of X posts and of the code snippets developers post.
 */
import { describe, expect, it } from 'vitest';
import { brief, realDetector } from './helpers';

const detect = (text: string) => brief(realDetector().detect(text));

describe('before the @', () => {
  it('the retweet prefix RT in any case, at the start or after a non-word, with or without a colon', () => {
    for (const t of ['RT@bitcoin', 'rt@bitcoin', 'RT:@bitcoin', 'cc:@bitcoin', ' RT@bitcoin', '(@bitcoin)'])
      expect(detect(t), t).toEqual(['handle:@bitcoin']);
    for (const t of ['xRT@bitcoin', '3RT@bitcoin', 'éRT@bitcoin', 'RE@bitcoin', 'AT@bitcoin'])
      expect(detect(t), t).toEqual([]);
  });

  it('not ! # $ % & *, a word character or a foreign letter', () => {
    for (const t of [
      '!@bitcoin',
      '#@bitcoin',
      '$@bitcoin',
      '%@bitcoin',
      '&@bitcoin',
      '*@bitcoin',
      '1@bitcoin',
      '_@bitcoin',
      'é@bitcoin',
    ])
      expect(detect(t), t).toEqual([]);
  });
});

describe('the handle itself', () => {
  it('one to fifteen word characters', () => {
    expect(detect('@abcdefghijklmno')).toEqual(['handle:@abcdefghijklmno']);
    expect(detect('@abcdefghijklmnop')).toEqual([]);
    expect(detect('@')).toEqual([]);
    expect(detect('@é')).toEqual([]);
  });

  it('followed by a path or a colon, not by another @, a foreign letter or "://"', () => {
    expect(detect('@bitcoin/x')).toEqual(['handle:@bitcoin']);
    expect(detect('@bitcoin:x')).toEqual(['handle:@bitcoin']);
    expect(detect('@bitcoin:/x')).toEqual(['handle:@bitcoin']);
    expect(detect('@bitcoin:x/y')).toEqual(['handle:@bitcoin']);
    for (const t of ['@bitcoin@x', '@bitcoiné', '@bitcoin://x']) expect(detect(t), t).toEqual([]);
  });
});

describe('package scopes are code, not accounts', () => {
  it('after an install command or in quotes or backticks', () => {
    for (const t of ['yarn add @x/y', 'pnpm i @x/y', 'npm install  @x/y', '`@x/y`', '"@x/y"', "'@x/y'"])
      expect(detect(t), t).toEqual([]);
  });

  it('only after the whole command word, right before the @', () => {
    expect(detect('reinstall @x/y')).toEqual(['handle:@x']);
    expect(detect('then i asked @defillama/team')).toEqual(['handle:@defillama']);
  });

  it('a quoted handle without a path is an account', () => {
    for (const t of ["'@bitcoin'", 'follow "@bitcoin" now', '`@bitcoin`'])
      expect(detect(t), t).toEqual(['handle:@bitcoin']);
  });
});
