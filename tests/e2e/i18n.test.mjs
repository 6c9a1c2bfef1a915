// The page in English and 简体中文 (docs/page.md, "Languages"): the header's switch changes every
// visible text mid-run without touching the run (same digest), a reload keeps the language,
// `?lang=zh-CN` opens in Chinese, and in Chinese no tab, dialog or menu shows an English word
// outside the protocol terms, the command language and what ZooKeeper itself prints (zkCli's
// output, the trace, zxids, paths, data). No text overflows at 1024×768 in either language.
// Screenshots of both languages go to target/e2e/. The release page carries English only; the
// 简体中文 catalogues are fetched on demand (i18n/zh-CN.json): an English first load does not
// ask for them, `setLang('zh-CN')` resolves once they are in, a failed fetch says so and leaves
// English working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../../scripts/chromium.mjs';

const url = process.env.ZABSCOPE_URL ?? 'http://127.0.0.1:8080/';
let browser;
let page;
const consoleErrors = [];
const requests = [];
const catalogueRequests = () => requests.filter((u) => u.includes('/i18n/')).map((u) => new URL(u).pathname);

const shot = async (name) => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `target/e2e/${name}.png` });
};
const text = (sel) => page.locator(sel).first().textContent();
const api = (fn, ...args) => page.evaluate(([fn, args]) => window.zabscope[fn](...args), [fn, args]);

async function open(query = '', width = 1280, height = 800) {
  await page.setViewportSize({ width, height });
  await page.goto(new URL(query, url).toString());
  await page.waitForSelector('.zs-node', { timeout: 30_000 });
  await page.waitForFunction(() => window.zabscope !== undefined);
}

/**
 * Until `p` shows `lang`. A page opened in 简体中文 (`?lang=zh-CN`, the browser's language)
 * first renders in English and switches once its catalogue has been fetched: reading a text,
 * or choosing another language, before then races that fetch.
 */
const shows = (lang, p = page) => p.waitForFunction((lang) => window.zabscope?.lang() === lang, lang, { timeout: 30_000 });

async function command(line) {
  await page.fill('#command', line);
  await page.press('#command', 'Enter');
}

// Words a Chinese page keeps in Latin letters: ZooKeeper's states, messages, ids and config
// keys, units, the command language (typed examples), keys on the keyboard, ZooKeeper's own
// names for events, states and errors.
const ALLOWED = new Set([
  'LOOKING', 'FOLLOWING', 'LEADING', 'OBSERVING', 'ELECTION', 'DISCOVERY', 'SYNCHRONIZATION',
  'BROADCAST', 'PROPOSAL', 'ACK', 'ACKs', 'COMMIT', 'DIFF', 'TRUNC', 'SNAP', 'NEWLEADER',
  'UPTODATE', 'PING', 'LEADERINFO', 'ACKEPOCH', 'FOLLOWERINFO', 'NOTIFICATION', 'REQUEST',
  'REVALIDATE', 'INFORM', 'SYNC', 'CLOSED', 'CONNECTED', 'CONNECTING', 'zxid', 'epoch', 'sid',
  'myid', 'server', 'peerEpoch', 'finalizeWait', 'tickTime', 'initLimit', 'syncLimit', 'zoo',
  'cfg', 'ZooKeeper', 'zkCli', 'ms', 's', 'ppm', 'TCP', 'OK', 'Ok', 'sync', 'cxid',
  'currentEpoch', 'acceptedEpoch', 'lastZxid', 'lastLogged', 'lastCommitted', 'txn', 'create',
  'connect', 'crash', 'partition', 'get', 'set', 'stat', 'ls', 'help', 'app', 'hello', 'data',
  'client', 'recipe', 'lock', 'locks', 'fair', 'timeout', 'Esc', 'Space', 'Enter', 'NodeCreated',
  'NodeDeleted', 'NodeDataChanged', 'NodeChildrenChanged', 'None', 'SyncConnected', 'Created',
  'null', 'ruok', 'srvr', 'conf', 'cons', 'dump', 'wchs', 'wchc', 'wchp', 'envi', 'mntr',
  'English', 'x', 'v', 'e', 'w', 'ZabScope', 'ShiViz', 'start', 'createSession', 'closeSession', 'delete',
  'setData', 'getData', 'exists', 'getChildren', 'multi', 'ZAB', 'znode', 'ID', 'N', 'config',
  // What this test types, echoed in an error or a marker (the user's own words, the command
  // language), and a txn's own flag as the log shows it (`create /p "data" ephemeral`).
  'frobnicate', 'heal', 'ephemeral',
]);

