'use strict';
// Node twin of benchmarks/src/main/java/dev/nodeshim/benchmarks/childprocess/IpcBenchmark.java,
// SpawnBenchmark.java and ForkBenchmark.java.
//
// spawnTrue: spawn('true') until 'close'; execEchoHi: exec('echo hi') until its callback;
// spawn500Parallel: 500 spawn('true') at once until the last 'close' (one operation); stdout2GiB:
// 2 GiB from head -c through child.stdout with a 'data' listener (one operation; GB/s = ops/s x 2.147).
// One operation at a time, as many as fit in the iteration.
//
// roundTrip: the parent sends {i: n}, the forked echo child sends it back, the parent's 'message'
// listener sends the next one; batches of 1,000 sequential round trips. roundTripAdvanced: the same
// with serialization 'advanced'. One child for the row,
// started before the warmup. Measurement mirrors bin/bench's JMH settings (-wi 3 -w 1s -i 5 -r 1s):
// each iteration runs whole batches until its time is up; 3 warmup iterations are dropped and 5
// reported as ops/s samples (round trips per second).
//
// forkFirstMessage: fork(this file, ['hello']) until the child's first message (sent as it starts);
// the child's exit is awaited outside the timed span, as ForkBenchmark's Level.Invocation teardown is.
// ops/s is one over the latency.
//
// Usage:
//   node childprocess.js [--json out.json] [--warmup 3] [--iterations 5] [--time-ms 1000] [--rows id,id]

const { fork, spawn, exec } = require('child_process');
const fs = require('fs');

const BATCH = 1000;

if (process.argv[2] === 'echo') {
  process.on('message', (m) => process.send(m));
  return;
}
if (process.argv[2] === 'hello') {
  process.send('up');
  process.disconnect();
  return;
}

const ROWS = [
  { id: 'roundTrip', name: 'IPC round trip (fork, echo child)' },
  { id: 'roundTripAdvanced', name: "IPC round trip, serialization 'advanced'", serialization: 'advanced' },
  { id: 'spawnTrue', name: "spawn('true') to 'close'", op: spawnTrue },
  { id: 'execEchoHi', name: "exec('echo hi') to callback", op: execEchoHi },
  { id: 'spawn500Parallel', name: "500 parallel spawn('true')", op: spawn500Parallel },
  { id: 'stdout2GiB', name: 'stdout: 2 GiB from head -c', op: stdout2GiB },
  { id: 'forkFirstMessage', name: 'fork to first message', timed: forkFirstMessage },
];

const STDOUT_BYTES = 2 * 1024 * 1024 * 1024;

function stdout2GiB() {
  return new Promise((resolve, reject) => {
    let n = 0;
    const child = spawn('head', ['-c', String(STDOUT_BYTES), '/dev/zero']);
    child.stdout.on('data', (d) => { n += d.length; });
    child.on('close', () => (n === STDOUT_BYTES ? resolve() : reject(new Error(`read ${n} bytes`))));
  });
}

/**
 * fork(this file, ['hello']) until its first message; resolves with the nanoseconds that took, after the
 * child's exit (which is not timed, as ForkBenchmark's Level.Invocation teardown is not).
 */
function forkFirstMessage() {
  return new Promise((resolve, reject) => {
    let took;
    const t0 = process.hrtime.bigint();
    const child = fork(__filename, ['hello']);
    child.on('message', (m) => {
      took = process.hrtime.bigint() - t0;
      if (m !== 'up') reject(new Error(`the child sent ${m}`));
    });
    child.on('error', reject);
    child.on('exit', () => (took === undefined ? reject(new Error('no message')) : resolve(took)));
  });
}

/** One iteration of a row whose operation times itself: ops/s over the timed spans only. */
async function timedIteration(op, timeNs) {
  let ops = 0;
  let timed = 0n;
  const t0 = process.hrtime.bigint();
  do {
    timed += await op();
    ops++;
  } while (process.hrtime.bigint() - t0 < timeNs);
  return ops / (Number(timed) / 1e9);
}

