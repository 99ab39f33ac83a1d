/**
 * Fuzzing parameters (fast-check): a fixed seed and a modest number of runs in `npm test` and CI,
 * so a failure there is reproducible from the log; `npm run fuzz` (scripts/fuzz.mjs) runs far more,
 * with a new seed each time unless FUZZ_SEED is given, and prints the seed.
 */
import { vi } from 'vitest';

// A property runs as long as its runs take (a long `npm run fuzz`, a loaded machine): no test here
// is timed.
vi.setConfig({ testTimeout: 3_600_000 });

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_206);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/** fast-check's parameters for one property: the long run scales every property alike. */
export const fuzz = (share = 1) => ({ seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(FUZZ_RUNS * share)) });
