// Glass view: a CDP client in the page (tools/view/README.md). It reads the
// standard domains (Runtime, Debugger) and the Glass domain
// (tools/inspector/GLASS-DOMAIN.md) and redraws every panel at each pause.
'use strict';

// ---- the connection -----------------------------------------------------------------------

const cdp = {
  ws: null, nextId: 1, waiting: new Map(), handlers: new Map(),
  async connect() {
    const targets = await (await fetch('/json/list')).json();
    this.ws = new WebSocket(targets[0].webSocketDebuggerUrl);
    this.ws.onmessage = (e) => this.receive(JSON.parse(e.data));
    this.ws.onclose = () => setStatus('disconnected: the program has ended or another client took over');
    await new Promise((ok, fail) => { this.ws.onopen = ok; this.ws.onerror = fail; });
  },
  send(method, params = {}) {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((ok, fail) => this.waiting.set(id, { ok, fail, method }));
  },
  on(event, fn) { this.handlers.set(event, fn); },
  receive(msg) {
    if (msg.id !== undefined) {
      const w = this.waiting.get(msg.id);
      this.waiting.delete(msg.id);
      if (!w) return;
      if (msg.error) w.fail(new Error(`${w.method}: ${msg.error.message}`)); else w.ok(msg.result);
      return;
    }
    const fn = this.handlers.get(msg.method);
    if (fn) fn(msg.params);
  },
};

// ---- state ---------------------------------------------------------------------------------

const state = {
  scripts: new Map(),      // scriptId -> {url}
  sources: new Map(),      // scriptId -> text
  breakpoints: new Map(),  // "url:line" -> breakpointId
  insBreakpoints: new Map(), // "functionId:pc" -> breakpointId
  paused: null,            // the Debugger.paused params
  frame: 0,                // selected frame index
  shownScript: null,
  heapLimit: 60,
  heapRoot: null,          // {callFrameId} or {nodeId}
  selectedNode: null,
};

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
};
const fileName = (url) => (url || '').replace(/^.*[\\/]/, '') || url || '(anonymous)';
function setStatus(text) { $('status').textContent = text; }
function report(error) { console.error(error); setStatus(String(error.message || error)); }

// ---- events ----------------------------------------------------------------------------------

cdp.on('Debugger.scriptParsed', (p) => state.scripts.set(p.scriptId, { url: p.url }));
// Each pause (and each resume) starts a new generation: what the panels ask
// for one pause may fail once the program has moved on (a request that comes
// after a collection step is refused), and such a stale error is not news.
let generation = 0;
cdp.on('Debugger.paused', (p) => {
  state.paused = p;
  state.frame = 0;
  const g = ++generation;
  onPaused().catch((e) => { if (g === generation) report(e); });
});
cdp.on('Debugger.resumed', () => {
  ++generation;
  state.paused = null;
  setStatus('running');
  setControls();
});
cdp.on('Runtime.consoleAPICalled', (p) => {
  const text = p.args.map((a) => a.value !== undefined ? (typeof a.value === 'string' ? a.value : JSON.stringify(a.value)) : (a.description ?? a.type)).join(' ');
  $('console').append(el('div', { class: `log ${p.type}` }, text));
  $('console').scrollTop = 1e9;
});
cdp.on('Runtime.executionContextDestroyed', () => setStatus('the program has ended'));

function pauseText(p) {
  const d = p.data || {};
  if (d.glass === 'gc') return d.phase === 'before' ? 'paused: the heap wants to collect' : `paused in a collection: after ${d.phase}`;
  if (d.glass === 'loopPhase') return `paused: loop phase ${d.phase}`;
  if (d.glass === 'instruction') return 'paused: one instruction';
  if (d.glass === 'callback') return 'paused: next callback';
  if (p.hitBreakpoints?.length) return 'paused: breakpoint';
  return `paused: ${p.reason}`;
}

