// Share and keep (docs/page.md, "Share and keep"): links opened in fresh browser contexts,
// corrupted and hostile links, a reload, export → import, the ShiViz log's vector clocks, the
// Content-Security-Policy; and the benchmark of opening a 10-simulated-minute run's link
// (printed, not asserted). Run by scripts/test.sh with ZABSCOPE_URL pointing at a served dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../../scripts/chromium.mjs';

const url = process.env.ZABSCOPE_URL ?? 'http://127.0.0.1:8080/';
const origin = new URL(url).origin;
let browser;

before(async () => {
  browser = await launchChromium();
  mkdirSync('target/e2e', { recursive: true });
});

after(async () => {
  await browser?.close();
});

// A fresh browser context (empty localStorage), watching for dialogs, foreign requests and
// CSP violations.
async function context() {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const seen = { dialogs: 0, foreign: [], errors: [] };
  page.on('dialog', (d) => { seen.dialogs += 1; d.dismiss(); });
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) seen.foreign.push(r.url()); });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  return { ctx, page, seen };
}

async function open(page, where = url) {
  await page.goto(where);
  await page.waitForSelector('.zs-node', { timeout: 60_000 });
  await page.waitForFunction(() => window.zabscope !== undefined);
}

const api = (page, fn, ...args) => page.evaluate(([fn, args]) => window.zabscope[fn](...args), [fn, args]);
const stepShown = async (page) => Number((await page.locator('#step-count').textContent()).replace(/\D/g, ''));

// A link in the page's format with the JSON stored as literals (codec.rs: `Z`, the length,
// one literal run): how a hand-made link is built.
function literalLink(json) {
  const bytes = Buffer.from(json, 'utf8');
  const varint = (n) => { const out = []; while (n >= 0x80) { out.push((n % 0x80) | 0x80); n = Math.floor(n / 0x80); } out.push(n); return out; };
  const data = Buffer.concat([Buffer.from([0x5a, ...varint(bytes.length), ...varint(bytes.length * 2)]), bytes]);
  return `${url}#run=${data.toString('base64url')}`;
}

const SCRIPT3 = 'seed 3\nconfig\ntickTime=2000\ninitLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\nend\nat 0 start 1\nat 0 start 2\nat 0 start 3\n';

function runFile(branches, current = 0) {
  return JSON.stringify({ format: 'zabscope-run', version: 1, lang: 'en', lesson: null, current, branches });
}

