#!/usr/bin/env node
'use strict';
// Generates the `v8.serialize` / `v8.deserialize` conformance cases (PROBES.md, "v8") from real Node:
//
//     node conformance-tests/generator/v8.js
//
// writes conformance-tests/src/test/resources/cases/v8/{serialize,deserialize}.jsonl.
//
// Values are drawn with a seeded PRNG (same seed, same cases) plus a fixed list of edges: Smi and
// double boundaries, one- and two-byte strings at every padding parity, lone surrogates, BigInts of
// several digits, objects with integer keys, nested arrays, Maps, Sets, Dates, RegExps, Buffers, every
// typed array and DataView, ArrayBuffers, Errors of every prototype, objects met twice. deserialize
// cases also read bytes only Node writes (holey and sparse arrays, bytes of older versions) and bytes
// that are no value.

const v8 = require('v8');
const { rng, encode, writeCases, pad } = require('./common');

const VIEWS = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
  'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'DataView'];
const ERRORS = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };

// ------------------------------------------------------------------------------------------------
// The value encoding of CONFORMANCE.md, extended for what V8 carries (PROBES.md, "v8")

function encodeV8(v) {
  return encode(v, (x) => {
    if (Buffer.isBuffer(x)) return { $hex: x.toString('hex') };
    if (ArrayBuffer.isView(x)) {
      const type = x instanceof DataView ? 'DataView' : x.constructor.name;
      return { $typed: [type, Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex')] };
    }
    if (x instanceof ArrayBuffer) return { $arraybuffer: Buffer.from(x).toString('hex') };
    if (x instanceof Map) return { $map: [...x].map(([k, val]) => [encodeV8(k), encodeV8(val)]) };
    if (x instanceof Set) return { $set: [...x].map(encodeV8) };
    if (x instanceof Date) return { $date: x.getTime() };
    if (x instanceof RegExp) return { $regexp: [x.source, x.flags] };
    if (x instanceof Error) return { $errorobj: [x.name, x.message, x.stack] };
    if (Array.isArray(x)) return Array.from(x, (e) => encodeV8(e)); // a hole reads as undefined
    return undefined;
  });
}

function decodeV8(v) {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(decodeV8);
  if ('$undefined' in v) return undefined;
  if ('$hex' in v) return Buffer.from(v.$hex, 'hex');
  if ('$bigint' in v) return BigInt(v.$bigint);
  if ('$num' in v) return v.$num === '-0' ? -0 : Number(v.$num);
  if ('$typed' in v) {
    const bytes = Buffer.from(v.$typed[1], 'hex');
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    return v.$typed[0] === 'DataView' ? new DataView(ab) : new globalThis[v.$typed[0]](ab);
  }
  if ('$arraybuffer' in v) {
    const bytes = Buffer.from(v.$arraybuffer, 'hex');
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  }
  if ('$map' in v) return new Map(v.$map.map(([k, val]) => [decodeV8(k), decodeV8(val)]));
  if ('$set' in v) return new Set(v.$set.map(decodeV8));
  if ('$date' in v) return new Date(v.$date);
  if ('$regexp' in v) return new RegExp(v.$regexp[0], v.$regexp[1]);
  if ('$errorobj' in v) {
    const e = new ERRORS[v.$errorobj[0]](v.$errorobj[1]);
    e.stack = v.$errorobj[2];
    return e;
  }
  const o = {};
  for (const k of Object.keys(v)) o[k] = decodeV8(v[k]);
  return o;
}

// ------------------------------------------------------------------------------------------------
// Values

const r = rng(0x5e71a1);

function randomString() {
  const n = r.int(0, 12);
  const kind = r.pick(['ascii', 'latin1', 'bmp', 'astral', 'surrogates', 'mixed']);
  let s = '';
  for (let i = 0; i < n; i++) {
    const k = kind === 'mixed' ? r.pick(['ascii', 'latin1', 'bmp', 'astral', 'surrogates']) : kind;
    if (k === 'ascii') s += String.fromCharCode(r.int(0, 127));
    else if (k === 'latin1') s += String.fromCharCode(r.int(0, 255));
    else if (k === 'bmp') s += String.fromCharCode(r.int(256, 0xd7ff));
    else if (k === 'astral') s += String.fromCodePoint(r.int(0x10000, 0x10ffff));
    else s += String.fromCharCode(r.int(0xd800, 0xdfff));
  }
  return s;
}

function randomNumber() {
  return r.weighted([
    [3, () => r.int(-100, 100)],
    [2, () => r.int(-(2 ** 31), 2 ** 31 - 1)],
    [1, () => r.pick([2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 53, -(2 ** 53), 1e21, 5e-324, -0, NaN, Infinity, -Infinity])],
    [2, () => {
      const b = Buffer.alloc(8);
      b.writeUInt32LE(r.int(0, 2 ** 32 - 1), 0);
      b.writeUInt32LE(r.int(0, 2 ** 32 - 1), 4);
      const d = b.readDoubleLE(0);
      return Number.isNaN(d) ? 0.5 : d; // one NaN is enough: its payload is V8's business
    }],
    [2, () => (r.next() - 0.5) * 10 ** r.int(-5, 12)],
  ])();
}

function randomBigInt() {
  let b = 0n;
  const digits = r.int(0, 4);
  for (let i = 0; i < digits; i++) b = (b << 32n) | BigInt(r.int(0, 2 ** 32 - 1));
  return r.chance(0.5) ? -b : b;
}

function randomKey() {
  return r.weighted([
    [4, () => randomString().replace(/__proto__/g, '') || 'k'],
    [2, () => String(r.int(0, 3000))],
    [1, () => String(r.pick([2 ** 31 - 1, 2 ** 31, 2 ** 32 - 2, 2 ** 32 - 1, -1]))],
  ])();
}

function randomPrimitive() {
  return r.weighted([
    [1, () => undefined], [1, () => null], [1, () => r.chance(0.5)],
    [4, randomNumber], [4, randomString], [2, randomBigInt],
  ])();
}

function randomBytes(n) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = r.int(0, 255);
  return b;
}

function randomView() {
  const type = r.pick(VIEWS.concat(['Buffer']));
  const size = { Int16Array: 2, Uint16Array: 2, Int32Array: 4, Uint32Array: 4, Float32Array: 4, Float64Array: 8,
    BigInt64Array: 8, BigUint64Array: 8 }[type] || 1;
  const bytes = randomBytes(size * r.int(0, 4));
  if (type === 'Buffer') return bytes;
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  return type === 'DataView' ? new DataView(ab) : new globalThis[type](ab);
}

function randomValue(depth) {
  if (depth <= 0) return randomPrimitive();
  return r.weighted([
    [6, randomPrimitive],
    [3, () => Array.from({ length: r.int(0, 4) }, () => randomValue(depth - 1))],
    [3, () => {
      const o = {};
      for (let i = r.int(0, 4); i > 0; i--) o[randomKey()] = randomValue(depth - 1);
      return o;
    }],
    [1, () => new Map(Array.from({ length: r.int(0, 3) }, () => [randomPrimitive(), randomValue(depth - 1)]))],
    [1, () => new Set(Array.from({ length: r.int(0, 3) }, randomPrimitive))],
    [1, () => new Date(r.int(-1e12, 4e12))],
    [1, () => new RegExp(r.pick(['a+b', 'x|y', '^\\d{2,}$', 'ā.', '[😀]']), r.pick(['', 'g', 'gi', 'ms', 'u', 'dgimsuy', 'y']))],
    [2, randomView],
    [1, () => randomBytes(r.int(0, 5)).buffer],
    [1, () => {
      const name = r.pick(Object.keys(ERRORS));
      const e = new ERRORS[name](randomString());
      e.stack = name + ': ' + e.message + '\n    at generated';
      return e;
    }],
  ])();
}

function edges() {
  const shared = { s: 1 };
  const list = [
    undefined, null, true, false, 0, -0, 1, -1, 2 ** 30, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 1.5,
    NaN, Infinity, -Infinity, 2 ** 53 + 2, 5e-324, 0n, 1n, -1n, 2n ** 63n, -(2n ** 64n), 2n ** 64n - 1n,
    '', 'a', 'é', 'ā', 'ab€', '😀', '\ud800', '\udc00x', 'x'.repeat(127), 'x'.repeat(128), 'ā'.repeat(64),
    {}, { a: 1 }, { 1: 'x', b: 2, 0: 'y' }, { 4294967294: 1, 4294967295: 2, 2147483648: 3, '-1': 4, '01': 5 },
    [], [1, 2], ['x', 'ā'], { ā: 'ā' }, [[[]]], [shared, shared], { a: shared, b: [shared] },
    new Map(), new Map([[1, 'a'], ['b', {}]]), new Set(), new Set([1, 'a', 2n]),
    new Date(0), new Date(-1), new Date(8.64e15), /ab+c/gi, /x/dgimsuy, /ā/u,
    Buffer.alloc(0), Buffer.from([1, 2, 3]), Buffer.from('hello').subarray(1, 3), new ArrayBuffer(0),
  ];
  for (const t of VIEWS) {
    const bytes = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 16);
    list.push(t === 'DataView' ? new DataView(ab, 2, 5) : new globalThis[t](ab));
  }
  for (const name of Object.keys(ERRORS)) {
    const e = new ERRORS[name]('m');
    e.stack = 'S';
    list.push(e);
  }
  const withCause = new Error('outer', { cause: Object.assign(new TypeError('inner'), { stack: 'S2' }) });
  withCause.stack = 'S1';
  list.push(withCause);
  return list;
}

