// Mutation testing (`npm run mutate`): how many deliberate small bugs the unit tests catch.
// @ts-check
import { resolve } from 'node:path';

// The tests run in a copy of the checkout under .stryker-tmp: they find ../shared/fixtures through this.
process.env.TICKERLENS_FIXTURES ??= resolve(import.meta.dirname, '../shared/fixtures');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  // Only the tests that reach a mutant run for it.
  coverageAnalysis: 'perTest',
  mutate: [
    'utils/**/*.ts',
    'components/**/*.{ts,tsx}',
    // The pure parts of the entrypoints: what the unit tests can load. Left out: the entry files
    // that only wire browser events and mount pages (index, main), and the pages' Preact views,
    // whose behaviour the Chromium tests check.
    'entrypoints/background/*.ts',
    'entrypoints/content/*.ts',
    'entrypoints/notes/*.ts',
    'entrypoints/options/*.ts',
    'entrypoints/popup/*.ts',
    '!entrypoints/*/index.ts',
    // The worker's wiring of database, sources and registry: it listens to the extension's storage
    // from import on.
    '!entrypoints/background/runtime.ts',
    // Data and generated files, not logic.
    '!utils/registry/data/**',
    '!utils/registry/curated/**',
    '!utils/i18n-keys.ts',
    // Build code run by hand (`npm run registry`, `npx tsx …`), not shipped.
    '!utils/registry/build/**',
    '!utils/sources/snapshot/build.ts',
    '!**/*.d.ts',
  ],
  // A mutant of a module-level constant needs the whole suite rerun without per-test coverage:
  // minutes each on these machines. `--ignoreStatic false` counts them.
  ignoreStatic: true,
  // Two cores per machine, shared: `--concurrency 1` when others are testing.
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'html', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  // The incremental file stays local (reports/ is ignored): see README, "Mutation testing".
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 80, low: 65, break: null },
};
