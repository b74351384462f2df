#!/usr/bin/env node
'use strict';
// Generates the `loop.order` conformance cases (conformance-tests/PROBES.md) from real Node:
//
//     node conformance-tests/generator/loop.js
//
// writes conformance-tests/src/test/resources/cases/loop/order.jsonl. Every scenario runs in a fresh
// `node` process (so its first callbacks run from the main script, as EventLoop.run(main) does), twice;
// a scenario whose two runs differ is dropped.
//
// Only scenarios whose order Node guarantees are generated. The generator gives every callback a
// nominal time (main 0; nextTick, microtask, immediate and I/O at their scheduler's time; a timer at
// its scheduler's time + max(1, delay)) and keeps a scenario only when every two macrotask callbacks
// (timers, immediates, I/O) that are not causally ordered are either
//   - both immediates (one FIFO queue), or
//   - both first runs of timers scheduled from the same macrotask with the same effective delay
//     (one timer list, first in first out), or
//   - an immediate and a timer scheduled during the same timer or I/O callback (check phase first), or
//   - at least GAP ms apart in nominal time.
// Everything else (timer vs immediate from main or from an immediate, two timers a few ms apart, I/O vs
// anything concurrent) is a race in Node and is never generated. Note that timers of one list are not
// a "batch": Node reads the clock for each setTimeout, so a second timer may start 1 ms later and miss
// the timers phase that runs the first; what the first schedules may then run before the second.

const { execFileSync } = require('child_process');
const fs = require('fs');
const { rng, writeCases, pad } = require('./common');

const GAP = 40;

// ------------------------------------------------------------------------------------------------
// Running one scenario (in a child process: `node loop.js --run '<json>'`).

function runScenario(input) {
  const trace = [];
  const schedule = (node) => {
    const [kind, label] = node;
    const children = node[node.length - 1];
    const body = () => {
      trace.push(label);
      for (const c of children) schedule(c);
    };
    switch (kind) {
      case 'tick': process.nextTick(body); break;
      case 'micro': queueMicrotask(body); break;
      case 'immediate': setImmediate(body); break;
      case 'timeout': setTimeout(body, node[2]); break;
      case 'interval': {
        let runs = 0;
        const h = setInterval(() => {
          runs++;
          body();
          if (runs === node[3]) clearInterval(h);
        }, node[2]);
        break;
      }
      case 'io': fs.stat(__filename, () => body()); break;
      default: throw new Error('unknown node ' + kind);
    }
  };
  process.on('exit', () => process.stdout.write(JSON.stringify(trace)));
  for (const n of input.main) schedule(n);
}

if (process.argv[2] === '--run') {
  runScenario(JSON.parse(process.argv[3]));
  return;
}

// ------------------------------------------------------------------------------------------------
// Determinism check on nominal times.

/** Expands a scenario into callback instances: {kind, time, macro, group, ancestors:Set}. */
function instances(input) {
  const out = [];
  let nextId = 0;
  const MACRO = new Set(['immediate', 'timeout', 'interval', 'io']);
  // parent: the instance that scheduled (or null for main); macro: enclosing macrotask instance id
  const visit = (node, time, macroId, macroKey, ancestors) => {
    const [kind] = node;
    const children = node[node.length - 1];
    const runs = kind === 'interval' ? node[3] : 1;
    let prevRun = null;
    for (let k = 1; k <= runs; k++) {
      const id = nextId++;
      let t = time;
      if (kind === 'timeout') t = time + Math.max(1, node[2]);
      if (kind === 'interval') t = time + k * Math.max(1, node[2]);
      const anc = new Set(ancestors);
      if (prevRun !== null) { for (const a of out[prevRun].ancestors) anc.add(a); anc.add(prevRun); }
      let group = null;
      if ((kind === 'timeout' || kind === 'interval') && k === 1) group = macroKey + '/' + Math.max(1, node[2]);
      const inst = { id, kind, time: t, group, ancestors: anc, macro: MACRO.has(kind), parent: macroId };
      out.push(inst);
      prevRun = id;
      const childAnc = new Set(anc);
      childAnc.add(id);
      const childMacro = MACRO.has(kind) ? String(id) : macroKey;
      for (const c of children) visit(c, t, MACRO.has(kind) ? id : macroId, childMacro, childAnc);
    }
  };
  for (const n of input.main) visit(n, 0, null, 'main', new Set());
  return out;
}

/**
 * Whether immediate x and timer y were both scheduled during one timer or I/O callback: the check
 * phase of that same loop iteration runs x, y waits for the next timers phase.
 */
function checkBeforeTimers(x, y, every) {
  if (x.kind !== 'immediate' || !(y.kind === 'timeout' || y.kind === 'interval') || x.parent === null) return false;
  if (x.parent !== y.parent) return false;
  return every[x.parent].kind !== 'immediate';
}

function deterministic(input) {
  const every = instances(input);
  const all = every.filter((x) => x.macro);
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i];
      const b = all[j];
      if (a.ancestors.has(b.id) || b.ancestors.has(a.id)) continue;
      if (a.kind === 'immediate' && b.kind === 'immediate') continue;
      if (a.group !== null && a.group === b.group) continue;
      if (checkBeforeTimers(a, b, every) || checkBeforeTimers(b, a, every)) continue;
      if (Math.abs(a.time - b.time) >= GAP) continue;
      return false;
    }
  }
  return true;
}

