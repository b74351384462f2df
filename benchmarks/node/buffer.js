'use strict';
// Node twin of benchmarks/src/main/java/dev/nodeshim/benchmarks/buffer/BufferBenchmark.java.
//
// Every row does exactly what the JMH method with the same id does (see that class's Javadoc for
// the inputs and the rules both sides keep): inputs come from the same xorshift32 generator with the
// same seed, built once before measuring; each operation's result goes to a sink; every operation's
// output is checked once before measuring and once after, so a broken Buffer cannot post a fast
// score.
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
//   node buffer.js [--json out.json] [--warmup 3] [--iterations 5] [--time-ms 1000] [--rows id,id]
//   node buffer.js --row <id> ...        (one row in this process; prints one JSON line)

const { execFileSync } = require('child_process');
const fs = require('fs');
const assert = require('assert');

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

/** The batch loop of a row: `n` operations, the last result kept in the sink. */
function makeRun(row, s) {
  const op = row.op;
  return (n) => {
    let r;
    for (let i = 0; i < n; i++) r = op(s);
    s.sink = r;
  };
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
  check(s);
  const run = makeRun(row, s);
  const timeNs = BigInt(opts.timeMs) * 1_000_000n;
  const batch = calibrate(run);
  for (let i = 0; i < opts.warmup; i++) iteration(run, batch, timeNs);
  const samples = [];
  for (let i = 0; i < opts.iterations; i++) samples.push(iteration(run, batch, timeNs));
  check(s);
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
