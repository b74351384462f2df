'use strict';
// Node twin of benchmarks/src/main/java/dev/nodeshim/benchmarks/events/EventEmitterBenchmark.java.
//
// Every row does exactly what the JMH method with the same id does (see that class's Javadoc for
// the rules both sides keep): listeners increment one counter, ten listeners are ten closures of
// the same function, arguments are read from an object at each call, on/once register a function
// kept in a variable.
//
// Measurement mirrors the JMH settings bin/bench uses (-f 1 -wi 3 -w 1s -i 5 -r 1s):
//   * each row runs in its own node process (JMH forks a JVM per benchmark), so no row's type
//     feedback pollutes another's;
//   * a batch size is calibrated so one batch takes at least 10 ms, then each iteration runs whole
//     batches until the iteration time is up, timed with process.hrtime.bigint();
//   * 3 warmup iterations are dropped, 5 measured ones are reported as ops/s samples (bin/bench
//     takes the median of them, as it does of JMH's iteration scores).
//
// Usage:
//   node events.js [--json out.json] [--warmup 3] [--iterations 5] [--time-ms 1000] [--rows id,id]
//   node events.js --row <id> ...        (one row in this process; prints one JSON line)

const { EventEmitter } = require('events');
const { execFileSync } = require('child_process');
const fs = require('fs');

const EVENT = 'x';

/** Each row: id (the JMH method name), the name printed in the table, and a factory of `run(n)`. */
const ROWS = [
  { id: 'emit0Listeners', name: 'emit 0 listeners', make: (s) => emitRow(s, 0, 0) },
  { id: 'emit1Listener0Args', name: 'emit 1 listener 0 args', make: (s) => emitRow(s, 1, 0) },
  { id: 'emit1Listener1Arg', name: 'emit 1 listener 1 arg', make: (s) => emitRow(s, 1, 1) },
  { id: 'emit1Listener2Args', name: 'emit 1 listener 2 args', make: (s) => emitRow(s, 1, 2) },
  { id: 'emit1Listener3Args', name: 'emit 1 listener 3 args', make: (s) => emitRow(s, 1, 3) },
  { id: 'emit10Listeners0Args', name: 'emit 10 listeners 0 args', make: (s) => emitRow(s, 10, 0) },
  { id: 'emit10Listeners1Arg', name: 'emit 10 listeners 1 arg', make: (s) => emitRow(s, 10, 1) },
  { id: 'emit10Listeners2Args', name: 'emit 10 listeners 2 args', make: (s) => emitRow(s, 10, 2) },
  { id: 'emit10Listeners3Args', name: 'emit 10 listeners 3 args', make: (s) => emitRow(s, 10, 3) },
  { id: 'onRemoveListener', name: 'on + removeListener', make: onRemoveRow },
  { id: 'onceEmit', name: 'once + emit', make: onceEmitRow },
];

/** State shared by a row's listeners and loop: the counter and the arguments. */
function newState() {
  return { count: 0, a: 'a', b: 2, c: 3.5, sink: false };
}

function emitRow(s, listeners, arity) {
  const e = new EventEmitter();
  for (let i = 0; i < listeners; i++) {
    switch (arity) {
      case 0: e.on(EVENT, function () { s.count++; }); break;
      case 1: e.on(EVENT, function (x) { s.count++; }); break;
      case 2: e.on(EVENT, function (x, y) { s.count++; }); break;
      case 3: e.on(EVENT, function (x, y, z) { s.count++; }); break;
      default: throw new Error(`arity ${arity}`);
    }
  }
  // One loop per arity so each call site passes a fixed number of arguments, as the Java one does.
  let run;
  switch (arity) {
    case 0: run = (n) => { let r; for (let i = 0; i < n; i++) r = e.emit(EVENT); s.sink = r; }; break;
    case 1: run = (n) => { let r; for (let i = 0; i < n; i++) r = e.emit(EVENT, s.a); s.sink = r; }; break;
    case 2: run = (n) => { let r; for (let i = 0; i < n; i++) r = e.emit(EVENT, s.a, s.b); s.sink = r; }; break;
    case 3: run = (n) => { let r; for (let i = 0; i < n; i++) r = e.emit(EVENT, s.a, s.b, s.c); s.sink = r; }; break;
  }
  const check = () => {
    if (listeners > 0 && s.count === 0) throw new Error('no listener was called');
  };
  return { run, check };
}