// ------------------------------------------------------------------------------------------------
// Cases

function outcome(f) {
  try {
    return { ok: f() };
  } catch (e) {
    return { throws: { name: e.name, code: e.code === undefined ? null : e.code, message: e.message } };
  }
}

/** Whether an object occurs twice in v (which the value encoding cannot say). */
function metTwice(v, seen = new Set()) {
  if (v === null || typeof v !== 'object') return false;
  if (seen.has(v)) return true;
  seen.add(v);
  const inner = v instanceof Map ? [...v].flat() : v instanceof Set ? [...v]
    : ArrayBuffer.isView(v) || v instanceof ArrayBuffer ? [] : Object.values(v);
  return inner.some((x) => metTwice(x, seen));
}

const values = edges();
for (let i = 0; i < 300; i++) values.push(randomValue(r.int(1, 3)));

const serialize = [];
const deserialize = [];
for (const original of values) {
  // the value a reader of the case builds: decoded from the case's JSON (V8 keeps an integer computed
  // by arithmetic as a double and writes it so; parsed from JSON, one in int32 range is a Smi)
  const encoded = encodeV8(original);
  const v = decodeV8(JSON.parse(JSON.stringify(encoded)));
  // a serialize case must mean this value: decoding its encoding serializes to the same bytes (an
  // object met twice cannot be written in the encoding: it is a deserialize case only)
  const bytes = v8.serialize(v);
  if (!metTwice(original)) serialize.push({ id: 'v8/serialize/' + pad(serialize.length), probe: 'v8.serialize', in: { value: encoded },
    out: { ok: { $hex: bytes.toString('hex') } } });
  const written = v8.serialize(original);
  deserialize.push({ id: 'v8/deserialize/' + pad(deserialize.length), probe: 'v8.deserialize',
    in: { bytes: { $hex: written.toString('hex') } }, out: outcome(() => encodeV8(v8.deserialize(written))) });
}

