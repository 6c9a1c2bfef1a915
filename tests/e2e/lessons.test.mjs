// Guided lessons on the page (docs/page.md, "Lessons"; docs/js-api.md, "Lessons"): every lesson
// of static/lessons/index.txt plays from its first step to its last in English and in 简体中文
// with no invariant violation (a "what if" lesson: exactly its named invariant fires); every
// checkpoint is answered right and wrong and says why; take over → back to the lesson gives
// the same digest; a malformed lesson file (its fetch intercepted) names its line and leaves
// the run on screen as it was; the menu, `#lesson=`, the presenter view, the "break ZAB" menu
// and the one-screen layout with a lesson open. Screenshots: docs/lesson-en.png,
// docs/lesson-zh.png. Lessons are stepped with Next (no waiting on Play's dwell).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { launchChromium } from '../../scripts/chromium.mjs';

const url = process.env.ZABSCOPE_URL ?? 'http://127.0.0.1:8080/';
const index = readFileSync(new URL('../../static/lessons/index.txt', import.meta.url), 'utf8')
  .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
let browser;
let page;
const consoleErrors = [];

const api = (fn, ...args) => page.evaluate(([fn, args]) => window.zabscope[fn](...args), [fn, args]);
const lessonView = () => page.evaluate(() => window.zabscope.view({ logTail: 0 }).lesson);

async function open(hash = '', width = 1280, height = 800) {
  await page.setViewportSize({ width, height });
  await page.goto(new URL(hash, url).toString());
  await page.waitForSelector('.zs-node', { timeout: 30_000 });
  await page.waitForFunction(() => window.zabscope !== undefined);
}

before(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  // The page keeps its run (and an open lesson) across reloads, and the language chosen last:
  // start each navigation afresh (in the browser's language unless `?lang=` says otherwise),
  // so a test that stops half-way in 简体中文 does not carry it into the next.
  await page.addInitScript(() => {
    try {
      localStorage.removeItem('zabscope.run');
      localStorage.removeItem('zabscope.lang');
    } catch { /* a document without storage */ }
  });
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  mkdirSync('target/e2e', { recursive: true });
  await open();
});

after(async () => { await browser?.close(); });

/**
 * Plays lesson `id` from step 0 to its last step with Next, in the page's language. At each
 * checkpoint: answers one choice, reads the verdict, goes back to the step and answers so
 * that both a right and a wrong answer are judged. Returns what it saw.
 */
const playThrough = (id) => page.evaluate(async (id) => {
  const z = window.zabscope;
  const opened = await z.openLesson(id);
  if (!opened.ok) return { error: `openLesson: ${opened.error}` };
  const seen = { steps: 0, says: [], checkpoints: 0, verdicts: [] };
  for (let guard = 0; guard < 400; guard += 1) {
    const l = z.view({ logTail: 0 }).lesson;
    if (!l || l.id !== id) return { error: `lesson ${id} not open at step ${seen.steps}` };
    seen.steps += 1;
    seen.says.push(l.say);
    const q = l.question;
    if (q) {
      if (q.error) return { error: `step ${l.step}: ${q.error}` };
      if (!q.text || q.choices.length < 2) return { error: `step ${l.step}: question ${JSON.stringify(q)}` };
      seen.checkpoints += 1;
      const first = z.answer(q.choices[0].id);
      if (!first.ok) return { error: `answer: ${first.error}` };
      const after = z.view({ logTail: 0 });
      if (after.now !== q.decide) return { error: `step ${l.step}: the run is at ${after.now}, decide is ${q.decide}` };
      // Back to the same step, then the other verdict.
      z.lessonGoto(l.step);
      const other = first.right ? q.choices.find((c) => c.id !== first.answer).id : first.answer;
      const second = z.answer(other);
      if (!second.ok) return { error: `answer again: ${second.error}` };
      seen.verdicts.push([first.right, second.right, first.why, second.why]);
    }
    if (l.step + 1 >= l.of) break;
    z.lessonNext();
  }
  const v = z.view({ logTail: 0 });
  seen.invariants = v.invariants;
  seen.last = v.lesson;
  return seen;
}, id);

