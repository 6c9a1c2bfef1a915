// The sequence diagram (docs/page.md, "The sequence diagram"): the diagram and the ring select
// the same message both ways (a click or Enter on an arrow seeks there and the ring shows the
// message; a message clicked on the ring, or a step taken, scrolls the diagram to it), the
// filters (kinds, lanes, PINGs collapsed), the SVG export of the visible range (parsed with
// DOMParser, arrows and escaping checked), one screen at 1280×800 and 1024×768 in both modes
// with labels ≥ 14 px, and a benchmark printed, not asserted: scrolling over a run of more than
// 100,000 events, frame time median and p95.
// Run by scripts/test.sh with ZABSCOPE_URL pointing at a served dist/; screenshots go to
// target/e2e/ (and docs/screenshot-sequence.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { launchChromium } from '../../scripts/chromium.mjs';

const url = process.env.ZABSCOPE_URL ?? 'http://127.0.0.1:8080/';
let browser;
let page;
const errors = [];

const api = (fn, ...args) => page.evaluate(([fn, args]) => window.zabscope[fn](...args), [fn, args]);

async function fresh(width = 1280, height = 800, projector = false) {
  await page.setViewportSize({ width, height });
  await page.goto(`${url}?lang=en`);
  await page.waitForSelector('.zs-node', { timeout: 30_000 });
  await page.waitForFunction(() => window.zabscope !== undefined);
  if (projector) await page.click('#projector');
  await page.click('#tab-sequence');
  await page.waitForSelector('#sequence');
}

/** Arrows drawn in the diagram: {id, n, kind, step, from, to, sel}. */
const arrows = () => page.$$eval('#sequence .zs-seq-arrow', (gs) => gs.map((g) => ({
  id: Number(g.dataset.id), n: Number(g.dataset.n), kind: g.dataset.kind, step: Number(g.dataset.step),
  from: g.dataset.from, to: g.dataset.to, sel: g.classList.contains('zs-seq-sel'),
})));

/**
 * Until the diagram has drawn the rows at its scroll position. A step or a selection scrolls
 * the diagram at once (an effect after the render), but the rows drawn — and what
 * `sequenceSvg()` exports — follow the scroll event, which the browser fires at its next frame:
 * until then the drawn window (`data-top`) is the one before the scroll.
 */
const drawnAtScroll = () => page.waitForFunction(() => {
  const s = document.querySelector('#sequence .zs-seq-scroll');
  const svg = s?.querySelector('.zs-seq-svg');
  return svg !== null && svg !== undefined && Math.abs(Number(svg.dataset.top) - s.scrollTop) < 1;
});

/** Is the element's box inside the diagram's scrolling viewport? */
const inScroller = (sel) => page.evaluate((sel) => {
  const e = document.querySelector(sel);
  const s = document.querySelector('.zs-seq-scroll');
  if (!e || !s) return false;
  const r = e.getBoundingClientRect();
  const v = s.getBoundingClientRect();
  return r.bottom >= v.top && r.top <= v.bottom;
}, sel);

before(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // The page keeps its run (and an open lesson) across reloads: start each navigation afresh.
  await page.addInitScript(() => { try { localStorage.removeItem('zabscope.run'); } catch { /* a document without storage */ } });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  mkdirSync('target/e2e', { recursive: true });
});

after(async () => { await browser?.close(); });

