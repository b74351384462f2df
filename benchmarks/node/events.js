'use strict';
// Node twin of benchmarks/src/main/java/dev/nodeshim/benchmarks/events/EventEmitterBenchmark.java.
//
// Every row does exactly what the JMH method with the same id does (see that class's Javadoc for
// the rules both sides keep): listeners increment one counter, ten listeners are ten closures of
// the same function, arguments are read from an object at each call, on/once register a function
// kept in a variable.
//
// Measurement (one node process per row, a calibrated batch, JMH's warmup and iteration counts)
// is harness.js's, shared by the twins.
//
// Usage:
//   node events.js [--json out.json] [--warmup 3] [--iterations 5] [--time-ms 1000] [--rows id,id]
//   node events.js --row <id> ...        (one row in this process; prints one JSON line)

const { EventEmitter } = require('events');
const { main } = require('./harness');

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

main({ file: __filename, rows: ROWS, prepare: (row) => row.make(newState()) });
