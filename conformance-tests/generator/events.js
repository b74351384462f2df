#!/usr/bin/env node
'use strict';
// Generates the `events.script` conformance cases (shared/CONFORMANCE.md, "events") from real Node:
//
//     node conformance-tests/generator/events.js
//
// writes conformance-tests/src/test/resources/cases/events/{classic,random}.jsonl. The output is a
// pure function of this file and Node's behaviour (seeded PRNG, no time, no pids), so re-running it
// on an unchanged Node gives byte-identical files; `git diff` then shows any change in behaviour.
//
// Conventions this generator fixes beyond CONFORMANCE.md (documented in conformance-tests/PROBES.md):
// - every listener name is ONE function object per script, so on/off identity works;
// - a once wrapper is named "once:" + name (in `raw`, and wherever Node hands the wrapper out,
//   e.g. to 'removeListener' listeners when a once listener fires or removeAllListeners drops it
//   from an event with several listeners);
// - a function passed to a listener (a user listener of 'newListener'/'removeListener') is recorded
//   as {"$fn": name};
// - ["throw", msg] inside a listener throws out of the listener (its later actions do not run); every
//   other action, at any depth, catches what it throws and records ["threw", name, code, message].

const { EventEmitter } = require('events');
const { rng, encode, decode, writeCases, pad } = require('./common');

// Node's default 'warning' handler prints to stderr; the cases collect warnings themselves.
process.removeAllListeners('warning');
let collecting = null;
process.on('warning', (w) => {
  if (collecting) collecting.push([w.name, w.message]);
});

class Abort extends Error {}
const LIMITS = { depth: 6, calls: 250, trace: 400 };

/** Runs one script in Node; resolves to {trace, warnings}, or rejects with Abort if it ran away. */
async function runScript(input) {
  const e = new EventEmitter();
  const trace = [];
  const warnings = [];
  const fns = new Map();
  const names = new Map();
  let depth = 0;
  let calls = 0;

  const nameOf = (f) => {
    if (names.has(f)) return names.get(f);
    if (typeof f === 'function' && names.has(f.listener)) return 'once:' + names.get(f.listener);
    return '?';
  };
  const enc = (v) => encode(v, (x) => {
    if (typeof x === 'function') return { $fn: nameOf(x) };
    if (x instanceof Error) return { $error: x.message };
    return undefined;
  });
  const dec = (v) => decode(v, (o) => ('$error' in o ? new Error(o.$error) : undefined));
  const push = (rec) => {
    trace.push(rec);
    if (trace.length > LIMITS.trace) throw new Abort('trace');
  };

  const fn = (name) => {
    if (!fns.has(name)) {
      const f = function (...args) {
        push(['call', name, ...args.map(enc)]);
        if (++calls > LIMITS.calls || depth >= LIMITS.depth) throw new Abort('runaway');
        depth++;
        try {
          runActions((input.listeners && input.listeners[name]) || [], true);
        } finally {
          depth--;
        }
      };
      fns.set(name, f);
      names.set(f, name);
    }
    return fns.get(name);
  };

  const act = (a) => {
    switch (a[0]) {
      case 'on': e.on(a[1], fn(a[2])); break;
      case 'once': e.once(a[1], fn(a[2])); break;
      case 'prepend': e.prependListener(a[1], fn(a[2])); break;
      case 'prependOnce': e.prependOnceListener(a[1], fn(a[2])); break;
      case 'off': e.removeListener(a[1], fn(a[2])); break;
      case 'removeAll':
        if (a.length > 1) e.removeAllListeners(a[1]);
        else e.removeAllListeners();
        break;
      case 'emit': {
        const r = e.emit(a[1], ...a.slice(2).map(dec));
        push(['emitted', a[1], r]);
        break;
      }
      case 'count': push(['count', a[1], e.listenerCount(a[1])]); break;
      case 'names': push(['names', e.eventNames()]); break;
      case 'listeners': push(['listeners', a[1], e.listeners(a[1]).map(nameOf)]); break;
      case 'raw': push(['raw', a[1], e.rawListeners(a[1]).map(nameOf)]); break;
      case 'setMax': e.setMaxListeners(dec(a[1])); break;
      case 'getMax': push(['max', enc(e.getMaxListeners())]); break;
      case 'throw': throw new Error(a[1]);
      default: throw new Error('unknown action ' + a[0]);
    }
  };
  function runActions(list, inListener) {
    for (const a of list) {
      if (inListener && a[0] === 'throw') throw new Error(a[1]);
      try {
        act(a);
      } catch (err) {
        if (err instanceof Abort || err instanceof RangeError && /call stack/.test(err.message)) {
          throw err instanceof Abort ? err : new Abort('stack');
        }
        push(['threw', err.name, err.code === undefined ? null : err.code, err.message]);
      }
    }
  }

  collecting = warnings;
  let aborted = null;
  try {
    if (input.meta) {
      const m1 = (ev, l) => push(['newListener', enc(ev), nameOf(l)]);
      const m2 = (ev, l) => push(['removeListener', enc(ev), nameOf(l)]);
      names.set(m1, '$meta');
      names.set(m2, '$meta');
      e.on('newListener', m1);
      e.on('removeListener', m2);
    }
    runActions(input.steps, false);
  } catch (err) {
    if (!(err instanceof Abort)) throw err;
    aborted = err;
  }
  await new Promise((resolve) => setImmediate(resolve));
  collecting = null;
  if (aborted) throw aborted;
  return { trace, warnings };
}