/** Visible English words outside ALLOWED: texts, titles, ARIA labels, placeholders. */
const englishWords = (where) => page.evaluate(([allowed, where]) => {
  // What ZooKeeper or the user wrote is shown as it is: zkCli's output, code (messages with
  // their fields, zxids, paths, txns, commands, what a server said), four-letter-word answers,
  // a client's answers, the glossary's English column. The trace and the manual-delivery list
  // are checked: their sentences are by key, only their protocol parts are code.
  const verbatim = '.zs-zkcli-out, code, pre, kbd, .zs-answer, [lang="en"], .zs-msg-label, #clock';
  const bad = new Set();
  const check = (s, from) => {
    for (const w of s.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []) {
      if (allowed.includes(w) || /\d/.test(w) || /^0x/.test(w)) continue;
      bad.add(`${w} (${from.slice(0, 60)})`);
    }
  };
  const root = document.querySelector(where) ?? document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const e = n.parentElement;
    if (!e || e.closest(verbatim) || !n.textContent.trim()) continue;
    if (!e.getClientRects().length && !e.closest('svg title, title')) continue;
    check(n.textContent, n.textContent.trim());
  }
  for (const e of root.querySelectorAll('[title], [aria-label], [placeholder]')) {
    if (e.closest(verbatim)) continue;
    for (const a of ['title', 'aria-label']) if (e.getAttribute(a)) check(e.getAttribute(a), `${a}: ${e.getAttribute(a)}`);
  }
  return [...bad];
}, [[...ALLOWED], where]);

/** Texts wider than their box, and a page wider than the window. */
const overflow = () => page.evaluate(() => {
  const out = [];
  for (const e of document.querySelectorAll('.zs-header *, .zs-tabs *, .zs-transport *, .zs-narration, .zs-setup button, .zs-setup label, .zs-menu button')) {
    if (!e.getClientRects().length) continue;
    if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'auto') out.push(`${e.tagName}#${e.id}.${e.className}: ${e.textContent.slice(0, 30)} (${e.scrollWidth} > ${e.clientWidth})`);
  }
  const w = document.documentElement.scrollWidth;
  if (w > window.innerWidth) out.push(`page ${w} px wide in ${window.innerWidth}`);
  return out;
});

before(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  // Every journey starts from the default run (the page keeps the last run across reloads).
  await page.addInitScript(() => localStorage.removeItem("zabscope.run"));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  mkdirSync('target/e2e', { recursive: true });
});

after(async () => { await browser?.close(); });