function inCollection() {
  const d = state.paused?.data;
  return !!d && d.glass === 'gc' && d.phase !== 'before' && d.phase !== 'done';
}

async function onPaused() {
  setStatus(pauseText(state.paused));
  setControls();
  $('gc-phase').textContent = inCollection()
    ? `phase: ${state.paused.data.phase} — ${state.paused.data.marked} cells marked` : '';
  if (inCollection()) {  // only reading the machine is allowed between phases
    await Promise.all([drawHeap(), drawGc(), drawLoop(), drawPool()]);
    return;
  }
  state.heapRoot = null;
  await drawAll();
}

async function drawAll() {
  drawStack();
  await Promise.all([drawSource(), drawBytecode(), drawScopes(), drawLoop(), drawPool(), drawHeap(), drawGc()]);
}

function selectedFrame() { return state.paused?.callFrames[state.frame]; }

// ---- controls ---------------------------------------------------------------------------------

function setControls() {
  const paused = !!state.paused, collecting = inCollection();
  for (const id of ['step-over', 'step-into', 'step-out', 'step-instruction', 'next-callback']) $(id).disabled = !paused || collecting;
  $('resume').disabled = !paused;
  $('pause').disabled = paused;
  $('step-collection').disabled = !paused;
}
const act = (method) => () => cdp.send(method).catch(report);
$('resume').onclick = act('Debugger.resume');
$('pause').onclick = act('Debugger.pause');
$('step-over').onclick = act('Debugger.stepOver');
$('step-into').onclick = act('Debugger.stepInto');
$('step-out').onclick = act('Debugger.stepOut');
$('step-instruction').onclick = act('Glass.stepInstruction');
$('next-callback').onclick = act('Glass.runToNextCallback');
$('step-collection').onclick = act('Glass.stepCollection');
$('break-on-gc').onchange = (e) => cdp.send('Glass.setBreakOnGc', { enabled: e.target.checked }).catch(report);
document.addEventListener('keydown', (e) => {
  const keys = { F8: 'resume', F10: 'step-over', F11: e.shiftKey ? 'step-out' : 'step-into' };
  if (keys[e.key]) { e.preventDefault(); $(keys[e.key]).click(); }
});

// ---- source -----------------------------------------------------------------------------------

async function sourceOf(scriptId) {
  if (!state.sources.has(scriptId)) {
    const { scriptSource } = await cdp.send('Debugger.getScriptSource', { scriptId });
    state.sources.set(scriptId, scriptSource);
  }
  return state.sources.get(scriptId);
}

async function drawSource(scriptId, flashLine) {
  const frame = selectedFrame();
  const here = frame && frame.location.scriptId !== '0' ? frame.location : null;
  scriptId = scriptId ?? here?.scriptId ?? state.shownScript;
  if (!scriptId) return;
  state.shownScript = scriptId;
  const url = state.scripts.get(scriptId)?.url || '';
  $('source-name').textContent = fileName(url);
  const text = await sourceOf(scriptId);
  const box = $('source');
  box.replaceChildren();
  text.split('\n').forEach((line, i) => {
    const current = here && here.scriptId === scriptId && here.lineNumber === i;
    const row = el('div', { class: 'line', 'data-line': i + 1 });
    if (current) row.classList.add('current');
    if (state.breakpoints.has(`${url}:${i}`)) row.classList.add('bp');
    if (flashLine === i) row.classList.add('flash');
    const no = el('span', { class: 'no' }, i + 1);
    no.onclick = () => toggleBreakpoint(url, i).catch(report);
    const code = el('span', { class: 'text' });
    if (current) {  // the statement about to run, from its column
      const c = here.columnNumber;
      code.append(line.slice(0, c), el('span', { class: 'stmt' }, line.slice(c)));
    } else {
      code.textContent = line;
    }
    row.append(no, code);
    box.append(row);
  });
  const target = box.querySelector('.flash') || box.querySelector('.current');
  if (target) target.scrollIntoView({ block: 'center' });
}