// ------------------------------------------------------------------------------------------------
// Hand-written classic cases: [note, input]. `meta` defaults to false, `listeners` to {}.

const E = (msg) => ({ $error: msg });
const U = { $undefined: true };
const times = (n, f) => Array.from({ length: n }, (_, i) => f(i));

const classic = [
  ['listeners run in registration order with the emitted args',
    { steps: [['on', 'a', 'f'], ['on', 'a', 'g'], ['on', 'a', 'h'], ['emit', 'a', 1, 'two', true]] }],
  ['emit without listeners returns false', { steps: [['emit', 'a'], ['emit', 'a', 1], ['count', 'a']] }],
  ['emit with no args calls with no args', { steps: [['on', 'a', 'f'], ['emit', 'a']] }],
  ['the same listener added twice is called twice; off removes one registration',
    { steps: [['on', 'a', 'f'], ['on', 'a', 'f'], ['emit', 'a'], ['off', 'a', 'f'], ['count', 'a'], ['emit', 'a']] }],
  ['off removes the last registration of a listener',
    { steps: [['on', 'a', 'f'], ['on', 'a', 'g'], ['on', 'a', 'f'], ['off', 'a', 'f'], ['listeners', 'a'], ['emit', 'a', 'x']] }],
  ['off of a listener never added does nothing',
    { meta: true, steps: [['on', 'a', 'f'], ['off', 'a', 'g'], ['off', 'b', 'f'], ['count', 'a']] }],
  ['once fires once', { steps: [['once', 'a', 'f'], ['emit', 'a', 1], ['emit', 'a', 2], ['count', 'a']] }],
  ['once removes the wrapper before calling the listener',
    { listeners: { f: [['count', 'a'], ['listeners', 'a'], ['emit', 'a', 'again']] },
      steps: [['once', 'a', 'f'], ['emit', 'a', 'first']] }],
  ['once among other listeners is removed before it is called',
    { listeners: { f: [['raw', 'a']] },
      steps: [['on', 'a', 'g'], ['once', 'a', 'f'], ['on', 'a', 'h'], ['emit', 'a'], ['emit', 'a']] }],
  ['off removes a once listener by the original function',
    { meta: true, steps: [['once', 'a', 'f'], ['off', 'a', 'f'], ['emit', 'a'], ['once', 'a', 'f'], ['on', 'a', 'g'], ['off', 'a', 'f'], ['raw', 'a']] }],
  ['off of a listener added both with on and once removes the later registration',
    { steps: [['on', 'a', 'f'], ['once', 'a', 'f'], ['off', 'a', 'f'], ['raw', 'a'], ['once', 'a', 'f'], ['on', 'a', 'f'], ['off', 'a', 'f'], ['raw', 'a']] }],
  ['prependListener and prependOnceListener put listeners first',
    { steps: [['on', 'a', 'f'], ['prepend', 'a', 'g'], ['prependOnce', 'a', 'h'], ['raw', 'a'], ['emit', 'a'], ['emit', 'a']] }],
  ['prepend on an event without listeners',
    { steps: [['prepend', 'a', 'f'], ['prependOnce', 'b', 'g'], ['names'], ['emit', 'b'], ['emit', 'a']] }],
  ['newListener is emitted before the listener is added',
    { listeners: { n: [['count', 'a'], ['listeners', 'a'], ['listeners', 'newListener']] },
      steps: [['on', 'newListener', 'n'], ['on', 'a', 'f'], ['on', 'a', 'g']] }],
  ['a newListener listener is not told about its own addition',
    { meta: true, listeners: { n: [['count', 'newListener']] }, steps: [['on', 'newListener', 'n'], ['on', 'newListener', 'm']] }],
  ['newListener receives the original listener for once',
    { meta: true, steps: [['once', 'a', 'f'], ['prependOnce', 'a', 'g'], ['raw', 'a']] }],
  ['a newListener listener that adds listeners',
    { listeners: { n: [['on', 'b', 'g']] }, steps: [['once', 'newListener', 'n'], ['on', 'a', 'f'], ['on', 'a', 'h'], ['raw', 'b'], ['raw', 'a'], ['names']] }],
  ['removeListener is emitted after the listener is removed',
    { listeners: { r: [['count', 'a'], ['listeners', 'a']] },
      steps: [['on', 'removeListener', 'r'], ['on', 'a', 'f'], ['on', 'a', 'g'], ['off', 'a', 'f'], ['off', 'a', 'g']] }],
  ['removeListener names: single once gives the original, once in an array gives the wrapper',
    { meta: true, steps: [['once', 'a', 'f'], ['emit', 'a'], ['once', 'a', 'f'], ['on', 'a', 'g'], ['emit', 'a'], ['emit', 'a']] }],
  ['a removeListener listener that is itself once',
    { meta: true, listeners: { r: [['count', 'removeListener']] },
      steps: [['once', 'removeListener', 'r'], ['on', 'a', 'f'], ['off', 'a', 'f'], ['on', 'a', 'f'], ['off', 'a', 'f']] }],
  ['a newListener listener that is itself once',
    { meta: true, steps: [['once', 'newListener', 'n'], ['on', 'a', 'f'], ['on', 'a', 'g'], ['raw', 'newListener']] }],
  ['removeAllListeners() with meta listeners: per event LIFO, removeListener last',
    { meta: true, steps: [['on', 'a', 'f'], ['once', 'a', 'g'], ['on', 'a', 'h'], ['once', 'b', 'f'], ['on', 'c', 'g'], ['on', 'c', 'g'], ['removeAll'], ['names'], ['on', 'a', 'f'], ['emit', 'a']] }],
  ['removeAllListeners(event) with meta: LIFO, once wrappers in an array are handed out raw',
    { meta: true, steps: [['once', 'a', 'f'], ['on', 'a', 'g'], ['prependOnce', 'a', 'h'], ['removeAll', 'a'], ['once', 'b', 'f'], ['removeAll', 'b'], ['names']] }],
  ['removeAllListeners without meta listeners',
    { steps: [['on', 'a', 'f'], ['on', 'b', 'g'], ['on', 'b', 'h'], ['removeAll', 'b'], ['names'], ['removeAll'], ['names'], ['emit', 'a']] }],
  ['removeAllListeners of an event without listeners', { meta: true, steps: [['removeAll', 'zz'], ['on', 'a', 'f'], ['removeAll', 'zz'], ['count', 'a']] }],
  ['removeAllListeners(newListener) and (removeListener)',
    { meta: true, steps: [['on', 'a', 'f'], ['removeAll', 'newListener'], ['on', 'a', 'g'], ['removeAll', 'removeListener'], ['off', 'a', 'f'], ['names']] }],
  ['a removeListener listener removing another listener during removeAllListeners(event)',
    { listeners: { r: [['off', 'a', 'f']] }, steps: [['on', 'removeListener', 'r'], ['on', 'a', 'f'], ['on', 'a', 'g'], ['on', 'a', 'h'], ['removeAll', 'a'], ['names'], ['count', 'a']] }],
  ['a removeListener listener adding listeners during removeAllListeners()',
    { listeners: { r: [['on', 'b', 'g']] }, steps: [['on', 'removeListener', 'r'], ['on', 'a', 'f'], ['removeAll'], ['names'], ['count', 'b']] }],
  ['emit during emit',
    { listeners: { f: [['emit', 'b', 'inner']], g: [['count', 'a']] },
      steps: [['on', 'a', 'f'], ['on', 'b', 'g'], ['on', 'a', 'h'], ['emit', 'a', 'outer']] }],
  ['a listener added during emit is not called by that emit',
    { listeners: { f: [['on', 'a', 'g']] }, steps: [['on', 'a', 'f'], ['emit', 'a'], ['emit', 'a'], ['count', 'a']] }],
  ['a listener removed during emit is still called by that emit (snapshot)',
    { listeners: { f: [['off', 'a', 'g'], ['off', 'a', 'h']] }, steps: [['on', 'a', 'f'], ['on', 'a', 'g'], ['on', 'a', 'h'], ['emit', 'a'], ['emit', 'a']] }],
  ['removeAllListeners during emit does not stop that emit',
    { listeners: { f: [['removeAll']] }, steps: [['on', 'a', 'f'], ['on', 'a', 'g'], ['emit', 'a'], ['emit', 'a']] }],
  ['a listener removing itself', { listeners: { f: [['off', 'a', 'f']] }, steps: [['on', 'a', 'f'], ['on', 'a', 'g'], ['emit', 'a'], ['emit', 'a']] }],
  ['recursive emit of the same event through a once listener',
    { listeners: { f: [['emit', 'a', 2]] }, steps: [['once', 'a', 'f'], ['on', 'a', 'g'], ['emit', 'a', 1]] }],
  ['emit("error", Error) with no listener throws the error', { steps: [['emit', 'error', E('boom')], ['on', 'a', 'f'], ['emit', 'a']] }],
  ['emit("error", string) with no listener', { steps: [['emit', 'error', 'boom']] }],
  ['emit("error", number) with no listener', { steps: [['emit', 'error', 42], ['emit', 'error', 1.5], ['emit', 'error', -7]] }],
  ['emit("error", object) with no listener', { steps: [['emit', 'error', { a: 1, b: [1, 'x'] }], ['emit', 'error', {}], ['emit', 'error', []]] }],
  ['emit("error", array) with no listener', { steps: [['emit', 'error', [1, 2, 'three']]] }],
  ['emit("error", undefined) and emit("error") with no listener', { steps: [['emit', 'error', U], ['emit', 'error']] }],
  ['emit("error", null / boolean) with no listener', { steps: [['emit', 'error', null], ['emit', 'error', true], ['emit', 'error', false]] }],
  ['emit("error", NaN / -0 / Infinity) with no listener',
    { steps: [['emit', 'error', { $num: 'NaN' }], ['emit', 'error', { $num: '-0' }], ['emit', 'error', { $num: 'Infinity' }]] }],
  ['emit("error", string with quotes) with no listener', { steps: [['emit', 'error', "it's"], ['emit', 'error', 'say "hi"'], ['emit', 'error', 'line\nbreak']] }],
  ['emit("error") with no listener uses only the first argument', { steps: [['emit', 'error', 'first', E('second')], ['emit', 'error', E('first'), 'second']] }],
  ['emit("error") with a listener calls it', { steps: [['on', 'error', 'f'], ['emit', 'error', E('boom'), 2], ['emit', 'error', 'str']] }],
  ['a once error listener handles one error only', { steps: [['once', 'error', 'f'], ['emit', 'error', E('one')], ['emit', 'error', E('two')]] }],
  ['error listeners on other events do not count', { steps: [['on', 'err', 'f'], ['on', 'Error', 'g'], ['emit', 'error', 'x']] }],
  ['a throwing listener stops the emit; the emit records the throw',
    { listeners: { f: [['throw', 'boom'], ['count', 'a']] }, steps: [['on', 'a', 'g'], ['on', 'a', 'f'], ['on', 'a', 'h'], ['emit', 'a'], ['count', 'a']] }],
  ['a throw in a nested emit is caught by the inner emit action',
    { listeners: { f: [['emit', 'b'], ['count', 'b']], g: [['throw', 'inner']] }, steps: [['on', 'a', 'f'], ['on', 'b', 'g'], ['emit', 'a']] }],
  ['a throwing once listener is still removed',
    { meta: true, listeners: { f: [['throw', 'once-boom']] }, steps: [['once', 'a', 'f'], ['emit', 'a'], ['emit', 'a'], ['count', 'a']] }],
  ['an error listener that throws', { listeners: { f: [['throw', 'rethrown']] }, steps: [['on', 'error', 'f'], ['emit', 'error', E('orig')]] }],
  ['emitting error from inside a listener with no error listener',
    { listeners: { f: [['emit', 'error', E('inside')], ['emit', 'error', 'plain']] }, steps: [['on', 'a', 'f'], ['emit', 'a']] }],
  ['a newListener listener that throws prevents the addition',
    { listeners: { n: [['throw', 'no']] }, steps: [['on', 'newListener', 'n'], ['on', 'a', 'f'], ['count', 'a'], ['names']] }],
  ['a removeListener listener that throws after the removal',
    { listeners: { r: [['throw', 'no']] }, steps: [['on', 'removeListener', 'r'], ['on', 'a', 'f'], ['off', 'a', 'f'], ['count', 'a'], ['names']] }],
  ['default max listeners: the 11th listener warns once',
    { steps: [['getMax'], ...times(12, (i) => ['on', 'a', 'f' + i]), ['count', 'a']] }],
  ['max listener warning once per event, each event separately',
    { steps: [...times(11, () => ['on', 'a', 'f']), ...times(11, () => ['on', 'b', 'g']), ...times(3, () => ['on', 'a', 'h'])] }],
  ['once and prepend count toward the limit',
    { steps: [['setMax', 2], ['once', 'a', 'f'], ['prepend', 'a', 'g'], ['prependOnce', 'a', 'h'], ['raw', 'a']] }],
  ['setMaxListeners(0) means unlimited', { steps: [['setMax', 0], ['getMax'], ...times(20, () => ['on', 'a', 'f'])] }],
  ['setMaxListeners(1) warns on the second listener', { steps: [['setMax', 1], ['getMax'], ['on', 'a', 'f'], ['on', 'a', 'g'], ['on', 'a', 'h']] }],
  ['setMaxListeners with a negative number or NaN throws RangeError',
    { steps: [['setMax', -1], ['getMax'], ['setMax', { $num: 'NaN' }], ['setMax', { $num: '-Infinity' }], ['getMax']] }],
  ['setMaxListeners(Infinity)', { steps: [['setMax', { $num: 'Infinity' }], ['getMax'], ...times(11, () => ['on', 'a', 'f'])] }],
  ['a fractional max', { steps: [['setMax', 1.5], ['getMax'], ['on', 'a', 'f'], ['on', 'a', 'g']] }],
  ['lowering the max after adding warns on the next addition',
    { steps: [...times(5, () => ['on', 'a', 'f']), ['setMax', 2], ['on', 'b', 'g'], ['on', 'a', 'f'], ['on', 'a', 'f']] }],
  ['the warning comes back after the event drops to one listener',
    { steps: [['setMax', 2], ...times(3, () => ['on', 'a', 'f']), ['off', 'a', 'f'], ['off', 'a', 'f'], ...times(2, () => ['on', 'a', 'f'])] }],
  ['the warning does not come back while the event keeps several listeners',
    { steps: [['setMax', 2], ...times(4, () => ['on', 'a', 'f']), ['off', 'a', 'f'], ['off', 'a', 'f'], ...times(3, () => ['on', 'a', 'f'])] }],
  ['max listener warning names an integer-like event and a meta event',
    { steps: [['setMax', 1], ['on', '7', 'f'], ['on', '7', 'g'], ['on', 'newListener', 'n'], ['on', 'newListener', 'm']] }],
  ['rawListeners shows once wrappers; listeners unwraps them',
    { steps: [['on', 'a', 'f'], ['once', 'a', 'g'], ['prependOnce', 'a', 'h'], ['listeners', 'a'], ['raw', 'a'], ['raw', 'b'], ['once', 'b', 'f'], ['raw', 'b'], ['listeners', 'b']] }],
  ['listenerCount tracks every change',
    { steps: [['count', 'a'], ['on', 'a', 'f'], ['count', 'a'], ['once', 'a', 'f'], ['count', 'a'], ['emit', 'a'], ['count', 'a'], ['off', 'a', 'f'], ['count', 'a']] }],
  ['eventNames: integer-like names first, ascending, then insertion order',
    { steps: [['on', 'b', 'f'], ['on', '10', 'f'], ['on', 'a', 'f'], ['on', '2', 'f'], ['on', '1', 'f'], ['on', '01', 'f'], ['on', '-1', 'f'],
      ['on', '4294967294', 'f'], ['on', '4294967295', 'f'], ['on', '1.5', 'f'], ['on', '0', 'f'], ['names']] }],
  ['eventNames: a removed name re-added goes to the end',
    { steps: [['on', 'a', 'f'], ['on', 'b', 'f'], ['on', 'c', 'f'], ['off', 'a', 'f'], ['names'], ['on', 'a', 'g'], ['names'], ['removeAll', 'b'], ['names']] }],
  ['eventNames with meta events', { meta: true, steps: [['names'], ['on', 'x', 'f'], ['names'], ['removeAll'], ['names']] }],
  ['unusual event names', { steps: [['on', '', 'f'], ['on', 'é', 'g'], ['on', '😀', 'h'], ['on', '\ud800', 'f'], ['names'], ['emit', '\ud800', '\udc00'], ['emit', '']] }],
  ['emit with assorted argument values',
    { steps: [['on', 'a', 'f'], ['emit', 'a', null, U, true, 0, -1.25, 'é😀', [1, [2]], { k: 'v', n: null }, E('err'), { $num: 'NaN' }, { $num: '-0' }]] }],
  ['emitting newListener and removeListener by hand', { meta: true, steps: [['on', 'a', 'f'], ['emit', 'newListener', 'x', 'y'], ['emit', 'removeListener', 'z']] }],
  ['a listener added for newListener sees later additions including its own event',
    { listeners: { n: [] }, steps: [['on', 'newListener', 'n'], ['on', 'newListener', 'm'], ['once', 'removeListener', 'r'], ['off', 'newListener', 'm']] }],
  ['removeAll inside a once listener', { meta: true, listeners: { f: [['removeAll'], ['names']] }, steps: [['once', 'a', 'f'], ['on', 'a', 'g'], ['on', 'b', 'h'], ['emit', 'a']] }],
];

