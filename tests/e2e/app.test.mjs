// End-to-end journeys: the built release app in Debian's headless Chromium, driven by
// playwright-core. Run by scripts/test.sh with ZABSCOPE_URL pointing at a served dist/.
// Each journey saves a screenshot under target/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../../scripts/chromium.mjs';

const url = process.env.ZABSCOPE_URL ?? 'http://127.0.0.1:8080/';
let browser;
let page;
const consoleErrors = [];
const requests = [];

const shot = (name) => page.screenshot({ path: `target/e2e/${name}.png` });
const text = (sel) => page.locator(sel).first().textContent();
const stepCount = async () => Number((await text('#step-count')).replace('step ', ''));
const nodeState = (id) => page.locator(`.zs-node[data-myid='${id}']`).getAttribute('data-state');
const api = (fn, ...args) => page.evaluate(([fn, args]) => window.zabscope[fn](...args), [fn, args]);

async function fresh(width = 1280, height = 900) {
  await page.setViewportSize({ width, height });
  await page.goto(url);
  await page.waitForSelector('.zs-node', { timeout: 30_000 });
  await page.waitForFunction(() => window.zabscope !== undefined);
}

async function command(line) {
  await page.fill('#command', line);
  await page.press('#command', 'Enter');
}

async function menu(id, action) {
  await page.click(`.zs-node[data-myid='${id}']`);
  await page.click(`#server-menu .zs-menu-${action}`);
}

before(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Every journey starts from the default run (the page keeps the last run across reloads).
  await page.addInitScript(() => localStorage.removeItem("zabscope.run"));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  mkdirSync('target/e2e', { recursive: true });
});

after(async () => { await browser?.close(); });

test('boot 5 one by one: no leader until 3 are up, then 3 leads', async () => {
  await fresh();
  await page.click('#open-setup');
  await page.uncheck('#setup-start-all');
  await page.click('#setup-go');
  await page.waitForFunction(() => document.querySelector(".zs-node[data-myid='1']")?.dataset.state === 'OFF');
  for (const id of [1, 2, 3, 4, 5]) {
    await menu(id, 'start');
    await page.click('#run-1s');
    await page.click('#run-1s');
    const leader = await text('#leader');
    if (id < 3) assert.equal(leader, 'no leader', `with ${id} up`);
    else assert.equal(leader, 'leader server.3', `with ${id} up`);
    if (id === 3) await shot('boot-one-by-one');
  }
  assert.equal(await nodeState(5), 'FOLLOWING');
});

test('the vote table shows the votes each server received', async () => {
  await fresh();
  // Step until some LOOKING server has received votes from others.
  for (let i = 0; i < 200; i++) {
    const v = await api('view');
    if (v.servers.some((s) => s.state === 'LOOKING' && s.received.length >= 3)) break;
    await page.click('#step');
  }
  await page.click('#tab-election');
  const recv = await page.locator('.zs-recv').count();
  assert.ok(recv >= 3, `received votes drawn: ${recv}`);
  assert.match(await text('.zs-agree-count'), /of quorum 3 agree/);
  await shot('election-votes');
});

test('crash the leader: a new leader with a higher epoch in the header', async () => {
  await fresh();
  await page.click('#run-1s');
  assert.equal(await text('#leader'), 'leader server.5');
  const before = Number((await text('#epoch')).replace('epoch ', ''));
  await menu(5, 'crash');
  assert.equal(await nodeState(5), 'CRASHED');
  await page.click('#run-1s');
  assert.equal(await text('#leader'), 'leader server.4');
  const afterEpoch = Number((await text('#epoch')).replace('epoch ', ''));
  assert.ok(afterEpoch > before, `epoch ${before} → ${afterEpoch}`);
  await shot('leader-crash');
});

test('a write stepped message by message: ACKs rise to the quorum before COMMIT', async () => {
  await fresh();
  await page.click('#run-1s');
  await command('connect c1 5');
  await page.click('#run-1s');
  await command('create c1 /app hello');
  await page.click('#tab-broadcast');
  const seen = [];
  for (let i = 0; i < 60; i++) {
    await page.click('#step');
    const p = page.locator('.zs-proposal').first();
    if (await p.count() === 0) continue;
    const acks = await p.locator('.zs-ack-count').textContent();
    const committed = (await p.textContent()).includes('COMMIT');
    seen.push(`${acks}${committed ? ' COMMIT' : ''}`);
    if (committed) break;
    if (acks === '2/3 ACKs') await shot('broadcast-acks');
  }
  const firstCommit = seen.findIndex((s) => s.includes('COMMIT'));
  assert.ok(firstCommit > 0, `commit seen: ${seen}`);
  assert.ok(seen.slice(0, firstCommit).some((s) => s.startsWith('1/3')), `1/3 before commit: ${seen}`);
  assert.ok(seen.slice(0, firstCommit).some((s) => s.startsWith('2/3')), `2/3 before commit: ${seen}`);
  assert.ok(seen[firstCommit].startsWith('3/3'), `commit at the quorum: ${seen}`);
});

