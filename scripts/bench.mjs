// Runs bench/index.ts with tsx; extra arguments (e.g. `--only detect`) are passed through.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['tsx', 'bench/index.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