test('an arrow clicked seeks there and the ring shows that message; the ring and a step scroll the diagram', async () => {
  await fresh();
  await api('step', 12);
  await page.waitForSelector('#sequence .zs-seq-arrow[data-kind="NOTIFICATION"]');
  // Diagram → ring: click an early vote; the run seeks to the step that sent it.
  const first = (await arrows()).find((a) => a.kind === 'NOTIFICATION');
  await page.click(`#sequence .zs-seq-arrow[data-n="${first.n}"] .zs-seq-label`);
  await page.waitForSelector(`.zs-msg.zs-selected[data-id="${first.id}"]`, { state: "attached" });
  assert.equal((await api('view', { logTail: 0 })).step, first.step);
  assert.ok((await arrows()).find((a) => a.n === first.n).sel, 'the arrow is highlighted');
  assert.equal(await page.locator('#sequence .zs-seq-sel').count(), 1);
  // The same by keyboard: on the diagram, ↓ moves a cursor from arrow to arrow, Enter goes.
  await page.focus('#sequence .zs-seq-scroll');
  let other;
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('ArrowDown');
    const c = await page.$eval('#seq-cursor', (g) => ({ id: Number(g.dataset.id), step: Number(g.dataset.step), kind: g.dataset.kind }));
    if (c.kind === 'NOTIFICATION' && c.step > first.step) { other = c; break; }
  }
  assert.ok(other, 'the cursor reached a later vote');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.zs-msg.zs-selected[data-id="${other.id}"]`, { state: "attached" });
  assert.equal((await api('view', { logTail: 0 })).step, other.step);
  // Ring → diagram: run on, then click a message on the ring far below what is on screen.
  await api('run', 3000);
  await api('command', 'connect c1 1');
  await api('command', 'create c1 /seq hello');
  await api('run', 20000);
  await page.locator('#sequence .zs-seq-scroll').evaluate((e) => { e.scrollTop = 0; });
  await page.uncheck('#hide-pings'); // the ring shows heartbeats too
  for (let i = 0; i < 200 && (await api('view', { logTail: 0 })).inFlight.length === 0; i += 1) await api('step', 1);
  await page.waitForSelector('.zs-msg', { state: 'attached' });
  const ring = await page.$$eval('.zs-msg', (ms) => ms.map((m) => Number(m.dataset.id)));
  assert.ok(ring.length > 0, 'messages in flight on the ring');
  // Show PINGs (what is in flight after 20 s is mostly heartbeats), then pick one on the ring.
  await page.click('#seq-pings');
  await page.click(`.zs-msg[data-id="${ring[0]}"]`, { force: true });
  await page.waitForSelector(`#sequence .zs-seq-arrow.zs-seq-sel[data-id="${ring[0]}"]`);
  assert.ok(await inScroller(`#sequence .zs-seq-arrow.zs-seq-sel[data-id="${ring[0]}"]`),
    'the diagram scrolled to the message picked on the ring');
  // A step (the slider, Back) scrolls the diagram to the current step's rows.
  await page.click('#seq-pings');
  await api('seek', 40);
  // The rows of step 40 are drawn and on screen, and so is the recorded future after it.
  await page.waitForFunction(() => [...document.querySelectorAll('#sequence .zs-seq-step')].some((t) => t.textContent === '#40'));
  assert.ok(await inScroller('#sequence .zs-seq-cur'), 'the current step is on screen after a seek');
  const rowSteps = await page.$$eval('#sequence .zs-seq-step', (ts) => ts.map((t) => Number(t.textContent.slice(1))));
  assert.ok(rowSteps.some((s) => s > 40), `the recorded future stays drawn after a seek back: ${rowSteps}`);
  assert.ok(await page.locator('#sequence .zs-seq-future').count() > 0, 'and is faded');
  assert.deepEqual(errors, []);
});

test('filters: kinds, lanes, PINGs collapsed', async () => {
  await fresh();
  await api('run', 6000);
  await page.waitForSelector('#sequence .zs-seq-pings');
  // PINGs collapsed by default: a "PING ×n" row, no PING arrow; expanded: PING arrows.
  assert.equal((await arrows()).filter((a) => a.kind === 'PING').length, 0);
  await page.click('#seq-pings');
  await page.waitForFunction(() => document.querySelector('#sequence .zs-seq-arrow[data-kind="PING"]'));
  assert.equal(await page.locator('#sequence .zs-seq-pings').count(), 0);
  await page.click('#seq-pings');
  // Kinds: hide NOTIFICATION.
  await api('seek', 30);
  await page.waitForSelector('#sequence .zs-seq-arrow[data-kind="NOTIFICATION"]');
  await page.click('#seq-kinds summary');
  await page.locator('#seq-kinds label', { hasText: 'NOTIFICATION' }).locator('input').uncheck();
  await page.waitForFunction(() => !document.querySelector('#sequence .zs-seq-arrow[data-kind="NOTIFICATION"]'));
  const rowsWithout = Number(await page.getAttribute('#seq-count', 'data-rows'));
  await page.locator('#seq-kinds label', { hasText: 'NOTIFICATION' }).locator('input').check();
  await page.waitForSelector('#sequence .zs-seq-arrow[data-kind="NOTIFICATION"]');
  assert.ok(Number(await page.getAttribute('#seq-count', 'data-rows')) > rowsWithout);
  await page.click('#seq-kinds summary');
  // Lanes: hide server.1: no arrow starts or ends on it, and its lane name is gone. Opening
  // one menu closes the other.
  await page.click('#seq-kinds summary');
  await page.click('#seq-lanes summary');
  assert.equal(await page.locator('#sequence .zs-seq-menu[open]').count(), 1);
  await page.locator('#seq-lanes label', { hasText: 'server.1' }).locator('input').uncheck();
  await page.waitForFunction(() => ![...document.querySelectorAll('#sequence .zs-seq-arrow')]
    .some((g) => g.dataset.from === '1' || g.dataset.to === '1'));
  const names = await page.$$eval('.zs-seq-lane-name', (ts) => ts.map((t) => t.textContent));
  assert.ok(!names.includes('1') && names.includes('2'), `lanes ${names}`);
  assert.ok((await arrows()).length > 0);
  await page.locator('#seq-lanes label', { hasText: 'server.1' }).locator('input').check();
  await page.click('#seq-lanes summary');
  await page.waitForFunction(() => [...document.querySelectorAll('#sequence .zs-seq-arrow')]
    .some((g) => g.dataset.from === '1' || g.dataset.to === '1'));
  assert.deepEqual(errors, []);
});

