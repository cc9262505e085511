// The live page (glass view) in a real browser: headless Chromium driven by
// playwright-core. Each scenario starts `glass view app.js`, opens the URL
// it prints, acts as a user would (buttons, clicks) and asserts what the
// page shows. A screenshot of each scenario is saved in $VIEW_ARTIFACTS
// (ctest: <build>/view-screenshots).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';

const GLASS = process.env.GLASS;
if (!GLASS) throw new Error('set GLASS to the glass binary');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARTIFACTS = process.env.VIEW_ARTIFACTS || path.join(os.tmpdir(), 'glass-view-screenshots');
const FLAGS = (process.env.GLASS_FLAGS || '').split(' ').filter(Boolean);
fs.mkdirSync(ARTIFACTS, { recursive: true });

let browser;
const children = new Set();  // every glass started: none outlives the tests, even a test that timed out
before(async () => { browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] }); });
after(async () => {
  for (const child of children) child.kill('SIGKILL');
  await browser?.close();
});

// Starts `glass view` on `source` and opens its page; returns the page and the program.
async function view(source, files = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glass-view-'));
  for (const [name, text] of Object.entries({ 'app.js': source, ...files })) fs.writeFileSync(path.join(dir, name), text);
  const child = spawn(GLASS, ['view', ...FLAGS, 'app.js'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  const program = { child, dir, stdout: '', stderr: '' };
  child.stdout.on('data', (d) => { program.stdout += d; });
  const url = await new Promise((resolve, reject) => {
    child.stderr.on('data', (d) => {
      program.stderr += d;
      const m = /Glass view: (http:\/\/\S+)\s/.exec(program.stderr);  // (whole: stderr may arrive in pieces)
      if (m) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error('glass ended: ' + program.stderr)));
  });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (e) => { program.pageError = e; });
  await page.goto(url);
  program.page = page;
  program.close = async (name) => {
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
    await page.close();
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(program.pageError, undefined, 'no error in the page');
  };
  await waitStatus(page, /Break on start/);
  return program;
}

// Waits: generous, since the debug build (ASan) under a loaded CI machine is slow;
// each scenario also has a time limit of its own, so that a stuck one fails instead of hanging.
const T = FLAGS.length ? 60000 : 30000;
const LIMIT = { timeout: 8 * T };
async function waitStatus(page, re) {
  await page.waitForFunction((src) => new RegExp(src).test(document.getElementById('status').textContent), re.source, { timeout: T });
}
const text = (page, selector) => page.locator(selector).innerText({ timeout: T });
async function click(page, id, status) {
  await page.click(`#${id}`);
  if (status) await waitStatus(page, status);
}

test('break on start: the first line is current, with one frame and its scopes', LIMIT, async () => {
  const p = await view('const answer = 42;\nconsole.log(answer);\n');
  try {
    const { page } = p;
    await page.waitForSelector('#source .line.current');
    assert.equal(await page.getAttribute('#source .line.current', 'data-line'), '1');
    // (Below it: the runtime's own loader frames, as Node shows its node:internal ones.)
    assert.equal(await page.locator('#stack li', { hasText: 'app.js' }).count(), 1);
    await page.waitForSelector('#scopes [data-variable="answer"]');
    assert.match(await text(page, '#scopes [data-variable="answer"]'), /uninitialized/);
    assert.match(await text(page, '#source-name'), /app\.js/);
  } finally {
    await p.close('01-break-on-start');
  }
});

test('step into a function: the stack grows, the callee is selected, its locals are shown', LIMIT, async () => {
  const p = await view('function square(n) {\n  const r = n * n;\n  return r;\n}\nconst x = square(7);\n');
  try {
    const { page } = p;
    // Break on start is at the first statement that runs: the call on line 5.
    assert.equal(await page.getAttribute('#source .line.current', 'data-line'), '5');
    await click(page, 'step-into', /paused: other/);
    await page.waitForFunction(() => [...document.querySelectorAll('#stack li')].filter((li) => li.innerText.includes('app.js')).length === 2, null, { timeout: T });
    assert.match(await text(page, '#stack li[data-frame="0"]'), /^square — app\.js:2/);
    assert.match(await text(page, '#stack li[data-frame="1"]'), /app\.js:5/);
    assert.match(await text(page, '#scopes [data-variable="n"]'), /7/);
    await page.waitForFunction(() => document.querySelector('#source .line.current')?.dataset.line === '2', null, { timeout: T });
    // Selecting the caller shows its line.
    await page.click('#stack li[data-frame="1"]');
    await page.waitForFunction(() => document.querySelector('#source .line.current')?.dataset.line === '5', null, { timeout: T });
  } finally {
    await p.close('02-step-into');
  }
});

test('step one instruction: the marked instruction moves by one and the registers change', LIMIT, async () => {
  const p = await view('let a = 1;\nlet b = a + 41;\nconsole.log(b);\n');
  try {
    const { page } = p;
    await page.waitForSelector('#bytecode .ins.current');
    const pc0 = Number(await page.getAttribute('#bytecode .ins.current', 'data-pc'));
    const regsBefore = await text(page, '#registers');
    await click(page, 'step-instruction', /one instruction/);
    await page.waitForFunction((pc) => Number(document.querySelector('#bytecode .ins.current')?.dataset.pc) === pc + 1, pc0, { timeout: T });
    for (let i = 0; i < 6; i++) {
      await click(page, 'step-instruction');
      await page.waitForTimeout(150);
    }
    await page.waitForFunction((before) => document.getElementById('registers').innerText !== before, regsBefore, { timeout: T });
    assert.match(await text(page, '#registers'), /\ba\b/);
  } finally {
    await p.close('03-step-instruction');
  }
});

test('a breakpoint set by clicking a line number stops the program there', LIMIT, async () => {
  const p = await view('let total = 0;\nfor (let i = 0; i < 3; i++) {\n  total += i;\n}\nconsole.log(total);\n');
  try {
    const { page } = p;
    await page.click('#source .line[data-line="5"] .no');
    await page.waitForSelector('#source .line.bp[data-line="5"]');
    await click(page, 'resume', /breakpoint/);
    await page.waitForFunction(() => document.querySelector('#source .line.current')?.dataset.line === '5', null, { timeout: T });
    await page.waitForFunction(() => /total\s+3/.test(document.getElementById('scopes').innerText), null, { timeout: T });
  } finally {
    await p.close('04-line-breakpoint');
  }
});

test('a setTimeout and a resolved promise wait in their queues with their lines, and leave in the right order', LIMIT, async () => {
  const source = [
    'setTimeout(function timer() { console.log("timer"); }, 0);',
    'Promise.resolve().then(function job() { console.log("job"); });',
    'debugger;',
  ].join('\n') + '\n';
  const p = await view(source);
  try {
    const { page } = p;
    await click(page, 'resume', /paused: other/);
    await page.waitForSelector('[data-queue="timers"] li');
    assert.match(await text(page, '[data-queue="timers"] li'), /setTimeout timer\(\).*app\.js:1/);
    assert.match(await text(page, '[data-queue="microtasks"] li'), /promise job.*app\.js:2/);
    // The promise job runs first, then the timer (a microtask before the next loop phase).
    await click(page, 'next-callback', /next callback/);
    await page.waitForFunction(() => /^job/.test(document.querySelector('#stack li[data-frame="0"]')?.innerText || ''), null, { timeout: T });
    await page.waitForFunction(() => !document.querySelector('[data-queue="microtasks"] li'), null, { timeout: T });
    await click(page, 'next-callback');
    await page.waitForFunction(() => /^timer/.test(document.querySelector('#stack li[data-frame="0"]')?.innerText || ''), null, { timeout: T });
    await page.waitForFunction(() => !document.querySelector('[data-queue="timers"] li'), null, { timeout: T });
    await page.waitForFunction(() => document.querySelector('.phase.active')?.dataset.phase === 'timers', null, { timeout: T });
  } finally {
    await p.close('05-queues-order');
  }
});

test('process.nextTick and setImmediate: their queues, and a click on the creation line shows it', LIMIT, async () => {
  const source = 'setImmediate(function later() {});\nprocess.nextTick(function soon() {});\ndebugger;\n';
  const p = await view(source);
  try {
    const { page } = p;
    await click(page, 'resume', /paused: other/);
    await page.waitForSelector('[data-queue="nextTicks"] li');
    assert.match(await text(page, '[data-queue="nextTicks"] li'), /soon\(\).*app\.js:2/);
    assert.match(await text(page, '[data-queue="immediates"] li'), /later\(\).*app\.js:1/);
    await page.click('[data-queue="immediates"] a.site');
    await page.waitForSelector('#source .line.flash[data-line="1"]');
  } finally {
    await p.close('06-ticks-immediates');
  }
});

test('a pool read stays "done, not dispatched" while JS is paused', LIMIT, async () => {
  const source = [
    "const fs = require('fs');",
    'fs.readFile(__filename, function read() {});',
    'const until = Date.now() + 300; while (Date.now() < until) {}',
    'debugger;',
  ].join('\n') + '\n';
  const p = await view(source);
  try {
    const { page } = p;
    await click(page, 'resume', /paused: other/);
    await page.waitForSelector('#pool tr[data-state="done"]', { timeout: T });
    assert.match(await text(page, '#pool tr[data-state="done"]'), /readFile.*done, not dispatched.*app\.js:2/);
    await page.waitForTimeout(800);  // still there: nothing runs while paused
    assert.equal(await page.locator('#pool tr[data-state="done"]').count(), 1);
    assert.match(await text(page, '[data-queue="pending"]'), /readFile completion/);
  } finally {
    await p.close('07-pool-done-not-dispatched');
  }
});

test('the heap graph of a small object tree, and the retaining path of a leaf', LIMIT, async () => {
  const source = 'function build() {\n  const tree = { left: { leaf: [1, 2] }, right: { name: "r" } };\n  debugger;\n  return tree;\n}\nbuild();\n';
  const p = await view(source);
  try {
    const { page } = p;
    await click(page, 'resume', /paused: other/);
    // (The graph of the pause before may still be on the page: wait for this frame's.)
    await page.waitForFunction(() => {
      const labels = [...document.querySelectorAll('#heap-graph .edge-label')].map((e) => e.textContent);
      return ['left', 'right', 'leaf'].every((name) => labels.includes(name));
    }, null, { timeout: T });
    const array = page.locator('#heap-graph .node[data-kind="Array"]').first();
    await array.click();
    await page.waitForSelector('[data-testid="retaining-path"]');
    assert.match(await text(page, '[data-testid="retaining-path"]'), /root: .*—leaf→ Array/);
    assert.match(await page.$eval('#heap-totals', (e) => e.textContent), /Object/);  // (inside a closed <details>)
  } finally {
    await p.close('08-heap-graph');
  }
});

test('break on the next collection, then step through its phases with the marked set shown', LIMIT, async () => {
  const source = 'const keep = [];\nfor (let i = 0; i < 200000; i++) { const o = { i }; if (i % 1000 === 0) keep.push(o); }\nconsole.log(keep.length);\n';
  const p = await view(source);
  try {
    const { page } = p;
    await page.check('#break-on-gc');
    await page.waitForTimeout(100);
    await click(page, 'resume', /heap wants to collect/);
    await click(page, 'step-collection', /after roots/);
    assert.match(await text(page, '#gc-phase'), /phase: roots — \d+ cells marked/);
    await click(page, 'step-collection', /after mark/);
    await page.waitForSelector('#heap-graph .node.marked');
    assert.equal(await page.locator('#step-over').isDisabled(), true);  // only reading until the collection ends
    await click(page, 'step-collection', /after weak/);
    await click(page, 'step-collection', /after sweep/);
    await page.uncheck('#break-on-gc');
    await click(page, 'step-collection', /paused: instrumentation|collect/);
    // (Earlier collections may be listed already: wait for the one the debugger ran.)
    await page.waitForFunction(() => [...document.querySelectorAll('#gc-history tr[data-collection]')].some((r) => /debugger/.test(r.innerText)), null, { timeout: T });
  } finally {
    await p.close('09-gc-phases');
  }
});

test('a loop-phase breakpoint on "check" stops in the immediate, with the phase shown', LIMIT, async () => {
  const p = await view('setImmediate(function inCheck() { console.log("check"); });\n');
  try {
    const { page } = p;
    await page.waitForSelector('[data-phase-breakpoint="check"]');
    await page.check('[data-phase-breakpoint="check"]');
    await page.waitForTimeout(100);
    await click(page, 'resume', /loop phase check/);
    await page.waitForFunction(() => document.querySelector('.phase.active')?.dataset.phase === 'check', null, { timeout: T });
    assert.match(await text(page, '#stack li[data-frame="0"]'), /^inCheck/);
  } finally {
    await p.close('10-loop-phase-breakpoint');
  }
});

test('a callback from a native: the stack shows Array.prototype.map between the frames', LIMIT, async () => {
  const p = await view('const out = [1, 2].map(function twice(x) {\n  debugger;\n  return x * 2;\n});\n');
  try {
    const { page } = p;
    await click(page, 'resume', /paused: other/);
    await page.waitForFunction(() => document.querySelectorAll('#stack li').length >= 3, null, { timeout: T });
    assert.match(await text(page, '#stack li[data-frame="0"]'), /^twice/);
    assert.equal(await page.locator('#stack li.native', { hasText: 'map — native' }).count(), 1);
  } finally {
    await p.close('11-native-frame');
  }
});

test('an async function awaiting an fs read: the await chain in the stack, the console output', LIMIT, async () => {
  const source = [
    "const fs = require('fs/promises');",
    'async function inner() {',
    '  const text = await fs.readFile(__filename, "utf8");',
    '  debugger;',
    '  return text.length;',
    '}',
    'async function outer() { console.log("start"); return await inner(); }',
    'outer();',
  ].join('\n') + '\n';
  const p = await view(source);
  try {
    const { page } = p;
    await click(page, 'resume', /paused: other/);
    await page.waitForSelector('#stack li.async');
    assert.match(await text(page, '#stack'), /inner — app\.js:4[\s\S]*outer/);
    assert.match(await text(page, '#console'), /start/);
  } finally {
    await p.close('12-async-await-chain');
  }
});

test('the registers name the locals and mark a binding in its temporal dead zone', LIMIT, async () => {
  const p = await view('function f(x) {\n  debugger;\n  let late = x + 1;\n  return late;\n}\nf(41);\n');
  try {
    const { page } = p;
    await click(page, 'resume', /paused: other/);
    // (The registers of the pause before may still be on the page: wait for f's.)
    await page.waitForFunction(() => [...document.querySelectorAll('#registers tr[data-register]')].some((r) => /\blate\b/.test(r.innerText)), null, { timeout: T });
    const rows = await page.locator('#registers tr[data-register]').allInnerTexts();
    assert.ok(rows.some((r) => /\bx\b.*41/.test(r)), rows.join('\n'));
    assert.ok(rows.some((r) => /\blate\b.*TDZ/.test(r)), rows.join('\n'));
  } finally {
    await p.close('13-registers-tdz');
  }
});
