'use strict';
// Node twin of benchmarks/src/main/java/dev/nodeshim/benchmarks/crypto/CryptoBenchmark.java.
//
// Every row does exactly what the JMH method with the same id does (see that class's Javadoc):
// inputs come from the same xorshift32 generator with the same seed, built once before measuring;
// each operation's result goes to a sink; every row's output is checked once before measuring and
// once after against the SHA-256 fingerprints in EXPECTED (the same table as the Java side's), so a
// broken implementation cannot post a fast score.
//
// Measurement mirrors the JMH settings bin/bench uses (-f 1 -wi 3 -w 1s -i 5 -r 1s), as
// benchmarks/node/buffer.js does: one node process per row, a batch calibrated to take >= 10 ms,
// 3 warmup iterations dropped, 5 measured ones reported as ops/s samples.
//
// Usage:
//   node crypto.js [--json out.json] [--warmup 3] [--iterations 5] [--time-ms 1000] [--rows id,id]
//   node crypto.js --row <id> ...        (one row in this process; prints one JSON line)
//   node crypto.js --fingerprints        (prints the EXPECTED table from this node)

const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const assert = require('assert');

const SEED = 0x2545F491;
const MIB = 1 << 20;

const hash = (alg) => (s) => crypto.createHash(alg).update(s.mib).digest();
const encrypt = (alg, ivName) => (s) => {
  const c = crypto.createCipheriv(alg, s.key, s[ivName]);
  const body = Buffer.concat([c.update(s.mib), c.final()]);
  return alg.endsWith('gcm') || alg.endsWith('poly1305') ? Buffer.concat([body, c.getAuthTag()]) : body;
};

/** Each row: id (the JMH method name), the name printed in the table, and the operation. */
const ROWS = [
  { id: 'md5', name: 'md5 1 MiB', op: hash('md5') },
  { id: 'sha1', name: 'sha1 1 MiB', op: hash('sha1') },
  { id: 'sha256', name: 'sha256 1 MiB', op: hash('sha256') },
  { id: 'sha512', name: 'sha512 1 MiB', op: hash('sha512') },
  { id: 'sha3_256', name: 'sha3-256 1 MiB', op: hash('sha3-256') },
  { id: 'blake2b512', name: 'blake2b512 1 MiB', op: hash('blake2b512') },
  { id: 'hmacSha256', name: 'HMAC-SHA256 1 MiB', op: (s) => crypto.createHmac('sha256', s.key).update(s.mib).digest() },
  { id: 'aes256Gcm', name: 'aes-256-gcm encrypt 1 MiB', op: encrypt('aes-256-gcm', 'iv12') },
  { id: 'aes256Cbc', name: 'aes-256-cbc encrypt 1 MiB', op: encrypt('aes-256-cbc', 'iv16') },
  { id: 'aes256Ctr', name: 'aes-256-ctr encrypt 1 MiB', op: encrypt('aes-256-ctr', 'iv16') },
  { id: 'chacha20Poly1305', name: 'chacha20-poly1305 encrypt 1 MiB', op: encrypt('chacha20-poly1305', 'iv12') },
  { id: 'sha256Small', name: "createHash('sha256').update(64 B).digest('hex')", op: (s) => crypto.createHash('sha256').update(s.small).digest('hex') },
  { id: 'pbkdf2Sha256', name: 'pbkdf2Sync sha256 1000 iter, 32 B', op: (s) => crypto.pbkdf2Sync(s.password, s.salt, 1000, 32, 'sha256') },
];

/** SHA-256 (hex) of each row's output on these inputs, printed by node (`--fingerprints`). */
const EXPECTED = {
  md5: 'b5be6181385d9bc6b7f0f54905704229b93361c81807617bbd92b1c9ee23c38d',
  sha1: '66d33f6f4493c2428d49945a07da70cd1855e7deadb69a6b1de6630078c5cb1b',
  sha256: 'a0a5a6724cf96765a2e8017a03726e36486103095bb3f6ff73965d8871ca5487',
  sha512: '5c810a492c326ed6c72328e3ae5dc3366bc6949f4d2f62d13087b64d2855269c',
  sha3_256: '73c11cc6a9576bee12d57cb0155b5395cc51f8fcff31d0c0e738023180010da9',
  blake2b512: '8c3a168a037254a9214ebc71e041f1b8470b58023a0250d49808bb2547cc09a8',
  hmacSha256: '3993854d7f594ef34cd2c79b7b391f97a02cedb7d46606b57d4487d7abbfdcc6',
  aes256Gcm: '8d3ec2944197c5a1edf156c50880db21a508a37735c04e40c302c4d959a805b1',
  aes256Cbc: '67a1b5be32207618788840405fa9bc3a8783dbfd79d35371467927f3bf043f59',
  aes256Ctr: 'a0c7d27d4772f436097967da72df03508891edf2f2bb9a574cbcd70e24ec4260',
  chacha20Poly1305: '625b92140440c582f5bcfb4c5e1d91b507344ed46180b07c352488fb5a4017d0',
  sha256Small: 'daf2ec151e27355468db2f2a8152bcd5992c1c2e8956ebb8995e4302038f5277',
  pbkdf2Sha256: 'b0e04dbb7cf79196a2e79d930dcfe7b334a39af2c64647507b198856fecfde56',
};

/** The inputs, byte for byte those of CryptoBenchmark.setup(). */
function newState() {
  let x = SEED | 0;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x;
  };
  const bytes = (n) => {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = next() & 0xFF;
    return b;
  };
  const key = bytes(32);
  const iv12 = bytes(12);
  const iv16 = bytes(16);
  const small = bytes(64);
  const password = bytes(16);
  const salt = bytes(16);
  const mib = bytes(MIB);
  return { key, iv12, iv16, small, password, salt, mib, sink: undefined };
}

const fingerprint = (r) => crypto.createHash('sha256').update(typeof r === 'string' ? Buffer.from(r, 'latin1') : r).digest('hex');

function check(s) {
  for (const row of ROWS) assert.strictEqual(fingerprint(row.op(s)), EXPECTED[row.id], row.id);
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
  let n = 1;
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
  const opts = { warmup: 3, iterations: 5, timeMs: 1000, json: null, row: null, rows: null, fingerprints: false };
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
      case '--fingerprints': opts.fingerprints = true; break;
      default: throw new Error(`unknown option ${a}`);
    }
  }
  return opts;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.fingerprints) {
    const s = newState();
    for (const row of ROWS) process.stdout.write(`  ${row.id}: '${fingerprint(row.op(s))}',\n`);
    return;
  }
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