test('the SVG export parses and holds the arrows of the visible range, its texts escaped', async () => {
  await fresh();
  await api('run', 3000);
  await api('command', 'connect c1 2');
  const hostile = '/t<b>&"x\'';
  // The request is the current step's: the diagram follows it.
  const r = await api('command', `create c1 ${hostile} <i>`);
  await page.waitForSelector('#sequence .zs-seq-arrow[data-kind="REQUEST-C"]');
  await drawnAtScroll();
  const svg = await api('sequenceSvg');
  // The file carries its own <style> (it is opened on its own); a document parsed inside the
  // page inherits the page's CSP, which refuses inline styles, so parse it without them.
  assert.match(svg, /<style>[^<]*<\/style>/);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text.replace(/<style>[^<]*<\/style>/, ''), 'image/svg+xml');
    const err = doc.querySelector('parsererror');
    const ns = doc.documentElement.namespaceURI;
    return {
      err: err ? err.textContent : null, root: doc.documentElement.localName, ns,
      scripts: doc.querySelectorAll('script, foreignObject, image, use').length,
      ns_ok: ns === 'http://www.w3.org/2000/svg',
      n: [...doc.querySelectorAll('g.arrow')].map((g) => Number(g.dataset.n)),
      text: doc.documentElement.textContent,
      external: /href="http|url\(http/.test(text),
    };
  }, svg);
  assert.equal(parsed.err, null);
  assert.equal(parsed.root, 'svg');
  assert.ok(parsed.ns_ok);
  assert.equal(parsed.scripts, 0);
  assert.equal(parsed.external, false);
  assert.ok(parsed.n.length > 0, 'arrows exported');
  // Every arrow crossing the visible rows is in the file, and nothing that is not drawn.
  const shown = await page.evaluate(() => {
    const v = document.querySelector('.zs-seq-scroll').getBoundingClientRect();
    return [...document.querySelectorAll('#sequence .zs-seq-arrow')].map((g) => {
      const r = g.querySelector('.zs-seq-line').getBoundingClientRect();
      return { n: Number(g.dataset.n), visible: r.bottom > v.top + 1 && r.top < v.bottom - 1 };
    });
  });
  const drawn = new Set(shown.map((a) => a.n));
  for (const n of parsed.n) assert.ok(drawn.has(n), `exported arrow ${n} is drawn`);
  const exported = new Set(parsed.n);
  for (const a of shown.filter((a) => a.visible)) assert.ok(exported.has(a.n), `visible arrow ${a.n} exported`);
  // The client's request, with its markup-laden path, is text in the file, not markup.
  if (r.ok) assert.ok(parsed.text.includes(hostile), 'the path is in the text, unescaped by the parser');
  // The button offers the same file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#seq-export')]);
  assert.equal(download.suggestedFilename(), 'zabscope-sequence.svg');
  assert.deepEqual(errors, []);
});

