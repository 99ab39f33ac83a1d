// `npm run fuzz`: the fuzz tests of test/unit/fuzz with many more runs than `npm test` gives them
// (FUZZ_RUNS, default 20,000 a property) and a new seed each time unless FUZZ_SEED is given. The seed
// is printed first: a failure is replayed with `FUZZ_SEED=<seed> npm run fuzz`.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const seed = process.env.FUZZ_SEED ?? String(randomInt(2 ** 31));
const runs = process.env.FUZZ_RUNS ?? '20000';
console.log(`fuzz: FUZZ_SEED=${seed} FUZZ_RUNS=${runs}`);
const r = spawnSync('npx', ['vitest', 'run', '--project', 'unit', 'test/unit/fuzz'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs },
});
console.log(`fuzz: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} exit ${r.status}`);
process.exit(r.status ?? 1);
