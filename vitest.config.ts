import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The same `@/` alias as WXT gives the extension code.
  resolve: { alias: { '@': resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        // The root's `@/` alias too: the UI components import through it.
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
        },
      },
      // The truth suite (test/truth), once per time zone: UTC, the Americas, Asia.
      ...(
        [
          ['truth-utc', 'UTC'],
          ['truth-new-york', 'America/New_York'],
          ['truth-tokyo', 'Asia/Tokyo'],
        ] as const
      ).map(([name, zone]) => ({
        extends: true as const,
        test: {
          name,
          include: ['test/truth/**/*.test.tsx'],
          environment: 'node',
          env: { TZ: zone, TRUTH_TZ: zone },
        },
      })),
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
