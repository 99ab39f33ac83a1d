// `npm run lint:store`: builds and zips both packages (`wxt zip`, `wxt zip -b firefox`), then checks
// what the stores check. Firefox: Mozilla's addons-linter on the zip, 0 errors, and no warning
// outside the list below (each with why it is acceptable). Chrome Web Store: the manifest's rules
// (name and description lengths in every locale, icons, version) and no unused permissions, each
// with its justification in store/permissions.md. Also: icons rendered from assets/icon.svg, and the
// store listing's texts within the stores' limits. Prints one line per check; exits 1 if any fails.
// `--no-build` checks the packages already in .output/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import addonsLinter from 'addons-linter';
import { staleIcons } from './icons';
import { listingProblems } from './store-listing';

const root = resolve(import.meta.dirname, '..');
const out = join(root, '.output');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };

/** Chrome Web Store and manifest limits (developer.chrome.com: manifest name, description). */
const NAME_MAX = 75;
const DESCRIPTION_MAX = 132;
const ICON_SIZES = ['16', '32', '48', '128'];

/**
 * addons-linter warnings accepted, with why. UNSAFE_VAR_ASSIGNMENT: the only `innerHTML`
 * assignments in the bundles are Preact's, for `dangerouslySetInnerHTML`, which no component uses
 * (Biome's noDangerouslySetInnerHtml is an error); `preactOnly` proves each file's assignments are
 * that code.
 */
const ACCEPTED_WARNINGS: Record<string, { why: string; holds: (file: string) => boolean }> = {
  UNSAFE_VAR_ASSIGNMENT: {
    why: "Preact's dangerouslySetInnerHTML path; no component uses it",
    holds: (file) => preactOnly(readFileSync(join(out, 'firefox-mv2', file), 'utf8')),
  },
};

/** Every `innerHTML=` in the code is Preact's: `x.innerHTML=y.__html` or `x.innerHTML=""`. */
function preactOnly(code: string): boolean {
  const all = code.match(/\.innerHTML\s*=(?!=)[^,;)]*/g) ?? [];
  return all.length > 0 && all.every((a) => /\.innerHTML\s*=\s*(\w+\.__html|"")\s*$/.test(a));
}

/**
 * Each API permission and the built code that uses it (in chrome-mv3's JS): a permission no code
 * uses fails. activeTab has no API of its own: it is the popup reading its tab's URL.
 */