test('in 简体中文 the diagram, its menus and its tooltips show no English word', async () => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${url}?lang=zh-CN`);
  await page.waitForSelector('.zs-node', { timeout: 30_000 });
  // The page renders in English until the 简体中文 catalogue it fetches has arrived.
  await page.waitForFunction(() => window.zabscope?.lang() === 'zh-CN', null, { timeout: 30_000 });
  await page.click('#tab-sequence');
  await api('run', 3000);
  await api('command', 'crash 5');
  await api('run', 3000);
  await page.click('#seq-kinds summary');
  await page.click('#seq-lanes summary');
  await page.waitForSelector('#sequence .zs-seq-arrow');
  // ZooKeeper's own words stay as ZooKeeper prints them (packet types, states), and the
  // command language, keys and units (the catalogues' allowed list).
  const allowed = new Set(['NOTIFICATION', 'FOLLOWERINFO', 'OBSERVERINFO', 'LEADERINFO', 'ACKEPOCH', 'NEWLEADER',
    'UPTODATE', 'DIFF', 'TRUNC', 'SNAP', 'PROPOSAL', 'ACK', 'COMMIT', 'INFORM', 'PING', 'REVALIDATE', 'REQUEST',
    'SYNC', 'CLOSED', 'LOOKING', 'FOLLOWING', 'LEADING', 'OBSERVING', 'epoch', 'zxid', 'server', 'SVG', 'Enter',
    'crash', 'restart', 'start']);
  const words = await page.evaluate(() => {
    const out = [];
    const root = document.querySelector('#sequence');
    const texts = [];
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) texts.push(n.textContent);
    for (const e of root.querySelectorAll('[title], [aria-label]')) texts.push(e.getAttribute('title') ?? '', e.getAttribute('aria-label') ?? '');
    for (const t of texts) for (const w of t.split(/[^A-Za-z0-9_]+/)) if (/^[A-Za-z]/.test(w)) out.push(w);
    return out;
  });
  const bad = [...new Set(words.filter((w) => !allowed.has(w) && !/\d/.test(w)))];
  assert.deepEqual(bad, []);
  await page.screenshot({ path: 'target/e2e/sequence-zh.png' });
});

for (const [w, h] of [[1280, 800], [1024, 768]]) {
  for (const projector of [false, true]) {
    const mode = projector ? 'projector' : 'normal';
    test(`one screen with the sequence tab at ${w}×${h} (${mode}), labels ≥ 14 px`, async () => {
      await fresh(w, h, projector);
      await api('run', 3000);
      await api('command', 'crash 5');
      const crashed = (await api('view', { logTail: 0 })).step;
      await api('run', 3000);
      await page.waitForSelector('#sequence .zs-seq-arrow');
      const fit = await page.evaluate(() => {
        const s = document.querySelector('#sequence').getBoundingClientRect();
        const sizes = [...document.querySelectorAll(
          '#sequence .zs-seq-label, #sequence .zs-seq-lane-name, #sequence .zs-seq-step, #sequence .zs-seq-state, #sequence .zs-seq-bar summary, #sequence .zs-seq-bar label, #seq-export, #seq-count')]
          .map((e) => parseFloat(getComputedStyle(e).fontSize));
        return {
          sh: document.documentElement.scrollHeight, ih: window.innerHeight,
          bottom: s.bottom, right: s.right, iw: window.innerWidth, min: Math.min(...sizes), n: sizes.length,
        };
      });
      assert.ok(fit.sh <= fit.ih + 1, `the page is ${fit.sh} px tall in ${fit.ih}`);
      assert.ok(fit.bottom <= fit.ih + 0.5 && fit.right <= fit.iw + 0.5, JSON.stringify(fit));
      assert.ok(fit.n > 10 && fit.min >= 14, `smallest text ${fit.min} px of ${fit.n}`);
      const scrollH = await page.locator('.zs-seq-scroll').evaluate((e) => e.clientHeight);
      assert.ok(scrollH >= 4 * 26, `the diagram shows at least four rows (${scrollH} px)`);
      await page.screenshot({ path: `target/e2e/sequence-${w}-${mode}.png` });
      if (w === 1280 && !projector) {
        // The leader's crash, the next election's votes, one of them picked: highlighted on
        // the ring and in the diagram.
        await api('seek', crashed + 14);
        await page.waitForFunction((s) => [...document.querySelectorAll('#sequence .zs-seq-step')]
          .some((t) => t.textContent === `#${s}`), crashed + 14);
        const vote = (await arrows()).find((a) => a.kind === 'NOTIFICATION' && a.step > crashed && a.from !== a.to);
        if (vote) {
          await page.click(`#sequence .zs-seq-arrow[data-n="${vote.n}"] .zs-seq-label`);
          await page.waitForSelector(`.zs-msg.zs-selected[data-id="${vote.id}"]`, { state: 'attached' });
        }
        await page.screenshot({ path: 'docs/screenshot-sequence.png' });
      }
    });
  }
}