test('the lessons: lessons() lists the index, in groups, with both titles', async () => {
  const list = await page.evaluate(() => window.zabscope.lessons());
  assert.deepEqual(list.map((l) => `${l.group}/${l.id}`), index);
  for (const l of list) {
    assert.equal(l.error, null, `${l.id}: ${l.error}`);
    assert.ok(l.title.en && l.title.zh, `${l.id} has both titles`);
    assert.ok(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(l.title.zh), `${l.id}: the zh title is Chinese`);
  }
  assert.ok(list.length >= 22, `${list.length} lessons`);
});

for (const lang of ['en', 'zh-CN']) {
  test(`every lesson plays start to end in ${lang}; checkpoints right and wrong`, async (t) => {
    assert.equal((await api('setLang', lang)).ok, true);
    const list = await page.evaluate(() => window.zabscope.lessons());
    let checkpoints = 0;
    for (const l of list) {
      const seen = await playThrough(l.id);
      assert.equal(seen.error, undefined, `${l.id}: ${seen.error}`);
      assert.equal(seen.last.step + 1, seen.last.of, `${l.id} reached its last step`);
      for (const s of seen.says) {
        assert.ok(s && s.length > 0, `${l.id}: every step says something`);
        if (lang === 'zh-CN') assert.ok(/[\u4e00-\u9fff]/.test(s), `${l.id}: ${s} is Chinese`);
      }
      for (const [a, b, whyA, whyB] of seen.verdicts) {
        assert.notEqual(a, b, `${l.id}: one right and one wrong answer`);
        assert.ok(whyA && whyB, `${l.id}: each verdict says why`);
        if (lang === 'zh-CN') assert.ok(/[\u4e00-\u9fff]/.test(whyA), `${l.id}: ${whyA} is Chinese`);
      }
      checkpoints += seen.checkpoints;
      if (l.group === 'whatif') {
        const expected = seen.last.expectViolation;
        assert.ok(expected, `${l.id} names its invariant`);
        // The switch's damage is caught first by the named invariant (later ones are its
        // consequences, as the core's lesson runner says).
        assert.ok(seen.invariants.length > 0, `${l.id}: ${expected} fires`);
        assert.ok(seen.invariants[0].includes(expected), `${l.id}: ${expected} fires first, not ${seen.invariants[0]}`);
      } else {
        assert.deepEqual(seen.invariants, [], `${l.id}: no invariant violation`);
      }
    }
    assert.ok(checkpoints >= 5, `${checkpoints} checkpoints exercised`);
    t.diagnostic(`${list.length} lessons, ${checkpoints} checkpoints answered right and wrong in ${lang}`);
    await api('closeLesson');
    await api('setLang', 'en');
  });
}

test('take over, act freely, back to the lesson: the same step and digest', async () => {
  const list = await page.evaluate(() => window.zabscope.lessons());
  const id = list.find((l) => l.group === 'zab').id;
  assert.equal((await page.evaluate((id) => window.zabscope.openLesson(id), id)).ok, true);
  await api('lessonNext');
  await api('lessonNext');
  const at = await lessonView();
  const digest = await api('digest');
  await page.click('#lesson-takeover');
  assert.equal((await lessonView()).takenOver, true);
  await expectVisible('#lesson-back');
  // Every control is live: a command, stepping, the timeline.
  assert.equal((await api('command', 'crash 1')).ok, true);
  await api('step', 20);
  assert.notEqual(await api('digest'), digest);
  await page.click('#lesson-back');
  const back = await lessonView();
  assert.equal(back.takenOver, false);
  assert.equal(back.step, at.step);
  assert.equal(await api('digest'), digest, 'back to the lesson: the same digest');
  // A command while the lesson drives takes over by itself; back again gives the same digest.
  await api('command', 'crash 2');
  assert.equal((await lessonView()).takenOver, true);
  assert.equal((await api('backToLesson')).ok, true);
  assert.equal(await api('digest'), digest);
  // Next and Previous by keyboard.
  await page.keyboard.press('ArrowRight');
  assert.equal((await lessonView()).step, at.step + 1);
  await page.keyboard.press('ArrowLeft');
  assert.equal((await lessonView()).step, at.step);
  assert.equal(await api('digest'), digest, 'Previous: the same state as before');
  await api('closeLesson');
});

