'use strict';
// Node twin of benchmarks/src/main/java/dev/nodeshim/benchmarks/buffer/BufferBenchmark.java.
//
// Every row does exactly what the JMH method with the same id does (see that class's Javadoc for
// the inputs and the rules both sides keep): inputs come from the same xorshift32 generator with the
// same seed, built once before measuring; each operation's result goes to a sink; every operation's
// output is checked once before measuring and once after, so a broken Buffer cannot post a fast
// score.
//
// Measurement (one node process per row, a calibrated batch, JMH's warmup and iteration counts)
// is harness.js's, shared by the twins.
//
// Usage:
//   node buffer.js [--json out.json] [--warmup 3] [--iterations 5] [--time-ms 1000] [--rows id,id]
//   node buffer.js --row <id> ...        (one row in this process; prints one JSON line)

const assert = require('assert');
const { main, batchOf } = require('./harness');

const SEED = 0x2545F491;
const HAYSTACK_SIZE = 1 << 20;
const NEEDLE_AT = HAYSTACK_SIZE - 100;
const NEEDLE = 'nodeshim!';

/** Each row: id (the JMH method name), the name printed in the table, and the operation. */
const ROWS = [
  { id: 'fromUtf8Ascii', name: 'from utf8 1 KiB ASCII', op: (s) => Buffer.from(s.ascii1k, 'utf8') },
  { id: 'fromUtf8Cjk', name: 'from utf8 1 KiB CJK', op: (s) => Buffer.from(s.cjk1k, 'utf8') },
  { id: 'toStringUtf8Ascii', name: 'toString utf8 1 KiB ASCII', op: (s) => s.ascii1kBuf.toString('utf8') },
  { id: 'toStringUtf8Cjk', name: 'toString utf8 1 KiB CJK', op: (s) => s.cjk1kBuf.toString('utf8') },
  { id: 'toStringBase64', name: 'toString base64 1 KiB', op: (s) => s.buf1k.toString('base64') },
  { id: 'toStringHex', name: 'toString hex 1 KiB', op: (s) => s.buf1k.toString('hex') },
  { id: 'fromBase64', name: 'from base64 (1 KiB)', op: (s) => Buffer.from(s.base64, 'base64') },
  { id: 'fromHex', name: 'from hex (1 KiB)', op: (s) => Buffer.from(s.hex, 'hex') },
  { id: 'alloc64', name: 'alloc(64)', op: () => Buffer.alloc(64) },
  { id: 'allocUnsafe64', name: 'allocUnsafe(64)', op: () => Buffer.allocUnsafe(64) },
  { id: 'compareEqual1k', name: 'compare equal 1 KiB', op: (s) => Buffer.compare(s.equalA, s.equalB) },
  { id: 'indexOf1MiB', name: 'indexOf 9 B near end of 1 MiB', op: (s) => s.haystack.indexOf(NEEDLE) },
  {
    id: 'readUInt32LE', name: 'readUInt32LE',
    op: (s) => {
      const o = s.readOffset;
      s.readOffset = o === 1020 ? 0 : o + 1;
      return s.buf1k.readUInt32LE(o);
    },
  },
  { id: 'concat16x1k', name: 'concat 16 x 1 KiB', op: (s) => Buffer.concat(s.parts) },
];

