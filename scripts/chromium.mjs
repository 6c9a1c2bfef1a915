// Debian's headless Chromium as every Node script of the project drives it (Playwright's
// own browser builds are not used): the e2e tests, scripts/bench-web.mjs, scripts/bench-wasm.mjs.
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run'],
  });
}
