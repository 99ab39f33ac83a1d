// `npm run check:firefox`: loads the Firefox build (.output/firefox-mv2) into a real Firefox
// (Debian's firefox-esr, headless) as a temporary add-on over WebDriver BiDi (webExtension.install,
// Firefox 138+), opens the options, notes and popup pages, and from each asks the background for the
// recent notes and a source check and reads storage.local: the extension loads, its pages render,
// its worker answers them. Not part of `npm test` (CI has no Firefox). Node 20 needs
// --experimental-websocket for the BiDi connection.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ext = process.argv[2] ?? join(process.cwd(), '.output/firefox-mv2');
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const profile = mkdtempSync(join(tmpdir(), 'ffprof-'));
const UUID = '6a1f0c2e-8d7b-4c39-9a51-2b7e3f4d5c60';
(await import('node:fs')).writeFileSync(
  join(profile, 'user.js'),
  `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ 'tickerlens@tickerlens.dev': UUID }))});\n`,
);
const port = 9333 + Math.floor(Math.random() * 500);
const ff = spawn(
  FIREFOX,
  ['--headless', '--no-remote', '--profile', profile, `--remote-debugging-port=${port}`, 'about:blank'],
  { stdio: ['ignore', 'pipe', 'pipe'] },
);
let log = '';
ff.stderr.on('data', (d) => {
  log += d;
});
const done = (code, msg) => {
  console.log(msg);
  ff.kill();
  process.exit(code);
};
setTimeout(() => done(1, `timeout\n${log.slice(-2000)}`), 90_000);
for (let i = 0; i < 60 && !log.includes('WebDriver BiDi listening'); i++)
  await new Promise((r) => setTimeout(r, 500));
const ws = new WebSocket(`ws://127.0.0.1:${port}/session`);
let next = 0;
const pending = new Map();
ws.onmessage = (e) => {
  const m = JSON.parse(e.data);
  if (m.id && pending.has(m.id)) {
    pending.get(m.id)(m);
    pending.delete(m.id);
  } else if (m.type === 'event') console.log('event', m.method, JSON.stringify(m.params).slice(0, 300));
};
const send = (method, params) =>
  new Promise((r) => {
    const id = ++next;
    pending.set(id, r);
    ws.send(JSON.stringify({ id, method, params }));
  });
await new Promise((r) => {
  ws.onopen = r;
});
console.log('session', JSON.stringify(await send('session.new', { capabilities: {} })).slice(0, 200));
await send('session.subscribe', { events: ['log.entryAdded'] });
const installed = await send('webExtension.install', { extensionData: { type: 'path', path: ext } });
console.log('install', JSON.stringify(installed));
await new Promise((r) => setTimeout(r, 3000));
const tree = await send('browsingContext.getTree', {});
const context = tree.result.contexts[0].context;
for (const page of ['options.html', 'notes.html', 'popup.html']) {
  const nav = await send('browsingContext.navigate', {
    context,
    url: `moz-extension://${UUID}/${page}`,
    wait: 'complete',
  });
  console.log('navigate', page, nav.type, nav.error ?? '', nav.message ?? '');
  await new Promise((r) => setTimeout(r, 1500));
  const probe = await send('script.evaluate', {
    target: { context },
    awaitPromise: true,
    expression: `(async () => {
      const reply = await browser.runtime.sendMessage({ type: 'tickerlens:recent-notes', limit: 5 });
      const check = await browser.runtime.sendMessage({ type: 'tickerlens:check-source', source: 'goplus' });
      const settings = await browser.storage.local.get('tickerlens:settings');
      return JSON.stringify({ title: document.title, body: document.body.innerText.slice(0, 160), reply, check, hasSetAccessLevel: typeof browser.storage.local.setAccessLevel, settings: Object.keys(settings) });
    })()`,
  });
  console.log('probe', page, JSON.stringify(probe.result?.result?.value ?? probe).slice(0, 700));
}
done(installed.type === 'success' ? 0 : 1, 'done');