test('switching to 简体中文 mid-run changes the texts, not the run; a reload keeps it', async () => {
  // No ?lang= (a reload would apply it again): the browser's language, English here.
  await open('');
  assert.equal(await api('lang'), 'en');
  assert.equal(await text('#tab-election'), 'Election');
  await api('step', 150);
  await command('connect c1 1');
  await api('step', 20);
  const before = await api('view');
  assert.equal(before.lang, 'en');
  // Play, and switch while it plays: the clock keeps going.
  await page.click('#play');
  await page.selectOption('#lang', 'zh-CN');
  await page.waitForFunction(() => document.querySelector('#tab-election').textContent === '选举');
  const s0 = (await api('view', { logTail: 1 })).step;
  await page.waitForFunction((s) => window.zabscope.view({ logTail: 1 }).step > s + 5, s0);
  await page.click('#pause');
  assert.equal(await text('#tab-election'), '选举');
  assert.match(await text('#step-count'), /^第 \d+ 步$/);
  assert.match(await text('#narration'), /[\u4e00-\u9fff]/);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  const v = await api('view');
  assert.equal(v.lang, 'zh-CN');
  assert.deepEqual(Object.keys(before).filter((k) => !(k in v)), [], 'no field lost');
  if (v.narration) {
    assert.equal(typeof v.narration.key, 'string', 'the narration by key as before');
    assert.match(v.narrationText, /[\u4e00-\u9fff]/);
  }
  // The same run as one that never switched: replay its script in English and compare.
  const script = await api('script');
  const digest = await api('digest');
  const steps = v.step;
  await shot('i18n-zh-1280');
  await page.reload();
  // The reload opens in 简体中文 once its catalogue is in (fetched again: a new page).
  await page.waitForSelector('.zs-node', { timeout: 30_000 });
  await page.waitForFunction(() => window.zabscope?.lang() === 'zh-CN');
  assert.equal(await api('lang'), 'zh-CN', 'the reload kept the language');
  assert.equal(await text('#tab-election'), '选举');
  assert.deepEqual(await api('setLang', 'en'), { ok: true, lang: 'en' });
  assert.equal(await text('#tab-election'), 'Election');
  assert.equal((await api('load', script)).ok, true);
  await api('seek', steps);
  await api('step', 0);
  assert.equal(await api('digest'), digest, 'the language switch changed nothing in the run');
  const bad = await api('setLang', 'fr');
  assert.equal(bad.ok, false);
  assert.match(bad.error, /'fr' is not a language; use one of en, zh-CN/);
});

test('简体中文 loads on demand: not in an English first load; setLang resolves once it is in', async () => {
  requests.length = 0;
  await open('?lang=en');
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm was loaded');
  assert.deepEqual(catalogueRequests(), [], 'no 简体中文 catalogue in an English first load');
  await api('step', 150);
  await command('connect c1 1');
  await api('step', 10);
  const digest = await api('digest');
  const step = (await api('view', { logTail: 1 })).step;
  // The promise resolves when the page shows 简体中文, not before.
  assert.deepEqual(await api('setLang', 'zh-CN'), { ok: true, lang: 'zh-CN' });
  assert.equal(await text('#tab-election'), '选举');
  assert.match(await text('#narration'), /[\u4e00-\u9fff]/);
  assert.deepEqual(catalogueRequests(), ['/i18n/zh-CN.json']);
  assert.equal(await api('digest'), digest, 'the switch did not touch the run');
  assert.equal((await api('view', { logTail: 1 })).step, step);
  // Back and forth: the catalogue stays, nothing is fetched again.
  assert.deepEqual(await api('setLang', 'en'), { ok: true, lang: 'en' });
  assert.deepEqual(await api('setLang', 'zh-CN'), { ok: true, lang: 'zh-CN' });
  assert.deepEqual(catalogueRequests(), ['/i18n/zh-CN.json']);
  await api('setLang', 'en');
});

test('a failed catalogue fetch says so; English keeps working', async () => {
  const errorsBefore = consoleErrors.length;
  await page.route('**/i18n/zh-CN.json', (r) => r.fulfill({ status: 503, body: 'down' }));
  try {
    await open('?lang=en');
    await page.selectOption('#lang', 'zh-CN');
    await page.waitForSelector('#lang-status.zs-bad');
    assert.equal(await text('#lang-status'), '简体中文 could not be loaded');
    assert.match(await page.getAttribute('#lang-status', 'title'), /zh-CN\.json: HTTP 503/);
    assert.equal(await api('lang'), 'en');
    assert.equal(await text('#tab-election'), 'Election');
    const r = await api('setLang', 'zh-CN');
    assert.equal(r.ok, false);
    assert.match(r.error, /the zh-CN catalogue could not be loaded: .*HTTP 503/);
    // The page still works, in English.
    await api('step', 150);
    await command('connect c1 1');
    assert.equal(await page.locator('#command-error').count(), 0);
    await page.click('#tab-clients');
    assert.match(await text('#tab-clients'), /^Clients/);
    assert.match(await text('#step-count'), /^step \d+$/);
    // Opening in 简体中文 with the file missing: English, and the same message.
    await open('?lang=zh-CN');
    await page.waitForSelector('#lang-status.zs-bad');
    assert.equal(await text('#tab-election'), 'Election');
    await shot('i18n-zh-failed');
  } finally {
    await page.unroute('**/i18n/zh-CN.json');
  }
  // The browser logs the failed request itself (503): expected here, not a page error.
  const unexpected = consoleErrors.splice(errorsBefore).filter((e) => !/503/.test(e));
  assert.deepEqual(unexpected, []);
  // Once the file is back, the switch works without a reload.
  assert.deepEqual(await api('setLang', 'zh-CN'), { ok: true, lang: 'zh-CN' });
  assert.equal(await text('#tab-election'), '选举');
  assert.equal(await page.locator('#lang-status').count(), 0, 'the message is gone');
});