function onRemoveRow(s) {
  const e = new EventEmitter();
  const fn = function () { s.count++; };
  const run = (n) => {
    let r;
    for (let i = 0; i < n; i++) {
      e.on(EVENT, fn);
      r = e.removeListener(EVENT, fn);
    }
    s.sink = r;
  };
  const check = () => {
    if (e.listenerCount(EVENT) !== 0) throw new Error('listeners leaked');
  };
  return { run, check };
}

function onceEmitRow(s) {
  const e = new EventEmitter();
  const fn = function () { s.count++; };
  const run = (n) => {
    let r;
    for (let i = 0; i < n; i++) {
      e.once(EVENT, fn);
      r = e.emit(EVENT);
    }
    s.sink = r;
  };
  const check = () => {
    if (s.count === 0) throw new Error('no listener was called');
    if (e.listenerCount(EVENT) !== 0) throw new Error('listeners leaked');
  };
  return { run, check };
}

// ------------------------------------------------------------------------------ measurement

const now = process.hrtime.bigint;

/** The smallest power-of-two batch that takes at least 10 ms (which also warms the loop up). */
function calibrate(run) {
  let n = 1024;
  for (;;) {
    const t0 = now();
    run(n);
    if (now() - t0 >= 10_000_000n || n >= 2 ** 30) return n;
    n *= 2;
  }
}

/** One iteration: whole batches until `timeNs` is up; ops/s. */
function iteration(run, batch, timeNs) {
  let ops = 0;
  const t0 = now();
  let elapsed;
  do {
    run(batch);
    ops += batch;
    elapsed = now() - t0;
  } while (elapsed < timeNs);
  return ops / (Number(elapsed) / 1e9);
}

function measureRow(row, opts) {
  const s = newState();
  const { run, check } = row.make(s);
  const timeNs = BigInt(opts.timeMs) * 1_000_000n;
  const batch = calibrate(run);
  for (let i = 0; i < opts.warmup; i++) iteration(run, batch, timeNs);
  const samples = [];
  for (let i = 0; i < opts.iterations; i++) samples.push(iteration(run, batch, timeNs));
  check();
  return { id: row.id, name: row.name, batch, samples };
}

// ------------------------------------------------------------------------------ driver

function parseArgs(argv) {
  const opts = { warmup: 3, iterations: 5, timeMs: 1000, json: null, row: null, rows: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--warmup': opts.warmup = Number(next()); break;
      case '--iterations': opts.iterations = Number(next()); break;
      case '--time-ms': opts.timeMs = Number(next()); break;
      case '--json': opts.json = next(); break;
      case '--row': opts.row = next(); break;
      case '--rows': opts.rows = next().split(','); break;
      default: throw new Error(`unknown option ${a}`);
    }
  }
  return opts;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.row !== null) {
    const row = ROWS.find((r) => r.id === opts.row);
    if (!row) throw new Error(`no row ${opts.row}`);
    process.stdout.write(JSON.stringify(measureRow(row, opts)) + '\n');
    return;
  }
  const selected = opts.rows ? ROWS.filter((r) => opts.rows.includes(r.id)) : ROWS;
  const results = [];
  for (const row of selected) {
    process.stderr.write(`node: ${row.name} ...\n`);
    const out = execFileSync(process.execPath, [
      __filename, '--row', row.id,
      '--warmup', String(opts.warmup), '--iterations', String(opts.iterations),
      '--time-ms', String(opts.timeMs),
    ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    results.push(JSON.parse(out));
  }
  const report = { node: process.version, v8: process.versions.v8, rows: results };
  const text = JSON.stringify(report, null, 2) + '\n';
  if (opts.json) fs.writeFileSync(opts.json, text);
  else process.stdout.write(text);
}

main();