const PERMISSION_USE: Record<string, RegExp> = {
  storage: /\.storage\.(local|onChanged)\b/,
  alarms: /\.alarms\.(create|get|onAlarm)\b/,
  unlimitedStorage: /\bindexedDB\b/,
  activeTab: /\.tabs\.query\(/,
  scripting: /\.scripting\.(registerContentScripts|executeScript)\b/,
};

const results: Array<{ ok: boolean; what: string; detail?: string }> = [];
function check(what: string, problems: string[]): void {
  results.push({
    ok: problems.length === 0,
    what,
    ...(problems.length ? { detail: problems.join('\n    ') } : {}),
  });
}

function zips(): { chrome: string; firefox: string; sources: string } {
  const name = (kind: string) => join(out, `${pkg.name}-${pkg.version}-${kind}.zip`);
  return { chrome: name('chrome'), firefox: name('firefox'), sources: name('sources') };
}

function allJs(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}

interface Manifest {
  name: string;
  description: string;
  version: string;
  manifest_version: number;
  default_locale?: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  browser_action?: { default_icon?: Record<string, string> };
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: Array<{ matches: string[] }>;
}

const readManifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

/** `__MSG_key__` in each locale of the build. */
function localised(dir: string, value: string): Array<{ locale: string; text: string }> {
  const key = /^__MSG_(\w+)__$/.exec(value)?.[1];
  if (!key) return [{ locale: '(manifest)', text: value }];
  return readdirSync(join(dir, '_locales')).map((locale) => {
    const messages = JSON.parse(
      readFileSync(join(dir, '_locales', locale, 'messages.json'), 'utf8'),
    ) as Record<string, { message: string }>;
    return { locale, text: messages[key]?.message ?? '' };
  });
}

function pngSize(file: string): [number, number] | undefined {
  if (!existsSync(file)) return undefined;
  const png = readFileSync(file);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

function iconProblems(dir: string, set: Record<string, string> | undefined, what: string): string[] {
  if (!set) return [`${what}: none`];
  const problems = ICON_SIZES.filter((s) => !set[s]).map((s) => `${what}: no ${s} px icon`);
  for (const [size, path] of Object.entries(set)) {
    const dims = pngSize(join(dir, path));
    if (!dims) problems.push(`${what} ${size}: ${path} missing`);
    else if (dims[0] !== Number(size) || dims[1] !== Number(size))
      problems.push(`${what} ${size}: ${path} is ${dims[0]}×${dims[1]}`);
  }
  return problems;
}

/** The `### \`…\`` headings of store/permissions.md: every name a heading lists. */
function justified(): Set<string> {
  const text = readFileSync(join(root, 'store/permissions.md'), 'utf8');
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('### ')) continue;
    for (const m of line.matchAll(/`([^`]+)`/g)) if (m[1]) names.add(m[1]);
  }
  return names;
}

function chromeChecks(): void {
  const dir = join(out, 'chrome-mv3');
  const m = readManifest(dir);
  check('Chrome: manifest version 3, version x.y.z equal to package.json', [
    ...(m.manifest_version === 3 ? [] : [`manifest_version ${m.manifest_version}`]),
    ...(/^\d+\.\d+\.\d+$/.test(m.version) ? [] : [`version ${m.version} is not x.y.z`]),
    ...(m.version === pkg.version ? [] : [`version ${m.version} ≠ package.json ${pkg.version}`]),
  ]);
  check(`Chrome: name ≤ ${NAME_MAX} and description ≤ ${DESCRIPTION_MAX} characters in every locale`, [
    ...localised(dir, m.name)
      .filter((l) => !l.text || [...l.text].length > NAME_MAX)
      .map((l) => `name (${l.locale}): ${[...l.text].length} characters`),
    ...localised(dir, m.description)
      .filter((l) => !l.text || [...l.text].length > DESCRIPTION_MAX)
      .map((l) => `description (${l.locale}): ${[...l.text].length} characters`),
  ]);
  check('Chrome: icons 16, 32, 48, 128 px, and the toolbar’s', [
    ...iconProblems(dir, m.icons, 'icons'),
    ...iconProblems(dir, m.action?.default_icon, 'action.default_icon'),
  ]);
  const code = allJs(dir);
  const permissions = m.permissions ?? [];
  check(
    'Chrome: no unused permission (each used by the built code)',
    permissions.flatMap((p) => {
      const use = PERMISSION_USE[p];
      if (!use)
        return [`${p}: no known use (add it to PERMISSION_USE in scripts/lint-store.ts with its evidence)`];
      return use.test(code) ? [] : [`${p}: the built code never uses it (${use})`];
    }),
  );
  check(
    'Chrome: each host permission is a data source the built code asks',
    (m.host_permissions ?? []).flatMap((h) => {
      const host = new URL(h.replace(/\*$/, '')).hostname;
      return code.includes(host) ? [] : [`${h}: not in the built code`];
    }),
  );
  check(
    'Chrome: optional host permissions are requested at run time',
    (m.optional_host_permissions ?? []).length && !/\.permissions\.request\(/.test(code)
      ? ['optional_host_permissions, but no permissions.request in the code']
      : [],
  );
  const asked = [
    ...permissions,
    ...(m.host_permissions ?? []),
    ...(m.optional_host_permissions ?? []),
    ...(m.content_scripts ?? []).flatMap((c) => c.matches),
  ];
  const written = justified();
  const firefoxOnly = new Set(['data_collection_permissions']);
  check('Chrome: a justification in store/permissions.md for each permission, and none stale', [
    ...asked.filter((p) => !written.has(p)).map((p) => `${p}: no justification`),
    ...[...written]
      .filter((p) => !asked.includes(p) && !firefoxOnly.has(p) && !p.startsWith('websiteContent'))
      .map((p) => `${p}: justified but not asked for`),
  ]);
  check('Chrome: package', existsSync(zips().chrome) ? [] : [`${zips().chrome} missing`]);
}

async function firefoxChecks(): Promise<void> {
  const dir = join(out, 'firefox-mv2');
  const m = readManifest(dir);
  check('Firefox: icons 16, 32, 48, 128 px, and the toolbar’s', [
    ...iconProblems(dir, m.icons, 'icons'),
    ...iconProblems(dir, m.browser_action?.default_icon, 'browser_action.default_icon'),
  ]);
  const zip = zips().firefox;
  if (!existsSync(zip)) {
    check('Firefox: addons-linter', [`${zip} missing`]);
    return;
  }
  const linter = addonsLinter.createInstance({
    config: {
      _: [zip],
      logLevel: 'fatal',
      stack: false,
      pretty: false,
      warningsAsErrors: false,
      metadata: false,
      output: 'none',
      boring: true,
      selfHosted: false,
    },
    runAsBinary: false,
  });
  const report = await linter.run();
  const errors = report.errors.map((e) => `error ${e.code}: ${e.message} (${e.file ?? 'manifest'})`);
  check(`Firefox: addons-linter, 0 errors (${report.errors.length})`, errors);
  const warnings = report.warnings.map((w) => {
    const accepted = ACCEPTED_WARNINGS[w.code];
    const ok = !!accepted && !!w.file && accepted.holds(w.file);
    return { ok, line: `warning ${w.code} in ${w.file ?? 'manifest'}: ${ok ? accepted?.why : w.message}` };
  });
  check(
    `Firefox: addons-linter warnings, each accepted (${report.warnings.length})`,
    warnings.filter((w) => !w.ok).map((w) => w.line),
  );
  for (const w of warnings.filter((w) => w.ok)) console.log(`  accepted: ${w.line}`);
  for (const n of report.notices) console.log(`  notice ${n.code}: ${n.message}`);
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    // Quiet unless it fails: the build's own warnings would bury the checks' lines.
    for (const args of [
      ['wxt', 'zip'],
      ['wxt', 'zip', '-b', 'firefox'],
    ]) {
      const r = spawnSync('npx', args, { cwd: root, encoding: 'utf8' });
      if (r.status !== 0) {
        console.error(r.stdout, r.stderr);
        check(`npx ${args.join(' ')}`, [`exit ${r.status}`]);
        report();
      }
    }
  }
  check(
    'Icons: public/icon* rendered from assets/icon.svg',
    staleIcons().map((p) => `${p} out of date`),
  );
  check('Store listing: texts within the stores’ limits', listingProblems());
  chromeChecks();
  await firefoxChecks();
  report();
}

function report(): never {
  for (const r of results) console.log(`${r.ok ? '✔' : '✖'} ${r.what}${r.detail ? `\n    ${r.detail}` : ''}`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(
    failed
      ? `lint:store: ${failed} of ${results.length} checks failed`
      : `lint:store: ${results.length} checks passed`,
  );
  process.exit(failed ? 1 : 0);
}

await main();
