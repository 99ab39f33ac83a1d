import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Stryker's test run (stryker.config.mjs): the unit project alone. The truth suite repeats the unit
 * renders in three time zones and the browser project builds the extension and drives Chromium, both
 * far too slow to run once per mutant.
 */
export default defineConfig({
  resolve: { alias: { '@': resolve(import.meta.dirname) } },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
  },
});
