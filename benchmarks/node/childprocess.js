'use strict';
// Node twin of benchmarks/src/main/java/dev/nodeshim/benchmarks/childprocess/IpcBenchmark.java.
//
// roundTrip: the parent sends {i: n}, the forked echo child sends it back, the parent's 'message'
// listener sends the next one; batches of 1,000 sequential round trips. One child for the row,
// started before the warmup. Measurement mirrors bin/bench's JMH settings (-wi 3 -w 1s -i 5 -r 1s):
// each iteration runs whole batches until its time is up; 3 warmup iterations are dropped and 5
// reported as ops/s samples (round trips per second).
//
// Usage:
//   node childprocess.js [--json out.json] [--warmup 3] [--iterations 5] [--time-ms 1000] [--rows id,id]

const { fork } = require('child_process');
const fs = require('fs');

const BATCH = 1000;

if (process.argv[2] === 'echo') {
  process.on('message', (m) => process.send(m));
  return;
}

const ROWS = [{ id: 'roundTrip', name: 'IPC round trip (fork, echo child)' }];

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
    const child = fork(__filename, ['echo']);
    await new Promise((resolve) => { child.once('message', resolve); child.send('up?'); });
    const timeNs = BigInt(opts.timeMs) * 1_000_000n;
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
