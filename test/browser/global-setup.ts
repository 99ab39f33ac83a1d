/**
 * Builds the extension once before the browser tests, unless `.output/chrome-mv3` is newer than
 * every source file (then it is reused). Fails early, with one line, when Chromium is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { assertChromium, EXTENSION_DIR } from '../support/chromium';
import { REPO_ROOT } from '../support/paths';

const SOURCES = [
  'entrypoints',
  'components',
  'utils',
  'public',
  'wxt.config.ts',
  'package.json',
  'package-lock.json',
  // The welcome page's example post and the privacy page are built from these.
  'demo/posts.ts',
  'PRIVACY.md',
];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

export function isBuildFresh(): boolean {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifest)) return false;
  const built = statSync(manifest).mtimeMs;
  return SOURCES.every((s) => !existsSync(join(REPO_ROOT, s)) || newestMtime(join(REPO_ROOT, s)) <= built);
}

export default function setup(): void {
  try {
    assertChromium();
  } catch (err) {
    // One clear line, not a stack trace.
    console.error(`\n${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  if (isBuildFresh()) return;
  execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}