// ------------------------------------------------------------------------------------------------
// Random scripts.

const BASE_EVENTS = ['a', 'b', 'c', 'd'];
const SPECIAL_EVENTS = ['error', 'error', 'newListener', 'removeListener', '1', '10', '2', '01', '4294967294',
  '4294967295', 'é', '😀', '\ud800', '', 'x y'];
const LISTENER_NAMES = ['f', 'g', 'h', 'k', 'm', 'p'];
const ARG_POOL = [0, 1, 42, -3, 1.5, 'x', 'hello', '', true, false, null, U, E('e1'), E('e2'), [1, 'two'], { k: 1 },
  { $num: 'NaN' }, { $num: '-0' }, 'é😀'];

function randomScript(r) {
  const events = BASE_EVENTS.slice(0, r.int(1, 3));
  const specials = r.int(0, 2);
  for (let i = 0; i < specials; i++) events.push(r.pick(SPECIAL_EVENTS));
  const lnames = LISTENER_NAMES.slice(0, r.int(2, 5));
  const ev = () => r.pick(events);
  const ln = () => r.pick(lnames);
  const args = (event) => {
    const n = r.weighted([[3, 0], [4, 1], [2, 2], [1, 3]]);
    const out = [];
    if (event === 'error' && n > 0 && r.chance(0.6)) out.push(E('boom'));
    while (out.length < n) out.push(r.pick(ARG_POOL));
    return out;
  };
  const add = () => [r.weighted([[5, 'on'], [3, 'once'], [1, 'prepend'], [1, 'prependOnce']]), ev(), ln()];
  const introspect = () => {
    const k = r.pick(['count', 'names', 'listeners', 'raw']);
    return k === 'names' ? ['names'] : [k, ev()];
  };
  const maxAction = () => r.chance(0.5) ? ['getMax'] : ['setMax', r.weighted([[4, r.int(1, 3)], [1, 0], [1, -1], [2, 10]])];

  const listeners = {};
  for (const name of lnames) {
    const n = r.weighted([[4, 0], [3, 1], [2, 2], [1, 3]]);
    const acts = [];
    for (let i = 0; i < n; i++) {
      acts.push(r.weighted([
        [35, () => { const e = ev(); return ['emit', e, ...args(e)]; }],
        [15, add],
        [20, () => ['off', ev(), r.chance(0.4) ? name : ln()]],
        [10, introspect],
        [5, () => r.chance(0.3) ? ['removeAll'] : ['removeAll', ev()]],
        [8, () => ['throw', 'thrown by ' + name]],
        [4, maxAction],
      ])());
    }
    listeners[name] = acts;
  }

  const steps = [];
  if (r.chance(0.3)) steps.push(['setMax', r.int(1, 3)]);
  const n = r.int(4, 24);
  for (let i = 0; i < n; i++) {
    const kind = r.weighted([[40, 'add'], [28, 'emit'], [10, 'off'], [10, 'intro'], [4, 'removeAll'], [5, 'max'], [3, 'bulk']]);
    switch (kind) {
      case 'add': steps.push(add()); break;
      case 'emit': { const e = ev(); steps.push(['emit', e, ...args(e)]); break; }
      case 'off': steps.push(['off', ev(), ln()]); break;
      case 'intro': steps.push(introspect()); break;
      case 'removeAll': steps.push(r.chance(0.3) ? ['removeAll'] : ['removeAll', ev()]); break;
      case 'max': steps.push(maxAction()); break;
      case 'bulk': { const e = ev(); const k = r.int(8, 12); for (let j = 0; j < k; j++) steps.push(['on', e, ln()]); break; }
    }
  }
  return { listeners, steps, meta: r.chance(0.3) };
}

async function main() {
  const out = [];
  let id = 1;
  for (const [note, input] of classic) {
    const full = { listeners: input.listeners || {}, steps: input.steps, meta: !!input.meta };
    const ok = await runScript(full);
    out.push({ id: 'events/script/' + pad(id++), probe: 'events.script', note, in: full, out: { ok } });
  }
  writeCases('events', 'classic.jsonl', out);

  const RANDOM = 1200;
  const r = rng(0x5eed0001);
  const rand = [];
  let discarded = 0;
  for (let i = 1; i <= RANDOM; i++) {
    for (;;) {
      const input = randomScript(r);
      try {
        const ok = await runScript(input);
        rand.push({ id: 'events/script/' + pad(1000 + i), probe: 'events.script', in: input, out: { ok } });
        break;
      } catch (err) {
        if (!(err instanceof Abort)) throw err;
        discarded++;
      }
    }
  }
  writeCases('events', 'random.jsonl', rand);
  process.stdout.write(`(${discarded} runaway random scripts discarded and redrawn)\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