test('a shared link opened in a fresh browser shows the same step and digest, with its branches', async () => {
  const a = await context();
  await open(a.page);
  await api(a.page, 'run', 1000);
  await api(a.page, 'command', 'connect c1 1');
  await api(a.page, 'command', 'create c1 /a one');
  await api(a.page, 'run', 300);
  const end = await api(a.page, 'step', 0);
  await api(a.page, 'seek', end - 30);
  await api(a.page, 'command', 'create c1 /b two'); // a fork: the old future is branch 1
  await api(a.page, 'run', 100);
  assert.equal((await api(a.page, 'branches')).length, 2);
  const step = await api(a.page, 'step', 0);
  const digest = await api(a.page, 'digest');
  const link = await api(a.page, 'link');
  // The Share button shows the same link (copied, or to copy by hand).
  await a.page.click('#share');
  await a.page.waitForSelector('#share-link');
  assert.equal(await a.page.locator('#share-link').inputValue(), link);
  // The clipboard answers later (a Promise): measure the notice as it stays, saying whether
  // the link was copied, not the "Copying…" line shown until then.
  await a.page.waitForFunction(() => document.querySelector('#share-said')?.textContent !== 'Copying the link…');
  // One screen with the share notice and the branch list, labels ≥ 14 px.
  for (const [width, height] of [[1280, 800], [1024, 768]]) {
    await a.page.setViewportSize({ width, height });
    const fit = await a.page.evaluate(() => {
      const small = [...document.querySelectorAll('#share-notice *, .zs-branches, .zs-branches *, #share')]
        .filter((e) => e.getClientRects().length && e.textContent.trim())
        .map((e) => parseFloat(getComputedStyle(e).fontSize)).filter((px) => px < 14);
      const inside = (sel) => { const r = document.querySelector(sel).getBoundingClientRect(); return r.bottom <= innerHeight && r.right <= innerWidth; };
      return { h: document.documentElement.scrollHeight, ih: innerHeight, small,
        notice: inside('#share-notice'), branches: inside('#branches'), share: inside('#share') };
    });
    assert.ok(fit.h <= fit.ih, `page ${fit.h} px tall in ${fit.ih} at ${width}×${height}`);
    assert.deepEqual(fit.small, [], 'no label under 14 px');
    assert.ok(fit.notice && fit.branches && fit.share, JSON.stringify(fit));
    await a.page.screenshot({ path: `target/e2e/share-link-${width}.png` });
  }
  await a.ctx.close();

  const b = await context();
  await open(b.page, link);
  assert.equal(await api(b.page, 'step', 0), step);
  assert.equal(await stepShown(b.page), step);
  assert.equal(await api(b.page, 'digest'), digest);
  await b.page.waitForSelector('#share-info');
  assert.equal(await b.page.locator('#branches option').count(), 2, 'both branches came along');
  // Switch to the old future and back: the same digests.
  assert.equal((await api(b.page, 'switchBranch', 0)).ok, true);
  await api(b.page, 'seek', end);
  const old = await api(b.page, 'digest');
  await api(b.page, 'switchBranch', 1);
  assert.equal(await api(b.page, 'digest'), digest);
  await api(b.page, 'switchBranch', 0);
  assert.equal(await api(b.page, 'digest'), old);
  assert.deepEqual(b.seen.errors, []);
  await b.ctx.close();
});

test('a corrupted link says why and keeps the default run', async () => {
  const ref = await context();
  await open(ref.page);
  const fresh = await api(ref.page, 'digest');
  const link = await api(ref.page, 'link');
  await ref.ctx.close();
  for (const bad of [`${url}#run=garbage!!`, link.slice(0, link.length - 7), `${url}#run=WgA`]) {
    const c = await context();
    await open(c.page, bad);
    const err = await c.page.locator('#share-error').textContent({ timeout: 10_000 });
    assert.match(err, /could not be opened/);
    assert.equal(await api(c.page, 'digest'), fresh);
    assert.equal(await api(c.page, 'step', 0), 0);
    assert.equal(c.seen.dialogs, 0);
    await c.ctx.close();
  }
});

test('a reload restores the run', async () => {
  const c = await context();
  await open(c.page);
  await api(c.page, 'run', 1500);
  await api(c.page, 'command', 'connect c1 2');
  await api(c.page, 'command', 'create c1 /kept yes');
  await api(c.page, 'back', 5);
  const step = await api(c.page, 'step', 0);
  const digest = await api(c.page, 'digest');
  await c.page.waitForFunction(() => localStorage.getItem('zabscope.run') !== null);
  await c.page.reload();
  await c.page.waitForFunction(() => window.zabscope !== undefined);
  assert.equal(await api(c.page, 'step', 0), step);
  assert.equal(await api(c.page, 'digest'), digest);
  // A broken link opened later in the same browser says why and keeps the kept run.
  await c.page.goto(`${url}?again#run=broken`);
  await c.page.waitForFunction(() => window.zabscope !== undefined);
  await c.page.waitForSelector('#share-error');
  assert.equal(await api(c.page, 'digest'), digest);
  await c.ctx.close();
});

test('export then import gives the same digest', async () => {
  const a = await context();
  await open(a.page);
  await api(a.page, 'run', 1200);
  await api(a.page, 'command', 'crash 5');
  await api(a.page, 'run', 3000);
  const json = await api(a.page, 'exportRun');
  const digest = await api(a.page, 'digest');
  const parsed = JSON.parse(json);
  assert.equal(parsed.format, 'zabscope-run');
  assert.equal(parsed.version, 1);
  await a.ctx.close();
  const b = await context();
  await open(b.page);
  assert.deepEqual(await api(b.page, 'importRun', json), { ok: true, error: null });
  assert.equal(await api(b.page, 'digest'), digest);
  const bad = await api(b.page, 'importRun', '{"format":"zabscope-run","version":99}');
  assert.equal(bad.ok, false);
  assert.match(bad.error, /version 99/);
  assert.equal(await api(b.page, 'digest'), digest, 'a refused file leaves the run');
  await b.ctx.close();
});