// ------------------------------------------------------------------------------------------------
// Random scenarios.

const PREFIX = { tick: 't', micro: 'm', immediate: 'i', timeout: 'T', interval: 'I', io: 'o' };

function randomScenario(r) {
  let count = 0;
  const budget = r.int(3, 18);
  const withTimers = r.chance(0.6);
  const withIo = r.chance(0.35);
  const node = (depth) => {
    const kinds = [[6, 'tick'], [6, 'micro'], [4, 'immediate']];
    if (withTimers) kinds.push([5, 'timeout'], [1, 'interval']);
    if (withIo) kinds.push([2, 'io']);
    const kind = r.weighted(kinds);
    const label = PREFIX[kind] + (++count);
    const n = [kind, label];
    if (kind === 'timeout') n.push(r.weighted([[3, 0], [3, 1], [1, 2], [3, GAP], [2, 2 * GAP], [1, 3 * GAP]]));
    if (kind === 'interval') n.push(r.pick([GAP, 2 * GAP]), r.int(1, 3));
    const children = [];
    const nc = depth >= 4 ? 0 : r.weighted([[5, 0], [3, 1], [2, 2], [1, 3]]);
    for (let i = 0; i < nc && count < budget; i++) children.push(node(depth + 1));
    n.push(children);
    return n;
  };
  const main = [];
  while (count < budget) main.push(node(0));
  return { main };
}

// Hand-written scenarios: [note, main].
const N = (kind, label, ...rest) => [kind, label, ...rest];
const classic = [
  ['nextTick runs before microtasks; both before immediates',
    [N('immediate', 'i1', []), N('micro', 'm1', []), N('tick', 't1', []), N('micro', 'm2', []), N('tick', 't2', [])]],
  ['a tick queued by a microtask runs after the whole microtask queue',
    [N('micro', 'm1', [N('tick', 't2', []), N('micro', 'm3', [])]), N('micro', 'm2', [])]],
  ['a microtask queued by a tick runs after the whole tick queue',
    [N('tick', 't1', [N('micro', 'm2', []), N('tick', 't3', [])]), N('tick', 't2', [])]],
  ['ticks and microtasks run between immediates',
    [N('immediate', 'i1', [N('tick', 't1', []), N('micro', 'm1', [])]), N('immediate', 'i2', [N('micro', 'm2', [])])]],
  ['an immediate scheduled by an immediate runs after the ones already queued',
    [N('immediate', 'i1', [N('immediate', 'i3', [])]), N('immediate', 'i2', [])]],
  ['timers with the same delay fire in scheduling order; 0 means 1',
    [N('timeout', 'T1', 1, []), N('timeout', 'T2', 0, []), N('timeout', 'T3', 1, [])]],
  ['ticks and microtasks run between timers of one batch',
    [N('timeout', 'T1', 1, [N('tick', 't1', []), N('micro', 'm1', [])]), N('timeout', 'T2', 1, [N('micro', 'm2', [])])]],
  ['a longer delay fires later', [N('timeout', 'T1', 2 * GAP, []), N('timeout', 'T2', GAP, [])]],
  ['from a timer, setImmediate runs before setTimeout(0)',
    [N('timeout', 'T1', 1, [N('timeout', 'T2', 0, []), N('immediate', 'i1', [])])]],
  ['from an I/O callback, setImmediate runs before setTimeout(0)',
    [N('io', 'o1', [N('timeout', 'T1', 0, []), N('immediate', 'i1', []), N('tick', 't1', [])])]],
  ['timers of one delay scheduled by main and by a tick of main fire in scheduling order',
    [N('timeout', 'T1', GAP, []), N('tick', 't1', [N('timeout', 'T2', GAP, [])]), N('timeout', 'T3', GAP, [])]],
  ['an interval runs until cleared', [N('interval', 'I1', GAP, 3, [N('tick', 't1', [])])]],
  ['I/O completes after main\'s ticks and microtasks', [N('io', 'o1', []), N('tick', 't1', []), N('micro', 'm1', [])]],
];

function main() {
  const cases = [];
  const emit = (input, note) => {
    const runs = [0, 1].map(() => execFileSync(process.execPath, [__filename, '--run', JSON.stringify(input)], { encoding: 'utf8' }));
    if (runs[0] !== runs[1]) return false;
    const c = { id: 'loop/order/' + pad(cases.length + 1), probe: 'loop.order', in: input, out: { ok: JSON.parse(runs[0]) } };
    if (note) c.note = note;
    cases.push(c);
    return true;
  };
  for (const [note, m] of classic) {
    const input = { main: m };
    if (!deterministic(input)) throw new Error('classic scenario is not deterministic: ' + note);
    if (!emit(input, note)) throw new Error('classic scenario differed between runs: ' + note);
  }
  const RANDOM = Number(process.env.LOOP_CASES || 300);
  const r = rng(0x100b0001);
  let rejected = 0;
  let flaky = 0;
  const target = cases.length + RANDOM;
  while (cases.length < target) {
    const input = randomScenario(r);
    if (!deterministic(input)) { rejected++; continue; }
    if (!emit(input)) flaky++;
  }
  writeCases('loop', 'order.jsonl', cases);
  process.stdout.write(`(${rejected} racy scenarios rejected by the nominal-time rule, ${flaky} differed between runs)\n`);
}

main();
