// The registry these machines reach does not carry every platform build of packages with native
// binaries (Biome, Rollup), so `npm install` leaves those optional entries out of the lockfile and
// `npm ci` then refuses the lockfile as out of sync. This adds the missing optional entries with
// their os/cpu/libc constraints (npm skips them on other platforms and never fetches them).
// Run after changing dependencies: `npm run lock:complete`.
import { readFileSync, writeFileSync } from 'node:fs';

const path = 'package-lock.json';
const lock = JSON.parse(readFileSync(path, 'utf8'));
const pk = lock.packages;
const OSES = ['android', 'darwin', 'linux', 'win32', 'freebsd', 'openbsd', 'openharmony'];
const CPUS = ['arm64', 'x64', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x', 'ia32'];
let added = 0;
for (const p of Object.values(pk)) {
  for (const [name, version] of Object.entries(p.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (pk[key]) continue;
    const base = name.split('/').pop();
    const os = OSES.find((o) => base.includes(o));
    const cpu = CPUS.find((c) => new RegExp(`-${c}(-|$)`).test(base));
    if (!os && !cpu) continue; // not a platform build: leave it to npm
    pk[key] = {
      version,
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(os === 'linux' ? { libc: [base.includes('musl') ? 'musl' : 'glibc'] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(pk).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform entries added`);