test('the ShiViz log of a 3-server run parses with its expression and its vector clocks are consistent', async () => {
  const c = await context();
  await open(c.page);
  assert.equal((await api(c.page, 'load', SCRIPT3)).ok, true);
  await api(c.page, 'run', 3000);
  await api(c.page, 'command', 'connect c1 1');
  await api(c.page, 'command', 'create c1 /x 1');
  await api(c.page, 'run', 500);
  const log = await api(c.page, 'shiviz');
  await c.ctx.close();
  const [regexLine, delimiter, ...rest] = log.split('\n');
  assert.equal(regexLine, '(?<host>\\S*) (?<clock>{.*})\\n(?<event>.*)');
  assert.equal(delimiter, '');
  const body = rest.join('\n');
  const re = new RegExp(regexLine.replace('\\n', '\n'), 'g');
  const events = [...body.matchAll(re)].map((m) => ({ ...m.groups, clock: JSON.parse(m.groups.clock) }));
  assert.ok(events.length > 100, `${events.length} events`);
  assert.equal(events.length * 2, body.trim().split('\n').length, 'every line is part of an entry');
  const hosts = new Set(events.map((e) => e.host));
  assert.deepEqual([...hosts].sort(), ['server.1', 'server.2', 'server.3']);
  const own = {};
  const sends = {};
  let receives = 0;
  for (const e of events) {
    own[e.host] = (own[e.host] ?? 0) + 1;
    assert.equal(e.clock[e.host], own[e.host], 'each host counts 1, 2, 3 …');
    const send = e.event.match(/ send m(\d+) /);
    if (send) sends[send[1]] = e.clock;
    const recv = e.event.match(/ deliver m(\d+) /);
    if (recv && sends[recv[1]]) {
      receives += 1;
      for (const [h, n] of Object.entries(sends[recv[1]])) {
        assert.ok((e.clock[h] ?? 0) >= n, `receive ${JSON.stringify(e.clock)} ≥ send ${JSON.stringify(sends[recv[1]])}`);
      }
    }
  }
  assert.ok(receives > 50, `${receives} receives checked`);
});

