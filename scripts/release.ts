// `npm run release`: the packages for the stores, checked. Refuses unless package.json's version
// is semver and CHANGELOG.md has its section; then builds and zips both packages and runs every
// store check (scripts/lint-store.ts), checks the listing's screenshots (from `npm run demo`), and
// prints each file to upload with its SHA-256.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listingProblems } from './store-listing';

const root = resolve(import.meta.dirname, '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

function fail(why: string): never {
  console.error(`release: ${why}`);
  process.exit(1);
}

// semver.org's pattern, without build metadata (the manifests take x.y.z only).
if (!/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(version))
  fail(`version ${version} is not x.y.z (the browsers' manifests take numbers only)`);
const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
if (!new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm').test(changelog))
  fail(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section: say what this version changes`);

const checks = spawnSync('npx', ['tsx', 'scripts/lint-store.ts'], { cwd: root, stdio: 'inherit' });
if (checks.status !== 0) fail('the store checks failed (above)');

const screenshots = listingProblems({ screenshots: true });
if (screenshots.length) fail(`store screenshots: ${screenshots.join('; ')} (run npm run demo first)`);

console.log(`\nTickerlens ${version}, ready to upload:`);
for (const [store, kind] of [
  ['Chrome Web Store', 'chrome'],
  ['addons.mozilla.org', 'firefox'],
  ['addons.mozilla.org (source code, asked for by reviewers)', 'sources'],
] as const) {
  const file = join(root, '.output', `${name}-${version}-${kind}.zip`);
  if (!existsSync(file)) fail(`${file} missing`);
  const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
  console.log(`  ${store}: .output/${name}-${version}-${kind}.zip  sha256 ${sha}`);
}
console.log('  Listing: store/listing.yaml; permissions: store/permissions.md; policy: PRIVACY.md');