function spawnTrue() {
  return new Promise((resolve, reject) => {
    const child = spawn('true');
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`true exited with ${code}`))));
  });
}

function execEchoHi() {
  return new Promise((resolve, reject) => {
    exec('echo hi', (err, stdout) => (err || stdout !== 'hi\n' ? reject(err || new Error(stdout)) : resolve()));
  });
}

function spawn500Parallel() {
  const all = [];
  for (let i = 0; i < 500; i++) all.push(spawnTrue());
  return Promise.all(all);
}

/** One iteration of a one-operation-at-a-time row: ops/s over whole operations until time is up. */
async function opIteration(op, timeNs) {
  let ops = 0;
  const t0 = process.hrtime.bigint();
  let elapsed;
  do {
    await op();
    ops++;
    elapsed = process.hrtime.bigint() - t0;
  } while (elapsed < timeNs);
  return ops / (Number(elapsed) / 1e9);
}

function parseArgs(argv) {
  const opts = { warmup: 3, iterations: 5, timeMs: 1000, json: null, rows: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    switch (a) {
      case '--warmup': opts.warmup = Number(next()); break;
      case '--iterations': opts.iterations = Number(next()); break;
      case '--time-ms': opts.timeMs = Number(next()); break;
      case '--json': opts.json = next(); break;
      case '--rows': opts.rows = next().split(','); break;
      default: throw new Error(`unknown option ${a}`);
    }
  }
  return opts;
}

function batch(child) {
  return new Promise((resolve, reject) => {
    let left = BATCH;
    const onMessage = (m) => {
      if (--left > 0) {
        child.send({ i: left });
      } else {
        child.off('message', onMessage);
        if (m.i !== 1) reject(new Error(`the batch ended on ${m.i}`));
        else resolve();
      }
    };
    child.on('message', onMessage);
    child.send({ i: left });
  });
}

async function iteration(child, timeNs) {
  let ops = 0;
  const t0 = process.hrtime.bigint();
  let elapsed;
  do {
    await batch(child);
    ops += BATCH;
    elapsed = process.hrtime.bigint() - t0;
  } while (elapsed < timeNs);
  return ops / (Number(elapsed) / 1e9);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const results = [];
  for (const row of ROWS.filter((r) => !opts.rows || opts.rows.includes(r.id))) {
    process.stderr.write(`node: ${row.name} ...\n`);
    const timeNs = BigInt(opts.timeMs) * 1_000_000n;
    if (row.timed) {
      for (let i = 0; i < opts.warmup; i++) await timedIteration(row.timed, timeNs);
      const samples = [];
      for (let i = 0; i < opts.iterations; i++) samples.push(await timedIteration(row.timed, timeNs));
      results.push({ id: row.id, name: row.name, samples });
      continue;
    }
    if (row.op) {
      for (let i = 0; i < opts.warmup; i++) await opIteration(row.op, timeNs);
      const samples = [];
      for (let i = 0; i < opts.iterations; i++) samples.push(await opIteration(row.op, timeNs));
      results.push({ id: row.id, name: row.name, samples });
      continue;
    }
    const child = fork(__filename, ['echo'], { serialization: row.serialization || 'json' });
    await new Promise((resolve) => { child.once('message', resolve); child.send('up?'); });
    for (let i = 0; i < opts.warmup; i++) await iteration(child, timeNs);
    const samples = [];
    for (let i = 0; i < opts.iterations; i++) samples.push(await iteration(child, timeNs));
    child.disconnect();
    results.push({ id: row.id, name: row.name, batch: BATCH, samples });
  }
  const report = { node: process.version, v8: process.versions.v8, rows: results };
  const text = JSON.stringify(report, null, 2) + '\n';
  if (opts.json) fs.writeFileSync(opts.json, text);
  else process.stdout.write(text);
}

main();
