// `npm run demo`: build the extension, then run it on the built-in demo pages (demo/run.ts).
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
const built = run('npx', ['wxt', 'build']);
if (built !== 0) process.exit(built);
process.exit(run('npx', ['tsx', 'demo/run.ts', ...process.argv.slice(2)]));
