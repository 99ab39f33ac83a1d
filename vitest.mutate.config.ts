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
    // Stryker's instrumented code runs slower, on two shared cores: the million-point chart test
    // (test/unit/db/bounds.test.ts) passed 5 s in its dry run, failing the whole run before a mutant.
    // A mutant that hangs is still cut off by Stryker's own timeout (timeoutMS).
    testTimeout: 30_000,
  },
});
