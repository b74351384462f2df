// Records how Node 20 shows values in its argument errors, for ErrorValuesTest.
//
//   node events/src/test/resources/node/error-values.js > events/src/test/resources/node/error-values.jsonl
//
// Every line is one value: its description ("v", see toSpec) and the messages Node threw for it
// through public APIs only:
//   type   ERR_INVALID_ARG_TYPE  — emitter.setMaxListeners(v), or emitter.on('x', v) for numbers
//   value  ERR_INVALID_ARG_VALUE — fs.openSync(missing, v) ('flags'), or spawnSync stdio: v for numbers
//   range  ERR_OUT_OF_RANGE      — crypto.randomBytes(v) for numbers (buf.readUInt8(v) where that takes
//                                  it), buf.writeBigInt64LE(v) for bigints
//   unhandled ERR_UNHANDLED_ERROR — emitter.emit('error', v)
// A message is left out where the API accepts the value. The values come from fixed lists and a
// seeded generator, so the output is the same on every run.
'use strict';
const EventEmitter = require('events');
const fs = require('fs');
const cp = require('child_process');
const crypto = require('crypto');

// Class instances stand for Java records with the same name and components.
class Foo { constructor(a) { this.a = a; } }
class Point { constructor(x, y) { this.x = x; this.y = y; } }
class Empty {}
class Box { constructor(value) { this.value = value; } }
const RECORDS = { Foo, Point, Empty, Box };

function validate() {}
const anonymous = (() => () => {})();

/**
 * The JSON description of a value, from which the Java test builds its stand-in. A reference back to
 * an object or array that holds it is {t: 'cycle', up: n}, n its depth from the top.
 */
function toSpec(v, open = []) {
  if (v === null) return { t: 'null' };
  if (v === undefined) return { t: 'undefined' };
  switch (typeof v) {
    case 'string': return { t: 'string', v };
    case 'number': return { t: 'number', v: Object.is(v, -0) ? '-0' : String(v) };
    case 'bigint': return { t: 'bigint', v: String(v) };
    case 'boolean': return { t: 'boolean', v };
    case 'symbol': return { t: 'symbol', v: v.description === undefined ? null : v.description };
    case 'function': return { t: 'function', name: v.name };
  }
  if (Buffer.isBuffer(v)) return { t: 'buffer', v: v.toString('hex') };
  if (v instanceof Uint8Array) return { t: 'uint8array', v: Buffer.from(v).toString('hex') };
  if (open.includes(v)) return { t: 'cycle', up: open.indexOf(v) };
  open.push(v);
  try {
    if (Array.isArray(v)) return { t: 'array', v: v.map((x) => toSpec(x, open)) };
    const entries = Object.entries(v).map(([k, x]) => [k, toSpec(x, open)]);
    if (Object.getPrototypeOf(v) === Object.prototype) return { t: 'object', v: entries };
    return { t: 'record', name: v.constructor.name, v: entries };
  } finally {
    open.pop();
  }
}

// A small deterministic generator (mulberry32).
let seed = 20;
function random() {
  seed = (seed + 0x6D2B79F5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(random() * xs.length)];

const values = [];
const strings = ['', 'a', 'abc', "it's", 'say "hi"', `it's "both"`, "it's \"all\" `three`", "${x} it's \"q\"",
  'tab\there', 'nl\nhere', 'cr\r\n', '\0\x01\x07\x08\x0b\x0c\x1b\x7f', '\u0085\u009f\u00a0', 'é ü ß', '日本語',
  '\ud83d\ude00 smile', 'lone \ud800 high', 'lone \udc00 low', 'back\\slash', 'x'.repeat(27), 'y'.repeat(28),
  'z'.repeat(29), 'w'.repeat(30), "q'".repeat(20), 'long '.repeat(40), 'end\n', '\n', '\n\n\n'];
values.push(...strings);
// Strings with line breaks around the length where Node starts cutting them into pieces.
for (const len of [16, 17, 40, 70, 74, 75, 76, 77, 78, 79, 80, 100, 150, 300]) {
  values.push(('line\n'.repeat(len)).slice(0, len));
  values.push('a\n' + 'b'.repeat(len - 2));
  values.push('c'.repeat(len - 1) + '\n');
}
values.push('a\n\nb'.repeat(30), 'one\r\ntwo\r\n'.repeat(10), "it's\n".repeat(20), ('x'.repeat(90) + '\n').repeat(2));
const numbers = [0, -0, 1, -1, 5, 1.5, -2.25, NaN, Infinity, -Infinity, 0.1 + 0.2, 1e-7, 1.5e-7, 123.456, 1e21, 1e-300,
  Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 2 ** 31, 2 ** 31 - 1,
  2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, -(2 ** 32), -(2 ** 32 + 1), 2 ** 40, 1e6, 1e15, 1e20, 123456789012345680000,
  4294967296.5, -4294967297.5, 2147483648, 999999999999];
values.push(...numbers);
values.push(0n, 10n, -5n, 2n ** 32n, 2n ** 32n + 1n, 2n ** 63n, -(2n ** 63n) - 1n, 2n ** 64n, -(2n ** 70n), 10n ** 30n);
values.push(true, false, null, undefined, Symbol('s'), Symbol(), Symbol('a b'), Symbol(''));
values.push(validate, anonymous);
for (const n of [0, 1, 2, 16, 50, 51, 60]) {
  const bytes = Array.from({ length: n }, (_, i) => (i * 37 + 11) & 0xff);
  values.push(Buffer.from(bytes));
  values.push(new Uint8Array(bytes));
}
// Arrays: short ones, nested, and long numeric ones (Node groups those in columns).
values.push([], [1, 2], [1, 'a', null, undefined], [[]], [[[[1]]]], [[[['deep']]]], [{}], [[1, [2, [3, [4]]]]],
  ['a', 'b', 'c'], [true, false], [1.5, -0, 10n], [Symbol('x')], [validate], [Buffer.from('ab')]);
for (const n of [3, 5, 6, 7, 8, 10, 16, 26, 27, 30, 99, 100, 101, 120]) {
  values.push(Array.from({ length: n }, (_, i) => i));
  values.push(Array.from({ length: n }, (_, i) => i * i * 1000));
  values.push(Array.from({ length: n }, (_, i) => 'item' + i));
}
// Objects: keys that need quotes, nesting past the depth limit, objects too long for one line.
values.push({}, { a: 1 }, { 'a-b': 1, '1': 2, _ok: 3, $x: 4, 'with space': 5, "it's": 6 }, { a: { b: { c: { d: 1 } } } },
  { a: { b: { c: {} } } }, { a: { b: { c: [] } } }, { a: { b: { c: [1] } } }, { a: [1, 2], b: 'x', c: null },
  { nested: { list: [1, 2, 3], more: { deep: { deeper: true } } } });
for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 20, 30]) {
  const o = {};
  for (let i = 0; i < n; i++) o['key' + i] = i % 3 === 0 ? 'value' + i : i * 11;
  values.push(o);
}
for (const width of [50, 60, 64, 65, 66, 70, 72, 76, 80]) {
  values.push({ text: 't'.repeat(width - 13) });
  values.push(['s'.repeat(width - 6)]);
}
// Records (class instances).
values.push(new Foo(1), new Foo('x'), new Point(1.5, -2), new Empty(), new Box(new Box(new Box(new Box(1)))),
  new Box([1, 2]), new Box({ a: 1 }), [new Foo(1)], { f: new Foo(2) }, new Box(null));