test('benchmark (printed, not asserted): scrolling over a run of 100,000+ events', async () => {
  await fresh();
  // Five servers and a client writing every 4 ms: each write is a request, its forwarding,
  // four PROPOSALs, ACKs and COMMITs and the reply. Run in slices so every step is indexed.
  const n = 4200;
  const lines = ['at 1000 connect c1 1', 'at 1100 create c1 /bench 0'];
  for (let i = 0; i < n; i += 1) lines.push(`at ${1200 + 4 * i} set c1 /bench ${i}`);
  const base = (await api('script')).split('\n').filter((l) => !l.startsWith('until')).join('\n');
  const loaded = await api('load', `${base}\n${lines.join('\n')}\n`);
  assert.ok(loaded.ok, JSON.stringify(loaded));
  const t0 = Date.now();
  for (let ms = 0; ms < 1200 + 4 * n + 1000; ms += 1000) await api('run', 1000);
  const runSecs = (Date.now() - t0) / 1000;
  await page.click('#tab-sequence');
  await page.click('#seq-pings'); // every PING drawn too: the most rows
  await page.waitForSelector('#sequence .zs-seq-arrow');
  const events = Number(await page.getAttribute('#seq-count', 'data-events'));
  const rows = Number(await page.getAttribute('#seq-count', 'data-rows'));
  assert.ok(events >= 100_000, `${events} events indexed`);
  const measure = (how) => page.evaluate(async (how) => {
    const s = document.querySelector('.zs-seq-scroll');
    const max = s.scrollHeight - s.clientHeight;
    const frames = 240;
    const gaps = [];
    const work = [];
    let last = await new Promise(requestAnimationFrame);
    for (let k = 0; k < frames; k += 1) {
      const t = performance.now();
      s.scrollTop = how === 'jump' ? Math.round(((k * 7919) % frames) / frames * max) : (k * 60) % max;
      s.dispatchEvent(new Event('scroll'));
      // Until the diagram has drawn the new window (Yew renders in a microtask), then style
      // and layout.
      const svg = s.querySelector('.zs-seq-svg');
      for (let i = 0; i < 50 && svg.dataset.top !== String(Math.round(s.scrollTop)); i += 1) {
        await (i === 0 ? Promise.resolve() : new Promise((r) => setTimeout(r, 0)));
      }
      void svg.getBoundingClientRect().height;
      work.push(performance.now() - t);
      const now = await new Promise(requestAnimationFrame);
      gaps.push(now - last);
      last = now;
    }
    const q = (v, p) => { const a = [...v].sort((x, y) => x - y); return a[Math.min(a.length - 1, Math.floor(p * a.length))]; };
    return { median: q(gaps, 0.5), p95: q(gaps, 0.95), workMedian: q(work, 0.5), workP95: q(work, 0.95),
      drawn: document.querySelectorAll('#sequence .zs-seq-arrow').length };
  }, how);
  const smooth = await measure('smooth');
  const jump = await measure('jump');
  const f = (x) => x.toFixed(1);
  console.log(`sequence benchmark: ${events} events indexed, ${rows} rows (PINGs shown), run built in ${runSecs.toFixed(1)} s; load average ${loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);
  for (const [name, m] of [['smooth scroll (60 px/frame)', smooth], ['jumps across the whole run', jump]]) {
    console.log(`  ${name}: frame time median ${f(m.median)} ms, p95 ${f(m.p95)} ms; work per frame (scroll → drawn, layout) median ${f(m.workMedian)} ms, p95 ${f(m.workP95)} ms; ${m.drawn} arrows in the DOM`);
  }
  assert.deepEqual(errors, []);
});