test("a minority partition's write stays logged, not committed", async () => {
  await fresh();
  await page.click('#run-1s');
  await command('connect c1 4');
  await page.click('#run-1s');
  await command('partition 4,5|1,2,3');
  await command('create c1 /minority x');
  // Long enough for 4 and 5 to lose their leader, look, and reload their logs.
  for (let i = 0; i < 6; i++) await page.click('#run-1s');
  await page.click('#tab-logs');
  const pending = page.locator(".zs-logcol[data-myid='4'] .zs-pending");
  const committed = await page.locator(".zs-logcol[data-myid='4'] li").allTextContents();
  await shot('minority-write');
  assert.ok(await pending.count() >= 1, 'server 4 shows the write as logged, not committed');
  assert.ok(!committed.some((t) => t.includes('/minority') && !t.includes('not committed')),
    `server 4 must not show /minority as committed: ${committed}`);
  // The cut is drawn on the ring.
  assert.ok(await page.locator('.zs-link.zs-cut').count() >= 6);
});

test("two clients fight for the fair lock; the second acquires when the first's server dies", async () => {
  await fresh();
  await page.click('#run-1s');
  for (const line of ['client c1 connect 1 timeout 4000', 'client c2 connect 2 timeout 4000']) {
    assert.deepEqual(await api('command', line), { ok: true, error: null });
  }
  await api('run', 500);
  await api('command', 'create c1 /locks x');
  await api('run', 500);
  await command('recipe c1 lock /locks/a fair');
  await api('run', 500);
  await command('recipe c2 lock /locks/a fair');
  await page.click('#run-1s');
  await page.click('#tab-locks');
  const role = (c) => page.locator(`.zs-recipe[data-client='${c}']`).getAttribute('data-role');
  assert.equal(await role('c1'), 'holder');
  assert.equal(await role('c2'), 'waiting');
  assert.match(await page.locator(".zs-recipe[data-client='c2']").textContent(), /watches \/locks\/a\/lock-/);
  await menu(1, 'crash');
  for (let i = 0; i < 8; i++) await page.click('#run-1s');
  await page.click('#tab-locks');
  assert.equal(await role('c2'), 'holder');
  await shot('fair-lock');
});

test('manual mode delivers a chosen PROPOSAL', async () => {
  await fresh();
  await page.click('#run-1s');
  await command('connect c1 5');
  await page.click('#run-1s');
  await page.check('#manual');
  await command('create c1 /m v');
  for (let i = 0; i < 20 && await page.locator(".zs-enabled[data-kind='PROPOSAL']").count() === 0; i++) {
    await page.locator('.zs-enabled .zs-deliver').first().click();
  }
  const row = page.locator(".zs-enabled[data-kind='PROPOSAL']").last();
  const id = await row.getAttribute('data-msg');
  await shot('manual-delivery');
  await row.locator('.zs-deliver').click();
  await page.uncheck('#hide-pings');
  assert.match(await text('#events'), new RegExp(`deliver m${id} PROPOSAL`));
});