async function toggleBreakpoint(url, line) {
  const key = `${url}:${line}`;
  if (state.breakpoints.has(key)) {
    await cdp.send('Debugger.removeBreakpoint', { breakpointId: state.breakpoints.get(key) });
    state.breakpoints.delete(key);
  } else {
    const r = await cdp.send('Debugger.setBreakpointByUrl', { url, lineNumber: line, columnNumber: 0 });
    state.breakpoints.set(key, r.breakpointId);
  }
  await drawSource(state.shownScript);
}

// A "created at" link: shows that line in the source panel.
function siteLink(site) {
  if (!site) return el('span', { class: 'temp' }, '');
  const a = el('a', { class: 'site', 'data-line': site.lineNumber + 1 }, `${fileName(site.url)}:${site.lineNumber + 1}`);
  a.onclick = () => drawSource(site.scriptId, site.lineNumber).catch(report);
  return a;
}

// ---- bytecode and registers -----------------------------------------------------------------

async function drawBytecode() {
  const frame = selectedFrame();
  const box = $('bytecode'), regs = $('registers');
  box.replaceChildren();
  regs.replaceChildren();
  if (!frame || !frame.glassFunctionId) { $('bytecode-name').textContent = frame ? '(native)' : ''; return; }
  const [bc, rs] = await Promise.all([
    cdp.send('Glass.getBytecode', { callFrameId: frame.callFrameId }),
    cdp.send('Glass.getRegisters', { callFrameId: frame.callFrameId }),
  ]);
  $('bytecode-name').textContent = `${bc.name || '(anonymous)'} — ${bc.registerCount} registers`;
  for (const ins of bc.instructions) {
    const key = `${bc.functionId}:${ins.pc}`;
    const row = el('div', { class: 'ins', 'data-pc': ins.pc },
      el('span', { class: 'pc' }, String(ins.pc).padStart(4, '0')),
      el('span', { class: 'pos' }, ins.lineNumber >= 0 ? `${ins.lineNumber + 1}:${ins.columnNumber + 1}` : ''),
      el('span', { class: 'op' }, ins.text));
    if (ins.isStatement) row.classList.add('statement');
    if (ins.pc === bc.currentPc) row.classList.add('current');
    if (state.insBreakpoints.has(key)) row.classList.add('bp');
    row.onclick = () => toggleInstructionBreakpoint(bc.functionId, ins.pc).catch(report);
    box.append(row);
  }
  box.querySelector('.current')?.scrollIntoView({ block: 'center' });
  const table = el('table', {}, el('tr', {}, el('th', {}, 'reg'), el('th', {}, 'name'), el('th', {}, 'value')));
  for (const r of rs.registers) {
    const value = r.uninitialized ? el('span', { class: 'tdz' }, '<uninitialized> (TDZ)') : (r.value.description ?? String(r.value.value));
    table.append(el('tr', { 'data-register': r.index },
      el('td', {}, `r${r.index}`), el('td', { class: r.name ? '' : 'temp' }, r.name || 'temp'), el('td', {}, value)));
  }
  regs.append(table);
}

async function toggleInstructionBreakpoint(functionId, pc) {
  const key = `${functionId}:${pc}`;
  if (state.insBreakpoints.has(key)) {
    await cdp.send('Debugger.removeBreakpoint', { breakpointId: state.insBreakpoints.get(key) });
    state.insBreakpoints.delete(key);
  } else {
    const r = await cdp.send('Glass.setInstructionBreakpoint', { functionId, pc });
    state.insBreakpoints.set(key, r.breakpointId);
  }
  await drawBytecode();
}

// ---- call stack and scopes ----------------------------------------------------------------------