test('?lang=zh-CN opens in Chinese; no English on any tab, dialog or menu', async () => {
  // A switch rewrites ?lang= in the address, so a reload keeps what was chosen.
  await open('?lang=zh-CN');
  // Chosen once the page shows 简体中文: a choice made while its catalogue is on its way is
  // another journey (and the fetch would still be pending).
  await shows('zh-CN');
  await page.selectOption('#lang', 'en');
  assert.match(page.url(), /\?lang=en$/);
  await page.reload();
  await page.waitForFunction(() => window.zabscope !== undefined);
  assert.equal(await api('lang'), 'en');
  await open('?lang=zh-CN', 1024, 768);
  await shows('zh-CN');
  assert.equal(await text('#tab-election'), '选举');
  assert.deepEqual(await englishWords('.zs-app'), [], 'at boot');
  await page.click('#run-1s');
  await command('connect c1 1');
  await command('create c1 /app hello');
  await command('client c2 connect 1,2,3 timeout 4000');
  await command('recipe c2 lock /app fair');
  await command('recipe c2 lock app');
  assert.match(await text('#command-error'), /[\u4e00-\u9fff].*Path must start with/, 'a recipe error in Chinese, quoting ZooKeeper');
  await command('frobnicate 3');
  assert.match(await text('#command-error'), /[\u4e00-\u9fff]/, 'a command error in Chinese');
  await command('partition 1,2|3,4,5');
  await api('run', 3000);
  await command('heal');
  await page.click('#step');
  // The trace, in Chinese apart from its protocol parts.
  assert.match(await text('#events li'), /[\u4e00-\u9fff]/, 'a trace line in Chinese');
  const found = [];
  for (const tab of ['election', 'broadcast', 'logs', 'data', 'clients', 'locks', '4lw']) {
    await page.click(`#tab-${tab}`);
    if (tab === '4lw') await page.click('.zs-word-ruok');
    found.push(...(await englishWords('.zs-app')).map((w) => `${tab}: ${w}`));
    found.push(...(await overflow()).map((w) => `${tab} overflow: ${w}`));
  }
  await page.click(".zs-client[data-client='c1']");
  await page.fill('#zkcli-input', 'ls /');
  await page.press('#zkcli-input', 'Enter');
  found.push(...(await englishWords('#zkcli')).map((w) => `zkcli: ${w}`));
  await page.click('.zs-zkcli-close');
  await page.click(".zs-node[data-myid='2']");
  found.push(...(await englishWords('#server-menu')).map((w) => `menu: ${w}`));
  await page.keyboard.press('Escape');
  await page.check('#manual');
  await page.waitForSelector('.zs-enabled');
  assert.match(await text('.zs-enabled > span'), /[\u4e00-\u9fff]/, 'a manual-delivery item in Chinese');
  found.push(...(await englishWords('.zs-app')).map((w) => `manual: ${w}`));
  await page.uncheck('#manual');
  await page.click('#open-setup');
  found.push(...(await englishWords('.zs-modal')).map((w) => `set-up: ${w}`));
  found.push(...(await overflow()).map((w) => `set-up overflow: ${w}`));
  await shot('i18n-zh-setup');
  await page.click('.zs-modal button[type=button]');
  await page.click('#help');
  found.push(...(await englishWords('.zs-modal')).map((w) => `help: ${w}`));
  await page.click('#open-glossary');
  await page.waitForSelector('#glossary');
  const terms = await page.locator('#glossary tbody tr').count();
  assert.ok(terms >= 30, `${terms} glossary terms`);
  found.push(...(await englishWords('.zs-modal')).map((w) => `glossary: ${w}`));
  await shot('i18n-zh-glossary');
  await page.keyboard.press('Escape');
  assert.deepEqual(found, []);
  await shot('i18n-zh-1024');
});