async function expectVisible(sel) {
  await page.waitForSelector(sel, { state: 'visible', timeout: 10_000 });
}

test('a malformed lesson names its line and leaves the current run intact', async () => {
  // A fresh page, so nothing is cached: the lesson's fetch is intercepted.
  const p2 = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const target = index[0];
  await p2.route(`**/static/lessons/${target}.lesson`, (route) => route.fulfill({
    status: 200, contentType: 'text/plain; charset=utf-8',
    body: `lesson ${target.split('/')[1]}\ngroup zab\nsteps are <b>not</b> a directive\n`,
  }));
  await p2.goto(url);
  await p2.waitForFunction(() => window.zabscope !== undefined);
  await p2.evaluate(() => window.zabscope.run(3000));
  const before = await p2.evaluate(() => window.zabscope.digest());
  const r = await p2.evaluate((id) => window.zabscope.openLesson(id), target.split('/')[1]);
  assert.equal(r.ok, false);
  assert.match(r.error, /line 3/, r.error);
  await p2.waitForSelector('#lesson-error');
  const shown = await p2.locator('#lesson-error').textContent();
  assert.match(shown, /3/, shown);
  // Shown as text, never as HTML.
  assert.equal(await p2.locator('#lesson-error b').count(), 0);
  assert.equal(await p2.evaluate(() => window.zabscope.digest()), before, 'the run is intact');
  assert.equal(await p2.evaluate(() => window.zabscope.view({ logTail: 0 }).lesson), null);
  assert.equal(await p2.locator('#lesson').count(), 0);
  // In the menu the broken lesson is listed with its line; the others still open.
  await p2.keyboard.press('l');
  await p2.waitForSelector('#lessons-menu .zs-lesson-item');
  const err = await p2.locator('#lessons-menu .zs-error').first().textContent();
  assert.match(err, /3/);
  await p2.close();
});

test('a shared link carries the open lesson: a fresh browser opens it at the same step and digest', async () => {
  await open();
  const id = index[0].split('/')[1];
  const opened = await page.evaluate((id) => window.zabscope.openLesson(id), id);
  assert.equal(opened.ok, true, opened.error);
  await api('lessonNext');
  await api('lessonNext');
  const here = await lessonView();
  const digest = await api('digest');
  const link = await api('link');
  const p2 = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await p2.goto(link);
  await p2.waitForFunction((id) => {
    const l = window.zabscope?.view({ logTail: 0 }).lesson;
    return l && l.id === id;
  }, id, { timeout: 30_000 });
  await p2.waitForFunction((step) => window.zabscope.view({ logTail: 0 }).lesson.step === step, here.step);
  assert.equal(await p2.evaluate(() => window.zabscope.digest()), digest, 'same state as the sender');
  await p2.close();
  await api('closeLesson');
});