test('hostile links are refused or shown as text: markup, 10 MB, a billion steps; the CSP holds', async () => {
  const c = await context();
  await open(c.page);
  const fresh = await api(c.page, 'digest');
  // Markup in a branch name and in a command's data: imported, shown as text only.
  const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
  const evil = runFile([
    { name: '', at: 0, step: 10, maxStep: 10, script: SCRIPT3 + 'at 500 connect c1 1\nat 600 create c1 /m ' + markup + '\n' },
    { name: markup + '<link rel=stylesheet href=http://example.invalid/x.css>', at: 5, step: 5, maxStep: 5, script: SCRIPT3 },
  ]);
  const c2 = await context();
  await open(c2.page, literalLink(evil));
  await c2.page.waitForSelector('#share-info');
  await api(c2.page, 'run', 1000);
  assert.equal(await c2.page.locator('#app img, #app script, #app link, #app iframe').count(), 0, 'nothing injected');
  const options = await c2.page.locator('#branches option').allTextContents();
  assert.ok(options.some((o) => o.includes('<img')), 'the name is shown as text');
  // The CSP: its meta tag and header, and a remote load refused.
  assert.deepEqual(c2.seen.foreign, [], 'the hostile run made no request outside the page\'s origin');
  const meta = await c2.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(meta, /default-src 'self'/);
  const blocked = await c2.page.evaluate(async () => {
    try { await fetch('http://example.invalid/x'); return false; } catch { return true; }
  });
  assert.ok(blocked);
  const img = await c2.page.evaluate(() => new Promise((done) => {
    document.addEventListener('securitypolicyviolation', () => done('refused'), { once: true });
    const i = document.createElement('img');
    i.src = 'http://example.invalid/y.png';
    document.body.append(i);
    // A bound for a report that never comes (the test then fails), not how long one takes: a
    // loaded machine may deliver the event late, and a short bound would fail a page that works.
    setTimeout(() => done('no report'), 20_000);
  }));
  assert.equal(img, 'refused', 'the CSP refuses a remote image (Playwright still reports the attempt)');
  assert.equal(c2.seen.dialogs, 0);
  await c2.page.screenshot({ path: 'target/e2e/share-hostile.png' });
  await c2.ctx.close();
  // A billion steps, absurd times, unknown commands: refused with the cap in the message.
  const cases = [
    [runFile([{ name: '', at: 0, step: 1e9, maxStep: 1e9, script: SCRIPT3 }]), /at most 500000 steps/],
    [runFile([{ name: '', at: 0, step: 1, maxStep: 1, script: SCRIPT3 + 'at 99999999999 crash 1\n' }]), /not valid/],
    [runFile([{ name: '', at: 0, step: 1, maxStep: 1, script: SCRIPT3 + 'at 10 explode 1\n' }]), /not valid/],
    [runFile([{ name: '', at: 0, step: 1, maxStep: 1, script: SCRIPT3 }], 7), /branch 7/],
  ];
  for (const [json, why] of cases) {
    const r = await api(c.page, 'openLink', literalLink(json));
    assert.equal(r.ok, false);
    assert.match(r.error, why);
    assert.equal(await api(c.page, 'digest'), fresh, 'the run is intact');
  }
  // 10 MB: refused before it is decoded.
  const t0 = Date.now();
  const huge = await c.page.evaluate(() => window.zabscope.openLink('#run=' + 'A'.repeat(10 * 1024 * 1024)));
  assert.equal(huge.ok, false);
  assert.match(huge.error, /too large/);
  assert.ok(Date.now() - t0 < 10_000);
  assert.equal(await c.page.locator('#share-error').count(), 1);
  assert.equal(await api(c.page, 'digest'), fresh);
  assert.equal(c.seen.dialogs, 0);
  await c.ctx.close();
});

test('benchmark: opening a link to a 10-simulated-minute run of 7 servers and 10 writing clients', async () => {
  let script = 'seed 7\nconfig\ntickTime=2000\ninitLimit=10\nsyncLimit=5\n';
  for (let i = 1; i <= 7; i++) script += `server.${i}=zk${i}:2888:3888\n`;
  script += 'end\n';
  for (let i = 1; i <= 7; i++) script += `at 0 start ${i}\n`;
  for (let k = 1; k <= 10; k++) script += `at 1000 connect c${k} ${((k - 1) % 7) + 1}\n`;
  for (let k = 1; k <= 10; k++) script += `at 1500 create c${k} /w${k} 0\n`;
  for (let t = 2000; t <= 600_000; t += 1000) {
    for (let k = 1; k <= 10; k++) script += `at ${t} set c${k} /w${k} ${t}\n`;
  }
  const a = await context();
  await open(a.page);
  assert.equal((await api(a.page, 'load', script)).ok, true);
  await api(a.page, 'run', 600_000);
  const step = await api(a.page, 'step', 0);
  const digest = await api(a.page, 'digest');
  const link = await api(a.page, 'link');
  await a.ctx.close();
  const b = await context();
  const t0 = Date.now();
  await b.page.goto(link);
  await b.page.waitForFunction((s) => document.querySelector('#step-count')?.textContent.replace(/\D/g, '') === String(s),
    step, { timeout: 120_000, polling: 20 });
  const ms = Date.now() - t0;
  assert.equal(await api(b.page, 'digest'), digest);
  console.log(`[bench] open a link to 10 simulated minutes, 7 servers, 10 clients writing once a second: ${ms} ms until step ${step} is shown; link ${link.length} characters (script ${script.length} characters)`);
  await b.ctx.close();
});