function drawStack() {
  const list = $('stack');
  list.replaceChildren();
  const frames = state.paused?.callFrames || [];
  frames.forEach((f, i) => {
    const native = f.location.scriptId === '0';
    const where = native ? 'native' : `${fileName(f.url)}:${f.location.lineNumber + 1}`;
    const li = el('li', { class: native ? 'native' : '', 'data-frame': i }, `${f.functionName || '(anonymous)'} — ${where}`);
    if (i === state.frame) li.classList.add('selected');
    if (!native) li.onclick = () => { state.frame = i; state.heapRoot = null; drawAll().catch(report); };
    list.append(li);
  });
  for (let t = state.paused?.asyncStackTrace; t; t = t.parent) {
    list.append(el('li', { class: 'async' }, `— ${t.description || 'async'} —`));
    for (const f of t.callFrames) list.append(el('li', { class: 'async' }, `${f.functionName || '(anonymous)'} — ${fileName(f.url)}:${f.lineNumber + 1}`));
  }
}

async function drawScopes() {
  const box = $('scopes');
  box.replaceChildren();
  const frame = selectedFrame();
  if (!frame) return;
  for (const scope of frame.scopeChain) {
    const title = scope.type + (scope.name ? ` (${scope.name})` : '');
    const table = el('table', { 'data-scope': scope.type });
    box.append(el('h3', {}, title), table);
    if (scope.type === 'global') { table.append(el('tr', {}, el('td', { class: 'temp' }, 'the global object'))); continue; }
    const { result } = await cdp.send('Runtime.getProperties', { objectId: scope.object.objectId, ownProperties: true });
    for (const p of result) {
      const v = p.value;
      const text = !v ? '' : v.type === 'undefined' && v.description === '<uninitialized>' ? el('span', { class: 'tdz' }, '<uninitialized> (TDZ)')
        : (v.description ?? (v.type === 'string' ? JSON.stringify(v.value) : String(v.value)));
      table.append(el('tr', { 'data-variable': p.name }, el('td', {}, p.name), el('td', {}, text)));
    }
  }
}

// ---- event loop and thread pool ---------------------------------------------------------------

const PHASES = ['timers', 'pending', 'poll', 'check', 'close'];
const phaseBreakpoints = new Set();

async function drawLoop() {
  const q = await cdp.send('Glass.getQueues');
  const phases = $('phases');
  phases.replaceChildren();
  for (const name of PHASES) {
    const box = el('div', { class: 'phase', 'data-phase': name }, name);
    if (q.phase === name) box.classList.add('active');
    const check = el('input', { type: 'checkbox', 'data-phase-breakpoint': name });
    check.checked = phaseBreakpoints.has(name);
    check.onchange = () => {
      if (check.checked) phaseBreakpoints.add(name); else phaseBreakpoints.delete(name);
      cdp.send('Glass.setLoopPhaseBreakpoint', { phase: name, enabled: check.checked }).catch(report);
    };
    box.append(el('label', {}, check, 'break'));
    phases.append(box);
  }
  const queues = $('queues');
  queues.replaceChildren();
  const section = (title, key, items, extra) => {
    const ul = el('ul');
    for (const item of items) {
      const li = el('li', { 'data-item': item.id }, `${item.description}${item.function ? ` ${item.function}()` : ''}${extra ? extra(item) : ''} `, siteLink(item.createdAt));
      ul.append(li);
    }
    const box = el('div', { class: 'queue', 'data-queue': key }, el('h3', {}, `${title} (${items.length})`));
    box.append(items.length ? ul : el('div', { class: 'empty' }, 'empty'));
    queues.append(box);
  };
  section('process.nextTick queue', 'nextTicks', q.nextTicks);
  section('Microtasks (promise jobs)', 'microtasks', q.microtasks);
  section('Timers', 'timers', q.timers, (t) => ` due in ${Math.max(0, Math.round(t.dueInMs))} ms`);
  section('Pending callbacks (I/O)', 'pending', q.pending);
  section('Immediates (check)', 'immediates', q.immediates);
  section('Close callbacks', 'closing', q.closing);
}

