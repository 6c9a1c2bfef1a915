// End-to-end: the built release app in Debian's headless Chromium, driven by playwright-core.
// Run by scripts/test.sh with ZABSCOPE_URL pointing at a served dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const url = process.env.ZABSCOPE_URL ?? 'http://127.0.0.1:8080/';
let browser;
let page;
const consoleErrors = [];

before(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('.zs-server', { timeout: 30_000 });
});

after(async () => { await browser?.close(); });

test('the app boots and shows five servers', async () => {
  assert.equal(await page.locator('.zs-server').count(), 5);
  assert.equal(await page.locator('#step-count').textContent(), 'step 0');
});

test('Step advances the simulation and the page shows it', async () => {
  await page.click('#step');
  await page.click('#step');
  await page.click('#step');
  await page.waitForFunction(() => document.querySelector('#step-count')?.textContent === 'step 3');
  // The first three steps start servers 1..3 (the ensemble boots at time 0): they are LOOKING.
  const states = await page.locator('.zs-state').allTextContents();
  assert.deepEqual(states, ['LOOKING', 'LOOKING', 'LOOKING', 'OFF', 'OFF']);
});

test('Play runs until Pause', async () => {
  await page.click('#play');
  await page.waitForFunction(() => {
    const n = Number(document.querySelector('#step-count')?.textContent?.replace('step ', ''));
    return n >= 5;
  }, null, { timeout: 10_000 });
  await page.click('#pause');
  // The render that re-enables Step also flushes any step the timer made before Pause.
  await page.waitForFunction(() => !document.querySelector('#step')?.disabled);
  const stopped = await page.locator('#step-count').textContent();
  // Paused: one more Step moves exactly one step from where Pause left it.
  await page.click('#step');
  const n = Number(stopped.replace('step ', ''));
  await page.waitForFunction((want) => document.querySelector('#step-count')?.textContent === want,
    `step ${n + 1}`);
  mkdirSync('target/e2e', { recursive: true });
  await page.screenshot({ path: 'target/e2e/app.png', fullPage: true });
});

test('no console errors', () => {
  assert.deepEqual(consoleErrors, []);
});
