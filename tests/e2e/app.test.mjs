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

const stepCount = async () =>
  Number((await page.locator('#step-count').textContent()).replace('step ', ''));
const cardState = (id) => page.locator(`.zs-server[data-myid='${id}'] .zs-state`).textContent();

before(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('.zs-server', { timeout: 30_000 });
  mkdirSync('target/e2e', { recursive: true });
});

after(async () => { await browser?.close(); });

test('the app boots five configured servers', async () => {
  assert.equal(await page.locator('.zs-server').count(), 5);
  assert.equal(await page.locator('.zs-node').count(), 5);
  assert.equal(await page.locator('#step-count').textContent(), 'step 0');
  assert.equal(await page.locator('#leader').textContent(), 'no leader');
});

test('Step delivers one agenda item at a time', async () => {
  await page.click('#step');
  await page.click('#step');
  await page.click('#step');
  await page.waitForFunction(() => document.querySelector('#step-count')?.textContent === 'step 3');
  assert.equal(await cardState(1), 'LOOKING');
});

test('one simulated second elects server 5; the others follow', async () => {
  await page.click('#run-1s');
  await page.waitForFunction(() => document.querySelector('#leader')?.textContent === 'leader server.5');
  for (const id of [1, 2, 3, 4]) assert.equal(await cardState(id), 'FOLLOWING');
  await page.screenshot({ path: 'target/e2e/elected.png', fullPage: true });
});

test('clicking the leader on the ring crashes it and server 4 takes over', async () => {
  await page.click(".zs-node[data-myid='5']");
  await page.waitForFunction(() =>
    document.querySelector(".zs-server[data-myid='5'] .zs-state")?.textContent === 'CRASHED');
  await page.click('#run-1s');
  await page.waitForFunction(() => document.querySelector('#leader')?.textContent === 'leader server.4');
});

test('a client writes through a follower and every live server commits it', async () => {
  await page.fill('#command', 'connect c1 1');
  await page.press('#command', 'Enter');
  await page.fill('#command', 'create c1 /app hello');
  await page.press('#command', 'Enter');
  await page.click('#run-1s');
  const zxids = await page.locator('.zs-server:not(.zs-down) dd.zs-zxid').allTextContents();
  assert.equal(zxids.length, 4);
  assert.equal(new Set(zxids).size, 1, `live servers disagree: ${zxids}`);
  assert.notEqual(zxids[0], '0x0');
});

test('Play runs until Pause', async () => {
  const start = await stepCount();
  await page.click('#speed-10'); // pings every tickTime/2 = 1 s of simulated time
  await page.click('#play');
  await page.waitForFunction((n) =>
    Number(document.querySelector('#step-count')?.textContent?.replace('step ', '')) > n,
  start, { timeout: 10_000 });
  await page.click('#pause');
  // The render that re-enables Step also flushes any step the timer made before Pause.
  await page.waitForFunction(() => !document.querySelector('#step')?.disabled);
  const stopped = await stepCount();
  await page.click('#step');
  await page.waitForFunction((want) => document.querySelector('#step-count')?.textContent === want,
    `step ${stopped + 1}`);
  await page.screenshot({ path: 'target/e2e/app.png', fullPage: true });
});

test('no console errors', () => {
  assert.deepEqual(consoleErrors, []);
});