/** The inputs, byte for byte those of BufferBenchmark.setup(). */
function newState() {
  let x = SEED | 0;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x;
  };
  const below = (n) => (next() >>> 0) % n;

  const bytes1k = Buffer.alloc(1024);
  for (let i = 0; i < 1024; i++) bytes1k[i] = next() & 0xFF;
  let ascii1k = '';
  for (let i = 0; i < 1024; i++) ascii1k += String.fromCharCode(0x20 + below(95));
  let cjk1k = '';
  for (let i = 0; i < 341; i++) cjk1k += String.fromCharCode(0x4E00 + below(0xA000 - 0x4E00));
  cjk1k += '.';
  const haystack = Buffer.alloc(HAYSTACK_SIZE);
  for (let i = 0; i < HAYSTACK_SIZE; i++) {
    const r = below(27);
    haystack[i] = r === 26 ? 0x20 : 0x61 + r;
  }
  haystack.write(NEEDLE, NEEDLE_AT, 'ascii');
  const partsBytes = Buffer.alloc(16 * 1024);
  for (let i = 0; i < partsBytes.length; i++) partsBytes[i] = next() & 0xFF;

  // Flatten the strings (V8 keeps `+=` results as cons strings until first flattened).
  ascii1k = Buffer.from(ascii1k, 'latin1').toString('latin1');
  cjk1k = Buffer.from(cjk1k, 'utf16le').toString('utf16le');
  const s = {
    bytes1k, ascii1k, cjk1k, haystack, partsBytes,
    base64: bytes1k.toString('base64'),
    hex: bytes1k.toString('hex'),
    buf1k: Buffer.from(bytes1k),
    ascii1kBuf: Buffer.from(ascii1k, 'latin1'),
    cjk1kBuf: Buffer.from(new TextEncoder().encode(cjk1k)),
    equalA: Buffer.from(bytes1k),
    equalB: Buffer.from(bytes1k),
    parts: [],
    readOffset: 0,
    sink: undefined,
  };
  for (let i = 0; i < 16; i++) s.parts.push(Buffer.from(partsBytes.subarray(i * 1024, (i + 1) * 1024)));
  if (s.ascii1kBuf.length !== 1024 || s.cjk1kBuf.length !== 1024) throw new Error('inputs are not 1 KiB');
  return s;
}

/** Every operation's output against an independent reference (as BufferBenchmark.check()). */
function check(s) {
  const op = (id) => ROWS.find((r) => r.id === id).op(s);
  const bytes = (b) => Array.from(b);
  assert.deepStrictEqual(bytes(op('fromUtf8Ascii')), bytes(new TextEncoder().encode(s.ascii1k)));
  assert.deepStrictEqual(bytes(op('fromUtf8Cjk')), bytes(new TextEncoder().encode(s.cjk1k)));
  assert.strictEqual(op('toStringUtf8Ascii'), s.ascii1k);
  assert.strictEqual(op('toStringUtf8Cjk'), s.cjk1k);
  assert.strictEqual(op('toStringBase64'), btoa(s.bytes1k.toString('latin1')));
  const hex = Array.from(s.bytes1k, (b) => b.toString(16).padStart(2, '0')).join('');
  assert.strictEqual(op('toStringHex'), hex);
  assert.deepStrictEqual(bytes(op('fromBase64')), bytes(s.bytes1k));
  assert.deepStrictEqual(bytes(op('fromHex')), bytes(s.bytes1k));
  const z = op('alloc64');
  assert.ok(z.length === 64 && z.every((b) => b === 0), 'alloc64');
  assert.strictEqual(op('allocUnsafe64').length, 64);
  assert.strictEqual(op('compareEqual1k'), 0);
  assert.strictEqual(Buffer.compare(s.equalA, Buffer.alloc(1024)), 1);
  assert.strictEqual(op('indexOf1MiB'), NEEDLE_AT);
  const saved = s.readOffset;
  for (let k = 0; k < 1100; k++) {
    const o = s.readOffset;
    const b = s.bytes1k;
    const expected = b[o] + b[o + 1] * 0x100 + b[o + 2] * 0x10000 + b[o + 3] * 0x1000000;
    assert.strictEqual(op('readUInt32LE'), expected);
  }
  s.readOffset = saved;
  assert.deepStrictEqual(bytes(op('concat16x1k')), bytes(s.partsBytes));
}

main({
  file: __filename,
  rows: ROWS,
  prepare: (row) => {
    const s = newState();
    check(s);
    return { run: batchOf(row.op, s), check: () => check(s) };
  },
});