test('no overflow at 1024×768 in English either, projector mode included', async () => {
  for (const lang of ['en', 'zh-CN']) {
    await open(`?lang=${lang}`, 1024, 768);
    await shows(lang);
    await page.click('#run-1s');
    await command('connect c1 1');
    const found = [];
    for (const projector of [false, true]) {
      if (projector) await page.click('#projector');
      for (const tab of ['election', 'broadcast', 'logs', 'clients', 'locks']) {
        await page.click(`#tab-${tab}`);
        found.push(...(await overflow()).map((w) => `${lang}${projector ? ' projector' : ''} ${tab}: ${w}`));
      }
    }
    assert.deepEqual(found, []);
    await shot(`i18n-${lang}-1024-projector`);
  }
});

test('a reload in 简体中文 with the run kept opens in 简体中文, at the same step', async () => {
  // A context of its own: the page keeps its run here (the other journeys drop it).
  const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const p = await ctx.newPage();
  await p.goto(new URL('?lang=zh-CN', url).toString());
  await shows('zh-CN', p);
  await p.evaluate(() => window.zabscope.run(1500));
  const digest = await p.evaluate(() => window.zabscope.digest());
  await p.waitForFunction(() => localStorage.getItem('zabscope.run') !== null);
  await p.reload();
  await shows('zh-CN', p);
  assert.equal(await p.locator('#tab-election').textContent(), '选举');
  assert.equal(await p.evaluate(() => window.zabscope.digest()), digest, 'the kept run');
  await ctx.close();
});

test('English chosen while 简体中文 is on its way is the language kept', async () => {
  const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const p = await ctx.newPage();
  // The catalogue is held until English has been chosen (a slow network), then let through.
  let release;
  const held = new Promise((r) => { release = r; });
  await p.route('**/i18n/zh-CN.json', async (route) => { await held; await route.continue(); });
  await p.goto(new URL('?lang=zh-CN', url).toString());
  // The page waits for the catalogue hidden, at most a second, then shows itself in English.
  await p.waitForSelector('.zs-node', { timeout: 30_000 });
  assert.equal(await p.evaluate(() => window.zabscope.lang()), 'en');
  await p.selectOption('#lang', 'en');
  assert.match(p.url(), /\?lang=en$/, 'the address says what was chosen');
  assert.equal(await p.evaluate(() => localStorage.getItem('zabscope.lang')), 'en');
  const arrived = p.waitForEvent('requestfinished', (r) => r.url().includes('/i18n/zh-CN.json'));
  release();
  await arrived;
  await p.reload();
  await p.waitForFunction(() => window.zabscope !== undefined);
  assert.equal(await p.evaluate(() => window.zabscope.lang()), 'en', 'a reload keeps English');
  assert.equal(await p.locator('#tab-election').textContent(), 'Election');
  await ctx.close();
});

test('the browser language is the default; the README screenshot in Chinese', async () => {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const p = await ctx.newPage();
  // Every journey starts from the default run (the page keeps the last run across reloads).
  await p.addInitScript(() => localStorage.removeItem("zabscope.run"));
  await p.goto(url);
  await p.waitForSelector('.zs-node', { timeout: 30_000 });
  await shows('zh-CN', p);
  assert.equal(await p.locator('#tab-election').textContent(), '选举');
  await p.evaluate(() => window.zabscope.step(120));
  await p.evaluate(() => window.zabscope.command('connect c1 1'));
  await p.evaluate(() => window.zabscope.command('create c1 /app hello'));
  await p.evaluate(() => window.zabscope.step(4));
  await p.click('#tab-broadcast');
  await p.screenshot({ path: 'target/e2e/i18n-zh-readme.png' });
  await ctx.close();
});

test('no console errors', () => {
  assert.deepEqual(consoleErrors, []);
});