test('the menu: groups, lengths, opening a lesson, progress remembered; #lesson= opens one', async () => {
  await open();
  // The lessons played to the end by the tests before are remembered too: forget them, so
  // that "done" below can only come from this test's lesson (the menu reads it when it opens).
  await page.evaluate(() => localStorage.removeItem('zabscope.lessons.done'));
  await page.click('#open-lessons');
  await page.waitForSelector('#lessons-menu .zs-lesson-item');
  assert.equal(await page.locator('#lessons-menu .zs-lesson-item').count(), index.length);
  const groups = await page.locator('#lessons-menu .zs-lesson-group').evaluateAll((g) => g.map((e) => e.dataset.group));
  assert.deepEqual(groups, [...new Set(index.map((l) => l.split('/')[0]))]);
  const len = await page.locator('.zs-lesson-item-len').first().textContent();
  assert.match(len, /\d+/);
  const id = index[0].split('/')[1];
  assert.equal(await page.locator(`#lesson-${id} .zs-lesson-done`).count(), 0, 'not done yet');
  await page.click(`#lesson-${id}`);
  await page.waitForSelector(`#lesson[data-lesson="${id}"]`);
  assert.equal(await page.locator('#lessons-menu').count(), 0, 'the menu closes');
  // To the last step: remembered as done.
  const of = (await lessonView()).of;
  const done = () => page.evaluate(() => localStorage.getItem('zabscope.lessons.done') ?? '');
  assert.ok(!(await done()).includes(id), 'not remembered as done before its last step');
  await api('lessonGoto', of - 1);
  assert.ok((await done()).includes(id));
  await page.keyboard.press('l');
  await page.waitForSelector(`#lesson-${id} .zs-lesson-done`);
  await page.keyboard.press('Escape');
  // A full localStorage (quota) does not stop a lesson.
  await page.evaluate(() => {
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await api('lessonGoto', 0);
  await api('lessonGoto', of - 1);
  assert.equal((await lessonView()).step, of - 1);
  // #lesson=ID in the URL: on load, and when the hash changes (a slide's link).
  const second = index[1].split('/')[1];
  await page.goto('about:blank');
  await open(`#lesson=${second}`);
  await page.waitForSelector(`#lesson[data-lesson="${second}"]`, { timeout: 20_000 });
  assert.equal((await lessonView()).step, 0);
  await page.evaluate((id) => { window.location.hash = `lesson=${id}`; }, index[2].split('/')[1]);
  await page.waitForSelector(`#lesson[data-lesson="${index[2].split('/')[1]}"]`, { timeout: 20_000 });
});

test('Play plays the lesson: it stops at a pause and at a checkpoint, at the step\'s time', async () => {
  await page.goto('about:blank');
  await open(`#lesson=${index[0].split('/')[1]}`);
  await page.waitForSelector('#lesson');
  await page.click('#speed-4');
  // Play until it stops by itself at a later step (the button is #play again).
  const stopped = async () => {
    const before = (await lessonView()).step;
    await page.click('#play');
    await page.waitForFunction((before) => document.querySelector('#play')
      && window.zabscope.view({ logTail: 0 }).lesson.step > before, before, { timeout: 30_000, polling: 50 });
    const l = await lessonView();
    const now = await page.evaluate(() => window.zabscope.view({ logTail: 0 }).now);
    return { l, now };
  };
  // Play goes on by itself until a step says pause (or asks, or ends) and stops at its time.
  let { l, now } = await stopped();
  assert.ok(l.step >= 1, 'Play went past the first step');
  assert.ok(l.pause || l.question || l.step + 1 === l.of, `stopped at step ${l.step}: ${JSON.stringify(l)}`);
  assert.equal(now, l.at, 'the run stands at the step\'s time');
  // On to a checkpoint: Play holds there until it is answered.
  for (let i = 0; i < 10 && !l.question && l.step + 1 < l.of; i += 1) ({ l, now } = await stopped());
  if (l.question) {
    assert.equal(now, l.at);
    await page.click('#play');
    // Three animation frames: Play's frames run, and stop it at once.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r)))));
    await page.waitForSelector('#play', { timeout: 10_000 });
    const still = await lessonView();
    assert.equal(still.step, l.step, 'an unanswered checkpoint holds Play');
    assert.equal(await page.evaluate(() => window.zabscope.view({ logTail: 0 }).now), l.at);
  }
});

test('the break ZAB menu: a switch for a free run, explained', async () => {
  await open();
  await page.click('#open-setup');
  await page.selectOption('#setup-break', 'commitWithoutQuorum');
  const why = await page.locator('#setup-break-why').textContent();
  assert.match(why, /PrimaryIntegrity/);
  await page.click('#setup-go');
  assert.match(await api('script'), /zabscope\.break=commitWithoutQuorum/);
});

const oneScreen = () => page.evaluate(() => {
  const small = [];
  for (const e of document.querySelectorAll('#lesson *, #lesson')) {
    if (!e.getClientRects().length || ![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
    const px = parseFloat(getComputedStyle(e).fontSize);
    if (px < 14) small.push(`${e.tagName} ${px}px ${e.textContent.slice(0, 30)}`);
  }
  const r = document.querySelector('#lesson').getBoundingClientRect();
  const ring = document.querySelector('.zs-ring svg').getBoundingClientRect();
  return {
    ring: Math.round(ring.height), ringBottom: ring.bottom, bar: document.querySelector('.zs-bar').getBoundingClientRect().top,
    sh: document.documentElement.scrollHeight, ih: window.innerHeight,
    sw: document.documentElement.scrollWidth, iw: window.innerWidth,
    lesson: { top: r.top, bottom: r.bottom }, small,
  };
});

for (const [w, h] of [[1280, 800], [1024, 768]]) {
  for (const projector of [false, true]) {
    const mode = projector ? 'projector' : 'normal';
    test(`one screen at ${w}×${h} (${mode}) with a lesson at a checkpoint, presenter view on`, async () => {
      const list = await page.evaluate(() => window.zabscope.lessons());
      await open('', w, h);
      if (projector) await page.click('#projector');
      // The first lesson with a checkpoint, at it.
      let found = false;
      for (const l of list) {
        await page.evaluate((id) => window.zabscope.openLesson(id), l.id);
        for (let i = 0; i < 40; i += 1) {
          const v = await lessonView();
          if (v.question) { found = true; break; }
          if (v.step + 1 >= v.of) break;
          await api('lessonNext');
        }
        if (found) break;
      }
      assert.ok(found, 'a lesson with a checkpoint');
      await page.click('#lesson-presenter');
      await page.waitForSelector('#lesson-notes');
      const q = await lessonView();
      await page.click(`[data-choice="${q.question.choices[0].id}"]`);
      await page.waitForSelector('#lesson-verdict');
      const s = await oneScreen();
      await page.screenshot({ path: `target/e2e/lesson-${w}-${mode}.png` });
      assert.ok(s.sh <= s.ih + 1, `the page is ${s.sh} px tall in ${s.ih}`);
      assert.ok(s.sw <= s.iw + 1, `the page is ${s.sw} px wide in ${s.iw}`);
      assert.ok(s.lesson.bottom <= s.ih + 1, `the lesson panel is inside: ${JSON.stringify(s.lesson)}`);
      assert.deepEqual(s.small, [], 'no label under 14 px');
      assert.ok(s.ring >= 150, `the ring keeps ${s.ring} px`);
      assert.ok(s.ringBottom <= s.bar + 1, 'the ring ends above the playback bar');
      await page.click('#lesson-presenter');
      await api('closeLesson');
    });
  }
}

test('screenshots of a lesson in English and in 简体中文 (docs/)', async () => {
  const id = index[0].split('/')[1];
  for (const [lang, file] of [['en', 'docs/lesson-en.png'], ['zh-CN', 'docs/lesson-zh.png']]) {
    await page.goto('about:blank');
    await open(`?lang=${lang}#lesson=${id}`);
    // In 简体中文 the page switches once the catalogue it fetches has arrived.
    await page.waitForFunction((lang) => window.zabscope.lang() === lang, lang, { timeout: 30_000 });
    await page.waitForSelector('#lesson');
    for (let i = 0; i < 40; i += 1) {
      const v = await lessonView();
      if (v.question || v.step + 1 >= v.of) break;
      await api('lessonNext');
    }
    const v = await lessonView();
    if (v.question) {
      await page.click(`[data-choice="${v.question.choices[0].id}"]`);
      await page.waitForSelector('#lesson-verdict');
    }
    await page.screenshot({ path: file });
  }
  assert.deepEqual(consoleErrors.filter((e) => !/favicon/.test(e)), []);
});
