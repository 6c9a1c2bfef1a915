// The page's benchmark (printed, not asserted): first render after navigation; Play at the
// fastest speed for 20 s with 7 servers and 10 clients writing continuously → frame time
// median and p95; the time of one UI update (one step, rendered); wasm memory after 10
// simulated minutes. Usage: serve dist/ (e.g. python3 scripts/serve.py 8080 dist), then
//   ZABSCOPE_URL=http://127.0.0.1:8080/ node scripts/bench-web.mjs
import { launchChromium } from './chromium.mjs';

const url = process.env.ZABSCOPE_URL ?? 'http://127.0.0.1:8080/';
const PLAY_MS = Number(process.env.PLAY_MS ?? 20_000);

function workload() {
  const lines = ['seed 7', 'config', 'tickTime=2000', 'initLimit=10', 'syncLimit=5'];
  for (let i = 1; i <= 7; i++) lines.push(`server.${i}=zk${i}:2888:3888`);
  lines.push('end');
  for (let i = 1; i <= 7; i++) lines.push(`at 0 start ${i}`);
  for (let c = 1; c <= 10; c++) lines.push(`at 800 connect c${c} ${((c - 1) % 7) + 1}`);
  for (let c = 1; c <= 10; c++) lines.push(`at 1000 create c${c} /w${c} 0`);
  // Each client writes every 250 ms for 11 simulated minutes (40 writes/s in all).
  for (let t = 1100; t < 660_000; t += 250) {
    for (let c = 1; c <= 10; c++) lines.push(`at ${t} set c${c} /w${c} ${t}`);
  }
  lines.push('until 660000');
  return lines.join('\n');
}

const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
// Every journey starts from the default run (the page keeps the last run across reloads).
await page.addInitScript(() => localStorage.removeItem("zabscope.run"));
await page.addInitScript(() => {
  new MutationObserver((_, obs) => {
    if (document.querySelector('.zs-node')) { window.__firstRender = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
});
await page.goto(url);
await page.waitForFunction(() => window.__firstRender !== undefined && window.zabscope);
console.log(`first render after navigation: ${(await page.evaluate(() => window.__firstRender)).toFixed(0)} ms`);

const loaded = await page.evaluate((s) => window.zabscope.load(s), workload());
if (!loaded.ok) throw new Error(loaded.error);
await page.evaluate(() => window.zabscope.run(2000));
await page.click('#speed-4');
await page.click('#play');
const frames = await page.evaluate((ms) => new Promise((resolve) => {
  const out = []; let last; const end = performance.now() + ms;
  const tick = (t) => { if (last !== undefined) out.push(t - last); last = t; if (t < end) requestAnimationFrame(tick); else resolve(out); };
  requestAnimationFrame(tick);
}), PLAY_MS);
await page.click('#pause');
console.log(`Play ×10 for ${PLAY_MS / 1000} s, 7 servers, 10 writing clients: ${frames.length} frames, ` +
  `frame time median ${pct(frames, 0.5).toFixed(1)} ms, p95 ${pct(frames, 0.95).toFixed(1)} ms`);

const updates = await page.evaluate(async () => {
  const out = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    window.zabscope.step(1);
    await new Promise((r) => requestAnimationFrame(() => r()));
    out.push(performance.now() - t0);
  }
  return out;
});
console.log(`one UI update (step + render + next frame): median ${pct(updates, 0.5).toFixed(1)} ms, p95 ${pct(updates, 0.95).toFixed(1)} ms`);

// Wasm memory, minute by minute up to 10 simulated minutes (history for time travel is kept
// under HistoryBudget::browser, docs/page.md "Memory").
for (let minute = 1; minute <= 10; minute++) {
  try {
    // run() answers the clock; view() is not called here: it builds the whole ClusterView
    // (every server's whole log) as a plain object, a transient that grows with the run and
    // would be measured instead of the page (its cost is printed separately below).
    const mem = await page.evaluate((m) => {
      const now = window.zabscope.run(0);
      const after = window.zabscope.run(Math.max(0, m * 60_000 - now));
      return { bytes: window.zabscope.memory(), now: after };
    }, minute);
    console.log(`wasm memory after ${(mem.now / 60000).toFixed(1)} simulated minutes: ${(mem.bytes / 1048576).toFixed(1)} MiB`);
  } catch (e) {
    console.log(`minute ${minute}: the page failed (${String(e).split('\n')[0]})`);
    break;
  }
}
// The tail view first (what a frame uses), then the whole one: the whole one grows wasm
// memory, which never shrinks.
for (const opts of [{ logTail: 32 }, undefined]) {
  const viewCost = await page.evaluate((o) => {
    const before = window.zabscope.memory();
    const t0 = performance.now();
    const v = window.zabscope.view(o);
    const ms = performance.now() - t0;
    const entries = v.servers.reduce((n, s) => n + s.log.length, 0);
    return { ms, entries, grew: window.zabscope.memory() - before };
  }, opts);
  console.log(`window.zabscope.view(${opts ? JSON.stringify(opts) : ''}) at the end: ${viewCost.ms.toFixed(0)} ms, ` +
    `${viewCost.entries} log entries, wasm memory grew ${(viewCost.grew / 1048576).toFixed(1)} MiB`);
}
await browser.close();