// Strings past the 10,000 characters inspect shows, long lists that stay one entry a line, multi-line
// strings inside objects and arrays.
values.push('x'.repeat(10001), 'y'.repeat(10005), 'ab\n'.repeat(4000), 'é'.repeat(10002));
values.push(Array.from({ length: 101 }, (_, i) => 'a fairly long string number ' + i));
values.push(Array.from({ length: 102 }, (_, i) => ({ i })));
for (const len of [60, 70, 74, 75, 76, 80]) {
  const text = 'l\n' + 'm'.repeat(len - 2);
  values.push({ k: text }, [text], { a: { b: text } }, [[text]], { a: [{ b: text }] }, new Box(text));
}
// Objects and arrays that hold themselves.
{
  const a = {}; a.self = a;
  const b = [1]; b.push(b);
  const c = { x: {} }; c.x.up = c; c.x.me = c.x;
  const d = { p: { q: {} } }; d.p.q.r = d.p; d.p.q.s = d;
  const e = { list: [] }; e.list.push(e, e.list);
  const f = { k: 'a'.repeat(40) }; f.self = f;
  const g = { b: { c: { d: {} } } }; g.b.c.d = g;
  const h = []; h.push([[h]]);
  const i = []; i.push([[[i]]]);
  const j = { name: 'j' }; j.items = [j, { again: j }];
  values.push(a, b, c, d, e, f, g, h, i, j, { one: a, two: b });
}
// Random nested values.
function randomValue(depth) {
  const r = random();
  if (depth > 4 || r < 0.45) {
    return pick([() => Math.floor(random() * 2000) - 1000, () => pick(numbers), () => pick(strings),
      () => pick([true, false, null, undefined]), () => BigInt(Math.floor(random() * 1e6)),
      () => 'w'.repeat(Math.floor(random() * 30))])();
  }
  const n = Math.floor(random() * 8);
  if (r < 0.65) return Array.from({ length: n }, () => randomValue(depth + 1));
  if (r < 0.9) {
    const o = {};
    for (let i = 0; i < n; i++) o[pick(['a', 'b', 'name', 'value', 'x-y', 'id', 'list', 'k' + i])] = randomValue(depth + 1);
    return o;
  }
  return new Box(randomValue(depth + 1));
}
for (let i = 0; i < 300; i++) values.push(randomValue(0));

const missing = '/nonexistent-nodeshim/dir/file';
function message(fn) {
  try {
    fn();
  } catch (e) {
    return { code: e.code, message: e.message };
  }
  return undefined;
}
for (const v of values) {
  const out = { v: toSpec(v) };
  const isNumber = typeof v === 'number';
  out.type = isNumber ? message(() => new EventEmitter().on('x', v)) : message(() => new EventEmitter().setMaxListeners(v));
  out.value = isNumber ? message(() => cp.spawnSync('true', [], { stdio: v })) : message(() => fs.openSync(missing, v));
  if (isNumber) {
    out.range = message(() => crypto.randomBytes(v));
    if (out.range === undefined) out.range = message(() => Buffer.alloc(8).readUInt8(v));
  }
  if (typeof v === 'bigint') out.range = message(() => Buffer.alloc(8).writeBigInt64LE(v));
  out.unhandled = message(() => new EventEmitter().emit('error', v));
  for (const k of ['type', 'value', 'range', 'unhandled']) {
    const expect = { type: 'ERR_INVALID_ARG_TYPE', value: 'ERR_INVALID_ARG_VALUE', range: 'ERR_OUT_OF_RANGE',
      unhandled: 'ERR_UNHANDLED_ERROR' }[k];
    out[k] = out[k] && out[k].code === expect ? out[k].message : undefined;
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}