// bytes only node writes, and bytes that are no value
const sparse = [1, , 3];
const far = [];
far[20] = 'x';
const withProp = [1, 2];
withProp.p = 3;
const raw = [
  v8.serialize(sparse), v8.serialize(far), v8.serialize(new Array(3)), v8.serialize(withProp),
  v8.serialize([1.5, 2]), v8.serialize(Object.assign(Object.create(null), { a: 1 })),
  Buffer.from('ff0e22017a', 'hex'), Buffer.from('ff0d22017a', 'hex'), Buffer.from('ff0f22017a00', 'hex'),
  Buffer.from('ff0f00002201', 'hex').subarray(0, 3), Buffer.from('ff0f99', 'hex'), Buffer.from('ff10', 'hex'),
  Buffer.from('22017a', 'hex'), Buffer.from('ff0f220561', 'hex'), Buffer.from('ff0f6f2201617b05', 'hex'),
  Buffer.from('ff0f5e00', 'hex'), Buffer.from('ff0f63036100', 'hex'), Buffer.alloc(0),
  Buffer.from('ff0f4e0000', 'hex'), Buffer.from('ff0f41024902', 'hex'), Buffer.from('ff0f3f0249022e', 'hex'),
];
for (const bytes of raw) {
  deserialize.push({ id: 'v8/deserialize/' + pad(deserialize.length), probe: 'v8.deserialize',
    in: { bytes: { $hex: bytes.toString('hex') } }, out: outcome(() => encodeV8(v8.deserialize(bytes))) });
}

writeCases('v8', 'serialize.jsonl', serialize);
writeCases('v8', 'deserialize.jsonl', deserialize);