async function drawPool() {
  const p = await cdp.send('Glass.getThreadPool');
  const box = $('pool');
  box.replaceChildren();
  const threads = el('div', { class: 'threads' });
  for (const t of p.threads) threads.append(el('span', { class: t.busy ? 'state-running' : 'state-queued', 'data-thread': t.index }, `thread ${t.index}: ${t.busy ? `work #${t.workId}` : 'idle'}  `));
  const table = el('table', {}, el('tr', {}, el('th', {}, '#'), el('th', {}, 'work'), el('th', {}, 'state'), el('th', {}, 'created at')));
  for (const w of p.work) {
    const state = w.state === 'done' ? 'done, not dispatched' : w.state;
    table.append(el('tr', { 'data-work': w.id, 'data-state': w.state },
      el('td', {}, w.id), el('td', {}, w.description), el('td', { class: `state-${w.state}` }, state), el('td', {}, siteLink(w.createdAt))));
  }
  box.append(threads, table);
}
// The pool keeps working while JS is paused: its view refreshes on its own
// then (while the program runs, asking would only interrupt it).
setInterval(() => { if (state.paused && cdp.ws?.readyState === 1) drawPool().catch(() => {}); }, 700);

// ---- heap -----------------------------------------------------------------------------------------

$('heap-frame').onclick = () => { state.heapRoot = null; state.selectedNode = null; drawHeap().catch(report); };
$('heap-more').onclick = () => { state.heapLimit += 60; drawHeap().catch(report); };

async function drawHeap() {
  const frame = selectedFrame();
  let root = state.heapRoot;
  if (!root && frame?.glassFunctionId) root = { callFrameId: frame.callFrameId };
  if (!root) return;
  const g = await cdp.send('Glass.getHeapGraph', { ...root, depth: 2, limit: state.heapLimit });
  $('heap-note').textContent = `${g.nodes.length} cells${g.truncated ? ' (more: "Show more")' : ''}`;
  const live = g.totals.reduce((a, t) => a + t.bytes, 0);
  $('heap-totals-line').textContent = `${g.totals.reduce((a, t) => a + t.count, 0)} cells, ${(live / 1024).toFixed(1)} KB live`;
  const totals = el('table', {}, el('tr', {}, el('th', {}, 'kind'), el('th', {}, 'count'), el('th', {}, 'bytes')));
  for (const t of g.totals) totals.append(el('tr', { 'data-kind': t.kind }, el('td', {}, t.kind), el('td', {}, t.count), el('td', {}, t.bytes)));
  $('heap-totals').replaceChildren(totals);
  drawGraph(g);
}

// Layered drawing: distance from the starting cells decides the column.
function drawGraph(g) {
  const depth = new Map();
  const targets = new Set(g.edges.map((e) => e.to));
  const roots = g.nodes.filter((n) => !targets.has(n.id) || n === g.nodes[0]);
  const queue = [];
  for (const n of g.nodes) if (roots.includes(n)) { depth.set(n.id, 0); queue.push(n.id); }
  while (queue.length) {
    const id = queue.shift();
    for (const e of g.edges) if (e.from === id && !depth.has(e.to)) { depth.set(e.to, depth.get(id) + 1); queue.push(e.to); }
  }
  const columns = [];
  for (const n of g.nodes) { const d = depth.get(n.id) ?? 0; (columns[d] ??= []).push(n); }
  const W = 190, H = 34, GAP = 70, pos = new Map();
  columns.forEach((col, c) => col.forEach((n, r) => pos.set(n.id, { x: 10 + c * (W + GAP), y: 10 + r * (H + 8) })));
  const width = 20 + columns.length * (W + GAP), height = 20 + Math.max(1, ...columns.map((c) => c.length)) * (H + 8);
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('width', width); svg.setAttribute('height', height);
  const make = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  for (const e of g.edges) {
    const a = pos.get(e.from), b = pos.get(e.to);
    if (!a || !b) continue;
    const x1 = a.x + W, y1 = a.y + H / 2, x2 = b.x, y2 = b.y + H / 2;
    svg.append(make('path', { class: 'edge', d: `M${x1},${y1} C${x1 + 30},${y1} ${x2 - 30},${y2} ${x2},${y2}` }));
    // The label sits at the curve's middle, so that edges leaving one node do not stack their names.
    if (e.name) svg.append(make('text', { class: 'edge-label', x: (x1 + x2) / 2 - 12, y: (y1 + y2) / 2 - 3 }, e.name.slice(0, 18)));
  }
  for (const n of g.nodes) {
    const p = pos.get(n.id);
    const group = make('g', { class: 'node', transform: `translate(${p.x},${p.y})`, 'data-node': n.id, 'data-kind': n.kind });
    if ((depth.get(n.id) ?? 0) === 0) group.classList.add('root');
    if (n.marked) group.classList.add('marked');
    if (state.selectedNode === n.id) group.classList.add('selected');
    group.append(make('rect', { width: W, height: H, rx: 4 }),
      make('text', { x: 6, y: 14 }, `${n.kind} ${n.description}`.slice(0, 30)),
      make('text', { class: 'size', x: 6, y: 28 }, `${n.size} B${n.marked === undefined ? '' : n.marked ? ' · marked' : ' · white'}`));
    group.style.cursor = 'pointer';
    group.addEventListener('click', () => selectNode(n).catch(report));
    svg.append(group);
  }
  $('heap-graph').replaceChildren(svg);
}

async function selectNode(n) {
  state.selectedNode = n.id;
  const detail = $('heap-detail');
  const expand = el('button', {}, 'Expand from here');
  expand.onclick = () => { state.heapRoot = { nodeId: n.id }; drawHeap().catch(report); };
  detail.replaceChildren(el('div', {}, `${n.kind} ${n.description} — ${n.size} bytes `, expand));
  document.querySelectorAll('.node').forEach((g) => g.classList.toggle('selected', g.dataset.node === String(n.id)));
  if (inCollection()) return;
  const r = await cdp.send('Glass.getRetainingPath', { nodeId: n.id });
  const path = r.reachable
    ? r.path.map((step) => step.root ? `root: ${step.root}` : `${step.edge ? `—${step.edge}→ ` : '→ '}${step.node.kind} ${step.node.description}`).join('  ')
    : 'not reachable: garbage, freed at the next collection';
  detail.append(el('div', { 'data-testid': 'retaining-path' }, `Retained by: ${path}`));
}

// ---- the collector -------------------------------------------------------------------------------

async function drawGc() {
  const h = await cdp.send('Glass.getGcHistory');
  const table = el('table', {}, el('tr', {}, el('th', {}, '#'), el('th', {}, 'reason'), el('th', {}, 'before → after'), el('th', {}, 'freed'), el('th', {}, 'ms')));
  for (const c of h.collections.slice(-12).reverse())
    table.append(el('tr', { 'data-collection': c.number }, el('td', {}, c.number), el('td', {}, c.reason),
      el('td', {}, `${(c.bytesBefore / 1024).toFixed(0)} → ${(c.bytesAfter / 1024).toFixed(0)} KB`), el('td', {}, c.cellsFreed), el('td', {}, c.pauseMs.toFixed(2))));
  $('gc-history').replaceChildren(el('div', {}, `live: ${(h.liveBytes / 1024).toFixed(1)} KB`), table);
}

// ---- start --------------------------------------------------------------------------------------

(async () => {
  await cdp.connect();
  setStatus('connected');
  setControls();
  await cdp.send('Runtime.enable');
  await cdp.send('Debugger.enable');
  await cdp.send('Debugger.setAsyncCallStackDepth', { maxDepth: 8 });
  await cdp.send('Runtime.runIfWaitingForDebugger');
  if (!state.paused) setStatus('running');
})().catch(report);
