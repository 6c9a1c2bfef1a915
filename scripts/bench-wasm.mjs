// The wasm half of scripts/bench.sh: runs `window.zabscope.bench` (the workload of
// `zabscope bench`, compiled into the release page) in headless Chromium for each ensemble
// size and mode, and prints one JSON line per measurement, like `zabscope bench` does.
// Usage: serve dist/ (python3 scripts/serve.py PORT dist), then
//   ZABSCOPE_URL=http://127.0.0.1:PORT/ node scripts/bench-wasm.mjs [--servers 3,5,7,13,51]
//     [--steps 200000] [--mode trace-off|browser|both]
import { launchChromium } from './chromium.mjs';

const url = process.env.ZABSCOPE_URL ?? 'http://127.0.0.1:8080/';
const opt = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};
const servers = opt('--servers', '3,5,7,13,51').split(',').map(Number);
const steps = Number(opt('--steps', '200000'));
const modeArg = opt('--mode', 'both');
const modes = modeArg === 'both' ? ['trace-off', 'browser'] : [modeArg];

const browser = await launchChromium();
let failed = false;
try {
  const page = await browser.newPage();
  // Every journey starts from the default run (the page keeps the last run across reloads).
  await page.addInitScript(() => localStorage.removeItem("zabscope.run"));
  await page.goto(url);
  await page.waitForFunction(() => window.zabscope && window.zabscope.bench, null, { timeout: 60_000 });
  // V8 compiles wasm with its baseline tier first and optimises hot functions later: one
  // untimed run first, so the timed ones measure the optimised code.
  await page.evaluate(() => window.zabscope.bench({ servers: 5, mode: 'trace-off', steps: 200000 }));
  for (const mode of modes) {
    for (const n of servers) {
      const r = await page.evaluate((a) => window.zabscope.bench(a), { servers: n, mode, steps });
      if (r.error !== undefined || r.failed !== null) failed = true;
      console.log(JSON.stringify(r));
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
