import { describe, expect, it } from 'vitest';
import { assertChromium, ChromiumMissingError } from '../support/chromium';

describe('browser-test harness', () => {
  it('fails with one clear line saying how to install Chromium when it is missing', () => {
    let error: unknown;
    try {
      assertChromium('/nonexistent/chromium');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ChromiumMissingError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain('apt-get install -y chromium');
    expect(message).toContain('/nonexistent/chromium');
  });
});