test('Back and Forward replay manual deliveries; the session script loads to the same digest', async () => {
  await fresh();
  await page.click('#run-1s');
  await command('connect c1 2');
  await command('create c1 /m v');
  await page.check('#manual');
  // Always the last message offered: not the order plain steps would take.
  for (let i = 0; i < 6; i++) await page.locator('.zs-enabled .zs-deliver').last().click();
  await page.uncheck('#manual');
  await page.click('#run-1s');
  const [at, digest] = [await stepCount(), await api('digest')];
  for (let i = 0; i < 10; i++) await page.click('#back');
  assert.equal(await stepCount(), at - 10);
  for (let i = 0; i < 10; i++) await page.click('#step');
  assert.equal(await stepCount(), at);
  assert.equal(await api('digest'), digest);
  assert.match(await text('#invariants'), /all invariants hold/);
  await page.screenshot({ path: 'target/e2e/manual-replay.png', fullPage: true });
  const script = await api('script');
  assert.match(script, /after \d+ fire \d+ #\d+/);
  assert.deepEqual(await api('load', script), { ok: true, error: null });
  await api('run', Number(script.match(/until (\d+)/)[1]));
  assert.equal(await api('digest'), digest);
});

test('Back and the slider return to an earlier step with the digest of a fresh run', async () => {
  await fresh();
  await api('step', 60);
  assert.equal(await stepCount(), 60);
  await page.click('#back');
  await page.click('#back');
  assert.equal(await stepCount(), 58);
  const atBack = await api('digest');
  await page.locator('#timeline').fill('25');
  await page.waitForFunction(() => document.querySelector('#step-count').textContent === 'step 25');
  const atSlider = await api('digest');
  await shot('timeline');
  await fresh();
  await api('step', 25);
  assert.equal(await api('digest'), atSlider);
  await api('step', 33);
  assert.equal(await api('digest'), atBack);
});

test('the JS interface drives a whole run', async () => {
  await fresh();
  assert.deepEqual(await api('command', 'crash 99'), { ok: false, error: 'no server.99 in this ensemble' });
  await api('run', 1000);
  let v = await api('view');
  assert.deepEqual(v.leaders, [5]);
  assert.deepEqual(await api('command', 'connect c1 2'), { ok: true, error: null });
  await api('command', 'create c1 /js hello');
  await api('run', 500);
  v = await api('view');
  assert.ok(v.servers.every((s) => s.tree.some(([p, d]) => p === '/js' && d === 'hello')));
  // view(opts): the last logTail entries and no trees, unless asked; bad options are errors.
  assert.ok(v.servers.some((s) => s.log.length > 1), 'whole logs by default');
  const small = await api('view', { logTail: 1 });
  assert.ok(small.servers.every((s) => s.log.length <= 1 && s.tree.length === 0));
  assert.ok((await api('view', { logTail: 1, trees: true })).servers.every((s) => s.tree.length > 0));
  assert.deepEqual(await api('view', { logTail: -1 }), { error: 'view(opts): logTail must be a whole number ≥ 0' });
  assert.deepEqual(await api('view', { trees: 'yes' }), { error: 'view(opts): trees must be true or false' });
  assert.deepEqual(await api('view', 7), { error: 'view(opts): opts must be an object like {logTail: 32, trees: false}' });
  const script = await api('script');
  const digest = await api('digest');
  assert.match(script, /at \d+ create c1 \/js hello/);
  assert.notEqual(digest, '');
  // The session's script (`after STEP` lines) loads into a run with the session's digest,
  // twice the same, with the same data.
  assert.deepEqual(await api('load', script), { ok: true, error: null });
  await api('run', v.now);
  const replayed = await api('digest');
  assert.equal(replayed, digest, 'the typed session and its loaded script agree');
  assert.ok((await api('view')).servers.every((s) => s.tree.some(([p]) => p === '/js')));
  await api('load', script);
  await api('run', v.now);
  assert.equal(await api('digest'), replayed, 'a loaded script replays to the same digest');
  const b = await api('back', 10);
  assert.equal((await api('view')).step, b);
  assert.deepEqual((await api('load', 'nonsense')).ok, false);
});

test("a client's zkCli console: zkCli's output, watch events, a stale read flagged", async () => {
  await fresh();
  await page.click('#run-1s');
  await command('connect c1 1');
  await command('connect c2 5');
  await page.click('#run-1s');
  const zk = async (line) => { await page.fill('#zkcli-input', line); await page.press('#zkcli-input', 'Enter'); };
  const out = async () => (await page.locator('.zs-zk-line').allTextContents()).join('\n');
  await page.click(".zs-client[data-client='c2']");
  assert.match(await out(), /^WATCHER::\s+WatchedEvent state:SyncConnected type:None path:null/);
  await zk('create /s a');
  await page.click('#run-1s');
  await page.click(".zs-client[data-client='c1']");
  assert.match(await text('#zkcli h2'), /c1/);
  await zk('ls /');
  await zk('get -w /s');
  await zk('get /missing');
  await zk('stat /s');
  assert.equal(await page.locator('.zs-zk-stale').count(), 0, await out());
  // c2 writes through the leader; c1 reads at once from server 1, which has not applied the
  // COMMIT yet: a stale read. Then the watch event arrives.
  await page.click(".zs-client[data-client='c2']");
  await zk('set /s b');
  await page.click(".zs-client[data-client='c1']");
  await zk('get /s');
  await page.click('#run-1s');
  const text1 = await out();
  assert.match(text1, /\[zk: localhost:2181\(CONNECTED\) 0\] ls \/\n\[s, zookeeper\]/);
  assert.match(text1, /get -w \/s\na\n/);
  assert.match(text1, /Node does not exist: \/missing/);
  assert.match(text1, /dataVersion = 0\n/);
  assert.match(text1, /get \/s\na\n.*stale read/);
  assert.match(text1, /WATCHER::\s+WatchedEvent state:SyncConnected type:NodeDataChanged path:\/s/);
  assert.equal(await page.locator('.zs-zk-stale').count(), 1, text1);
  await page.press('#zkcli-input', 'ArrowUp');
  assert.equal(await page.inputValue('#zkcli-input'), 'get /s');
  await page.uncheck('#hide-pings');
  assert.doesNotMatch(await text('#events'), /err=-?\d/, 'error names, not numbers');
  await page.screenshot({ path: 'target/e2e/zkcli.png', fullPage: true });
});

test('projector mode scales every text', async () => {
  await fresh(1024, 768);
  await page.click('#run-1s');
  await command('connect c1 1');
  await command('create c1 /app hello');
  const sizes = () => page.evaluate(() => {
    const out = {};
    let i = 0;
    for (const e of document.querySelectorAll('.zs-app *')) {
      // The ring's laid-out labels may differ between the two sizes (a shorter form where the
      // longer one no longer fits): they are not counted, so the other texts keep their keys.
      if (e.closest('.zs-labels')) continue;
      i += 1;
      if (![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
      if (!e.getClientRects().length) continue;
      out[`${i} ${e.tagName}.${e.className?.baseVal ?? e.className} ${e.textContent.trim().slice(0, 16)}`] = parseFloat(getComputedStyle(e).fontSize);
    }
    return out;
  });
  const normal = await sizes();
  await page.click('#projector');
  const big = await sizes();
  const same = Object.keys(normal).filter((k) => k in big);
  assert.ok(same.length > 50, `${same.length} texts compared`);
  const unscaled = same.filter((k) => big[k] < normal[k] * 1.2);
  assert.deepEqual(unscaled, []);
  await shot('projector-1024');
});

/** Texts drawn under 14 px (SVG text scaled by its SVG's size on screen). */
const smallTexts = () => page.evaluate(() => {
  const out = [];
  for (const e of document.querySelectorAll('.zs-app *')) {
    if (!e.childNodes.length || ![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    let px = parseFloat(getComputedStyle(e).fontSize);
    const svg = e.closest('svg');
    if (svg) px *= svg.getScreenCTM().a;
    if (px < 13.95) out.push(`${e.tagName}.${e.className?.baseVal ?? e.className}: ${e.textContent.slice(0, 20)} ${px.toFixed(1)}px`);
  }
  return out;
});

test('no label under 14 px at 1024×768; usable at 390 px; screenshots', async () => {
  for (const [w, h] of [[1280, 900], [1024, 768], [390, 844]]) {
    await fresh(w, h);
    await page.click('#run-1s');
    await command('connect c1 1');
    await command('create c1 /app hello');
    await page.click('#step');
    if (w === 1024) {
      // Every text on every tab, the manual-delivery list and a zkCli console.
      await page.click(".zs-client[data-client='c1']");
      await page.fill('#zkcli-input', 'ls /');
      await page.press('#zkcli-input', 'Enter');
      await page.check('#manual');
      const small = [];
      for (const tab of ['election', 'broadcast', 'logs', 'data', 'clients', 'locks', '4lw']) {
        await page.click(`#tab-${tab}`);
        small.push(...await smallTexts());
      }
      assert.deepEqual(small, []);
      await page.uncheck('#manual');
    }
    if (w === 390) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(overflow <= 400, `page is ${overflow} px wide at 390`);
    }
    await page.screenshot({ path: `target/e2e/app-${w}.png`, fullPage: w !== 1280 });
    if (w === 1280) await page.screenshot({ path: 'target/e2e/app.png' });
  }
});

test('no console errors, no request beyond the page', () => {
  assert.deepEqual(consoleErrors, []);
  const origin = new URL(url).origin;
  assert.deepEqual(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:')), []);
});
